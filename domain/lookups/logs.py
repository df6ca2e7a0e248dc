"""The look-ups a log's save makes, before its answers are checked (lettings form §1.7 steps 2 and 6,
sales form §4.1 and §4.3), for lettings and sales alike.

- A UPRN that changed fills the address from OS Places (county cleared) and marks the UPRN known
  and confirmed. A UPRN the service does not know is an error on `uprn`.
- A postcode that changed (the property's or the previous one) sets the local authority from
  postcodes.io and marks it inferred, so its question is not asked. A postcode the service does not
  know, or no postcode, takes back a local authority that had been inferred.
- When a service is off, slow or failing, nothing is lost: the answers stay as typed, the local
  authority question is asked, and the log carries a short note for the person saving it.
"""

from __future__ import annotations

from domain.postcodes import is_valid_postcode, postcode_as_stored

from .authorities import authority_for
from .results import LookupUnavailable
from .service import lookups

POSTCODE_PAIRS = (
    # (postcode, local authority, "was inferred" flag)
    ("postcode_full", "la", "is_la_inferred"),
    ("ppostcode_full", "prevloc", "is_previous_la_inferred"),
)
UPRN_UNKNOWN = "UPRN is not recognised. Check the number, or enter the address instead."
ADDRESS_SERVICE_DOWN = ("The address for this UPRN could not be looked up just now, so the address is kept as "
                        "entered. Check it.")
POSTCODE_SERVICE_DOWN = ("The local authority could not be worked out from the postcode just now. Choose it "
                         "from the list.")


def log_apply_lookups(log) -> None:
    """Fill in what the look-up services know about the log's UPRN and postcodes (in memory).

    Leaves `log.lookup_errors` (column -> messages, checked with the log's answers) and
    `log.lookup_notes` (short messages for the person saving, when a service was unavailable)."""
    log.lookup_errors, log.lookup_notes = {}, []
    service = lookups()
    _address_from_uprn(log, service)
    day = getattr(log, log.DATE_FIELD, None) if getattr(log, "DATE_FIELD", None) else None
    for postcode_field, la_field, inferred_field in POSTCODE_PAIRS:
        if hasattr(log, postcode_field):
            _infer_local_authority(log, service, postcode_field, la_field, inferred_field, day)


def _changed(log, name: str) -> bool:
    return log.loaded_values.get(name) != getattr(log, name, None)


def _address_from_uprn(log, service) -> None:
    uprn = (getattr(log, "uprn", "") or "").strip()
    if not uprn or not _changed(log, "uprn") or not service.addresses_on:
        return
    try:
        address = service.address_for_uprn(uprn)
    except LookupUnavailable:
        log.lookup_notes.append(ADDRESS_SERVICE_DOWN)
        return
    if address is None:
        log.lookup_errors.setdefault("uprn", []).append(UPRN_UNKNOWN)
        return
    log.address_line1 = address.address_line1
    log.address_line2 = address.address_line2
    log.town_or_city = address.town_or_city
    log.county = ""
    log.postcode_full = postcode_as_stored(address.postcode)
    log.uprn_known = 1
    for name, value in (("uprn_confirmed", 1), ("uprn_selection", uprn)):
        if hasattr(log, name):
            setattr(log, name, value)


def _take_back(log, la_field: str, inferred_field: str) -> None:
    if getattr(log, inferred_field, False):
        setattr(log, la_field, "")
    setattr(log, inferred_field, False)


def _infer_local_authority(log, service, postcode_field, la_field, inferred_field, day) -> None:
    postcode = getattr(log, postcode_field, "") or ""
    if not is_valid_postcode(postcode):
        _take_back(log, la_field, inferred_field)
        return
    inferred = bool(getattr(log, inferred_field, False))
    if not _changed(log, postcode_field) and (inferred or getattr(log, la_field, "")):
        return  # already worked out, or typed when the service could not help: left alone
    if not service.postcodes_on:
        _take_back(log, la_field, inferred_field)
        return
    try:
        area = service.postcode_area(postcode)
    except LookupUnavailable:
        _take_back(log, la_field, inferred_field)
        log.lookup_notes.append(POSTCODE_SERVICE_DOWN)
        return
    authority = authority_for(area.la_code, day) if area else None
    if authority is None:
        _take_back(log, la_field, inferred_field)
        return
    setattr(log, la_field, authority.code)
    setattr(log, inferred_field, True)
