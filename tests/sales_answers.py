"""Complete, valid answer sets for 2026 sales logs, as the catalogue names them."""

from datetime import date
from decimal import Decimal

BUYER_AND_PROPERTY = {
    "saledate": date(2026, 6, 1), "jointpur": 2, "noint": 2, "privacynotice": 1,
    "address_line1": "2 Sale Street", "town_or_city": "Sheffield", "postcode_full": "S1 4AB", "la": "E08000039",
    "proptype": 1, "buildheightclass": 1, "beds": 2, "builtype": 1, "wchair": 2,
    "age1_known": 0, "age1": 34, "sexrab1": "F", "gender_same_as_sex1": 1, "ethnic_group": 0, "ethnic": 1,
    "nationality_all_group": 826, "ecstat1": 1, "buy1livein": 1, "hholdcount": 1,
    "ppcodenk": 1, "previous_la_known": 0, "hhregres": 7, "armedforcesspouse": 7, "disabled": 2, "wheel": 2,
    "income1nk": 0, "income1": 32000, "inc1mort": 1, "hb": 2, "savingsnk": 0, "savings": 12000, "prevown": 2,
}


def shared_ownership_answers(owner, user, **overrides) -> dict:
    """A single buyer's first shared ownership purchase (40% of £200,000) that completes every subsection."""
    answers = {
        "owning_organisation": owner, "managing_organisation": owner, "assigned_to": user,
        **BUYER_AND_PROPERTY, "purchid": "SO-1", "ownershipsch": 1, "type": 30, "staircase": 2, "prevten": 3,
        "resale": 1, "value": Decimal("200000.00"), "equity": Decimal("40.0"), "mortgageused": 1,
        "mortgage": Decimal("70000.00"), "mortlen": 25, "deposit": Decimal("10000.00"), "mrent": Decimal("400.00"),
        "has_mscharge": 0, "has_management_fee": 0,
    }
    answers.update(overrides)
    return answers


def discounted_ownership_answers(owner, user, **overrides) -> dict:
    """A Right to Buy sale at a 30% discount on £180,000 that completes every subsection."""
    answers = {
        "owning_organisation": owner, "managing_organisation": owner, "assigned_to": user,
        **BUYER_AND_PROPERTY, "purchid": "DO-1", "ownershipsch": 2, "type": 9, "prevten": 1,
        "proplen_asked": 0, "proplen": 5, "value": Decimal("180000.00"), "discount": Decimal("30.0"),
        "mortgageused": 1, "mortgage": Decimal("116000.00"), "mortlen": 25, "extrabor": 2,
        "deposit": Decimal("10000.00"), "has_mscharge": 0,
    }
    answers.update(overrides)
    return answers
