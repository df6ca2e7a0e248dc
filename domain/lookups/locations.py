"""A location's local authority from its postcode (schemes-and-locations §2.2)."""

from __future__ import annotations

from domain.collection import today
from domain.postcodes import is_valid_postcode

from .authorities import authority_for
from .results import LookupUnavailable
from .service import lookups


def location_infer_local_authority(location, *, saved=None) -> str | None:
    """When the postcode is new or changed, set the location's local authority from it and mark it
    inferred. A postcode the service does not know clears an authority that had been inferred (one
    chosen in this same save is kept). Returns a short message for the person when the service could
    not be asked (the authority then stays as chosen)."""
    postcode_changed = saved is None or saved.postcode != location.postcode
    chosen_now = saved is None or saved.location_code != location.location_code
    if not postcode_changed:
        # The form sets the authority it shows on every save; an unchanged one keeps its origin.
        if saved is not None and saved.is_la_inferred and not chosen_now:
            location.is_la_inferred = True
        return None
    if not location.postcode or not is_valid_postcode(location.postcode):
        return None
    service = lookups()
    if not service.postcodes_on:
        return None
    try:
        area = service.postcode_area(location.postcode)
    except LookupUnavailable:
        location.is_la_inferred = False
        return "The local authority could not be worked out from the postcode just now. Choose it from the list."
    authority = authority_for(area.la_code, location.startdate or today()) if area else None
    if authority is None:
        if saved is not None and saved.is_la_inferred and not chosen_now:
            location.location_code, location.location_admin_district = "", ""
        location.is_la_inferred = False
        return None
    location.location_code, location.location_admin_district = authority.code, authority.name
    location.is_la_inferred = True
    return None
