"""The start-up checks of the years' declarations: `manage.py check` passes on the shipped years and fails,
with a stable id, on each kind of broken declaration."""

import io
from dataclasses import replace

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from domain.bulk_upload.template import cell
from domain.forms import registry
from domain.forms.catalogue import TEXT, Page, Question
from domain.forms.checks import check_years
from domain.forms.conditions import when


def check() -> str:
    """The output of `manage.py check`, which raises SystemCheckError on an error."""
    out = io.StringIO()
    call_command("check", stdout=out)
    return out.getvalue()


def ids() -> list[str]:
    return sorted(error.id for error in check_years())


@pytest.fixture
def lettings():
    return registry.year(2026).lettings


def test_the_shipped_years_pass():
    assert check_years() == []
    assert "no issues" in check()


def test_a_rule_on_a_field_the_log_does_not_have_fails_manage_py_check(monkeypatch, lettings):
    broken = replace(lettings.rules[0], id="setup.broken", fields=("startdate", "start_date"))
    monkeypatch.setitem(lettings.__dict__, "rules", [*lettings.rules, broken])
    with pytest.raises(SystemCheckError) as failure:
        check()
    assert "(forms.E001) Rule setup.broken of the lettings form 2026 reads 'start_date'" in str(failure.value)


def test_the_sales_rules_on_answers_2026_does_not_collect_are_found_unless_declared_inert(monkeypatch):
    sales = registry.year(2026).sales
    monkeypatch.setitem(sales.__dict__, "inert_fields", {})
    found = [(error.id, error.msg.split()[1]) for error in check_years()]
    assert found == [("forms.E001", "household.buylivein.no_buyer_lives_in"),
                     ("forms.E001", "sale_dates.exdate.after_saledate"),
                     ("forms.E001", "sale_dates.exdate.year_before_saledate")]


def test_an_inert_field_that_is_a_column_is_a_stale_declaration(monkeypatch):
    sales = registry.year(2026).sales
    monkeypatch.setitem(sales.__dict__, "inert_fields", {**sales.inert_fields, "saledate": "wrongly inert"})
    assert ids() == ["forms.E009"]


def test_a_confirmation_that_is_not_a_column_is_found(monkeypatch, lettings):
    soft = next(rule for rule in lettings.rules if rule.kind == "soft")
    monkeypatch.setitem(lettings.__dict__, "rules", [*lettings.rules, replace(soft, confirm_field="nowhere_check")])
    assert ids() == ["forms.E002"]


def test_a_question_without_a_column_and_a_condition_on_an_unknown_name_are_found(monkeypatch, lettings):
    page = Page("made_up", (Question("made_up_answer", TEXT, "Made up"),), shown_when=when(tenancy_kind=1))
    predicated = Page("made_up_2", (Question("tenancycode", TEXT, "Code"),), shown_when=when(**{"nobody?": True}))
    sub = lettings.form.subsections[0]
    form = replace(lettings.form, sections=(
        replace(lettings.form.sections[0], subsections=(replace(sub, pages=(*sub.pages, page, predicated)),)),
        *lettings.form.sections[1:]))
    monkeypatch.setitem(lettings.__dict__, "form", form)
    errors = {(error.id, error.msg) for error in check_years()}
    assert ("forms.E003", "The lettings form 2026 writes 'made_up_answer', which is not a column of the log.") in errors
    assert ("forms.E005", "A condition on page made_up of the lettings form 2026 names 'tenancy_kind', which is "
                          "not a column.") in errors
    assert ("forms.E005", "A condition on page made_up_2 of the lettings form 2026 names 'nobody?', which is "
                          "no registered predicate.") in errors


def test_a_template_cell_on_a_missing_column_is_found(monkeypatch, lettings):
    template = lettings.template
    monkeypatch.setitem(lettings.__dict__, "template",
                        replace(template, fields={**template.fields, 148: cell("no_such_column")}))
    assert [(e.id, e.msg) for e in check_years()] == [
        ("forms.E006", "The lettings form 2026 bulk upload template field 148 names 'no_such_column', which is not "
                       "a column.")]


def test_a_question_naming_a_template_field_that_fills_something_else_is_found(monkeypatch, lettings):
    template = lettings.template
    monkeypatch.setitem(lettings.__dict__, "template",
                        replace(template, fields={**template.fields, 142: cell("tshortfall", kind="dec")}))
    assert [(e.id, e.msg) for e in check_years()] == [
        ("forms.E006", "Question 'brent' of the lettings form 2026 names bulk upload field 142, which the template "
                       "uses for 'tshortfall'.")]


def test_describe_form_gives_each_question_its_bulk_upload_field():
    from domain.forms.describe import describe_form

    questions = describe_form(registry.form_for_year("lettings", 2026))["questions"]
    assert {q["field"]: q["bulk_upload_field"] for q in questions}["tenancycode"] == 13


def test_an_export_column_neither_exported_nor_excluded_with_a_reason_is_found(monkeypatch, lettings):
    cds = lettings.cds
    monkeypatch.setitem(lettings.__dict__, "cds", replace(cds, excluded={**cds.excluded, "tenancyother": " ",
                                                                         "gone_column": "no longer asked"}))
    assert [(e.id, e.msg) for e in check_years()] == [
        ("forms.E007", "The lettings form 2026 CDS export neither exports 'tenancyother' nor excludes it with a "
                       "reason."),
        ("forms.E007", "The lettings form 2026 CDS export excludes 'gone_column', which the form does not have.")]


def test_a_download_column_neither_downloaded_nor_left_out_with_a_reason_is_found(monkeypatch, lettings):
    csv = lettings.csv
    monkeypatch.setitem(csv.SKIPPED_QUESTIONS, "tenancyother", "skipped")
    monkeypatch.setitem(csv.NOT_DOWNLOADED, "gone_column", "no longer asked")
    assert [(e.id, e.msg) for e in check_years()] == [
        ("forms.E008", "The lettings form 2026 CSV download neither downloads 'tenancyother' nor leaves it out "
                       "with a reason."),
        ("forms.E008", "The lettings form 2026 CSV download leaves out 'gone_column', which the form does not have.")]
