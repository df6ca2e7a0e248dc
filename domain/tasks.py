"""Background jobs (django-q2): each takes ids, loads the objects and calls one service."""

from domain.models import BulkUpload, User


def bulk_upload_process(upload_id: int) -> str:
    from domain.services.bulk_uploads import bulk_upload_process as process

    upload = BulkUpload.objects.select_related("uploaded_by", "organisation").get(pk=upload_id)
    return process(upload=upload).status


def bulk_upload_create_logs(upload_id: int, user_id: int) -> str:
    from domain.services.bulk_uploads import bulk_upload_create_logs as create_logs

    upload = BulkUpload.objects.select_related("uploaded_by", "organisation").get(pk=upload_id)
    return create_logs(upload=upload, by=User.objects.get(pk=user_id)).status


def merge_request_process(merge_request_id: int, user_id: int | None = None) -> bool:
    from domain.models import MergeRequest
    from domain.services.merge import merge_request_process as process

    merge_request = MergeRequest.objects.get(pk=merge_request_id)
    by = User.objects.filter(pk=user_id).first() if user_id else None
    return process(merge_request=merge_request, by=by)


def review_digest() -> dict:
    """The daily emails of logs returned to providers and awaiting coordinators' review."""
    from domain.services.review_digest import review_digest_send

    return review_digest_send().as_json()
