"""A log's change page stays light: every local authority and every answer is on it, each written once
and briefly (issue 16: it was about 900 KB). The timing is in tests/benchmarks/test_change_page_size.py."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from domain.models import SalesLog
from tests.factories import make_lettings_log
from tests.lettings_answers import apply
from tests.sales_answers import shared_ownership_answers

pytestmark = pytest.mark.django_db
LIMIT = 300 * 1024


@pytest.fixture(autouse=True)
def local_authorities(db):
    call_command("load_reference_data", verbosity=0)


def test_lettings_change_page_is_under_300_kb(client_for, coordinator):
    log = make_lettings_log(coordinator.organisation, coordinator)
    response = client_for(coordinator).get(reverse("admin:domain_lettingslog_change", args=[log.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('<option value="E08000039"') == 2  # Sheffield once as chosen (la), once in the full list
    assert len(response.content) < LIMIT


def test_sales_change_page_is_under_300_kb(client_for, coordinator):
    log = apply(SalesLog(created_by=coordinator), shared_ownership_answers(coordinator.organisation, coordinator))
    log.save()
    response = client_for(coordinator).get(reverse("admin:domain_saleslog_change", args=[log.pk]))
    assert response.status_code == 200
    assert len(response.content) < LIMIT


def test_the_property_local_authority_is_sent_with_only_its_chosen_answer(client_for, coordinator):
    log = make_lettings_log(coordinator.organisation, coordinator)
    page = client_for(coordinator).get(reverse("admin:domain_lettingslog_change", args=[log.pk])).content.decode()
    start = page.index('<select name="la"')
    select = page[start:page.index("</select>", start)]
    assert 'data-options-from="id_prevloc"' in select
    assert select.count("<option") == 2  # blank and Sheffield; the browser copies the rest from prevloc
    assert '<option value="E08000039" selected>Sheffield</option>' in select
