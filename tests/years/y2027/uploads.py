"""The 2027 bulk upload templates: 2026's, with field 92 of the lettings template now filling the new
question `uprn_confirmed` (the question it filled, `reservist`, is no longer asked)."""

from dataclasses import replace

from domain.bulk_upload.template import cell
from domain.forms.y2026.lettings import bulk_upload as lettings_2026
from domain.forms.y2026.sales.bulk_upload import TEMPLATE as SALES_2026

YES_NO = {1: 1, 2: 0}


def build(row, context) -> dict:
    answers = lettings_2026.build(row, context)
    del answers["reservist"]
    value = row.get(92)
    answers["uprn_confirmed"] = YES_NO.get(value, value) if value is not None else None
    return answers


LETTINGS = replace(lettings_2026.TEMPLATE, year=2027, fields={**lettings_2026.FIELDS, 92: cell("uprn_confirmed")},
                   build=build)
SALES = replace(SALES_2026, year=2027)
