"""`infer_local_authorities`: typed local authorities of logs and locations with a known postcode are
worked out from the postcode, after a report of what would change (--dry-run changes nothing)."""

import json

import pytest
from django.core.management import CommandError, call_command

from domain.models import LettingsLog, Location
from tests.factories import make_lettings_log, make_local_authority, make_location, make_organisation, make_scheme

pytestmark = pytest.mark.django_db


@pytest.fixture
def typed(fake_lookups):
    make_local_authority(code="E08000039", name="Sheffield", start_date="2025-04-01")
    make_local_authority(code="E08000038", name="Barnsley", start_date="2025-04-01")
    fake_lookups.add_postcode("S1 2AB", "E08000039", "Sheffield")
    fake_lookups.add_postcode("S70 2TA", "E08000038", "Barnsley")
    owner = make_organisation(name="Owner", provider_type=2, holds_own_stock=True)
    wrong = make_lettings_log(owner, la="E08000038")  # postcode S1 2AB is in Sheffield
    right = make_lettings_log(owner, la="E08000039", tenancycode="T-2")
    unknown = make_lettings_log(owner, la="E08000039", postcode_full="ZZ9 9ZZ", tenancycode="T-3")
    location = make_location(make_scheme(owner), postcode="S70 2TA", location_code="", location_admin_district="")
    return {"wrong": wrong, "right": right, "unknown": unknown, "location": location}


def run(*args) -> dict:
    from io import StringIO

    out = StringIO()
    call_command("infer_local_authorities", "--json", *args, stdout=out)
    return json.loads(out.getvalue())


def test_dry_run_reports_what_would_change_and_changes_nothing(typed):
    summary = run("--dry-run")

    changes = {(c["kind"], c["id"]): (c["old"], c["new"]) for c in summary["changes"]}
    assert changes == {
        ("lettings log", typed["wrong"].pk): ("E08000038", "E08000039"),
        ("lettings log", typed["right"].pk): ("E08000039", "E08000039"),
        ("location", typed["location"].pk): ("", "E08000038"),
    }
    assert (summary["checked"], summary["not_found"], summary["written"]) == (4, ["ZZ9 9ZZ"], 0)
    assert summary["postcodes_looked_up"] == 3  # three distinct postcodes among four rows
    assert not LettingsLog.objects.filter(is_la_inferred=True).exists()
    assert LettingsLog.objects.get(pk=typed["wrong"].pk).la == "E08000038"


def test_without_dry_run_the_planned_changes_are_written_with_history(typed):
    summary = run()

    assert summary["written"] == 3
    wrong = LettingsLog.objects.get(pk=typed["wrong"].pk)
    assert (wrong.la, wrong.is_la_inferred) == ("E08000039", True)
    assert wrong.history.first().history_change_reason == "Local authority worked out from the postcode"
    assert LettingsLog.objects.get(pk=typed["unknown"].pk).is_la_inferred is False
    location = Location.objects.get(pk=typed["location"].pk)
    assert (location.location_code, location.location_admin_district, location.is_la_inferred) == (
        "E08000038", "Barnsley", True)
    assert run("--dry-run")["changes"] == []  # nothing left to do


def test_the_command_refuses_to_run_with_the_lookup_off(settings, typed):
    settings.POSTCODE_LOOKUP_URL = ""

    with pytest.raises(CommandError, match="Set POSTCODE_LOOKUP_URL"):
        run()


def test_a_failing_service_stops_the_command_with_a_clear_message(typed, fake_lookups):
    fake_lookups.failing = "500"

    with pytest.raises(CommandError, match="stopped answering part way"):
        run()
    assert not LettingsLog.objects.filter(is_la_inferred=True).exists()
