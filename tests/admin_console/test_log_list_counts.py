"""A log list counts its rows only up to a cap (admin_console/pagination.py) and says so in words where
the page shows the count."""

import re

import pytest
from django.urls import reverse

from admin_console.pagination import CappedCountPaginator
from tests.factories import make_lettings_log

pytestmark = pytest.mark.django_db
LIST = reverse("admin:domain_lettingslog_changelist")


def words(response) -> str:
    assert response.status_code == 200
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.fixture
def five_logs(org, coordinator):
    for n in range(5):
        make_lettings_log(org, coordinator, tenancycode=f"T{n}", postcode_full="S1 2AB")


def test_a_list_longer_than_its_cap_says_more_than_the_cap(five_logs, client_for, coordinator, monkeypatch):
    monkeypatch.setattr(CappedCountPaginator, "cap", 3)
    client = client_for(coordinator)

    page = words(client.get(LIST))
    assert "Select all more than 3 lettings logs" in page and "4" not in re.findall(r"Select all (\S+)", page)
    assert "more than 3 lettings logs" in page

    page = words(client.get(LIST, {"q": "S1"}))  # a search matching all five
    assert "more than 3 results" in page
    page = words(client.get(LIST, {"q": "T3"}))
    assert "1 result " in page and "more than" not in page


def test_a_list_within_its_cap_gives_its_number(five_logs, client_for, coordinator):
    page = words(client_for(coordinator).get(LIST))
    assert "5 lettings logs" in page and "more than" not in page
