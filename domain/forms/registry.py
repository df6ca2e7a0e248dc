"""Every collection year's forms, by log type and year.

A new year is a new sub-package (domain/forms/y2027/...) that evolves the year before and registers
its forms here. Logs pick their form by the year their date falls in.
"""

from __future__ import annotations

from datetime import date

from domain import collection

from .catalogue import Form

_FORMS: dict[tuple[str, int], Form] = {}


def register(form: Form) -> Form:
    _FORMS[(form.log_type, form.year)] = form
    return form


def unregister(form: Form) -> None:
    _FORMS.pop((form.log_type, form.year), None)


_loaded = False


def _load() -> None:
    """Import every year's form packages once (each registers its forms)."""
    global _loaded
    if not _loaded:
        _loaded = True
        from domain.forms.y2026 import lettings, sales  # noqa: F401


def all_forms(log_type: str | None = None) -> list[Form]:
    _load()
    return [form for (kind, _), form in sorted(_FORMS.items()) if log_type in (None, kind)]


def years(log_type: str) -> list[int]:
    return [form.year for form in all_forms(log_type)]


def form_for_year(log_type: str, year: int) -> Form:
    """The form of a year; a date before the first year uses the first, after the last the last."""
    _load()
    if (log_type, year) in _FORMS:
        return _FORMS[(log_type, year)]
    known = years(log_type)
    if not known:
        raise LookupError(f"No {log_type} forms are registered.")
    return _FORMS[(log_type, known[0] if year < known[0] else known[-1])]


def form_for_date(log_type: str, day: date | None) -> Form:
    """The form a log dated `day` is answered on (no date yet: the current year's)."""
    return form_for_year(log_type, collection.collection_year_of(day) if day else collection.current_year())


def column_labels(log_type: str) -> dict[str, str]:
    """What each column holds, in words: its question (the option, for a tick box), or the label of
    the value the service derives. The newest year's wording wins."""
    labels: dict[str, str] = {}
    for form in reversed(all_forms(log_type)):
        for question in form.questions:
            if question.type == "checkbox":
                for option in question.options:
                    labels.setdefault(str(option.code), f"{question.label}: {option.label}")
            else:
                for column in question.columns:
                    labels.setdefault(column, question.label)
        for derived in form.derived:
            if derived.label:
                labels.setdefault(derived.field, derived.label)
    return labels


def column_specs(log_type: str) -> dict[str, tuple[str, int]]:
    """Every column any year's form of this type writes: name -> (kind, max length)."""
    specs: dict[str, tuple[str, int]] = {}
    for form in all_forms(log_type):
        for question in form.questions:
            for column in question.columns:
                kind = "int" if question.type == "checkbox" else question.value_kind
                specs.setdefault(column, (kind, question.max_length))
        for derived in form.derived:
            specs.setdefault(derived.field, (derived.kind, derived.max_length))
    return specs
