"""The data sharing agreement (spec §5): read by the organisation's users and support, accepted once by its
data protection officer, and holding back new logs and bulk uploads until it is accepted."""

import pytest
from django.urls import reverse

from domain import access
from domain.models import DataProtectionConfirmation, Role
from domain.selectors.data_sharing import data_sharing_banner_for
from tests.factories import make_organisation, make_user, relate, sign_dsa

pytestmark = pytest.mark.django_db


@pytest.fixture
def unsigned():
    return make_organisation(name="Unsigned Homes", dsa_signed=False, address_line1="1 High Street",
                             postcode="S70 2TA", phone="01226000001")


@pytest.fixture
def dpo(unsigned):
    return make_user(unsigned, Role.DATA_COORDINATOR, email="dpo@unsigned.test", name="Dora Officer", is_dpo=True)


@pytest.fixture
def provider_unsigned(unsigned):
    return make_user(unsigned, Role.DATA_PROVIDER, email="pat@unsigned.test", name="Pat Unsigned")


def page(org):
    return reverse("admin_console:data_sharing_agreement", args=[org.pk])


def test_a_user_of_the_organisation_reads_the_unsigned_agreement_with_placeholders(client_for, provider_unsigned,
                                                                                  unsigned):
    body = client_for(provider_unsigned).get(page(unsigned)).content.decode()
    assert "Not accepted yet" in body and "[DPO name]" in body and "[DPO email]" in body
    assert "1 High Street, S70 2TA" in body and "Accept this agreement" not in body


def test_the_dpo_sees_their_own_details_and_the_accept_button(client_for, dpo, unsigned):
    body = client_for(dpo).get(page(unsigned)).content.decode()
    assert "Dora Officer (dpo@unsigned.test)" in body and "Accept this agreement" in body


def test_the_dpo_accepts_and_the_details_are_kept_as_they_were(client_for, dpo, unsigned):
    response = client_for(dpo).post(page(unsigned))
    assert response.status_code == 302
    confirmation = DataProtectionConfirmation.objects.get(organisation=unsigned)
    assert confirmation.confirmed and confirmation.data_protection_officer == dpo
    assert (confirmation.organisation_name, confirmation.organisation_address, confirmation.organisation_phone_number,
            confirmation.data_protection_officer_name, confirmation.data_protection_officer_email) == (
        "Unsigned Homes", "1 High Street, S70 2TA", "01226000001", "Dora Officer", "dpo@unsigned.test")
    assert confirmation.signed_at.isoformat().startswith("2026-11-28T12:00")
    assert confirmation.history.count() == 1
    unsigned.name = "Renamed Homes"
    unsigned.save()
    body = client_for(dpo).get(page(unsigned)).content.decode()
    assert "Accepted on 28 November 2026 by Dora Officer, data protection officer of Unsigned Homes" in body
    assert "Accept this agreement" not in body


def test_someone_who_is_not_the_dpo_cannot_accept(client_for, provider_unsigned, unsigned):
    client_for(provider_unsigned).post(page(unsigned))
    assert not DataProtectionConfirmation.objects.filter(organisation=unsigned).exists()


def test_support_reads_any_agreement_but_cannot_accept_it(client_for, support, unsigned):
    assert client_for(support).get(page(unsigned)).status_code == 200
    client_for(support).post(page(unsigned))
    assert not access.dsa_confirmed(unsigned)


def test_another_organisations_users_get_404(client_for, other_coordinator, unsigned):
    assert client_for(other_coordinator).get(page(unsigned)).status_code == 404
    assert client_for(other_coordinator).post(page(unsigned)).status_code == 404


def test_accepting_twice_changes_nothing(client_for, dpo, unsigned):
    client_for(dpo).post(page(unsigned))
    first = DataProtectionConfirmation.objects.get(organisation=unsigned).signed_at
    client_for(dpo).post(page(unsigned))
    assert DataProtectionConfirmation.objects.get(organisation=unsigned).signed_at == first


def test_new_logs_and_uploads_wait_for_the_agreement(client_for, provider_unsigned, dpo, unsigned):
    client = client_for(provider_unsigned)
    assert not access.can_start_new_logs(provider_unsigned)
    assert client.get(reverse("admin:domain_lettingslog_add")).status_code == 403
    response = client.get(reverse("admin:domain_bulkupload_add"))
    assert response.status_code == 302 and response["Location"] == reverse("admin:domain_bulkupload_changelist")
    sign_dsa(unsigned, dpo)
    assert access.can_start_new_logs(provider_unsigned)
    assert client.get(reverse("admin:domain_lettingslog_add")).status_code == 200
    assert client.get(reverse("admin:domain_bulkupload_add")).status_code == 200


def test_an_agent_without_stock_needs_a_signed_stock_owner(unsigned):
    agent = make_organisation(name="Agent Homes", holds_own_stock=False)
    user = make_user(agent, Role.DATA_PROVIDER)
    assert not access.can_start_new_logs(user)  # signed, but no signed stock holder to log for
    relate(unsigned, agent)
    assert not access.can_start_new_logs(user)  # its stock owner has not signed
    sign_dsa(unsigned)
    assert access.can_start_new_logs(user)


def test_support_starts_logs_from_the_global_list_whatever_the_agreements(support):
    assert access.can_start_new_logs(support)


def test_banner_names_the_dpo_for_other_users_and_goes_once_accepted(client_for, provider_unsigned, dpo, unsigned):
    body = client_for(provider_unsigned).get(reverse("admin:domain_lettingslog_changelist")).content.decode()
    assert "Unsigned Homes&#x27;s data protection officer (Dora Officer) must accept" in body
    assert data_sharing_banner_for(dpo).link_text == "Read the data sharing agreement"
    client_for(dpo).post(page(unsigned))
    body = client_for(provider_unsigned).get(reverse("admin:domain_lettingslog_changelist")).content.decode()
    assert 'data-testid="dsa-banner"' not in body


def test_banner_without_any_dpo_asks_for_one(provider_unsigned):
    assert "has no data protection officer" in data_sharing_banner_for(provider_unsigned).text


def test_organisation_page_shows_the_agreement_state(client_for, support, dpo, unsigned):
    url = reverse("admin:domain_organisation_change", args=[unsigned.pk])
    assert "Not accepted" in client_for(support).get(url).content.decode()
    sign_dsa(unsigned, dpo)
    assert "Accepted 28/11/2026 by Dora Officer" in client_for(support).get(url).content.decode()


def test_a_user_made_dpo_is_asked_to_accept(client_for, support, provider_unsigned, unsigned,
                                            django_capture_on_commit_callbacks):
    from django.core import mail

    from tests.admin_console.test_users_admin import user_post

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(support).post(reverse("admin:domain_user_change", args=[provider_unsigned.pk]),
                                            user_post(provider_unsigned, is_dpo="on"))
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == [provider_unsigned.email] and page(unsigned) in message.body
