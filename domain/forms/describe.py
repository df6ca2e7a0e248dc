"""A form as plain data, for `describe_form` and for people explaining a rule or a question."""

from __future__ import annotations

from .catalogue import Form


def _rules_for(form: Form):
    if form.log_type == "lettings":
        from domain.validations import lettings

        return lettings.rules_for(form.year)
    from domain.validations import sales

    return sales.rules_for(form.year)


def describe_form(form: Form) -> dict:
    return {
        "log_type": form.log_type,
        "year": form.year,
        "sections": [
            {"id": section.id, "label": section.label,
             "subsections": [{"id": sub.id, "label": sub.label} for sub in section.subsections]}
            for section in form.sections
        ],
        "questions": [
            question.as_json(page, subsection, section)
            for section, subsection, page, question in form.placed_questions()
        ],
        "derived": [{"field": d.field, "kind": d.kind, "label": d.label} for d in form.derived],
        "rules": [rule.describe() for rule in _rules_for(form)],
    }
