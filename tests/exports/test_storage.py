"""File storage: the local folder by default, S3 over real HTTP (moto's server) when S3_BUCKET is set."""

import socket
import urllib.request
import zipfile
from datetime import date
from unittest import mock

import boto3
import pytest
from moto.server import ThreadedMotoServer

from exports.cds.run import cds_export_run
from exports.storage import LocalStorage, S3Storage, get_storage, MULTIPART_CHUNK
from tests.factories import make_organisation, make_user
from tests.clock import on

BUCKET = "core-exports-test"


@pytest.fixture(scope="module")
def s3_endpoint():
    with socket.socket() as probe:  # a free port; moto's server then binds it
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3(s3_endpoint, settings, monkeypatch):
    for name, value in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                        "AWS_DEFAULT_REGION": "eu-west-2", "AWS_SESSION_TOKEN": "testing"}.items():
        monkeypatch.setenv(name, value)
    client = boto3.client("s3", endpoint_url=s3_endpoint)
    client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
    settings.S3_BUCKET, settings.S3_ENDPOINT_URL = BUCKET, s3_endpoint
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


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


def test_local_storage_links_are_signed_and_expire(tmp_path, settings, client, db):
    settings.S3_BUCKET, settings.FILE_STORAGE_DIR = "", tmp_path
    source = tmp_path / "source.txt"
    source.write_bytes(b"hello")
    storage = get_storage()
    storage.save("hello.txt", source)
    assert storage.list() == ["hello.txt", "source.txt"]
    response = client.get(storage.url("hello.txt"))
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"hello"
    assert client.get(storage.url("hello.txt").replace("/files/", "/files/x")).status_code == 410
    with mock.patch("django.core.signing.time.time", return_value=10**10):
        link = storage.url("hello.txt", expires_in=60)
    with mock.patch("django.core.signing.time.time", return_value=10**10 + 30):
        assert client.get(link).status_code == 200
    with mock.patch("django.core.signing.time.time", return_value=10**10 + 61):
        response = client.get(link)
    assert response.status_code == 410


def test_storage_names_cannot_leave_the_folder(tmp_path):
    with pytest.raises(ValueError, match="not a valid file name"):
        LocalStorage(tmp_path).exists("../etc/passwd")
