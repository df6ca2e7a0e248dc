"""2026 sales: Outright sale (sales-2026-form §2.10).

Outright and other sales (`ownershipsch` 3) are no longer reported from 2025, so this subsection is
never enabled in 2026. It is kept so that the task list matches the service's (it is listed, as
"cannot start yet", while the type of sale is unanswered). Its pages reuse fields asked elsewhere.
"""

from domain.forms.catalogue import NUMERIC, RADIO, Page, Question, Subsection
from domain.forms.conditions import any_of, when

from .common import (
    PENCE, YES_NO_DONT_KNOW, YES_NO_ZERO, deposit_checks, monthly_charges_check, money, mortgage_check, value_check,
)
from .shared_ownership_initial import mortgage_amount, mortgage_used_question, purchase_price

OUTRIGHT = when(ownershipsch=3)

OUTRIGHT_SALE = Subsection(
    "outright_sale", "Outright sale", enabled_when=OUTRIGHT,
    listed_when=any_of(when(ownershipsch=3), when(ownershipsch=None)), pages=(
        Page("purchase_price_outright_sale", (purchase_price("What is the full purchase price?", None),)),
        value_check("about_price_outright_sale_value_check"),
        Page("mortgage_used_outright_sale", (mortgage_used_question(None),)),
        mortgage_check("outright_sale_mortgage_used_mortgage_value_check"),
        Page("mortgage_amount_outright_sale", (mortgage_amount(None),), shown_when=when(mortgageused=1)),
        mortgage_check("outright_sale_mortgage_amount_mortgage_value_check"),
        Page("mortgage_length_outright_sale", (
            Question("mortlen", NUMERIC, "What is the length of the mortgage?", min=0, max=60, step=1,
                     suffix=" years"),
        ), shown_when=when(mortgageused=1)),
        Page("extra_borrowing_outright_sale", (
            Question("extrabor", RADIO, "Does this include any extra borrowing?", options=YES_NO_DONT_KNOW),
        ), shown_when=when(mortgageused=1)),
        Page("deposit_outright_sale", (money("deposit", "How much cash deposit was paid on the property?"),)),
        *deposit_checks("outright_sale_deposit_joint_purchase_value_check", "outright_sale_deposit_value_check"),
        Page("leasehold_charges_outright_sale", (
            Question("has_mscharge", RADIO, "Does the property have any monthly leasehold charges?",
                     options=YES_NO_ZERO),
            money("mscharge", "Enter the total monthly charge", min=1, max=None, step=PENCE,
                  shown_when=when(has_mscharge=1)),
        )),
        monthly_charges_check("monthly_charges_outright_sale_value_check"),
    ))
