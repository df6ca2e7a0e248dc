"""Helpers for the importer tests: a seeded world exported, emptied, and the export read back."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from django.core.management import call_command
from lxml import etree

from domain.models import (BulkUpload, CsvDownload, Export, LettingsLog, Location, LocationDeactivationPeriod,
                           Organisation, OrganisationRelationship, SalesLog, Scheme, SchemeDeactivationPeriod, User)
from exports import schemes_csv
from exports.cds.run import cds_export_run


def export_everything(folder: Path) -> dict:
    """A full CDS export into `folder` (the file storage), returned as {collection-year: records}."""
    result = cds_export_run(full=True)
    exported = {}
    for item in result.collections:
        data = item.as_json()
        if data["archive"]:
            exported[f"{data['name']} {data['year'] or ''}".strip()] = archive_records(folder / data["archive"])
    return exported


def archive_records(path: Path) -> list[list[tuple[str, str | None]]]:
    with zipfile.ZipFile(path) as bundle:
        parts = sorted(n for n in bundle.namelist() if n != "manifest.xml")
        return [[(child.tag, child.text) for child in form]
                for name in parts for form in etree.parse(io.BytesIO(bundle.read(name))).getroot()]


def write_scheme_csvs(user, folder: Path) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for kind in ("schemes", "locations"):
        path = folder / f"{kind}.csv"
        schemes_csv.write_file(user, kind, str(path))
        paths.append(str(path))
    return paths


def empty_the_database() -> None:
    """Everything the importer brings back goes; reference data (local authorities, ranges) stays."""
    for model in (LettingsLog, SalesLog, BulkUpload, CsvDownload, LocationDeactivationPeriod,
                  SchemeDeactivationPeriod, Location, Scheme, OrganisationRelationship):
        model.objects.all().delete()
    Export.objects.all().delete()
    User.objects.all().delete()
    Organisation.objects.filter(absorbing_organisation__isnull=False).update(absorbing_organisation=None)
    Organisation.objects.all().delete()


def import_json(capsys, *paths) -> dict:
    import json

    call_command("import_core", *map(str, paths), "--json")
    return json.loads(capsys.readouterr().out)
