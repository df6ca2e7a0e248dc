"""2026 sales: Other household information (sales-2026-form §2.5); not asked for a staircasing transaction."""

from domain.forms.catalogue import RADIO, Page, Question, Subsection, options
from domain.forms.conditions import when
from domain.forms.shared.people import interruption

from .common import NOSTAIR, YES_NO_DONT_KNOW

WHEEL_CHECK = "Are you sure? You said someone uses a wheelchair but that nobody in the household is disabled."


def wheel_check(page_id: str):
    return interruption(page_id, "wheel_value_check", "wheelchair_user_but_nobody_disabled?", WHEEL_CHECK)


OTHER_HOUSEHOLD_INFORMATION = Subsection(
    "other_household_information", "Other household information", enabled_when=NOSTAIR, listed_when=NOSTAIR,
    pages=(
        Page("armed_forces", (
            Question("hhregres", RADIO, "Have any of the buyers ever served as a regular in the UK armed forces?",
                     number=69, bulk=78, options=options((1, "Yes"), (7, "No"), (3, "Buyer prefers not to say"),
                                                (8, "Don’t know")),
                     hint="A regular is somebody who has served in the Royal Navy, the Royal Marines, the Royal "
                          "Air Force or the Army full time and does not include reserve forces."),
        )),
        Page("buyer_still_serving", (
            Question("hhregresstill", RADIO, "Is the buyer still serving in the UK armed forces?", number=70, bulk=79,
                     options=options((4, "Yes"), (5, "No - they left up to and including 2 years ago"),
                                     (6, "No - they left more than 2 years ago"), (9, "Don’t know"))),
        ), shown_when=when(hhregres=1)),
        Page("armed_forces_spouse", (
            Question("armedforcesspouse", RADIO, "Are any of the buyers a spouse or civil partner of a UK armed "
                     "forces regular who died in service within the last 2 years?", number=71, bulk=80,
                     options=options((4, "Yes"), (5, "No"), (6, "Buyer prefers not to say"), (7, "Don’t know"))),
        )),
        Page("household_disability", (
            Question("disabled", RADIO, "Does anyone in the household consider themselves to have a disability?",
                     number=72, bulk=81, options=YES_NO_DONT_KNOW),
        )),
        wheel_check("disability_wheelchair_check"),
        Page("household_wheelchair", (
            Question("wheel", RADIO, "Does anyone in the household use a wheelchair?", number=73, bulk=82,
                     options=YES_NO_DONT_KNOW),
        )),
        wheel_check("wheelchair_check"),
    ))
