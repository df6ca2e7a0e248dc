"""2026 sales: Set up this sales log (sales-2026-form §2.1)."""

from domain.forms.catalogue import CHECKBOX, DATE, ORGANISATION, RADIO, TEXT, USER, Page, Question, Subsection, options
from domain.forms.conditions import one_of, when

from .common import JOINT, SOLE, YES_NO

SHARED_OWNERSHIP_TYPES = options(
    (2, "Shared Ownership (old model lease)"),
    (30, "Shared Ownership (new model lease)"),
    (18, "Social HomeBuy — shared ownership purchase"),
    (16, "Home Ownership for people with Long-Term Disabilities (HOLD)"),
    (24, "Older Persons Shared Ownership"),
    (28, "Rent to Buy — Shared Ownership"),
    (31, "Right to Shared Ownership (RtSO)"),
    (32, "London Living Rent — Shared Ownership"),
)
DISCOUNTED_OWNERSHIP_TYPES = options(
    (8, "Right to Acquire (RTA)"),
    (14, "Preserved Right to Buy (PRTB)"),
    (9, "Right to Buy (RTB)"),
    (29, "Rent to Buy - Full Ownership"),
    (21, "Social HomeBuy for outright purchase"),
    (22, "Any other equity loan scheme"),
)
INTERVIEWED = options((2, "Yes"), (1, "No"))  # noint: 1 means the buyers were NOT interviewed
PRIVACY_NOTICE = "MHCLG privacy notice"


def interview_question(label: str) -> Question:
    return Question("noint", RADIO, label, number=11, bulk=14, options=INTERVIEWED,
                    hint="You should still try to answer all questions even if the buyers were not interviewed.")


def privacy_notice_question(who: str) -> Question:
    return Question("privacynotice", CHECKBOX, "Declaration", number=12, bulk=15, options=options(
        ("privacynotice", f"{who} seen or been given access to the {PRIVACY_NOTICE}"),
    ))


SETUP = Subsection("setup", "Set up this sales log", gated=False, pages=(
    # Which organisations are offered, and whether these two pages show, depends on the user (form §2.1).
    Page("owning_organisation", (
        Question("owning_organisation_id", ORGANISATION, "Which organisation owns this log?", number=1, bulk=4),
    )),
    Page("managing_organisation", (
        Question("managing_organisation_id", ORGANISATION, "Which organisation is reporting this sale?", number=2, bulk=5),
    )),
    Page("completion_date", (
        Question("saledate", DATE, "What is the sale completion date?", number=3),
    )),
    Page("assigned_to", (
        Question("assigned_to_id", USER, "Which user are you creating this log for?", bulk=6),
    )),
    Page("purchaser_code", (
        Question("purchid", TEXT, "What is the purchaser code?", number=4, bulk=7, optional=True,
                 hint="This is how you usually refer to the purchaser on your own systems."),
    )),
    Page("ownership_scheme", (
        Question("ownershipsch", RADIO, "Was this purchase made through an ownership scheme?", number=5, bulk=8,
                 options=options((1, "Shared Ownership"), (2, "Discounted Ownership")),
                 hint="Outright sales and other sales are not reported."),
    )),
    Page("shared_ownership_type", (
        Question("type", RADIO, "What is the type of shared ownership sale?", number=6,
                 options=SHARED_OWNERSHIP_TYPES),
    ), shown_when=when(ownershipsch=1)),
    Page("staircasing", (
        Question("staircase", RADIO, "Is this a staircasing transaction?", number=7, bulk=10, options=YES_NO,
                 hint="A staircasing transaction is when a shared owner buys more shares in their home."),
    ), shown_when=when(ownershipsch=1)),
    Page("discounted_ownership_type", (
        Question("type", RADIO, "What is the type of discounted ownership sale?", number=8,
                 options=DISCOUNTED_OWNERSHIP_TYPES),
    ), shown_when=when(ownershipsch=2)),
    Page("joint_purchase", (
        Question("jointpur", RADIO, "Is this a joint purchase?", number=9, bulk=12, options=YES_NO),
    ), shown_when=when(ownershipsch=one_of(1, 2))),
    Page("number_joint_buyers", (
        Question("jointmore", RADIO, "Are there more than 2 joint buyers of this property?", number=10, bulk=13,
                 options=options((1, "Yes"), (2, "No"), (3, "Don’t know"))),
    ), shown_when=JOINT),
    Page("buyer_interview_joint_purchase", (
        interview_question("Were the buyers interviewed for any of the answers you will give on this log?"),
    ), shown_when=JOINT),
    Page("buyer_interview", (
        interview_question("Was the buyer interviewed for any of the answers you will give on this log?"),
    ), shown_when=SOLE),
    Page("privacy_notice_joint_purchase", (privacy_notice_question("The buyers have"),), shown_when=JOINT),
    Page("privacy_notice", (privacy_notice_question("The buyer has"),), shown_when=SOLE),
))
