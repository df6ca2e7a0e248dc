"""2026 lettings: Household characteristics (the lead tenant, then persons 2 to 8)."""

from domain.forms.catalogue import NUMERIC, RADIO, SELECT, TEXT, Option, Page, Question, Subsection, options
from domain.forms.conditions import ALWAYS, Condition, any_of, at_least, less_than, more_than, ne, one_of, when
from domain.forms.shared.nationalities import NATIONALITIES
from domain.forms.shared.people import (
    ARAB, ASIAN, BLACK, MIXED, WHITE, WORKING_SITUATION_HINT, YES_NO_KNOWN, child_under_16, ethnic_background_page,
    ethnic_groups, gender_same_as_sex, interruption, nationality_groups, sex_registered_at_birth,
)
from domain.forms.shared.people import working_situations as shared_working_situations

MAX_PEOPLE_WITH_DETAILS = 8

PREGNANCY = "no_household_member_likely_to_be_pregnant?"
NET_INCOME = "net_income_soft_validation_triggered?"
ILLNESS = "illness_soft_validation_triggered?"

PREGNANCY_CHECK = ("Are you sure? You said someone in the household is pregnant, but the ages, sexes and "
                   "genders given suggest nobody is likely to be.")
NET_INCOME_CHECK = ("Are you sure the household income is right? It is lower or higher than expected for the "
                    "working situations of the people in the household.")
UNDER_RETIREMENT_CHECK = "Are you sure this person is retired? The minimum expected retirement age is 66."
OVER_RETIREMENT_CHECK = "Are you sure this person is not retired? They are over 66."
ILLNESS_CHECK = ("Are you sure? Someone is unable to work because of long-term sickness or disability, but you "
                 "said nobody in the household has a long-term physical or mental health condition.")


def under_retirement(n: int) -> str:
    return f"person_{n}_under_retirement?"


def over_retirement(n: int) -> str:
    return f"person_{n}_over_retirement?"


def check(page_id: str, field: str, trigger: str, label: str, also: Condition = ALWAYS) -> Page:
    """A soft-check page, shown only while `also` holds as well as its trigger."""
    return interruption(page_id, field, trigger, label, also)


def pregnancy_check(page_id: str, also: Condition = ALWAYS) -> Page:
    return check(page_id, "pregnancy_value_check", PREGNANCY, PREGNANCY_CHECK, also)


def net_income_check(page_id: str, also: Condition = ALWAYS) -> Page:
    return check(page_id, "net_income_value_check", NET_INCOME, NET_INCOME_CHECK, also)


def illness_check(page_id: str, also: Condition = ALWAYS) -> Page:
    return check(page_id, "working_situation_illness_check", ILLNESS, ILLNESS_CHECK, also)


def under_retirement_check(page_id: str, n: int) -> Page:
    return check(page_id, "retirement_value_check", under_retirement(n), UNDER_RETIREMENT_CHECK)


def over_retirement_check(page_id: str, n: int) -> Page:
    return check(page_id, "retirement_value_check", over_retirement(n), OVER_RETIREMENT_CHECK)


# The lettings order of the working situations (sales lists them by code).
WORKING_SITUATION_ORDER = (1, 2, 7, 3, 4, 6, 8, 5)


def working_situations(who: str, *, child: Option | None = None) -> tuple[Option, ...]:
    return shared_working_situations(who, WORKING_SITUATION_ORDER, child=child)


ETHNIC_GROUPS = ethnic_groups("Tenant")


def ethnic_background(group: int) -> Page:
    # ethnic_group 17 (prefers not to say) sets ethnic = 17 as a derived variable; no page asks it.
    return ethnic_background_page("lead_tenant_ethnic_background", group, group_field="ethnic_group",
                                  field="ethnic", number=34, whose="the lead tenant’s")


DECLARED = when(declaration=1)

LEAD_TENANT_PAGES = (
    Page("household_members", (
        Question("hhmemb", NUMERIC, "How many people live in the household at this letting?", number=29,
                 min=1, max=15, step=1,
                 hint="Include the lead tenant. Details are asked for up to 8 people."),
    ), shown_when=DECLARED),
    pregnancy_check("no_household_member_likely_to_be_pregnant_hhmemb_check"),
    net_income_check("hhmemb_net_income_value_check"),
    Page("lead_tenant_age", (
        Question("age1_known", RADIO, "Do you know the lead tenant’s age?", number=30, options=YES_NO_KNOWN,
                 hint="The lead tenant is the person in the household who does the most paid work. If several "
                      "people do the same amount, it is the oldest of them."),
        Question("age1", NUMERIC, "Lead tenant’s age", number=30, min=16, max=120, step=1,
                 shown_when=when(age1_known=0), not_known_when=when(age1_known=1)),
    ), shown_when=DECLARED),
    pregnancy_check("no_household_member_likely_to_be_pregnant_lead_age_check"),
    under_retirement_check("age_lead_tenant_under_retirement_value_check", 1),
    over_retirement_check("age_lead_tenant_over_retirement_value_check", 1),
    Page("lead_tenant_sex_registered_at_birth", (
        Question("sexrab1", RADIO, "What sex was the lead tenant registered with at birth?", number=31, bulk=42,
                 options=sex_registered_at_birth("Lead tenant")),
    ), shown_when=DECLARED),
    Page("lead_tenant_gender_same_as_sex", (
        Question("gender_same_as_sex1", RADIO, "Is the lead tenant’s gender identity the same as the sex they "
                 "were registered with at birth?", number=32, bulk=43, options=gender_same_as_sex("Lead tenant")),
        Question("gender_description1", TEXT, "Lead tenant’s gender identity", number=32, bulk=44,
                 shown_when=when(gender_same_as_sex1=2), derived_when=when(gender_same_as_sex1=ne(2))),
    ), shown_when=DECLARED),
    pregnancy_check("no_household_member_likely_to_be_pregnant_lead_check"),
    over_retirement_check("gender_lead_tenant_over_retirement_value_check", 1),
    Page("lead_tenant_ethnic_group", (
        Question("ethnic_group", RADIO, "What is the lead tenant’s ethnic group?", number=33, options=ETHNIC_GROUPS),
    ), shown_when=DECLARED),
    *(ethnic_background(group) for group in (ARAB, ASIAN, BLACK, MIXED, WHITE)),
    Page("lead_tenant_nationality", (
        Question("nationality_all_group", RADIO, "What is the lead tenant’s nationality?", number=35,
                 options=nationality_groups("Tenant"),
                 hint="If the lead tenant is a dual national of the United Kingdom and another country, "
                      "answer United Kingdom."),
        # 826 and 0 are copied into nationality_all as derived variables. The "prefers not to say" option
        # exists so that a derived 0 has its label; it is never offered in the drop-down.
        Question("nationality_all", SELECT, "Which nationality?", number=35,
                 options=options(*NATIONALITIES, Option(0, "Tenant prefers not to say",
                                                         shown_when=when(nationality_all_group=0))),
                 shown_when=when(nationality_all_group=12), derived_when=when(nationality_all_group=one_of(0, 826))),
    ), shown_when=DECLARED),
    Page("lead_tenant_working_situation", (
        Question("ecstat1", RADIO, "Which of these best describes the lead tenant’s working situation?", number=36, bulk=47,
                 options=working_situations("Tenant"), hint=WORKING_SITUATION_HINT),
    ), shown_when=DECLARED),
    under_retirement_check("working_situation_lead_tenant_under_retirement_value_check", 1),
    over_retirement_check("working_situation_lead_tenant_over_retirement_value_check", 1),
    illness_check("working_situation_lead_tenant_long_term_illness_check"),
    net_income_check("working_situation_lead_tenant_net_income_value_check"),
)


def person_details_known(n: int) -> Condition:
    """Person n is in the household (n <= hhmemb) and their details are known."""
    return when(hhmemb=at_least(n), **{f"details_known_{n}": 0})


def person_pages(n: int) -> tuple[Page, ...]:
    """The pages about person n (2 to 8), in flow order. Their questions are numbered 27+5n to 31+5n."""
    known = person_details_known(n)
    age, age_known = f"age{n}", f"age{n}_known"
    under_16 = when(**{age: less_than(16)})
    adult_or_age_not_given = any_of(when(**{age: at_least(16)}), when(**{age: None}))
    child_answer_possible = any_of(when(**{age_known: 1}), when(**{age_known: None}), under_16)
    return (
        Page(f"person_{n}_known", (
            Question(f"details_known_{n}", RADIO, f"Do you know the details of person {n}?",
                     options=YES_NO_KNOWN, hint="Give the details of everyone in the household if you know them."),
        ), shown_when=when(hhmemb=at_least(n))),
        Page(f"person_{n}_age", (
            Question(age_known, RADIO, f"Do you know person {n}’s age?", number=27 + 5 * n, options=YES_NO_KNOWN),
            Question(age, NUMERIC, f"Person {n}’s age", number=27 + 5 * n, min=1, max=120, step=1,
                     hint="For a baby under 1 year old, enter 1.",
                     shown_when=when(**{age_known: 0}), not_known_when=when(**{age_known: 1})),
        ), shown_when=known),
        net_income_check(f"age_{n}_net_income_value_check", known),
        # In the flow this page is skipped once any person is the lead tenant's partner (relat == "P").
        Page(f"person_{n}_lead_partner", (
            Question(f"relat{n}", RADIO, f"Is person {n} the lead tenant’s partner?", number=28 + 5 * n,
                     options=options(("P", "Yes"), ("X", "No"), ("R", "Tenant prefers not to say")),
                     derived_when=under_16),
        ), shown_when=known & adult_or_age_not_given),
        pregnancy_check(f"no_household_member_likely_to_be_pregnant_person_age_{n}_check", known),
        under_retirement_check(f"age_{n}_under_retirement_value_check", n),
        over_retirement_check(f"age_{n}_over_retirement_value_check", n),
        Page(f"person_{n}_sex_registered_at_birth", (
            Question(f"sexrab{n}", RADIO, f"What sex was person {n} registered with at birth?", number=29 + 5 * n,
                     options=sex_registered_at_birth("Person")),
        ), shown_when=known),
        Page(f"person_{n}_gender_same_as_sex", (
            Question(f"gender_same_as_sex{n}", RADIO, f"Is person {n}’s gender identity the same as the sex they "
                     "were registered with at birth?", number=30 + 5 * n, options=gender_same_as_sex("Person")),
            Question(f"gender_description{n}", TEXT, f"Person {n}’s gender identity", number=30 + 5 * n,
                     shown_when=when(**{f"gender_same_as_sex{n}": 2}),
                     derived_when=when(**{f"gender_same_as_sex{n}": ne(2)})),
        ), shown_when=known),
        pregnancy_check(f"no_household_member_likely_to_be_pregnant_person_{n}_check", known),
        over_retirement_check(f"gender_{n}_over_retirement_value_check", n),
        Page(f"person_{n}_working_situation", (
            Question(f"ecstat{n}", RADIO, f"Which of these best describes person {n}’s working situation?",
                     number=31 + 5 * n, hint=WORKING_SITUATION_HINT, derived_when=under_16,
                     options=working_situations("Person", child=child_under_16(child_answer_possible))),
        ), shown_when=known & any_of(when(**{age: more_than(15)}), when(**{age: None}))),
        under_retirement_check(f"working_situation_{n}_under_retirement_value_check", n),
        over_retirement_check(f"working_situation_{n}_over_retirement_value_check", n),
        illness_check(f"working_situation_{n}_long_term_illness_check", known),
        net_income_check(f"working_situation_{n}_net_income_value_check", known),
    )


HOUSEHOLD_CHARACTERISTICS = Subsection("household_characteristics", "Household characteristics", pages=(
    *LEAD_TENANT_PAGES,
    *(page for n in range(2, MAX_PEOPLE_WITH_DETAILS + 1) for page in person_pages(n)),
))
