"""The 2027 bulk upload templates: 2026's, with the fields made from the 2027 forms. Field 92 of the
lettings template fills the new question `uprn_confirmed` (its `bulk=92`), and no longer `reservist`,
which 2027 does not ask."""

from dataclasses import replace

from domain.forms.y2026.lettings import bulk_upload as lettings_2026
from domain.forms.y2026.sales.bulk_upload import TEMPLATE as SALES_2026

from . import lettings

LETTINGS = replace(lettings_2026.TEMPLATE, year=2027,
                   fields=lettings_2026.template_fields(lettings.FORM, codes={"uprn_confirmed": lettings_2026.YES_NO}))
SALES = replace(SALES_2026, year=2027)
