"""Deleting and restoring a log change it only on a POST with the CSRF token, and a log that may be seen
but not changed opens on a read-only page (answers by their labels, nothing to save)."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from domain.models import LettingsLog
from domain.models.logs import LogStatus
from tests.admin_console.log_form_data import change_form_data
from tests.admin_console.test_lettings_admin import saved_log
from tests.clock import moment

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_log(org, coordinator):
    return saved_log(org, coordinator, tenancycode="OWN-1")


@pytest.fixture
def deleted_log(own_log):
    LettingsLog.objects.filter(pk=own_log.pk).update(status=LogStatus.DELETED, discarded_at=timezone.now(),
                                                     deletion_reason="Entered twice")
    return own_log


def url(name, log):
    return reverse(f"admin:domain_lettingslog_{name}", args=[log.pk])


def stored(log) -> dict:
    """Every column of the saved row."""
    fresh = LettingsLog.objects.get(pk=log.pk)
    return {f.attname: getattr(fresh, f.attname) for f in LettingsLog._meta.concrete_fields}


def csrf_client(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


# --- restore and delete: a page on GET, a change only on a POST with the token ------------------


def test_opening_restore_shows_a_confirmation_and_restores_nothing(client_for, support, deleted_log):
    page = client_for(support).get(url("restore_log", deleted_log)).content.decode()
    assert "Restore this log" in page and 'method="post"' in page and "csrfmiddlewaretoken" in page
    assert LettingsLog.objects.get(pk=deleted_log.pk).status == LogStatus.DELETED


def test_restore_without_the_csrf_token_is_refused(support, deleted_log):
    response = csrf_client(support).post(url("restore_log", deleted_log))
    assert response.status_code == 403
    assert LettingsLog.objects.get(pk=deleted_log.pk).status == LogStatus.DELETED


def test_restore_with_the_csrf_token_restores(support, deleted_log):
    client = csrf_client(support)
    token = client.get(url("restore_log", deleted_log)).context["csrf_token"]
    response = client.post(url("restore_log", deleted_log), {"csrfmiddlewaretoken": str(token)})
    assert response.status_code == 302
    log = LettingsLog.objects.get(pk=deleted_log.pk)
    assert (log.status, log.discarded_at) == (LogStatus.COMPLETED, None)


def test_opening_delete_shows_the_form_and_deletes_nothing(client_for, coordinator, own_log):
    before = stored(own_log)
    page = client_for(coordinator).get(url("delete_log", own_log)).content.decode()
    assert "Delete this log" in page and 'method="post"' in page
    assert stored(own_log) == before


def test_delete_without_the_csrf_token_is_refused(coordinator, own_log):
    before = stored(own_log)
    assert csrf_client(coordinator).post(url("delete_log", own_log), {"reason": "Twice"}).status_code == 403
    assert stored(own_log) == before


def test_provider_deletes_a_log_assigned_to_them(client_for, org, provider):
    log = saved_log(org, provider, tenancycode="MINE-1")
    client_for(provider).post(url("delete_log", log), {"reason": "Entered by mistake"})
    assert LettingsLog.objects.get(pk=log.pk).status == LogStatus.DELETED


def test_provider_cannot_delete_a_colleagues_log(client_for, provider, own_log):
    before = stored(own_log)
    assert client_for(provider).post(url("delete_log", own_log), {"reason": "no"}).status_code == 403
    assert stored(own_log) == before


# --- the read-only page ---------------------------------------------------------------------------


def assert_read_only_page(response, reason: str):
    page = response.content.decode()
    assert response.status_code == 200
    assert "General needs" in page and "Social Rent" in page and "OWN-1" in page  # answers by their labels
    assert reason in page
    assert 'name="_save"' not in page and "_continue" not in page and "Save" not in page


def test_statistician_reads_a_log_on_the_read_only_page(client_for, statistician, own_log):
    assert_read_only_page(client_for(statistician).get(url("change", own_log)),
                          "You can view logs but not change them.")


def test_support_reads_a_deleted_log_and_may_restore_it(client_for, support, deleted_log):
    response = client_for(support).get(url("change", deleted_log))
    assert_read_only_page(response, "(Entered twice). Customer support can restore it.")
    assert url("restore_log", deleted_log) in response.content.decode()


@pytest.mark.parametrize("role", ["coordinator", "support"])
def test_a_log_of_a_closed_year_opens_read_only_for_everyone(request, clock, client_for, own_log, role):
    clock.move_to(moment(date(2027, 7, 31)))
    response = client_for(request.getfixturevalue(role)).get(url("change", own_log))
    assert_read_only_page(response, "The 2026 to 2027 collection year closed for changes on 31 July 2027")
    assert url("restore_log", own_log) not in response.content.decode()


def test_a_post_from_someone_who_may_only_view_changes_nothing(clock, client_for, coordinator, statistician,
                                                              support, own_log):
    data = change_form_data(client_for(coordinator), url("change", own_log), tenancycode="CHANGED")
    before = stored(own_log)
    assert client_for(statistician).post(url("change", own_log), data).status_code == 403
    clock.move_to(moment(date(2027, 7, 31)))
    assert client_for(support).post(url("change", own_log), data).status_code == 403
    assert stored(own_log) == before


def test_someone_who_may_change_the_log_still_gets_the_form(client_for, coordinator, own_log):
    response = client_for(coordinator).get(url("change", own_log))
    assert response.status_code == 200 and 'name="_save"' in response.content.decode()


def test_statistician_reads_a_sales_log_on_the_read_only_page(client_for, statistician, org, coordinator):
    from domain.models import LocalAuthority, SalesLog
    from domain.services.logs import log_save
    from tests.lettings_answers import apply
    from tests.sales_answers import discounted_ownership_answers

    LocalAuthority.objects.create(code="E08000039", name="Sheffield", start_date=date(2025, 4, 1))
    sale = apply(SalesLog(), discounted_ownership_answers(org, coordinator))
    log_save(log=sale, by=coordinator)
    response = client_for(statistician).get(reverse("admin:domain_saleslog_change", args=[sale.pk]))
    page = response.content.decode()
    assert response.status_code == 200 and "Right to Buy" in page and "You can view logs but not change them." in page
    assert 'name="_save"' not in page


def test_opening_a_sales_logs_restore_page_restores_nothing(client_for, support, org, coordinator):
    from domain.models import SalesLog
    from tests.lettings_answers import apply
    from tests.sales_answers import discounted_ownership_answers

    sale = apply(SalesLog(), discounted_ownership_answers(org, coordinator))
    sale.status, sale.discarded_at = LogStatus.DELETED, timezone.now()
    sale.save()
    restore = reverse("admin:domain_saleslog_restore_log", args=[sale.pk])
    assert "Restore this log" in client_for(support).get(restore).content.decode()
    assert SalesLog.objects.get(pk=sale.pk).status == LogStatus.DELETED
    client_for(support).post(restore)
    assert SalesLog.objects.get(pk=sale.pk).discarded_at is None
