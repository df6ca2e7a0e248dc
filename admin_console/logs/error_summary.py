"""The GOV.UK error summary at the top of a log's form: each problem once, linked to the first
question it is on (the link opens that question's tab)."""

from django.forms.forms import NON_FIELD_ERRORS


def error_summary(form) -> list[dict]:
    seen, items = set(), []
    for name, messages in form.errors.items():
        for message in messages:
            if message in seen:
                continue
            seen.add(message)
            link = "" if name == NON_FIELD_ERRORS or name not in form.fields else f"#{form[name].id_for_label}"
            items.append({"message": message, "link": link})
    return items
