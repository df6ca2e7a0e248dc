"""The lettings export's field list is the catalogue's plus one declaration: guards and formats."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from domain.forms import registry
from domain.models import LettingsLog
from exports.cds import values
from exports.cds.lettings_declaration import Variant, declaration_for
from exports.cds.lettings_order import STORED_COLUMN_ORDER
from tests.exports.cds_support import reference_records

GENERAL_NEEDS = Variant(False, False, False, True, True)
SUPPORTED_HOUSING = Variant(True, True, True, True, True)


@pytest.mark.parametrize("year", registry.years("lettings"))
def test_every_catalogue_column_is_exported_or_excluded_with_a_reason(year):
    form = registry.form_for_year("lettings", year)
    declaration = declaration_for(year)
    exported = {f.name for f in declaration.fields(form, LettingsLog, SUPPORTED_HOUSING)} | {
        f.name for f in declaration.fields(form, LettingsLog, GENERAL_NEEDS)}
    unaccounted = [c for c in form.columns if c not in exported and c not in declaration.excluded]
    assert not unaccounted, (
        f"{form}: {unaccounted} are neither exported nor excluded. Export them (they appear after CDS's "
        "known columns) or add them to EXCLUDED in exports/cds/lettings_{year}.py with the reason.")
    for column, reason in declaration.excluded.items():
        assert reason.strip(), f"{column} is excluded without a reason"
        assert column in form.columns, f"EXCLUDED names {column}, which is not a column of {form}: remove it"
        assert column not in exported, f"{column} is both excluded and exported"


def test_every_recoded_field_is_a_stored_element():
    """A recode must replace an element the year exports, or it silently does nothing."""
    form = registry.form_for_year("lettings", 2026)
    declaration = declaration_for(2026)
    stored = set(declaration.stored_names(form))
    assert {f.name for f in declaration.recoded} <= stored


def test_general_needs_2026_elements_are_the_reference_elements_in_order():
    (reference,) = reference_records("general_needs_log_26_27.xml")
    fields = declaration_for(2026).fields(registry.form_for_year("lettings", 2026), LettingsLog, GENERAL_NEEDS)
    assert [f.name for f in fields] == [name for name, _ in reference]
    assert len(fields) == 188


def test_supported_housing_2026_drops_unittype_gn_and_inserts_the_blocks_before_renttype_detail():
    form = registry.form_for_year("lettings", 2026)
    general = [f.name for f in declaration_for(2026).fields(form, LettingsLog, GENERAL_NEEDS)]
    supported = [f.name for f in declaration_for(2026).fields(form, LettingsLog, SUPPORTED_HOUSING)]
    block = ("unittype_sh confidential cligrp1 cligrp2 intstay mantype reghome schtype support units_scheme "
             "scheme scheme_status mobstand scheme_old units location_code location_status").split()
    without_gn = [n for n in general if n != "unittype_gn"]
    assert supported == without_gn[:-2] + block + without_gn[-2:]
    assert len(supported) == 204


def test_supported_housing_without_scheme_or_location_has_neither_block():
    form = registry.form_for_year("lettings", 2026)
    names = [f.name for f in declaration_for(2026).fields(form, LettingsLog, Variant(True, False, False, True, True))]
    assert names[-3:] == ["unittype_sh", "renttype_detail", "providertype"]


def test_log_without_owning_organisation_has_no_owning_elements_but_keeps_providertype():
    form = registry.form_for_year("lettings", 2026)
    names = [f.name for f in declaration_for(2026).fields(form, LettingsLog, Variant(False, False, False, False, True))]
    assert not {"owningorgid", "owningorgname", "hcnum"} & set(names)
    assert names[-1] == "providertype"


def test_a_new_question_in_a_later_year_is_exported_without_listing_it(monkeypatch):
    form = registry.form_for_year("lettings", 2026)
    original = type(form).columns.fget
    monkeypatch.setattr(type(form), "columns", property(lambda self: [*original(self), "new_q"]))
    names = declaration_for(2026).evolve(year=2027).stored_names(form)
    assert names[-1] == "new_q"
    assert "new_q" not in STORED_COLUMN_ORDER


def test_a_later_year_declaration_can_exclude_a_column():
    form = registry.form_for_year("lettings", 2026)
    later = declaration_for(2026).evolve(year=2027, exclude={"tenancyother": "no longer sent"})
    assert "tenancyother" not in later.stored_names(form)
    assert "tenancyother" in declaration_for(2026).stored_names(form)


def test_years_without_a_declaration_use_the_nearest():
    assert declaration_for(2025).year == 2026
    assert declaration_for(2030).year == 2026


@pytest.mark.parametrize("value, text", [
    (Decimal("200.00"), "200.0"), (Decimal("17.50"), "17.5"), (Decimal("162.5"), "162.5"),
    (Decimal("12.34"), "12.34"), (Decimal("0"), "0.0"), (Decimal("-3.10"), "-3.1"), (None, None),
])
def test_decimals_are_plain_with_at_least_one_decimal_digit(value, text):
    assert values.decimal(value) == text


def test_dates_and_times_are_london_iso_with_numeric_offset_never_z():
    assert values.iso(date(2026, 4, 3)) == "2026-04-03T00:00:00+01:00"
    assert values.iso(date(2021, 11, 3)) == "2021-11-03T00:00:00+00:00"
    utc = datetime(2026, 7, 1, 23, 30, 15, 999, tzinfo=ZoneInfo("UTC"))
    assert values.iso(utc) == "2026-07-02T00:30:15+01:00"


def test_empty_values_booleans_and_codes():
    assert [values.text(v) for v in (None, "", 0, -9, "F", True, False)] == [
        None, None, "0", "-9", "F", "true", "false"]


def test_manifest_times_use_london_offset():
    assert values.manifest_time(datetime(2022, 4, 30, 23, 0, tzinfo=ZoneInfo("UTC"))) == "2022-05-01 00:00:00 +0100"
    assert values.manifest_time(datetime(2026, 11, 28, 0, 3, 12, tzinfo=ZoneInfo("UTC"))) == "2026-11-28 00:03:12 +0000"
