"""Conditions, option sets and question shapes that several 2026 sales subsections use."""

from decimal import Decimal

from domain.forms.catalogue import NUMERIC, Option, Page, Question, options
from domain.forms.conditions import ALWAYS, Condition, any_of, ne, when
from domain.forms.shared.people import interruption

from . import predicates as p

# Abbreviations of sales-2026-form §1.
SEEN = any_of(when(privacynotice=1), when(noint=1))  # the privacy notice was seen (or nobody was interviewed)
NOSTAIR = when(staircase=ne(1))  # not a staircasing transaction
JOINT = when(jointpur=1)
SOLE = when(jointpur=ne(1))  # not joint, or not answered yet
SOLE_STRICT = when(jointpur=2)
NOT_OFFERED = when(**{"never?": True})  # a stored code the question never offers

PENCE = Decimal("0.01")
TENTHS = Decimal("0.1")
MAX_MONEY = 999_999
MAX_MONTHLY_CHARGE = Decimal("9999.99")

YES_NO = options((1, "Yes"), (2, "No"))
YES_NO_DONT_KNOW = options((1, "Yes"), (2, "No"), (3, "Don’t know"))
YES_NO_ZERO = options((1, "Yes"), (0, "No"))  # has_mscharge, has_management_fee
KNOWN = options((0, "Yes"), (1, "No"))  # 0 = known / asked
UNIT_TYPES = ((1, "Flat or maisonette"), (2, "Bedsit"), (3, "House"), (4, "Bungalow"), (9, "Other"))
TENURES = options(
    (1, "Local authority tenant"),
    (2, "Private registered provider or housing association tenant"),
    (3, "Private tenant"),
    (5, "Owner occupier"),
    (4, "Tied home or renting with job"),
    (6, "Living with family or friends"),
    (7, "Temporary accommodation"),
    (9, "Other"),
    (0, "Don’t know"),
)


def stored_only(code, label: str) -> Option:
    return Option(code, label, shown_when=NOT_OFFERED)


def money(field: str, label: str, number: int | None = None, *, min=0, max=MAX_MONEY, step=1, **extra) -> Question:
    """An amount in pounds, asked to the given step and stored with pence."""
    extra.setdefault("kind", "decimal")  # amounts are stored in pounds and pence, whatever the step asked
    return Question(field, NUMERIC, label, number=number, min=min, max=max, step=step, prefix="£", **extra)


def percentage(field: str, label: str, number: int | None = None, *, min=0, max=100, **extra) -> Question:
    return Question(field, NUMERIC, label, number=number, min=min, max=max, step=TENTHS, suffix="%", **extra)


def joint_and_sole(joint_id: str, joint: tuple, sole_id: str, sole: tuple, also: Condition = ALWAYS):
    """The same questions on two pages: worded for joint buyers, and for one buyer (or not answered yet)."""
    return (Page(joint_id, joint, shown_when=also & JOINT), Page(sole_id, sole, shown_when=also & SOLE))


# --- soft checks (form §4.2): one helper per confirmation field ------------------------------------

VALUE_CHECK = "Are you sure? The purchase price is outside the range expected for this area and number of bedrooms."
MONTHLY_CHARGES_CHECK = "Are you sure? The monthly charges are higher than expected for this type of sale."
DISCOUNT_CHECK = "Are you sure? The percentage discount is higher than expected for this type of property."
MORTGAGE_CHECK = "Are you sure? The mortgage is more than 5 times the income used for it."
DEPOSIT_CHECK = "Are you sure? The deposit is high compared with the buyers’ savings."
INCOME_ECSTAT_CHECK = "Are you sure? This income is unusual for the buyer’s working situation."
INCOME_DISCOUNTED_CHECK = "Are you sure? This income is high for a discounted ownership sale in this area."
COMBINED_INCOME_CHECK = "Are you sure? The buyers’ combined income is high for a discounted ownership sale in this area."
RETIRED_CHECK = "Are you sure this person is retired? The minimum expected retirement age is 66."
NOT_RETIRED_CHECK = "Are you sure this person is not retired? They are over 66."
OPSO_CHECK = "Are you sure? Older persons’ shared ownership is for buyers aged 65 or over."
LIVE_IN_CHECK = "Are you sure? Buyers usually live in the property they buy through this scheme."
PARTNER_UNDER_16_CHECK = "Are you sure? This person is under 16 and the partner of buyer 1."
MULTIPLE_PARTNERS_CHECK = "Are you sure? More than one person is the partner of buyer 1."


def value_check(page_id: str):
    return interruption(page_id, "value_value_check", "sale_price_outside_expected_range?", VALUE_CHECK)


def monthly_charges_check(page_id: str):
    return interruption(page_id, "monthly_charges_value_check", "monthly_charges_higher_than_expected?",
                        MONTHLY_CHARGES_CHECK)


def discount_check(page_id: str):
    return interruption(page_id, "percentage_discount_value_check", "discount_higher_than_expected?", DISCOUNT_CHECK)


def mortgage_check(page_id: str, also: Condition = ALWAYS):
    return interruption(page_id, "mortgage_value_check", "mortgage_over_5_times_income?", MORTGAGE_CHECK, also)


def deposit_checks(joint_page_id: str, sole_page_id: str):
    return (interruption(joint_page_id, "deposit_value_check", "deposit_higher_than_savings?", DEPOSIT_CHECK, JOINT),
            interruption(sole_page_id, "deposit_value_check", "deposit_higher_than_savings?", DEPOSIT_CHECK, SOLE))


def income_ecstat_check(page_id: str, n: int):
    return interruption(page_id, f"income{n}_value_check", f"buyer_{n}_income_unexpected_for_working_situation?",
                        INCOME_ECSTAT_CHECK)


def income_discounted_check(page_id: str, n: int):
    return interruption(page_id, f"income{n}_value_check", f"buyer_{n}_income_over_discounted_limit?",
                        INCOME_DISCOUNTED_CHECK)


def combined_income_check(page_id: str):
    return interruption(page_id, "combined_income_value_check", "combined_income_over_discounted_limit?",
                        COMBINED_INCOME_CHECK)


def retired_check(page_id: str, n: int):
    return interruption(page_id, "retirement_value_check", p.retired_under_66(n), RETIRED_CHECK)


def not_retired_check(page_id: str, n: int):
    return interruption(page_id, "retirement_value_check", p.not_retired_over_66(n), NOT_RETIRED_CHECK)


def opso_age_check(page_id: str, also: Condition):
    return interruption(page_id, "old_persons_shared_ownership_value_check", "older_persons_buyers_too_young?",
                        OPSO_CHECK, also)


def live_in_check(page_id: str, n: int):
    return interruption(page_id, "buyer_livein_value_check", f"buyer_{n}_not_living_in?", LIVE_IN_CHECK)


def partner_under_16_check(page_id: str, n: int):
    return interruption(page_id, "partner_under_16_value_check", p.partner_under_16(n), PARTNER_UNDER_16_CHECK)


def multiple_partners_check(page_id: str):
    return interruption(page_id, "multiple_partners_value_check", "more_than_one_partner?", MULTIPLE_PARTNERS_CHECK)
