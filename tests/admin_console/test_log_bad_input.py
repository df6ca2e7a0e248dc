"""Whatever is typed into a log's form or a list's address, the page answers with a message that says
what to do, and a refused answer changes nothing: the saved row stays exactly as it was."""

from datetime import date

import pytest
from django.urls import reverse

from domain.models import LettingsLog, LocalAuthority, SalesLog
from domain.models.logs import LogStatus
from domain.services.logs import log_save
from tests.admin_console.log_form_data import change_form_data
from tests.admin_console.test_lettings_admin import saved_log
from tests.factories import relate
from tests.lettings_answers import apply
from tests.sales_answers import shared_ownership_answers

pytestmark = pytest.mark.django_db


def stored(model, pk) -> dict:
    row = model.objects.get(pk=pk)
    return {f.attname: getattr(row, f.attname) for f in model._meta.concrete_fields}


def history_count(model, pk) -> int:
    return model.history.filter(id=pk).count()


@pytest.fixture(autouse=True)
def sheffield(db):
    return LocalAuthority.objects.create(code="E08000039", name="Sheffield", start_date=date(2025, 4, 1))


@pytest.fixture
def lettings_log(org, coordinator):
    return saved_log(org, coordinator, tenancycode="OWN-1")


@pytest.fixture
def sales_log(org, coordinator):
    """A completed shared ownership sale whose deposit is more than the buyer's savings, confirmed."""
    log = apply(SalesLog(), shared_ownership_answers(org, coordinator, savings=5000, deposit_value_check=0))
    log_save(log=log, by=coordinator)
    assert log.status == LogStatus.COMPLETED
    return log


def post_change(client, model, log, **changes):
    url = reverse(f"admin:domain_{model._meta.model_name}_change", args=[log.pk])
    return client.post(url, change_form_data(client, url, **changes), follow=True)


def shown_errors(response) -> str:
    return " ".join(response.content.decode().split())


# --- numbers and dates too big for anything ----------------------------------------------------


@pytest.mark.parametrize("brent", ["99999999999999999999999999", "1e308", "100000000"])
def test_a_rent_too_big_to_store_is_refused_with_the_largest_allowed(client_for, coordinator, lettings_log, brent):
    before = stored(LettingsLog, lettings_log.pk)
    response = post_change(client_for(coordinator), LettingsLog, lettings_log, brent=brent)
    assert response.status_code == 200
    assert "Basic rent: enter a number no more than 99,999,999.99." in shown_errors(response)
    assert stored(LettingsLog, lettings_log.pk) == before


@pytest.mark.parametrize("field, label", [("mrent", "Basic monthly rent"), ("deposit", "cash deposit")])
def test_a_sales_amount_too_big_to_store_is_refused(client_for, coordinator, sales_log, field, label):
    before = stored(SalesLog, sales_log.pk)
    response = post_change(client_for(coordinator), SalesLog, sales_log, **{field: "1e308"})
    assert response.status_code == 200
    page = shown_errors(response)
    assert label.lower() in page.lower() and "enter a number no more than" in page
    assert stored(SalesLog, sales_log.pk) == before


def test_a_tenancy_start_date_in_the_year_9999_is_refused(client_for, coordinator, lettings_log):
    before = stored(LettingsLog, lettings_log.pk)
    response = post_change(client_for(coordinator), LettingsLog, lettings_log, startdate="31/12/9999")
    assert response.status_code == 200
    assert ("Enter a tenancy start date within the current collection year, between 1 April 2026 and "
            "31 March 2027.") in shown_errors(response)
    assert stored(LettingsLog, lettings_log.pk) == before


def test_a_sale_completion_date_in_the_year_9999_is_refused(client_for, coordinator, sales_log):
    before = stored(SalesLog, sales_log.pk)
    response = post_change(client_for(coordinator), SalesLog, sales_log, saledate="31/12/9999")
    assert response.status_code == 200
    assert "sale completion date" in shown_errors(response) and "31 March 2027" in shown_errors(response)
    assert stored(SalesLog, sales_log.pk) == before


# --- list filters and the duplicates page --------------------------------------------------------


@pytest.mark.parametrize("model", ["lettingslog", "saleslog"])
@pytest.mark.parametrize("params", [{"status": "abc"}, {"status": "99"}, {"year": "abc"}, {"year": "99999"},
                                    {"owner": "abc"}, {"manager": "1e9"}, {"assigned": "abc"},
                                    {"bulk_upload": "abc"}])
def test_a_filter_value_that_makes_no_sense_is_ignored(client_for, support, lettings_log, model, params):
    response = client_for(support).get(reverse(f"admin:domain_{model}_changelist"), params)
    assert response.status_code == 200
    if model == "lettingslog":
        assert "OWN-1" in response.content.decode()


def test_a_status_filter_still_filters(client_for, support, lettings_log):
    list_url = reverse("admin:domain_lettingslog_changelist")
    assert "OWN-1" not in client_for(support).get(list_url, {"status": LogStatus.IN_PROGRESS.value}).content.decode()
    assert "OWN-1" in client_for(support).get(list_url, {"status": LogStatus.COMPLETED.value}).content.decode()


@pytest.mark.parametrize("field", ["keep", "not_duplicate"])
@pytest.mark.parametrize("value", ["abc", "", "99999999999999999999"])
def test_keeping_a_log_that_is_not_in_the_set_says_so(client_for, support, org, coordinator, field, value):
    first = saved_log(org, coordinator, tenancycode="TWIN")
    second = saved_log(org, coordinator, tenancycode="TWIN")
    set_id = LettingsLog.objects.get(pk=first.pk).duplicate_set_id
    assert set_id is not None
    response = client_for(support).post(reverse("admin:domain_lettingslog_duplicates", args=[set_id]),
                                        {field: value}, follow=True)
    assert response.status_code == 200
    assert "Choose one of the logs in this set" in response.content.decode()
    assert LettingsLog.objects.filter(pk__in=[first.pk, second.pk], status=LogStatus.COMPLETED).count() == 2


# --- owning and managing organisations are never emptied ------------------------------------------


@pytest.mark.parametrize("field, message", [
    ("owning_organisation", "The owning organisation cannot be removed once it is set."),
    ("managing_organisation", "The managing organisation cannot be removed once it is set."),
])
def test_a_provider_cannot_empty_a_logs_organisation(client_for, org, other_org, provider, field, message):
    relate(stock_owner=other_org, managing_agent=org)
    log = saved_log(other_org, provider, tenancycode="AGENT-1", managing_organisation=org)
    before = stored(LettingsLog, log.pk)
    response = post_change(client_for(provider), LettingsLog, log, **{field: ""})
    assert response.status_code == 200 and message in shown_errors(response)
    assert stored(LettingsLog, log.pk) == before


def test_support_cannot_empty_a_sales_logs_reporting_organisation(client_for, support, sales_log):
    before = stored(SalesLog, sales_log.pk)
    response = post_change(client_for(support), SalesLog, sales_log, managing_organisation="")
    assert "The reporting organisation cannot be removed once it is set." in shown_errors(response)
    assert stored(SalesLog, sales_log.pk) == before


def test_a_logs_organisation_may_still_be_changed(client_for, org, other_org, coordinator):
    relate(stock_owner=org, managing_agent=other_org)
    log = saved_log(org, coordinator, tenancycode="OWN-2")
    post_change(client_for(coordinator), LettingsLog, log, managing_organisation=other_org)
    assert LettingsLog.objects.get(pk=log.pk).managing_organisation_id == other_org.pk


# --- a refused answer changes nothing else --------------------------------------------------------


def test_a_refused_deposit_leaves_the_sale_exactly_as_it_was(client_for, coordinator, sales_log):
    before, versions = stored(SalesLog, sales_log.pk), history_count(SalesLog, sales_log.pk)
    response = post_change(client_for(coordinator), SalesLog, sales_log, deposit="-1")
    assert "enter a number of at least 0" in shown_errors(response)
    after = stored(SalesLog, sales_log.pk)
    assert (after["status"], after["deposit_value_check"], after["deposit"]) == (LogStatus.COMPLETED, 0,
                                                                               before["deposit"])
    assert after == before
    assert history_count(SalesLog, sales_log.pk) == versions


def test_a_refused_answer_beside_an_accepted_one_keeps_only_the_accepted(client_for, coordinator, sales_log):
    before = stored(SalesLog, sales_log.pk)
    post_change(client_for(coordinator), SalesLog, sales_log, deposit="-1", purchid="SO-2")
    after = stored(SalesLog, sales_log.pk)
    assert after["purchid"] == "SO-2"
    assert {name for name in after if after[name] != before[name]} == {"purchid", "updated_at"}


def test_a_text_answer_posted_empty_is_stored_empty(client_for, coordinator, lettings_log):
    """A browser leaves out a radio group with nothing chosen; a hand-made POST may send it empty."""
    response = post_change(client_for(coordinator), LettingsLog, lettings_log, relat2="", tenancycode="OWN-3")
    assert response.status_code == 200
    saved = LettingsLog.objects.get(pk=lettings_log.pk)
    assert (saved.tenancycode, saved.relat2) == ("OWN-3", "")
