"""Runs of the CDS export: numbering, empty collections, partial windows, parts, crossover, failures."""

import csv
import io
from datetime import date, timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from domain.models import Export, ExportStatus, LettingsLog, Organisation, Role, User
from exports.cds import run as cds_run
from exports.cds.plan import exported_years
from exports.cds.run import cds_export_run
from exports.cds.xml import PartWriter
from tests.exports.cds_support import archive_members, exported_records
from tests.factories import make_organisation, make_user
from tests.lettings_answers import general_needs_answers
from tests.clock import moment as moment_on

NOVEMBER = date(2026, 11, 28)
CROSSOVER = date(2026, 5, 15)


@pytest.fixture(autouse=True)
def today(clock):
    clock.move_to(moment_on(NOVEMBER))
    return clock


@pytest.fixture
def owner(db):
    return make_organisation(name="Owner Homes")


@pytest.fixture
def provider(owner):
    return make_user(owner, Role.DATA_PROVIDER, email="writer@owner.test")


def make_logs(owner, user, count=1, **overrides):
    overrides.setdefault("startdate", date(2026, 6, 1))
    template = LettingsLog(**general_needs_answers(owner, user, **overrides), status=2)
    logs = []
    for _ in range(count):
        log = LettingsLog(**{f.attname: getattr(template, f.attname) for f in LettingsLog._meta.concrete_fields
                             if f.attname != "id"})
        logs.append(log)
    return LettingsLog.objects.bulk_create(logs)


def lettings_2026(result):
    return next(c.as_json() for c in result.collections if c.export.collection == "lettings" and c.export.year == 2026)


def test_first_partial_export_is_f0001_inc0001_and_later_ones_count_up(storage, owner, provider):
    make_logs(owner, provider, 2)
    first = cds_export_run(collection="lettings", year=2026)
    assert lettings_2026(first)["archive"] == "core_2026_2027_apr_mar_f0001_inc0001.zip"
    assert lettings_2026(first)["records"] == 2

    nothing = cds_export_run(collection="lettings", year=2026)
    # The empty row notes the number it would have used; empty rows never consume one.
    assert lettings_2026(nothing) == {"name": "lettings", "year": 2026, "records": 0, "archive": None,
                                      "base": 1, "increment": 2}
    assert Export.objects.get(pk=nothing.collections[0].export.pk).empty_export

    make_logs(owner, provider, 1)
    second = cds_export_run(collection="lettings", year=2026)
    assert lettings_2026(second)["archive"] == "core_2026_2027_apr_mar_f0001_inc0002.zip"
    assert lettings_2026(second)["records"] == 1


def test_full_export_starts_a_new_base_and_partials_continue_from_it(storage, owner, provider):
    make_logs(owner, provider, 3)
    cds_export_run(collection="lettings", year=2026)
    full = cds_export_run(full=True, collection="lettings", year=2026)
    assert lettings_2026(full)["archive"] == "core_2026_2027_apr_mar_f0002_inc0001.zip"
    assert lettings_2026(full)["records"] == 3
    make_logs(owner, provider, 1)
    after = cds_export_run(collection="lettings", year=2026)
    assert lettings_2026(after)["archive"] == "core_2026_2027_apr_mar_f0002_inc0002.zip"


def test_first_full_export_of_a_collection_starts_at_f0002_when_other_rows_exist(storage, owner, provider):
    """Upstream's numbering (spec §2 step 4), kept for continuity with the running service."""
    first = cds_export_run(full=True)
    names = {(c.export.collection, c.export.year): c.export for c in first.collections}
    assert (names[("users", None)].base_number, names[("users", None)].increment_number) == (1, 1)
    assert names[("organisations", None)].archive == "organisations_2024_2025_apr_mar_f0002_inc0001"


def test_empty_collections_write_no_archive_but_the_manifest_is_always_written(storage, db):
    result = cds_export_run(collection="lettings", year=2026)
    assert [c.as_json()["archive"] for c in result.collections] == [None]
    assert result.manifest == "Manifest_2026_11_28_0001.csv"
    assert storage.list() == ["Manifest_2026_11_28_0001.csv"]
    with storage.open(result.manifest) as handle:
        assert handle.read() == b"zip-name,date-time zipped folder generated,zip-file-uri\n"


def test_master_manifest_lists_each_archive_with_its_london_time_and_counts_runs_of_the_day(storage, owner, provider):
    make_logs(owner, provider, 1)
    moment = timezone.make_aware(timezone.datetime(2026, 11, 28, 0, 3, 12))
    with time_machine.travel(moment, tick=False):
        first = cds_export_run()
    rows = list(csv.reader(io.StringIO(storage.open(first.manifest).read().decode())))
    assert first.manifest == "Manifest_2026_11_28_0001.csv"
    assert rows[0] == ["zip-name", "date-time zipped folder generated", "zip-file-uri"]
    assert rows[1:] == [
        ["core_2026_2027_apr_mar_f0001_inc0001", "2026-11-28 00:03:12 +0000", "core_2026_2027_apr_mar_f0001_inc0001.zip"],
        ["users_2024_2025_apr_mar_f0001_inc0001", "2026-11-28 00:03:12 +0000", "users_2024_2025_apr_mar_f0001_inc0001.zip"],
        ["organisations_2024_2025_apr_mar_f0001_inc0001", "2026-11-28 00:03:12 +0000",
         "organisations_2024_2025_apr_mar_f0001_inc0001.zip"],
    ]
    with time_machine.travel(moment + timedelta(hours=1), tick=False):
        assert cds_export_run().manifest == "Manifest_2026_11_28_0002.csv"


def test_each_zip_holds_parts_then_manifest_with_the_count(storage, owner, provider):
    make_logs(owner, provider, 5)
    result = cds_export_run(collection="lettings", year=2026, part_size=2)
    archive = lettings_2026(result)["archive"]
    members = archive_members(storage, archive)
    stem = archive[:-4]
    assert list(members) == [f"{stem}_pt001.xml", f"{stem}_pt002.xml", f"{stem}_pt003.xml", "manifest.xml"]
    assert [len(exported_records(storage, archive))] == [5]
    assert b"<count-of-records>5</count-of-records>" in members["manifest.xml"]
    assert members[f"{stem}_pt003.xml"].count(b"<form>") == 1


@pytest.mark.django_db(transaction=False)
def test_ten_thousand_records_make_one_part_and_one_more_makes_two(storage, owner, provider):
    make_logs(owner, provider, 10_000)
    result = cds_export_run(full=True, collection="lettings", year=2026)
    members = archive_members(storage, lettings_2026(result)["archive"])
    assert sorted(members) == ["core_2026_2027_apr_mar_f0001_inc0001_pt001.xml", "manifest.xml"]
    make_logs(owner, provider, 1)
    result = cds_export_run(full=True, collection="lettings", year=2026)
    members = archive_members(storage, lettings_2026(result)["archive"])
    assert sorted(members) == ["core_2026_2027_apr_mar_f0002_inc0001_pt001.xml",
                               "core_2026_2027_apr_mar_f0002_inc0001_pt002.xml", "manifest.xml"]
    assert members["core_2026_2027_apr_mar_f0002_inc0001_pt001.xml"].count(b"<form>") == 10_000
    assert b"<count-of-records>10001</count-of-records>" in members["manifest.xml"]


def test_records_in_a_part_are_oldest_first(storage, owner, provider):
    older, newer = make_logs(owner, provider, 2)
    LettingsLog.objects.filter(pk=older.pk).update(created_at=timezone.now() - timedelta(days=2))
    LettingsLog.objects.filter(pk=newer.pk).update(created_at=timezone.now() - timedelta(days=3))
    result = cds_export_run(collection="lettings", year=2026)
    ids = [dict(r)["log_id"] for r in exported_records(storage, lettings_2026(result)["archive"])]
    assert ids == [str(newer.pk), str(older.pk)]


def test_partial_export_picks_logs_changed_through_users_organisations_and_bulk_updates(storage, owner, provider):
    untouched, by_values, by_user, by_org = make_logs(owner, provider, 4)
    other_org = make_organisation(name="Other managing")
    other_user = make_user(other_org, Role.DATA_PROVIDER, email="other@org.test")
    LettingsLog.objects.filter(pk=by_user.pk).update(assigned_to=other_user)
    LettingsLog.objects.filter(pk=by_org.pk).update(managing_organisation=other_org)
    cds_export_run(collection="lettings", year=2026)

    later = timezone.now() + timedelta(minutes=5)
    LettingsLog.objects.filter(pk=by_values.pk).update(values_updated_at=later)
    User.objects.filter(pk=other_user.pk).update(updated_at=later)
    Organisation.objects.filter(pk=other_org.pk).update(updated_at=later)
    with time_machine.travel(later + timedelta(minutes=1), tick=False):
        result = cds_export_run(collection="lettings", year=2026)
    ids = sorted(int(dict(r)["log_id"]) for r in exported_records(storage, lettings_2026(result)["archive"]))
    assert ids == sorted([by_values.pk, by_user.pk, by_org.pk])


def test_pending_logs_and_logs_without_a_date_are_never_exported_deleted_ones_are(storage, owner, provider):
    kept, pending, deleted = make_logs(owner, provider, 3)
    LettingsLog.objects.filter(pk=pending.pk).update(status=3)
    LettingsLog.objects.filter(pk=deleted.pk).update(status=4, discarded_at=timezone.now())
    make_logs(owner, provider, 1, startdate=None)
    result = cds_export_run(full=True)
    records = [dict(r) for c in result.collections if c.export.collection == "lettings" and c.export.archive
               for r in exported_records(storage, f"{c.export.archive}.zip")]
    assert sorted(r["log_id"] for r in records) == sorted([str(kept.pk), str(deleted.pk)])
    assert next(r for r in records if r["log_id"] == str(deleted.pk))["status"] == "4"
    assert next(r for r in records if r["log_id"] == str(deleted.pk))["discarded_at"] is not None


def test_exported_years_are_previous_current_next_and_the_archived_year_in_the_crossover():
    assert exported_years(NOVEMBER) == [2025, 2026, 2027]
    assert exported_years(CROSSOVER) == [2024, 2025, 2026, 2027]


def test_crossover_exports_one_lettings_collection_per_open_year(storage, owner, provider, today):
    today.move_to(moment_on(CROSSOVER))
    make_logs(owner, provider, 2, startdate=date(2026, 3, 20))
    make_logs(owner, provider, 1, startdate=date(2026, 4, 20))
    result = cds_export_run(collection="lettings")
    by_year = {c.export.year: c.as_json() for c in result.collections}
    assert sorted(by_year) == [2024, 2025, 2026, 2027]
    assert (by_year[2025]["archive"], by_year[2025]["records"]) == ("core_2025_2026_apr_mar_f0001_inc0001.zip", 2)
    assert (by_year[2026]["archive"], by_year[2026]["records"]) == ("core_2026_2027_apr_mar_f0001_inc0001.zip", 1)
    assert by_year[2024]["archive"] is None and by_year[2027]["archive"] is None


def test_a_run_that_fails_part_way_publishes_nothing_and_the_next_run_includes_everything(
        storage, owner, provider, monkeypatch):
    make_logs(owner, provider, 5)
    real_write = PartWriter.write
    written = []

    def failing_write(self, names, texts):
        written.append(1)
        if len(written) == 3:
            raise OSError("disk full")
        return real_write(self, names, texts)

    monkeypatch.setattr(PartWriter, "write", failing_write)
    with pytest.raises(OSError):
        cds_export_run(collection="lettings", year=2026)
    failed = Export.objects.get()
    assert failed.status == ExportStatus.FAILED
    assert "disk full" in failed.error and "next run exports the same records again" in failed.error
    assert [n for n in storage.list() if n.startswith("Manifest")] == []

    monkeypatch.setattr(PartWriter, "write", real_write)
    result = cds_export_run(collection="lettings", year=2026)
    assert lettings_2026(result)["archive"] == "core_2026_2027_apr_mar_f0001_inc0001.zip"
    assert lettings_2026(result)["records"] == 5
    assert result.manifest == "Manifest_2026_11_28_0001.csv"
    assert Export.objects.succeeded().count() == 1


def test_progress_is_recorded_while_writing(storage, owner, provider, monkeypatch):
    monkeypatch.setattr(cds_run, "PROGRESS_EVERY", 2)
    make_logs(owner, provider, 5)
    seen = []
    real_write = PartWriter.write

    def watching_write(self, names, texts):
        seen.append(Export.objects.values_list("status", "records").get())
        return real_write(self, names, texts)

    monkeypatch.setattr(PartWriter, "write", watching_write)
    cds_export_run(collection="lettings", year=2026)
    assert seen == [("running", 0), ("running", 0), ("running", 2), ("running", 2), ("running", 4)]
    assert Export.objects.values_list("status", "records").get() == ("succeeded", 5)


def test_export_cds_command_prints_the_json_summary(storage, owner, provider, capsys):
    make_logs(owner, provider, 2)
    call_command("export_cds", "--collection", "lettings", "--year", "2026", "--json")
    import json

    summary = json.loads(capsys.readouterr().out)
    assert summary["manifest"] == "Manifest_2026_11_28_0001.csv"
    assert summary["collections"] == [{"name": "lettings", "year": 2026, "records": 2, "base": 1, "increment": 1,
                                       "archive": "core_2026_2027_apr_mar_f0001_inc0001.zip"}]


@pytest.mark.parametrize("args, message", [
    (["--collection", "parcels"], "Unknown collection 'parcels'"),
    (["--collection", "users", "--year", "2026"], "The users collection has no years"),
    (["--year", "2026"], "A year applies to logs"),
])
def test_export_cds_command_explains_bad_input(db, args, message):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match=message):
        call_command("export_cds", *args)
    assert not Export.objects.exists()


def test_sales_logs_are_a_collection_of_their_own(storage, db, capsys):
    import json

    call_command("export_cds", "--collection", "sales", "--json")
    summary = json.loads(capsys.readouterr().out)
    assert {(c["name"], c["records"]) for c in summary["collections"]} == {("sales", 0)}
    assert sorted(c["year"] for c in summary["collections"]) == [2025, 2026, 2027]


def test_a_second_run_is_refused_while_one_is_running(storage, db):
    from django.core.management.base import CommandError

    Export.objects.create(collection="users", started_at=timezone.now() - timedelta(minutes=10))
    with pytest.raises(CommandError, match="is still running. Wait for it to finish"):
        call_command("export_cds")
    Export.objects.update(started_at=timezone.now() - timedelta(hours=7))  # presumed dead after six hours
    call_command("export_cds")
    assert Export.objects.succeeded().count() == 8  # users, organisations, lettings and sales 2025-2027
    assert "stopped without finishing" in Export.objects.get(status=ExportStatus.FAILED).error
