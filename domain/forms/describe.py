"""A form as plain data, for `describe_form` and for people explaining a rule or a question."""

from __future__ import annotations

from . import registry
from .catalogue import Form


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
        "rules": [rule.describe() for rule in registry.log_year(form.log_type, form.year).rules],
    }
