"""A test-only 2027 collection year, declared as a real year package would be.

Nothing outside this package knows it: a test adds it with `settings.EXTRA_FORM_YEARS =
["tests.years.y2027"]`. Against 2026 its lettings form changes a question (`joint` gets a new answer),
adds one (`uprn_confirmed`), removes one (`reservist`), changes a rule (`tenancy.joint.one_person`), a
bulk upload template column (field 92) and a CDS element (`tenancyother` is no longer sent); its sales
form is 2026's, carried forward.

The new question needs a column, and the log models' columns are made from the years found when the
models load, before a test can add this year. So it asks `uprn_confirmed`, a column the lettings log
already has (written by the address search in 2026, and asked as a question in the original service),
rather than a column only a migration could add.
"""

from domain.forms.year import LogYear, Year

from . import lettings, sales

YEAR = Year(
    year=2027,
    lettings=LogYear(
        form=lettings.FORM,
        rules_from=lettings.rules,
        derive_from="domain.forms.y2026.lettings.derived:derive",
        predicates_from="domain.forms.y2026.lettings.predicates",
        codes_from="domain.forms.y2026.codes",
        template_from="tests.years.y2027.uploads:LETTINGS",
        csv_from="tests.years.y2027.lettings_csv",
        cds_from="tests.years.y2027.cds:LETTINGS",
    ),
    sales=LogYear(
        form=sales.FORM,
        rules_from="domain.validations.sales:rules_for_form",
        derive_from="domain.forms.y2026.sales.derived:derive",
        predicates_from="domain.forms.y2026.sales.predicates",
        codes_from="domain.forms.y2026.codes",
        template_from="tests.years.y2027.uploads:SALES",
        csv_from="tests.years.y2027.sales_csv",
        cds_from="tests.years.y2027.cds:SALES",
        inert_fields={"buylivein": "not collected since 2026", "exdate": "not collected since 2026"},
    ),
)
