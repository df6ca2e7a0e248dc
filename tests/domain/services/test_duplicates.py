"""Duplicate lettings logs: sets kept up to date on save, seen by coordinators and support of the owner,
resolved by keeping one log or by taking out a log that was changed; the resolution is in the history."""

from datetime import date
from unittest.mock import patch

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from domain import access
from domain.models import LettingsLog, LogStatus
from domain.services.duplicates import duplicate_log_not_duplicate, duplicate_set_keep
from domain.services.logs import log_delete, log_save
from tests.lettings_answers import apply, general_needs_answers
from tests.clock import on

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clock():
    with on(date(2026, 10, 1)):
        yield


@pytest.fixture
def save(org, coordinator):
    org.provider_type = 2

    def save(**overrides):
        log = apply(LettingsLog(), general_needs_answers(org, coordinator, **overrides))
        log_save(log=log, by=coordinator)
        return LettingsLog.objects.get(pk=log.pk)

    return save


def test_logs_with_the_same_answers_form_a_set(save):
    first, second = save(), save()
    third = save(tenancycode="T-OTHER")
    first.refresh_from_db()
    assert first.duplicate_set_id is not None
    assert second.duplicate_set_id == first.duplicate_set_id
    assert third.duplicate_set_id is None
    fourth = save()
    assert fourth.duplicate_set_id == first.duplicate_set_id


def test_logs_of_different_owners_are_not_duplicates(save, other_org, coordinator):
    first = save()
    log = apply(LettingsLog(), general_needs_answers(other_org, coordinator))
    other_org.provider_type = 2
    log.assigned_to = None
    log_save(log=log, by=None)
    first.refresh_from_db()
    assert first.duplicate_set_id is None


def test_changing_a_log_takes_it_out_and_a_set_of_one_is_no_set(save, coordinator):
    first, second = save(), save()
    second.tenancycode = "T-CHANGED"
    log_save(log=second, by=coordinator)
    first.refresh_from_db(), second.refresh_from_db()
    assert (first.duplicate_set_id, second.duplicate_set_id) == (None, None)


def test_deleting_a_log_tidies_its_set(save, coordinator):
    first, second = save(), save()
    log_delete(log=second, by=coordinator, reason="Entered twice")
    first.refresh_from_db()
    assert first.duplicate_set_id is None


def test_coordinators_and_support_see_sets_of_their_scope_only(save, coordinator, other_coordinator, support,
                                                              provider, statistician):
    first, second = save(), save()
    assert set(access.duplicate_lettings_logs(coordinator)) == {first, second}
    assert set(access.duplicate_lettings_logs(support)) == {first, second}
    assert not access.duplicate_lettings_logs(other_coordinator).exists()
    assert not access.duplicate_lettings_logs(provider).exists()
    assert not access.duplicate_lettings_logs(statistician).exists()
    assert access.can_resolve_duplicates(coordinator, first)
    assert not access.can_resolve_duplicates(other_coordinator, first)


def test_keeping_one_log_deletes_the_others_with_the_reason_in_history(save, coordinator):
    first, second, third = save(), save(), save()
    set_id = third.duplicate_set_id
    assert duplicate_set_keep(set_id=set_id, keep=second, by=coordinator) == [first.pk, third.pk]
    first.refresh_from_db(), second.refresh_from_db()
    assert (first.status, first.deletion_reason, first.duplicate_set_id) == (LogStatus.DELETED,
                                                                              f"Duplicate of log {second.pk}", None)
    assert second.duplicate_set_id is None and second.discarded_at is None
    assert first.history.first().history_change_reason == f"Deleted as a duplicate of log {second.pk}"
    assert second.history.first().history_change_reason.startswith(f"Kept as the only log of duplicate set {set_id}")


def test_another_organisation_cannot_resolve_the_set(save, other_coordinator):
    first, _second = save(), save()
    first.refresh_from_db()
    with pytest.raises(ValidationError):
        duplicate_set_keep(set_id=first.duplicate_set_id, keep=first, by=other_coordinator)
    with pytest.raises(PermissionDenied):
        duplicate_log_not_duplicate(log=first, by=other_coordinator)


def test_not_a_duplicate_only_once_the_answers_differ(save, coordinator):
    first, second = save(), save()
    first.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        duplicate_log_not_duplicate(log=first, by=coordinator)
    assert error.value.messages[0].startswith(f"Log {first.pk} still has the same answers as log {second.pk}.")
    LettingsLog.objects.filter(pk=second.pk).update(tenancycode="T-AMENDED")  # amended elsewhere
    duplicate_log_not_duplicate(log=first, by=coordinator)
    first.refresh_from_db(), second.refresh_from_db()
    assert (first.duplicate_set_id, second.duplicate_set_id) == (None, None)
    assert first.history.first().history_change_reason.startswith("Marked as not a duplicate")


def test_duplicates_pages(save, client_for, coordinator, other_coordinator):
    first, second = save(), save()
    first.refresh_from_db()
    list_url = reverse("admin:domain_lettingslog_duplicates_list")
    set_url = reverse("admin:domain_lettingslog_duplicates", args=[first.duplicate_set_id])

    other = client_for(other_coordinator)
    assert "There are no duplicate logs to review." in other.get(list_url).content.decode()
    assert other.get(set_url).status_code == 404

    client = client_for(coordinator)
    page = client.get(list_url).content.decode()
    assert f"Log {first.pk}, Log {second.pk}" in page
    assert client.get(set_url).status_code == 200
    response = client.post(set_url, {"keep": first.pk}, follow=True)
    assert f"Kept log {first.pk} and deleted log {second.pk}." in response.content.decode()
    second.refresh_from_db()
    assert second.status == LogStatus.DELETED


def test_providers_cannot_open_the_duplicates_pages(save, client_for, provider):
    assert client_for(provider).get(reverse("admin:domain_lettingslog_duplicates_list")).status_code == 403
