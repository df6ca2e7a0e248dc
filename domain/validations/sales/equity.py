"""2026 sales: hard rules on equity shares and staircasing (rules spec §2.6).

`equity` is the initial share bought, `stairbought` the share bought in this staircasing transaction,
`stairowned` the share owned after it, `numstair` how many staircasing transactions there have been
(this one included) and `firststair` whether this is the first (1 yes, 2 no).
"""

from __future__ import annotations

from domain.validations.rules import HARD, Rule

from .common import NO, YES, get, number, percent, present, type_name

# Initial equity share allowed, by shared ownership type: (least, most) per cent.
EQUITY_RANGES = {2: (25, 75), 18: (25, 90), **{t: (10, 75) for t in (16, 24, 28, 30, 31, 32)}}
# Least share a staircasing transaction may buy: 10% for these types, 1% for the rest.
TEN_PERCENT_STAIRCASING_TYPES = (2, 16, 18, 24)
# Most share one staircasing transaction may buy, by type (no limit for other types).
STAIRBOUGHT_MAX = {**{t: 90 for t in (16, 28, 30, 31, 32)}, 2: 75, 18: 75, 24: 50}
PREVIOUS_STAIRCASING_PERCENT = 1  # each earlier transaction bought at least 1%


def _range(log):
    return EQUITY_RANGES[log.type]


def _has_range(log) -> bool:
    return present(log, "type", "equity", "saledate") and log.type in EQUITY_RANGES


def _buyers_own(log) -> str:
    return "the buyers will own" if get(log, "jointpur") == YES else "the buyer will own"


def stairbought_threshold(log) -> int:
    return 10 if log.type in TEN_PERCENT_STAIRCASING_TYPES else 1


def share_left(log):
    """What the buyers own beyond the initial share and this transaction's."""
    return number(log, "stairowned") - number(log, "stairbought") - number(log, "equity")


def _earlier_transactions(log) -> int:
    return int(log.numstair) - 1


RULES = [
    Rule(
        "equity.equity.under_min", HARD, ("type", "equity"),
        message="The initial share for {type_name} must be at least {least}%, not {equity}%. Check the share or "
                "the type of sale.",
        applies=_has_range,
        passes=lambda log: number(log, "equity") >= _range(log)[0],
        context=lambda log: {"type_name": type_name(log), "least": _range(log)[0], "equity": percent(log.equity)},
    ),
    Rule(
        # A resale may be above the most; the rule also reports on `resale` when it is unanswered.
        "equity.equity.over_max", HARD, ("type", "equity", "resale"),
        message="The initial share for {type_name} can be at most {most}% unless the home is a resale; you "
                "entered {equity}%. Check the share, the type of sale or whether this is a resale.",
        applies=lambda log: (_has_range(log) and get(log, "resale") != YES
                             and number(log, "equity") >= _range(log)[0]),
        passes=lambda log: number(log, "equity") <= _range(log)[1],
        context=lambda log: {"type_name": type_name(log), "most": _range(log)[1], "equity": percent(log.equity)},
    ),
    Rule(
        "equity.stairowned.less_than_stairbought", HARD, ("stairowned",),
        message="After this transaction {buyers_own} {owned}%, which cannot be less than the {bought}% bought in "
                "it. Check both percentages.",
        applies=lambda log: present(log, "stairbought", "stairowned"),
        passes=lambda log: number(log, "stairbought") <= number(log, "stairowned"),
        context=lambda log: {"buyers_own": _buyers_own(log), "owned": percent(log.stairowned),
                             "bought": percent(log.stairbought)},
    ),
    Rule(
        "equity.stairbought.equal_to_stairowned", HARD, ("stairbought", "stairowned"),
        message="The share bought in this transaction and the total share owned after it are both {share}%. "
                "The total must include the initial share as well, so check both percentages.",
        applies=lambda log: present(log, "saledate", "stairbought", "stairowned"),
        passes=lambda log: number(log, "stairbought") != number(log, "stairowned"),
        context=lambda log: {"share": percent(log.stairbought)},
    ),
    Rule(
        "equity.stairbought.under_min", HARD, ("stairbought", "type"),
        message="A staircasing transaction for {type_name} must buy at least {least}%, not {bought}%. Check the "
                "share bought or the type of sale.",
        applies=lambda log: present(log, "stairbought", "type"),
        passes=lambda log: number(log, "stairbought") >= stairbought_threshold(log),
        context=lambda log: {"type_name": type_name(log), "least": stairbought_threshold(log),
                             "bought": percent(log.stairbought)},
    ),
    Rule(
        "equity.stairbought.over_max", HARD, ("stairbought", "type"),
        message="A staircasing transaction for {type_name} can buy at most {most}%, not {bought}%. Check the "
                "share bought or the type of sale.",
        applies=lambda log: present(log, "saledate", "stairbought", "type") and log.type in STAIRBOUGHT_MAX,
        passes=lambda log: number(log, "stairbought") <= STAIRBOUGHT_MAX[log.type],
        context=lambda log: {"type_name": type_name(log), "most": STAIRBOUGHT_MAX[log.type],
                             "bought": percent(log.stairbought)},
    ),
    Rule(
        "equity.stairowned.less_than_equity_plus_stairbought", HARD, ("equity", "stairowned", "stairbought"),
        message="After this transaction {buyers_own} {owned}%, but the initial share of {equity}% and the {bought}% "
                "bought now come to {sum}%. Check the three percentages.",
        applies=lambda log: present(log, "saledate", "equity", "stairbought", "stairowned"),
        passes=lambda log: share_left(log) >= 0,
        context=lambda log: {"buyers_own": _buyers_own(log), "owned": percent(log.stairowned),
                             "equity": percent(log.equity), "bought": percent(log.stairbought),
                             "sum": percent(number(log, "equity") + number(log, "stairbought"))},
    ),
    Rule(
        "equity.stairowned.less_than_previous_staircasing", HARD,
        ("equity", "stairowned", "stairbought", "numstair", "firststair"),
        message="The initial share of {equity}%, the {bought}% bought now and at least 1% for each of the "
                "{earlier} earlier staircasing transactions come to {sum}% or more, but the total owned is "
                "{owned}%. Check the percentages and the number of staircasing transactions.",
        applies=lambda log: (present(log, "saledate", "equity", "stairbought", "stairowned", "numstair")
                             and share_left(log) >= 0),
        passes=lambda log: share_left(log) >= _earlier_transactions(log) * PREVIOUS_STAIRCASING_PERCENT,
        context=lambda log: {"equity": percent(log.equity), "bought": percent(log.stairbought),
                             "earlier": _earlier_transactions(log), "owned": percent(log.stairowned),
                             "sum": percent(number(log, "equity") + number(log, "stairbought")
                                            + _earlier_transactions(log) * PREVIOUS_STAIRCASING_PERCENT)},
    ),
    Rule(
        "equity.numstair.not_first_staircasing", HARD, ("numstair", "firststair"),
        message="You said this is not the buyers' first staircasing transaction, so there must have been at "
                "least 2 in all, this one included. Check the number, or whether this is the first.",
        applies=lambda log: present(log, "numstair") and get(log, "firststair") == NO,
        passes=lambda log: log.numstair >= 2,
    ),
]
