"""Named predicates for the 2026 lettings form: the conditions its data cannot say by itself.

Each is a pure function of a log, read with `getattr(log, field, None)`, so it works on a model
instance, a form's cleaned data wrapped in an object, or a `SimpleNamespace` in tests. Importing this
module registers them; the form modules refer to them by name, e.g. `when(**{"x?": True})`.

Helper attributes the log model is expected to provide (not columns):
- `scheme_location_count`: how many of the scheme's locations count as available (confirmed, starting
  within 14 days or with no start date);
- `owning_organisation_provider_type`: 1 (local authority) or 2 (private registered provider);
- `rent_range`: the rent range row for the log (collection year, LA, bedrooms, letting type), with
  Decimal `soft_min`, `soft_max`, `hard_min`, `hard_max`, or None when there is none.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import NamedTuple

from domain.forms.conditions import predicate
from domain.forms.money import weekly, weekly_income
from domain.forms.shared.people import over_retirement_age, under_retirement_age

LOCAL_AUTHORITY, PRIVATE_REGISTERED_PROVIDER = 1, 2
GENERAL_NEEDS, SUPPORTED_HOUSING = 1, 2
MAX_PEOPLE_WITH_DETAILS = 8

RETIRED, CHILD_UNDER_16, SICK_OR_DISABLED, PREFERS_NOT_TO_SAY = 5, 9, 8, 10
MIN_RETIREMENT_AGE = 66


def _get(log, field):
    value = getattr(log, field, None)
    return None if value == "" else value


def _present(*values) -> bool:
    return all(value is not None for value in values)


def people_with_details(log) -> int:
    """How many people the form asks about: hhmemb, at most 8 (8 when hhmemb is blank)."""
    hhmemb = _get(log, "hhmemb")
    return MAX_PEOPLE_WITH_DETAILS if hhmemb is None else min(hhmemb, MAX_PEOPLE_WITH_DETAILS)


# --- routing ------------------------------------------------------------------------------------

@predicate("scheme_has_multiple_locations?")
def scheme_has_multiple_locations(log) -> bool:
    count = _get(log, "scheme_location_count")
    return count is not None and count > 1


@predicate("scheme_has_large_number_of_locations?")
def scheme_has_large_number_of_locations(log) -> bool:
    count = _get(log, "scheme_location_count")
    return count is not None and count > 19


@predicate("owning_organisation_is_la?")
def owning_organisation_is_la(log) -> bool:
    return _get(log, "owning_organisation_provider_type") == LOCAL_AUTHORITY


@predicate("owning_organisation_is_prp?")
def owning_organisation_is_prp(log) -> bool:
    return _get(log, "owning_organisation_provider_type") == PRIVATE_REGISTERED_PROVIDER


# --- rent and charges ---------------------------------------------------------------------------

def _between(value, low, high) -> bool:
    return low <= value <= high


@predicate("rent_soft_validation_triggered?")
def rent_soft_validation_triggered(log) -> bool:
    """Weekly basic rent is in the low band [hard_min, soft_min] or the high band of its rent range.

    High band: [soft_max, hard_max], or simply above soft_max for more than 4 bedrooms (rent ranges
    stop at 4 bedrooms, so the hard maximum does not apply).
    """
    brent, period, rent_range = _get(log, "brent"), _get(log, "period"), _get(log, "rent_range")
    if not _present(brent, period, _get(log, "startdate"), rent_range):
        return False
    rent = weekly(brent, period)
    if rent is None:
        return False
    if _between(rent, rent_range.hard_min, rent_range.soft_min):
        return True
    beds = _get(log, "beds")
    if beds is not None and beds > 4:
        return rent > rent_range.soft_max
    return _between(rent, rent_range.soft_max, rent_range.hard_max)


class ChargeLimits(NamedTuple):
    soft_max: dict  # (needstype, provider type) -> weekly £
    hard_max: dict  # provider type -> weekly £


CHARGE_LIMITS: dict[str, ChargeLimits] = {
    "scharge": ChargeLimits(
        soft_max={(GENERAL_NEEDS, LOCAL_AUTHORITY): 25, (GENERAL_NEEDS, PRIVATE_REGISTERED_PROVIDER): 35,
                  (SUPPORTED_HOUSING, LOCAL_AUTHORITY): 100, (SUPPORTED_HOUSING, PRIVATE_REGISTERED_PROVIDER): 200},
        hard_max={LOCAL_AUTHORITY: 500, PRIVATE_REGISTERED_PROVIDER: 800},
    ),
    "pscharge": ChargeLimits(
        soft_max={(GENERAL_NEEDS, LOCAL_AUTHORITY): 25, (GENERAL_NEEDS, PRIVATE_REGISTERED_PROVIDER): 35,
                  (SUPPORTED_HOUSING, LOCAL_AUTHORITY): 75, (SUPPORTED_HOUSING, PRIVATE_REGISTERED_PROVIDER): 100},
        hard_max={LOCAL_AUTHORITY: 200, PRIVATE_REGISTERED_PROVIDER: 700},
    ),
    "supcharg": ChargeLimits(
        soft_max={(GENERAL_NEEDS, LOCAL_AUTHORITY): 25, (GENERAL_NEEDS, PRIVATE_REGISTERED_PROVIDER): 35,
                  (SUPPORTED_HOUSING, LOCAL_AUTHORITY): 75, (SUPPORTED_HOUSING, PRIVATE_REGISTERED_PROVIDER): 85},
        hard_max={LOCAL_AUTHORITY: 200, PRIVATE_REGISTERED_PROVIDER: 800},
    ),
}


def charge_higher_than_expected(log, field: str) -> bool:
    """The weekly charge is above its soft maximum but not above its hard maximum."""
    charge, period = _get(log, field), _get(log, "period")
    needstype, provider_type = _get(log, "needstype"), _get(log, "owning_organisation_provider_type")
    if not _present(charge, period, needstype, provider_type):
        return False
    limits = CHARGE_LIMITS[field]
    soft_max = limits.soft_max.get((needstype, provider_type))
    hard_max = limits.hard_max.get(provider_type)
    amount = weekly(charge, period)
    if soft_max is None or hard_max is None or amount is None:
        return False
    return soft_max < amount <= hard_max


def _register_charge_check(field: str):
    predicate(f"{field}_soft_validation_triggered?")(lambda log: charge_higher_than_expected(log, field))


for _charge in CHARGE_LIMITS:
    _register_charge_check(_charge)


# --- income -------------------------------------------------------------------------------------

class IncomeRange(NamedTuple):
    soft_min: int
    soft_max: int
    hard_min: int
    hard_max: int


# Expected weekly net income per person, by working situation (`ecstat`).
INCOME_RANGES: dict[int, IncomeRange] = {
    1: IncomeRange(143, 730, 90, 1230),
    2: IncomeRange(67, 620, 50, 950),
    3: IncomeRange(80, 480, 40, 990),
    4: IncomeRange(50, 370, 10, 450),
    5: IncomeRange(50, 380, 10, 1000),
    6: IncomeRange(53, 540, 10, 890),
    7: IncomeRange(47, 460, 10, 1300),
    8: IncomeRange(54, 460, 10, 2000),
    9: IncomeRange(50, 450, 10, 750),
    0: IncomeRange(50, 580, 10, 1040),
    10: IncomeRange(47, 730, 10, 2000),
}


def household_income_range(log) -> IncomeRange | None:
    """The lead tenant's range plus one per other person with details; None without ecstat1 or hhmemb."""
    ecstat1, hhmemb = _get(log, "ecstat1"), _get(log, "hhmemb")
    if not _present(ecstat1, hhmemb) or ecstat1 not in INCOME_RANGES:
        return None
    rows = [INCOME_RANGES[ecstat1]]
    if hhmemb > 1:
        for n in range(2, people_with_details(log) + 1):
            ecstat = _get(log, f"ecstat{n}")
            if ecstat is None:
                age = _get(log, f"age{n}")
                ecstat = CHILD_UNDER_16 if age is not None and age < 16 else PREFERS_NOT_TO_SAY
            rows.append(INCOME_RANGES.get(ecstat, INCOME_RANGES[PREFERS_NOT_TO_SAY]))
    return IncomeRange(*(sum(column) for column in zip(*rows)))


@predicate("net_income_soft_validation_triggered?")
def net_income_soft_validation_triggered(log) -> bool:
    income = weekly_income(_get(log, "earnings"), _get(log, "incfreq"))
    income_range = household_income_range(log)
    if income is None or income_range is None:
        return False
    return (_between(income, income_range.hard_min, income_range.soft_min)
            or _between(income, income_range.soft_max, income_range.hard_max))


# --- people -------------------------------------------------------------------------------------

def _is_male(log, n: int) -> bool:
    return _get(log, f"sexrab{n}") == "M" and _get(log, f"gender_same_as_sex{n}") == 1


def _gender_given(log, n: int) -> bool:
    if n > 1 and _get(log, f"details_known_{n}") != 0:
        return False
    return _present(_get(log, f"sexrab{n}"), _get(log, f"gender_same_as_sex{n}"))


@predicate("no_household_member_likely_to_be_pregnant?")
def no_household_member_likely_to_be_pregnant(log) -> bool:
    """Somebody is said to be pregnant, but every person is male, or every non-male is under 13 or over 55."""
    hhmemb = _get(log, "hhmemb")
    if _get(log, "preg_occ") != 1 or hhmemb is None or hhmemb > MAX_PEOPLE_WITH_DETAILS:
        return False
    people = range(1, people_with_details(log) + 1)
    if not all(_gender_given(log, n) for n in people):
        return False
    non_male = [n for n in people if not _is_male(log, n)]
    if not non_male:
        return True
    ages_known = all(_get(log, f"age{n}_known") == 0 and _get(log, f"age{n}") is not None for n in people)
    return ages_known and not any(13 <= _get(log, f"age{n}") <= 55 for n in non_male)


def _register_retirement_checks(n: int):
    predicate(f"person_{n}_under_retirement?")(lambda log: under_retirement_age(log, n))
    predicate(f"person_{n}_over_retirement?")(lambda log: over_retirement_age(log, n))


for _n in range(1, MAX_PEOPLE_WITH_DETAILS + 1):
    _register_retirement_checks(_n)


@predicate("illness_soft_validation_triggered?")
def illness_soft_validation_triggered(log) -> bool:
    """Someone cannot work because of long-term sickness but nobody is said to have a condition."""
    if _get(log, "illness") != 2:
        return False
    return any(_get(log, f"ecstat{n}") == SICK_OR_DISABLED for n in range(1, people_with_details(log) + 1))


# --- dates --------------------------------------------------------------------------------------

MIN_VACANT_DAYS, MAX_VACANT_DAYS = 730, 7300


def _as_date(value):
    return value.date() if isinstance(value, datetime) else value


def vacant_more_than_two_years(log, field: str) -> bool:
    """`field` lies between 20 years and 2 years (730 days) before the tenancy start date, inclusive."""
    day, startdate = _as_date(_get(log, field)), _as_date(_get(log, "startdate"))
    if not (isinstance(day, date) and isinstance(startdate, date)):
        return False
    return startdate - timedelta(days=MAX_VACANT_DAYS) <= day <= startdate - timedelta(days=MIN_VACANT_DAYS)


@predicate("void_date_soft_validation_triggered?")
def void_date_soft_validation_triggered(log) -> bool:
    return vacant_more_than_two_years(log, "voiddate")


@predicate("major_repairs_date_soft_validation_triggered?")
def major_repairs_date_soft_validation_triggered(log) -> bool:
    return vacant_more_than_two_years(log, "mrcdate")


# --- free text that looks like an existing answer -----------------------------------------------

def whole_words(*phrases: str) -> re.Pattern:
    """Any of the phrases as whole words, ignoring case; spaces inside a phrase match any whitespace."""
    alternatives = "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in phrases)
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


REASONS_WITH_THEIR_OWN_ANSWER = whole_words(
    "Decant", "Decanted", "Refugee", "Asylum", "Ukraine", "Ukrainian", "Army", "Military",
    "Domestic Abuse", "Domestic Violence", "DA", "DV", "Relationship breakdown", "Overcrowding",
    "Overcrowded", "Too small", "More space", "Bigger property", "Damp", "Mould", "Fire",
    "Repossession", "Death", "Deceased", "Passed away", "Prison", "Hospital",
)
STARTER_PERIOD = whole_words("introductory", "intro", "starter")


@predicate("reasonother_soft_validation_triggered?")
def reasonother_soft_validation_triggered(log) -> bool:
    text = _get(log, "reasonother")
    return isinstance(text, str) and REASONS_WITH_THEIR_OWN_ANSWER.search(text) is not None


@predicate("tenancyother_soft_validation_triggered?")
def tenancyother_soft_validation_triggered(log) -> bool:
    text = _get(log, "tenancyother")
    return isinstance(text, str) and STARTER_PERIOD.search(text) is not None

