"""The lettings log pages: who sees which logs, searching, choice lists, deleting and restoring."""

from datetime import date

import pytest
from django.urls import reverse

from domain.models import LettingsLog
from domain.models.logs import LogStatus
from domain.services.logs import log_save
from tests.factories import relate
from tests.lettings_answers import apply, general_needs_answers

pytestmark = pytest.mark.django_db
LIST = reverse("admin:domain_lettingslog_changelist")


def saved_log(owner, user, **overrides):
    log = apply(LettingsLog(), general_needs_answers(owner, user, **overrides))
    log_save(log=log, by=user)
    return log


@pytest.fixture
def own_log(org, coordinator):
    return saved_log(org, coordinator, tenancycode="OWN-1", postcode_full="S1 2AB")


@pytest.fixture
def other_log(other_org, other_coordinator):
    return saved_log(other_org, other_coordinator, tenancycode="OTHER-1", postcode_full="LS1 4AP")


def listed(client, **params):
    return client.get(LIST, params).content.decode()


def test_provider_lists_own_organisations_logs_only(client_for, provider, own_log, other_log):
    page = listed(client_for(provider))
    assert "OWN-1" in page and "OTHER-1" not in page


def test_provider_opening_another_organisations_log_gets_nothing(client_for, provider, other_log):
    response = client_for(provider).get(reverse("admin:domain_lettingslog_change", args=[other_log.pk]), follow=True)
    assert "OTHER-1" not in response.content.decode()
    answers = client_for(provider).get(reverse("admin:domain_lettingslog_answers", args=[other_log.pk]))
    assert answers.status_code == 404


def test_a_managing_agent_sees_logs_it_manages_for_a_stock_owner(client_for, org, other_org, other_coordinator, provider):
    relate(stock_owner=other_org, managing_agent=org)
    saved_log(other_org, other_coordinator, tenancycode="MANAGED-1", managing_organisation=org, assigned_to=None)
    assert "MANAGED-1" in listed(client_for(provider))


def test_support_and_statistician_list_every_log(client_for, support, statistician, own_log, other_log):
    for user in (support, statistician):
        page = listed(client_for(user))
        assert "OWN-1" in page and "OTHER-1" in page


def test_search_by_log_id_tenant_code_and_postcode(client_for, support, own_log, other_log):
    client = client_for(support)
    by_id = listed(client, q=f"log{own_log.pk}")
    assert "OWN-1" in by_id and "OTHER-1" not in by_id, (own_log.pk, other_log.pk)
    assert "OTHER-1" in listed(client, q="other-1")
    by_postcode = listed(client, q="s12ab")
    assert "OWN-1" in by_postcode and "OTHER-1" not in by_postcode


def test_filters_by_status_and_collection_year(client_for, support, own_log, other_log):
    other_log.status = LogStatus.IN_PROGRESS
    LettingsLog.objects.filter(pk=other_log.pk).update(status=LogStatus.IN_PROGRESS)
    page = listed(client_for(support), status=str(LogStatus.COMPLETED.value), year="2026")
    assert "OWN-1" in page and "OTHER-1" not in page
    assert "OWN-1" not in listed(client_for(support), year="2025")


def test_owning_organisation_choices_are_limited(client_for, provider, org, other_org):
    page = client_for(provider).get(reverse("admin:domain_lettingslog_add")).content.decode()
    assert "Greenfield Housing" in page and "Unrelated Homes" not in page


def test_provider_cannot_post_a_log_for_an_unrelated_owner(client_for, provider, other_org):
    response = client_for(provider).post(reverse("admin:domain_lettingslog_add"), {
        "owning_organisation": other_org.pk, "managing_organisation": other_org.pk, "needstype": 1})
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert not LettingsLog.objects.exists()


def test_statistician_cannot_add_or_change_logs(client_for, statistician, own_log):
    client = client_for(statistician)
    assert client.get(reverse("admin:domain_lettingslog_add")).status_code == 403
    assert client.post(reverse("admin:domain_lettingslog_change", args=[own_log.pk]), {"tenancycode": "X"}).status_code == 403


def test_coordinator_deletes_with_a_reason_and_support_restores(client_for, coordinator, support, own_log):
    url = reverse("admin:domain_lettingslog_delete_log", args=[own_log.pk])
    client = client_for(coordinator)
    assert "Say why" in client.post(url, {"reason": " "}, follow=True).content.decode()
    own_log.refresh_from_db()
    assert own_log.discarded_at is None
    client.post(url, {"reason": "Entered twice by mistake"})
    own_log.refresh_from_db()
    assert (own_log.status, own_log.deletion_reason) == (LogStatus.DELETED, "Entered twice by mistake")
    assert "OWN-1" not in listed(client)
    assert own_log.history.latest().history_user == coordinator

    support_client = client_for(support)
    assert "OWN-1" in listed(support_client, status=str(LogStatus.DELETED.value))
    restore = reverse("admin:domain_lettingslog_restore_log", args=[own_log.pk])
    assert "Restore this log" in support_client.get(restore).content.decode()
    own_log.refresh_from_db()
    assert own_log.status == LogStatus.DELETED  # opening the page restores nothing
    support_client.post(restore)
    own_log.refresh_from_db()
    assert (own_log.discarded_at, own_log.status) == (None, LogStatus.COMPLETED)


def test_provider_cannot_delete_and_coordinator_cannot_restore(client_for, provider, coordinator, own_log):
    response = client_for(provider).post(reverse("admin:domain_lettingslog_delete_log", args=[own_log.pk]),
                                         {"reason": "no"})
    assert response.status_code == 403
    own_log.refresh_from_db()
    assert own_log.discarded_at is None
    response = client_for(coordinator).get(reverse("admin:domain_lettingslog_restore_log", args=[own_log.pk]))
    assert response.status_code == 403


def test_check_answers_page_lists_answers_with_change_links(client_for, coordinator, own_log):
    page = client_for(coordinator).get(reverse("admin:domain_lettingslog_answers", args=[own_log.pk])).content.decode()
    assert "Social Rent" in page and "General needs" in page
    assert f"/domain/lettingslog/{own_log.pk}/change/#id_rent_type" in page


def test_every_change_is_in_the_history(client_for, coordinator, own_log):
    own_log.tenancycode = "OWN-2"
    log_save(log=own_log, by=coordinator)
    assert [h.tenancycode for h in own_log.history.order_by("history_date")] == ["OWN-1", "OWN-2"]
    page = client_for(coordinator).get(reverse("admin:domain_lettingslog_history", args=[own_log.pk])).content.decode()
    assert "OWN-2" in page or "Tenancycode" in page or "tenancycode" in page


def test_list_filters_to_the_logs_of_one_bulk_upload(client_for, coordinator, org, own_log, other_log):
    from domain.models import BulkUpload

    upload = BulkUpload.objects.create(log_type="lettings", year=2026, uploaded_by=coordinator, organisation=org,
                                       file_name="march.csv", file_key="uploads/march.csv")
    LettingsLog.objects.filter(pk=own_log.pk).update(bulk_upload=upload)
    page = listed(client_for(coordinator), bulk_upload=str(upload.pk))
    assert "OWN-1" in page and "OTHER-1" not in page


def test_sales_list_shows_the_type_of_sale_by_its_label(client_for, support, org, coordinator):
    from domain.models import LocalAuthority, SalesLog
    from domain.services.logs import log_save
    from tests.sales_answers import discounted_ownership_answers

    LocalAuthority.objects.create(code="E08000039", name="Sheffield", start_date=date(2025, 4, 1))
    sale = apply(SalesLog(), discounted_ownership_answers(org, coordinator))
    log_save(log=sale, by=coordinator)
    page = client_for(support).get(reverse("admin:domain_saleslog_changelist")).content.decode()
    assert "Right to Buy" in page and "Discounted Ownership" in page
