"""Background jobs (django-q2). Thin: plain arguments in, one service call, a small summary out."""

from __future__ import annotations

from exports.cds.run import cds_export_run

# Recurring jobs created by `manage.py setup_schedules`. Cron times are Europe/London (TIME_ZONE).
SCHEDULES = {
    "cds_export_nightly": {"func": "exports.tasks.cds_export", "cron": "0 5 * * *"},
}


def cds_export(full: bool = False, collection: str | None = None, year: int | None = None) -> dict:
    """The CDS export: partial by default (the nightly job), full when asked."""
    return cds_export_run(full=full, collection=collection, year=year).as_json()
