"""The 2027 lettings download: 2026's layout on the 2027 form, with the new question `uprn_confirmed`
downloaded for support (2026 drops that column from the address block)."""

from exports.csv.lettings_2026 import *  # noqa: F401,F403  (next year's declaration is this year's, changed)

from .lettings import FORM  # noqa: F811

YEAR = 2027
SUPPORT_DROPPED = []
