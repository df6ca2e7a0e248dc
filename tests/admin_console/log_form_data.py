"""POST data for a log's admin change form, as the browser would send it with nothing changed."""

from datetime import date

from django.db.models import Model


def _as_posted(value):
    if value is None:
        return ""
    if isinstance(value, Model):
        return str(value.pk)
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def change_form_data(client, url: str, **changes) -> dict:
    """The form's current answers (read from the page's form), with `changes` applied."""
    form = client.get(url).context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(value, bool) or getattr(field.widget, "input_type", None) == "checkbox":
            if value:
                data[name] = "on"
            continue
        posted = _as_posted(value)
        if posted == "" and getattr(field.widget, "input_type", None) == "radio":
            continue  # a radio group with nothing chosen is not sent at all
        choices = getattr(field, "choices", None)
        if choices is not None and posted not in {str(code) for code, _ in choices}:
            posted = ""  # a browser cannot send a value its list does not offer
        data[name] = posted
    data.update({name: _as_posted(value) for name, value in changes.items()})
    return data
