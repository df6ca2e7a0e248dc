"""The CDS reference files (shared/reference/exports) import without error (issue 19).

The files are templates: their placeholders ({id}, {owning_org_id}...) are filled with one organisation,
its users, a scheme and a location, then each is packed as the export packs it (a zip of parts with
manifest.xml) and imported."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from domain.models import LettingsLog, LogStatus, Organisation, SalesLog, User
from tests.exports.cds_import_support import import_json, write_archive
from tests.exports.cds_support import REFERENCE
from tests.factories import make_location, make_scheme

pytestmark = pytest.mark.django_db

ORG = 7
FILLED = {
    "{id}": str(ORG), "{name}": "Reference Council", "{dsa_signed_at}": "2026-01-01T00:00:00+00:00",
    "{dpo_email}": "dpo@reference.test", "{owning_org_id}": str(300_000_000_000 + ORG),
    "{managing_org_id}": str(300_000_000_000 + ORG), "{owning_org_name}": "Reference Council",
    "{managing_org_name}": "Reference Council", "{organisation_id}": str(ORG),
    "{organisation_name}": "Reference Council", "{created_by_email}": "test1@example.com", "{created_by_id}": "5",
    "{assigned_to_email}": "test1@example.com", "{assigned_to_id}": "5",
}

SALES_IDS = {"{owning_org_id}": str(ORG), "{managing_org_id}": str(ORG)}  # sales carry ids without the offset


def filled(name: str, **more) -> bytes:
    text = (REFERENCE / name).read_text()
    for placeholder, value in {**FILLED, **more}.items():
        text = text.replace(placeholder, value)
    assert "{" not in text, name
    return text.encode()


def users_part() -> bytes:
    """The reference user, and the two the supported housing log names, each under its own id."""
    one = filled("user.xml", **{"{id}": "5", "{email}": "test1@example.com"}).decode()
    form = one[one.index("  <form>"):one.index("</forms>")]
    others = "".join(form.replace("<id>5</id>", f"<id>{pk}</id>").replace("test1@example.com", email)
                     for pk, email in ((6, "fake@email.com"), (8, "other@email.com")))
    return one.replace("</forms>", others + "</forms>").encode()


def test_the_reference_files_import_without_error(tmp_path, capsys, db):
    call_command("load_reference_data", verbosity=0)
    capsys.readouterr()
    people = tmp_path / "people"
    write_archive(people, "organisations_2024_2025_apr_mar_f0001_inc0001", [filled("organisation.xml")])
    write_archive(people, "users_2024_2025_apr_mar_f0001_inc0001", [users_part()])
    report = import_json(capsys, people)
    assert report["counts"]["organisations"]["created"] == 1
    assert report["counts"]["users"]["created"] == 3
    organisation = Organisation.objects.get(pk=ORG)
    assert (organisation.name, organisation.address_line1, organisation.housing_registration_no) == \
        ("Reference Council", "2 Marsham Street", "1234")
    user = User.objects.get(pk=5)
    assert (user.email, user.name, user.organisation_id, user.phone, user.phone_extension) == \
        ("test1@example.com", "Danny Rojas", ORG, "1234512345123", "123")

    scheme = make_scheme(organisation)
    location = make_location(scheme)
    logs = tmp_path / "logs"
    write_archive(logs, "core_2026_2027_apr_mar_f0001_inc0001",
                  [filled("general_needs_log_26_27.xml", **{"{log_id}": "101"})])
    write_archive(logs, "core_2025_2026_apr_mar_f0001_inc0001",
                  [filled("general_needs_log_25_26.xml", **{"{log_id}": "102"})])
    write_archive(logs, "core_2021_2022_apr_mar_f0001_inc0001",
                  [filled("supported_housing_logs.xml", **{"{log_id}": "103", "{scheme_id}": str(scheme.pk),
                                                           "{location_id}": str(location.pk)})])
    write_archive(logs, "core_sales_2026_2027_apr_mar_f0001_inc0001",
                  [filled("sales_log_26_27.xml", **SALES_IDS, **{"{id}": "201"})])
    write_archive(logs, "core_sales_2025_2026_apr_mar_f0001_inc0001",
                  [filled("sales_log_25_26.xml", **SALES_IDS, **{"{id}": "202"})])

    report = import_json(capsys, logs)

    assert report["error"] is None
    assert report["skipped"] == []
    assert report["counts"]["lettings"]["created"] == 3
    assert report["counts"]["sales"]["created"] == 2
    assert set(LettingsLog.objects.values_list("pk", flat=True)) == {101, 102, 103}
    assert set(SalesLog.objects.values_list("pk", flat=True)) == {201, 202}
    current = LettingsLog.objects.get(pk=101)
    assert (current.tenancycode, current.owning_organisation_id, current.assigned_to_id) == ("BZ737", ORG, 5)
    assert current.status == LogStatus.COMPLETED
    # Logs of years no longer open are history: kept with their status, the refused date listed.
    assert LettingsLog.objects.get(pk=102).status == LogStatus.COMPLETED
    kept = [r for r in report["refused_answers"] if r["kept"]]
    assert {r["id"] for r in kept} >= {102, 103}
    assert SalesLog.objects.get(pk=201).owning_organisation_id == ORG
