"""What the CDS export page says about runs that have not finished: the ones waiting in the job queue
(no Export row exists until a run starts) and the ones running, with the records written so far."""

from __future__ import annotations

from dataclasses import dataclass

from django_q.models import OrmQ
from django_q.signing import BadSignature, SignedPackage

from domain.models import Export, ExportStatus

TASK = "exports.tasks.cds_export"


@dataclass(frozen=True)
class Progress:
    queued: list[str]  # "Full" or "Partial", one per queued run
    running: list[Export]  # this run's collections so far, each with its records written

    @property
    def active(self) -> bool:
        return bool(self.queued or self.running)


def queued_runs() -> list[str]:
    kinds = []
    for entry in OrmQ.objects.order_by("id"):
        try:
            task = SignedPackage.loads(entry.payload)
        except BadSignature:
            continue  # another deployment's job: not ours to read
        if task.get("func") == TASK:
            kinds.append("Full" if (task.get("kwargs") or {}).get("full") else "Partial")
    return kinds


def export_progress() -> Progress:
    running = list(Export.objects.filter(status=ExportStatus.RUNNING).order_by("started_at", "id"))
    return Progress(queued=queued_runs(), running=running)
