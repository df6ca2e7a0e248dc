"""2026 sales: Shared ownership - staircasing transaction (sales-2026-form §2.8)."""

from domain.forms.catalogue import DATE, NUMERIC, RADIO, Page, Question, Subsection
from domain.forms.conditions import any_of, ne, when
from domain.forms.shared.people import interruption

from .common import (
    JOINT, MAX_MONTHLY_CHARGE, PENCE, SOLE, YES_NO, YES_NO_DONT_KNOW, joint_and_sole, monthly_charges_check, money,
    percentage, value_check,
)
from .shared_ownership_initial import FULLY_OWNED, NOT_FULLY_OWNED, mortgage_used_question, purchase_price
from .shared_ownership_initial import service_charge_questions

STAIRCASING = when(ownershipsch=1, staircase=1)
STAIRBOUGHT_CHECK = "Are you sure? Most staircasing transactions are for less than 50%."
STAIROWNED_CHECK = ("Are you sure? The maximum share of an older persons’ shared ownership home is 75%, unless "
                    "it was funded outside the Affordable Homes Programme.")


def about_staircasing(whose_total: str) -> tuple[Question, ...]:
    return (
        percentage("stairbought", "What percentage of the property has been bought in this staircasing "
                   "transaction?", 98, bulk=109),
        percentage("stairowned", f"What percentage of the property {whose_total} now own in total?", 99, bulk=110),
    )


def stairowned_check(page_id: str, also):
    return interruption(page_id, "stairowned_value_check", "older_persons_stairowned_over_75?", STAIROWNED_CHECK,
                        also)


def initial_purchase_date() -> Question:
    return Question("initialpurchase", DATE, "What was the date of the initial purchase of a share in the property?",
                    number=104)


def rent_before_staircasing() -> Question:
    return money("mrentprestaircasing", "What was the basic monthly rent before staircasing?", 108, bulk=123,
                 max=9999,
                 step=PENCE)


SHARED_OWNERSHIP_STAIRCASING = Subsection(
    "shared_ownership_staircasing_transaction", "Shared ownership - staircasing transaction",
    enabled_when=STAIRCASING,
    listed_when=when(staircase=1) & any_of(when(ownershipsch=1), when(ownershipsch=None)), pages=(
        *joint_and_sole("about_staircasing_joint_purchase", about_staircasing("do the buyers"),
                        "about_staircasing_not_joint_purchase", about_staircasing("does the buyer"),
                        also=when(staircase=1)),
        Page("staircase_sale", (
            Question("staircasesale", RADIO, "Is this transaction part of a back-to-back staircasing transaction "
                     "to facilitate sale of the home on the open market?", number=100, bulk=111, options=YES_NO_DONT_KNOW),
        ), shown_when=when(staircase=1) & FULLY_OWNED),
        interruption("staircase_bought_value_check", "staircase_bought_value_check", "stairbought_over_50?",
                     STAIRBOUGHT_CHECK),
        stairowned_check("staircase_owned_value_check_joint_purchase", JOINT),
        stairowned_check("staircase_owned_value_check_not_joint_purchase", SOLE),
        Page("staircase_first_time", (
            Question("firststair", RADIO, "Is this the first time the shared owner has engaged in staircasing in "
                     "the home?", number=101, bulk=112, options=YES_NO),
        ), shown_when=when(staircase=1)),
        Page("staircase_previous", (
            Question("numstair", NUMERIC, "Including this time, how many times has the shared owner engaged in "
                     "staircasing in the home?", number=102, bulk=116, min=2, max=10, step=1),
            Question("lasttransaction", DATE, "What was the date of the last staircasing transaction?", number=103),
            initial_purchase_date(),
        ), shown_when=when(firststair=ne(1))),
        Page("staircase_initial_date", (initial_purchase_date(),), shown_when=when(firststair=1)),
        Page("value_shared_ownership_staircase", (
            purchase_price("What was the full purchase price for this staircasing transaction?", 105,
                           hint="Enter the full price of the property as if 100% equity had been bought."),
        )),
        value_check("about_price_shared_ownership_value_check_staircasing"),
        Page("staircase_equity", (
            percentage("equity", "What was the percentage share bought in the initial transaction?", 106),
        )),
        Page("staircase_mortgage_used_shared_ownership", (
            mortgage_used_question(107, "Was a mortgage used for this staircasing transaction?"),
        )),
        Page("monthly_rent_staircasing_owned", (rent_before_staircasing(),), shown_when=FULLY_OWNED),
        Page("monthly_rent_staircasing", (
            rent_before_staircasing(),
            # After buying the whole home the rent is 0, worked out rather than asked (rules §4.2 #20).
            money("mrent", "What is the basic monthly rent after staircasing?", 109, max=None, step=PENCE,
                  derived_when=FULLY_OWNED),
        ), shown_when=NOT_FULLY_OWNED),
        Page("service_charge_staircasing", service_charge_questions(110)),
        Page("service_charge_changed", (
            Question("hasservicechargeschanged", RADIO, "Will the service charge change after this staircasing "
                     "transaction?", number=111, options=YES_NO),
            money("newservicecharges", "Enter the new total monthly service charge", 111, max=MAX_MONTHLY_CHARGE,
                  step=PENCE, shown_when=when(hasservicechargeschanged=1)),
        )),
        monthly_charges_check("monthly_charges_staircasing_value_check"),
    ))
