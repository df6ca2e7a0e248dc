"""describe_form and check_answers, as operators and support staff use them."""

import io
import json
import re

import pytest
from django.core.management import CommandError, call_command

from tests.factories import make_organisation, make_user
from tests.shared_files import shared_path

SPEC = shared_path("spec", "lettings-2026-form.md")


def describe(capsys, *args):
    call_command("describe_form", *args)
    return json.loads(capsys.readouterr().out)


def spec_fields() -> set[str]:
    """Every field named in the spec's question tables (third column of §3, with persons 2 to 8)."""
    fields = set()
    for line in SPEC.read_text().splitlines():
        cells = [c.strip() for c in line.split("|")]
        # §3 tables have the field in their third column, §4 (persons 2 to 8) in its fourth.
        column = 4 if len(cells) > 5 and re.fullmatch(r"\d+", cells[1]) else 3
        if len(cells) > column + 1 and re.fullmatch(r"`[a-z_0-9{}]+`", cells[column] or ""):
            name = cells[column].strip("`")
            fields |= {name.replace("{n}", str(n)) for n in range(2, 9)} if "{n}" in name else {name}
        for match in re.findall(r"checkbox `[a-z_]+` → ([`a-z_0-9,…. ]+)", line):
            fields |= set(re.findall(r"`([a-z_0-9]+)`", match))
    return fields


def test_describe_form_lists_every_field_of_the_spec_with_its_codes(db, capsys):
    described = describe(capsys, "--log-type", "lettings", "--year", "2026", "--json")
    assert (described["log_type"], described["year"]) == ("lettings", 2026)
    columns = {column for q in described["questions"] for column in q["columns"]}
    expected = spec_fields()
    assert len(expected) > 150
    assert expected - columns == set()
    tenancy = next(q for q in described["questions"] if q["field"] == "tenancy")
    assert [a["code"] for a in tenancy["answers"]] == [4, 6, 2, 7, 8, 5, 3]
    assert tenancy["shown_when"] == [{"startertenancy": {"operator": "!=", "operand": 1}}]
    age1 = next(q for q in described["questions"] if q["field"] == "age1")
    assert (age1["min"], age1["max"], age1["section"], age1["subsection"]) == (16, 120, "household",
                                                                            "household_characteristics")
    for key in ("field", "type", "section", "subsection", "answers", "shown_when", "min", "max"):
        assert all(key in q for q in described["questions"])
    assert {"id", "kind", "fields", "message"} <= set(described["rules"][0])


def test_describe_form_refuses_a_year_without_a_form(db):
    with pytest.raises(CommandError, match="There is no lettings form for 2019"):
        call_command("describe_form", "--log-type", "lettings", "--year", "2019", "--json")


def run_check(monkeypatch, capsys, answers, *extra):
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(answers)))
    call_command("check_answers", "--log-type", "lettings", "--year", "2026", "--json", *extra)
    return json.loads(capsys.readouterr().out)


def test_check_answers_reports_routing_status_and_derived_values(db, monkeypatch, capsys):
    owner = make_organisation(name="Check PRP", provider_type=2)
    user = make_user(owner, role=2, email="checker@example.com")
    result = run_check(monkeypatch, capsys, {
        "owning_organisation_id": f"ORG{owner.pk}", "managing_organisation_id": f"ORG{owner.pk}",
        "assigned_to_id": user.email, "needstype": 1, "renewal": 0, "startdate": "2026-06-01", "rent_type": 2,
        "declaration": 1, "hhmemb": 2, "age1_known": 0, "age1": 70, "details_known_2": 0, "age2_known": 0,
        "age2": 7, "period": 4, "brent": "433.33",
    }, "--user", user.email)
    assert result["status"] == "in_progress"
    assert result["subsections"]["setup"] == "completed"
    assert "age2" in result["shown"] and "details_known_3" not in result["shown"]
    derived = result["derived"]
    assert (derived["renttype"], derived["lar"], derived["lettype"]) == (2, 1, 5)
    assert (derived["totelder"], derived["totchild"], derived["hhtype"]) == (1, 1, 9)
    assert derived["wrent"] == "100.00"
    assert result["errors"] == {}


def test_check_answers_reports_errors_by_field(db, monkeypatch, capsys):
    result = run_check(monkeypatch, capsys, {"needstype": 3, "hhmemb": 20, "startdate": "2030-01-01",
                                              "declaration": 1, "rent_type": 5})
    assert set(result["errors"]) >= {"needstype", "startdate", "irproduct_other"}
    assert result["status"] == "in_progress"


def test_check_answers_explains_unreadable_input(db, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("not json"))
    with pytest.raises(CommandError, match="not valid JSON"):
        call_command("check_answers", "--log-type", "lettings", "--year", "2026", "--json")
    with pytest.raises(CommandError, match="Unknown fields for the lettings 2026 form: colour"):
        run_check(monkeypatch, capsys, {"colour": "blue"})
    with pytest.raises(CommandError, match="owning_organisation_id: nothing matches 'ORG999999'"):
        run_check(monkeypatch, capsys, {"owning_organisation_id": "ORG999999"})


def test_check_answers_prints_the_answers_after_inference_and_clearing(db, monkeypatch, capsys):
    """A child of 7 is not asked their working situation: it is set to 9 ("child under 16"); the total
    charge is worked out from the rent; a hidden answer is cleared; and every answer is spelt as given."""
    owner = make_organisation(name="Check PRP", provider_type=2)
    user = make_user(owner, role=2, email="checker@example.com")
    result = run_check(monkeypatch, capsys, {
        "owning_organisation_id": f"ORG{owner.pk}", "managing_organisation_id": f"ORG{owner.pk}",
        "assigned_to_id": user.email, "needstype": 1, "renewal": 0, "startdate": "2026-06-01", "rent_type": 2,
        "declaration": 1, "hhmemb": 2, "age1_known": 0, "age1": 70, "details_known_2": 0, "age2_known": 0,
        "age2": 7, "period": 4, "brent": "433.33", "scharge": "10", "irproduct_other": "Not asked",
    })
    answers = result["answers"]
    assert answers["ecstat2"] == 9
    assert (answers["brent"], answers["scharge"], answers["tcharge"]) == ("433.33", "10", "443.33")
    assert "irproduct_other" not in answers and "irproduct_other" in result["cleared"]
    assert answers["startdate"] == "2026-06-01"
    assert (answers["owning_organisation_id"], answers["assigned_to_id"]) == (f"ORG{owner.pk}", user.email)
    assert (answers["needstype"], answers["age2"], answers["declaration"]) == (1, 7, 1)


def test_check_answers_names_a_scheme_and_location_as_they_are_given(db, monkeypatch, capsys):
    from tests.factories import make_location, make_scheme

    owner = make_organisation(name="Supported PRP", provider_type=2)
    scheme = make_scheme(owner)
    location = make_location(scheme)
    result = run_check(monkeypatch, capsys, {
        "owning_organisation_id": owner.code, "managing_organisation_id": owner.code, "needstype": 2,
        "scheme_id": scheme.code, "location_id": location.code, "startdate": "2026-06-01",
    })
    assert (result["answers"]["scheme_id"], result["answers"]["location_id"]) == (scheme.code, str(location.pk))


@pytest.mark.parametrize("brent", ["1e308", "NaN", "-Infinity", "99999999999999999999999999"])
def test_check_answers_refuses_numbers_nothing_can_be_worked_out_from(db, monkeypatch, capsys, brent):
    owner = make_organisation(name="Check PRP", provider_type=2)
    user = make_user(owner, role=2, email="checker@example.com")
    result = run_check(monkeypatch, capsys, {
        "owning_organisation_id": owner.code, "managing_organisation_id": owner.code, "assigned_to_id": user.email,
        "needstype": 1, "renewal": 0, "startdate": "2026-06-01", "rent_type": 2, "declaration": 1, "hhmemb": 1, "age1_known": 0,
        "age1": 40, "period": 1, "brent": brent, "scharge": "10",
    })
    assert result["errors"]["brent"][0].startswith("Basic rent: enter a number")
    assert result["answers"]["tcharge"] == "10.00"  # worked out as if the rent were not given
