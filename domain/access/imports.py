"""Who may follow and start imports from the original service: customer support only."""

from __future__ import annotations

from django.db.models import QuerySet

from domain.models import ImportRun

from .roles import is_support

__all__ = ["can_run_imports", "visible_import_runs"]


def can_run_imports(user) -> bool:
    """Importing writes organisations, users and logs of every organisation: support only."""
    return is_support(user)


def visible_import_runs(user) -> QuerySet:
    """The import runs a user may see (every one for support, none for anyone else)."""
    return ImportRun.objects.all() if can_run_imports(user) else ImportRun.objects.none()
