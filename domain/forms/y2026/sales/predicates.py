"""Named predicates for the 2026 sales form: its soft checks (sales-2026-form §4.1, rules §3).

Each is a pure function of a log, read with `getattr(log, field, None)`, so it works on a SalesLog,
a form's data wrapped in an object, or a `SimpleNamespace` in tests. Importing this module
registers them; the subsection modules name them in conditions, e.g. `when(**{"x?": True})`.
Every check is false while an answer it needs is blank.

Helper attribute the log model is expected to provide (not a column):
- `sale_range`: the purchase-price range for the log's collection year, `la` and bedrooms
  (min(beds, 4)), with Decimal `soft_min` and `soft_max`; None when there is no such row.

London is worked out from the `la` code itself (E09000001 to E09000033, rules §0.3).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from domain.forms.conditions import predicate
from domain.forms.shared.people import over_retirement_age, under_retirement_age

PEOPLE = range(1, 7)
OTHER_PEOPLE = range(2, 7)
SHARED_OWNERSHIP, DISCOUNTED_OWNERSHIP = 1, 2
OLDER_PERSONS_SHARED_OWNERSHIP = 24
JOINT, NOT_JOINT = 1, 2


def _get(log, field):
    value = getattr(log, field, None)
    return None if value == "" else value


def _present(*values) -> bool:
    return all(value is not None for value in values)


def is_london(la) -> bool:
    """The LA code is one of the 33 London boroughs, E09000001 to E09000033."""
    if not isinstance(la, str) or not la.startswith("E09") or not la[3:].isdigit():
        return False
    return 1 <= int(la[3:]) <= 33


# --- price, income and charges -----------------------------------------------------------------

@predicate("sale_price_outside_expected_range?")
def sale_price_outside_expected_range(log) -> bool:
    """P_VALUE_RANGE: the price is below or above the expected range for the LA and bedrooms."""
    value, sale_range = _get(log, "value"), _get(log, "sale_range")
    if not _present(value, _get(log, "beds"), _get(log, "la"), sale_range):
        return False
    soft_min, soft_max = getattr(sale_range, "soft_min", None), getattr(sale_range, "soft_max", None)
    return (soft_min is not None and value < soft_min) or (soft_max is not None and value > soft_max)


DISCOUNTED_INCOME_LIMIT, DISCOUNTED_INCOME_LIMIT_LONDON = 80_000, 90_000


def discounted_income_limit(log) -> int:
    return DISCOUNTED_INCOME_LIMIT_LONDON if is_london(_get(log, "la")) else DISCOUNTED_INCOME_LIMIT


def _income_over_discounted_limit(log, *fields: str) -> bool:
    incomes = [_get(log, field) for field in fields]
    if _get(log, "ownershipsch") != DISCOUNTED_OWNERSHIP or not _present(*incomes, _get(log, "la")):
        return False
    return sum(incomes) > discounted_income_limit(log)


@predicate("buyer_1_income_over_discounted_limit?")
def buyer_1_income_over_discounted_limit(log) -> bool:
    """P_INC1_DISC."""
    return _income_over_discounted_limit(log, "income1")


@predicate("buyer_2_income_over_discounted_limit?")
def buyer_2_income_over_discounted_limit(log) -> bool:
    """P_INC2_DISC."""
    return _income_over_discounted_limit(log, "income2")


@predicate("combined_income_over_discounted_limit?")
def combined_income_over_discounted_limit(log) -> bool:
    """P_COMB_DISC."""
    return _income_over_discounted_limit(log, "income1", "income2")


class IncomeRange(NamedTuple):
    soft_min: int
    soft_max: int


# Expected gross yearly income of a buyer by working situation (form §6.4); 10 (prefers not to say) has none.
BUYER_INCOME_RANGES: dict[int, IncomeRange] = {
    1: IncomeRange(13_400, 150_000),
    2: IncomeRange(2_600, 80_000),
    3: IncomeRange(2_080, 30_000),
    4: IncomeRange(520, 23_400),
    5: IncomeRange(520, 80_000),
    6: IncomeRange(520, 50_000),
    7: IncomeRange(520, 30_000),
    8: IncomeRange(520, 150_000),
    9: IncomeRange(520, 150_000),
    0: IncomeRange(520, 150_000),
}


def income_unexpected_for_working_situation(log, n: int) -> bool:
    income, ecstat = _get(log, f"income{n}"), _get(log, f"ecstat{n}")
    if not _present(income, ecstat) or ecstat not in BUYER_INCOME_RANGES:
        return False
    expected = BUYER_INCOME_RANGES[ecstat]
    return income < expected.soft_min or income > expected.soft_max


@predicate("buyer_1_income_unexpected_for_working_situation?")
def buyer_1_income_unexpected(log) -> bool:
    """P_INC1_ECSTAT."""
    return income_unexpected_for_working_situation(log, 1)


@predicate("buyer_2_income_unexpected_for_working_situation?")
def buyer_2_income_unexpected(log) -> bool:
    """P_INC2_ECSTAT."""
    return income_unexpected_for_working_situation(log, 2)


@predicate("monthly_charges_higher_than_expected?")
def monthly_charges_higher_than_expected(log) -> bool:
    """P_MSCHARGE_HIGH: over £550 a month for older persons' shared ownership, over £300 otherwise."""
    sale_type, mscharge = _get(log, "type"), _get(log, "mscharge")
    if not _present(sale_type, mscharge, _get(log, "proptype")):
        return False
    return mscharge > (550 if sale_type == OLDER_PERSONS_SHARED_OWNERSHIP else 300)


@predicate("discount_higher_than_expected?")
def discount_higher_than_expected(log) -> bool:
    """P_DISCOUNT_HIGH: over 50% for a flat or bedsit, over 35% for a house, bungalow or other."""
    discount, proptype = _get(log, "discount"), _get(log, "proptype")
    if not _present(discount, proptype):
        return False
    return (proptype in (1, 2) and discount > 50) or (proptype in (3, 4, 9) and discount > 35)


@predicate("mortgage_over_5_times_income?")
def mortgage_over_5_times_income(log) -> bool:
    """P_MORTGAGE_HIGH: the mortgage is more than 5 times the incomes used for it (any mortgage, if none)."""
    mortgage, inc1mort, inc2mort = _get(log, "mortgage"), _get(log, "inc1mort"), _get(log, "inc2mort")
    income1, income2 = _get(log, "income1"), _get(log, "income2")
    if not _present(mortgage, inc1mort) or (inc2mort is None and _get(log, "jointpur") != NOT_JOINT):
        return False
    if (inc1mort == 1 and income1 is None) or (inc2mort == 1 and income2 is None):
        return False
    used = (income1 if inc1mort == 1 else 0) + (income2 if inc2mort == 1 else 0)
    return mortgage > 5 * used


@predicate("savings_higher_than_expected?")
def savings_higher_than_expected(log) -> bool:
    """P_SAVINGS_HIGH: over £200,000 for older persons' shared ownership, over £100,000 otherwise."""
    savings = _get(log, "savings")
    if savings is None:
        return False
    return savings > (200_000 if _get(log, "type") == OLDER_PERSONS_SHARED_OWNERSHIP else 100_000)


@predicate("deposit_higher_than_savings?")
def deposit_higher_than_savings(log) -> bool:
    """P_DEPOSIT_HIGH: with a mortgage, the deposit is more than savings x 4/3 (rounded down to the pound)."""
    savings, deposit = _get(log, "savings"), _get(log, "deposit")
    if not _present(savings, deposit) or _get(log, "mortgageused") != 1:
        return False
    return deposit > int(savings) * 4 // 3


@predicate("grant_outside_expected_range?")
def grant_outside_expected_range(log) -> bool:
    """P_GRANT_RANGE: outside £9,000 to £16,000 (types 8 and 21 have a hard rule instead)."""
    grant, sale_type = _get(log, "grant"), _get(log, "type")
    if not _present(grant, sale_type, _get(log, "saledate")) or sale_type in (8, 21):
        return False
    return grant < 9_000 or grant > 16_000


@predicate("deposit_and_mortgage_below_discounted_value?")
def deposit_and_mortgage_below_discounted_value(log) -> bool:
    """P_DEP_MORT_LOW: switched off from 2026; its pages stay in the form but are never shown."""
    return False


# --- staircasing and handover ------------------------------------------------------------------

@predicate("stairbought_over_50?")
def stairbought_over_50(log) -> bool:
    """P_STAIRBOUGHT_HIGH."""
    stairbought = _get(log, "stairbought")
    return stairbought is not None and stairbought > 50


@predicate("older_persons_stairowned_over_75?")
def older_persons_stairowned_over_75(log) -> bool:
    """P_STAIROWNED_OPSO: older persons' shared ownership owned 76% to 100%."""
    stairowned = _get(log, "stairowned")
    return (_get(log, "type") == OLDER_PERSONS_SHARED_OWNERSHIP and stairowned is not None
            and 76 <= stairowned <= 100)


FIVE_YEARS_IN_SECONDS = 157_784_760  # 5 x 365.2425 days


def _as_datetime(value):
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    return None


@predicate("handover_5_years_before_completion?")
def handover_5_years_before_completion(log) -> bool:
    """P_HODATE_OLD: the handover date is 5 years (of 365.2425 days) or more before the sale date."""
    hodate, saledate = _as_datetime(_get(log, "hodate")), _as_datetime(_get(log, "saledate"))
    if hodate is None or saledate is None or _get(log, "saledate_check") not in (None, 1):
        return False
    return (saledate - hodate).total_seconds() >= FIVE_YEARS_IN_SECONDS


# --- people ------------------------------------------------------------------------------------

def retired_under_66(n: int) -> str:
    return f"person_{n}_retired_under_66?"


def not_retired_over_66(n: int) -> str:
    return f"person_{n}_not_retired_over_66?"


def partner_under_16(n: int) -> str:
    return f"person_{n}_partner_under_16?"


def is_partner_under_16(log, n: int) -> bool:
    age = _get(log, f"age{n}")
    return age is not None and age < 16 and _get(log, f"relat{n}") == "P"


def _register_person_checks(n: int) -> None:
    predicate(retired_under_66(n))(lambda log: under_retirement_age(log, n))
    predicate(not_retired_over_66(n))(lambda log: over_retirement_age(log, n))
    if n > 1:
        predicate(partner_under_16(n))(lambda log: is_partner_under_16(log, n))


for _n in PEOPLE:
    _register_person_checks(_n)


@predicate("more_than_one_partner?")
def more_than_one_partner(log) -> bool:
    """P_MULTI_PARTNERS: two or more of persons 2 to min(hhmemb, 6) are buyer 1's partner."""
    hhmemb = _get(log, "hhmemb")
    if hhmemb is None:
        return False
    return sum(1 for n in range(2, min(hhmemb, 6) + 1) if _get(log, f"relat{n}") == "P") >= 2


def _young_or_age_unknown(log, n: int) -> bool:
    age = _get(log, f"age{n}")
    return (age is not None and age < 64) or _get(log, f"age{n}_known") == 1


@predicate("older_persons_buyers_too_young?")
def older_persons_buyers_too_young(log) -> bool:
    """P_OPSO_AGE: older persons' shared ownership, but no buyer is known to be 64 or over."""
    if _get(log, "type") != OLDER_PERSONS_SHARED_OWNERSHIP:
        return False
    jointpur = _get(log, "jointpur")
    if jointpur == JOINT:
        return _young_or_age_unknown(log, 1) and _young_or_age_unknown(log, 2)
    return jointpur == NOT_JOINT and _young_or_age_unknown(log, 1)


@predicate("buyer_1_not_living_in?")
def buyer_1_not_living_in(log) -> bool:
    """P_LIVEIN1."""
    return _get(log, "ownershipsch") in (SHARED_OWNERSHIP, DISCOUNTED_OWNERSHIP) and _get(log, "buy1livein") == 2


@predicate("buyer_2_not_living_in?")
def buyer_2_not_living_in(log) -> bool:
    """P_LIVEIN2."""
    return (_get(log, "jointpur") == JOINT and _get(log, "buy2livein") == 2
            and _get(log, "ownershipsch") in (SHARED_OWNERSHIP, DISCOUNTED_OWNERSHIP))


@predicate("wheelchair_user_but_nobody_disabled?")
def wheelchair_user_but_nobody_disabled(log) -> bool:
    """P_WHEEL."""
    return _get(log, "wheel") == 1 and _get(log, "disabled") == 2


# --- routing -----------------------------------------------------------------------------------

@predicate("soctenant_asked?")
def soctenant_asked(log) -> bool:
    """From 2024 whether a buyer was a social tenant is always worked out from `prevten`, never asked."""
    return False


@predicate("never?")
def never(log) -> bool:
    """For answer codes that are stored (by import or derivation) but never offered."""
    return False

