"""Where uploaded and generated files are kept: a local folder (FILE_STORAGE_DIR) by default, or an
S3 bucket when S3_BUCKET is set. Everything else calls these three functions only."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import BinaryIO

from django.conf import settings


def _s3():
    import boto3

    return boto3.client("s3", endpoint_url=settings.S3_ENDPOINT_URL)


def _local_path(key: str) -> Path:
    root = Path(settings.FILE_STORAGE_DIR).resolve()
    path = (root / key).resolve()
    if root not in path.parents:
        raise ValueError(f"{key!r} is not a storage key.")
    return path


def save_file(key: str, fileobj: BinaryIO) -> str:
    """Store the bytes of an open file under a key; returns the key."""
    if settings.S3_BUCKET:
        _s3().upload_fileobj(fileobj, settings.S3_BUCKET, key)
        return key
    path = _local_path(key)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as out:
        shutil.copyfileobj(fileobj, out)
    return key


def open_file(key: str) -> BinaryIO:
    """A binary file object to read a stored file from (close it when done)."""
    if settings.S3_BUCKET:
        return _s3().get_object(Bucket=settings.S3_BUCKET, Key=key)["Body"]
    return open(_local_path(key), "rb")


def delete_file(key: str) -> None:
    if settings.S3_BUCKET:
        _s3().delete_object(Bucket=settings.S3_BUCKET, Key=key)
        return
    _local_path(key).unlink(missing_ok=True)
