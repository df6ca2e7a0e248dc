"""2026 lettings: Set up this lettings log."""

from domain.forms.catalogue import (
    CHECKBOX, DATE, LOCATION, ORGANISATION, RADIO, SCHEME, TEXT, USER, Page, Question, Subsection, options,
)
from domain.forms.conditions import when

YES_NO = options((1, "Yes"), (0, "No"))

RENT_TYPES = options(
    (0, "Social Rent"),
    (1, "Affordable Rent"),
    (2, "London Affordable Rent"),
    (3, "Rent to Buy"),
    (4, "London Living Rent"),
    (5, "Other intermediate rent product"),
    (6, "Specified accommodation - exempt accommodation, managed properties, refuges and local authority hostels"),
)

SETUP = Subsection("setup", "Set up this lettings log", gated=False, pages=(
    Page("stock_owner", (
        Question("owning_organisation_id", ORGANISATION, "Which organisation owns this property?", number=1, bulk=1),
    )),
    Page("managing_organisation", (
        Question("managing_organisation_id", ORGANISATION, "Which organisation manages this letting?", number=2, bulk=2),
    )),
    Page("assigned_to", (
        Question("assigned_to_id", USER, "Which user are you creating this log for?", bulk=3),
    )),
    Page("needs_type", (
        Question("needstype", RADIO, "What is the needs type of this letting?", number=3, bulk=4,
                 options=options((1, "General needs"), (2, "Supported housing"))),
    )),
    Page("scheme", (
        Question("scheme_id", SCHEME, "What scheme is this log for?", number=4, bulk=5),
    ), shown_when=when(needstype=2)),
    Page("location", (
        Question("location_id", LOCATION, "Which location is this letting for?", number=5, bulk=6, keep_when_hidden=True),
    ), shown_when=when(needstype=2, **{"scheme_has_multiple_locations?": True})),
    Page("renewal", (
        Question("renewal", RADIO, "Is this letting a renewal of social housing to the same tenant in the same property?",
                 number=6, bulk=7, options=YES_NO),
    )),
    Page("tenancy_start_date", (
        Question("startdate", DATE, "What is the tenancy start date?", number=7),
    )),
    Page("rent_type", (
        Question("rent_type", RADIO, "What is the rent type?", number=8, bulk=11, options=RENT_TYPES),
        Question("irproduct_other", TEXT, "Name of rent product", number=8, bulk=12, shown_when=when(rent_type=5)),
    )),
    Page("tenant_code", (
        Question("tenancycode", TEXT, "What is the tenant code?", number=9, bulk=13, optional=True,
                 hint="This is how you usually refer to this tenancy on your own systems."),
    )),
    Page("property_reference", (
        Question("propcode", TEXT, "What is the property reference?", number=10, bulk=14, optional=True,
                 hint="This is how you usually refer to this property on your own systems."),
    )),
    Page("declaration", (
        Question("declaration", CHECKBOX, "Declaration", number=11, bulk=15, options=options(
            ("declaration", "The tenant has seen or been given access to the MHCLG privacy notice"),
        )),
    )),
))
