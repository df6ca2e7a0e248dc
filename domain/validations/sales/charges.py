"""2026 sales: hard rules on the monthly rent and service charges a shared owner pays (rules spec §2.5,
"Other money rules")."""

from __future__ import annotations

from decimal import Decimal

from domain.forms.money import pounds
from domain.validations.rules import HARD, Rule

from .common import OLDER_PERSONS_SHARED_OWNERSHIP, SHARED_OWNERSHIP, YES, get, number, present

MAX_MONTHLY_RENT = Decimal("9999")
HAS_SERVICE_CHARGE = 1  # has_mscharge: 1 yes, 0 no

RULES = [
    Rule(
        "charges.mscharge.zero", HARD, ("mscharge",),
        message="You said the property has service charges, so the monthly amount cannot be £0. Enter the "
                "amount, or say there are no service charges.",
        applies=lambda log: present(log, "mscharge"),
        passes=lambda log: number(log, "mscharge") != 0,
    ),
    Rule(
        "charges.newservicecharges.same_as_mscharge", HARD, ("newservicecharges", "mscharge"),
        message="You said the service charges will change, but the new amount is the same as the current one "
                "({amount} a month). Enter the new amount, or say the charges will not change.",
        applies=lambda log: (get(log, "hasservicechargeschanged") == YES
                             and get(log, "has_mscharge") == HAS_SERVICE_CHARGE
                             and present(log, "newservicecharges", "mscharge")),
        passes=lambda log: number(log, "newservicecharges") != number(log, "mscharge"),
        context=lambda log: {"amount": pounds(log.mscharge)},
    ),
    Rule(
        "charges.mrent.over_max", HARD, ("mrent", "type"),
        message="The basic monthly rent is {rent}; it must be between £0.00 and {most}. Check the amount, and "
                "that it is a monthly figure.",
        applies=lambda log: (present(log, "mrent", "ownershipsch", "type")
                             and log.ownershipsch == SHARED_OWNERSHIP
                             and log.type != OLDER_PERSONS_SHARED_OWNERSHIP),
        passes=lambda log: number(log, "mrent") <= MAX_MONTHLY_RENT,
        context=lambda log: {"rent": pounds(log.mrent), "most": pounds(MAX_MONTHLY_RENT)},
    ),
]
