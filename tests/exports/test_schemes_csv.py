"""Schemes and locations CSV downloads: official headers, labels, availability text, safety, scope."""

import csv
import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from domain.models import SchemeDeactivationPeriod
from exports import schemes_csv
from tests.exports.csv_text import read_csv
from tests.factories import make_location, make_scheme
from tests.shared_files import shared_path

pytestmark = pytest.mark.django_db
REFERENCE = shared_path("reference", "csv-downloads")
FILES = {
    "schemes": "schemes_csv_export.csv",
    "locations": "locations_csv_export.csv",
    "schemes-and-locations": "schemes_and_locations_csv_export.csv",
}
ON = date(2026, 11, 28)


def reference_headers(kind):
    with open(REFERENCE / FILES[kind], encoding="utf-8-sig", newline="") as f:
        return next(csv.reader(f))


def download(user, kind):
    return read_csv("".join(schemes_csv.stream(schemes_csv.rows(user, kind, on=ON))))


@pytest.mark.parametrize("kind", sorted(FILES))
def test_headers_match_the_reference_file_column_for_column(kind, support):
    expected = reference_headers(kind)
    actual = download(support, kind)[0]
    assert len(actual) == len(expected)
    for position, (ours, theirs) in enumerate(zip(actual, expected)):
        assert ours == theirs, f"column {position + 1}"


@pytest.fixture
def scheme(org):
    scheme = make_scheme(
        org, service_name="Test name", sensitive=1, has_other_client_group=1, secondary_client_group="M",
        primary_client_group="G", support_type=4, intended_stay="M", startdate=date(2020, 4, 1),
    )
    SchemeDeactivationPeriod.objects.create(scheme=scheme, deactivation_date=date(2022, 4, 1), reactivation_date=date(2023, 4, 1))
    make_location(scheme, postcode="SW1A 2AA", name="Downing Street", location_admin_district="Westminster",
                  units=20, type_of_unit=7, mobility_type="A", startdate=date(2023, 4, 1))
    return scheme


def test_scheme_row_uses_labels_status_words_and_availability_text(support, scheme):
    header, row = download(support, "schemes")
    values = dict(zip(header, row))
    assert values == {
        "scheme_code": f"S{scheme.pk}",
        "scheme_service_name": "Test name",
        "scheme_status": "active",
        "scheme_confidential": "Yes",
        "scheme_type": "Housing for older people",
        "scheme_registered_under_care_act": "No",
        "scheme_owning_organisation_name": "Greenfield Housing",
        "scheme_support_services_provided_by": "The same organisation that owns the housing stock",
        "scheme_primary_client_group": "People with alcohol problems",
        "scheme_has_other_client_group": "Yes",
        "scheme_secondary_client_group": "Older people with support needs",
        "scheme_support_type": "High level",
        "scheme_intended_stay": "Medium stay",
        "scheme_created_at": values["scheme_created_at"],
        "scheme_active_dates": "Active from 1 April 2020 to 31 March 2022, Deactivated on 1 April 2022, Active from 1 April 2023",
    }
    assert date.fromisoformat(values["scheme_created_at"][:10]) and values["scheme_created_at"][-6] in "+-"


def test_location_row(support, scheme):
    header, row = download(support, "locations")
    location = scheme.locations.get()
    assert row == [f"S{scheme.pk}", str(location.pk), "SW1A 2AA", "Downing Street", "active", "Westminster", "20",
                   "Self-contained house", "Fitted with equipment and adaptations", "Active from 1 April 2023"]


def test_combined_file_has_one_row_per_location(support, scheme):
    make_location(scheme, postcode="SW1A 1AA")
    rows = download(support, "schemes-and-locations")
    assert len(rows) == 3 and {r[0] for r in rows[1:]} == {f"S{scheme.pk}"}


def test_formula_cells_are_neutralised(support, org):
    make_scheme(org, service_name="=HYPERLINK(\"http://x\")")
    assert download(support, "schemes")[1][1] == "'=HYPERLINK(\"http://x\")"
    assert schemes_csv.neutralise("@SUM(1)") == "'@SUM(1)" and schemes_csv.neutralise("+1") == "'+1"


def test_download_is_limited_to_schemes_the_user_may_see(provider, scheme, other_org):
    make_scheme(other_org, service_name="Not yours")
    names = [row[1] for row in download(provider, "schemes")[1:]]
    assert names == ["Test name"]


def test_download_csv_command_writes_the_file_and_prints_json(provider, scheme, tmp_path, capsys):
    out = tmp_path / "schemes.csv"
    call_command("download_csv", "--kind", "locations", "--user", provider.email, "--out", str(out), "--json")
    assert json.loads(capsys.readouterr().out) == {"rows": 1, "path": str(out)}
    assert read_csv(out.read_text(encoding="utf-8"))[1][2] == "SW1A 2AA"


def test_download_csv_command_needs_a_kind(provider, tmp_path):
    with pytest.raises(CommandError, match="--kind"):
        call_command("download_csv", "--user", provider.email, "--out", str(tmp_path / "x.csv"))


def test_download_csv_command_refuses_an_unknown_user(tmp_path):
    with pytest.raises(CommandError, match="No user has the email"):
        call_command("download_csv", "--kind", "schemes", "--user", "nobody@x.test", "--out", str(tmp_path / "x.csv"))
