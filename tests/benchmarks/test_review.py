"""Benchmark: the review queue (issue 13). A coordinator's 10,000 completed lettings logs awaiting review
among 40,000 of other organisations: the "Awaiting my review" and "Has open queries" lists against the
plain list, then approving all 10,000 from the list in one bulk approval (target: under 10 s).

Logs are made fast with bulk_create from one valid template.
"""

import os
import statistics
import time

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from domain.models import LettingsLog, Role
from domain.services.reviews import review_approve_many
from tests.factories import make_lettings_log, make_organisation, make_user

pytestmark = pytest.mark.django_db
OWN = int(os.environ.get("REVIEW_BENCH_LOGS", "10000"))
OTHERS = int(os.environ.get("REVIEW_BENCH_OTHER_LOGS", "40000"))
BATCH = 5000
LIST = reverse("admin:domain_lettingslog_changelist")


def _copies(template, count: int, owner, prefix: str) -> None:
    columns = [f.attname for f in LettingsLog._meta.concrete_fields if f.attname != "id"]
    for start in range(0, count, BATCH):
        batch = []
        for n in range(start, min(start + BATCH, count)):
            values = {name: getattr(template, name) for name in columns}
            values.update(tenancycode=f"{prefix}-{n}", owning_organisation_id=owner.pk,
                          managing_organisation_id=owner.pk, review_state="awaiting_review")
            batch.append(LettingsLog(**values))
        LettingsLog.objects.bulk_create(batch, batch_size=BATCH)


@pytest.fixture
def queue(django_db_blocker):
    org = make_organisation(name="Benchmark Housing")
    coordinator = make_user(org, Role.DATA_COORDINATOR, email="bench@coordinator.test")
    template = make_lettings_log(org, coordinator, tenancycode="BENCH")
    template.delete()
    _copies(template, OWN, org, "OWN")
    for n in range(4):
        other = make_organisation(name=f"Other Benchmark Housing {n}")
        _copies(template, OTHERS // 4, other, f"OTHER{n}")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE domain_lettingslog")
    return coordinator


def _median_seconds(client, params, times=7) -> float:
    client.get(LIST, params)  # warm: templates, form classes
    seconds = []
    for _ in range(times):
        started = time.perf_counter()
        response = client.get(LIST, params)
        seconds.append(time.perf_counter() - started)
        assert response.status_code == 200
    return statistics.median(seconds)


def test_review_queue_lists_and_bulk_approval(queue):
    coordinator = queue
    client = Client()
    client.force_login(coordinator)
    plain = _median_seconds(client, {})
    mine = _median_seconds(client, {"review": "mine"})
    queried = _median_seconds(client, {"review": "queries"})
    approved_list = _median_seconds(client, {"review": "approved"})

    logs = LettingsLog.objects.filter(owning_organisation=coordinator.organisation)
    started = time.perf_counter()
    result = review_approve_many(logs=logs, user=coordinator)
    approve_seconds = time.perf_counter() - started
    assert len(result.approved) == OWN and not result.refused
    assert LettingsLog.objects.filter(review_state="approved").count() == OWN
    assert LettingsLog.history.filter(history_change_reason="Approved").count() == OWN

    print(f"\n{OWN:,} own logs among {OWN + OTHERS:,}: list {plain * 1000:.0f} ms, awaiting my review "
          f"{mine * 1000:.0f} ms, has open queries {queried * 1000:.0f} ms, approved {approved_list * 1000:.0f} ms "
          f"(medians of 7); bulk approval of {OWN:,} logs {approve_seconds:.2f} s")
    assert approve_seconds < 10
    assert mine < plain * 1.5 + 0.05
    assert queried < plain * 1.5 + 0.05
