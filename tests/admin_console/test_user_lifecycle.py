"""Support's user lifecycle (spec §6.3, §6.4): resend an invitation, move a user with their logs, delete a
deactivated user; sign-ins counted. Everyone else gets 404 or no change."""

from datetime import date

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from domain.models import BulkUpload, LettingsLog, Role, SalesLog, UploadStatus, User
from domain.models.logs import LogStatus
from domain.services.user_lifecycle import REASSIGN_ALL, REASSIGN_MANAGING_AGENT, REASSIGN_STOCK_OWNER, UNASSIGN
from tests.factories import PASSWORD, make_lettings_log, make_organisation, make_user, relate, sign_dsa

pytestmark = pytest.mark.django_db


def action(user, name):
    return reverse(f"admin:domain_user_{name}", args=[user.pk])


@pytest.fixture
def new_org():
    return make_organisation(name="New Homes")


@pytest.fixture
def with_logs(org, provider):
    return [make_lettings_log(org, provider, assigned_to=provider, startdate=date(2026, 5, 2)) for _ in range(2)]


def move(client, user, organisation, choice=None, confirm=True):
    data = {"organisation": organisation.pk, **({"log_reassignment": choice} if choice else {})}
    if confirm:
        data["confirm"] = "yes"
    return client.post(action(user, "move_organisation"), data)


def test_sign_ins_are_counted(provider):
    for _ in range(3):
        assert Client().post(reverse("admin:login"), {"username": provider.email, "password": PASSWORD}).status_code == 302
    provider.refresh_from_db()
    assert provider.sign_in_count == 3


def test_support_resends_an_invitation_after_confirming(client_for, support, provider):
    client = client_for(support)
    assert "Resend the invitation" in client.get(action(provider, "resend_invitation")).content.decode()
    assert mail.outbox == []
    client.post(action(provider, "resend_invitation"))
    (message,) = mail.outbox
    assert message.to == [provider.email] and message.subject.startswith("Reminder")
    assert "/account/password-reset/" in message.body


def test_no_resend_for_someone_who_has_signed_in(client_for, support, provider):
    User.objects.filter(pk=provider.pk).update(last_login="2026-11-01T10:00:00Z")
    client_for(support).post(action(provider, "resend_invitation"))
    assert mail.outbox == []


@pytest.mark.parametrize("name", ["resend_invitation", "move_organisation", "delete_user"])
def test_only_support_reach_the_lifecycle_pages(client_for, coordinator, provider, other_coordinator, name):
    assert client_for(coordinator).post(action(provider, name)).status_code in (302, 403)
    assert client_for(other_coordinator).get(action(provider, name)).status_code == 404
    provider.refresh_from_db()
    assert provider.discarded_at is None and provider.organisation.name == "Greenfield Housing"


def test_a_move_is_confirmed_before_anything_changes(client_for, support, provider, new_org, with_logs):
    client = client_for(support)
    body = client.get(action(provider, "move_organisation")).content.decode()
    assert "has 2 logs assigned to them" in body and "No, unassign the logs" in body
    response = move(client, provider, new_org, REASSIGN_ALL, confirm=False)
    assert "Move Pat Provider to New Homes?" in response.content.decode()
    provider.refresh_from_db()
    assert provider.organisation.name == "Greenfield Housing"


def test_a_choice_is_required_when_the_user_has_logs(client_for, support, provider, new_org, with_logs):
    response = move(client_for(support), provider, new_org)
    assert "Choose what happens to the logs assigned to this user." in response.content.decode()


def test_move_with_all_logs(client_for, support, provider, new_org, with_logs, org,
                            django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = move(client_for(support), provider, new_org, REASSIGN_ALL)
    assert response.status_code == 302
    provider.refresh_from_db()
    assert provider.organisation == new_org
    for log in LettingsLog.objects.filter(pk__in=[log.pk for log in with_logs]):
        assert (log.owning_organisation, log.managing_organisation, log.assigned_to) == (new_org, new_org, provider)
        assert log.history.first().history_user == support
    (message,) = mail.outbox
    assert message.to == [provider.email]
    assert f"from Greenfield Housing ({org.code}) to New Homes ({new_org.code})" in message.body
    assert "The 2 logs assigned to you moved with you to New Homes" in message.body


def test_move_and_unassign_gives_the_logs_to_the_old_organisations_placeholder(client_for, support, provider, new_org,
                                                                               with_logs, org):
    move(client_for(support), provider, new_org, UNASSIGN)
    placeholders = User.objects.filter(organisation=org, name="Unassigned", is_active=False)
    assert placeholders.count() == 1
    assert set(LettingsLog.objects.filter(pk__in=[log.pk for log in with_logs])
               .values_list("assigned_to", "owning_organisation")) == {(placeholders.get().pk, org.pk)}


def test_stock_owner_only_needs_the_managing_agents_to_be_related(client_for, support, provider, new_org, with_logs,
                                                                  org):
    response = move(client_for(support), provider, new_org, REASSIGN_STOCK_OWNER)
    assert "Greenfield Housing is not a managing agent of New Homes" in response.content.decode()
    relate(new_org, org)
    move(client_for(support), provider, new_org, REASSIGN_STOCK_OWNER)
    log = LettingsLog.objects.get(pk=with_logs[0].pk)
    assert (log.owning_organisation, log.managing_organisation) == (new_org, org)


def test_managing_agent_only_needs_the_stock_owners_to_be_related(client_for, support, provider, new_org, with_logs,
                                                                  org):
    response = move(client_for(support), provider, new_org, REASSIGN_MANAGING_AGENT)
    assert "Greenfield Housing is not a stock owner of New Homes" in response.content.decode()
    relate(org, new_org)
    move(client_for(support), provider, new_org, REASSIGN_MANAGING_AGENT)
    log = LettingsLog.objects.get(pk=with_logs[0].pk)
    assert (log.owning_organisation, log.managing_organisation) == (org, new_org)


def test_a_pending_bulk_upload_of_the_user_is_cancelled(client_for, support, provider, new_org, org):
    upload = BulkUpload.objects.create(log_type="lettings", year=2026, uploaded_by=provider, organisation=org,
                                       file_name="f.csv", status=UploadStatus.POTENTIAL_ERRORS)
    log = make_lettings_log(org, provider, assigned_to=provider, status=LogStatus.PENDING)
    LettingsLog.objects.filter(pk=log.pk).update(bulk_upload=upload)
    move(client_for(support), provider, new_org)
    upload.refresh_from_db()
    assert upload.status == UploadStatus.CANCELLED_BY_MOVED_USER


def test_support_users_stay_in_the_support_organisation(client_for, support, new_org):
    other_support = make_user(role=Role.SUPPORT, email="s2@mhclg.test")
    response = move(client_for(support), other_support, new_org)
    assert "must stay in MHCLG" in response.content.decode()


def test_deletion_needs_a_deactivated_user(client_for, support, provider):
    client = client_for(support)
    response = client.get(action(provider, "delete_user"))
    assert response.status_code == 302
    provider.refresh_from_db()
    assert provider.discarded_at is None


def test_deletion_refused_with_logs_in_an_editable_year(client_for, support, provider, with_logs):
    User.objects.filter(pk=provider.pk).update(is_active=False)
    client_for(support).post(action(provider, "delete_user"))
    provider.refresh_from_db()
    assert provider.discarded_at is None


def test_deletion_refused_for_the_dpo_who_accepted_the_agreement(client_for, support, org):
    dpo = make_user(org, Role.DATA_COORDINATOR, is_dpo=True, is_active=False)
    sign_dsa(org, dpo)
    client_for(support).post(action(dpo, "delete_user"))
    dpo.refresh_from_db()
    assert dpo.discarded_at is None


def test_support_deletes_a_deactivated_user_and_their_page_is_gone(client_for, support, provider):
    User.objects.filter(pk=provider.pk).update(is_active=False)
    client = client_for(support)
    assert "Delete Pat Provider?" in client.get(action(provider, "delete_user")).content.decode()
    client.post(action(provider, "delete_user"))
    provider.refresh_from_db()
    assert provider.discarded_at is not None
    assert client.get(reverse("admin:domain_user_change", args=[provider.pk])).status_code == 404
    assert provider.history.first().discarded_at is not None


def test_the_organisation_field_is_no_longer_edited_on_the_form(client_for, support, provider):
    body = client_for(support).get(reverse("admin:domain_user_change", args=[provider.pk])).content.decode()
    assert 'name="organisation"' not in body
