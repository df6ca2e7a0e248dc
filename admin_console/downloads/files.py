"""Serves a stored file behind a signed, short-lived link from exports.storage.download_url."""

from pathlib import PurePosixPath

from django.core import signing
from django.http import FileResponse
from django.template.response import TemplateResponse

from exports import storage


def signed_file(request, token):
    try:
        key = storage.unsign(token)
        handle = storage.open_file(key)
    except signing.SignatureExpired:
        return _refused(request, "This link has expired.", "Go back to the download page and press Download CSV again.")
    except (signing.BadSignature, FileNotFoundError, ValueError):
        return _refused(request, "This link does not work.", "Go back to the download page and press Download CSV again.")
    name = PurePosixPath(key).name
    content_type = "text/csv; charset=utf-8" if name.endswith(".csv") else None
    return FileResponse(handle, as_attachment=True, filename=name, content_type=content_type)


def _refused(request, title, advice):
    return TemplateResponse(request, "admin_console/downloads/refused.html",
                            {"title": title, "advice": advice}, status=410)
