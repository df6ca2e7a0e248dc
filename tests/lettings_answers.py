"""Complete, valid answer sets for 2026 lettings logs, as the catalogue names them."""

from datetime import date
from decimal import Decimal


def general_needs_answers(owner, user, **overrides) -> dict:
    """A one-person general needs letting that completes every subsection with no soft check raised."""
    answers = {
        "owning_organisation": owner, "managing_organisation": owner, "assigned_to": user,
        "needstype": 1, "renewal": 0, "startdate": date(2026, 6, 1), "rent_type": 0,
        "tenancycode": "T-1001", "propcode": "P-2002", "declaration": 1,
        "first_time_property_let_as_social_housing": 0, "unitletas": 1, "rsnvac": 13,
        "address_line1": "1 Test Street", "town_or_city": "Sheffield", "postcode_full": "S1 2AB",
        "la": "E08000039", "unittype_gn": 1, "wchair": 2, "beds": 2, "voiddate": date(2026, 5, 1),
        "majorrepairs": 0,
        "joint": 2, "startertenancy": 2, "tenancy": 2,
        "hhmemb": 1, "age1_known": 0, "age1": 35, "sexrab1": "F", "gender_same_as_sex1": 1, "ethnic_group": 0,
        "ethnic": 1, "nationality_all_group": 826, "ecstat1": 1,
        "armedforces": 2, "preg_occ": 2, "housingneeds": 2, "illness": 2,
        "layear": 2, "waityear": 7, "reason": 50, "prevten": 3, "homeless": 1, "ppcodenk": 1,
        "previous_la_known": 0, "reasonpref": 2, "cbl": 1, "referral_register": 6, "referral_noms": 4,
        "net_income_known": 0, "incfreq": 1, "earnings": 400, "hb": 9, "benefits": 3,
        "period": 1, "brent": Decimal("100.00"), "scharge": Decimal("10.00"), "pscharge": Decimal("0"),
        "supcharg": Decimal("0"),
    }
    answers.update(overrides)
    return answers


def apply(log, answers: dict):
    for name, value in answers.items():
        setattr(log, name, value)
    return log
