"""Serving a locally stored file through a signed, expiring link (S3 links go straight to the bucket)."""

from django.core import signing
from django.http import FileResponse, Http404

from exports.storage import LocalStorage, get_storage, name_from_token


def stored_file(request, token: str):
    try:
        name = name_from_token(token)
    except signing.SignatureExpired:
        raise Http404("This link has expired. Ask for a new one.")
    except signing.BadSignature:
        raise Http404("This link is not valid.")
    storage = get_storage()
    if not isinstance(storage, LocalStorage) or not storage.exists(name):
        raise Http404("The file is no longer available.")
    return FileResponse(storage.open(name), as_attachment=True, filename=name.rsplit("/", 1)[-1])
