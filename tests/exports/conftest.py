import pytest

from exports.storage import LocalStorage


@pytest.fixture
def storage(tmp_path, settings):
    """Exports land in a fresh local folder (the default backend) for each test."""
    settings.FILE_STORAGE_DIR = tmp_path / "storage"
    settings.S3_BUCKET = ""
    return LocalStorage(settings.FILE_STORAGE_DIR)
