"""Lettings logs: what is particular to them in the shared log pipeline (domain/services/logs.py).

`LettingsLog.kind` is `KIND`."""

from __future__ import annotations

from domain.forms import registry
from domain.forms.catalogue import Form
from domain.lookups.logs import log_apply_lookups
from domain.models import LettingsLog
from domain.services.log_kind import LogKind, normalise_postcodes

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
    return registry.log_year("lettings", form.year).derive


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


def _after_save(log: LettingsLog, *, written: bool = False) -> None:
    from domain.services.duplicates import duplicates_refresh

    duplicates_refresh(log=log, written=written)


def _after_delete(old_set) -> None:
    from domain.services.duplicates import duplicate_set_tidy

    duplicate_set_tidy(LettingsLog, old_set)


KIND = LogKind(
    log_type="lettings",
    prepare=_prepare_answers,
    rules_for=lambda year: registry.log_year("lettings", year).rules,
    derive_for=_derive_for,
    left_out_with=LEFT_OUT_WITH,
    after_save=_after_save,
    after_delete=_after_delete,
)
