"""Support gives one user access to one record outside their role's scope, and takes it back, on a page
made for it (admin_console/grants.py): a user found by name or email, "See" or "See and change" only,
removal after a confirmation. For everyone else, and for records that take no grants, there is no page."""

import pytest
from django.urls import reverse
from guardian.models import UserObjectPermission
from guardian.shortcuts import assign_perm

from domain import access
from domain.models import LettingsLog
from tests.admin_console.test_lettings_admin import saved_log

pytestmark = pytest.mark.django_db


def grants_url(obj) -> str:
    return reverse(f"admin:domain_{obj._meta.model_name}_permissions", args=[obj.pk])


def test_support_finds_a_user_by_name_or_email_and_gives_see_access(client_for, support, provider, other_org):
    client = client_for(support)
    page = client.get(grants_url(other_org), {"q": "pat prov"}).content.decode()
    assert "Pat Provider (provider@greenfield.test)" in page and 'name="user"' in page
    assert "USERNAME_FIELD" not in page and "Can add" not in page and "add_organisation" not in page
    assert 'value="view"' in page and 'value="change"' in page and "See and change" in page
    assert "Pat Provider" in client.get(grants_url(other_org), {"q": "PROVIDER@greenfield"}).content.decode()
    assert not access.can_view_organisation(provider, other_org)
    response = client.post(grants_url(other_org), {"user": provider.pk, "access": "view"}, follow=True)
    assert "Pat Provider now has see access" in response.content.decode()
    assert access.can_view_organisation(provider, other_org)
    assert not access.can_change_organisation(provider, other_org)
    assert 'data-testid="grants"' in response.content.decode()


@pytest.mark.parametrize("codename", ["add", "delete", "", "view_organisation"])
def test_only_see_or_change_can_be_given(client_for, support, provider, other_org, codename):
    response = client_for(support).post(grants_url(other_org), {"user": provider.pk, "access": codename}, follow=True)
    assert "Choose what the user may do with this record." in response.content.decode()
    assert not UserObjectPermission.objects.exists()


def test_support_users_are_not_offered_nor_accepted(client_for, support, other_org):
    client = client_for(support)
    page = client.get(grants_url(other_org), {"q": "support"}).content.decode()
    assert 'name="user"' not in page and "No active user (outside customer support)" in page
    response = client.post(grants_url(other_org), {"user": support.pk, "access": "view"}, follow=True)
    assert "Choose a user to give access to." in response.content.decode()
    assert not UserObjectPermission.objects.exists()


def test_removing_access_asks_first_then_removes_it(client_for, support, provider, other_org):
    grant = assign_perm("domain.view_organisation", provider, other_org)
    client = client_for(support)
    page = client.get(grants_url(other_org)).content.decode()
    assert f"?remove={grant.pk}" in page
    confirm = client.get(grants_url(other_org), {"remove": grant.pk}).content.decode()
    assert "Remove Pat Provider&#x27;s access to Unrelated Homes?" in confirm
    assert f'name="remove" value="{grant.pk}"' in confirm and "csrfmiddlewaretoken" in confirm
    assert UserObjectPermission.objects.filter(pk=grant.pk).exists()  # a GET removes nothing
    response = client.post(grants_url(other_org), {"remove": grant.pk}, follow=True)
    assert "Pat Provider no longer has see access." in response.content.decode()
    assert not access.can_view_organisation(provider, other_org)


@pytest.mark.parametrize("role", ["coordinator", "provider", "statistician"])
def test_nobody_but_support_finds_the_page(client_for, request, role, org, other_org, provider):
    client = client_for(request.getfixturevalue(role))
    for obj in (org, other_org):
        assert client.get(grants_url(obj)).status_code == 404
        assert client.post(grants_url(obj), {"user": provider.pk, "access": "change"}).status_code == 404
    assert not UserObjectPermission.objects.exists()
    change = client.get(reverse("admin:domain_organisation_change", args=[org.pk])).content.decode()
    assert grants_url(org) not in change


def test_support_sees_the_tab_on_records_that_take_grants_only(client_for, support, org, coordinator):
    client = client_for(support)
    page = client.get(reverse("admin:domain_organisation_change", args=[org.pk])).content.decode()
    assert grants_url(org) in page and "Access for other users" in page
    log = saved_log(org, coordinator)
    assert "Access for other users" not in client.get(
        reverse("admin:domain_lettingslog_change", args=[log.pk])).content.decode()
    assert client.get(f"/domain/lettingslog/{log.pk}/permissions/").status_code == 404
    assert not LettingsLog.objects.filter(pk=log.pk, discarded_at__isnull=False).exists()
