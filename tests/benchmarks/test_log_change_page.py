"""Benchmark: a log's change page at volume (issue 15: GET p95 under 100 ms with at most 20 queries, save
under 100 ms; issue 14: the admin save of a complete log under 150 ms median with 100,000 logs).

The demo organisations and users (`seed_demo`, with the reference data) and `seed_volume` logs: by default
100,000 (80,000 lettings, 20,000 sales; `CHANGE_PAGE_BENCH_LOGS` changes the total). A coordinator opens one
of their organisation's completed lettings logs and one sales log, then saves each with a changed answer
(the log stays complete). Each figure is the median and 95th percentile of `RUNS` requests after one warm
request, through Django's test client (DEBUG off); queries are counted on a separate request.
"""

import os
import statistics
import time

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from config.serving import settle
from domain.models import LettingsLog, LogStatus, SalesLog, User
from tests.admin_console.log_form_data import change_form_data

pytestmark = pytest.mark.django_db
TOTAL = int(os.environ.get("CHANGE_PAGE_BENCH_LOGS", "100000"))
RUNS = int(os.environ.get("CHANGE_PAGE_BENCH_RUNS", "40"))
COORDINATOR = "coordinator@greenfield.example.com"


@pytest.fixture
def volume(django_db_blocker):
    call_command("load_reference_data", verbosity=0)
    call_command("seed_demo", verbosity=0)
    started = time.perf_counter()
    call_command("seed_volume", "--lettings", str(TOTAL * 4 // 5), "--sales", str(TOTAL // 5), "--seed", "3",
                 verbosity=0)
    print(f"\nseeded {LettingsLog.objects.count():,} lettings and {SalesLog.objects.count():,} sales logs "
          f"in {time.perf_counter() - started:.0f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return User.objects.get(email=COORDINATOR)


def _own_log(model, user):
    org = user.organisation
    return (model.objects.filter(owning_organisation=org, managing_organisation=org, status=LogStatus.COMPLETED)
            .order_by("-id").first())


def _timed(request, times: int) -> tuple[float, float]:
    seconds = []
    for n in range(times):
        started = time.perf_counter()
        request(n)
        seconds.append(time.perf_counter() - started)
    seconds.sort()
    return statistics.median(seconds) * 1000, seconds[max(0, round(0.95 * len(seconds)) - 1)] * 1000


def _queries(request) -> tuple[int, float]:
    """The statements a request sends, as it would outside the test's transaction: the savepoints Django
    sets inside it (where a request would begin and commit) are not counted."""
    with CaptureQueriesContext(connection) as captured:
        request(0)
    statements = [q for q in captured.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))]
    slowest = sorted(statements, key=lambda q: -float(q["time"]))[:3]
    for query in slowest:
        print(f"  {float(query['time']) * 1000:.1f} ms: {query['sql'][:300]}")
    return len(statements), sum(float(q["time"]) for q in statements) * 1000


@pytest.mark.parametrize("model, changed", [(LettingsLog, "tenancycode"), (SalesLog, "purchid")])
def test_a_log_change_page_at_volume(model, changed, volume):
    client = Client()
    # Signed in as a password sign-in leaves the session: through the console's backend, which reads the
    # user with their organisation and second factor (force_login would otherwise use the first backend).
    client.force_login(volume, backend="domain.auth.AccessBackend")
    log = _own_log(model, volume)
    url = reverse(f"admin:domain_{model._meta.model_name}_change", args=[log.pk])
    form = change_form_data(client, url)

    def get(_):
        response = client.get(url)
        assert response.status_code == 200

    def post(n):
        response = client.post(url, {**form, changed: f"BENCH-{n}"})
        assert response.status_code == 302, response.content[:2000]

    get(0), post(0)  # warm: templates, form classes, the per-process caches
    settle()  # as config/wsgi.py does once a web process has loaded
    get_median, get_p95 = _timed(get, RUNS)
    post_median, post_p95 = _timed(post, RUNS)
    get_queries, get_db = _queries(get)
    post_queries, post_db = _queries(post)
    log.refresh_from_db()
    assert log.status == LogStatus.COMPLETED and getattr(log, changed).startswith("BENCH-")
    load = os.getloadavg()
    print(f"\n{model.__name__} {log.pk} with {model.objects.count():,} in the table (load {load[0]:.2f}): "
          f"GET {get_median:.0f} / {get_p95:.0f} ms, {get_queries} queries ({get_db:.1f} ms in the database); "
          f"save {post_median:.0f} / {post_p95:.0f} ms, {post_queries} queries ({post_db:.1f} ms in the database)")
    assert get_queries <= 20
    assert get_p95 < 100
    assert post_median < 100
