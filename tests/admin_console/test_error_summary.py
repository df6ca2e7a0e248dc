"""A log's form with errors opens with a summary: each message once, linked to its question."""

import re
from datetime import date

import pytest

from domain.models import LettingsLog, LocalAuthority
from tests.admin_console.test_lettings_admin import saved_log
from tests.admin_console.test_log_bad_input import post_change, stored

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sheffield(db):
    return LocalAuthority.objects.create(code="E08000039", name="Sheffield", start_date=date(2025, 4, 1))


def test_the_summary_lists_each_problem_once_with_a_link_to_its_question(client_for, org, coordinator):
    log = saved_log(org, coordinator, tenancycode="SUM-1")
    before = stored(LettingsLog, log.pk)
    response = post_change(client_for(coordinator), LettingsLog, log, brent="1e308")
    html = response.content.decode()
    summary = re.search(r'data-testid="error-summary">(.*?)</div>', html, re.S).group(1)
    links = re.findall(r'<a [^>]*href="#([^"]+)">([^<]+)</a>', summary)
    messages = [" ".join(text.split()) for _, text in links]
    assert "Basic rent: enter a number no more than 99,999,999.99." in messages
    assert len(messages) == len(set(messages))
    assert ("id_brent", "Basic rent: enter a number no more than 99,999,999.99.") in links
    assert stored(LettingsLog, log.pk) == before
