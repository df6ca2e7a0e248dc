"""An S3-compatible server over real HTTP (moto's server mode) and an empty bucket on it, for the
storage code. tests/conftest.py makes both fixtures available to every test."""

import socket

import boto3
import pytest
from moto.server import ThreadedMotoServer

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
