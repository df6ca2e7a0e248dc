"""The 2027 sales form of the test year: 2026's, carried forward unchanged."""

from domain.forms.y2026.sales import FORM as FORM_2026

FORM = FORM_2026.evolve(year=2027)
