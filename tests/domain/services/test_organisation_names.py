"""Dated organisation name changes (spec §3): the rules, the name in force on a date, and where it shows."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from domain.models import NameChangeStatus, Organisation
from domain.selectors.organisation_names import NameBook
from domain.services.organisation_names import organisation_name_change_add, organisation_name_change_cancel
from tests.admin_console.test_organisations_admin import NAME_CHANGES, change_url, inline_management, org_post
from tests.factories import make_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def renamed(org, support):
    organisation_name_change_add(organisation=org, name="Greenfield Homes", startdate=date(2026, 6, 1), by=support)
    organisation_name_change_add(organisation=org, name="Greenfield Living", startdate=date(2027, 1, 1), by=support)
    return org


def test_the_name_in_force_follows_the_dates(renamed):
    assert renamed.name_on(date(2026, 5, 31)) == "Greenfield Housing"
    assert renamed.name_on(date(2026, 6, 1)) == "Greenfield Homes"
    assert renamed.name_on() == "Greenfield Homes"  # today, 28 November 2026
    assert renamed.name_on(date(2027, 2, 1)) == "Greenfield Living"
    book = NameBook()
    assert [book.name(renamed.pk, renamed.name, day) for day in (date(2026, 5, 31), date(2026, 6, 1),
                                                                  date(2027, 1, 1))] == [
        "Greenfield Housing", "Greenfield Homes", "Greenfield Living"]


def test_end_dates_and_statuses(renamed):
    first, second = renamed.name_changes.order_by("startdate")
    assert first.end_date == date(2026, 12, 31) and second.end_date is None
    assert (first.status_at(), second.status_at()) == (NameChangeStatus.ACTIVE, NameChangeStatus.SCHEDULED)
    assert first.status_at(date(2027, 3, 1)) == NameChangeStatus.INACTIVE


def test_no_date_means_today(org, support):
    change = organisation_name_change_add(organisation=org, name="Greenfield Now", startdate=None, by=support)
    assert change.startdate == date(2026, 11, 28) and org.name_on() == "Greenfield Now"


@pytest.mark.parametrize("name, startdate, field, message", [
    ("", date(2026, 7, 1), "name", "Enter the organisation's new name."),
    ("Greenfield Homes", date(2026, 7, 1), "name", "already the organisation's name on that date"),
    ("Other", date(2026, 6, 1), "startdate", "Another name change already starts on 1 June 2026"),
])
def test_bad_changes_are_refused(renamed, support, name, startdate, field, message):
    with pytest.raises(ValidationError) as refused:
        organisation_name_change_add(organisation=renamed, name=name, startdate=startdate, by=support)
    assert message in " ".join(refused.value.message_dict[field])


def test_a_change_dated_on_or_after_the_merge_date_is_refused(org, support):
    Organisation.objects.filter(pk=org.pk).update(merge_date=date(2026, 10, 1))
    org.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        organisation_name_change_add(organisation=org, name="Too Late", startdate=date(2026, 10, 1), by=support)
    assert refused.value.message_dict["startdate"] == [
        "The start date must be before 1 October 2026, when this organisation merged: its name cannot change "
        "after the merge."]
    organisation_name_change_add(organisation=org, name="In Time", startdate=date(2026, 9, 30), by=support)


def test_only_support_changes_names(org, coordinator):
    with pytest.raises(PermissionDenied):
        organisation_name_change_add(organisation=org, name="Mine", startdate=None, by=coordinator)


def test_only_scheduled_changes_are_cancelled(renamed, support):
    first, second = renamed.name_changes.order_by("startdate")
    with pytest.raises(ValidationError):
        organisation_name_change_cancel(change=first, by=support)
    organisation_name_change_cancel(change=second, by=support)
    second.refresh_from_db()
    assert second.discarded_at == date(2026, 11, 28)
    assert renamed.name_on(date(2027, 2, 1)) == "Greenfield Homes"
    assert second.history.count() == 2


def test_support_adds_a_change_on_the_organisation_page(client_for, support, org):
    data = org_post(org, **inline_management(NAME_CHANGES, total=1),
                    **{f"{NAME_CHANGES}-0-name": "Greenfield Futures", f"{NAME_CHANGES}-0-startdate": "1/1/2027",
                       f"{NAME_CHANGES}-0-organisation": str(org.pk)})
    response = client_for(support).post(change_url(org), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert org.name_changes.get().startdate == date(2027, 1, 1)


def test_a_refused_change_shows_its_message_on_the_page(client_for, support, org):
    Organisation.objects.filter(pk=org.pk).update(merge_date=date(2026, 10, 1))
    data = org_post(org, **inline_management(NAME_CHANGES, total=1),
                    **{f"{NAME_CHANGES}-0-name": "Too Late", f"{NAME_CHANGES}-0-startdate": "2/10/2026",
                       f"{NAME_CHANGES}-0-organisation": str(org.pk)})
    response = client_for(support).post(change_url(org), data)
    assert response.status_code == 200
    assert "its name cannot change after the merge" in response.content.decode()
    assert not org.name_changes.exists()


def test_a_coordinator_sees_the_history_but_cannot_add(client_for, coordinator, renamed):
    body = client_for(coordinator).get(change_url(renamed)).content.decode()
    assert "Greenfield Living" in body and "Scheduled" in body
    data = org_post(renamed, **inline_management(NAME_CHANGES, total=1, initial=0),
                    **{f"{NAME_CHANGES}-0-name": "Sneaky", f"{NAME_CHANGES}-0-startdate": "1/3/2027",
                       f"{NAME_CHANGES}-0-organisation": str(renamed.pk)})
    client_for(coordinator).post(change_url(renamed), data)
    assert not renamed.name_changes.filter(name="Sneaky").exists()


def test_the_log_list_shows_the_name_on_the_log_date(client_for, support, renamed):
    from tests.factories import make_lettings_log

    make_lettings_log(renamed, startdate=date(2026, 5, 2))
    body = client_for(support).get(reverse("admin:domain_lettingslog_changelist")).content.decode()
    assert "Greenfield Housing" in body and "Greenfield Homes" not in body.split("<tbody")[1]


def test_other_organisations_keep_their_names(renamed):
    other = make_organisation(name="Elsewhere Homes")
    assert other.name_on(date(2027, 2, 1)) == "Elsewhere Homes"
