import pytest


@pytest.fixture(autouse=True)
def _database(db):
    """The rules read a log's organisations and local authority from the database."""
