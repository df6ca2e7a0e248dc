"""Where exports and downloads are kept: a local folder by default, an S3 bucket when S3_BUCKET is set.

One small interface, so callers never know which: `save` a file from disk (or `save_fileobj` a
stream), `open` for reading, `exists`, `list` and `delete`. The module functions below use whichever
backend is configured. Objects are named by relative keys.

No link ever opens a stored file by itself: a page checks who is asking (domain.access) and then
answers with `file_response`, which streams a local file or, on S3, redirects to a presigned URL that
lasts a minute.
"""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path
from typing import BinaryIO, Protocol

from django.conf import settings
from django.http import FileResponse, HttpResponse, HttpResponseRedirect
from django.utils.http import content_disposition_header

DEFAULT_URL_LIFETIME = 60 * 60  # seconds
MULTIPART_CHUNK = 16 * 1024 * 1024


class Storage(Protocol):
    def save(self, name: str, path: str | Path) -> None: ...
    def save_fileobj(self, name: str, fileobj) -> None: ...
    def delete(self, name: str) -> None: ...
    def open(self, name: str) -> BinaryIO: ...
    def exists(self, name: str) -> bool: ...
    def list(self, prefix: str = "") -> list[str]: ...


def _check_name(name: str) -> str:
    if not name or name.startswith("/") or ".." in Path(name).parts:
        raise ValueError(f"'{name}' is not a valid file name for storage: use a relative name without '..'.")
    return name


class LocalStorage:
    """Files in a folder (settings.FILE_STORAGE_DIR), served only through `file_response`."""

    def __init__(self, root: str | Path):
        self.root = Path(root)

    def _path(self, name: str) -> Path:
        return self.root / _check_name(name)

    def save(self, name: str, path: str | Path) -> None:
        target = self._path(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        shutil.copyfile(path, partial)
        partial.replace(target)  # readers never see half a file

    def save_fileobj(self, name: str, fileobj) -> None:
        target = self._path(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        with partial.open("wb") as out:
            shutil.copyfileobj(fileobj, out, length=1024 * 1024)
        partial.replace(target)

    def delete(self, name: str) -> None:
        self._path(name).unlink(missing_ok=True)

    def open(self, name: str) -> BinaryIO:
        try:
            return self._path(name).open("rb")
        except FileNotFoundError:
            raise FileNotFoundError(f"No stored file is called '{name}'.") from None

    def exists(self, name: str) -> bool:
        return self._path(name).is_file()

    def list(self, prefix: str = "") -> list[str]:
        if not self.root.is_dir():
            return []
        names = (p.relative_to(self.root).as_posix() for p in self.root.rglob("*") if p.is_file())
        return sorted(n for n in names if n.startswith(prefix) and not n.endswith(".partial"))


class S3Storage:
    """Objects at the root of one bucket, uploaded in parts (boto3's managed transfer) when large."""

    def __init__(self, bucket: str, endpoint_url: str | None = None):
        import boto3
        from boto3.s3.transfer import TransferConfig

        self.bucket = bucket
        self.client = boto3.client("s3", endpoint_url=endpoint_url)
        self.transfer = TransferConfig(multipart_threshold=MULTIPART_CHUNK, multipart_chunksize=MULTIPART_CHUNK)

    def save(self, name: str, path: str | Path) -> None:
        self.client.upload_file(str(path), self.bucket, _check_name(name), Config=self.transfer)

    def save_fileobj(self, name: str, fileobj) -> None:
        self.client.upload_fileobj(fileobj, self.bucket, _check_name(name), Config=self.transfer)

    def delete(self, name: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=_check_name(name))

    def open(self, name: str) -> BinaryIO:
        from botocore.exceptions import ClientError

        try:
            return self.client.get_object(Bucket=self.bucket, Key=_check_name(name))["Body"]
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
                raise FileNotFoundError(f"No stored file is called '{name}'.") from None
            raise

    def exists(self, name: str) -> bool:
        from botocore.exceptions import ClientError

        try:
            self.client.head_object(Bucket=self.bucket, Key=_check_name(name))
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                return False
            raise
        return True

    def list(self, prefix: str = "") -> list[str]:
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=prefix)
        return sorted(item["Key"] for page in pages for item in page.get("Contents", []))

    def url(self, name: str, expires_in: int = DEFAULT_URL_LIFETIME, *, filename: str | None = None) -> str:
        """A presigned link that stops working after `expires_in` seconds; with `filename`, the browser
        saves the object under that name."""
        params = {"Bucket": self.bucket, "Key": _check_name(name)}
        if filename:
            params["ResponseContentDisposition"] = content_disposition_header(True, filename)
        return self.client.generate_presigned_url("get_object", Params=params, ExpiresIn=expires_in)


def get_storage() -> Storage:
    """S3 when settings.S3_BUCKET is set, else the local folder."""
    if getattr(settings, "S3_BUCKET", ""):
        return S3Storage(settings.S3_BUCKET, getattr(settings, "S3_ENDPOINT_URL", None))
    return LocalStorage(settings.FILE_STORAGE_DIR)


# --- the configured backend, for callers that store one file -----------------------------------


def save_file(key: str, fileobj) -> str:
    """Store a binary stream under `key`; returns the key."""
    get_storage().save_fileobj(key, fileobj)
    return key


def open_file(key: str) -> BinaryIO:
    """The stored file, opened for binary reading. Raises FileNotFoundError if it is gone."""
    return get_storage().open(key)


def exists(key: str) -> bool:
    return bool(key) and get_storage().exists(key)


def file_response(key: str, *, filename: str, lifetime: timedelta) -> HttpResponse:
    """The stored file as a download named `filename`. Call it only once access has been checked: the
    local folder's file is streamed in this response; on S3 the browser is sent to a presigned URL that
    works for `lifetime` (the page that checked access is what a person keeps and shares)."""
    backend = get_storage()
    if isinstance(backend, S3Storage):
        return HttpResponseRedirect(backend.url(key, int(lifetime.total_seconds()), filename=filename))
    content_type = "text/csv; charset=utf-8" if filename.endswith(".csv") else None
    return FileResponse(backend.open(key), as_attachment=True, filename=filename, content_type=content_type)
