"""Lettings logs: what is particular to them in the shared log pipeline (domain/services/logs.py)."""

from __future__ import annotations

from domain.forms.catalogue import Form
from domain.lookups.logs import log_apply_lookups
from domain.models import LettingsLog, User
from domain.services import logs
from domain.services.logs import Outcome, apply_status  # noqa: F401  (part of this module's interface)
from domain.services.logs import normalise_postcodes
from domain.validations import lettings as lettings_rules

# Leaving out a rent or charge also leaves out what was worked out from it; leaving out a postcode or a
# previous local authority also leaves out the answer that says it is known (rules spec §4.9).
LEFT_OUT_WITH = {
    **{charge: ("tcharge", "wrent", "wscharge", "wpschrge", "wsupchrg", "wtcharge")
       for charge in ("brent", "scharge", "pscharge", "supcharg")},
    "tshortfall": ("wtshortfall",),
    "postcode_full": ("postcode_known",),
    "ppostcode_full": ("ppcodenk",),
    "prevloc": ("previous_la_known",),
}


def _derive_for(form: Form):
    if form.year >= 2026:
        from domain.forms.y2026.lettings.derived import derive

        return derive
    raise LookupError(f"No derived values are defined for {form}.")


def _prepare_answers(log: LettingsLog) -> None:
    was = log.loaded_values
    if log.scheme_id != was.get("scheme_id") and log.location_id == was.get("location_id"):
        log.location = None
        usable = log.usable_locations()
        if len(usable) == 1:
            log.location = usable[0]
    if log.scheme_id and log.owning_organisation_id and log.scheme.owning_organisation_id != log.owning_organisation_id:
        log.scheme, log.location = None, None
    normalise_postcodes(log, "postcode_full", "ppostcode_full")
    log_apply_lookups(log)


def _after_save(log: LettingsLog) -> None:
    from domain.services.duplicates import duplicates_refresh

    duplicates_refresh(log=log)


def _after_delete(old_set) -> None:
    from domain.services.duplicates import duplicate_set_tidy

    duplicate_set_tidy(LettingsLog, old_set)


LETTINGS = logs.register_kind(logs.LogKind(
    log_type="lettings",
    prepare=_prepare_answers,
    rules_for=lettings_rules.rules_for,
    derive_for=_derive_for,
    left_out_with=LEFT_OUT_WITH,
    after_save=_after_save,
    after_delete=_after_delete,
))


def lettings_log_evaluate(log: LettingsLog) -> Outcome:
    return logs.log_evaluate(log)


def lettings_log_keep_valid(log: LettingsLog) -> Outcome:
    return logs.log_keep_valid(log)


def lettings_log_save(*, log: LettingsLog, by: User | None, keep_valid: bool = False,
                      outcome: Outcome | None = None) -> Outcome:
    return logs.log_save(log=log, by=by, keep_valid=keep_valid, outcome=outcome)


def lettings_logs_insert(*, evaluated: list[tuple[LettingsLog, Outcome]], by: User | None) -> None:
    logs.logs_insert(LettingsLog, evaluated=evaluated, by=by)


def lettings_log_new(*, by: User) -> LettingsLog:
    return logs.log_new(LettingsLog, by=by)


def lettings_log_delete(*, log: LettingsLog, by: User, reason: str) -> LettingsLog:
    return logs.log_delete(log=log, by=by, reason=reason)


def lettings_log_restore(*, log: LettingsLog, by: User) -> LettingsLog:
    return logs.log_restore(log=log, by=by)
