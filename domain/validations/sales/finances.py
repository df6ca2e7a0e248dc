"""2026 sales: purchase-price arithmetic (rules spec §2.5).

What the buyers paid (mortgage, cash deposit, and the Social HomeBuy cash discount or a grant) must
match the part of the price they bought: the initial share for a shared ownership purchase, the share
bought for a staircasing transaction, and the discounted price for discounted ownership. For shared
ownership the allowed difference is the price of 0.1 percentage points of equity (`value` x 0.001).
"""

from __future__ import annotations

from decimal import Decimal

from domain.forms.money import pounds
from domain.validations.rules import HARD, Rule

from .common import (DISCOUNTED_OWNERSHIP, NO, SHARED_OWNERSHIP, SOCIAL_HOMEBUY, YES, get, is_london,
                     number, percent, present)

ONE_POUND = Decimal("1")
POINT_TOLERANCE = Decimal("0.001")  # of the full price: what 0.1 of a percentage point is worth
RENT_TO_BUY_FULL_OWNERSHIP = 29
DISCOUNT_CAP, LONDON_DISCOUNT_CAP = Decimal("103400"), Decimal("137400")
GRANT_TYPES = (8, 21)  # Right to Acquire, Social HomeBuy for outright purchase
GRANT_MIN, GRANT_MAX = Decimal("9000"), Decimal("16000")


def differ(paid: Decimal, expected: Decimal, tolerance: Decimal, *, strict: bool) -> bool:
    """Whether two amounts differ by more than the tolerance (strict) or by the tolerance or more."""
    gap = abs(paid - expected)
    return gap > tolerance if strict else gap >= tolerance


def share_of_value(log, share_field: str) -> Decimal:
    return number(log, "value") * number(log, share_field) / 100


def equity_tolerance(log) -> Decimal:
    if present(log, "value", "equity"):
        return number(log, "value") * POINT_TOLERANCE
    return ONE_POUND


# --- Shared ownership: initial purchase (share `equity`) and staircasing (share `stairbought`) ---

def _paid(log, *, mortgage: bool, cash_discount: bool) -> Decimal:
    total = number(log, "deposit")
    if mortgage:
        total += number(log, "mortgage")
    if cash_discount:
        total += number(log, "cashdis")
    return total


def _total_phrase(parts: list[str]) -> str:
    """"The cash deposit is" or "The mortgage, cash deposit and cash discount add up to"."""
    if len(parts) == 1:
        return f"The {parts[0]} is"
    return "The " + ", ".join(parts[:-1]) + " and " + parts[-1] + " add up to"


def _paid_words(*, mortgage: bool, cash_discount: bool) -> str:
    return _total_phrase((["mortgage"] if mortgage else []) + ["cash deposit"]
                         + (["cash discount"] if cash_discount else []))


def _purchase_rule(stage: str, *, staircasing: bool, social_homebuy: bool, mortgage_used: bool) -> Rule:
    share_field = "stairbought" if staircasing else "equity"
    cash_discount = social_homebuy
    named = ("mortgage",) if mortgage_used else ("mortgageused",)
    fields = (*named, "value", "deposit", *(("cashdis",) if cash_discount else ()), share_field, "type")
    mortgage_codes = (YES,) if mortgage_used else ((NO, 3) if staircasing else (NO,))
    needed = (("mortgage",) if mortgage_used else ()) + (("cashdis",) if cash_discount else ())
    paid_fields = (("mortgage",) if mortgage_used else ()) + ("deposit",) + (("cashdis",) if cash_discount else ())
    tolerance = (lambda log: ONE_POUND) if staircasing else equity_tolerance

    def applies(log) -> bool:
        return (present(log, "saledate", "value", "deposit", share_field, "type", "mortgageused", *needed)
                and get(log, "ownershipsch") == SHARED_OWNERSHIP
                and get(log, "staircase") in ((YES,) if staircasing else (NO, 3))
                and (log.type == SOCIAL_HOMEBUY) == social_homebuy
                and log.mortgageused in mortgage_codes)

    def passes(log) -> bool:
        paid = _paid(log, mortgage=mortgage_used, cash_discount=cash_discount)
        return not differ(paid, share_of_value(log, share_field), tolerance(log), strict=not staircasing)

    share_words = ("the {share}% share bought in this staircasing transaction" if staircasing
                   else "the initial {share}% share")
    words = _paid_words(mortgage=mortgage_used, cash_discount=cash_discount)
    return Rule(
        f"finances.{stage}.{'' if mortgage_used else 'no_mortgage_'}"
        f"{'_'.join(paid_fields)}_vs_{share_field}", HARD, fields,
        message=f"{words} {{paid}}, but {share_words} of the full price of {{value}} is "
                "{expected}. They should be the same. Check the amounts, the share and the price.",
        applies=applies,
        passes=passes,
        context=lambda log: {
            "paid": pounds(_paid(log, mortgage=mortgage_used, cash_discount=cash_discount)),
            "share": percent(get(log, share_field)), "value": pounds(get(log, "value")),
            "expected": pounds(share_of_value(log, share_field)),
        },
    )


PURCHASE_RULES = [
    _purchase_rule(stage, staircasing=staircasing, social_homebuy=social_homebuy, mortgage_used=mortgage_used)
    for stage, staircasing in (("initial_purchase", False), ("staircasing", True))
    for social_homebuy in (True, False)
    for mortgage_used in (True, False)
]


# --- Discounted ownership: mortgage + deposit + grant against the discounted price ---

def discounted_price(log) -> Decimal:
    value = number(log, "value")
    if not present(log, "discount"):
        return value
    return value - value * number(log, "discount") / 100


def _discounted_paid(log) -> Decimal:
    return (number(log, "mortgage") or 0) + number(log, "deposit") + (number(log, "grant") or 0)


def _discounted_applies(log) -> bool:
    return (present(log, "saledate", "value", "deposit", "ownershipsch")
            and log.ownershipsch == DISCOUNTED_OWNERSHIP
            and (present(log, "mortgage") or get(log, "mortgageused") == NO)
            and (present(log, "discount") or present(log, "grant") or get(log, "type") == RENT_TO_BUY_FULL_OWNERSHIP))


def _discounted_passes(log) -> bool:
    with_discount = present(log, "discount")
    tolerance = number(log, "value") * POINT_TOLERANCE if with_discount else ONE_POUND
    return not differ(_discounted_paid(log), discounted_price(log), tolerance, strict=with_discount)


def _discounted_context(log) -> dict:
    parts = []
    if (number(log, "mortgage") or 0) > 0:
        parts.append(f"mortgage ({pounds(log.mortgage)})")
    parts.append(f"cash deposit ({pounds(log.deposit)})")
    if present(log, "grant"):
        parts.append(f"grant ({pounds(log.grant)})")
    if len(parts) == 1:
        parts = ["cash deposit"]
    discount = f"less the {percent(log.discount)}% discount " if present(log, "discount") else ""
    return {"paid": _total_phrase(parts), "total": pounds(_discounted_paid(log)), "value": pounds(log.value),
            "discount": discount, "price": pounds(discounted_price(log))}


def discount_amount(log) -> Decimal:
    return number(log, "value") * number(log, "discount") / 100


def discount_cap(log) -> Decimal:
    return LONDON_DISCOUNT_CAP if is_london(log) else DISCOUNT_CAP


RULES = [
    *PURCHASE_RULES,
    Rule(
        "finances.discounted_ownership.paid_vs_discounted_price", HARD,
        ("mortgageused", "mortgage", "value", "deposit", "discount", "grant", "ownershipsch"),
        message="{paid} {total}, but the purchase price of {value} {discount}is {price}. They "
                "should be the same. Check the amounts, the discount and the price.",
        applies=_discounted_applies,
        passes=_discounted_passes,
        context=_discounted_context,
    ),
    Rule(
        "finances.mortgage.zero_when_used", HARD, ("mortgage",),
        message="You said a mortgage was used, so the mortgage amount cannot be £0. Enter the amount borrowed, "
                "or change whether a mortgage was used.",
        applies=lambda log: get(log, "mortgageused") == YES and present(log, "mortgage"),
        passes=lambda log: number(log, "mortgage") != 0,
    ),
    Rule(
        "finances.discount.over_cap", HARD, ("discount", "value", "la", "postcode_full", "uprn"),
        message="A {discount}% discount on {value} is {amount}, more than the {cap} a discount may be for a home "
                "{where}. Check the discount, the price and the property's address.",
        applies=lambda log: present(log, "saledate", "discount", "value", "la"),
        passes=lambda log: discount_amount(log) <= discount_cap(log),
        context=lambda log: {"discount": percent(log.discount), "value": pounds(log.value),
                             "amount": pounds(discount_amount(log)), "cap": pounds(discount_cap(log)),
                             "where": "in London" if is_london(log) else "outside London"},
    ),
    Rule(
        "finances.grant.out_of_range", HARD, ("grant",),
        message="Loans, grants and subsidies for Right to Acquire and Social HomeBuy sales are between {low} and "
                "{high}; you entered {grant}. Check the amount.",
        applies=lambda log: present(log, "saledate", "grant") and get(log, "type") in GRANT_TYPES,
        passes=lambda log: GRANT_MIN <= number(log, "grant") <= GRANT_MAX,
        context=lambda log: {"low": pounds(GRANT_MIN), "high": pounds(GRANT_MAX), "grant": pounds(log.grant)},
    ),
]
