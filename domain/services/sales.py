"""Sales logs: what is particular to them in the shared log pipeline (domain/services/logs.py).

`SalesLog.kind` is `KIND`."""

from __future__ import annotations

from domain.forms import registry
from domain.forms.catalogue import Form
from domain.lookups.logs import log_apply_lookups
from domain.models import SalesLog
from domain.services.log_kind import LogKind, normalise_postcodes


def _derive_for(form: Form):
    return registry.log_year("sales", form.year).derive


def _prepare_answers(log: SalesLog) -> None:
    # Without a UPRN the address is entered by hand; a UPRN (typed, or chosen from the address search)
    # is known, and the look-up fills the address in from it.
    log.manual_address_entry_selected = not log.uprn
    if log.uprn and log.uprn != log.loaded_values.get("uprn"):
        log.uprn_known = 1
    normalise_postcodes(log, "postcode_full", "ppostcode_full")
    log_apply_lookups(log)


def _after_save(log: SalesLog, *, written: bool = False) -> None:
    from domain.services.duplicates import duplicates_refresh

    duplicates_refresh(log=log, written=written)


def _after_delete(old_set) -> None:
    from domain.services.duplicates import duplicate_set_tidy

    duplicate_set_tidy(SalesLog, old_set)


KIND = LogKind(
    log_type="sales",
    prepare=_prepare_answers,
    rules_for=lambda year: registry.log_year("sales", year).rules,
    derive_for=_derive_for,
    left_out_with={"postcode_full": ("pcodenk",), "ppostcode_full": ("ppcodenk",)},
    after_save=_after_save,
    after_delete=_after_delete,
)
