"""2026 lettings: Household needs."""

from domain.forms.catalogue import CHECKBOX, RADIO, Page, Question, Subsection, options
from domain.forms.conditions import one_of, when

from .household_characteristics import illness_check, pregnancy_check

HOUSEHOLD_NEEDS = Subsection("household_needs", "Household needs", pages=(
    Page("armed_forces", (
        Question("armedforces", RADIO, "Does anybody in the household have links to the UK armed forces?",
                 number=72, bulk=90, hint="This excludes national service. If there are several people with links, answer "
                 "for a regular first, then a reserve, then a spouse or civil partner.", options=options(
                     (1, "Yes – the person is a current or former regular"),
                     (4, "Yes – the person is a current or former reserve"),
                     (5, "Yes – the person is a spouse or civil partner of a UK armed forces member and has been "
                         "bereaved or separated from them within the last 2 years"),
                     (2, "No"),
                     (3, "Person prefers not to say"),
                     (6, "Don’t know"),
                 )),
    )),
    Page("armed_forces_serving", (
        Question("leftreg", RADIO, "Is the person still serving in the UK armed forces?", number=73, bulk=91, options=options(
            (6, "Yes"),
            (4, "No – they left up to and including 5 years ago"),
            (5, "No – they left more than 5 years ago"),
            (3, "Person prefers not to say"),
        )),
    ), shown_when=when(armedforces=1)),
    Page("armed_forces_injured", (
        Question("reservist", RADIO, "Was the person seriously injured or made ill as a result of their service?",
                 number=74, bulk=92, options=options((1, "Yes"), (2, "No"), (3, "Person prefers not to say"))),
    ), shown_when=when(armedforces=one_of(1, 4))),
    Page("pregnant", (
        Question("preg_occ", RADIO, "Is anybody in the household pregnant?", number=75, bulk=93,
                 options=options((1, "Yes"), (2, "No"), (3, "Tenant prefers not to say"))),
    )),
    pregnancy_check("no_household_member_likely_to_be_pregnant_check"),
    Page("access_needs_exist", (
        Question("housingneeds", RADIO, "Does anybody in the household have disabled access needs?", number=76,
                 options=options((1, "Yes"), (2, "No"), (3, "Don’t know"))),
    )),
    Page("type_of_access_needs", (
        Question("housingneeds_type", RADIO, "What type of access needs do they have?", number=77, options=options(
            (0, "Fully wheelchair accessible housing"),
            (1, "Wheelchair access to essential rooms"),
            (2, "Level access housing"),
            (3, "None of the listed options"),
        )),
        Question("housingneeds_other", RADIO, "Do they have any other disabled access needs?", number=78,
                 options=options((1, "Yes"), (0, "No"), (2, "Don’t know"))),
    ), shown_when=when(housingneeds=1)),
    Page("health_conditions", (
        Question("illness", RADIO, "Does anybody in the household have a physical or mental health condition (or "
                 "illness) expected to last 12 months or more?", number=79, bulk=100,
                 options=options((1, "Yes"), (2, "No"), (3, "Tenant prefers not to say"))),
    )),
    illness_check("working_situation_long_term_illness_check"),
    Page("health_condition_effects", (
        Question("condition_effects", CHECKBOX, "How does the condition or illness affect them?", number=80,
                 hint="Select all that apply.", options=options(
                     ("illness_type_4", "Dexterity"),
                     ("illness_type_5", "Learning or understanding or concentrating"),
                     ("illness_type_2", "Hearing"),
                     ("illness_type_6", "Memory"),
                     ("illness_type_7", "Mental health"),
                     ("illness_type_3", "Mobility"),
                     ("illness_type_9", "Socially or behaviourally"),
                     ("illness_type_8", "Stamina or breathing or fatigue"),
                     ("illness_type_1", "Vision"),
                     ("illness_type_10", "Other"),
                 )),
    ), shown_when=when(illness=1)),
))
