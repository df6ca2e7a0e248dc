"""Bulk uploads: who may upload, see an upload's report, decide what happens to its logs, and delete them."""

from __future__ import annotations

from django.db.models import QuerySet

from .organisations import organisation_scope_ids
from .roles import is_console_user, is_coordinator, is_statistician, is_support, sees_everything


def _uploads():
    from domain.models import BulkUpload

    return BulkUpload.objects


def can_bulk_upload(user) -> bool:
    """Providers, coordinators and support upload files; statisticians only read."""
    return is_console_user(user) and not is_statistician(user)


def visible_bulk_uploads(user) -> QuerySet:
    """Support and statisticians see every upload; anyone else the uploads made for their organisation
    (or one it absorbed)."""
    uploads = _uploads().select_related("uploaded_by", "organisation")
    if not is_console_user(user):
        return uploads.none()
    if sees_everything(user):
        return uploads.all()
    return uploads.filter(organisation_id__in=organisation_scope_ids(user))


def can_view_bulk_upload(user, upload) -> bool:
    return visible_bulk_uploads(user).filter(pk=upload.pk).exists()


def can_decide_bulk_upload(user, upload) -> bool:
    """The uploader, a coordinator of the upload's organisation, or support choose what happens to an
    upload with errors."""
    if not can_bulk_upload(user) or not can_view_bulk_upload(user, upload):
        return False
    return is_support(user) or is_coordinator(user) or upload.uploaded_by_id == user.pk


def can_delete_bulk_upload_logs(user, upload) -> bool:
    """Coordinators of the upload's organisation and support delete an upload's logs."""
    return (is_support(user) or is_coordinator(user)) and can_view_bulk_upload(user, upload)


def uploads_for_any_organisation(user) -> bool:
    """Support upload a file for an organisation they choose (and assign its logs by email only); anyone
    else uploads for their own organisation, and their logs default to them."""
    return is_support(user)


def bulk_upload_organisation_choices(user) -> QuerySet:
    """Whom a user uploads for: support any active organisation; anyone else their own."""
    from domain.models import Organisation

    live = Organisation.objects.filter(active=True, discarded_at__isnull=True)
    if is_support(user):
        return live
    return live.filter(pk=user.organisation_id) if can_bulk_upload(user) else live.none()
