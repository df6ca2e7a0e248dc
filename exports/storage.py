"""Where exports and downloads are kept: a local folder (settings.FILE_STORAGE_DIR).

Three calls, so the backend can change without touching callers: `save_file`, `open_file` and
`download_url`. Local links are signed with a timestamp (django.core.signing.TimestampSigner) and
served by `serve_signed`; an S3 backend would return a presigned URL from `download_url` instead.
"""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "exports.storage.download"


def _path(key: str) -> Path:
    root = Path(settings.FILE_STORAGE_DIR).resolve()
    path = (root / key).resolve()
    if root not in path.parents:
        raise ValueError(f"{key!r} is not a file key inside the storage folder.")
    return path


def save_file(key: str, fileobj) -> str:
    """Store a binary file object under `key` (a relative path); returns the key."""
    path = _path(key)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as out:
        shutil.copyfileobj(fileobj, out, length=1024 * 1024)
    return key


def open_file(key: str):
    """The stored file, opened for binary reading. Raises FileNotFoundError if it is gone."""
    return open(_path(key), "rb")


def exists(key: str) -> bool:
    return bool(key) and _path(key).is_file()


def delete_file(key: str) -> None:
    _path(key).unlink(missing_ok=True)


def download_url(key: str, expires: timedelta | int) -> str:
    """A link to the stored file that stops working after `expires` (seconds or a timedelta)."""
    seconds = int(expires.total_seconds()) if isinstance(expires, timedelta) else int(expires)
    token = signing.TimestampSigner(salt=SALT).sign_object({"key": key, "ttl": seconds})
    return reverse("signed_file", args=[token])


def unsign(token: str) -> str:
    """The key behind a link from `download_url`; raises signing.BadSignature (or its
    SignatureExpired subclass) when the link was tampered with or has run out."""
    signer = signing.TimestampSigner(salt=SALT)
    data = signer.unsign_object(token)
    signer.unsign_object(token, max_age=data["ttl"])
    return data["key"]
