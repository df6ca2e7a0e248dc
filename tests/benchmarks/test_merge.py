"""Benchmark: merging an organisation with 50,000 lettings logs (from the merge date) into another, on
PostgreSQL. The whole merge is one transaction, history rows included; it must finish within a minute."""

import os
import time
from datetime import date

import pytest
from django.db import connection

from domain.models import LettingsLog, MergeRequest, Role
from domain.services import merge as service
from tests.factories import make_lettings_log, make_location, make_organisation, make_scheme, make_user

pytestmark = pytest.mark.django_db
LOGS = int(os.environ.get("BENCHMARK_LOGS", "50000"))
BATCH = 5000


@pytest.fixture
def merge_request(django_capture_on_commit_callbacks):
    absorbing = make_organisation(name="Absorbing Benchmark")
    merging = make_organisation(name="Merging Benchmark")
    provider = make_user(merging, Role.DATA_PROVIDER, email="bench@merging.test")
    for n in range(20):
        make_user(merging, Role.DATA_PROVIDER, email=f"bench{n}@merging.test")
    scheme = make_scheme(merging)
    make_location(scheme)
    template = make_lettings_log(merging, provider, tenancycode="BENCH", startdate=date(2026, 7, 2))
    for start in range(1, LOGS, BATCH):
        batch = []
        for n in range(start, min(start + BATCH, LOGS)):
            template.tenancycode = f"BENCH-{n}"
            batch.append(LettingsLog(**{f.attname: getattr(template, f.attname)
                                        for f in LettingsLog._meta.concrete_fields if f.attname != "id"}))
        LettingsLog.objects.bulk_create(batch, batch_size=BATCH)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE domain_lettingslog")
    assert LettingsLog.objects.count() == LOGS
    support = make_user(role=Role.SUPPORT, email="bench@support.test")
    merge_request = service.merge_request_save(
        merge_request=MergeRequest(absorbing_organisation=absorbing, merge_date=date(2026, 7, 1),
                                   existing_absorbing_organisation=True, has_helpdesk_ticket=False),
        merging=[merging], by=support)
    service.merge_request_begin(merge_request=merge_request, by=support, queue=False)
    return merge_request, support, absorbing


def test_merge_of_50000_logs(merge_request, django_capture_on_commit_callbacks):
    request_, support, absorbing = merge_request
    started = time.perf_counter()
    with django_capture_on_commit_callbacks(execute=True):
        assert service.merge_request_process(merge_request=request_, by=support)
    elapsed = time.perf_counter() - started
    moved = LettingsLog.objects.filter(owning_organisation=absorbing).count()
    history = LettingsLog.history.filter(history_change_reason="Organisation merge").count()
    print(f"\nmerge: {LOGS} logs in {elapsed:.1f} s ({LOGS / elapsed:,.0f} logs/s); {history} history rows")
    assert moved == LOGS and history == LOGS
    assert elapsed < 60
