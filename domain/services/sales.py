"""Sales logs: what is particular to them in the shared log pipeline (domain/services/logs.py)."""

from __future__ import annotations

from domain.forms.catalogue import Form
from domain.lookups.logs import log_apply_lookups
from domain.models import SalesLog, User
from domain.services import logs
from domain.services.logs import Outcome, normalise_postcodes
from domain.validations import sales as sales_rules


def _derive_for(form: Form):
    if form.year >= 2026:
        from domain.forms.y2026.sales.derived import derive

        return derive
    raise LookupError(f"No derived values are defined for {form}.")


def _prepare_answers(log: SalesLog) -> None:
    # Without a UPRN the address is entered by hand; a UPRN (typed, or chosen from the address search)
    # is known, and the look-up fills the address in from it.
    log.manual_address_entry_selected = not log.uprn
    if log.uprn and log.uprn != log.loaded_values.get("uprn"):
        log.uprn_known = 1
    normalise_postcodes(log, "postcode_full", "ppostcode_full")
    log_apply_lookups(log)


def _after_save(log: SalesLog) -> None:
    from domain.services.duplicates import duplicates_refresh

    duplicates_refresh(log=log)


def _after_delete(old_set) -> None:
    from domain.services.duplicates import duplicate_set_tidy

    duplicate_set_tidy(SalesLog, old_set)


SALES = logs.register_kind(logs.LogKind(
    log_type="sales",
    prepare=_prepare_answers,
    rules_for=sales_rules.rules_for,
    derive_for=_derive_for,
    left_out_with={"postcode_full": ("pcodenk",), "ppostcode_full": ("ppcodenk",)},
    after_save=_after_save,
    after_delete=_after_delete,
))


def sales_log_evaluate(log: SalesLog) -> Outcome:
    return logs.log_evaluate(log)


def sales_log_save(*, log: SalesLog, by: User | None, keep_valid: bool = False,
                   outcome: Outcome | None = None) -> Outcome:
    return logs.log_save(log=log, by=by, keep_valid=keep_valid, outcome=outcome)


def sales_logs_insert(*, evaluated: list[tuple[SalesLog, Outcome]], by: User | None) -> None:
    logs.logs_insert(SalesLog, evaluated=evaluated, by=by)


def sales_log_new(*, by: User) -> SalesLog:
    return logs.log_new(SalesLog, by=by)
