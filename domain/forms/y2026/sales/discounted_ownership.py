"""2026 sales: Discounted ownership scheme (sales-2026-form §2.9)."""

from domain.forms.catalogue import RADIO, Page, Question, Subsection
from domain.forms.conditions import any_of, not_one_of, one_of, when
from domain.forms.shared.people import interruption

from .common import (
    MAX_MONEY, PENCE, YES_NO_DONT_KNOW, YES_NO_ZERO, deposit_checks, discount_check, monthly_charges_check, money,
    mortgage_check, percentage, value_check,
)
from .shared_ownership_initial import (
    living_before_purchase, mortgage_amount, mortgage_length_pages, mortgage_used_question, purchase_price,
)

DISCOUNTED = when(ownershipsch=2)
RIGHT_TO_BUY = (9, 14, 27)
RENT_TO_BUY = 29
GRANT_CHECK = "Are you sure? Loans, grants and subsidies are usually between £9,000 and £16,000."
DEPOSIT_AND_MORTGAGE_CHECK = ("Are you sure? The mortgage and deposit together are less than the purchase price "
                              "after the discount.")


def deposit_and_mortgage_check(page_id: str):
    # Switched off from 2026 (form §7.2): the predicate never holds, so the page is never shown.
    return interruption(page_id, "deposit_and_mortgage_value_check", "deposit_and_mortgage_below_discounted_value?",
                        DEPOSIT_AND_MORTGAGE_CHECK)


PRICE_HINT = "For Right to Buy and similar schemes, this is the price before any discount."

DISCOUNTED_OWNERSHIP_SCHEME = Subsection(
    "discounted_ownership_scheme", "Discounted ownership scheme", enabled_when=DISCOUNTED,
    listed_when=any_of(when(ownershipsch=2), when(ownershipsch=None)), pages=(
        *living_before_purchase("living_before_purchase_discounted_ownership", 112),
        Page("purchase_price", (
            purchase_price("What was the full purchase price?", 113, hint=PRICE_HINT),
        ), shown_when=when(type=not_one_of(RENT_TO_BUY))),
        Page("discount", (
            percentage("discount", "What was the percentage discount?", 115, bulk=130, max=70,
                       hint="For Right to Buy (RTB) and Preserved Right to Buy (PRTB)."),
        ), shown_when=when(type=one_of(*RIGHT_TO_BUY))),
        discount_check("percentage_discount_value_check"),
        Page("grant", (
            money("grant", "What was the amount of any loan, grant, discount or subsidy given?", 114, bulk=129,
                  max=MAX_MONEY,
                  hint="For all schemes except Right to Buy (RTB), Preserved Right to Buy (PRTB), Voluntary Right "
                       "to Buy (VRTB) and Rent to Buy."),
        ), shown_when=when(type=not_one_of(*RIGHT_TO_BUY, RENT_TO_BUY))),
        interruption("grant_value_check", "grant_value_check", "grant_outside_expected_range?", GRANT_CHECK),
        Page("purchase_price_discounted_ownership", (
            purchase_price("What was the full purchase price?", 113),
        ), shown_when=when(type=RENT_TO_BUY)),
        value_check("about_price_discounted_ownership_value_check"),
        deposit_and_mortgage_check("discounted_ownership_deposit_and_mortgage_value_check_after_value_and_discount"),
        Page("mortgage_used_discounted_ownership", (mortgage_used_question(116),)),
        mortgage_check("discounted_ownership_mortgage_used_mortgage_value_check"),
        Page("mortgage_amount_discounted_ownership", (mortgage_amount(117),), shown_when=when(mortgageused=1)),
        mortgage_check("discounted_ownership_mortgage_amount_mortgage_value_check"),
        deposit_and_mortgage_check("discounted_ownership_deposit_and_mortgage_value_check_after_mortgage"),
        *mortgage_length_pages("mortgage_length_discounted_ownership", 118),
        Page("extra_borrowing_discounted_ownership", (
            Question("extrabor", RADIO, "Does this include any extra borrowing?", number=119, bulk=134,
                     options=YES_NO_DONT_KNOW),
        ), shown_when=when(mortgageused=1)),
        Page("deposit_discounted_ownership", (
            money("deposit", "How much cash deposit was paid on the property?", 120,
                  hint="Do not include any grant or loan."),
        )),
        *deposit_checks("discounted_ownership_deposit_joint_purchase_value_check",
                        "discounted_ownership_deposit_value_check"),
        deposit_and_mortgage_check("discounted_ownership_deposit_and_mortgage_value_check_after_deposit"),
        Page("leasehold_charges_discounted_ownership", (
            Question("has_mscharge", RADIO, "Does the property have any monthly leasehold charges?", number=121,
                     options=YES_NO_ZERO, hint="For example, service and management charges."),
            money("mscharge", "Enter the total monthly charge", 121, min=1, max=None, step=PENCE,
                  shown_when=when(has_mscharge=1)),
        )),
        monthly_charges_check("monthly_charges_discounted_ownership_value_check"),
    ))
