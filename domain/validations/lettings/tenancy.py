"""2026 lettings, hard rules on the tenancy (rules spec §1.4): its length, the "other" tenancy type and
joint tenancies."""

from domain.validations.rules import HARD, Rule

from .common import GENERAL_NEEDS, SUPPORTED_HOUSING, get, present

FIXED_TERM, PERIODIC, OTHER = (4, 6), 8, 3
SOCIAL_OR_AFFORDABLE = (1, 2)  # renttype: Social Rent, Affordable Rent


def _fixed_length_rule(rule_id, fields, shortest, applies, who) -> Rule:
    return Rule(
        rule_id, HARD, fields,
        message=f"A fixed-term tenancy of {who} lasts between {shortest} and 99 years; you entered {{years}}. "
                "Enter the length to the nearest year, or check the tenancy type.",
        applies=lambda log: present(log, "tenancylength") and get(log, "tenancy") in FIXED_TERM and applies(log),
        passes=lambda log: shortest <= log.tenancylength <= 99,
        context=lambda log: {"years": log.tenancylength},
        refuse=("tenancylength",),
    )


RULES = [
    _fixed_length_rule(
        "tenancy.tenancylength.supported_housing_fixed_term", ("needstype", "tenancylength", "tenancy"), 1,
        lambda log: get(log, "needstype") == SUPPORTED_HOUSING, "supported housing"),
    _fixed_length_rule(
        "tenancy.tenancylength.general_needs_social_fixed_term",
        ("needstype", "rent_type", "tenancylength", "tenancy"), 2,
        lambda log: get(log, "needstype") == GENERAL_NEEDS and get(log, "renttype") in SOCIAL_OR_AFFORDABLE,
        "general needs at social or affordable rent"),
    _fixed_length_rule(
        "tenancy.tenancylength.general_needs_intermediate_fixed_term",
        ("needstype", "rent_type", "tenancylength", "tenancy"), 1,
        lambda log: get(log, "needstype") == GENERAL_NEEDS and get(log, "renttype") not in SOCIAL_OR_AFFORDABLE,
        "general needs at intermediate rent"),
    Rule(
        "tenancy.tenancylength.periodic", HARD, ("tenancylength", "tenancy"),
        message="The expected length of a periodic tenancy is between 1 and 99 years; you entered {years}. "
                "Enter the length to the nearest year, or leave it blank.",
        applies=lambda log: present(log, "tenancylength") and get(log, "tenancy") == PERIODIC,
        passes=lambda log: 1 <= log.tenancylength <= 99,
        context=lambda log: {"years": log.tenancylength},
        refuse=("tenancylength",),
    ),
    Rule(
        "tenancy.tenancylength.not_asked", HARD, ("tenancylength", "tenancy"),
        message="Only give a tenancy length for a fixed-term or periodic tenancy. Remove the length, or change "
                "the tenancy type.",
        applies=lambda log: present(log, "tenancylength"),
        passes=lambda log: get(log, "tenancy") in (*FIXED_TERM, PERIODIC),
        refuse=("tenancylength",),
    ),
    Rule(
        "tenancy.tenancyother.missing", HARD, ("tenancy", "tenancyother"),
        message="You chose \"Other\" as the tenancy type: describe the type of tenancy.",
        applies=lambda log: get(log, "tenancy") == OTHER,
        passes=lambda log: present(log, "tenancyother"),
        refuse=("tenancy",),
    ),
    Rule(
        "tenancy.tenancyother.not_asked", HARD, ("tenancyother",),
        message="Only describe the tenancy type when it is \"Other\". Remove the description, or change the "
                "tenancy type to \"Other\".",
        applies=lambda log: present(log, "tenancyother"),
        passes=lambda log: get(log, "tenancy") == OTHER,
    ),
    Rule(
        "tenancy.joint.one_person", HARD, ("joint", "hhmemb"),
        message="A joint tenancy needs more than one person in the household. Answer that this is not a joint "
                "tenancy, or check the number of people in the household.",
        applies=lambda log: get(log, "hhmemb") == 1,
        passes=lambda log: get(log, "joint") != 1,
        refuse=("joint",),
    ),
]
