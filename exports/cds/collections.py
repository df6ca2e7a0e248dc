"""A CDS collection: which records it holds, what makes one "changed", and how a record is written.

Each collection (lettings per year, sales per year, users, organisations) is a subclass declaring its
model, scope, trigger timestamps and fields; the run (run.py) treats them all alike.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Iterator

from django.db.models import Q, QuerySet

from .fields import ExportField, columns_of

CHUNK_SIZE = 2000  # rows fetched per round trip


class CdsCollection:
    name: str = ""
    year: int | None = None
    archive_prefix: str = ""  # e.g. "users_2024_2025_apr_mar"
    triggers: tuple[str, ...] = ("updated_at",)  # timestamps (lookups) that mark a record as changed

    def __str__(self) -> str:
        return f"{self.name} {self.year}" if self.year else self.name

    def archive_name(self, base: int, increment: int) -> str:
        return f"{self.archive_prefix}_f{base:04d}_inc{increment:04d}"

    def queryset(self) -> QuerySet:
        raise NotImplementedError

    def fields(self) -> list[ExportField]:
        """Every field a record may have (subclasses with per-record variants override `pairs`)."""
        raise NotImplementedError

    def context(self):
        return None

    def changed_between(self, since: datetime, until: datetime) -> Q:
        condition = Q()
        for lookup in self.triggers:
            condition |= Q(**{f"{lookup}__gte": since, f"{lookup}__lte": until})
        return condition

    def columns(self) -> list[str]:
        return columns_of(self.fields())

    def rows(self, since: datetime | None, until: datetime) -> Iterator[dict]:
        """Records to export, oldest first, streamed in chunks. No `since`: the whole collection."""
        queryset = self.queryset()
        if since is not None:
            queryset = queryset.filter(self.changed_between(since, until))
        return (queryset.order_by("created_at", "id").values(*self.columns())
                .iterator(chunk_size=CHUNK_SIZE))

    def record(self, row: dict, ctx) -> tuple[tuple[str, ...], list[str | None]]:
        """Element names (the same tuple for records of the same shape) and their texts."""
        names, getters = self._shape(self.fields())
        return names, [get(row, ctx) for get in getters]

    def _shape(self, fields: list[ExportField]) -> tuple[tuple[str, ...], tuple]:
        cache = self.__dict__.setdefault("_shapes", {})
        key = id(fields)
        if key not in cache or cache[key][0] is not fields:
            cache[key] = (fields, tuple(f.name for f in fields), tuple(f.get for f in fields))
        return cache[key][1], cache[key][2]


class LogCollection(CdsCollection):
    """Logs of one collection year: those dated in [1 April Y, 1 April Y+1) with an exported status.

    A log type plugs in by naming its model, date field, archive prefix and fields.
    """

    model = None
    date_field = "startdate"
    # not started, in progress, completed, deleted: never pending (bulk uploads not yet confirmed)
    exported_statuses = (0, 1, 2, 4)
    triggers = (
        "updated_at", "values_updated_at", "created_by__updated_at", "updated_by__updated_at",
        "assigned_to__updated_at", "owning_organisation__updated_at", "managing_organisation__updated_at",
    )

    def __init__(self, year: int):
        self.year = year

    def queryset(self) -> QuerySet:
        return self.model.objects.filter(**{
            f"{self.date_field}__gte": date(self.year, 4, 1),
            f"{self.date_field}__lt": date(self.year + 1, 4, 1),
            "status__in": self.exported_statuses,
        })
