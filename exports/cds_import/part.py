"""One file being imported: its records, where a problem is (record, element), and the writes shared by
every kind (create or update under the original id, nothing written when nothing changed)."""

from __future__ import annotations

from contextlib import contextmanager
from typing import IO, Callable, Iterator

from django.core.management.color import no_style
from django.db import DatabaseError, connection, models, transaction

from .errors import ImportFailed, RecordProblem
from .report import Report

PROGRESS_EVERY = 500


class Part:
    def __init__(self, name: str, opener: Callable[[], IO[bytes]], report: Report, reader,
                 progress: Callable[[int], None] | None = None):
        self.name, self.opener, self.report, self.reader = name, opener, report, reader
        self.progress = progress or (lambda n: None)
        self.read = 0

    def records(self) -> Iterator[tuple[int, dict]]:
        """(record number, {element: text}) for each record, streamed."""
        with self.opener() as handle:
            for number, record in enumerate(self.reader(handle, self.name), start=1):
                self.read = number
                if number % PROGRESS_EVERY == 0:
                    self.progress(PROGRESS_EVERY)
                yield number, record
        self.progress(self.read % PROGRESS_EVERY)

    @contextmanager
    def record(self, number: int, identifier=None):
        """Problems inside name this file, this record and the element."""
        try:
            yield
        except RecordProblem as problem:
            raise ImportFailed(problem.message, file=self.name, record=number, element=problem.element,
                               identifier="" if identifier is None else str(identifier)) from problem

    def failed(self, number: int, identifier, element: str, message: str) -> ImportFailed:
        return ImportFailed(message, file=self.name, record=number, element=element,
                            identifier="" if identifier is None else str(identifier))

    def save_row(self, model: type[models.Model], pk: int, values: dict, *, kind: str,
                 new_defaults: dict | None = None) -> models.Model:
        """Create the row under `pk`, or update it; a row already holding these values is left alone."""
        row = model.objects.filter(pk=pk).first()
        if row is not None and all(getattr(row, name) == value for name, value in values.items()):
            self.report.count(kind, "unchanged")
            return row
        try:
            with transaction.atomic():
                if row is None:
                    row = model(pk=pk, **values, **(new_defaults or {}))
                    row.save(force_insert=True)
                    self.report.count(kind, "created")
                    return row
                for name, value in values.items():
                    setattr(row, name, value)
                row.save()
        except DatabaseError as error:
            raise RecordProblem("", f"it could not be stored ({str(error).splitlines()[0]}).") from error
        self.report.count(kind, "updated")
        return row

    @staticmethod
    def reset_sequence(*models_: type[models.Model]) -> None:
        """Rows created under their original ids: the next new row must get an id above them."""
        statements = connection.ops.sequence_reset_sql(no_style(), list(models_))
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
