"""Helpers for the importer tests: a seeded world exported, emptied, and the export read back."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from django.core.management import call_command
from lxml import etree

from domain.models import (BulkUpload, CsvDownload, Export, LettingsLog, Location, LocationDeactivationPeriod,
                           Organisation, OrganisationRelationship, ProviderType, Role, SalesLog, Scheme,
                           SchemeDeactivationPeriod, User)
from domain.services.lettings import lettings_log_save
from exports import schemes_csv
from exports.cds.run import cds_export_run
from tests.factories import make_organisation, make_user
from tests.lettings_answers import general_needs_answers


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


def write_archive(folder: Path, name: str, parts: list[bytes], count: int | None = None) -> Path:
    """A collection archive as the export writes it: parts then manifest.xml (count: the parts' forms)."""
    folder.mkdir(parents=True, exist_ok=True)
    if count is None:
        count = sum(part.count(b"<form>") for part in parts)
    path = folder / f"{name}.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for number, part in enumerate(parts, start=1):
            bundle.writestr(f"{name}_pt{number:03d}.xml", part)
        bundle.writestr("manifest.xml", (
            '<?xml version="1.0" encoding="UTF-8"?>\n<report>\n  <form-data-summary>\n    <records>\n'
            f"      <count-of-records>{count}</count-of-records>\n    </records>\n  </form-data-summary>\n</report>\n"))
    return path


def build_small_world() -> dict:
    """An owner and its managing agent (a relationship the export does not carry), a user of each and three
    completed 2026 lettings logs, one managed by the agent."""
    call_command("load_reference_data", verbosity=0)
    owner = make_organisation(name="Moorland Homes", provider_type=ProviderType.PRP, housing_registration_no="L0001")
    agent = make_organisation(name="Dale Lettings", provider_type=ProviderType.PRP, holds_own_stock=False)
    OrganisationRelationship.objects.create(stock_owner=owner, managing_agent=agent)
    user = make_user(owner, Role.DATA_COORDINATOR, email="coordinator@moorland.test", name="Mo Moorland")
    agent_user = make_user(agent, Role.DATA_PROVIDER, email="provider@dale.test", name="Dee Dale")
    logs = []
    for n, (manager, by) in enumerate(((owner, user), (owner, user), (agent, agent_user))):
        log = LettingsLog(created_by=by, **general_needs_answers(owner, by, managing_organisation=manager,
                                                                 tenancycode=f"T{n}"))
        lettings_log_save(log=log, by=by)
        logs.append(log)
    return {"owner": owner, "agent": agent, "user": user, "logs": logs}
