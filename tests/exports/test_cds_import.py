"""import_core: idempotence, later partial exports, bad input named by file, record and element, one
transaction per file, dry runs and the command's JSON (issue 19)."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command

from domain.models import ImportRun, ImportStatus, LettingsLog, LogStatus, Organisation, User
from domain.services.lettings import lettings_log_save
from exports.cds.run import cds_export_run
from tests.exports.cds_import_support import build_small_world, empty_the_database, import_json, write_archive
from tests.factories import make_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_world(db):
    return build_small_world()


def export_to(settings, folder, **options):
    settings.FILE_STORAGE_DIR = folder
    return cds_export_run(**options)


def test_the_small_world_imports_and_a_second_import_changes_nothing(small_world, settings, tmp_path, capsys):
    export_to(settings, tmp_path / "export", full=True)
    before = {log.pk: (log.status, log.tenancycode) for log in LettingsLog.objects.all()}
    assert set(s for s, _ in before.values()) == {LogStatus.COMPLETED}
    empty_the_database()

    first = import_json(capsys, tmp_path / "export")
    assert first["counts"]["organisations"]["created"] == 2
    assert first["counts"]["users"]["created"] == 2
    assert first["counts"]["lettings"]["created"] == 3
    assert {log.pk: (log.status, log.tenancycode) for log in LettingsLog.objects.all()} == before
    owner = Organisation.objects.get(name="Moorland Homes")
    assert owner.pk == small_world["owner"].pk  # the original id, so ORG<id> still names it
    user = User.objects.get(email="coordinator@moorland.test")
    assert not user.has_usable_password()
    # The relationship is not in the files: inferred from the managing agent's log, for support to confirm.
    assert first["relationships_inferred"] == [{
        "stock_owner_id": owner.pk, "managing_agent_id": small_world["agent"].pk, "stock_owner": "Moorland Homes",
        "managing_agent": "Dale Lettings", "first_seen": first["relationships_inferred"][0]["first_seen"]}]
    history_rows = LettingsLog.history.count()

    second = import_json(capsys, tmp_path / "export")
    assert second["counts"]["lettings"] == {"created": 0, "updated": 0, "unchanged": 3, "skipped": 0}
    assert second["counts"]["organisations"] == {"created": 0, "updated": 0, "unchanged": 2, "skipped": 0}
    assert second["counts"]["users"] == {"created": 0, "updated": 0, "unchanged": 2, "skipped": 0}
    assert second["relationships_inferred"] == []
    assert LettingsLog.history.count() == history_rows
    # New rows after an import get ids above the imported ones.
    assert make_organisation().pk > owner.pk


def test_a_later_partial_export_updates_the_logs_it_holds(small_world, settings, tmp_path, capsys):
    export_to(settings, tmp_path / "export", full=True)
    changed = LettingsLog.objects.get(pk=small_world["logs"][1].pk)
    changed.tenancycode = "CHANGED-1"
    lettings_log_save(log=changed, by=small_world["user"])
    partial = export_to(settings, tmp_path / "export")  # same storage: a second master manifest
    (partial_lettings,) = [c.export for c in partial.collections if c.export.collection == "lettings"
                           and c.export.year == 2026]
    assert partial_lettings.records == 1
    empty_the_database()

    report = import_json(capsys, tmp_path / "export")

    # The full export creates the three logs, the partial one (later in the manifests) updates one.
    assert report["counts"]["lettings"]["created"] == 3
    assert report["counts"]["lettings"]["updated"] == 1
    assert LettingsLog.objects.get(pk=changed.pk).tenancycode == "CHANGED-1"
    # The original service's export numbers are carried on (spec cds-export §2).
    after = export_to(settings, tmp_path / "after")
    assert [c.export.archive for c in after.collections if c.export.collection == "lettings"
            and c.export.year == 2026] == [partial_lettings.archive.replace("_inc0002", "_inc0003")]


def test_dry_run_counts_and_keeps_nothing(small_world, settings, tmp_path, capsys):
    export_to(settings, tmp_path / "export", full=True)
    empty_the_database()
    call_command("import_core", str(tmp_path / "export"), "--dry-run", "--json")
    report = json.loads(capsys.readouterr().out)
    assert report["dry_run"] is True
    assert report["counts"]["lettings"]["created"] == 3
    assert (Organisation.objects.count(), User.objects.count(), LettingsLog.objects.count()) == (0, 0, 0)


def test_an_unknown_organisation_names_file_record_and_element_and_keeps_nothing_of_that_file(
        small_world, settings, tmp_path, capsys):
    export_to(settings, tmp_path / "export", full=True)
    empty_the_database()
    folder = tmp_path / "export"
    lettings = next(folder.glob("core_2026_2027_*.zip"))
    # Only the users and lettings: the organisations are missing.
    (folder / "organisations_only").mkdir()
    for manifest in folder.glob("Manifest_*.csv"):
        manifest.unlink()
    organisations = next(folder.glob("organisations_*.zip"))
    organisations.rename(folder / "organisations_only" / organisations.name)
    users = next(folder.glob("users_*.zip"))

    with pytest.raises(CommandError) as error:
        call_command("import_core", str(lettings), "--json")
    message = str(error.value)
    assert f"file {lettings.name}/{lettings.stem}_pt001.xml" in message
    assert "record 1" in message and "<owningorgid>" in message
    assert "is not in this service" in message
    assert capsys.readouterr().out == ""
    assert LettingsLog.objects.count() == 0
    run = ImportRun.objects.get()
    assert run.status == ImportStatus.FAILED and "owningorgid" in run.error

    # Users need their organisations: that file fails, and nothing of it is kept.
    with pytest.raises(CommandError, match=r"element <organisation_id>"):
        call_command("import_core", str(users))
    assert User.objects.count() == 0

    # With the organisations given, the same files import (a failed run can be run again).
    report = import_json(capsys, folder / "organisations_only", users, lettings)
    assert report["counts"]["lettings"]["created"] == 3


def test_a_failing_part_leaves_the_files_before_it_imported(small_world, settings, tmp_path, capsys):
    export_to(settings, tmp_path / "export", full=True)
    empty_the_database()
    folder = tmp_path / "export"
    good = next(folder.glob("core_2026_2027_*.zip"))
    import zipfile

    with zipfile.ZipFile(good) as bundle:
        part = bundle.read(f"{good.stem}_pt001.xml")
    good.unlink()
    broken = part.replace(b"<status>2</status>", b"<status>9</status>", 1)
    name = good.stem.replace("inc0001", "inc0002")
    # inc0001: fine; inc0002: its first record has a status no export writes.
    write_archive(folder, good.stem, [part])
    write_archive(folder, name, [broken])
    for manifest in folder.glob("Manifest_*.csv"):
        manifest.unlink()

    with pytest.raises(CommandError) as error:
        call_command("import_core", str(folder))
    assert f"file {name}.zip/{name}_pt001.xml, record 1" in str(error.value)
    assert "element <status>" in str(error.value)
    assert LettingsLog.objects.count() == 3  # the first archive is in; the broken one changed nothing
    assert Organisation.objects.count() == 2


@pytest.mark.parametrize("content, expected", [
    (b"not a zip at all", "not a readable zip"),
])
def test_a_broken_zip_is_named(tmp_path, content, expected, db):
    path = tmp_path / "core_2026_2027_apr_mar_f0001_inc0001.zip"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=rf"file core_2026_2027_apr_mar_f0001_inc0001.zip: .*{expected}"):
        call_command("import_core", str(path), "--json")


def test_malformed_xml_is_named_with_the_record(tmp_path, db):
    part = (b'<?xml version="1.0" encoding="UTF-8"?>\n<forms>\n  <form>\n    <id>1</id>\n  </form>\n'
            b"  <form>\n    <id>2</id>\n    <name>Broken & Co</name>\n  </form>\n</forms>\n")
    path = write_archive(tmp_path, "organisations_2024_2025_apr_mar_f0001_inc0001", [part], count=2)
    with pytest.raises(CommandError) as error:
        call_command("import_core", str(path))
    assert "organisations_2024_2025_apr_mar_f0001_inc0001.zip/organisations_2024_2025_apr_mar_f0001_inc0001_pt001.xml" \
        in str(error.value)
    assert "record 2" in str(error.value) and "malformed" in str(error.value)
    assert Organisation.objects.count() == 0


def test_a_manifest_count_that_does_not_match_the_parts_is_refused(tmp_path, db):
    part = (b'<?xml version="1.0" encoding="UTF-8"?>\n<forms>\n  <form>\n    <id>1</id>\n  </form>\n</forms>\n')
    path = write_archive(tmp_path, "organisations_2024_2025_apr_mar_f0001_inc0001", [part], count=5)
    with pytest.raises(CommandError, match="manifest.xml counts 5 records but the parts hold 1"):
        call_command("import_core", str(path))


def test_a_path_that_does_not_exist_is_refused(tmp_path, db):
    with pytest.raises(CommandError, match="does not exist"):
        call_command("import_core", str(tmp_path / "nowhere"))


def test_an_organisation_the_database_refuses_is_named(tmp_path, db):
    """A local authority that says it is for profit breaks a rule of the organisation table."""
    part = (b'<?xml version="1.0" encoding="UTF-8"?>\n<forms>\n  <form>\n    <id>3</id>\n    <name>Odd Council</name>\n'
            b"    <provider_type>1</provider_type>\n    <profit_status>2</profit_status>\n"
            b"    <status>active</status>\n  </form>\n</forms>\n")
    path = write_archive(tmp_path, "organisations_2024_2025_apr_mar_f0001_inc0001", [part])
    with pytest.raises(CommandError, match=r"record 1 \(3\).*could not be stored"):
        call_command("import_core", str(path))
    assert Organisation.objects.count() == 0


def test_a_part_that_is_not_a_cds_part_is_refused(tmp_path, db):
    part = b'<?xml version="1.0" encoding="UTF-8"?>\n<report><records><form><id>1</id></form></records></report>\n'
    path = write_archive(tmp_path, "organisations_2024_2025_apr_mar_f0001_inc0001", [part])
    with pytest.raises(CommandError, match="not directly inside the root <forms>"):
        call_command("import_core", str(path))


def test_an_imported_user_is_invited_on_first_sign_in(small_world, settings, tmp_path, capsys, client, mailoutbox):
    export_to(settings, tmp_path / "export", full=True)
    empty_the_database()
    import_json(capsys, tmp_path / "export")

    response = client.post("/login/", {"username": "Coordinator@Moorland.test", "password": "anything-at-all"})

    assert "We have sent you an email with a link to choose one" in response.content.decode()
    (email,) = mailoutbox
    assert email.to == ["coordinator@moorland.test"] and "/account/password-reset/" in email.body
    # Someone with a password of their own is not invited: a wrong password is just wrong.
    user = User.objects.get(email="coordinator@moorland.test")
    user.set_password("a-Long-new-passw0rd")
    user.save()
    response = client.post("/login/", {"username": user.email, "password": "anything-at-all"})
    assert "Enter a correct email address and password" in response.content.decode()
    assert len(mailoutbox) == 1


def test_availability_reads_back_start_dates_and_deactivations():
    from datetime import date as day

    from exports.cds_import.schemes import availability

    text = ("Active from 1 April 2020 to 31 March 2022, Deactivated on 1 April 2022, Active from 1 April 2023 "
            "to 30 June 2024, Deactivated on 1 July 2024")
    assert availability(text, "scheme_active_dates") == (
        day(2020, 4, 1), [(day(2022, 4, 1), day(2023, 4, 1)), (day(2024, 7, 1), None)])
    assert availability("", "location_active_dates") == (None, [])


def test_an_import_waits_for_the_one_running(tmp_path, db):
    from django.utils import timezone

    running = ImportRun.objects.create(status=ImportStatus.RUNNING, started_at=timezone.now())
    with pytest.raises(CommandError, match=f"import {running.pk} is still running"):
        call_command("import_core", str(tmp_path))
    assert ImportRun.objects.exclude(pk=running.pk).get().status == ImportStatus.FAILED


def test_a_scheme_of_an_unknown_organisation_is_named(tmp_path, db):
    from exports.schemes_csv import headers

    row = dict.fromkeys(headers("schemes"), "")
    row.update(scheme_code="S12", scheme_service_name="Hill House", scheme_status="active",
               scheme_confidential="No", scheme_owning_organisation_name="Nobody Homes")
    path = tmp_path / "schemes.csv"
    path.write_text("\ufeff" + ",".join(row) + "\n" + ",".join(row.values()) + "\n", encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("import_core", str(path))
    assert "file schemes.csv, record 1 (S12), element <scheme_owning_organisation_name>" in str(error.value)
    assert "no organisation is named 'Nobody Homes'" in str(error.value)
