"""Merge requests in the console: support only (everyone else 404), the form's checks, the preview, and a
confirmed "Begin merge" that queues the job."""

from datetime import date

import pytest
from django.urls import reverse

from domain.models import MergeRequest, MergeStatus
from tests.factories import make_lettings_log, make_organisation

pytestmark = pytest.mark.django_db
ADD = reverse("admin:domain_mergerequest_add")


def form(absorbing, merging, **extra):
    return {"absorbing_organisation": absorbing.pk, "merging_organisations": [o.pk for o in merging],
            "merge_date": "1/7/2026", "existing_absorbing_organisation": "True", "has_helpdesk_ticket": "False",
            "helpdesk_ticket": "", **extra}


@pytest.fixture
def orgs():
    return make_organisation(name="Absorbing Homes"), make_organisation(name="Merging Homes")


def test_support_creates_a_request_and_sees_the_preview(client_for, support, orgs):
    absorbing, merging = orgs
    make_lettings_log(merging, startdate=date(2026, 5, 2))
    client = client_for(support)
    response = client.post(ADD, form(absorbing, [merging]))
    assert response.status_code == 302, response.content.decode()[-3000:]
    merge_request = MergeRequest.objects.get()
    assert merge_request.status == MergeStatus.READY and merge_request.requester == support
    body = client.get(reverse("admin:domain_mergerequest_change", args=[merge_request.pk])).content.decode()
    assert "Ready to merge" in body and "1 lettings log and 0 sales logs" in body


def test_a_helpdesk_ticket_number_is_needed_when_there_is_one(client_for, support, orgs):
    body = client_for(support).post(ADD, form(*orgs[:1], [orgs[1]], has_helpdesk_ticket="True")).content.decode()
    assert "Enter the helpdesk ticket number" in body and not MergeRequest.objects.exists()


def test_begin_merge_is_confirmed_then_queued(client_for, support, orgs, django_capture_on_commit_callbacks):
    absorbing, merging = orgs
    client = client_for(support)
    client.post(ADD, form(absorbing, [merging]))
    merge_request = MergeRequest.objects.get()
    url = reverse("admin:domain_mergerequest_begin_merge", args=[merge_request.pk])
    assert "cannot be undone" in client.get(url).content.decode()
    merge_request.refresh_from_db()
    assert not merge_request.processing
    from unittest import mock

    with mock.patch("django_q.tasks.async_task") as queued, django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    queued.assert_called_once_with("domain.tasks.merge_request_process", merge_request.pk, support.pk)
    merge_request.refresh_from_db()
    assert merge_request.status == MergeStatus.PROCESSING and merge_request.total_users is not None


def test_a_request_whose_absorbing_organisation_has_not_signed_cannot_begin(client_for, support, orgs):
    unsigned = make_organisation(name="Unsigned", dsa_signed=False)
    client = client_for(support)
    client.post(ADD, form(unsigned, [orgs[1]]))
    merge_request = MergeRequest.objects.get()
    assert merge_request.status == MergeStatus.ISSUES
    body = client.get(reverse("admin:domain_mergerequest_change", args=[merge_request.pk])).content.decode()
    assert "Unsigned has not accepted the data sharing agreement" in body
    client.post(reverse("admin:domain_mergerequest_begin_merge", args=[merge_request.pk]))
    merge_request.refresh_from_db()
    assert not merge_request.processing


def test_everyone_else_gets_404(client_for, coordinator, statistician, orgs):
    merge_request = MergeRequest.objects.create(absorbing_organisation=orgs[0])
    for user in (coordinator, statistician):
        client = client_for(user)
        assert client.get(reverse("admin:domain_mergerequest_change", args=[merge_request.pk])).status_code == 404
        assert client.post(reverse("admin:domain_mergerequest_begin_merge",
                                   args=[merge_request.pk])).status_code == 404
        assert client.get(ADD).status_code == 403


def test_support_deletes_a_request(client_for, support, orgs):
    merge_request = MergeRequest.objects.create(absorbing_organisation=orgs[0])
    client_for(support).post(reverse("admin:domain_mergerequest_delete_request", args=[merge_request.pk]))
    merge_request.refresh_from_db()
    assert merge_request.status == MergeStatus.DELETED


def test_the_absorbing_coordinator_reviews_duplicate_schemes(client_for, coordinator, org, other_coordinator):
    from tests.factories import make_scheme

    make_scheme(org, service_name="Court House")
    make_scheme(org, service_name="Court House")
    url = reverse("admin_console:duplicate_schemes", args=[org.pk])
    body = client_for(coordinator).get(url).content.decode()
    assert body.count('data-testid="duplicate-group"') == 1
    client_for(coordinator).post(url)
    org.refresh_from_db()
    assert org.schemes_deduplicated_at is not None
    assert client_for(other_coordinator).get(url).status_code == 404
