"""Two reviewers acting on the same log at once: the row lock serialises them, so the log never ends in an
impossible state (approved with an open query, or approved twice)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from domain.models import LettingsLog, QueryStatus, Role
from domain.services.lettings import lettings_log_save
from domain.services.reviews import review_approve, review_approve_many, review_query_open
from tests.factories import make_user
from tests.lettings_answers import apply, general_needs_answers

pytestmark = pytest.mark.django_db(transaction=True)


def saved_log(owner, user, **overrides):
    log = apply(LettingsLog(), general_needs_answers(owner, user, **overrides))
    lettings_log_save(log=log, by=user)
    return LettingsLog.objects.get(pk=log.pk)


def at_once(*jobs):
    """Run the jobs in threads that start together; each returns "ok" or the refusal's message."""
    barrier = threading.Barrier(len(jobs))
    results = [None] * len(jobs)

    def run(index, job):
        barrier.wait()
        try:
            job()
            results[index] = "ok"
        except ValidationError as error:
            results[index] = error.messages[0]
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n, job)) for n, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.parametrize("attempt", range(3))
def test_an_approval_and_a_query_at_once_leave_the_log_returned(attempt, org, provider, coordinator, support):
    log = saved_log(org, provider)
    approve, query = at_once(
        lambda: review_approve(log=LettingsLog.objects.get(pk=log.pk), user=coordinator),
        lambda: review_query_open(log=LettingsLog.objects.get(pk=log.pk), field="brent", user=support, text="Rent?"),
    )
    assert query == "ok"
    log.refresh_from_db()
    assert log.review_state == "returned"
    assert log.review_queries.filter(status=QueryStatus.OPEN).count() == 1
    states = list(log.history.order_by("history_id").values_list("review_state", flat=True))
    if approve == "ok":  # approved first, then returned by the query
        assert states[-2:] == ["approved", "returned"]
    else:  # the query came first: the approval saw it and was refused
        assert "open query" in approve
        assert "approved" not in states


def test_two_bulk_approvals_at_once_approve_each_log_once(org, provider, coordinator):
    other = make_user(org, Role.DATA_COORDINATOR, email="second@greenfield.test")
    logs = [saved_log(org, provider, tenancycode=f"T-{n}") for n in range(5)]
    ids = [log.pk for log in logs]
    at_once(
        lambda: review_approve_many(logs=LettingsLog.objects.filter(pk__in=ids), user=coordinator),
        lambda: review_approve_many(logs=LettingsLog.objects.filter(pk__in=ids), user=other),
    )
    assert LettingsLog.objects.filter(pk__in=ids, review_state="approved").count() == 5
    for log in logs:
        assert log.history.filter(history_change_reason="Approved").count() == 1
