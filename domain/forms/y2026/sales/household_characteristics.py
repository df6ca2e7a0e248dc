"""2026 sales: Household characteristics (sales-2026-form §2.3 and §3).

Slot 1 is buyer 1. Slot 2 is buyer 2 for a joint purchase and otherwise "person 2"; both flows write
the same columns. Slots 3 to 6 are the other people in the property.
"""

from domain.forms.catalogue import NUMERIC, RADIO, SELECT, TEXT, Option, Page, Question, Subsection, options
from domain.forms.conditions import Condition, any_of, at_least, less_than, more_than, ne, one_of, when
from domain.forms.shared.nationalities import NATIONALITIES
from domain.forms.shared.people import (
    ARAB, ASIAN, BLACK, MIXED, WHITE, WORKING_SITUATION_HINT, child_under_16, ethnic_background_page, ethnic_groups,
    gender_same_as_sex, nationality_groups, sex_registered_at_birth, working_situations,
)

from .common import (
    JOINT, KNOWN, NOSTAIR, SEEN, SOLE, SOLE_STRICT, YES_NO, income_ecstat_check, live_in_check,
    multiple_partners_check, not_retired_check, opso_age_check, partner_under_16_check, retired_check, stored_only,
)

BUYER, PERSON = "Buyer", "Person"
PEOPLE_IN_BLOCKS = range(2, 7)
WORKING_SITUATION_ORDER = (1, 2, 3, 4, 5, 6, 7, 8)  # then child under 16, other, prefers not to say
ETHNIC_BACKGROUND_ORDER = (BLACK, ASIAN, ARAB, MIXED, WHITE)
BUYER_1_HINT = ("Buyer 1 is the buyer who does the most paid work. If several buyers do the same amount, buyer 1 "
                "is the oldest of them.")
HOUSEHOLD_SIZE_HINT = "Count everyone who lives in the property, including the buyers who will live there."


def partner_options(who: str) -> tuple[Option, ...]:
    return options(("P", "Yes"), ("X", "No"), ("R", f"{who} prefers not to say"))


def gender_page(page_id: str, n: int, who: str, whose: str, number: int, shown_when: Condition,
                bulk: int | None = None) -> Page:
    same, description = f"gender_same_as_sex{n}", f"gender_description{n}"
    return Page(page_id, (
        Question(same, RADIO, f"Is {whose} gender identity the same as the sex they were registered with at birth?",
                 number=number, options=gender_same_as_sex(who), bulk=bulk),
        Question(description, TEXT, f"What is {whose} gender identity?", number=number,
                 shown_when=when(**{same: 2}), derived_when=when(**{same: ne(2)}), bulk=bulk and bulk + 1),
    ), shown_when=shown_when)


def sex_and_gender_pages(n: int, number: int, shown_when: Condition, bulk: int) -> tuple[Page, ...]:
    """Buyer n's sex and gender identity; `bulk` is the template field of the first of their three answers."""
    whose = f"buyer {n}’s"
    return (
        Page(f"buyer_{n}_sex_registered_at_birth", (
            Question(f"sexrab{n}", RADIO, f"What was {whose} sex registered at birth?", number=number,
                     options=sex_registered_at_birth(BUYER), bulk=bulk),
        ), shown_when=shown_when),
        gender_page(f"buyer_{n}_gender_same_as_sex", n, BUYER, whose, number + 1, shown_when, bulk + 1),
    )


def ethnicity_pages(n: int, number: int, shown_when: Condition) -> tuple[Page, ...]:
    """Ethnic group, then the background pages. Buyer 1 refusing sets `ethnic` 17; buyer 2 has no such rule."""
    group_field, background_field = ("ethnic_group", "ethnic") if n == 1 else ("ethnic_group2", "ethnicbuy2")
    return (
        Page(f"buyer_{n}_ethnic_group", (
            Question(group_field, RADIO, f"What is buyer {n}’s ethnic group?", number=number,
                     options=ethnic_groups(BUYER)),
        ), shown_when=shown_when),
        *(ethnic_background_page(f"buyer_{n}_ethnic_background", group, group_field=group_field,
                                 field=background_field, number=number + 1, whose=f"buyer {n}’s")
          for group in ETHNIC_BACKGROUND_ORDER),
    )


def nationality_page(n: int, number: int, shown_when: Condition) -> Page:
    field = "nationality_all" if n == 1 else "nationality_all_buyer2"
    group = f"{field}_group"
    # 826 and 0 are copied from the group answer (rules §4.2 #17); they are listed only to label them.
    countries = options(*NATIONALITIES, Option(826, "United Kingdom", shown_when=when(**{group: 826})),
                        Option(0, "Buyer prefers not to say", shown_when=when(**{group: 0})))
    return Page(f"buyer_{n}_nationality", (
        Question(group, RADIO, f"What is buyer {n}’s nationality?", number=number, options=nationality_groups(BUYER),
                 hint="If the buyer is a dual national of the United Kingdom and another country, enter "
                      "United Kingdom."),
        Question(field, SELECT, "Enter a nationality", number=number, options=countries,
                 shown_when=when(**{group: 12}), derived_when=when(**{group: one_of(0, 826)})),
    ), shown_when=shown_when)


def working_situation_page(n: int, number: int, shown_when: Condition, bulk: int) -> Page:
    # Buyers are never children: buyer 2 keeps 9 only as a stored code (a hard error for a joint buyer 2).
    child = stored_only(9, "Child under 16") if n == 2 else None
    return Page(f"buyer_{n}_working_situation", (
        Question(f"ecstat{n}", RADIO, f"Which of these best describes buyer {n}’s working situation?", number=number,
                 hint=WORKING_SITUATION_HINT, options=working_situations(BUYER, WORKING_SITUATION_ORDER, child=child),
                 bulk=bulk),
    ), shown_when=shown_when)


def live_in_pages(n: int, number: int, shown_when: Condition, bulk: int) -> tuple[Page, ...]:
    return (
        Page(f"buyer_{n}_live_in_property", (
            Question(f"buy{n}livein", RADIO, f"Will buyer {n} live in the property?", number=number, options=YES_NO,
                     bulk=bulk),
        ), shown_when=shown_when),
        live_in_check(f"buyer_{n}_live_in_property_value_check", n),
    )


ASKED = SEEN & NOSTAIR  # staircasing skips ethnicity, nationality, working situation, living in, household size

BUYER_1_PAGES = (
    Page("buyer_1_age", (
        Question("age1_known", RADIO, "Do you know buyer 1’s age?", number=21, hint=BUYER_1_HINT,
                 options=options((0, "Yes"), (1, "No"), (2, "Buyer prefers not to say"))),
        Question("age1", NUMERIC, "Buyer 1’s age", number=21, min=16, max=110, step=1,
                 shown_when=when(age1_known=0), not_known_when=when(age1_known=one_of(1, 2))),
    ), shown_when=SEEN),
    retired_check("age_1_retirement_value_check", 1),
    not_retired_check("age_1_not_retired_value_check", 1),
    opso_age_check("age_1_old_persons_shared_ownership_joint_purchase_value_check", JOINT),
    opso_age_check("age_1_old_persons_shared_ownership_value_check", SOLE),
    *sex_and_gender_pages(1, 22, SEEN, bulk=30),
    *ethnicity_pages(1, 24, ASKED),
    nationality_page(1, 26, ASKED),
    working_situation_page(1, 27, ASKED, bulk=35),
    retired_check("working_situation_1_retirement_value_check", 1),
    not_retired_check("working_situation_1_not_retired_value_check", 1),
    income_ecstat_check("working_situation_buyer_1_income_value_check", 1),
    *live_in_pages(1, 28, ASKED, bulk=36),
)

BUYER_2_PAGES = (
    Page("buyer_2_relationship_to_buyer_1", (
        Question("relat2", RADIO, "Is buyer 2 the partner of buyer 1?", number=29, options=partner_options(BUYER),
                 hint="A partner is someone buyer 1 is married to, in a civil partnership with, or lives with "
                      "as a couple."),
    ), shown_when=JOINT),
    Page("buyer_2_age", (
        Question("age2_known", RADIO, "Do you know buyer 2’s age?", number=30, options=KNOWN),
        Question("age2", NUMERIC, "Buyer 2’s age", number=30, min=16, max=110, step=1,
                 shown_when=when(age2_known=0), not_known_when=when(age2_known=1)),
    ), shown_when=JOINT & SEEN),
    opso_age_check("age_2_old_persons_shared_ownership_joint_purchase_value_check", JOINT),
    opso_age_check("age_2_old_persons_shared_ownership_value_check", SOLE),
    retired_check("age_2_buyer_retirement_value_check", 2),
    not_retired_check("age_2_buyer_not_retired_value_check", 2),
    *sex_and_gender_pages(2, 31, JOINT & SEEN, bulk=39),
    *ethnicity_pages(2, 33, JOINT & ASKED),
    nationality_page(2, 35, JOINT & ASKED),
    working_situation_page(2, 36, JOINT & ASKED, bulk=44),
    retired_check("working_situation_2_retirement_value_check_joint_purchase", 2),
    not_retired_check("working_situation_2_not_retired_value_check_joint_purchase", 2),
    income_ecstat_check("working_situation_buyer_2_income_value_check", 2),
    *live_in_pages(2, 37, JOINT & ASKED, bulk=45),
)


def household_size_page(page_id: str, shown_when: Condition) -> Page:
    # From 2026 this is everyone in the property, buyers included; hhmemb is worked out as the same number.
    return Page(page_id, (
        Question("hholdcount", NUMERIC, "In total, how many people live in the property?", number=38, bulk=46, min=1, max=15,
                 step=1, hint=HOUSEHOLD_SIZE_HINT),
    ), shown_when=shown_when)


HOUSEHOLD_SIZE_PAGES = (
    household_size_page("number_of_others_in_property", SOLE & ASKED),
    household_size_page("number_of_others_in_property_joint_purchase", JOINT & ASKED),
)


def person_entry(n: int) -> Condition:
    """Person 2 is asked about only when one buyer is buying; persons 3 to 6 whenever hholdcount reaches them."""
    if n == 2:
        return SOLE_STRICT & when(hholdcount=at_least(2))
    return when(jointpur=one_of(1, 2), hholdcount=at_least(n))


def child_ecstat(n: int) -> Condition:
    """A known age under 16 sets the working situation to 9 (slot 2 only when it is not buyer 2)."""
    under_16 = when(**{f"age{n}": less_than(16)})
    return when(jointpur=ne(1)) & under_16 if n == 2 else under_16


def person_pages(n: int) -> tuple[Page, ...]:
    """Person n's block (n = 2 to 6), in flow order (form §3). Questions are numbered 29+5n to 33+5n."""
    known = when(**{f"details_known_{n}": 1})
    age, age_known, whose = f"age{n}", f"age{n}_known", f"person {n}’s"
    child_answer_possible = any_of(when(**{age_known: 1}), when(**{age_known: None}), when(**{age: less_than(16)}))
    return (
        Page(f"person_{n}_known", (
            Question(f"details_known_{n}", RADIO, f"Do you know the details for person {n}?", options=YES_NO,
                     hint="You can still answer if you only know some of their details."),
        ), shown_when=person_entry(n)),
        Page(f"person_{n}_relationship_to_buyer_1", (
            Question(f"relat{n}", RADIO, f"Is person {n} the partner of buyer 1?", number=29 + 5 * n,
                     options=partner_options(PERSON)),
        ), shown_when=known),
        partner_under_16_check(f"relationship_{n}_partner_under_16_value_check", n),
        multiple_partners_check(f"relationship_{n}_multiple_partners_value_check"),
        Page(f"person_{n}_age", (
            Question(age_known, RADIO, f"Do you know {whose} age?", number=30 + 5 * n, options=KNOWN),
            Question(age, NUMERIC, f"Person {n}’s age", number=30 + 5 * n, min=0, max=110, step=1,
                     hint="For a baby under 1 year old, enter 0.",
                     shown_when=when(**{age_known: 0}), not_known_when=when(**{age_known: 1})),
        ), shown_when=known),
        retired_check(f"age_{n}_retirement_value_check", n),
        not_retired_check(f"age_{n}_not_retired_value_check", n),
        partner_under_16_check(f"age_{n}_partner_under_16_value_check", n),
        Page(f"person_{n}_sex_registered_at_birth", (
            Question(f"sexrab{n}", RADIO, f"What was {whose} sex registered at birth?", number=31 + 5 * n,
                     options=sex_registered_at_birth(PERSON)),
        ), shown_when=known),
        gender_page(f"person_{n}_gender_same_as_sex", n, PERSON, whose, 32 + 5 * n, known),
        Page(f"person_{n}_working_situation", (
            Question(f"ecstat{n}", RADIO, f"Which of these best describes {whose} working situation?",
                     number=33 + 5 * n, hint=WORKING_SITUATION_HINT, derived_when=child_ecstat(n),
                     options=working_situations(PERSON, WORKING_SITUATION_ORDER,
                                                child=child_under_16(child_answer_possible))),
        ), shown_when=known & any_of(when(**{age: more_than(15)}), when(**{age: None}))),
        retired_check(f"working_situation_{n}_retirement_value_check", n),
        not_retired_check(f"working_situation_{n}_not_retired_value_check", n),
    )


HOUSEHOLD_CHARACTERISTICS = Subsection("household_characteristics", "Household characteristics", pages=(
    *BUYER_1_PAGES,
    *BUYER_2_PAGES,
    *HOUSEHOLD_SIZE_PAGES,
    *(page for n in PEOPLE_IN_BLOCKS for page in person_pages(n)),
))
