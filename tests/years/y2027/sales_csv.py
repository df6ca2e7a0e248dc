"""The 2027 sales download: 2026's layout on the 2027 form."""

from exports.csv.sales_2026 import *  # noqa: F401,F403  (next year's declaration is this year's, changed)

from .sales import FORM  # noqa: F811

YEAR = 2027
