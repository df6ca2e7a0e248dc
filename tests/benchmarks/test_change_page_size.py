"""Benchmark: the log change page (issue 16). A complete lettings log and a complete sales log on a
small database (reference data loaded, a handful of organisations and users), opened by a data
coordinator: the size of the HTML and the median time of a GET. Targets: under 300 KB and 300 ms.
"""

import statistics
import time

import pytest
from django.core.management import call_command
from django.urls import reverse

from domain.models import Role, SalesLog
from tests.factories import make_lettings_log, make_organisation, make_user, relate
from tests.lettings_answers import apply
from tests.sales_answers import shared_ownership_answers

pytestmark = pytest.mark.django_db
TIMES = 9
MAX_BYTES = 300 * 1024
MAX_SECONDS = 0.3


@pytest.fixture
def coordinator(db):
    call_command("load_reference_data", verbosity=0)
    org = make_organisation(name="Benchmark Housing", holds_own_stock=True)
    for n in range(5):
        agent = make_organisation(name=f"Benchmark Agent {n}")
        relate(org, agent)
        make_user(agent, Role.DATA_PROVIDER, email=f"agent{n}@bench.test")
    for n in range(20):
        make_user(org, Role.DATA_PROVIDER, email=f"provider{n}@bench.test")
    return make_user(org, Role.DATA_COORDINATOR, email="coordinator@bench.test")


def _measure(client, url) -> tuple[int, float]:
    first = client.get(url)  # warm: templates, form classes, the layout
    assert first.status_code == 200
    seconds = []
    for _ in range(TIMES):
        started = time.perf_counter()
        response = client.get(url)
        seconds.append(time.perf_counter() - started)
    assert response.status_code == 200
    return len(response.content), statistics.median(seconds)


def _report(name, size, seconds):
    print(f"\n{name}: {size / 1024:.0f} KB, median {seconds * 1000:.0f} ms over {TIMES} GETs")


def test_lettings_change_page(client, coordinator):
    log = make_lettings_log(coordinator.organisation, coordinator)
    client.force_login(coordinator)
    size, seconds = _measure(client, reverse("admin:domain_lettingslog_change", args=[log.pk]))
    _report("lettings log change page", size, seconds)
    assert size < MAX_BYTES
    assert seconds < MAX_SECONDS


def test_sales_change_page(client, coordinator):
    org = coordinator.organisation
    log = apply(SalesLog(created_by=coordinator), shared_ownership_answers(org, coordinator))
    log.save()
    client.force_login(coordinator)
    size, seconds = _measure(client, reverse("admin:domain_saleslog_change", args=[log.pk]))
    _report("sales log change page", size, seconds)
    assert size < MAX_BYTES
    assert seconds < MAX_SECONDS
