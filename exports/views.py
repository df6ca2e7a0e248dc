"""Serving a locally stored file through a signed, expiring link (S3 links go straight to the bucket)."""

from pathlib import PurePosixPath

from django.core import signing
from django.http import FileResponse
from django.template.response import TemplateResponse

from exports.storage import LocalStorage, get_storage, name_from_token

ASK_AGAIN = "Go back to the page you came from and ask for the file again."


def stored_file(request, token: str):
    try:
        name = name_from_token(token)
    except signing.SignatureExpired:
        return _refused(request, "This link has expired.")
    except (signing.BadSignature, ValueError, KeyError):
        return _refused(request, "This link does not work.")
    storage = get_storage()
    if not isinstance(storage, LocalStorage) or not storage.exists(name):
        return _refused(request, "The file is no longer available.")
    filename = PurePosixPath(name).name
    content_type = "text/csv; charset=utf-8" if filename.endswith(".csv") else None
    return FileResponse(storage.open(name), as_attachment=True, filename=filename, content_type=content_type)


def _refused(request, title: str):
    # 410 Gone: the link was good once, or was never good; either way a new one is needed.
    return TemplateResponse(request, "admin_console/downloads/refused.html",
                            {"title": title, "advice": ASK_AGAIN}, status=410)
