"""The collection years the service knows, found rather than listed.

Every `domain/forms/yNNNN/` package is a year (its `YEAR` object, see `domain/forms/year.py`); the
setting `EXTRA_FORM_YEARS` names more year packages (tests add a year that way). A log takes the
form of the year its date falls in; callers ask the year for anything else (rules, derived values,
bulk upload template, CSV and CDS declarations).
"""

from __future__ import annotations

import pkgutil
import re
from datetime import date
from importlib import import_module

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

from domain import collection

from .catalogue import Form
from .year import LogYear, Year

YEAR_PACKAGE = re.compile(r"^y\d{4}$")
_years: dict[int, Year] | None = None


def _discover() -> dict[int, Year]:
    import domain.forms as forms

    packages = [f"domain.forms.{m.name}" for m in pkgutil.iter_modules(forms.__path__)
                if m.ispkg and YEAR_PACKAGE.match(m.name)]
    found: dict[int, Year] = {}
    for name in [*packages, *getattr(settings, "EXTRA_FORM_YEARS", ())]:
        year = import_module(name).YEAR
        if year.year in found:
            raise ValueError(f"{name} declares {year.year}, which another package declares already.")
        found[year.year] = year
    return dict(sorted(found.items()))


def all_years() -> dict[int, Year]:
    """Every known year, oldest first."""
    global _years
    if _years is None:
        _years = _discover()
    return _years


@receiver(setting_changed)
def _forget_years(*, setting, **kwargs) -> None:
    global _years
    if setting == "EXTRA_FORM_YEARS":
        _years = None


def years(log_type: str | None = None) -> list[int]:
    """The known years (every year declares both log types)."""
    return list(all_years())


def year(number: int) -> Year:
    """A known year exactly (LookupError naming the known ones otherwise)."""
    known = all_years()
    if number not in known:
        raise LookupError(f"There is no {number} collection year. Known years: {', '.join(map(str, known)) or 'none'}.")
    return known[number]


def log_year(log_type: str, number: int) -> LogYear:
    """A log type's year; a year before the first uses the first, after the last the last."""
    known = all_years()
    if not known:
        raise LookupError("No collection years are declared.")
    if number not in known:
        number = min(known) if number < min(known) else max(known)
    return known[number].of(log_type)


def all_forms(log_type: str | None = None) -> list[Form]:
    kinds = ("lettings", "sales") if log_type is None else (log_type,)
    return [y.of(kind).form for kind in kinds for y in all_years().values()]


def form_for_year(log_type: str, number: int) -> Form:
    """The form of a year; a date before the first year uses the first, after the last the last."""
    return log_year(log_type, number).form


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
