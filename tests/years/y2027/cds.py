"""The 2027 CDS export declarations: lettings no longer sends `tenancyother`; sales as in 2026."""

from exports.cds.lettings_2026 import LETTINGS_2026
from exports.cds.sales import SALES_2026

LETTINGS = LETTINGS_2026.evolve(year=2027, exclude={"tenancyother": "no longer sent to CDS from 2027"})
SALES = SALES_2026.evolve(year=2027)
