"""import_core with workers: the logs' parts imported by two processes at once give the same logs and the
same report as one after another; a failing part is named and keeps nothing; inside a caller's
transaction the parts are imported one after another (issue 19).

These tests commit (`transaction=True`): the worker processes have their own connections and read only
what is committed."""

from __future__ import annotations

import zipfile

import pytest
from django.db import connection, transaction
from lxml import etree

from domain.models import LettingsLog, Organisation, OrganisationRelationship
from exports.cds.run import cds_export_run
from exports.cds_import.errors import ImportFailed
from exports.cds_import.run import import_core
from tests.exports.cds_import_support import build_small_world, empty_the_database, write_archive

pytestmark = pytest.mark.django_db(transaction=True)


def one_part_per_log(folder, *, broken: int | None = None) -> list[str]:
    """The export's lettings archive rewritten with each log in a part of its own (the `broken`th log's
    status made one no export writes); returns the parts' file names."""
    archive = next(folder.glob("core_2026_2027_*.zip"))
    original = folder.parent / "original.zip"  # as exported: each call starts from it
    if not original.exists():
        archive.rename(original)
    with zipfile.ZipFile(original) as bundle:
        roots = [etree.fromstring(bundle.read(name)) for name in sorted(bundle.namelist()) if name != "manifest.xml"]
    root, parts = roots[0], []
    for number, form in enumerate([form for each in roots for form in each], start=1):
        single = etree.Element(root.tag, root.attrib, nsmap=root.nsmap)
        single.append(form)
        if number == broken:
            form.find("status").text = "9"
        parts.append(etree.tostring(single, xml_declaration=True, encoding="UTF-8"))
    write_archive(folder, archive.stem, parts)
    return [f"{archive.name}/{archive.stem}_pt{n:03d}.xml" for n in range(1, len(parts) + 1)]


@pytest.fixture
def exported(settings, tmp_path):
    world = build_small_world()
    settings.FILE_STORAGE_DIR = tmp_path / "export"
    cds_export_run(full=True)
    before = {log.pk: (log.status, log.tenancycode, log.managing_organisation_id)
              for log in LettingsLog.objects.all()}
    empty_the_database()
    return world, tmp_path / "export", before


def stored_logs():
    return {log.pk: (log.status, log.tenancycode, log.managing_organisation_id) for log in LettingsLog.objects.all()}


def test_two_workers_import_the_parts_as_one_after_another_would(exported):
    world, folder, before = exported
    files = one_part_per_log(folder)
    progress = []

    report = import_core([str(folder)], workers=2, progress=lambda file, done, total: progress.append((file, done)))

    assert stored_logs() == before
    assert report.counts["lettings"] == {"created": 3, "updated": 0, "unchanged": 0, "skipped": 0}
    # The relationship behind the agent's log is inferred once, whichever process met it.
    assert [(r["stock_owner_id"], r["managing_agent_id"]) for r in report.relationships_inferred] == [
        (world["owner"].pk, world["agent"].pk)]
    assert OrganisationRelationship.objects.filter(stock_owner=world["owner"], managing_agent=world["agent"]).count() == 1
    # The report lists the parts in file order, as one after another would, and progress reached every record.
    assert [f["file"] for f in report.files if f["kind"] == "lettings"] == files
    assert progress[-1] == ("", sum(f["records"] for f in report.files))
    # Each part set the id sequence from what it saw; the last word is the import's, above every log.
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence('domain_lettingslog', 'id'))")
        assert cursor.fetchone()[0] > max(before)

    again = import_core([str(folder)], workers=2)
    assert again.counts["lettings"]["unchanged"] == 3 and again.relationships_inferred == []


def test_a_failing_part_is_named_and_keeps_nothing_while_the_others_stay(exported):
    world, folder, before = exported
    files = one_part_per_log(folder, broken=2)

    with pytest.raises(ImportFailed) as error:
        import_core([str(folder)], workers=2)

    assert error.value.file == files[1] and error.value.record == 1 and error.value.element == "status"
    broken_log = sorted(before)[1]
    assert broken_log not in stored_logs()
    assert set(stored_logs()) <= set(before) - {broken_log}
    # Run again once the part is fixed: the import carries on.
    one_part_per_log(folder)
    import_core([str(folder)], workers=2)
    assert stored_logs() == before


def test_inside_a_callers_transaction_the_parts_are_imported_one_after_another(exported):
    _, folder, before = exported
    one_part_per_log(folder)
    with transaction.atomic():
        # Forked processes could not see the organisations this transaction has written: not used.
        report = import_core([str(folder)], workers=2)
        assert stored_logs() == before
    assert report.counts["lettings"]["created"] == 3
    assert Organisation.objects.count() == 2
