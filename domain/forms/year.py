"""The contract of a collection year: one object that says everything about the year.

A year package (`domain/forms/y2026/`) exposes `YEAR = Year(...)`. For each log type it names the
form (data, imported with the package, since the log models' columns are made from it) and, as
"module:attribute" paths loaded on first use, what the rest of the service needs from that year:
the rules, the derived values, the named predicates and the answer codes that code outside the year
reads, the bulk upload template, the CSV download and the CDS export declarations. Shared code asks
the year (`domain.forms.registry`) and never names one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from importlib import import_module
from typing import Any

from .catalogue import Form


def resolve(target: Any) -> Any:
    """An object, or the object a "package.module:attribute" (or "package.module") path names."""
    if not isinstance(target, str):
        return target
    module_name, _, attribute = target.partition(":")
    module = import_module(module_name)
    return getattr(module, attribute) if attribute else module


@dataclass(frozen=True)
class LogYear:
    """One log type in one collection year."""

    form: Form
    rules_from: Any  # (form) -> [Rule]: the rules a log of this form is checked against
    derive_from: Any  # (log, loaded values) -> None: sets the derived values
    predicates_from: Any  # the form's named predicates, with the limits they read (a module)
    codes_from: Any  # the answer codes one answer is worked out from another by (a module of data)
    template_from: Any = None  # the bulk upload Template, when the year takes uploads
    csv_from: Any = None  # the CSV download declaration (a module of data)
    cds_from: Any = None  # the CDS export declaration
    # Rule fields the year reads although no column holds them, each with its reason; the start-up
    # checks accept those rules (they never fire on a stored log).
    inert_fields: dict[str, str] = field(default_factory=dict)

    @property
    def log_type(self) -> str:
        return self.form.log_type

    @property
    def year(self) -> int:
        return self.form.year

    @cached_property
    def rules(self) -> list:
        return list(resolve(self.rules_from)(self.form))

    @cached_property
    def derive(self):
        return resolve(self.derive_from)

    @cached_property
    def predicates(self):
        return resolve(self.predicates_from)

    @cached_property
    def codes(self):
        return resolve(self.codes_from)

    @cached_property
    def template(self):
        return resolve(self.template_from)

    @cached_property
    def csv(self):
        return resolve(self.csv_from)

    @cached_property
    def cds(self):
        return resolve(self.cds_from)


@dataclass(frozen=True)
class Year:
    """A collection year (April to March, named by its start year) and its log types."""

    year: int
    lettings: LogYear
    sales: LogYear

    def __post_init__(self):
        for kind in (self.lettings, self.sales):
            if kind.year != self.year:
                raise ValueError(f"The {self.year} year declares the {kind.form}.")

    def of(self, log_type: str) -> LogYear:
        if log_type not in ("lettings", "sales"):
            raise LookupError(f"Unknown log type {log_type!r}.")
        return getattr(self, log_type)
