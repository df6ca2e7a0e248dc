"""2026 sales: hard rules on the property and its address (rules spec §2.2).

The local authority checks need the reference table, which the SalesLog model reads for them:
`local_authority` is the authority whose code is `la` (any nation, active or not), or None when no
authority has that code.
"""

from __future__ import annotations

import re

from domain.postcodes import is_valid_postcode
from domain.validations.dates import as_date, long_date
from domain.validations.rules import HARD, Rule

from .common import get, present

BEDSIT = 2
_UPRN = re.compile(r"^[0-9]{1,12}$")
ADDRESS_FIELDS = ("la", "postcode_full", "uprn", "uprn_selection")


def _authority(log):
    return log.local_authority


def _looked_up(log) -> bool:
    """The log has an `la` to look up in the reference table."""
    return present(log, "la")


def _in_england(log) -> bool:
    authority = _authority(log)
    return authority is not None and str(authority.code).startswith("E")


def _active_on_saledate(log) -> bool:
    authority, day = _authority(log), as_date(log.saledate)
    return authority.start_date <= day and (authority.end_date is None or day <= authority.end_date)


def _postcode_ok(log, field: str) -> bool:
    return bool(str(get(log, field) or "").strip()) and is_valid_postcode(getattr(log, field))


def _found_by(log) -> str:
    return "address" if present(log, "uprn") else "postcode"


RULES = [
    Rule(
        "property.uprn.format", HARD, ("uprn",),
        message="A UPRN is a number of up to 12 digits. Enter the UPRN without spaces or letters.",
        applies=lambda log: present(log, "uprn"),
        passes=lambda log: bool(_UPRN.match(str(log.uprn))),
    ),
    Rule(
        "property.postcode_full.format", HARD, ("postcode_full",),
        message="Enter the property's postcode in the usual format, like AA1 1AA.",
        applies=lambda log: getattr(log, "postcode_full", None) is not None and get(log, "pcodenk") == 0,
        passes=lambda log: _postcode_ok(log, "postcode_full"),
    ),
    Rule(
        "property.ppostcode_full.format", HARD, ("ppostcode_full",),
        message="Enter the postcode of the buyer's last address in the usual format, like AA1 1AA.",
        applies=lambda log: getattr(log, "ppostcode_full", None) is not None and get(log, "ppcodenk") == 0,
        passes=lambda log: _postcode_ok(log, "ppostcode_full"),
    ),
    Rule(
        "property.la.not_in_england", HARD, ADDRESS_FIELDS,
        message="This service only collects sales of homes in England. Check the address, postcode or local "
                "authority.",
        applies=_looked_up,
        passes=_in_england,
    ),
    Rule(
        # The same failure, reported on the sale date too (the web form shows it; bulk upload leaves it out).
        "property.saledate.not_in_england", HARD, ("saledate",),
        message="The {found_by} you entered is not in England. Check the {found_by} or the sale completion date.",
        applies=lambda log: _looked_up(log) and present(log, "saledate"),
        passes=_in_england,
        context=lambda log: {"found_by": _found_by(log)},
    ),
    Rule(
        "property.la.not_active_on_saledate", HARD, ADDRESS_FIELDS,
        message="{name} was not a local authority on {saledate}. Check the address or local authority, or the "
                "sale completion date.",
        applies=lambda log: _looked_up(log) and present(log, "saledate") and _in_england(log),
        passes=_active_on_saledate,
        context=lambda log: {"name": _authority(log).name, "saledate": long_date(log.saledate)},
    ),
    Rule(
        "property.saledate.la_not_active", HARD, ("saledate",),
        message="{name} was not a local authority on {saledate}. Check the sale completion date, or the "
                "address or local authority.",
        applies=lambda log: _looked_up(log) and present(log, "saledate") and _in_england(log),
        passes=_active_on_saledate,
        context=lambda log: {"name": _authority(log).name, "saledate": long_date(log.saledate)},
    ),
    Rule(
        "property.beds.bedsit_more_than_one", HARD, ("proptype", "beds"),
        message="A bedsit has 1 bedroom, not {beds}. Change the number of bedrooms or the type of unit.",
        applies=lambda log: present(log, "proptype", "beds") and log.proptype == BEDSIT,
        passes=lambda log: log.beds <= 1,
        context=lambda log: {"beds": log.beds},
    ),
]
