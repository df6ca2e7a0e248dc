"""The rows a requested download selects: the user's access scope, narrowed by the filters and
search of the list it was asked for from (replayed through that list's admin changelist, so the
file holds exactly what the list showed)."""

from __future__ import annotations

from collections.abc import Iterator

from domain.models import CsvDownload, DownloadKind, LettingsLog, SalesLog, User

from .csv import downloads

LIST_MODELS = {DownloadKind.LETTINGS: LettingsLog, DownloadKind.SALES: SalesLog, DownloadKind.USERS: User}


def list_queryset(download: CsvDownload):
    """The list's filtered queryset, or None when the download was not asked for from a list."""
    params = download.filters.get("list")
    model = LIST_MODELS.get(download.kind)
    if params is None or model is None:
        return None
    from admin_console.downloads.changelist import changelist_queryset

    return changelist_queryset(download.user, model, params)


def for_download(download: CsvDownload) -> tuple[Iterator[list], int, str]:
    """(rows, how many of them are headers, file name)."""
    rows = downloads.rows(download.user, download.kind, year=download.year, codes=download.codes,
                          queryset=list_queryset(download))
    organisation = download.filters.get("organisation_name")
    return rows, downloads.header_rows(download.kind), downloads.filename(download.kind, organisation)
