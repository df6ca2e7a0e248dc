"""The home page of each role: the work in front of the person, each number a link to the list it counts."""

import re

import pytest
from django.urls import reverse

from domain.models import LettingsLog
from domain.services.logs import log_save
from domain.services.reviews import review_approve, review_query_open
from tests.factories import make_scheme
from tests.lettings_answers import apply, general_needs_answers

pytestmark = pytest.mark.django_db
HOME = reverse("admin:index")


def saved_log(owner, user, **overrides):
    log = apply(LettingsLog(), general_needs_answers(owner, user, **overrides))
    log_save(log=log, by=user)
    return LettingsLog.objects.get(pk=log.pk)


def cards(client) -> dict[str, tuple[str, str]]:
    """Each card's title with its number and link."""
    page = client.get(HOME).content.decode()
    found = {}
    pattern = (r'data-testid="card-title">([^<]+)</div>\s*<div[^>]*data-testid="card-value">\s*'
               r'(?:<a class="underline" href="([^"]*)">)?([^<]+?)\s*(?:</a>|</div>)')
    for title, link, value in re.findall(pattern, page):
        found[title.strip()] = (value.strip(), link.replace("&amp;", "&"))
    return found


@pytest.fixture
def work(org, provider, coordinator):
    saved_log(org, provider, age1=None, tenancycode="DRAFT")
    saved_log(org, provider, tenancycode="DONE-1")
    returned = saved_log(org, provider, tenancycode="RET")
    review_query_open(log=returned, field="brent", user=coordinator, text="Rent?")
    approved = saved_log(org, provider, tenancycode="APPR")
    review_approve(log=approved, user=coordinator)
    make_scheme(owner=org)  # confirmed but without locations: incomplete


def test_the_provider_home_counts_their_own_work(client_for, provider, work):
    found = cards(client_for(provider))
    assert found["Lettings: my logs in progress"][0] == "1"
    assert found["Lettings: returned to me with open queries"][0] == "1"
    assert found["Lettings: completed this year"][0] == "3"
    assert found["Submission deadline for 2026 to 2027"][0] == "4 June 2027"
    link = found["Lettings: returned to me with open queries"][1]
    assert link == reverse("admin:domain_lettingslog_changelist") + "?assigned=you&review=returned"
    listed = client_for(provider).get(link).content.decode()
    assert "RET" in listed and "DONE-1" not in listed
    assert "Users" not in found  # the work, not head counts


def test_the_coordinator_home_counts_the_review_work(client_for, coordinator, work):
    client = client_for(coordinator)
    found = cards(client)
    assert found["Lettings: awaiting my review"][0] == "1"
    assert found["Lettings: returned"][0] == "1"
    assert found["Lettings: approved this month"][0] == "1"
    assert found["Incomplete schemes"][0] == "1"
    assert found["Logs needing a new scheme or location"][0] == "0"
    listed = client.get(found["Lettings: awaiting my review"][1]).content.decode()
    assert "DONE-1" in listed and "RET" not in listed and "APPR" not in listed
    listed = client.get(found["Lettings: approved this month"][1]).content.decode()
    assert "APPR" in listed and "DONE-1" not in listed
    page = client.get(HOME).content.decode()
    assert 'data-testid="chart"' in page and "Logs per provider" in page and "Pat Provider" in page


def test_the_coordinator_counts_the_logs_their_organisation_manages_for_a_stock_owner_once(
        client_for, coordinator, org, provider, work):
    from domain.selectors.dashboard import logs_per_provider
    from tests.factories import make_organisation, relate

    stock_owner = make_organisation(name="Hillside Stock Owner")
    relate(stock_owner=stock_owner, managing_agent=org)
    saved_log(stock_owner, provider, managing_organisation=org, tenancycode="MANAGED")
    found = cards(client_for(coordinator))
    assert found["Lettings: awaiting my review"][0] == "2"  # DONE-1 of their own, and the managed one
    chart = logs_per_provider(coordinator)
    assert chart.labels == ["Pat Provider"] and chart.datasets[0]["data"] == [5]  # DRAFT, DONE-1, RET, APPR, MANAGED


def test_the_coordinator_counts_logs_left_without_a_scheme(client_for, coordinator, org, provider, work):
    LettingsLog.objects.filter(tenancycode="DONE-1").update(unresolved=True)
    found = cards(client_for(coordinator))
    assert found["Logs needing a new scheme or location"][0] == "1"
    link = found["Logs needing a new scheme or location"][1]
    assert link == reverse("admin:domain_lettingslog_unresolved")
    listed = client_for(coordinator).get(link).content.decode()
    assert "DONE-1" in listed and "APPR" not in listed and "Choose a new scheme" in listed


def test_saving_an_unresolved_log_with_its_answers_resolves_it(org, provider, work):
    log = LettingsLog.objects.get(tenancycode="DONE-1")
    LettingsLog.objects.filter(pk=log.pk).update(unresolved=True)
    log.refresh_from_db()
    log_save(log=log, by=provider)  # a general needs log is asked for no scheme
    log.refresh_from_db()
    assert log.unresolved is False


def test_the_unresolved_page_shows_only_logs_in_scope(client_for, other_coordinator, work):
    LettingsLog.objects.filter(tenancycode="DONE-1").update(unresolved=True)
    page = client_for(other_coordinator).get(reverse("admin:domain_lettingslog_unresolved")).content.decode()
    assert "DONE-1" not in page and "No logs need a new scheme or location." in page


def test_the_support_home_shows_the_service(client_for, support, work):
    page = client_for(support).get(HOME).content.decode()
    assert "Completion per collection year" in page
    assert "Last CDS export run" in page and "No export has run yet" in page
    found = cards(client_for(support))
    assert found["Failed background jobs (last 7 days)"][0] == "0"
    assert "?status=2&amp;year=2026" in page or "?year=2026&amp;status=2" in page


def test_the_service_wide_table_is_counted_once_a_minute(client_for, support, statistician, org, provider,
                                                         work, clock):
    def completed_this_year(user) -> str:
        page = client_for(user).get(HOME).content.decode()
        return re.search(r'href="[^"]*\?(?:status=2&amp;year=2026|year=2026&amp;status=2)"[^>]*>\s*(\d+)', page).group(1)

    assert completed_this_year(support) == "3"
    saved_log(org, provider, tenancycode="DONE-2")
    assert completed_this_year(statistician) == "3"  # the same table, counted less than a minute ago
    clock.shift(61)
    assert completed_this_year(support) == "4"


def test_the_statistician_home_links_to_the_statistics_export(client_for, statistician, work):
    page = client_for(statistician).get(HOME).content.decode()
    assert "Logs per collection year and status" in page
    assert reverse("admin:domain_csvdownload_statistics") in page
    assert "Approve" not in page


def test_a_provider_sees_only_their_own_logs_that_lost_a_scheme(client_for, provider, org, coordinator, work):
    LettingsLog.objects.filter(tenancycode="DONE-1").update(unresolved=True)
    other = saved_log(org, coordinator, tenancycode="COORDS")
    LettingsLog.objects.filter(pk=other.pk).update(unresolved=True)
    assert cards(client_for(provider))["Logs needing a new scheme or location"][0] == "1"
    assert cards(client_for(coordinator))["Logs needing a new scheme or location"][0] == "2"
