"""Reviewing logs in the console: the review queue filters, the review page (queries, replies,
resolving, approving), bulk approval with its confirmation, and queries shown beside their questions."""

from decimal import Decimal

import pytest
from django.urls import reverse

from domain.models import LettingsLog, QueryStatus
from domain.services.lettings import lettings_log_save
from domain.services.reviews import review_approve, review_query_open
from tests.lettings_answers import apply, general_needs_answers

pytestmark = pytest.mark.django_db
LIST = reverse("admin:domain_lettingslog_changelist")


def saved_log(owner, user, **overrides):
    log = apply(LettingsLog(), general_needs_answers(owner, user, **overrides))
    lettings_log_save(log=log, by=user)
    return LettingsLog.objects.get(pk=log.pk)


def url(name, *args):
    return reverse(f"admin:domain_lettingslog_{name}", args=args)


@pytest.fixture
def logs(org, provider, coordinator):
    """One log in each review state, told apart by tenant code."""
    awaiting = saved_log(org, provider, tenancycode="AWAIT-1")
    approved = saved_log(org, provider, tenancycode="APPR-1")
    review_approve(log=approved, user=coordinator)
    returned = saved_log(org, provider, tenancycode="RET-1")
    review_query_open(log=returned, field="brent", user=coordinator, text="Rent looks high")
    draft = saved_log(org, provider, tenancycode="DRAFT-1", age1=None)
    return {"awaiting": awaiting, "approved": approved, "returned": returned, "draft": draft}


@pytest.mark.parametrize("value, shown", [
    ("mine", {"AWAIT-1"}),
    ("returned", {"RET-1"}),
    ("approved", {"APPR-1"}),
    ("queries", {"RET-1"}),
    ("not_submitted", {"DRAFT-1"}),
    ("nonsense", set()),
])
def test_the_review_filters(client_for, coordinator, logs, value, shown):
    page = client_for(coordinator).get(LIST, {"review": value}).content.decode()
    assert {code for code in ("AWAIT-1", "APPR-1", "RET-1", "DRAFT-1") if code in page} == shown


def test_awaiting_my_review_is_empty_for_a_provider(client_for, provider, logs):
    page = client_for(provider).get(LIST, {"review": "mine"}).content.decode()
    assert "AWAIT-1" not in page
    assert "Awaiting my review" not in page


def test_the_list_shows_the_review_state_in_words(client_for, coordinator, logs):
    page = client_for(coordinator).get(LIST).content.decode()
    assert "Awaiting review" in page and "Returned" in page
    assert ">awaiting_review<" not in page and ">returned<" not in page


def test_the_review_page_shows_the_thread_and_the_provider_replies(client_for, provider, logs):
    client = client_for(provider)
    log = logs["returned"]
    page = client.get(url("review", log.pk)).content.decode()
    assert "Rent looks high" in page
    assert "Approve this log" not in page  # providers never approve
    query = log.review_queries.get()
    response = client.post(url("review_query", log.pk, query.pk, "reply"), {"text": "Corrected to weekly"})
    assert response.status_code == 302
    assert [c.text for c in query.comments.all()] == ["Rent looks high", "Corrected to weekly"]
    # A provider cannot resolve: out of their rights is not found.
    assert client.post(url("review_query", log.pk, query.pk, "resolve")).status_code == 404
    query.refresh_from_db()
    assert query.status == QueryStatus.OPEN


def test_a_coordinator_resolves_and_approves_from_the_review_page(client_for, coordinator, logs):
    client = client_for(coordinator)
    log = logs["returned"]
    query = log.review_queries.get()
    client.post(url("review_query", log.pk, query.pk, "resolve"))
    log.refresh_from_db()
    assert log.review_state == "awaiting_review"
    confirm = client.get(url("approve_log", log.pk))
    assert "Approve this log" in confirm.content.decode()
    log.refresh_from_db()
    assert log.review_state == "awaiting_review"  # a GET changes nothing
    client.post(url("approve_log", log.pk))
    log.refresh_from_db()
    assert (log.review_state, log.approved_by_id) == ("approved", coordinator.pk)


def test_approving_a_log_that_cannot_be_approved_says_why(client_for, coordinator, logs):
    client = client_for(coordinator)
    draft = logs["draft"]
    page = client.get(url("approve_log", draft.pk)).content.decode()
    assert "is not complete" in page
    response = client.post(url("approve_log", draft.pk), follow=True)
    assert "is not complete" in response.content.decode()
    draft.refresh_from_db()
    assert draft.review_state == "not_submitted"


def test_opening_a_query_from_the_review_page(client_for, coordinator, logs):
    log = logs["awaiting"]
    client = client_for(coordinator)
    page = client.get(url("review", log.pk)).content.decode()
    assert "Return the log with a query" in page
    client.post(url("review_query_open", log.pk), {"field": "brent", "text": "Is this weekly?"})
    log.refresh_from_db()
    assert log.review_state == "returned"
    assert log.review_queries.get().field == "brent"
    response = client.post(url("review_query_open", log.pk), {"field": "brent", "text": ""}, follow=True)
    assert "Write what the query is about." in response.content.decode()


def test_review_pages_of_another_organisations_log_are_not_found(client_for, other_coordinator, logs):
    client = client_for(other_coordinator)
    log = logs["awaiting"]
    assert client.get(url("review", log.pk)).status_code == 404
    assert client.post(url("review_query_open", log.pk), {"field": "brent", "text": "x"}).status_code == 404
    assert client.get(url("approve_log", log.pk)).status_code == 404
    log.refresh_from_db()
    assert log.review_state == "awaiting_review"


def test_open_queries_show_beside_the_question_on_the_form_and_check_answers(client_for, provider, logs):
    client = client_for(provider)
    log = logs["returned"]
    form = client.get(url("change", log.pk)).content.decode()
    assert "Open query" in form and "Rent looks high" in form
    answers = client.get(url("answers", log.pk)).content.decode()
    assert "Open query" in answers and "Rent looks high" in answers
    assert "Returned" in answers


def test_bulk_approval_confirms_then_approves_what_it_can(client_for, coordinator, logs):
    client = client_for(coordinator)
    selected = [str(logs[name].pk) for name in ("awaiting", "returned", "draft")]
    confirm = client.post(LIST, {"action": "approve_selected", "_selected_action": selected, "index": 0})
    page = confirm.content.decode()
    assert confirm.status_code == 200
    assert "1 log will be approved." in page
    assert "2 logs cannot be approved" in page
    assert f"Log {logs['draft'].pk}: Not complete" in page
    assert LettingsLog.objects.filter(review_state="approved").count() == 1  # only the one approved before
    client.post(LIST, {"action": "approve_selected", "_selected_action": selected, "select_across": "0",
                       "confirm": "yes"})
    assert set(LettingsLog.objects.filter(review_state="approved").values_list("tenancycode", flat=True)) == {
        "AWAIT-1", "APPR-1"}


def test_a_provider_has_no_bulk_approval(client_for, provider, logs):
    client = client_for(provider)
    page = client.get(LIST).content.decode()
    assert "Approve selected logs" not in page
    client.post(LIST, {"action": "approve_selected", "_selected_action": [str(logs["awaiting"].pk)],
                       "confirm": "yes"})
    logs["awaiting"].refresh_from_db()
    assert logs["awaiting"].review_state == "awaiting_review"


def test_changing_the_rent_of_an_approved_log_in_the_form_puts_it_back_to_awaiting_review(org, provider, logs):
    log = LettingsLog.objects.get(pk=logs["approved"].pk)
    log.brent = Decimal("105.00")
    lettings_log_save(log=log, by=provider)
    log.refresh_from_db()
    assert log.review_state == "awaiting_review"


def _organisation_post(org, **extra):
    data = {"address_line1": org.address_line1, "address_line2": org.address_line2, "postcode": org.postcode,
            "phone": org.phone, "rent_periods": [str(code) for code in org.rent_periods]}
    for prefix in ("stock_owner_relationships", "managing_agent_relationships"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MIN_NUM_FORMS": "0",
                     f"{prefix}-MAX_NUM_FORMS": "1000"})
    data.update(extra)
    return data


def test_a_coordinator_turns_approval_off_for_their_organisation(client_for, coordinator, provider, org):
    change = reverse("admin:domain_organisation_change", args=[org.pk])
    page = client_for(coordinator).get(change).content.decode()
    assert "Logs need coordinator approval" in page and 'name="logs_need_approval"' in page
    response = client_for(coordinator).post(change, _organisation_post(org, logs_need_approval=""))
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.logs_need_approval is False
    assert saved_log(org, provider, tenancycode="AUTO").review_state == "approved"
    response = client_for(coordinator).post(change, _organisation_post(org, logs_need_approval="on"))
    org.refresh_from_db()
    assert org.logs_need_approval is True


def test_a_provider_cannot_change_the_approval_setting(client_for, provider, org):
    change = reverse("admin:domain_organisation_change", args=[org.pk])
    assert 'name="logs_need_approval"' not in client_for(provider).get(change).content.decode()
    client_for(provider).post(change, _organisation_post(org, logs_need_approval=""))
    org.refresh_from_db()
    assert org.logs_need_approval is True


def test_bulk_delete_confirms_the_count_then_deletes_with_the_reason(client_for, coordinator, logs):
    client = client_for(coordinator)
    filtered = LIST + "?year=2026"
    selected = [str(logs[name].pk) for name in ("awaiting", "draft")]
    confirm = client.post(filtered, {"action": "delete_selected_logs", "_selected_action": selected, "index": 0})
    assert "2 logs will be deleted." in confirm.content.decode()
    assert LettingsLog.objects.filter(status=4).count() == 0
    client.post(filtered, {"action": "delete_selected_logs", "_selected_action": selected, "select_across": "0",
                       "confirm": "yes", "reason": "Test entries"})
    assert set(LettingsLog.objects.filter(status=4).values_list("deletion_reason", flat=True)) == {"Test entries"}


def test_a_coordinator_deletes_from_a_list_only_once_it_is_filtered(client_for, coordinator, support, logs):
    assert "Delete selected logs" not in client_for(coordinator).get(LIST).content.decode()
    assert "Delete selected logs" in client_for(coordinator).get(LIST, {"year": 2026}).content.decode()
    assert "Delete selected logs" in client_for(support).get(LIST).content.decode()
    client_for(coordinator).post(LIST, {"action": "delete_selected_logs", "confirm": "yes", "reason": "x",
                                        "_selected_action": [str(logs["awaiting"].pk)]})
    assert LettingsLog.objects.filter(status=4).count() == 0


def test_bulk_reassign_asks_whom_then_confirms(client_for, coordinator, org, logs):
    from tests.factories import make_user
    from domain.models import Role

    colleague = make_user(org, Role.DATA_PROVIDER, name="Colin Colleague")
    client = client_for(coordinator)
    selected = [str(logs["awaiting"].pk)]
    ask = client.post(LIST, {"action": "reassign_selected", "_selected_action": selected, "index": 0})
    assert "Who should they be assigned to?" in ask.content.decode()
    preview = client.post(LIST, {"action": "reassign_selected", "_selected_action": selected, "to": colleague.pk})
    assert "1 log will be assigned to Colin Colleague." in preview.content.decode()
    client.post(LIST, {"action": "reassign_selected", "_selected_action": selected, "to": colleague.pk,
                       "confirm": "yes"})
    logs["awaiting"].refresh_from_db()
    assert logs["awaiting"].assigned_to_id == colleague.pk


def test_providers_have_no_bulk_delete_or_reassign(client_for, provider, logs):
    page = client_for(provider).get(LIST).content.decode()
    assert "Delete selected logs" not in page and "Reassign selected logs" not in page


def test_the_log_page_offers_review_approve_and_return_to_reviewers_only(client_for, coordinator, provider, logs):
    log = logs["awaiting"]
    page = client_for(coordinator).get(url("change", log.pk)).content.decode()
    assert "Approve log" in page and "Return log" in page and "Review and queries" in page
    response = client_for(coordinator).get(url("return_log", log.pk))
    assert response.status_code == 302 and response.url.endswith("/review/#id_query_text")
    page = client_for(provider).get(url("change", log.pk)).content.decode()
    assert "Approve log" not in page and "Return log" not in page and "Review and queries" in page
    assert client_for(provider).get(url("approve_log", log.pk)).status_code == 403


def test_check_answers_offers_approve_only_when_the_log_can_be_approved(client_for, coordinator, logs):
    client = client_for(coordinator)
    ready = client.get(url("answers", logs["awaiting"].pk)).content.decode()
    assert url("approve_log", logs["awaiting"].pk) in ready and "Return with a query" in ready
    returned = client.get(url("answers", logs["returned"].pk)).content.decode()
    assert url("approve_log", logs["returned"].pk) not in returned and "Return with a query" in returned


def test_sales_logs_have_the_same_review_pages(client_for, org, provider, coordinator):
    from domain.models import SalesLog
    from domain.services.sales import sales_log_save
    from tests.factories import make_local_authority
    from tests.sales_answers import shared_ownership_answers

    make_local_authority(code="E08000039", name="Sheffield")
    log = apply(SalesLog(), shared_ownership_answers(org, provider, purchid="SALE-1"))
    sales_log_save(log=log, by=provider)
    client = client_for(coordinator)
    sales_list = reverse("admin:domain_saleslog_changelist")
    assert "SALE-1" in client.get(sales_list, {"review": "mine"}).content.decode()
    client.post(reverse("admin:domain_saleslog_review_query_open", args=[log.pk]),
                {"field": "purchid", "text": "Is this the right code?"})
    assert SalesLog.objects.get(pk=log.pk).review_state == "returned"
    assert "SALE-1" in client.get(sales_list, {"review": "queries"}).content.decode()
    page = client.get(reverse("admin:domain_saleslog_review", args=[log.pk])).content.decode()
    assert "Is this the right code?" in page


def test_the_statistics_export_page_offers_approved_logs_only(client_for, statistician):
    page = client_for(statistician).get(reverse("admin:domain_csvdownload_statistics")).content.decode()
    assert "Approved logs only" in page and 'name="approved_only"' in page



def test_a_get_to_a_query_address_changes_nothing_and_goes_to_the_review_page(client_for, coordinator, logs):
    log = logs["returned"]
    query = log.review_queries.get()
    client = client_for(coordinator)
    response = client.get(url("review_query", log.pk, query.pk, "resolve"))
    assert response.status_code == 302 and response.url == url("review", log.pk)
    assert client.get(url("review_query_open", log.pk)).url == url("review", log.pk)
    query.refresh_from_db()
    assert query.status == QueryStatus.OPEN


def test_the_form_of_an_approved_log_warns_that_a_change_reopens_review(client_for, provider, logs):
    page = client_for(provider).get(url("change", logs["approved"].pk)).content.decode()
    assert "Changing an answer puts the log back to awaiting review." in page
    page = client_for(provider).get(url("change", logs["awaiting"].pk)).content.decode()
    assert "Changing an answer puts the log back to awaiting review." not in page
