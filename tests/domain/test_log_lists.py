"""Deleting and reassigning many logs from a list: each log checked on its own, who may, and the history."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from domain import access
from domain.models import LettingsLog, LogStatus, Role
from domain.services.lettings import lettings_log_save
from domain.services.log_lists import logs_delete_many, logs_reassign_many
from domain.services.reviews import review_approve
from tests.factories import make_user
from tests.lettings_answers import apply, general_needs_answers

pytestmark = pytest.mark.django_db


def saved_log(owner, user, **overrides):
    log = apply(LettingsLog(), general_needs_answers(owner, user, **overrides))
    lettings_log_save(log=log, by=user)
    return LettingsLog.objects.get(pk=log.pk)


def test_a_coordinator_deletes_the_logs_they_may_and_hears_why_not_for_the_rest(org, provider, coordinator,
                                                                                other_org, other_provider, clock):
    ours = [saved_log(org, provider, tenancycode=f"OURS-{n}") for n in range(2)]
    old = saved_log(org, provider, tenancycode="OLD")
    theirs = saved_log(other_org, other_provider, tenancycode="THEIRS")
    # In August 2026 a 2025 log may still be changed, but its year no longer takes new logs.
    LettingsLog.objects.filter(pk=old.pk).update(startdate=date(2025, 6, 1))
    clock.move_to("2026-08-01 12:00")
    every = LettingsLog.objects.all()
    outcome = logs_delete_many(logs=every, by=coordinator, reason="Entered twice")
    assert sorted(outcome.done) == sorted(log.pk for log in ours)
    assert dict(outcome.refused) == {
        old.pk: "Its collection year no longer accepts new logs, so it can no longer be deleted.",
        theirs.pk: "You cannot delete this log.",
    }
    assert set(LettingsLog.objects.filter(status=LogStatus.DELETED).values_list("tenancycode", flat=True)) == {
        "OURS-0", "OURS-1"}
    latest = LettingsLog.objects.get(pk=ours[0].pk).history.order_by("-history_id").first()
    assert (latest.history_user_id, latest.deletion_reason) == (coordinator.pk, "Entered twice")


def test_providers_and_statisticians_cannot_delete_from_a_list(provider, statistician, org):
    saved_log(org, provider)
    for user in (provider, statistician):
        assert access.can_bulk_delete_logs(user) is False
        with pytest.raises(PermissionDenied):
            logs_delete_many(logs=LettingsLog.objects.all(), by=user, reason="x")


def test_deleting_needs_a_reason(org, provider, coordinator):
    saved_log(org, provider)
    with pytest.raises(ValidationError, match="Say why"):
        logs_delete_many(logs=LettingsLog.objects.all(), by=coordinator, reason=" ")
    assert not LettingsLog.objects.filter(status=LogStatus.DELETED).exists()


def test_reassigning_gives_logs_to_a_colleague_and_keeps_approvals(org, provider, coordinator, other_org,
                                                                   other_provider):
    colleague = make_user(org, Role.DATA_PROVIDER, name="Colin Colleague")
    approved = saved_log(org, provider, tenancycode="APPR")
    review_approve(log=approved, user=coordinator)
    waiting = saved_log(org, provider, tenancycode="WAIT")
    theirs = saved_log(other_org, other_provider, tenancycode="THEIRS")
    outcome = logs_reassign_many(logs=LettingsLog.objects.all(), by=coordinator, to=colleague)
    assert sorted(outcome.done) == sorted([approved.pk, waiting.pk])
    assert dict(outcome.refused) == {theirs.pk: "You cannot change this log."}
    approved.refresh_from_db()
    assert (approved.assigned_to_id, approved.review_state) == (colleague.pk, "approved")
    latest = approved.history.order_by("-history_id").first()
    assert (latest.history_change_reason, latest.history_user_id, latest.assigned_to_id) == (
        "Reassigned to Colin Colleague", coordinator.pk, colleague.pk)


def test_a_log_cannot_go_to_someone_outside_its_organisations(org, provider, support, other_provider):
    log = saved_log(org, provider)
    outcome = logs_reassign_many(logs=LettingsLog.objects.all(), by=support, to=other_provider)
    assert outcome.refused == [(log.pk, "Olive Other does not work for the log's owning or managing organisation.")]
    log.refresh_from_db()
    assert log.assigned_to_id == provider.pk


def test_a_provider_cannot_reassign(org, provider):
    saved_log(org, provider)
    with pytest.raises(PermissionDenied):
        logs_reassign_many(logs=LettingsLog.objects.all(), by=provider, to=provider)
