"""Benchmark (issue 15): every lettings and sales log list view, the review queue and the role home pages,
at national scale, against the raw PostgreSQL query for the same rows.

The world: `seed_volume` spreads LIST_BENCH_LOGS lettings logs and a fifth as many sales logs over 1,000
generated organisations by a Zipf law (exponent 0.7): the largest holds 4.2% of them (50,000 of 1,200,000
at full size). The users: customer support; a data coordinator of that largest organisation; a data provider
of the third largest. For each user and view, through the Django test client (DEBUG off, after a warming
request): the median and p95 of LIST_BENCH_REPEATS requests, the number of queries, and the median of the
view's page query run on its own through the database cursor ("raw").

Asserted: no query a view runs (each SELECT touching a log table, through EXPLAIN) reads a log table with a
sequential scan; a list runs as many queries for a page of 5 rows as for a page of 20; every view's p95 is
under 150 ms. The table of figures is printed (run with -s) before the assertions.

    LIST_BENCH_LOGS=1000000 scripts/with_postgres.sh .venv/bin/python -m pytest -o addopts="" \
        tests/benchmarks/test_log_lists.py -s            # the full 1,000,000 + 200,000
"""

from __future__ import annotations

import json
import os
import re
import statistics
import time
from datetime import date
from urllib.parse import urlencode

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from config.serving import settle
from domain import collection
from domain.models import LettingsLog, Organisation, SalesLog, User

LETTINGS = int(os.environ.get("LIST_BENCH_LOGS", "100000"))
SALES = LETTINGS // 5
REPEATS = int(os.environ.get("LIST_BENCH_REPEATS", "9"))
TARGET_MS = 150
LOG_TABLES = ("domain_lettingslog", "domain_saleslog")
LISTS = {"lettings": ("admin:domain_lettingslog_changelist", LettingsLog),
         "sales": ("admin:domain_saleslog_changelist", SalesLog)}

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world():
    started = time.perf_counter()
    call_command("load_reference_data", verbosity=0)
    call_command("seed_demo", verbosity=0)
    call_command("seed_volume", "--lettings", str(LETTINGS), "--sales", str(SALES), "--organisations", "1000",
                 "--seed", "15", verbosity=0)
    seeded = time.perf_counter() - started
    with connection.cursor() as cursor:
        for table in LOG_TABLES:  # as autovacuum would have done: statistics and the visibility map
            cursor.execute(f"VACUUM ANALYZE {table}")
    print(f"\nseeded {LETTINGS:,} lettings and {SALES:,} sales logs in {seeded:.0f} s "
          f"(with VACUUM ANALYZE {time.perf_counter() - started:.0f} s)")
    users = {
        "support": User.objects.get(email="support@example.com"),
        "coordinator": User.objects.get(email="coordinator0001@volume.example.com"),
        "provider": User.objects.get(email="provider0003@volume.example.com"),
    }
    yield users
    with connection.cursor() as cursor:  # emptying a million rows is quicker than the flush's DELETE
        cursor.execute("TRUNCATE domain_lettingslog, domain_saleslog, domain_historicallettingslog, "
                       "domain_historicalsaleslog CASCADE")


def _percentile95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18] if len(values) > 1 else values[0]


def _scans(plan: dict):
    yield plan
    for child in plan.get("Plans", []):
        yield from _scans(child)


def _log_selects(queries) -> list[str]:
    return [q["sql"] for q in queries
            if q["sql"].lstrip().upper().startswith(("SELECT", "WITH"))
            and any(f'"{table}"' in q["sql"] for table in LOG_TABLES)]


def _sequential_scans(sql: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return [node["Relation Name"] for node in _scans(plan[0]["Plan"])
            if node["Node Type"] == "Seq Scan" and node.get("Relation Name") in LOG_TABLES]


def _page_query(selects: list[str]) -> str | None:
    """The query fetching the rows shown (the widest SELECT of a log table with a LIMIT)."""
    paged = [sql for sql in selects if re.search(r"\bLIMIT \d+", sql) and "COUNT(" not in sql.upper()[:60]]
    return max(paged, key=len) if paged else None


def _raw_ms(sql: str) -> float:
    seconds = []
    with connection.cursor() as cursor:
        for _ in range(REPEATS):
            started = time.perf_counter()
            cursor.execute(sql)
            cursor.fetchall()
            seconds.append(time.perf_counter() - started)
    return 1000 * statistics.median(seconds)


class Run:
    def __init__(self):
        self.rows: list[dict] = []
        self.failures: list[str] = []

    def measure(self, who: str, client: Client, name: str, url: str) -> dict:
        response = client.get(url)  # warm: templates, form classes, the database's cache
        assert response.status_code == 200, (who, name, url, response.status_code)
        seconds = []
        for _ in range(REPEATS):
            started = time.perf_counter()
            response = client.get(url)
            seconds.append(time.perf_counter() - started)
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        selects = _log_selects(captured.captured_queries)
        scans = sorted({table for sql in selects for table in _sequential_scans(sql)})
        page = _page_query(selects)
        row = {"who": who, "view": name, "median": 1000 * statistics.median(seconds),
               "p95": 1000 * _percentile95(seconds), "queries": len(captured.captured_queries),
               "raw": _raw_ms(page) if page else None, "scans": scans}
        self.rows.append(row)
        print(f"{who:12} {name:55} median {row['median']:6.0f} p95 {row['p95']:6.0f} queries {row['queries']:3} "
              f"raw {row['raw'] or 0:7.1f}{'  SEQ SCAN ' + ','.join(scans) if scans else ''}", flush=True)
        if scans:
            self.failures.append(f"{who} {name}: sequential scan of {', '.join(scans)}")
        if row["p95"] >= TARGET_MS:
            self.failures.append(f"{who} {name}: p95 {row['p95']:.0f} ms")
        return row

    def table(self) -> str:
        lines = ["| user | view | median ms | p95 ms | queries | raw page query ms |", "| --- | --- | --- | --- | --- | --- |"]
        for r in self.rows:
            raw = f"{r['raw']:.1f}" if r["raw"] is not None else "-"
            lines.append(f"| {r['who']} | {r['view']} | {r['median']:.0f} | {r['p95']:.0f} | {r['queries']} | {raw} |")
        return "\n".join(lines)


def _sortable_columns(response) -> list[tuple[int, str]]:
    changelist = response.context["cl"]
    return [(index, name) for index, name in enumerate(changelist.list_display)
            if changelist.get_ordering_field(name) is not None]


def _list_views(log_type: str, user, client: Client) -> list[tuple[str, dict]]:
    """(name, query) of every view of a log list for this user: default page, each filter, each search,
    each sortable column both ways, page 100 (or the last page of a shorter list)."""
    url, model = LISTS[log_type]
    from domain import access

    scope = access.visible_logs(user, model)
    sample = scope.filter(status=2).order_by("pk")[len(scope.filter(status=2)[:777]) // 2]
    year = collection.current_year()
    organisation = user.organisation_id if not access.sees_everything(user) else Organisation.objects.get(
        name="Volume Housing 0002").pk
    views = [("default", {}), ("year", {"year": year}), ("status", {"status": 2}),
             ("owner", {"owner": organisation}), ("manager", {"manager": organisation}),
             ("assigned to you", {"assigned": "you"}), ("assigned to a user", {"assigned": sample.assigned_to_id}),
             ("created by you", {"created_by": "you"}), ("bulk upload", {"bulk_upload": 1})]
    views += [(f"review {value}", {"review": value}) for value in
              ("mine", "awaiting_review", "returned", "approved", "approved_month", "queries", "not_submitted")]
    if log_type == "lettings":
        views += [("needs type", {"needstype__exact": 1}), ("unresolved", {"unresolved": "yes"})]
        codes = [("tenancy code", sample.tenancycode), ("tenancy code, lower case", sample.tenancycode.lower()),
                 ("property reference", sample.propcode)]
    else:
        views += [("ownership scheme", {"ownershipsch__exact": 1})]
        codes = [("purchaser code", sample.purchid), ("purchaser code, lower case", sample.purchid.lower())]
    postcode = sample.postcode_full
    views += [(f"search {name}", {"q": term}) for name, term in [
        ("log id", str(sample.pk)), ("log id with 'log'", f"log {sample.pk}"), *codes,
        ("postcode", postcode), ("postcode without space", postcode.replace(" ", "")),
        ("partial postcode", postcode[:-1]), ("postcode outward part", postcode.split()[0]),
        ("no match", "ZZ9 9ZZ")]]
    client.force_login(user, backend="domain.auth.AccessBackend")  # as a password sign-in
    response = client.get(reverse(url))
    for index, name in _sortable_columns(response):
        views += [(f"sort {name}", {"o": index}), (f"sort {name} descending", {"o": f"-{index}"})]
    last_page = (min(scope.count(), 10_000) + 19) // 20
    views.append((f"page {min(100, last_page)}", {"p": min(100, last_page)}))
    return views


def _same_queries_for_fewer_rows(log_type: str, client: Client) -> tuple[int, int]:
    url, model = LISTS[log_type]
    model_admin = admin.site._registry[model]
    counts = []
    for per_page in (20, 5):
        model_admin.list_per_page = per_page
        try:
            with CaptureQueriesContext(connection) as captured:
                assert client.get(reverse(url)).status_code == 200
        finally:
            model_admin.list_per_page = 20
        counts.append(len(captured.captured_queries))
    return counts[0], counts[1]


def test_log_lists_review_queue_and_home_pages_at_scale(world, settings):
    settings.DEBUG = False
    settle()  # as config/wsgi.py does once a web process has loaded
    run = Run()
    for who, user in world.items():
        client = Client()
        client.force_login(user, backend="domain.auth.AccessBackend")  # as a password sign-in
        run.measure(who, client, "home page", reverse("admin:index"))
        for log_type, (url, _) in LISTS.items():
            for name, query in _list_views(log_type, user, client):
                run.measure(who, client, f"{log_type} {name}", f"{reverse(url)}?{urlencode(query)}")
            twenty, five = _same_queries_for_fewer_rows(log_type, client)
            if twenty != five:
                run.failures.append(f"{who} {log_type}: {twenty} queries for 20 rows, {five} for 5")
    with open("/proc/loadavg") as load:
        print(f"\n{LETTINGS:,} lettings, {SALES:,} sales, {REPEATS} timed requests a view, {date.today()}, "
              f"load average {' '.join(load.read().split()[:3])}\n")
    print(run.table())
    slowest = sorted(run.rows, key=lambda r: -r["p95"])[:5]
    print("\nslowest p95:", ", ".join(f"{r['who']} {r['view']} {r['p95']:.0f} ms" for r in slowest))
    assert not run.failures, "\n".join(run.failures)
