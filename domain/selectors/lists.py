"""The rows of the list a download was asked for from: the list's filters and search, replayed by the
same selectors the console's lists use."""

from __future__ import annotations

from collections.abc import Mapping

from django.db.models import QuerySet

from domain.models import DownloadKind, LettingsLog, SalesLog

from .logs import logs_listed
from .users import users_listed

LOG_MODELS = {DownloadKind.LETTINGS: LettingsLog, DownloadKind.SALES: SalesLog}


def list_rows(user, kind: str, params: Mapping[str, str] | None) -> QuerySet | None:
    """The rows a list of `kind` shows `user` for its query parameters; None when there is no such list
    (no parameters, or a kind whose download is not narrowed by its list)."""
    if params is None:
        return None
    if kind in LOG_MODELS:
        return logs_listed(user, LOG_MODELS[kind], params)
    if kind == DownloadKind.USERS:
        return users_listed(user, params)
    return None
