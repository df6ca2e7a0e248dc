"""Reviewing logs (issue 13): every transition of the review table, who may make it (a can/cannot matrix
over the roles), queries and their threads, what the history records, and bulk approval."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from domain import access
from domain.models import LettingsLog, LogStatus, QueryStatus, ReviewState, Role, SalesLog
from domain.services import reviews
from domain.services.lettings import lettings_log_save
from domain.services.reviews import (
    review_approve,
    review_approve_many,
    review_query_open,
    review_query_reopen,
    review_query_reply,
    review_query_resolve,
)
from domain.services.sales import sales_log_save
from tests.factories import make_local_authority, make_organisation, make_user, relate
from tests.lettings_answers import apply, general_needs_answers
from tests.sales_answers import shared_ownership_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def complete(org, provider):
    """A completed lettings log of the organisation, saved by its provider through the pipeline."""

    def make(owner=None, user=None, **overrides):
        log = apply(LettingsLog(), general_needs_answers(owner or org, user or provider, **overrides))
        lettings_log_save(log=log, by=user or provider)
        return LettingsLog.objects.get(pk=log.pk)

    return make


def reasons(log):
    return [(row.review_state, row.history_change_reason, row.history_user_id) for row in
            log.history.order_by("history_date", "history_id")]


# --- following the log's completion ----------------------------------------------------------------


def test_a_completed_log_awaits_review_and_its_history_says_so(complete, provider):
    log = complete()
    assert log.status == LogStatus.COMPLETED
    assert log.review_state == "awaiting_review"
    assert reasons(log)[-1] == ("awaiting_review", "Completed: awaiting review", provider.pk)


def test_a_log_in_progress_is_not_submitted(org, provider):
    log = apply(LettingsLog(), general_needs_answers(org, provider, age1=None))
    lettings_log_save(log=log, by=provider)
    log.refresh_from_db()
    assert log.status == LogStatus.IN_PROGRESS
    assert log.review_state == "not_submitted"


def test_a_log_no_longer_complete_goes_back_to_not_submitted(complete, provider):
    log = complete()
    log.age1 = None
    lettings_log_save(log=log, by=provider)
    log.refresh_from_db()
    assert log.review_state == "not_submitted"
    assert reasons(log)[-1][1] == "No longer complete: back to not submitted"


def test_changing_an_answer_of_an_approved_log_puts_it_back_to_awaiting_review(complete, provider, coordinator):
    log = complete()
    review_approve(log=log, user=coordinator)
    log = LettingsLog.objects.get(pk=log.pk)
    assert (log.review_state, log.approved_by_id) == ("approved", coordinator.pk)
    log.brent = Decimal("110.00")
    lettings_log_save(log=log, by=provider)
    log.refresh_from_db()
    assert log.review_state == "awaiting_review"
    assert log.approved_at is None and log.approved_by_id is None
    history = reasons(log)
    assert history[-2] == ("approved", "Approved", coordinator.pk)
    assert history[-1][0] == "awaiting_review"
    # The rent's question is named (and the total it feeds, shown on the form); derived weekly values are not.
    assert history[-1][1].startswith("Changed after approval: " + reviews.question_label(log, "brent"))
    assert "Wrent" not in history[-1][1]
    assert history[-1][2] == provider.pk


def test_saving_an_approved_log_without_changing_an_answer_keeps_it_approved(complete, provider, coordinator):
    log = complete()
    review_approve(log=log, user=coordinator)
    log = LettingsLog.objects.get(pk=log.pk)
    lettings_log_save(log=log, by=provider)
    log.refresh_from_db()
    assert log.review_state == "approved"


def test_a_save_of_a_log_loaded_before_it_was_approved_does_not_undo_the_approval(complete, provider, coordinator):
    stale = complete()
    review_approve(log=LettingsLog.objects.get(pk=stale.pk), user=coordinator)
    stale.tenancycode = "T-CHANGED"  # the provider's copy still says awaiting review
    lettings_log_save(log=stale, by=provider)
    stale.refresh_from_db()
    assert stale.review_state == "awaiting_review"  # changed after approval, not silently approved or lost
    assert reasons(stale)[-1][1].startswith("Changed after approval")


def test_logs_of_an_organisation_that_needs_no_approval_are_approved_automatically(org, complete, provider):
    org.logs_need_approval = False
    org.save()
    log = complete()
    assert log.review_state == "approved"
    assert log.approved_by_id is None and log.approved_at is not None
    assert reasons(log)[-1][1] == "Completed: approved automatically (no approval needed)"
    log.brent = Decimal("120.00")
    lettings_log_save(log=log, by=provider)
    log.refresh_from_db()
    assert log.review_state == "approved"


def test_approval_is_needed_when_either_organisation_asks_for_it(org, provider, complete):
    agent = make_organisation(name="Agent Homes", holds_own_stock=False)
    relate(org, agent)
    org.logs_need_approval = False
    org.save()
    log = complete(managing_organisation=agent)
    assert log.review_state == "awaiting_review"


def test_new_organisations_need_approval_by_default():
    assert make_organisation().logs_need_approval is True


def test_sales_logs_follow_the_same_review(org, provider, coordinator):
    make_local_authority(code="E08000039", name="Sheffield")
    log = apply(SalesLog(), shared_ownership_answers(org, provider))
    sales_log_save(log=log, by=provider)
    log = SalesLog.objects.get(pk=log.pk)
    assert (log.status, log.review_state) == (LogStatus.COMPLETED, "awaiting_review")
    query = review_query_open(log=log, field="purchid", user=coordinator, text="Is this the right code?")
    assert SalesLog.objects.get(pk=log.pk).review_state == "returned"
    review_query_resolve(query=query, user=coordinator)
    review_approve(log=log, user=coordinator)
    assert SalesLog.objects.get(pk=log.pk).review_state == "approved"


# --- the table -----------------------------------------------------------------------------------


def test_the_table_allows_only_its_transitions():
    states = [s.value for s in ReviewState]
    events = {event for _, event in reviews.TRANSITIONS}
    for state in states:
        for event in events:
            if (state, event) in reviews.TRANSITIONS:
                assert reviews.next_state(state, event) in states
            else:
                with pytest.raises(ValidationError):
                    reviews.next_state(state, event)
    # Nothing approves a returned log; only resolving its queries moves it on.
    assert ("returned", "approve") not in reviews.TRANSITIONS
    assert reviews.next_state("returned", "resolve") == "awaiting_review"


# --- approving: who may, and when ---------------------------------------------------------------


def reviewer_matrix(org, other_org):
    """(role, organisation, may review) for every role, inside and outside the log's organisations."""
    return [
        (Role.DATA_COORDINATOR, org, True),
        (Role.SUPPORT, None, True),
        (Role.DATA_PROVIDER, org, False),
        (Role.STATISTICIAN, None, False),
        (Role.DATA_COORDINATOR, other_org, False),
        (Role.DATA_PROVIDER, other_org, False),
    ]


@pytest.mark.parametrize("case", range(6))
def test_who_may_approve(case, org, other_org, complete):
    role, organisation, may = reviewer_matrix(org, other_org)[case]
    user = make_user(organisation, role)
    log = complete()
    assert access.can_review_log(user, log) is may
    assert access.reviewable_logs(user, LettingsLog).filter(pk=log.pk).exists() is may
    if may:
        review_approve(log=log, user=user)
        assert LettingsLog.objects.get(pk=log.pk).review_state == "approved"
    else:
        with pytest.raises(PermissionDenied):
            review_approve(log=log, user=user)
        assert LettingsLog.objects.get(pk=log.pk).review_state == "awaiting_review"


@pytest.mark.parametrize("case", range(6))
def test_who_may_open_and_resolve_a_query(case, org, other_org, complete, coordinator):
    role, organisation, may = reviewer_matrix(org, other_org)[case]
    user = make_user(organisation, role)
    log = complete()
    if may:
        query = review_query_open(log=log, field="brent", user=user, text="Check the rent")
        review_query_resolve(query=query, user=user)
    else:
        with pytest.raises(PermissionDenied):
            review_query_open(log=log, field="brent", user=user, text="Check the rent")
        query = review_query_open(log=log, field="brent", user=coordinator, text="Check the rent")
        with pytest.raises(PermissionDenied):
            review_query_resolve(query=query, user=user)
        assert LettingsLog.objects.get(pk=log.pk).review_state == "returned"


def test_the_coordinator_of_the_managing_agent_reviews_too(org, provider):
    agent = make_organisation(name="Agent Homes", holds_own_stock=False)
    relate(org, agent)
    agent_coordinator = make_user(agent, Role.DATA_COORDINATOR)
    log = apply(LettingsLog(), general_needs_answers(org, provider, managing_organisation=agent))
    lettings_log_save(log=log, by=provider)
    review_approve(log=log, user=agent_coordinator)
    assert LettingsLog.objects.get(pk=log.pk).review_state == "approved"


def test_an_incomplete_log_cannot_be_approved_and_the_message_says_why(org, provider, coordinator):
    log = apply(LettingsLog(), general_needs_answers(org, provider, age1=None))
    lettings_log_save(log=log, by=provider)
    with pytest.raises(ValidationError) as error:
        review_approve(log=log, user=coordinator)
    assert error.value.messages == [f"Log {log.pk} is not complete. Every question must be answered before it "
                                    "can be approved."]


def test_a_log_with_an_open_query_cannot_be_approved(complete, coordinator):
    log = complete()
    review_query_open(log=log, field="brent", user=coordinator, text="Rent looks high")
    with pytest.raises(ValidationError) as error:
        review_approve(log=log, user=coordinator)
    assert "1 open query" in error.value.messages[0]
    assert LettingsLog.objects.get(pk=log.pk).review_state == "returned"


def test_an_approved_log_cannot_be_approved_again(complete, coordinator):
    log = complete()
    review_approve(log=log, user=coordinator)
    with pytest.raises(ValidationError, match="already approved"):
        review_approve(log=log, user=coordinator)


def test_a_deleted_log_cannot_be_reviewed(complete, coordinator):
    from domain.services.logs import log_delete

    log = complete()
    log_delete(log=log, by=coordinator, reason="Entered twice")
    assert access.can_review_log(coordinator, log) is False
    with pytest.raises(PermissionDenied):
        review_approve(log=log, user=coordinator)


# --- queries -------------------------------------------------------------------------------------


def test_a_query_returns_the_log_and_the_thread_runs_until_resolved(complete, provider, coordinator):
    log = complete()
    query = review_query_open(log=log, field="brent", user=coordinator, text="Rent looks high")
    assert log.review_state == "returned"
    assert reasons(LettingsLog.objects.get(pk=log.pk))[-1][:2] == ("returned", "Returned: query on " +
                                                                  reviews.question_label(log, "brent"))
    review_query_reply(query=query, user=provider, text="It is a four-weekly rent, corrected.")
    review_query_reply(query=query, user=coordinator, text="Thanks")
    assert [(c.author_id, c.text) for c in query.comments.all()] == [
        (coordinator.pk, "Rent looks high"), (provider.pk, "It is a four-weekly rent, corrected."),
        (coordinator.pk, "Thanks")]
    review_query_resolve(query=query, user=coordinator)
    query.refresh_from_db()
    assert (query.status, query.resolved_by_id) == (QueryStatus.RESOLVED, coordinator.pk)
    log.refresh_from_db()
    assert log.review_state == "awaiting_review"
    assert reasons(log)[-1][1].startswith("Queries resolved")


def test_the_log_stays_returned_until_every_query_is_resolved(complete, coordinator):
    log = complete()
    first = review_query_open(log=log, field="brent", user=coordinator, text="Rent?")
    second = review_query_open(log=log, field="tenancycode", user=coordinator, text="Code?")
    review_query_resolve(query=first, user=coordinator)
    assert LettingsLog.objects.get(pk=log.pk).review_state == "returned"
    review_query_resolve(query=second, user=coordinator)
    assert LettingsLog.objects.get(pk=log.pk).review_state == "awaiting_review"


def test_a_returned_log_changed_by_its_provider_stays_returned(complete, provider, coordinator):
    log = complete()
    review_query_open(log=log, field="brent", user=coordinator, text="Rent?")
    log = LettingsLog.objects.get(pk=log.pk)
    log.brent = Decimal("95.00")
    lettings_log_save(log=log, by=provider)
    assert LettingsLog.objects.get(pk=log.pk).review_state == "returned"


def test_resolving_the_last_query_of_an_incomplete_log_leaves_it_not_submitted(complete, provider, coordinator):
    log = complete()
    query = review_query_open(log=log, field="brent", user=coordinator, text="Rent?")
    log = LettingsLog.objects.get(pk=log.pk)
    log.age1 = None
    lettings_log_save(log=log, by=provider)
    review_query_resolve(query=query, user=coordinator)
    assert LettingsLog.objects.get(pk=log.pk).review_state == "not_submitted"


def test_a_resolved_query_can_be_opened_again(complete, coordinator, provider):
    log = complete()
    query = review_query_open(log=log, field="brent", user=coordinator, text="Rent?")
    review_query_resolve(query=query, user=coordinator)
    with pytest.raises(ValidationError, match="resolved"):
        review_query_reply(query=query, user=provider, text="late reply")
    review_query_reopen(query=query, user=coordinator, text="Still not right")
    query.refresh_from_db()
    assert query.status == QueryStatus.OPEN
    assert LettingsLog.objects.get(pk=log.pk).review_state == "returned"


def test_the_provider_may_reply_but_not_resolve(complete, provider, coordinator, other_provider, statistician):
    log = complete()
    query = review_query_open(log=log, field="brent", user=coordinator, text="Rent?")
    assert access.can_reply_to_query(provider, query) is True
    assert access.can_resolve_query(provider, query) is False
    for outsider in (other_provider, statistician):
        with pytest.raises(PermissionDenied):
            review_query_reply(query=query, user=outsider, text="hello")


def test_a_query_needs_a_comment_and_a_question_of_the_log(complete, coordinator):
    log = complete()
    with pytest.raises(ValidationError, match="Write what the query is about"):
        review_query_open(log=log, field="brent", user=coordinator, text="  ")
    with pytest.raises(ValidationError, match="Choose a question"):
        review_query_open(log=log, field="no_such_question", user=coordinator, text="Why?")
    with pytest.raises(ValidationError, match="not asked"):
        review_query_open(log=log, field="prevloc", user=coordinator, text="Why?")  # previous area not known
    assert LettingsLog.objects.get(pk=log.pk).review_state == "awaiting_review"


def test_a_query_on_a_question_routing_later_hides_is_kept_and_resolvable(org, provider, coordinator):
    log = apply(LettingsLog(), general_needs_answers(org, provider))
    outcome = lettings_log_save(log=log, by=provider)
    assert "earnings" in outcome.shown
    query = review_query_open(log=log, field="earnings", user=coordinator, text="Is the income weekly?")
    log = LettingsLog.objects.get(pk=log.pk)
    log.net_income_known = 2  # the tenant prefers not to say: the amount is no longer asked
    outcome = lettings_log_save(log=log, by=provider)
    assert "earnings" not in outcome.shown
    query.refresh_from_db()
    assert query.status == QueryStatus.OPEN
    assert reviews.query_still_asked(query) is False
    review_query_resolve(query=query, user=coordinator)
    assert LettingsLog.objects.get(pk=log.pk).review_state == "awaiting_review"


def test_returning_a_log_as_a_whole(complete, coordinator):
    log = complete()
    query = reviews.review_return(log=log, user=coordinator, text="Please check every date")
    assert query.field == ""
    assert reviews.question_label(log, query.field) == "The log as a whole"
    assert LettingsLog.objects.get(pk=log.pk).review_state == "returned"


# --- bulk approval -------------------------------------------------------------------------------


def test_bulk_approval_approves_what_it_can_and_says_why_not_for_the_rest(org, provider, coordinator, other_org,
                                                                        complete):
    ready = [complete(), complete(tenancycode="T-2")]
    queried = complete(tenancycode="T-3")
    review_query_open(log=queried, field="brent", user=coordinator, text="Rent?")
    incomplete = apply(LettingsLog(), general_needs_answers(org, provider, age1=None, tenancycode="T-4"))
    lettings_log_save(log=incomplete, by=provider)
    outsider = complete(owner=other_org, user=make_user(other_org), tenancycode="T-5")
    every = LettingsLog.objects.filter(pk__in=[*(log.pk for log in ready), queried.pk, incomplete.pk, outsider.pk])
    result = review_approve_many(logs=every, user=coordinator)
    assert sorted(result.approved) == sorted(log.pk for log in ready)
    assert dict(result.refused) == {
        queried.pk: "Has open queries: resolve them first.",
        incomplete.pk: "Not complete: every question must be answered first.",
        outsider.pk: "You cannot review this log.",
    }
    assert set(LettingsLog.objects.filter(review_state="approved").values_list("pk", flat=True)) == set(result.approved)
    for log in ready:
        log.refresh_from_db()
        assert log.approved_by_id == coordinator.pk
        assert reasons(log)[-1] == ("approved", "Approved", coordinator.pk)


def test_a_provider_cannot_bulk_approve(complete, provider):
    with pytest.raises(PermissionDenied):
        review_approve_many(logs=LettingsLog.objects.all(), user=provider)


def test_the_migration_backfills_review_states(org, provider):
    import importlib

    from django.apps import apps
    from tests.factories import make_lettings_log

    make_lettings_log(org, provider, tenancycode="C")
    make_lettings_log(org, provider, tenancycode="P", status=LogStatus.IN_PROGRESS)
    deleted = make_lettings_log(org, provider, tenancycode="D", status=LogStatus.DELETED)
    LettingsLog.objects.filter(pk=deleted.pk).update(status_cache=LogStatus.COMPLETED)
    LettingsLog.objects.update(review_state="not_submitted")
    migration = importlib.import_module("domain.migrations.0013_reviews")
    migration.backfill_review_state(apps, None)
    states = dict(LettingsLog.objects.values_list("tenancycode", "review_state"))
    assert states == {"C": "awaiting_review", "P": "not_submitted", "D": "awaiting_review"}


def test_an_approved_log_that_loses_its_location_goes_back_to_review_and_waits_for_a_new_one(org, provider,
                                                                                            coordinator):
    from datetime import date

    from domain.services.scheme_availability import resource_deactivate
    from tests.factories import make_lettings_log, make_location, make_scheme

    location = make_location(make_scheme(org, startdate=date(2026, 4, 1)), startdate=date(2026, 6, 1))
    log = make_lettings_log(org, provider, needstype=2, scheme=location.scheme, location=location,
                            startdate=date(2026, 12, 20))
    LettingsLog.objects.filter(pk=log.pk).update(review_state="approved")
    resource_deactivate(resource=location, day=date(2026, 12, 10), by=coordinator)
    log.refresh_from_db()
    assert (log.location_id, log.unresolved, log.review_state) == (None, True, "awaiting_review")
    latest = log.history.order_by("-history_id").first()
    assert (latest.history_change_reason, latest.history_user_id) == (
        "Changed after approval: scheme or location deactivated", coordinator.pk)
    with pytest.raises(ValidationError, match="lost its scheme or location"):
        review_approve(log=log, user=coordinator)


# --- every transition of the table, each made to happen through the services ------------------------


def _incomplete(org, provider):
    log = apply(LettingsLog(), general_needs_answers(org, provider, age1=None))
    lettings_log_save(log=log, by=provider)
    return LettingsLog.objects.get(pk=log.pk)


def _save(log, by, **answers):
    log = LettingsLog.objects.get(pk=log.pk)
    apply(log, answers)
    lettings_log_save(log=log, by=by)
    return LettingsLog.objects.get(pk=log.pk)


def _no_approval(org):
    org.logs_need_approval = False
    org.save()


def scenario(org, provider, coordinator, complete, transition):
    """Bring a log to the transition's state, make its event happen, and return the log."""
    approve = lambda log: review_approve(log=log, user=coordinator) and LettingsLog.objects.get(pk=log.pk)  # noqa: E731
    query = lambda log, field="brent": review_query_open(log=log, field=field, user=coordinator, text="?")  # noqa: E731
    match transition:
        case ("not_submitted", "submit"):
            return _save(_incomplete(org, provider), provider, age1=35)
        case ("not_submitted", "auto_approve"):
            log = _incomplete(org, provider)
            _no_approval(org)
            return _save(log, provider, age1=35)
        case ("awaiting_review", "auto_approve"):
            log = complete()
            _no_approval(org)
            return _save(log, provider)
        case ("awaiting_review", "withdraw"):
            return _save(complete(), provider, age1=None)
        case ("approved", "withdraw"):
            return _save(approve(complete()), provider, age1=None)
        case ("awaiting_review", "approve"):
            return approve(complete())
        case ("approved", "change"):
            return _save(approve(complete()), provider, tenancycode="T-CHANGED")
        case ("not_submitted", "return"):
            log = _incomplete(org, provider)
            query(log, "tenancycode")
            return LettingsLog.objects.get(pk=log.pk)
        case ("awaiting_review", "return"):
            log = complete()
            query(log)
            return LettingsLog.objects.get(pk=log.pk)
        case ("approved", "return"):
            log = approve(complete())
            query(log)
            return LettingsLog.objects.get(pk=log.pk)
        case ("returned", "return"):
            log = complete()
            query(log)
            query(log, "tenancycode")
            return LettingsLog.objects.get(pk=log.pk)
        case ("returned", "resolve"):
            log = complete()
            review_query_resolve(query=query(log), user=coordinator)
            return LettingsLog.objects.get(pk=log.pk)
        case ("returned", "auto_approve"):
            log = complete()
            opened = query(log)
            _no_approval(org)
            review_query_resolve(query=opened, user=coordinator)
            return LettingsLog.objects.get(pk=log.pk)
        case ("returned", "resolve_incomplete"):
            log = complete()
            opened = query(log)
            _save(log, provider, age1=None)
            review_query_resolve(query=opened, user=coordinator)
            return LettingsLog.objects.get(pk=log.pk)
    raise AssertionError(f"No scenario for {transition}: add one when the table changes.")


@pytest.mark.parametrize("transition", sorted(reviews.TRANSITIONS))
def test_every_transition_of_the_table_happens_through_the_services(transition, org, provider, coordinator,
                                                                    complete):
    log = scenario(org, provider, coordinator, complete, transition)
    states = list(log.history.order_by("history_id").values_list("review_state", flat=True))
    target = reviews.TRANSITIONS[transition]
    assert log.review_state == target
    assert states[-1] == target
    assert transition[0] in states[:-1]  # the log was in the state the transition starts from
