"""2026 sales: Income, benefits and savings (sales-2026-form §2.6); not asked for a staircasing transaction."""

from domain.forms.catalogue import RADIO, Page, Question, Subsection, options
from domain.forms.conditions import when
from domain.forms.shared.people import interruption

from .common import (
    JOINT, KNOWN, NOSTAIR, SOLE, YES_NO_DONT_KNOW, combined_income_check, deposit_checks,
    income_discounted_check, income_ecstat_check, joint_and_sole, money, mortgage_check, stored_only,
)

INCOME_HINT = ("Gross income before tax, including wages, benefits, Universal Credit, pensions and income from "
               "investments.")
SAVINGS_HINT = "Include any savings, investments and cash before any deposit is paid. Round to the nearest £10."
SAVINGS_CHECK = "Are you sure? The savings are higher than expected."
MORTGAGE_USED = options((1, "Yes"), (2, "No"), stored_only(3, "Don’t know"))
HOUSING_BENEFITS = options((2, "Housing benefit"), (3, "Universal Credit housing element"), (1, "Neither"),
                           (4, "Don’t know "))  # the trailing space is in the service's label (form §7.9)


def income_page(n: int, shown_when=None) -> Page:
    known, amount = f"income{n}nk", f"income{n}"
    page = Page(f"buyer_{n}_income", (
        Question(known, RADIO, f"Do you know buyer {n}’s annual income?", number=72 + 2 * n, options=KNOWN,
                 hint=INCOME_HINT),
        money(amount, f"Buyer {n}’s gross annual income", 72 + 2 * n, shown_when=when(**{known: 0}),
              not_known_when=when(**{known: 1})),
    ))
    return page if shown_when is None else Page(page.id, page.questions, shown_when=shown_when)


def mortgage_income_page(n: int, shown_when=None) -> Page:
    page = Page(f"buyer_{n}_mortgage", (
        Question(f"inc{n}mort", RADIO, f"Was buyer {n}’s income used for a mortgage application?",
                 number=73 + 2 * n, options=MORTGAGE_USED, bulk=82 + 2 * n),
    ))
    return page if shown_when is None else Page(page.id, page.questions, shown_when=shown_when)


def savings_questions(label: str) -> tuple[Question, ...]:
    return (
        Question("savingsnk", RADIO, label, number=79, options=KNOWN),
        money("savings", "Total savings", 79, max=None, step=10, kind="int", hint=SAVINGS_HINT,
              shown_when=when(savingsnk=0), not_known_when=when(savingsnk=1)),
    )


def savings_check(page_id: str, also):
    return interruption(page_id, "savings_value_check", "savings_higher_than_expected?", SAVINGS_CHECK, also)


INCOME_BENEFITS_AND_SAVINGS = Subsection(
    "income_benefits_and_savings", "Income, benefits and savings", enabled_when=NOSTAIR, listed_when=NOSTAIR,
    pages=(
        income_page(1),
        income_ecstat_check("buyer_1_income_ecstat_value_check", 1),
        income_discounted_check("buyer_1_income_discounted_max_value_check", 1),
        combined_income_check("buyer_1_combined_income_max_value_check"),
        mortgage_check("buyer_1_income_mortgage_value_check"),
        mortgage_income_page(1),
        mortgage_check("buyer_1_mortgage_value_check"),
        income_page(2, JOINT),
        mortgage_check("buyer_2_income_mortgage_value_check", JOINT),
        income_ecstat_check("buyer_2_income_ecstat_value_check", 2),
        income_discounted_check("buyer_2_income_discounted_max_value_check", 2),
        combined_income_check("buyer_2_combined_income_max_value_check"),
        mortgage_income_page(2, JOINT),
        mortgage_check("buyer_2_mortgage_value_check", JOINT),
        *joint_and_sole(
            "housing_benefits_joint_purchase", (
                Question("hb", RADIO, "Were the buyers receiving any of these housing-related benefits immediately "
                         "before buying this property?", number=78, bulk=87, options=HOUSING_BENEFITS),
            ),
            "housing_benefits_not_joint_purchase", (
                Question("hb", RADIO, "Was the buyer receiving any of these housing-related benefits immediately "
                         "before buying this property?", number=78, bulk=87, options=HOUSING_BENEFITS),
            )),
        *joint_and_sole(
            "savings_joint_purchase",
            savings_questions("Do you know how much the buyers had in savings before they paid any deposit?"),
            "savings",
            savings_questions("Do you know how much the buyer had in savings before they paid any deposit?")),
        savings_check("savings_joint_purchase_value_check", JOINT),
        savings_check("savings_value_check", SOLE),
        *deposit_checks("savings_deposit_joint_purchase_value_check", "savings_deposit_value_check"),
        *joint_and_sole(
            "previous_ownership_joint_purchase", (
                Question("prevown", RADIO, "Have any of the buyers previously owned a property?", number=80, bulk=89,
                         options=YES_NO_DONT_KNOW),
            ),
            "previous_ownership_not_joint_purchase", (
                Question("prevown", RADIO, "Has the buyer previously owned a property?", number=80, bulk=89,
                         options=YES_NO_DONT_KNOW),
            )),
        Page("previous_shared", (
            Question("prevshared", RADIO, "Was the previous property under shared ownership?", number=81, bulk=90,
                     options=YES_NO_DONT_KNOW, hint="For any buyer."),
        ), shown_when=when(prevown=1)),
    ))

