"""Changing a user's email: the new address confirms from a link before it takes effect, and the old
address is told; until then the old address signs in and receives password resets."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from domain.models import User
from tests.admin_console.test_users_admin import user_post
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
OLD, NEW = "provider@greenfield.test", "pat.new@greenfield.test"


def signs_in(email, password=PASSWORD):
    client = Client()
    response = client.post(reverse("admin:login"), {"username": email, "password": password})
    return response.status_code == 302


@pytest.fixture
def change_requested(client_for, coordinator, provider, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(coordinator).post(
            reverse("admin:domain_user_change", args=[provider.pk]), user_post(provider, email=NEW.upper())
        )
    assert response.status_code == 302
    provider.refresh_from_db()
    return provider


def confirmation_link(to=NEW):
    (message,) = [m for m in mail.outbox if m.to == [to]]
    return re.search(r"https?://[^/]+(/account/confirm-email/[^\s]+)", message.body).group(1)


def test_changing_an_email_keeps_the_old_one_until_the_new_one_confirms(change_requested):
    assert change_requested.email == OLD and change_requested.pending_email == NEW
    assert signs_in(OLD) and not signs_in(NEW)


def test_old_address_is_told_and_new_address_gets_the_link(change_requested):
    assert sorted(m.to[0] for m in mail.outbox) == sorted([OLD, NEW])
    (notice,) = [m for m in mail.outbox if m.to == [OLD]]
    assert NEW in notice.body and "Carla Coordinator" in notice.body and "/confirm-email/" not in notice.body
    assert confirmation_link()


def test_password_reset_goes_to_the_old_address_while_the_change_is_pending(change_requested):
    mail.outbox.clear()
    Client().post(reverse("admin_password_reset"), {"email": NEW})
    assert mail.outbox == []
    Client().post(reverse("admin_password_reset"), {"email": OLD})
    assert [m.to for m in mail.outbox] == [[OLD]]


def test_user_page_shows_the_pending_change(client_for, coordinator, change_requested):
    page = client_for(coordinator).get(reverse("admin:domain_user_change", args=[change_requested.pk])).content.decode()
    assert "Email change waiting for confirmation" in page
    assert f"{NEW}: a confirmation link was sent to it on 28 November 2026" in page


def test_following_the_link_shows_the_change_and_confirming_makes_it(change_requested):
    client = Client()
    link = confirmation_link()
    page = client.get(link)
    assert page.status_code == 200 and f"Confirm {NEW}" in page.content.decode()
    change_requested.refresh_from_db()
    assert change_requested.email == OLD  # opening the link changes nothing
    done = client.post(link)
    assert f"Your email address is now {NEW}" in done.content.decode()
    change_requested.refresh_from_db()
    assert change_requested.email == NEW and change_requested.pending_email == ""
    assert signs_in(NEW) and not signs_in(OLD)
    again = client.post(link)
    assert again.status_code == 400 and "This link is not valid" in again.content.decode()


def test_an_expired_link_is_refused(change_requested, clock):
    link = confirmation_link()
    clock.shift(timedelta(hours=24, minutes=1))
    response = Client().post(link)
    assert response.status_code == 400 and "This link has expired" in response.content.decode()
    change_requested.refresh_from_db()
    assert change_requested.email == OLD


def test_a_tampered_link_is_refused(change_requested):
    link = confirmation_link()
    token = link.rstrip("/").rsplit("/", 1)[1]
    payload, _, signature = token.partition(":")
    for forged in (f"{payload}x:{signature}", f"{payload}:{signature[:-2]}AA", "not-a-token"):
        response = Client().post(reverse("email_change_confirm", args=[forged]))
        assert response.status_code == 400 and "This link is not valid" in response.content.decode()
    change_requested.refresh_from_db()
    assert change_requested.email == OLD


def test_a_newer_change_replaces_the_older_link(client_for, coordinator, change_requested, django_capture_on_commit_callbacks):
    first = confirmation_link()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(coordinator).post(
            reverse("admin:domain_user_change", args=[change_requested.pk]),
            user_post(change_requested, email="pat.other@greenfield.test"),
        )
    assert Client().post(first).status_code == 400
    Client().post(confirmation_link("pat.other@greenfield.test"))
    change_requested.refresh_from_db()
    assert change_requested.email == "pat.other@greenfield.test"


def test_deactivating_the_user_cancels_the_change(client_for, coordinator, change_requested):
    link = confirmation_link()
    client_for(coordinator).post(reverse("admin:domain_user_deactivate", args=[change_requested.pk]))
    change_requested.refresh_from_db()
    assert change_requested.pending_email == ""
    assert Client().post(link).status_code == 400


def test_an_address_another_user_has_is_refused_without_saying_whose(client_for, support, coordinator, provider):
    response = client_for(support).post(
        reverse("admin:domain_user_change", args=[provider.pk]), user_post(provider, email=" Coordinator@Greenfield.test")
    )
    assert response.status_code == 200
    errors = " ".join(str(e) for e in response.context["adminform"].form.errors["email"])
    assert errors == "A user with this email address already exists. Use a different address."
    provider.refresh_from_db()
    assert provider.email == OLD and provider.pending_email == "" and mail.outbox == []


def test_an_address_taken_before_confirming_is_refused(change_requested, org):
    from tests.factories import make_user

    make_user(org, email=NEW)
    response = Client().post(confirmation_link())
    assert response.status_code == 400 and "now used by another account" in response.content.decode()
    change_requested.refresh_from_db()
    assert change_requested.email == OLD


def test_user_changing_their_own_email_also_confirms_it(client_for, provider, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client_for(provider).post(reverse("admin:domain_user_change", args=[provider.pk]), user_post(provider, email=NEW))
    provider.refresh_from_db()
    assert provider.email == OLD and provider.pending_email == NEW
    assert sorted(m.to[0] for m in mail.outbox) == sorted([OLD, NEW])


def test_saving_other_details_sends_nothing(client_for, coordinator, provider):
    client_for(coordinator).post(reverse("admin:domain_user_change", args=[provider.pk]), user_post(provider, name="Pat P"))
    provider.refresh_from_db()
    assert provider.name == "Pat P" and provider.pending_email == "" and mail.outbox == []
    assert User.objects.get(pk=provider.pk).email == OLD
