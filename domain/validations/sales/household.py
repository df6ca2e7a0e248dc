"""2026 sales: hard rules on the buyers and the household (rules spec §2.3)."""

from __future__ import annotations

from domain.validations.rules import HARD, Rule

from .common import CHILD, DISCOUNTED_OWNERSHIP, NO, YES, get, present

# Buyer 1's previous tenure for a discounted sale: only council (1) and housing association (2) tenants.
SOCIAL_TENANT = (1, 2)
BEDSIT = 2


def _child_over_16(n: int) -> Rule:
    return Rule(
        f"household.age{n}.child_over_16", HARD, (f"ecstat{n}", f"age{n}"),
        message=f"Person {n} is {{age}}, so their working situation cannot be 'child under 16'. Change their "
                "age or their working situation.",
        applies=lambda log: present(log, f"age{n}", f"ecstat{n}"),
        passes=lambda log: not (getattr(log, f"ecstat{n}") == CHILD and getattr(log, f"age{n}") > 16),
        context=lambda log: {"age": getattr(log, f"age{n}")},
    )


RULES = [
    Rule(
        "household.buylivein.no_buyer_lives_in", HARD, ("buylivein", "buy1livein", "buy2livein"),
        message="You said the buyers will live in the property, but also that neither buyer will. Change one of "
                "these answers.",
        applies=lambda log: present(log, "buylivein", "buy1livein", "buy2livein"),
        passes=lambda log: not (log.buylivein == YES and log.buy1livein == NO and log.buy2livein == NO),
    ),
    Rule(
        "household.prevten.not_social_tenant_for_discounted_sale", HARD, ("prevten", "ownershipsch"),
        message="Buyer 1 must have been a local authority or housing association tenant to buy through a "
                "discounted ownership scheme. Check buyer 1's previous tenure or the type of sale.",
        applies=lambda log: (present(log, "saledate", "prevten")
                             and get(log, "ownershipsch") == DISCOUNTED_OWNERSHIP),
        passes=lambda log: log.prevten in SOCIAL_TENANT,
    ),
    *[_child_over_16(n) for n in range(2, 7)],
    Rule(
        "household.ecstat1.buyer_is_child", HARD, ("ecstat1",),
        message="Buyer 1 cannot be a child under 16. Choose buyer 1's working situation.",
        applies=lambda log: present(log, "saledate", "ecstat1"),
        passes=lambda log: log.ecstat1 != CHILD,
    ),
    Rule(
        "household.ecstat2.buyer_is_child", HARD, ("ecstat2",),
        message="Buyer 2 cannot be a child under 16 in a joint purchase. Choose buyer 2's working situation.",
        applies=lambda log: present(log, "saledate", "ecstat2") and get(log, "jointpur") == YES,
        passes=lambda log: log.ecstat2 != CHILD,
    ),
    Rule(
        "household.income2.child_has_income", HARD, ("ecstat2", "income2"),
        message="Person 2 is a child under 16, so their income must be £0, not £{income:,}. Change the income "
                "or their working situation.",
        applies=lambda log: present(log, "income2", "ecstat2"),
        passes=lambda log: not (log.income2 > 0 and log.ecstat2 == CHILD),
        context=lambda log: {"income": log.income2},
    ),
    Rule(
        "household.frombeds.bedsit_more_than_one", HARD, ("frombeds", "fromprop"),
        message="A bedsit has 1 bedroom, but the buyer's previous home has {beds}. Change the number of bedrooms "
                "or the type of the previous home.",
        applies=lambda log: present(log, "fromprop", "frombeds") and log.fromprop == BEDSIT,
        passes=lambda log: log.frombeds == 1,
        context=lambda log: {"beds": log.frombeds},
    ),
]
