"""2026 lettings, hard rules on the property (rules spec §1.3): vacancy reason, shared housing bedrooms,
UPRN, postcode, and the local authority being English and in existence on the start date."""

from __future__ import annotations

import re

from domain.models import LocalAuthority
from domain.selectors import lookups
from domain.validations.rules import HARD, Rule

from .common import GENERAL_NEEDS, POSTCODE, SUPPORTED_HOUSING, as_date, day, get, present

TEMPORARY_RELET = 9
RENEWAL_REASON = 14
NOT_TEMPORARY_ACCOMMODATION = (4, 6, 8, 24, 25, 34, 35)  # prevten codes
SHARED_UNITS = (4, 9, 10)
UPRN = re.compile(r"^\d{1,12}$")
LA_FIELDS = ("la", "postcode_full", "uprn", "startdate")
SUPPORTED_LA_FIELDS = ("la", "postcode_full", "location_id", "scheme_id", "startdate")


def _shared(log) -> bool:
    return get(log, "unittype_gn") in SHARED_UNITS and present(log, "beds")


def _authority(log) -> LocalAuthority | None:
    code = log.effective_la
    return lookups.local_authority(code) if code else None


def _la_name(log) -> str:
    authority = _authority(log)
    return authority.name if authority else log.effective_la


def _la_in_existence(log) -> bool:
    authority = _authority(log)
    start = as_date(log.startdate)
    return start >= authority.start_date and (authority.end_date is None or start <= authority.end_date)


def _la_known_in_england(log) -> bool:
    return bool(log.effective_la) and log.effective_la.startswith("E") and _authority(log) is not None


def _postcodes_differ(log) -> bool:
    location = log.location if getattr(log, "location_id", None) else None
    return bool(location and location.postcode and log.effective_postcode
                and location.postcode.replace(" ", "").upper() != log.effective_postcode.replace(" ", "").upper())


def _la_rules(needstype: int, fields: tuple[str, ...], kind: str) -> list[Rule]:
    refuse = tuple(field for field in fields if field in ("la", "postcode_full", "uprn"))
    return [
        Rule(
            f"property.la.not_in_england.{kind}", HARD, fields,
            message="The property's local authority ({la}) is not in England. Only lettings in England are "
                    "recorded here: check the postcode or the local authority.",
            applies=lambda log: get(log, "needstype") == needstype and bool(log.effective_la),
            passes=lambda log: log.effective_la.startswith("E"),
            context=lambda log: {"la": _la_name(log)},
            refuse=refuse,
        ),
        Rule(
            f"property.la.not_on_startdate.{kind}", HARD, fields,
            message="{la} did not exist on the tenancy start date ({startdate}) because of boundary or name "
                    "changes. Choose the local authority that covered the property on that date, or check the "
                    "start date.",
            applies=lambda log: get(log, "needstype") == needstype and present(log, "startdate")
            and _la_known_in_england(log),
            passes=_la_in_existence,
            context=lambda log: {"la": _la_name(log), "startdate": day(log.startdate)},
            refuse=refuse,
        ),
    ]


RULES = [
    Rule(
        "property.rsnvac.temporary_relet_after_settled_home", HARD, ("rsnvac",),
        message="This cannot be a re-let to a tenant who lived here as temporary accommodation: their previous "
                "housing situation was not temporary accommodation. Change the vacancy reason or the previous "
                "housing situation.",
        applies=lambda log: get(log, "rsnvac") == TEMPORARY_RELET,
        passes=lambda log: get(log, "prevten") not in NOT_TEMPORARY_ACCOMMODATION,
    ),
    Rule(
        "property.rsnvac.renewal_reason_without_renewal", HARD, ("rsnvac",),
        message="The property cannot be vacant because of the renewal of a fixed-term tenancy when the letting "
                "is not a renewal. Choose another vacancy reason, or answer that the letting is a renewal.",
        applies=lambda log: get(log, "renewal") == 0,
        passes=lambda log: get(log, "rsnvac") != RENEWAL_REASON,
    ),
    Rule(
        "property.beds.shared_one_tenant", HARD, ("unittype_gn", "beds", "hhmemb"),
        message="Shared housing let to one person has 1 to 3 bedrooms; you entered {beds}. Enter the number of "
                "bedrooms this household uses, or check the unit type.",
        applies=lambda log: _shared(log) and get(log, "hhmemb") == 1,
        passes=lambda log: 1 <= log.beds <= 3,
        context=lambda log: {"beds": log.beds},
        refuse=("beds", "unittype_gn"),
    ),
    Rule(
        "property.beds.shared", HARD, ("unittype_gn", "beds"),
        message="Shared housing has 1 to 7 bedrooms; you entered {beds}. Enter the number of bedrooms this "
                "household uses, or check the unit type.",
        applies=lambda log: _shared(log) and get(log, "hhmemb") != 1,
        passes=lambda log: 1 <= log.beds <= 7,
        context=lambda log: {"beds": log.beds},
    ),
    Rule(
        "property.uprn.format", HARD, ("uprn",),
        message="A UPRN is a number of up to 12 digits. Enter the UPRN without spaces or letters, or leave it "
                "blank and enter the address.",
        applies=lambda log: present(log, "uprn"),
        passes=lambda log: bool(UPRN.match(str(log.uprn).strip())),
    ),
    Rule(
        "property.postcode_full.format", HARD, ("postcode_full",),
        message="Enter a real postcode, like AA1 1AA.",
        applies=lambda log: present(log, "postcode_full") and get(log, "postcode_known") in (1, None),
        passes=lambda log: bool(POSTCODE.match(log.postcode_full.strip())),
    ),
    Rule(
        "property.postcode_full.not_the_location", HARD, ("location_id", "uprn", "postcode_full"),
        message="The property's postcode ({postcode}) is not the postcode of the scheme location you chose "
                "({location_postcode}). Check the address, or choose the right location.",
        applies=lambda log: get(log, "needstype") == SUPPORTED_HOUSING,
        passes=lambda log: not _postcodes_differ(log),
        context=lambda log: {"postcode": log.effective_postcode, "location_postcode": log.location.postcode},
        refuse=("postcode_full", "uprn"),
    ),
    *_la_rules(GENERAL_NEEDS, LA_FIELDS, "general_needs"),
    *_la_rules(SUPPORTED_HOUSING, SUPPORTED_LA_FIELDS, "supported_housing"),
]
