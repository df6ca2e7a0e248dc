"""Pieces lettings and sales forms both use: soft-check pages and the questions about a person.

The wording of an option often names who is answering ("Tenant prefers not to say", "Buyer prefers
not to say"), so most option sets here are built by a function that takes that word. Codes and the
rest of the labels are the same in both forms.
"""

from __future__ import annotations

from domain.forms.catalogue import INTERRUPTION, RADIO, Option, Page, Question, options
from domain.forms.conditions import ALWAYS, Condition, when

CONFIRM = options((0, "Yes"), (1, "No"))  # a soft check: 0 confirms the answers, 1 goes back to change them
YES_NO_KNOWN = options((0, "Yes"), (1, "No"))  # 0 = known


def interruption(page_id: str, field: str, trigger: str, label: str, also: Condition = ALWAYS) -> Page:
    """A soft-check page, shown while its trigger (a named predicate) holds, and `also` with it."""
    return Page(page_id, (Question(field, INTERRUPTION, label, options=CONFIRM),),
                shown_when=also & when(**{trigger: True}))


# --- sex and gender -----------------------------------------------------------------------------

def sex_registered_at_birth(who: str) -> tuple[Option, ...]:
    return options(("F", "Female"), ("M", "Male"), ("R", f"{who} prefers not to say"))


def gender_same_as_sex(who: str) -> tuple[Option, ...]:
    return options((1, "Yes"), (2, "No, enter gender identity"), (3, f"{who} prefers not to say"))


# --- working situation --------------------------------------------------------------------------

RETIRED, CHILD_UNDER_16, PREFERS_NOT_TO_SAY, OTHER = 5, 9, 10, 0
MIN_RETIREMENT_AGE = 66

WORKING_SITUATION_LABELS = {
    1: "Full-time – 30 hours or more per week",
    2: "Part-time – Less than 30 hours per week",
    3: "In government training into work",
    4: "Jobseeker",
    5: "Retired",
    6: "Not seeking work",
    7: "Full-time student",
    8: "Unable to work because of long-term sickness or disability",
}
WORKING_SITUATION_HINT = "Informal, unpaid carers should answer ‘Not seeking work’."


def child_under_16(shown_when: Condition = ALWAYS) -> Option:
    return Option(CHILD_UNDER_16, "Child under 16", shown_when=shown_when)


def working_situations(who: str, order, *, child: Option | None = None) -> tuple[Option, ...]:
    """The working situations in a form's own order, then the child option if any, Other and a refusal."""
    situations = [(code, WORKING_SITUATION_LABELS[code]) for code in order]
    if child:
        situations.append(child)
    situations += [(OTHER, "Other"), (PREFERS_NOT_TO_SAY, f"{who} prefers not to say")]
    return options(*situations)


def _value(log, field):
    value = getattr(log, field, None)
    return None if value == "" else value


def under_retirement_age(log, n: int) -> bool:
    """Person n is retired though younger than the minimum expected retirement age."""
    age, ecstat = _value(log, f"age{n}"), _value(log, f"ecstat{n}")
    return age is not None and ecstat == RETIRED and age < MIN_RETIREMENT_AGE


def over_retirement_age(log, n: int) -> bool:
    """Person n is older than the retirement age but not retired (and did not decline to say)."""
    age, ecstat = _value(log, f"age{n}"), _value(log, f"ecstat{n}")
    return (age is not None and ecstat is not None and ecstat not in (RETIRED, PREFERS_NOT_TO_SAY)
            and age > MIN_RETIREMENT_AGE)


# --- ethnicity and nationality -------------------------------------------------------------------

def ethnic_groups(who: str) -> tuple[Option, ...]:
    return options(
        (0, "White"),
        (1, "Mixed or Multiple ethnic groups"),
        (2, "Asian or Asian British"),
        (3, "Black, African, Caribbean or Black British"),
        (4, "Arab or other ethnic group"),
        (17, f"{who} prefers not to say"),
    )


WHITE, MIXED, ASIAN, BLACK, ARAB = 0, 1, 2, 3, 4

# ethnic group -> (the words naming it in a question, its backgrounds). Background codes are unique
# across groups, so one column stores the background whatever the group.
ETHNIC_BACKGROUNDS: dict[int, tuple[str, tuple[Option, ...]]] = {
    WHITE: ("White", options(
        (1, "English, Welsh, Northern Irish, Scottish or British"), (2, "Irish"), (18, "Gypsy or Irish Traveller"),
        (20, "Roma"), (3, "Any other White background"))),
    MIXED: ("Mixed or Multiple ethnic", options(
        (4, "White and Black Caribbean"), (5, "White and Black African"), (6, "White and Asian"),
        (7, "Any other Mixed or Multiple ethnic background"))),
    ASIAN: ("Asian or Asian British", options(
        (10, "Bangladeshi"), (15, "Chinese"), (8, "Indian"), (9, "Pakistani"),
        (11, "Any other Asian or Asian British background"))),
    BLACK: ("Black, African, Caribbean or Black British", options(
        (13, "African"), (12, "Caribbean"), (14, "Any other Black, African, Caribbean or Black British background"))),
    ARAB: ("Arab or other ethnic", options((19, "Arab"), (16, "Other ethnic group"))),
}
ETHNIC_GROUP_PAGE_SUFFIX = {WHITE: "white", MIXED: "mixed", ASIAN: "asian", BLACK: "black", ARAB: "arab"}


def ethnic_background_page(page_prefix: str, group: int, *, group_field: str, field: str, number: int,
                           whose: str) -> Page:
    """`{page_prefix}_{group name}`: the background question shown for one ethnic group."""
    words, backgrounds = ETHNIC_BACKGROUNDS[group]
    return Page(f"{page_prefix}_{ETHNIC_GROUP_PAGE_SUFFIX[group]}", (
        Question(field, RADIO, f"Which of these best describes {whose} {words} background?", number=number,
                 options=backgrounds),
    ), shown_when=when(**{group_field: group}))


def nationality_groups(who: str) -> tuple[Option, ...]:
    return options((826, "United Kingdom"), (12, "Other"), (0, f"{who} prefers not to say"))
