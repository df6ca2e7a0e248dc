"""The second factor (spec §10, issue 17): support pass it before any console page; enrolment with an
authenticator app and backup codes, or a code by email; wrong codes count towards the lockout."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import PASSWORD
from tests.second_factor import totp_code

pytestmark = pytest.mark.django_db
VERIFY, SET_UP = reverse("second_factor_verify"), reverse("second_factor_set_up")


def signed_in_with_password(user) -> Client:
    client = Client()
    response = client.post(reverse("admin:login"), {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return client


def enrolled(client, user) -> TOTPDevice:
    client.get(SET_UP)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(SET_UP, {"code": totp_code(device)})
    assert response.status_code == 200 and "Your backup codes" in response.content.decode()
    return TOTPDevice.objects.get(pk=device.pk)


def test_support_signed_in_with_a_password_is_sent_to_set_up_before_any_page(support):
    client = signed_in_with_password(support)
    for url in (reverse("admin:index"), reverse("admin:domain_organisation_changelist"),
                reverse("admin_console:own_organisation")):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    response = client.get(VERIFY)
    assert response.status_code == 302 and response["Location"].startswith(SET_UP)


def test_enrolment_shows_a_qr_code_and_the_secret_then_backup_codes(support):
    client = signed_in_with_password(support)
    body = client.get(SET_UP).content.decode()
    assert "<svg" in body and 'data-testid="secret"' in body
    device = TOTPDevice.objects.get(user=support, confirmed=False)
    assert client.get(SET_UP) and TOTPDevice.objects.filter(user=support).count() == 1  # same device on reload
    response = client.post(SET_UP, {"code": totp_code(device)})
    codes = re.findall(r"<li>(\d{8})</li>", response.content.decode())
    assert len(codes) == 10
    assert StaticDevice.objects.get(user=support).token_set.count() == 10
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_wrong_code_at_enrolment_is_refused(support):
    client = signed_in_with_password(support)
    client.get(SET_UP)
    response = client.post(SET_UP, {"code": "000000" if totp_code(TOTPDevice.objects.get(user=support)) != "000000"
                                    else "111111"})
    assert "The code is not right" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=support, confirmed=True).exists()


def test_an_enrolled_user_signs_in_again_with_a_code_from_the_app(support, clock):
    device = enrolled(signed_in_with_password(support), support)
    clock.shift(60)  # the next code: one code is accepted once
    client = signed_in_with_password(support)
    assert client.get(reverse("admin:index"))["Location"].startswith(VERIFY)
    response = client.post(VERIFY, {"code": totp_code(device), "next": reverse("admin:index")})
    assert response.status_code == 302 and response["Location"] == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_backup_code_works_once(support):
    client = signed_in_with_password(support)
    client.get(SET_UP)
    response = client.post(SET_UP, {"code": totp_code(TOTPDevice.objects.get(user=support))})
    code = re.findall(r"<li>(\d{8})</li>", response.content.decode())[0]
    client = signed_in_with_password(support)
    assert client.post(VERIFY, {"code": code}).status_code == 302
    client = signed_in_with_password(support)
    assert "The code is not right" in client.post(VERIFY, {"code": code}).content.decode()


def test_without_an_app_a_code_is_emailed(support):
    client = signed_in_with_password(support)
    response = client.post(SET_UP, {"use_email": "1"})
    assert response["Location"].startswith(VERIFY)
    (message,) = mail.outbox
    assert message.to == [support.email] and "works for 15 minutes" in message.body
    code = re.search(r"code is (\d{6})", message.body).group(1)
    assert client.post(VERIFY, {"code": code}).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_asking_for_an_emailed_code_from_the_verify_page(support):
    enrolled(signed_in_with_password(support), support)
    client = signed_in_with_password(support)
    response = client.post(VERIFY, {"send_email": "1"})
    assert "We have emailed a code to you" in response.content.decode()
    assert len(mail.outbox) == 1


def test_five_wrong_codes_lock_the_account_like_wrong_passwords(support):
    device = enrolled(signed_in_with_password(support), support)
    client = signed_in_with_password(support)
    wrong = "123456" if totp_code(device) != "123456" else "654321"
    for attempt in range(4):
        body = client.post(VERIFY, {"code": wrong}).content.decode()
        assert "The code is not right" in body
        assert ("one more attempt before this account is locked" in body) == (attempt == 3)
    response = client.post(VERIFY, {"code": wrong})
    assert response.status_code == 429 and 'data-testid="locked-out"' in response.content.decode()
    # Signed out, and the password no longer signs in for the hour.
    assert client.get(reverse("admin:index"))["Location"].startswith(reverse("admin:login"))
    response = Client().post(reverse("admin:login"), {"username": support.email, "password": PASSWORD})
    assert response.status_code == 429


def test_other_roles_need_no_second_factor_until_they_enrol(provider):
    client = signed_in_with_password(provider)
    assert client.get(reverse("admin:index")).status_code == 200
    device = enrolled(client, provider)
    client = signed_in_with_password(provider)
    assert client.get(reverse("admin:index"))["Location"].startswith(VERIFY)
    assert device.confirmed


def test_the_pages_need_a_signed_in_user():
    client = Client()
    assert client.get(VERIFY)["Location"].startswith(reverse("admin:login"))
    assert client.get(SET_UP)["Location"].startswith(reverse("admin:login"))


def test_statistician_is_not_asked(statistician):
    assert signed_in_with_password(statistician).get(reverse("admin:index")).status_code == 200


def test_next_never_leads_off_the_site(support):
    client = signed_in_with_password(support)
    client.get(SET_UP)
    device = TOTPDevice.objects.get(user=support)
    client.post(SET_UP, {"code": totp_code(device), "next": "https://evil.example/"})
    assert 'href="https://evil.example/"' not in client.get(VERIFY).content.decode()



def test_each_page_reads_the_user_with_their_organisation_and_second_factor_at_once(coordinator):
    """Every page asks whether the user has enrolled a second factor and reads their organisation: both come
    with the user's own row (domain.auth.AccessBackend.get_user), not as queries of their own."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = signed_in_with_password(coordinator)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("admin:domain_lettingslog_changelist")).status_code == 200
    second_factor_reads = [q["sql"] for q in captured.captured_queries if "otp_totp_totpdevice" in q["sql"]]
    assert len(second_factor_reads) == 1
    assert second_factor_reads[0].startswith('SELECT "domain_user"."id"')
    assert 'JOIN "domain_organisation"' in second_factor_reads[0]
    assert not [q for q in captured.captured_queries if q["sql"].startswith('SELECT 1 AS "a" FROM "domain_user"')]
    assert not [q for q in captured.captured_queries if q["sql"].startswith('SELECT "domain_organisation"."id", ')
                and f'"domain_organisation"."id" = {coordinator.organisation_id}' in q["sql"]]
