"""Who may follow and start the CDS export: customer support only."""

from __future__ import annotations

from django.db.models import QuerySet

from domain.models import Export

from .roles import is_support

__all__ = ["can_run_cds_exports", "can_view_cds_exports", "visible_cds_exports"]


def can_view_cds_exports(user) -> bool:
    return is_support(user)


def can_run_cds_exports(user) -> bool:
    return is_support(user)


def visible_cds_exports(user) -> QuerySet:
    return Export.objects.all() if can_view_cds_exports(user) else Export.objects.none()
