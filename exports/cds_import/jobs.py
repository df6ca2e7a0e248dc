"""Imports started from the support page: the uploaded files are kept in file storage (so any worker can
read them), and the django-q2 job copies them back under their own names before importing."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from django.db import transaction
from django.utils.text import get_valid_filename
from django_q.tasks import async_task

from domain import access
from domain.models import ImportRun
from exports.storage import get_storage

from .errors import ImportFailed
from .runs import import_run

STORAGE_FOLDER = "imports"


def stored_name(run: ImportRun, filename: str) -> str:
    return f"{STORAGE_FOLDER}/{run.pk}/{get_valid_filename(Path(filename).name)}"


def import_start(*, files, dry_run: bool, by) -> ImportRun:
    """Keep the uploaded files and queue the import job (after the transaction commits)."""
    if not access.can_run_imports(by):
        raise PermissionError("Only customer support can import from the original service.")
    run = ImportRun.objects.create(dry_run=dry_run, started_by=by)
    storage = get_storage()
    names = []
    for upload in files:
        name = stored_name(run, upload.name)
        storage.save_fileobj(name, upload)
        names.append(name)
    run.files = names
    run.save(update_fields=["files"])
    transaction.on_commit(lambda: async_task("exports.tasks.import_core_run", run.pk,
                                             task_name=f"Import {run.pk} from the original service"))
    return run


def import_stored_run(run_id: int) -> dict:
    """The job: copy the run's files out of storage, import them, and say how it went."""
    run = ImportRun.objects.get(pk=run_id)
    storage = get_storage()
    folder = Path(tempfile.mkdtemp(prefix="import-core-job-"))
    try:
        paths = []
        for name in run.files:
            target = folder / Path(name).name
            with storage.open(name) as source, open(target, "wb") as out:
                shutil.copyfileobj(source, out)
            paths.append(str(target))
        try:
            report = import_run(run, paths)
        except ImportFailed as failure:
            return {"status": "failed", "error": failure.describe()}
        return {"status": "succeeded", "counts": report.counts}
    finally:
        shutil.rmtree(folder, ignore_errors=True)
