"""2026 lettings: Household characteristics (the lead tenant, then persons 2 to 8)."""

from dataclasses import replace

from domain.forms.catalogue import NUMERIC, RADIO, SELECT, TEXT, Option, Page, Question, Subsection, options
from domain.forms.conditions import ALWAYS, Condition, any_of, at_least, less_than, more_than, ne, when

from .nationalities import NATIONALITIES
from .property import interruption

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

YES_NO_KNOWN = options((0, "Yes"), (1, "No"))  # 0 = known


def under_retirement(n: int) -> str:
    return f"person_{n}_under_retirement?"


def over_retirement(n: int) -> str:
    return f"person_{n}_over_retirement?"


def check(page_id: str, field: str, trigger: str, label: str, also: Condition = ALWAYS) -> Page:
    """A soft-check page, shown only while `also` holds as well as its trigger."""
    page = interruption(page_id, field, trigger, label)
    return replace(page, shown_when=also & page.shown_when)


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


def sex_registered_at_birth(who: str) -> tuple[Option, ...]:
    return options(("F", "Female"), ("M", "Male"), ("R", f"{who} prefers not to say"))


def gender_same_as_sex(who: str) -> tuple[Option, ...]:
    return options((1, "Yes"), (2, "No, enter gender identity"), (3, f"{who} prefers not to say"))


def working_situations(who: str, *, child: Option | None = None) -> tuple[Option, ...]:
    situations = [
        (1, "Full-time – 30 hours or more per week"),
        (2, "Part-time – Less than 30 hours per week"),
        (7, "Full-time student"),
        (3, "In government training into work"),
        (4, "Jobseeker"),
        (6, "Not seeking work"),
        (8, "Unable to work because of long-term sickness or disability"),
        (5, "Retired"),
    ]
    if child:
        situations.append(child)
    situations += [(0, "Other"), (10, f"{who} prefers not to say")]
    return options(*situations)


ETHNIC_GROUPS = options(
    (0, "White"),
    (1, "Mixed or Multiple ethnic groups"),
    (2, "Asian or Asian British"),
    (3, "Black, African, Caribbean or Black British"),
    (4, "Arab or other ethnic group"),
    (17, "Tenant prefers not to say"),
)


def ethnic_background(page_id: str, group: int, label: str, *backgrounds) -> Page:
    # ethnic_group 17 (prefers not to say) sets ethnic = 17 as a derived variable; no page asks it.
    return Page(page_id, (Question("ethnic", RADIO, label, number=34, options=options(*backgrounds)),),
                shown_when=when(ethnic_group=group))


DECLARED = when(declaration=1)
WORKING_SITUATION_HINT = "Informal, unpaid carers should answer ‘Not seeking work’."

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
        Question("sexrab1", RADIO, "What sex was the lead tenant registered with at birth?", number=31,
                 options=sex_registered_at_birth("Lead tenant")),
    ), shown_when=DECLARED),
    Page("lead_tenant_gender_same_as_sex", (
        Question("gender_same_as_sex1", RADIO, "Is the lead tenant’s gender identity the same as the sex they "
                 "were registered with at birth?", number=32, options=gender_same_as_sex("Lead tenant")),
        Question("gender_description1", TEXT, "Lead tenant’s gender identity", number=32,
                 shown_when=when(gender_same_as_sex1=2), derived_when=when(gender_same_as_sex1=ne(2))),
    ), shown_when=DECLARED),
    pregnancy_check("no_household_member_likely_to_be_pregnant_lead_check"),
    over_retirement_check("gender_lead_tenant_over_retirement_value_check", 1),
    Page("lead_tenant_ethnic_group", (
        Question("ethnic_group", RADIO, "What is the lead tenant’s ethnic group?", number=33, options=ETHNIC_GROUPS),
    ), shown_when=DECLARED),
    ethnic_background("lead_tenant_ethnic_background_arab", 4, "Which of these best describes the lead tenant’s "
                      "Arab or other ethnic background?",
                      (19, "Arab"), (16, "Other ethnic group")),
    ethnic_background("lead_tenant_ethnic_background_asian", 2, "Which of these best describes the lead tenant’s "
                      "Asian or Asian British background?",
                      (10, "Bangladeshi"), (15, "Chinese"), (8, "Indian"), (9, "Pakistani"),
                      (11, "Any other Asian or Asian British background")),
    ethnic_background("lead_tenant_ethnic_background_black", 3, "Which of these best describes the lead tenant’s "
                      "Black, African, Caribbean or Black British background?",
                      (13, "African"), (12, "Caribbean"),
                      (14, "Any other Black, African, Caribbean or Black British background")),
    ethnic_background("lead_tenant_ethnic_background_mixed", 1, "Which of these best describes the lead tenant’s "
                      "Mixed or Multiple ethnic background?",
                      (4, "White and Black Caribbean"), (5, "White and Black African"), (6, "White and Asian"),
                      (7, "Any other Mixed or Multiple ethnic background")),
    ethnic_background("lead_tenant_ethnic_background_white", 0, "Which of these best describes the lead tenant’s "
                      "White background?",
                      (1, "English, Welsh, Northern Irish, Scottish or British"), (2, "Irish"),
                      (18, "Gypsy or Irish Traveller"), (20, "Roma"), (3, "Any other White background")),
    Page("lead_tenant_nationality", (
        Question("nationality_all_group", RADIO, "What is the lead tenant’s nationality?", number=35,
                 options=options((826, "United Kingdom"), (12, "Other"), (0, "Tenant prefers not to say")),
                 hint="If the lead tenant is a dual national of the United Kingdom and another country, "
                      "answer United Kingdom."),
        # 826 and 0 are copied into nationality_all as derived variables. The "prefers not to say" option
        # exists so that a derived 0 has its label; it is never offered in the drop-down.
        Question("nationality_all", SELECT, "Which nationality?", number=35,
                 options=options(*NATIONALITIES, Option(0, "Tenant prefers not to say",
                                                         shown_when=when(nationality_all_group=0))),
                 shown_when=when(nationality_all_group=12)),
    ), shown_when=DECLARED),
    Page("lead_tenant_working_situation", (
        Question("ecstat1", RADIO, "Which of these best describes the lead tenant’s working situation?", number=36,
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
                     options=working_situations("Person", child=Option(9, "Child under 16",
                                                                        shown_when=child_answer_possible))),
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
