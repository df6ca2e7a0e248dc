"""Every CSV download behind one entry point: which rows a user gets for a kind of download, with
optional list filters, written in the shared format. Used by the background job, the management
command and the tests alike, so they produce the same file."""

from __future__ import annotations

from collections.abc import Iterator

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from domain import access, collection
from exports import schemes_csv

from . import definitions, logs, users
from .writer import write_rows

LOG_KINDS = ("lettings", "sales")
OTHER_KINDS = (*schemes_csv.KINDS, "users")
KINDS = (*LOG_KINDS, *OTHER_KINDS)
FILE_STEMS = {"lettings": "lettings-logs", "sales": "sales-logs"}


def log_queryset(user, log_type: str, year: int, queryset=None):
    """The logs of one collection year the user may download, narrowed by `queryset` if given."""
    allowed = access.downloadable_logs(user, log_type)
    window = collection.window(year)
    day = allowed.model.DATE_FIELD  # startdate (lettings), saledate (sales)
    logs_ = allowed.filter(**{f"{day}__gte": window.start, f"{day}__lte": window.end})
    if queryset is not None:
        logs_ = logs_.filter(pk__in=queryset.values("pk"))
    return logs_


def log_columns(user, log_type: str, year: int) -> tuple:
    declaration = logs.declaration_for(log_type, year)
    return declaration, logs.columns(declaration.FORM, declaration, support=access.downloads_support_columns(user))


def log_rows(user, log_type: str, year: int, *, codes: bool = False, queryset=None) -> Iterator[list]:
    """The definitions row, the header row, then one row per log in ascending id order."""
    if codes and not access.can_download_codes(user):
        raise PermissionDenied("Only customer support can download codes. Download the labels file instead.")
    declaration, cols = log_columns(user, log_type, year)
    yield definitions.row(log_type, year, [c.header for c in cols])
    yield [c.header for c in cols]
    selected = log_queryset(user, log_type, year, queryset).order_by("pk")
    yield from logs.rows(selected, cols, codes=codes, related=declaration.RELATED)


def header_rows(kind: str) -> int:
    return 2 if kind in LOG_KINDS else 1


def rows(user, kind: str, *, year: int | None = None, codes: bool = False, queryset=None) -> Iterator[list]:
    if kind in LOG_KINDS:
        if year is None:
            raise ValueError("Choose one collection year for a logs download.")
        return log_rows(user, kind, year, codes=codes, queryset=queryset)
    if kind == "users":
        if not access.can_download_users(user):
            raise PermissionDenied("Only customer support and data coordinators can download users.")
        return users.rows(user, queryset)
    if kind in schemes_csv.KINDS:
        return schemes_csv.rows(user, kind, schemes=queryset)
    raise ValueError(f"Unknown download {kind!r}: choose one of {', '.join(KINDS)}.")


def write_file(user, kind: str, path: str, **options) -> int:
    """Write a download to a file; returns the number of data rows (headers not counted)."""
    with open(path, "w", encoding="utf-8", newline="") as out:
        return write_rows(out, rows(user, kind, **options)) - header_rows(kind)


def filename(kind: str, organisation_name: str | None = None, now=None) -> str:
    """lettings-logs-2026-11-28 10:15:00 +0000.csv (spec §3; Europe/London time)."""
    stamp = timezone.localtime(now).strftime("%Y-%m-%d %H:%M:%S %z")
    middle = f"-{organisation_name}" if organisation_name else ""
    return f"{FILE_STEMS.get(kind, kind)}{middle}-{stamp}.csv"
