import pytest
import time_machine

from domain.models import Role
from tests.clock import SUITE_MOMENT
from tests.factories import make_organisation, make_user
from tests.s3 import s3, s3_endpoint  # noqa: F401  (fixtures: an S3 bucket on moto's server)


@pytest.fixture(autouse=True)
def clock():
    """Every test runs at the suite's moment, whatever the date (see tests/clock.py); move it with
    `clock.move_to(...)`."""
    with time_machine.travel(SUITE_MOMENT, tick=True) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache: each runs at the same moment, so what an earlier test left
    would look fresh."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def file_storage(settings, tmp_path):
    """Files written by a test go to its own folder."""
    settings.FILE_STORAGE_DIR = tmp_path / "storage"
    return settings.FILE_STORAGE_DIR


@pytest.fixture(autouse=True)
def force_login_passes_second_factor(monkeypatch):
    """`Client.force_login` stands for a complete sign-in: for someone who must pass the second factor
    (support) it passes that too. `force_login(user, second_factor=False)` signs in with the password only."""
    from django.test import Client

    from domain.services.second_factor import second_factor_required
    from tests.second_factor import pass_second_factor

    original = Client.force_login

    def force_login(self, user, backend=None, *, second_factor=True):
        original(self, user, backend)
        if second_factor and second_factor_required(user):
            pass_second_factor(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture
def org(db):
    return make_organisation(name="Greenfield Housing")


@pytest.fixture
def other_org(db):
    return make_organisation(name="Unrelated Homes")


@pytest.fixture
def provider(org):
    return make_user(org, Role.DATA_PROVIDER, email="provider@greenfield.test", name="Pat Provider")


@pytest.fixture
def coordinator(org):
    return make_user(org, Role.DATA_COORDINATOR, email="coordinator@greenfield.test", name="Carla Coordinator")


@pytest.fixture
def support(db):
    return make_user(role=Role.SUPPORT, email="support@mhclg.test", name="Sam Support")


@pytest.fixture
def statistician(db):
    return make_user(role=Role.STATISTICIAN, email="stats@mhclg.test", name="Stella Statistician")


@pytest.fixture
def other_coordinator(other_org):
    return make_user(other_org, Role.DATA_COORDINATOR, email="coordinator@unrelated.test", name="Otto Other")


@pytest.fixture
def other_provider(other_org):
    return make_user(other_org, Role.DATA_PROVIDER, email="provider@unrelated.test", name="Olive Other")


@pytest.fixture
def client_for(client):
    """A test client signed in as the given user."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in
