"""2026 lettings: Property information."""

from domain.forms.catalogue import DATE, NUMERIC, RADIO, SELECT, TEXT, Page, Question, Subsection, options
from domain.forms.conditions import ne, one_of, when
from domain.forms.shared.people import CONFIRM, interruption  # noqa: F401  (used by the other subsections)

from .setup import YES_NO

NOT_FIRST_LET_REASONS = (5, 6, 8, 9, 10, 11, 12, 13, 18, 19, 20, 21, 22)

RENT_CHECK = "Are you sure the rent is right? It is outside the expected range for this area and property."

PROPERTY_INFORMATION = Subsection("property_information", "Property information", pages=(
    Page("first_time_property_let_as_social_housing", (
        Question("first_time_property_let_as_social_housing", RADIO,
                 "Is this the first time the property has been let as social housing?", number=12,
                 options=options((1, "Yes", "This is a new let: the property was used for something else before, or is a new build."),
                                 (0, "No", "This is a re-let of existing social housing stock."))),
    ), shown_when=when(renewal=ne(1))),
    Page("property_let_type", (
        Question("unitletas", RADIO, "What rent type was the property most recently let as?", number=14, bulk=17, options=options(
            (1, "Social rent basis"), (2, "Affordable rent basis"), (5, "London Affordable Rent basis"),
            (6, "Rent to Buy basis"), (7, "London Living Rent basis"), (8, "Another Intermediate Rent basis"),
            (9, "Specified accommodation - exempt accommodation, managed properties, refuges and local authority hostels"),
            (3, "Don’t know"),
        )),
    ), shown_when=when(first_time_property_let_as_social_housing=0, renewal=ne(1))),
    Page("property_vacancy_reason_not_first_let", (
        Question("rsnvac", RADIO, "What is the reason for the property being vacant?", number=15, options=options(
            (14, "Renewal of fixed-term tenancy"),
            (9, "Re-let to tenant who occupied same property as temporary accommodation"),
            (13, "Internal transfer"),
            (12, "Tenant moved to other social housing provider"),
            (8, "Tenant moved to private sector or other accommodation"),
            (18, "Tenant moved to care home"),
            (20, "Tenant moved to long-stay hospital or similar institution"),
            (5, "Tenant died with no succession"),
            (19, "Tenant involved in a succession downsize"),
            (6, "Tenant abandoned property"),
            (10, "Tenant was evicted due to rent arrears"),
            (11, "Tenant was evicted due to anti-social behaviour"),
            (21, "Tenant was evicted due to both rent arrears and anti-social behaviour"),
            (22, "Any other reason"),
        )),
    ), shown_when=when(first_time_property_let_as_social_housing=0, renewal=ne(1))),
    Page("property_vacancy_reason_first_let", (
        Question("rsnvac", RADIO, "What is the reason for the property being vacant?", number=13, options=options(
            (16, "First let of conversion, rehabilitation or acquired property"),
            (17, "First let of leased property"),
            (15, "First let of new-build property"),
        )),
    ), shown_when=when(first_time_property_let_as_social_housing=1, renewal=ne(1))),
    Page("address", (
        Question("uprn", TEXT, "UPRN of the property, if known", number=16, bulk=18, optional=True, max_length=12,
                 hint="The Unique Property Reference Number: up to 12 digits."),
        Question("address_line1", TEXT, "Address line 1", number=17, bulk=19, keep_when_hidden=True),
        Question("address_line2", TEXT, "Address line 2", number=17, bulk=20, optional=True, keep_when_hidden=True),
        Question("town_or_city", TEXT, "Town or city", number=17, bulk=21, keep_when_hidden=True),
        Question("county", TEXT, "County", number=17, bulk=22, optional=True, keep_when_hidden=True),
        Question("postcode_full", TEXT, "Postcode", number=17, keep_when_hidden=True, max_length=8),
    )),
    Page("property_local_authority", (
        Question("la", SELECT, "What is the property’s local authority?", number=18, bulk=25, keep_when_hidden=True,
                 max_length=9),
    ), shown_when=when(needstype=1, is_la_inferred=False)),
    interruption("local_authority_rent_value_check", "rent_value_check", "rent_soft_validation_triggered?", RENT_CHECK),
    Page("property_unit_type", (
        Question("unittype_gn", RADIO, "What type of unit is the property?", number=19, bulk=26, options=options(
            (2, "Bedsit"), (8, "Bungalow"), (1, "Flat or maisonette"), (7, "House"),
            (10, "Shared bungalow"), (4, "Shared flat or maisonette"), (9, "Shared house"), (6, "Other"),
        )),
    ), shown_when=when(needstype=1)),
    Page("property_wheelchair_accessible", (
        # A supported housing letting takes it from its location (derived).
        Question("wchair", RADIO, "Is the property built or adapted to wheelchair-user standards?", number=20, bulk=27,
                 options=options((1, "Yes"), (2, "No")), derived_when=when(needstype=2, location_id=ne(None))),
    ), shown_when=when(needstype=1)),
    Page("property_number_of_bedrooms", (
        Question("beds", NUMERIC, "How many bedrooms does the property have?", number=21, bulk=28, min=1, max=12, step=1,
                 hint="If shared accommodation, enter the number of bedrooms occupied by this household.",
                 derived_when=when(unittype_gn=2)),
    ), shown_when=when(needstype=1, unittype_gn=ne(2))),
    interruption("beds_rent_value_check", "rent_value_check", "rent_soft_validation_triggered?", RENT_CHECK),
    Page("void_date", (
        Question("voiddate", DATE, "What is the void date?", number=22, derived_when=when(renewal=1)),
    ), shown_when=when(renewal=ne(1))),
    interruption("void_date_value_check", "void_date_value_check", "void_date_soft_validation_triggered?",
                 "Are you sure? The property was vacant for more than 2 years."),
    Page("property_major_repairs", (
        Question("majorrepairs", RADIO, "Were any major repairs carried out during the void period?", number=23,
                 options=YES_NO),
        Question("mrcdate", DATE, "When were the repairs completed?", number=23, shown_when=when(majorrepairs=1)),
    ), shown_when=when(renewal=ne(1), rsnvac=one_of(*NOT_FIRST_LET_REASONS))),
    interruption("property_major_repairs_value_check", "major_repairs_date_value_check",
                 "major_repairs_date_soft_validation_triggered?",
                 "Are you sure? The property was vacant for more than 2 years after the repairs."),
    Page("sheltered_accommodation", (
        Question("sheltered", RADIO, "Is this letting in sheltered accommodation?", number=24, bulk=35, options=options(
            (7, "Yes – for tenants with low support needs"), (2, "Yes – extra care housing"), (8, "Yes – other"),
            (3, "No"), (4, "Don’t know"),
        )),
    ), shown_when=when(needstype=2)),
))
