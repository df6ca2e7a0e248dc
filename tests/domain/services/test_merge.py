"""Merging organisations (spec §4): the request's rules and statuses, the preview, and what the job does, in
one transaction that a failure leaves untouched and that can run again."""

from datetime import date
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from domain.models import (
    LettingsLog, LocationDeactivationPeriod, MergeRequest, MergeStatus, Organisation, OrganisationRelationship,
    Role, Scheme, SchemeDeactivationPeriod, User,
)
from domain.services import merge as service
from tests.factories import make_lettings_log, make_location, make_organisation, make_scheme, make_user, relate, sign_dsa

pytestmark = pytest.mark.django_db
MERGE_DATE = date(2026, 7, 1)


@pytest.fixture
def absorbing():
    return make_organisation(name="Absorbing Homes", rent_periods=[1, 2], holds_own_stock=False)


@pytest.fixture
def merging():
    return make_organisation(name="Merging Homes", rent_periods=[4])


def request_for(absorbing, merging_orgs, support, merge_date=MERGE_DATE, existing=True):
    merge_request = MergeRequest(absorbing_organisation=absorbing, merge_date=merge_date,
                                 existing_absorbing_organisation=existing, has_helpdesk_ticket=False)
    return service.merge_request_save(merge_request=merge_request, merging=merging_orgs, by=support)


def run(merge_request, support, django_capture_on_commit_callbacks):
    service.merge_request_begin(merge_request=merge_request, by=support, queue=False)
    with django_capture_on_commit_callbacks(execute=True):
        return service.merge_request_process(merge_request=merge_request, by=support)


def test_statuses(support, absorbing, merging):
    merge_request = MergeRequest.objects.create(absorbing_organisation=absorbing)
    assert merge_request.status == MergeStatus.INCOMPLETE
    merge_request = request_for(absorbing, [merging], support)
    assert merge_request.status == MergeStatus.READY
    unsigned = make_organisation(name="Unsigned Absorber", dsa_signed=False)
    other = request_for(unsigned, [make_organisation()], support)
    assert other.status == MergeStatus.ISSUES
    assert "has not accepted the data sharing agreement" in service.merge_begin_refusal(other)
    with pytest.raises(ValidationError):
        service.merge_request_begin(merge_request=other, by=support, queue=False)


def test_an_organisation_in_another_request_is_refused_naming_it(support, absorbing, merging):
    request_for(absorbing, [merging], support)
    with pytest.raises(ValidationError) as refused:
        request_for(make_organisation(name="Second"), [merging], support)
    assert "Merging Homes is already part of another merge request, into Absorbing Homes on 1 July 2026." in str(
        refused.value)


def test_the_absorbing_organisation_cannot_merge_into_itself_and_dates_are_checked(support, absorbing):
    with pytest.raises(ValidationError):
        request_for(absorbing, [absorbing], support)
    with pytest.raises(ValidationError) as refused:
        request_for(absorbing, [make_organisation()], support, merge_date=date(2028, 1, 1))
    assert "no more than a year from today" in str(refused.value)


def test_a_future_merge_date_waits(support, absorbing, merging):
    merge_request = request_for(absorbing, [merging], support, merge_date=date(2027, 1, 1))
    assert "cannot start before its merge date" in service.merge_begin_refusal(merge_request)


def test_the_preview_counts_what_moves(support, absorbing, merging, provider):
    agent = make_organisation(name="Agent")
    relate(merging, agent)
    make_user(merging, Role.DATA_PROVIDER)
    make_scheme(merging)
    make_lettings_log(merging, startdate=date(2026, 5, 2))
    outcome = service.merge_outcome(request_for(absorbing, [merging], support))
    assert (outcome.total_users, outcome.total_schemes, outcome.total_lettings_logs, outcome.total_managing_agents,
            outcome.total_stock_owners) == (1, 1, 1, 1, 0)


@pytest.fixture
def merged(support, absorbing, merging, django_capture_on_commit_callbacks):
    """A merge with users, logs either side of the date, a scheme, relationships and a signed DSA."""
    stock_owner, agent = make_organisation(name="Owner Co"), make_organisation(name="Agent Co")
    relate(stock_owner, merging)
    relate(merging, agent)
    relate(merging, absorbing)  # the absorbing organisation managed for the merging one: the row goes
    user = make_user(merging, Role.DATA_COORDINATOR, email="mo@merging.test", name="Mo Merging", is_dpo=True)
    sign_dsa(merging, user)
    absorber = make_user(absorbing, Role.DATA_COORDINATOR, email="al@absorbing.test", name="Al Absorbing")
    scheme = make_scheme(merging)
    location = make_location(scheme)
    before = make_lettings_log(merging, user, startdate=date(2026, 5, 2))
    after = make_lettings_log(merging, user, startdate=date(2026, 7, 2), scheme=scheme, location=location,
                              needstype=2)
    managed = make_lettings_log(stock_owner, user, manager=merging, startdate=date(2026, 8, 1))
    merge_request = request_for(absorbing, [merging], support)
    mail.outbox.clear()
    assert run(merge_request, support, django_capture_on_commit_callbacks)
    return locals()


def test_users_move_and_the_dsa_stays_with_a_placeholder(merged, absorbing, merging):
    user = merged["user"]
    user.refresh_from_db()
    assert user.organisation == absorbing
    placeholder = Organisation.objects.get(pk=merging.pk).data_protection_confirmation.data_protection_officer
    assert placeholder != user and placeholder.organisation == merging and not placeholder.is_active
    assert placeholder.name == "Mo Merging" and "@" not in placeholder.email


def test_logs_from_the_merge_date_move_and_earlier_ones_stay(merged, absorbing, merging):
    before, after, managed = (LettingsLog.objects.get(pk=merged[k].pk) for k in ("before", "after", "managed"))
    assert (before.owning_organisation, before.managing_organisation) == (merging, merging)
    assert (after.owning_organisation, after.managing_organisation) == (absorbing, absorbing)
    assert (managed.owning_organisation, managed.managing_organisation) == (merged["stock_owner"], absorbing)
    assert after.scheme != merged["scheme"] and after.scheme.owning_organisation == absorbing
    assert after.location.scheme == after.scheme
    assert after.history.first().history_change_reason == "Organisation merge"


def test_schemes_are_copied_from_the_merge_date_and_the_old_ones_close(merged, absorbing):
    scheme = Scheme.objects.get(pk=merged["scheme"].pk)
    copy = Scheme.objects.get(owning_organisation=absorbing)
    assert copy.service_name == scheme.service_name
    assert SchemeDeactivationPeriod.objects.filter(scheme=scheme, deactivation_date=MERGE_DATE).exists()
    assert LocationDeactivationPeriod.objects.filter(location=merged["location"]).exists()
    assert copy.locations.get().postcode == merged["location"].postcode


def test_relationships_rent_periods_stock_and_the_merged_organisation(merged, absorbing, merging):
    absorbing.refresh_from_db()
    merging.refresh_from_db()
    pairs = set(OrganisationRelationship.objects.values_list("stock_owner__name", "managing_agent__name"))
    assert ("Owner Co", "Absorbing Homes") in pairs and ("Absorbing Homes", "Agent Co") in pairs
    assert ("Merging Homes", "Absorbing Homes") not in pairs
    assert absorbing.rent_periods == [1, 2, 4] and absorbing.holds_own_stock
    assert (merging.merge_date, merging.absorbing_organisation) == (MERGE_DATE, absorbing)
    assert merged["merge_request"].__class__.objects.get().status == MergeStatus.MERGED


def test_everyone_is_emailed(merged):
    by_address = {message.to[0]: message for message in mail.outbox}
    assert "Merging Homes merged into Absorbing Homes on 1 July 2026" in by_address["mo@merging.test"].body
    assert "Your account is now part of Absorbing Homes" in by_address["mo@merging.test"].body
    assert "Its logs from that date" in by_address["al@absorbing.test"].body


def test_the_absorbing_coordinator_now_sees_the_earlier_logs(merged, absorbing):
    from domain import access

    assert access.can_view_log(merged["absorber"], LettingsLog.objects.get(pk=merged["before"].pk))


def test_a_failure_half_way_changes_nothing_and_the_merge_runs_again(support, absorbing, merging,
                                                                      django_capture_on_commit_callbacks):
    user = make_user(merging, Role.DATA_PROVIDER)
    log = make_lettings_log(merging, user, startdate=date(2026, 7, 2))
    merge_request = request_for(absorbing, [merging], support)
    with mock.patch.object(service, "_move_logs", side_effect=RuntimeError("database went away")):
        assert not run(merge_request, support, django_capture_on_commit_callbacks)
    merge_request.refresh_from_db()
    user.refresh_from_db()
    assert (merge_request.processing, merge_request.request_merged, merge_request.total_users) == (False, False, None)
    assert merge_request.last_failed_attempt is not None and user.organisation == merging
    assert Organisation.objects.get(pk=merging.pk).merge_date is None
    assert run(merge_request, support, django_capture_on_commit_callbacks)
    user.refresh_from_db()
    assert user.organisation == absorbing
    assert LettingsLog.objects.get(pk=log.pk).owning_organisation == absorbing


def test_a_new_absorbing_organisation_is_available_from_the_merge_date(support, absorbing, merging,
                                                                        django_capture_on_commit_callbacks):
    run(request_for(absorbing, [merging], support, existing=False), support, django_capture_on_commit_callbacks)
    absorbing.refresh_from_db()
    assert absorbing.available_from == MERGE_DATE


def test_duplicate_schemes_after_a_merge(support, absorbing, coordinator):
    make_scheme(absorbing, service_name="Court House")
    make_scheme(absorbing, service_name="court  house")
    make_scheme(absorbing, service_name="Other")
    assert [len(group) for group in service.duplicate_scheme_groups(absorbing)] == [2]
    service.schemes_deduplication_confirm(organisation=absorbing, by=support)
    absorbing.refresh_from_db()
    assert absorbing.schemes_deduplicated_at is not None


def test_every_relation_to_organisation_is_handled_by_the_merge():
    """Each model pointing at Organisation is either moved by the merge or deliberately left (with why)."""
    handled = {
        "OrganisationRelationship": "relationships re-pointed or removed",
        "User": "users move", "Scheme": "schemes copied", "LettingsLog": "logs from the merge date move",
        "SalesLog": "logs from the merge date move",
        "Organisation": "group membership and absorbing organisation: the merged organisation keeps its own",
        "DataProtectionConfirmation": "stays with the merged organisation (placeholder DPO)",
        "OrganisationNameChange": "the merged organisation's own names",
        "MergeRequest": "the request itself", "MergeRequestOrganisation": "the request itself",
        "BulkUpload": "uploads made before the merge stay with it",
        "CsvDownload": "downloads made before the merge stay with it",
    }
    relations = {field.related_model.__name__ for field in Organisation._meta.get_fields()
                 if field.is_relation and field.auto_created and not field.concrete
                 and not field.related_model.__name__.startswith("Historical")}
    assert relations - set(handled) == set(), "a new relation to Organisation: decide what a merge does with it"


def test_the_organisation_pages_say_who_merged_into_whom(merged, client_for, support, absorbing, merging):
    from django.urls import reverse

    client = client_for(support)
    body = client.get(reverse("admin:domain_organisation_change", args=[absorbing.pk])).content.decode()
    assert "Absorbed: Merging Homes (1 July 2026)" in body and "Review duplicate schemes" in body
    body = client.get(reverse("admin:domain_organisation_change", args=[merging.pk])).content.decode()
    assert "Merged into Absorbing Homes on 1 July 2026." in body
