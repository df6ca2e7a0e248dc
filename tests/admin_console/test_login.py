"""Signing in: email login, plain reasons for refusal, lockout, password reset."""

import re

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.urls import reverse

from domain.models import Role
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db
LOGIN = reverse("admin:login")


def sign_in(client, email, password=PASSWORD):
    return client.post(LOGIN, {"username": email, "password": password, "next": reverse("admin:index")})


def test_user_signs_in_with_email_in_any_case(client, provider):
    response = sign_in(client, "  PROVIDER@Greenfield.test ")
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_wrong_password_is_refused(client, provider):
    response = sign_in(client, provider.email, "not-the-password")
    assert response.status_code == 200
    assert "Enter a correct email address and password" in response.content.decode()


def test_deactivated_user_is_told_why(client, provider):
    provider.is_active = False
    provider.save()
    response = sign_in(client, provider.email)
    assert "Your account has been deactivated" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_user_without_a_role_is_told_why(client, org):
    dpo = make_user(org, role=None, is_dpo=True)
    response = sign_in(client, dpo.email)
    assert "does not have a role" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_five_failures_lock_the_account(client, provider):
    for _ in range(5):
        sign_in(client, provider.email, "wrong-password")
    response = sign_in(client, provider.email)  # even the right password is refused now
    assert response.status_code == 429
    assert "locked for one hour" in response.content.decode()
    assert "_auth_user_id" not in client.session


EMAIL_SPELLINGS = [
    "PROVIDER@GREENFIELD.TEST",
    " provider@greenfield.test",
    "Provider@Greenfield.Test ",
    "provider@GREENFIELD.test",
    "  pRoViDeR@greenfield.TEST  ",
]


def test_failures_in_any_spelling_of_the_email_count_towards_one_lockout(client, provider):
    for spelling in EMAIL_SPELLINGS:
        sign_in(client, spelling, "wrong-password")
    assert AccessAttempt.objects.get().username == "provider@greenfield.test"
    for spelling in [provider.email, *EMAIL_SPELLINGS]:
        response = sign_in(client, spelling)  # the right password, in every spelling
        assert response.status_code == 429, spelling
        assert "_auth_user_id" not in client.session


def test_six_case_variants_with_twelve_wrong_passwords_lock_the_account(client, provider):
    spellings = [*EMAIL_SPELLINGS, provider.email]
    for attempt in range(12):
        sign_in(client, spellings[attempt % 6], "wrong-password")
    assert sign_in(client, "PROVIDER@greenfield.test").status_code == 429
    assert "_auth_user_id" not in client.session


def test_fourth_failure_warns_that_one_attempt_remains(client, provider):
    for attempt in range(3):
        page = sign_in(client, EMAIL_SPELLINGS[attempt], "wrong-password").content.decode()
        assert "one more attempt" not in page
    page = sign_in(client, EMAIL_SPELLINGS[3], "wrong-password").content.decode()
    assert "Enter a correct email address and password" in page
    assert "You have one more attempt before this account is locked for one hour" in page
    assert sign_in(client, provider.email, "wrong-password").status_code == 429


def test_a_success_resets_the_failure_count(client, provider):
    for _ in range(4):
        sign_in(client, provider.email, "wrong-password")
    assert sign_in(client, provider.email).status_code == 302
    client.logout()
    for _ in range(4):
        sign_in(client, provider.email, "wrong-password")
    assert sign_in(client, provider.email).status_code == 302


def test_password_reset_sets_a_new_password_and_unlocks(client, provider):
    for _ in range(5):
        sign_in(client, provider.email, "wrong-password")
    assert AccessAttempt.objects.filter(username=provider.email).exists()
    client.post(reverse("admin_password_reset"), {"email": provider.email})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/account/password-reset/[^\s]+)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "A-brand-new-passphrase", "new_password2": "A-brand-new-passphrase"},
    )
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username=provider.email).exists()
    assert sign_in(client, provider.email, "A-brand-new-passphrase").status_code == 302


def test_password_reset_for_unknown_email_reveals_nothing(client):
    response = client.post(reverse("admin_password_reset"), {"email": "nobody@example.com"}, follow=True)
    assert "If the address belongs to an active account" in response.content.decode()
    assert mail.outbox == []


def request_reset(client, email):
    return client.post(reverse("admin_password_reset"), {"email": email})


def test_sixth_reset_request_in_a_minute_shows_the_same_page_but_sends_nothing(client, provider):
    spellings = [provider.email, "PROVIDER@greenfield.test", " provider@Greenfield.Test ", "Provider@greenfield.test",
                 "provider@GREENFIELD.TEST"]
    for spelling in spellings:
        assert request_reset(client, spelling).url == reverse("password_reset_done")
    assert len(mail.outbox) == 5
    response = request_reset(client, "PROVIDER@GREENFIELD.TEST")
    assert response.status_code == 302 and response.url == reverse("password_reset_done")
    assert len(mail.outbox) == 5
    assert "If the address belongs to an active account" in client.get(response.url).content.decode()


def test_reset_requests_are_throttled_per_address(client, provider, coordinator):
    for _ in range(6):
        request_reset(client, provider.email)
    request_reset(client, coordinator.email)
    assert [m.to for m in mail.outbox].count([coordinator.email]) == 1
    assert [m.to for m in mail.outbox].count([provider.email]) == 5


def test_reset_sends_again_a_minute_later(client, provider, clock):
    for _ in range(6):
        request_reset(client, provider.email)
    assert len(mail.outbox) == 5
    clock.shift(60)
    request_reset(client, provider.email.upper())
    assert len(mail.outbox) == 6


def test_throttled_unknown_address_gets_the_same_page(client):
    for _ in range(7):
        response = request_reset(client, "nobody@example.com")
        assert response.status_code == 302 and response.url == reverse("password_reset_done")
    assert mail.outbox == []


def test_throttle_keeps_no_readable_email_address(client, provider):
    from domain.models import PasswordResetRequest

    request_reset(client, "nobody@example.com")
    stored = PasswordResetRequest.objects.get()
    assert "nobody" not in stored.email_digest and len(stored.email_digest) == 64


def test_short_password_is_refused_on_reset(client, provider):
    client.post(reverse("admin_password_reset"), {"email": provider.email})
    link = re.search(r"https?://[^/]+(/account/password-reset/[^\s]+)", mail.outbox[0].body).group(1)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": "short", "new_password2": "short"})
    assert response.status_code == 200
    assert "too short" in response.content.decode()


def test_signed_out_visitor_is_sent_to_sign_in(client):
    response = client.get(reverse("admin:domain_organisation_changelist"))
    assert response.status_code == 302 and response.url.startswith(LOGIN)


def test_login_form_is_csrf_protected(provider):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(LOGIN, {"username": provider.email, "password": PASSWORD})
    assert response.status_code == 403


def test_support_created_by_createsuperuser_belongs_to_the_support_organisation(db):
    from domain.models import User

    user = User.objects.create_superuser("admin@mhclg.test", "a-Long-test-passw0rd")
    assert user.role == Role.SUPPORT and user.organisation.name == "MHCLG"


def test_login_and_console_pages_carry_an_enforced_content_security_policy(client, provider):
    pages = [client.get(LOGIN), client.get(reverse("admin_password_reset"))]
    client.force_login(provider)
    pages += [client.get(reverse("admin:index")), client.get(reverse("admin:domain_user_change", args=[provider.pk]))]
    for response in pages:
        assert response.status_code == 200
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "object-src 'none'" in policy
        assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
        assert not response.has_header("Content-Security-Policy-Report-Only")


def test_lockout_page_carries_the_policy_too(client, provider):
    for _ in range(5):
        sign_in(client, provider.email, "wrong-password")
    response = sign_in(client, provider.email)
    assert response.status_code == 429 and "default-src 'self'" in response["Content-Security-Policy"]
