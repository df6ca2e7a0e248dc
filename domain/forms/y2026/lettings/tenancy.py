"""2026 lettings: Tenancy information."""

from domain.forms.catalogue import NUMERIC, RADIO, TEXT, Page, Question, Subsection, options
from domain.forms.conditions import ne, not_one_of, one_of, when

from .property import interruption

FIXED_TERM = (4, 6)
SOCIAL_OR_AFFORDABLE_RENT = (0, 1, 2)  # rent_type codes

TENANCY_TYPES = options(
    (4, "Assured Shorthold Tenancy (AST) – Fixed term",
     "A fixed term of up to 20 years, usually after a starter period."),
    (6, "Secure – fixed term", "A fixed term of up to 20 years, usually after a starter period."),
    (2, "Assured – lifetime"),
    (7, "Secure – lifetime"),
    (8, "Periodic", "A tenancy that rolls on from one period to the next, with no end date."),
    (5, "Licence agreement", "Mostly used in supported housing."),
    (3, "Other"),
)


def tenancy_type_questions(label: str) -> tuple[Question, ...]:
    return (
        Question("tenancy", RADIO, label, number=27, bulk=38, options=TENANCY_TYPES),
        Question("tenancyother", TEXT, "Describe the type of tenancy", number=27, bulk=39, shown_when=when(tenancy=3)),
    )


def tenancy_length(label: str, hint: str = "") -> Question:
    # Only a fixed-term length must be given; a periodic tenancy's expected length may be left blank.
    return Question("tenancylength", NUMERIC, label, number=28, bulk=40, min=0, max=150, step=1, hint=hint,
                    optional_when=when(tenancy=not_one_of(*FIXED_TERM)))


FIXED_TERM_LENGTH = "How long is the fixed-term tenancy, to the nearest year?"

TENANCY_INFORMATION = Subsection("tenancy_information", "Tenancy information", pages=(
    Page("joint", (
        Question("joint", RADIO, "Is this a joint tenancy?", number=25, bulk=36,
                 options=options((1, "Yes"), (2, "No"), (3, "Don’t know"))),
    )),
    Page("starter_tenancy", (
        Question("startertenancy", RADIO, "Is this a starter or introductory tenancy?", number=26, bulk=37,
                 options=options((1, "Yes"), (2, "No"))),
    )),
    Page("tenancy_type", tenancy_type_questions("What type of tenancy is this?"),
         shown_when=when(startertenancy=ne(1))),
    Page("starter_tenancy_type", tenancy_type_questions("What type of tenancy follows the starter period?"),
         shown_when=when(startertenancy=1)),
    interruption("tenancyother_value_check", "tenancyother_value_check", "tenancyother_soft_validation_triggered?",
                 "Are you sure? The other tenancy type you described sounds like a starter or introductory "
                 "period, which is already recorded. Give the type of tenancy the tenant moves on to."),
    Page("tenancy_length", (
        tenancy_length(FIXED_TERM_LENGTH),
    ), shown_when=when(tenancy=one_of(*FIXED_TERM), needstype=2)),
    Page("tenancy_length_affordable_rent", (
        tenancy_length(FIXED_TERM_LENGTH,
                       "General needs social and affordable rent tenancies should be at least 2 years long."),
    ), shown_when=when(tenancy=one_of(*FIXED_TERM), needstype=1, rent_type=one_of(*SOCIAL_OR_AFFORDABLE_RENT))),
    Page("tenancy_length_intermediate_rent", (
        tenancy_length(FIXED_TERM_LENGTH,
                       "General needs intermediate rent tenancies should be at least 1 year long."),
    ), shown_when=when(tenancy=one_of(*FIXED_TERM), needstype=1, rent_type=not_one_of(*SOCIAL_OR_AFFORDABLE_RENT))),
    Page("tenancy_length_periodic", (
        tenancy_length("How long do you expect the periodic tenancy to last, to the nearest year?"),
    ), shown_when=when(tenancy=8)),
))
