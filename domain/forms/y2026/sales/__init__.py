"""The 2026 sales form: sales completing from April 2026 to March 2027.
"""

from domain.forms.catalogue import Form, Section

from . import predicates  # noqa: F401  (registers the named conditions)
from .derived import DERIVED_FIELDS
from .discounted_ownership import DISCOUNTED_OWNERSHIP_SCHEME
from .household_characteristics import HOUSEHOLD_CHARACTERISTICS
from .household_situation import HOUSEHOLD_SITUATION
from .income import INCOME_BENEFITS_AND_SAVINGS
from .other_household_information import OTHER_HOUSEHOLD_INFORMATION
from .outright_sale import OUTRIGHT_SALE
from .property import PROPERTY_INFORMATION
from .setup import SETUP
from .shared_ownership_initial import SHARED_OWNERSHIP_INITIAL_PURCHASE
from .staircasing import SHARED_OWNERSHIP_STAIRCASING

FORM = Form(
    log_type="sales",
    year=2026,
    sections=(
        Section("setup", "Before you start", (SETUP,)),
        Section("property_information", "Property information", (PROPERTY_INFORMATION,)),
        Section("household", "About the household",
                (HOUSEHOLD_CHARACTERISTICS, HOUSEHOLD_SITUATION, OTHER_HOUSEHOLD_INFORMATION)),
        Section("finances", "Finances", (INCOME_BENEFITS_AND_SAVINGS,)),
        Section("sale_information", "Sale information", (
            SHARED_OWNERSHIP_INITIAL_PURCHASE, SHARED_OWNERSHIP_STAIRCASING, DISCOUNTED_OWNERSHIP_SCHEME,
            OUTRIGHT_SALE,
        )),
    ),
    derived=DERIVED_FIELDS,
    gate_ignores=("purchid",),
)
