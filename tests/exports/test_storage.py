"""File storage: the local folder by default, S3 over real HTTP (moto's server) when S3_BUCKET is set."""

import urllib.request
import zipfile
from datetime import date, timedelta

import pytest

from exports.cds.run import cds_export_run
from exports.storage import LocalStorage, S3Storage, file_response, get_storage, MULTIPART_CHUNK
from tests.factories import make_organisation, make_user
from tests.clock import on
from tests.s3 import BUCKET

def test_s3_backend_is_chosen_when_a_bucket_is_configured(s3):
    assert isinstance(get_storage(), S3Storage)


def test_local_backend_is_the_default(settings, tmp_path):
    settings.S3_BUCKET, settings.FILE_STORAGE_DIR = "", tmp_path
    assert isinstance(get_storage(), LocalStorage)


def test_s3_save_open_exists_list_and_expiring_link(s3, tmp_path):
    source = tmp_path / "a.csv"
    source.write_bytes(b"zip-name\n")
    storage = get_storage()
    storage.save("Manifest_2026_11_28_0001.csv", source)
    assert storage.exists("Manifest_2026_11_28_0001.csv")
    assert not storage.exists("missing.zip")
    assert storage.list() == ["Manifest_2026_11_28_0001.csv"]
    assert storage.open("Manifest_2026_11_28_0001.csv").read() == b"zip-name\n"
    url = storage.url("Manifest_2026_11_28_0001.csv", expires_in=300)
    assert "Expires=" in url or "X-Amz-Expires=300" in url
    with urllib.request.urlopen(url) as response:
        assert response.read() == b"zip-name\n"
    with pytest.raises(FileNotFoundError, match="No stored file is called 'missing.zip'"):
        storage.open("missing.zip")


def test_s3_large_files_are_uploaded_in_parts(s3, tmp_path):
    big = tmp_path / "big.zip"
    big.write_bytes(b"x" * (MULTIPART_CHUNK + 1024))
    get_storage().save("big.zip", big)
    head = s3.head_object(Bucket=BUCKET, Key="big.zip")
    assert head["ContentLength"] == MULTIPART_CHUNK + 1024
    assert head["ETag"].strip('"').endswith("-2")  # a multipart upload's ETag names its part count


@pytest.mark.django_db
def test_cds_export_writes_zips_and_manifest_to_the_bucket_root(s3):
    org = make_organisation(name="Bucket Homes")
    make_user(org, email="someone@bucket.test")
    with on(date(2026, 11, 28)):
        result = cds_export_run(collection="users")
    keys = [item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET)["Contents"]]
    assert sorted(keys) == sorted([result.manifest, "users_2024_2025_apr_mar_f0001_inc0001.zip"])
    body = s3.get_object(Bucket=BUCKET, Key="users_2024_2025_apr_mar_f0001_inc0001.zip")["Body"].read()
    path = "/tmp/cds-s3-check.zip"
    with open(path, "wb") as handle:
        handle.write(body)
    with zipfile.ZipFile(path) as bundle:
        assert bundle.namelist() == ["users_2024_2025_apr_mar_f0001_inc0001_pt001.xml", "manifest.xml"]


def test_local_files_are_streamed_under_their_readable_name(tmp_path, settings):
    settings.S3_BUCKET, settings.FILE_STORAGE_DIR = "", tmp_path
    source = tmp_path / "source.txt"
    source.write_bytes(b"id,status\n")
    storage = get_storage()
    storage.save("csv-downloads/0f3c.csv", source)
    assert storage.list() == ["csv-downloads/0f3c.csv", "source.txt"]
    response = file_response("csv-downloads/0f3c.csv", filename="lettings-logs.csv", lifetime=timedelta(seconds=60))
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"id,status\n"
    assert response["Content-Disposition"] == 'attachment; filename="lettings-logs.csv"'
    assert response["Content-Type"] == "text/csv; charset=utf-8"


def test_s3_files_redirect_to_a_short_presigned_url_with_the_readable_name(s3):
    s3.put_object(Bucket=BUCKET, Key="csv-downloads/9ab1.csv", Body=b"id\n1\n")
    response = file_response("csv-downloads/9ab1.csv", filename="sales-logs.csv", lifetime=timedelta(seconds=60))
    assert response.status_code == 302 and "X-Amz-Expires=60" in response["Location"]
    with urllib.request.urlopen(response["Location"]) as fetched:
        assert fetched.read() == b"id\n1\n"
        assert fetched.headers["Content-Disposition"] == 'attachment; filename="sales-logs.csv"'


def test_storage_names_cannot_leave_the_folder(tmp_path):
    with pytest.raises(ValueError, match="not a valid file name"):
        LocalStorage(tmp_path).exists("../etc/passwd")
