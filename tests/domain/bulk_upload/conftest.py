import io

import pytest

from domain.models import ProviderType, Role
from domain.services.bulk_uploads import bulk_upload_process, bulk_upload_start
from tests.factories import make_organisation, make_user


@pytest.fixture(autouse=True)
def storage_dir(settings, tmp_path):
    settings.FILE_STORAGE_DIR = tmp_path / "storage"
    return settings.FILE_STORAGE_DIR


@pytest.fixture(autouse=True)
def in_2026(monkeypatch):
    from datetime import date

    from domain import collection

    monkeypatch.setattr(collection, "today", lambda: date(2026, 11, 28))


@pytest.fixture
def owner(db):
    return make_organisation(name="Greenfield Homes", provider_type=ProviderType.PRP, holds_own_stock=True)


@pytest.fixture
def uploader(owner):
    return make_user(owner, Role.DATA_PROVIDER, email="provider@greenfield.test")


@pytest.fixture
def upload_file(uploader):
    """Upload bytes as `user` and process them synchronously; returns the upload."""

    def run(data: bytes, *, user=None, year=2026, name="lettings.csv"):
        upload = bulk_upload_start(by=user or uploader, log_type="lettings", year=year, fileobj=io.BytesIO(data),
                                   file_name=name, size=len(data), queue=False)
        return bulk_upload_process(upload=upload)

    return run
