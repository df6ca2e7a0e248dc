"""2026 sales: Property information (sales-2026-form §2.2)."""

from domain.forms.catalogue import NUMERIC, RADIO, SELECT, TEXT, Page, Question, Subsection, options
from domain.forms.conditions import ne, one_of, when

from .common import (
    NOSTAIR, UNIT_TYPES, YES_NO_DONT_KNOW, combined_income_check, discount_check, income_discounted_check,
    monthly_charges_check, value_check,
)

MANUAL_ADDRESS = when(manual_address_entry_selected=True)


def address_line(field: str, label: str, number=None, *, optional=False, max_length=255, bulk=None) -> Question:
    # Typed or filled in from the chosen address; routing never clears them (form §5.1).
    return Question(field, TEXT, label, number=number, optional=optional, keep_when_hidden=True,
                    max_length=max_length, bulk=bulk)


PROPERTY_INFORMATION = Subsection("property_information", "Property information", pages=(
    Page("address_search", (
        Question("uprn", TEXT, "Find an address", number=13, bulk=16, max_length=12,
                 hint="Search by address or by the property’s UPRN (Unique Property Reference Number, "
                      "up to 12 digits)."),
    ), shown_when=when(manual_address_entry_selected=ne(True))),
    Page("address", (
        address_line("address_line1", "Address line 1", 14, bulk=17),
        address_line("address_line2", "Address line 2 (optional)", optional=True, bulk=18),
        address_line("town_or_city", "Town or city", bulk=19),
        address_line("county", "County (optional)", optional=True, bulk=20),
        address_line("postcode_full", "Postcode", max_length=8),
    ), shown_when=MANUAL_ADDRESS),
    Page("property_local_authority", (
        Question("la", SELECT, "What is the property’s local authority?", number=15, bulk=23, keep_when_hidden=True,
                 max_length=9),
    ), shown_when=when(is_la_inferred=False)),
    income_discounted_check("local_authority_buyer_1_income_max_value_check", 1),
    income_discounted_check("local_authority_buyer_2_income_max_value_check", 2),
    combined_income_check("local_authority_combined_income_max_value_check"),
    value_check("about_price_la_value_check"),
    Page("property_unit_type", (
        Question("proptype", RADIO, "What type of unit is the property?", number=16, bulk=24, options=options(*UNIT_TYPES)),
    )),
    Page("building_height_class", (
        Question("buildheightclass", RADIO, "What is the building height classification?", number=17, bulk=25,
                 options=options((1, "High-rise"), (2, "Low-rise"), (3, "Don't know")),
                 hint="A high-rise building has at least 2 homes and at least 7 storeys or is at least 18 metres "
                      "tall. If you are not sure of the height, go by the number of storeys."),
    ), shown_when=when(proptype=one_of(1, 2, 9))),
    Page("property_number_of_bedrooms", (
        Question("beds", NUMERIC, "How many bedrooms does the property have?", number=18, bulk=26, min=1, max=9, step=1,
                 hint="A bedsit has 1 bedroom.", derived_when=when(proptype=2)),
    ), shown_when=when(proptype=ne(2))),
    value_check("about_price_bedrooms_value_check"),
    monthly_charges_check("monthly_charges_property_type_value_check"),
    discount_check("percentage_discount_proptype_value_check"),
    Page("property_building_type", (
        Question("builtype", RADIO, "What type of building is the property?", number=19, bulk=27, options=options(
            (1, "Purpose-built"), (2, "Converted from previous residential or non-residential property"))),
    ), shown_when=NOSTAIR),
    Page("property_wheelchair_accessible", (
        Question("wchair", RADIO, "Is the property built or adapted to wheelchair-user standards?", number=20, bulk=28,
                 options=YES_NO_DONT_KNOW),
    ), shown_when=NOSTAIR),
))
