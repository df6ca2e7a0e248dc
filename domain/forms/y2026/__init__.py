"""The 2026 collection year (April 2026 to March 2027): its forms, and where its rules, derived
values, bulk upload templates, CSV downloads and CDS exports are declared."""

from domain.forms.year import LogYear, Year

from . import lettings, sales

YEAR = Year(
    year=2026,
    lettings=LogYear(
        form=lettings.FORM,
        rules_from="domain.validations.lettings:rules_for_form",
        derive_from="domain.forms.y2026.lettings.derived:derive",
        predicates_from="domain.forms.y2026.lettings.predicates",
        codes_from="domain.forms.y2026.codes",
        template_from="domain.forms.y2026.lettings.bulk_upload:TEMPLATE",
        csv_from="exports.csv.lettings_2026",
        cds_from="exports.cds.lettings_2026:LETTINGS_2026",
    ),
    sales=LogYear(
        form=sales.FORM,
        rules_from="domain.validations.sales:rules_for_form",
        derive_from="domain.forms.y2026.sales.derived:derive",
        predicates_from="domain.forms.y2026.sales.predicates",
        codes_from="domain.forms.y2026.codes",
        template_from="domain.forms.y2026.sales.bulk_upload:TEMPLATE",
        csv_from="exports.csv.sales_2026",
        cds_from="exports.cds.sales:SALES_2026",
        # Sales rules spec §2.3 and §2.7 keep three rules on answers 2026 no longer collects: they run, and
        # cannot fire on a stored log (nothing sets these).
        inert_fields={
            "buylivein": "whether the buyers will live in the property: not collected in 2026",
            "exdate": "the exchange of contracts date: not collected in 2026",
        },
    ),
)
