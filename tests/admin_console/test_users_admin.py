"""User pages: inviting, editing and deactivating users within the access rules."""

import pytest
from django.core import mail
from django.urls import reverse

from domain.models import Role, User
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def invite(client, **fields):
    data = {"name": "New Person", "email": "new.person@greenfield.test", "role": str(Role.DATA_PROVIDER)}
    data.update(fields)
    return client.post(reverse("admin:domain_user_add"), data)


def user_post(user, **fields):
    data = {
        "name": user.name,
        "email": user.email,
        "phone": user.phone,
        "phone_extension": user.phone_extension,
        "organisation": str(user.organisation_id),
        "role": str(user.role or ""),
        "is_active": "on" if user.is_active else "",
    }
    data.update(fields)
    return {k: v for k, v in data.items() if v != ""}


def test_coordinator_invites_a_user_to_own_organisation(
    client_for, coordinator, org, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client_for(coordinator), organisation=str(org.pk), email="  New.Person@Greenfield.TEST ")
    assert response.status_code == 302
    user = User.objects.get(email="new.person@greenfield.test")
    assert user.organisation == org and user.role == Role.DATA_PROVIDER
    assert not user.has_usable_password()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["new.person@greenfield.test"]
    assert "/account/password-reset/" in mail.outbox[0].body
    assert user.history.get().history_user == coordinator


def test_coordinator_cannot_grant_support(client_for, coordinator, org):
    response = invite(client_for(coordinator), organisation=str(org.pk), role=str(Role.SUPPORT))
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not User.objects.filter(email="new.person@greenfield.test").exists()
    assert mail.outbox == []


def test_coordinator_cannot_add_users_to_another_organisation(client_for, coordinator, other_org):
    response = invite(client_for(coordinator), organisation=str(other_org.pk))
    assert response.status_code == 200
    assert not User.objects.filter(email="new.person@greenfield.test").exists()


def test_an_email_already_used_is_refused(client_for, coordinator, org, provider):
    response = invite(client_for(coordinator), organisation=str(org.pk), email=provider.email.upper())
    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    assert User.objects.filter(email__iexact=provider.email).count() == 1


def test_support_only_in_the_support_organisation(client_for, support, org):
    response = invite(client_for(support), organisation=str(org.pk), role=str(Role.SUPPORT))
    assert response.status_code == 200
    assert "Only staff of MHCLG" in response.content.decode()
    assert not User.objects.filter(email="new.person@greenfield.test").exists()


def test_provider_cannot_invite_users(client_for, provider, org):
    assert client_for(provider).get(reverse("admin:domain_user_add")).status_code == 403
    assert invite(client_for(provider), organisation=str(org.pk)).status_code == 403
    assert not User.objects.filter(email="new.person@greenfield.test").exists()


def test_provider_opening_a_user_of_another_organisation_gets_nothing(client_for, provider, other_provider):
    response = client_for(provider).get(reverse("admin:domain_user_change", args=[other_provider.pk]), follow=True)
    assert other_provider.email not in response.content.decode()


def test_coordinator_posting_to_another_organisations_user_changes_nothing(
    client_for, coordinator, other_provider
):
    url = reverse("admin:domain_user_change", args=[other_provider.pk])
    response = client_for(coordinator).post(url, user_post(other_provider, name="Hijacked"))
    assert response.status_code in (302, 403, 404)
    other_provider.refresh_from_db()
    assert other_provider.name == "Olive Other"


def test_user_list_shows_only_own_organisation(client_for, coordinator, provider, other_provider):
    page = client_for(coordinator).get(reverse("admin:domain_user_changelist")).content.decode()
    assert provider.email in page and other_provider.email not in page


def test_provider_edits_own_name_but_not_role(client_for, provider):
    url = reverse("admin:domain_user_change", args=[provider.pk])
    response = client_for(provider).post(url, user_post(provider, name="Patricia Provider", role=str(Role.DATA_COORDINATOR)))
    assert response.status_code == 302
    provider.refresh_from_db()
    assert provider.name == "Patricia Provider" and provider.role == Role.DATA_PROVIDER


def test_coordinator_promotes_a_provider(client_for, coordinator, provider):
    url = reverse("admin:domain_user_change", args=[provider.pk])
    response = client_for(coordinator).post(url, user_post(provider, role=str(Role.DATA_COORDINATOR), is_dpo="on"))
    assert response.status_code == 302
    provider.refresh_from_db()
    assert provider.role == Role.DATA_COORDINATOR and provider.is_dpo
    assert provider.history.latest().history_user == coordinator


def test_invalid_phone_number_is_refused_with_a_message(client_for, coordinator, provider):
    url = reverse("admin:domain_user_change", args=[provider.pk])
    response = client_for(coordinator).post(url, user_post(provider, phone="12 34"))
    assert response.status_code == 200
    assert "at least 11 digits" in response.content.decode()


def test_deactivating_a_user_by_get_only_asks_for_confirmation(client_for, coordinator, provider):
    url = reverse("admin:domain_user_deactivate", args=[provider.pk])
    response = client_for(coordinator).get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Deactivate Pat Provider?" in page
    assert '<form method="post"' in page and "csrfmiddlewaretoken" in page
    provider.refresh_from_db()
    assert provider.is_active


def test_deactivate_post_without_the_csrf_token_is_refused(coordinator, provider):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(coordinator)
    response = strict.post(reverse("admin:domain_user_deactivate", args=[provider.pk]))
    assert response.status_code == 403
    provider.refresh_from_db()
    assert provider.is_active


def test_coordinator_deactivates_and_reactivates_a_user(
    client_for, coordinator, provider, django_capture_on_commit_callbacks
):
    client = client_for(coordinator)
    response = client.post(reverse("admin:domain_user_deactivate", args=[provider.pk]))
    assert response.status_code == 302
    provider.refresh_from_db()
    assert not provider.is_active
    reactivate = reverse("admin:domain_user_reactivate", args=[provider.pk])
    assert "Reactivate Pat Provider?" in client.get(reactivate).content.decode()
    provider.refresh_from_db()
    assert not provider.is_active and mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reactivate)
    provider.refresh_from_db()
    assert provider.is_active
    assert len(mail.outbox) == 1  # a fresh invitation to choose a password


def test_coordinator_cannot_deactivate_themself(client_for, coordinator):
    client = client_for(coordinator)
    url = reverse("admin:domain_user_deactivate", args=[coordinator.pk])
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    coordinator.refresh_from_db()
    assert coordinator.is_active


def test_coordinator_cannot_deactivate_users_of_other_organisations(client_for, coordinator, other_provider):
    response = client_for(coordinator).post(reverse("admin:domain_user_deactivate", args=[other_provider.pk]))
    assert response.status_code in (403, 404)
    other_provider.refresh_from_db()
    assert other_provider.is_active


def test_support_moves_nobody_into_a_deactivated_organisation(client_for, support, org):
    org.active = False
    org.save()
    response = invite(client_for(support), organisation=str(org.pk))
    assert response.status_code == 200
    assert not User.objects.filter(email="new.person@greenfield.test").exists()


def test_statistician_sees_users_read_only(client_for, statistician, provider):
    client = client_for(statistician)
    url = reverse("admin:domain_user_change", args=[provider.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, user_post(provider, name="Changed")).status_code == 403
    provider.refresh_from_db()
    assert provider.name == "Pat Provider"


def test_dpo_only_user_is_listed_with_no_role(client_for, coordinator, org):
    dpo = make_user(org, role=None, is_dpo=True, name="Dee Protection")
    page = client_for(coordinator).get(reverse("admin:domain_user_changelist")).content.decode()
    assert "Dee Protection" in page and "Data protection officer" in page
    assert dpo.status == "unconfirmed"


def test_the_user_form_cannot_deactivate_round_the_deactivation_page(client_for, coordinator, provider):
    response = client_for(coordinator).post(
        reverse("admin:domain_user_change", args=[provider.pk]), user_post(provider, is_active=""))
    assert response.status_code == 302
    provider.refresh_from_db()
    assert provider.is_active
