"""Looking up a bulk upload's postcodes and UPRNs before its rows are checked.

The rows are checked, and their logs created, inside one transaction that holds the new rows' locks
until the end; no look-up may wait on the network in there. So every distinct postcode and UPRN of
the file is looked up first (each once, whatever the number of rows), and the rows are then checked
with `cached_answers_only()`."""

from __future__ import annotations

import logging
from typing import Iterable

from domain.postcodes import compact_postcode, is_valid_postcode

from .results import LookupUnavailable
from .service import lookups

logger = logging.getLogger(__name__)
POSTCODE_ANSWERS = ("postcode_full", "ppostcode_full")


def lookups_prefetch(answers: Iterable[dict]) -> dict[str, int]:
    """Look up each distinct postcode and UPRN in these rows' answers; returns how many were asked.
    A service that fails is not asked again for this upload (its rows fall back to what they give)."""
    service = lookups()
    postcodes, uprns = set(), set()
    for row in answers:
        for name in POSTCODE_ANSWERS:
            value = row.get(name)
            if value and is_valid_postcode(value):
                postcodes.add(compact_postcode(value))
        uprn = str(row.get("uprn") or "").strip()
        if uprn.isdigit():
            uprns.add(uprn)
    asked = {"postcodes": 0, "uprns": 0}
    if service.addresses_on:
        try:
            for uprn in sorted(uprns):
                address = service.address_for_uprn(uprn)
                asked["uprns"] += 1
                if address is not None and address.postcode:
                    postcodes.add(compact_postcode(address.postcode))  # the postcode the UPRN will fill in
        except LookupUnavailable as error:
            logger.warning("Bulk upload UPRN look-ups stopped; rows keep the address they give: %s", error)
    if service.postcodes_on:
        try:
            for postcode in sorted(postcodes):
                service.postcode_area(postcode)
                asked["postcodes"] += 1
        except LookupUnavailable as error:
            logger.warning("Bulk upload postcode look-ups stopped; rows keep the local authority they give: %s",
                           error)
    return asked
