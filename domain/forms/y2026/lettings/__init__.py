"""The 2026 lettings form: April 2026 to March 2027."""

from domain.forms.catalogue import Form, Section

from . import predicates  # noqa: F401  (registers the named conditions)
from .derived import DERIVED_FIELDS
from .household_characteristics import HOUSEHOLD_CHARACTERISTICS
from .household_needs import HOUSEHOLD_NEEDS
from .household_situation import HOUSEHOLD_SITUATION
from .income import INCOME_AND_BENEFITS
from .property import PROPERTY_INFORMATION
from .setup import SETUP
from .tenancy import TENANCY_INFORMATION

FORM = Form(
    log_type="lettings",
    year=2026,
    sections=(
        Section("setup", "Before you start", (SETUP,)),
        Section("tenancy_and_property", "Property and tenancy information", (PROPERTY_INFORMATION, TENANCY_INFORMATION)),
        Section("household", "About the household", (HOUSEHOLD_CHARACTERISTICS, HOUSEHOLD_NEEDS, HOUSEHOLD_SITUATION)),
        Section("rent_and_charges", "Finances", (INCOME_AND_BENEFITS,)),
    ),
    derived=DERIVED_FIELDS,
    gate_ignores=("tenancycode", "propcode", "scheme_id", "location_id"),
)
