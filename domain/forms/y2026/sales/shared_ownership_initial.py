"""2026 sales: Shared ownership - initial purchase (sales-2026-form §2.7)."""

from domain.forms.catalogue import DATE, NUMERIC, RADIO, Page, Question, Subsection, options
from domain.forms.conditions import any_of, ne, one_of, when
from domain.forms.shared.people import interruption

from .common import (
    KNOWN, MAX_MONTHLY_CHARGE, PENCE, UNIT_TYPES, YES_NO, YES_NO_DONT_KNOW, YES_NO_ZERO, deposit_checks, joint_and_sole,
    monthly_charges_check, money, mortgage_check, percentage, stored_only, value_check,
)

INITIAL_PURCHASE = when(ownershipsch=1, staircase=2)
ALWAYS_DERIVED = when()  # holds for every log
MORTGAGE_USED = when(mortgageused=1)
FULLY_OWNED = when(stairowned=100)
NOT_FULLY_OWNED = when(stairowned=ne(100))
SOCIAL_TENANT_BEFORE = any_of(
    when(soctenant=one_of(0, 1)),
    when(ownershipsch=1, prevten=one_of(1, 2)),
    when(ownershipsch=1, prevtenbuy2=one_of(1, 2)),
)
HANDOVER_CHECK = ("Are you sure? The practical completion or handover date is a long time before the sale "
                  "completion date.")
SOCIAL_TENANT = options((1, "Yes"), (2, "No"), stored_only(0, "Don’t know"))


def living_before_purchase(page_prefix: str, number: int, also=None):
    """Whether the buyers lived in the property before buying it, and for how long (whole years, rounded up)."""
    def questions(who: str) -> tuple[Question, ...]:
        return (
            Question("proplen_asked", RADIO, f"Did {who} live in the property before purchasing it?", number=number,
                     options=KNOWN),
            Question("proplen", NUMERIC, f"How long did {who} live there?", number=number, min=1, max=80, step=1,
                     suffix=" years", hint="You should round up to the nearest year.",
                     shown_when=when(proplen_asked=0)),
        )
    kwargs = {} if also is None else {"also": also}
    return joint_and_sole(f"{page_prefix}_joint_purchase", questions("the buyers"), page_prefix,
                          questions("the buyer"), **kwargs)


def mortgage_length_pages(page_prefix: str, number: int) -> tuple[Page, ...]:
    """Mortgage length; when the buyers were not interviewed it may be unknown (new for 2026)."""
    def length(**extra) -> Question:
        return Question("mortlen", NUMERIC, "What is the length of the mortgage?", number=number, min=0, max=60,
                        step=1, suffix=" years", hint="Round up to the nearest year. Enter 0 for no fixed term.",
                        **extra)
    return (
        Page(f"{page_prefix}_not_interviewed", (
            Question("mortlen_known", RADIO, "Do you know the length of the mortgage?", number=number, options=KNOWN),
            length(shown_when=when(mortlen_known=0), not_known_when=when(mortlen_known=1)),
        ), shown_when=MORTGAGE_USED & when(noint=1)),
        Page(f"{page_prefix}_interviewed", (length(),), shown_when=MORTGAGE_USED & when(noint=ne(1))),
    )


def mortgage_used_question(number: int, label: str = "Was a mortgage used for the purchase of this property?"):
    return Question("mortgageused", RADIO, label, number=number, options=YES_NO_DONT_KNOW)


def mortgage_amount(number: int) -> Question:
    return money("mortgage", "What is the mortgage amount?", number, min=1, derived_when=when(mortgageused=2))


def service_charge_questions(number: int) -> tuple[Question, ...]:
    return (
        Question("has_mscharge", RADIO, "Does the property have any service charges?", number=number,
                 options=YES_NO_ZERO, hint="This does not include estate management fees."),
        money("mscharge", "Enter the total monthly service charge", number, min=1, max=MAX_MONTHLY_CHARGE, step=PENCE,
              shown_when=when(has_mscharge=1)),
    )


def purchase_price(field_label: str, number: int, **extra) -> Question:
    return money("value", field_label, number, min=15_000, **extra)


SHARED_OWNERSHIP_INITIAL_PURCHASE = Subsection(
    "shared_ownership_initial_purchase", "Shared ownership - initial purchase", enabled_when=INITIAL_PURCHASE,
    listed_when=when(staircase=2) & any_of(when(ownershipsch=1), when(ownershipsch=None)), pages=(
        Page("resale", (
            Question("resale", RADIO, "Is this a resale?", number=82, bulk=91, options=YES_NO,
                     hint="If the social landlord has previously sold the property to another buyer and is now "
                          "reselling the property, select ‘yes’."),
        ), shown_when=when(staircase=one_of(2, 3))),
        *living_before_purchase("living_before_purchase_shared_ownership", 83, when(resale=2)),
        Page("handover_date", (
            Question("hodate", DATE, "What is the practical completion or handover date?", number=84),
        ), shown_when=when(ownershipsch=1, resale=2)),
        interruption("handover_date_check", "hodate_check", "handover_5_years_before_completion?", HANDOVER_CHECK),
        # Always worked out from the previous tenure from 2024, so never asked (rules §4.2 #13).
        *joint_and_sole(
            "buyer_previous_joint_purchase", (
                Question("soctenant", RADIO, "Were any of the buyers private registered provider, housing "
                         "association or local authority tenants immediately before this sale?",
                         options=SOCIAL_TENANT, derived_when=ALWAYS_DERIVED),
            ),
            "buyer_previous_not_joint_purchase", (
                Question("soctenant", RADIO, "Was the buyer a private registered provider, housing association or "
                         "local authority tenant immediately before this sale?",
                         options=SOCIAL_TENANT, derived_when=ALWAYS_DERIVED),
            ),
            also=when(**{"soctenant_asked?": True})),
        Page("previous_bedrooms", (
            Question("frombeds", NUMERIC, "How many bedrooms did the buyer’s previous property have?", number=85, bulk=96,
                     min=1, max=6, step=1, hint="For bedsits, enter 1."),
        ), shown_when=SOCIAL_TENANT_BEFORE),
        Page("previous_property_type", (
            Question("fromprop", RADIO, "What was the previous property type?", number=86, bulk=97,
                     options=options(*UNIT_TYPES, stored_only(0, "Don’t know"))),
        ), shown_when=SOCIAL_TENANT_BEFORE),
        Page("shared_ownership_previous_tenure", (
            Question("socprevten", RADIO, "What was the rent type of the buyer’s previous tenure?", number=87, bulk=98,
                     options=options((1, "Social Rent"), (2, "Affordable Rent"), (3, "London Affordable Rent"),
                                     (9, "Other"), (10, "Don’t know"))),
        ), shown_when=SOCIAL_TENANT_BEFORE),
        Page("value_shared_ownership", (
            purchase_price("What was the full purchase price?", 88,
                           hint="Enter the full price of the property as if 100% equity had been bought."),
        )),
        value_check("about_price_shared_ownership_value_check"),
        Page("initial_equity", (
            percentage("equity", "What was the initial percentage share purchased?", 89),
        )),
        Page("mortgage_used_shared_ownership", (mortgage_used_question(90),)),
        mortgage_check("mortgage_used_mortgage_value_check"),
        Page("mortgage_amount_shared_ownership", (mortgage_amount(91),), shown_when=MORTGAGE_USED),
        mortgage_check("mortgage_amount_mortgage_value_check"),
        *mortgage_length_pages("mortgage_length_shared_ownership", 92),
        Page("deposit_shared_ownership", (
            money("deposit", "How much was the cash deposit paid on the property?", 93),
        ), shown_when=NOT_FULLY_OWNED),
        Page("deposit_shared_ownership_optional", (
            money("deposit", "How much was the cash deposit paid on the property?", 93, optional=True),
        ), shown_when=FULLY_OWNED),
        *deposit_checks("deposit_joint_purchase_value_check", "deposit_value_check"),
        Page("deposit_discount", (
            money("cashdis", "How much cash discount was given through Social HomeBuy?", 94, bulk=105),
        ), shown_when=when(type=18) & NOT_FULLY_OWNED),
        Page("deposit_discount_optional", (
            money("cashdis", "How much cash discount was given through Social HomeBuy?", 94, bulk=105, optional=True),
        ), shown_when=when(type=18) & FULLY_OWNED),
        Page("monthly_rent", (
            money("mrent", "What is the basic monthly rent?", 95, max=None, step=PENCE,
                  hint="Amount paid before any charges."),
        )),
        Page("service_charge", service_charge_questions(96)),
        monthly_charges_check("monthly_charges_initial_purchase_value_check"),
        Page("estate_management_fee", (
            Question("has_management_fee", RADIO, "Does the property have an estate management fee?", number=97,
                     options=YES_NO_ZERO),
            money("management_fee", "Enter the total monthly management fee", 97, min=1, max=9999, step=PENCE,
                  shown_when=when(has_management_fee=1)),
        )),
    ))
