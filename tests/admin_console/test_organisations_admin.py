"""Organisation pages: who may open and change what, inline relationships, and the audit trail."""

import pytest
from django.urls import reverse

from domain.models import Organisation, OrganisationRelationship, Role
from tests.factories import make_organisation, make_user, relate

pytestmark = pytest.mark.django_db


def change_url(org):
    return reverse("admin:domain_organisation_change", args=[org.pk])


def inline_management(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


STOCK_OWNERS = "stock_owner_relationships"
MANAGING_AGENTS = "managing_agent_relationships"
NAME_CHANGES = "name_changes"


def org_post(org, **extra):
    data = {
        "address_line1": org.address_line1,
        "address_line2": org.address_line2,
        "postcode": org.postcode,
        "phone": org.phone,
        "rent_periods": [str(code) for code in org.rent_periods],
        **inline_management(STOCK_OWNERS),
        **inline_management(MANAGING_AGENTS),
        **inline_management(NAME_CHANGES),
    }
    data.update(extra)
    return data


def test_provider_opening_another_organisation_gets_404(client_for, provider, other_org):
    response = client_for(provider).get(change_url(other_org))
    assert response.status_code in (302, 404)
    if response.status_code == 302:  # the admin redirects unknown objects to the index with a message
        assert response.url == reverse("admin:index")
    assert other_org.name not in client_for(provider).get(change_url(other_org), follow=True).content.decode()


def test_coordinator_posting_to_another_organisation_changes_nothing(client_for, coordinator, other_org):
    response = client_for(coordinator).post(change_url(other_org), org_post(other_org, phone="0999"))
    assert response.status_code in (302, 403, 404)
    other_org.refresh_from_db()
    assert other_org.phone == ""


def test_provider_sees_own_organisation_read_only(client_for, provider, org):
    client = client_for(provider)
    page = client.get(change_url(org))
    assert page.status_code == 200
    assert 'name="phone"' not in page.content.decode()
    response = client.post(change_url(org), org_post(org, phone="01234567890"))
    assert response.status_code == 403
    org.refresh_from_db()
    assert org.phone == ""


def test_non_support_organisation_list_redirects_to_own_organisation(client_for, coordinator, org):
    response = client_for(coordinator).get(reverse("admin:domain_organisation_changelist"))
    assert response.status_code == 302 and response.url == change_url(org)


def test_support_lists_every_organisation(client_for, support, org, other_org):
    page = client_for(support).get(reverse("admin:domain_organisation_changelist")).content.decode()
    assert "Greenfield Housing" in page and "Unrelated Homes" in page and f"ORG{org.pk}" in page


def test_coordinator_edits_contact_details_but_not_name(client_for, coordinator, org):
    response = client_for(coordinator).post(
        change_url(org), org_post(org, phone="01226 000111", name="Renamed", provider_type="1")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    org.refresh_from_db()
    assert org.phone == "01226 000111"
    assert org.name == "Greenfield Housing" and org.provider_type == 2


def test_coordinator_change_is_in_history_with_who_and_when(client_for, coordinator, org):
    client_for(coordinator).post(change_url(org), org_post(org, postcode="S70 2TA"))
    latest = org.history.latest()
    assert latest.history_user == coordinator
    assert latest.postcode == "S70 2TA"
    assert latest.history_date is not None
    history_page = client_for(coordinator).get(reverse("admin:domain_organisation_history", args=[org.pk]))
    assert history_page.status_code == 200 and "Carla Coordinator" in history_page.content.decode()


def test_coordinator_adds_a_managing_agent_inline(client_for, coordinator, org, other_org):
    data = org_post(org, **inline_management(MANAGING_AGENTS, total=1))
    data[f"{MANAGING_AGENTS}-0-managing_agent"] = str(other_org.pk)
    response = client_for(coordinator).post(change_url(org), data)
    assert response.status_code == 302
    relationship = OrganisationRelationship.objects.get()
    assert (relationship.stock_owner, relationship.managing_agent) == (org, other_org)
    assert relationship.history.get().history_user == coordinator


def test_a_stock_owner_must_hold_its_own_stock(client_for, coordinator, org):
    no_stock = make_organisation(name="No Stock Lettings", holds_own_stock=False)
    data = org_post(org, **inline_management(STOCK_OWNERS, total=1))
    data[f"{STOCK_OWNERS}-0-stock_owner"] = str(no_stock.pk)
    response = client_for(coordinator).post(change_url(org), data)
    assert response.status_code == 200
    assert "does not hold its own stock" in response.content.decode()
    assert not OrganisationRelationship.objects.exists()


def test_a_duplicate_relationship_is_refused(client_for, coordinator, org, other_org):
    relate(stock_owner=org, managing_agent=other_org)
    data = org_post(org, phone="0111", **inline_management(MANAGING_AGENTS, total=2, initial=1))
    existing = OrganisationRelationship.objects.get()
    data[f"{MANAGING_AGENTS}-0-id"] = str(existing.pk)
    data[f"{MANAGING_AGENTS}-0-stock_owner"] = str(org.pk)
    data[f"{MANAGING_AGENTS}-0-managing_agent"] = str(other_org.pk)
    data[f"{MANAGING_AGENTS}-1-managing_agent"] = str(other_org.pk)
    response = client_for(coordinator).post(change_url(org), data)
    assert response.status_code == 200
    assert "already" in response.content.decode().lower()
    assert OrganisationRelationship.objects.count() == 1
    org.refresh_from_db()
    assert org.phone == ""  # nothing else was saved either


def test_an_organisation_cannot_be_its_own_managing_agent(client_for, support, org):
    data = org_post(org, name=org.name, **inline_management(MANAGING_AGENTS, total=1))
    data[f"{MANAGING_AGENTS}-0-managing_agent"] = str(org.pk)
    response = client_for(support).post(change_url(org), data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not OrganisationRelationship.objects.exists()


def test_coordinator_removes_a_stock_owner(client_for, coordinator, org, other_org):
    relationship = relate(stock_owner=other_org, managing_agent=org)
    data = org_post(org, **inline_management(STOCK_OWNERS, total=1, initial=1))
    data[f"{STOCK_OWNERS}-0-id"] = str(relationship.pk)
    data[f"{STOCK_OWNERS}-0-managing_agent"] = str(org.pk)
    data[f"{STOCK_OWNERS}-0-stock_owner"] = str(other_org.pk)
    data[f"{STOCK_OWNERS}-0-DELETE"] = "on"
    response = client_for(coordinator).post(change_url(org), data)
    assert response.status_code == 302
    assert not OrganisationRelationship.objects.exists()
    removed = OrganisationRelationship.history.filter(history_type="-").get()
    assert removed.history_user == coordinator and removed.managing_agent_id == org.pk


def test_support_creates_an_organisation(client_for, support):
    response = client_for(support).post(
        reverse("admin:domain_organisation_add"),
        {
            "name": "  New   Homes  ",
            "provider_type": "2",
            "holds_own_stock": "on",
            "profit_status": "1",
            "rent_periods": ["1", "2"],
            **inline_management(STOCK_OWNERS),
            **inline_management(MANAGING_AGENTS),
        },
    )
    assert response.status_code == 302
    created = Organisation.objects.get(name="New Homes")
    assert created.rent_periods == [1, 2] and created.holds_own_stock
    assert created.history.get().history_user == support


def test_organisation_names_are_unique_ignoring_case(client_for, support, org):
    response = client_for(support).post(
        reverse("admin:domain_organisation_add"),
        {"name": "GREENFIELD housing", "provider_type": "2", **inline_management(STOCK_OWNERS), **inline_management(MANAGING_AGENTS)},
    )
    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    assert Organisation.objects.filter(name__iexact="greenfield housing").count() == 1


def test_local_authority_cannot_be_for_profit(client_for, support):
    response = client_for(support).post(
        reverse("admin:domain_organisation_add"),
        {"name": "Some Council", "provider_type": "1", "profit_status": "2", **inline_management(STOCK_OWNERS), **inline_management(MANAGING_AGENTS)},
    )
    assert response.status_code == 200
    assert "must be &#x27;Local authority&#x27;" in response.content.decode()
    assert not Organisation.objects.filter(name="Some Council").exists()


def test_coordinator_cannot_create_organisations(client_for, coordinator):
    assert client_for(coordinator).get(reverse("admin:domain_organisation_add")).status_code == 403


def test_deactivating_an_organisation_by_get_only_asks_for_confirmation(client_for, support, org, provider):
    response = client_for(support).get(reverse("admin:domain_organisation_deactivate", args=[org.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Deactivate Greenfield Housing?" in page and "every one of its active users" in page
    assert '<form method="post"' in page and "csrfmiddlewaretoken" in page
    org.refresh_from_db()
    provider.refresh_from_db()
    assert org.active and provider.is_active


def test_reactivating_an_organisation_by_get_changes_nothing(client_for, support, org):
    org.active = False
    org.save()
    response = client_for(support).get(reverse("admin:domain_organisation_reactivate", args=[org.pk]))
    assert response.status_code == 200 and "Reactivate Greenfield Housing?" in response.content.decode()
    org.refresh_from_db()
    assert not org.active


def test_support_deactivates_an_organisation_and_its_users(client_for, support, org, provider, coordinator):
    url = reverse("admin:domain_organisation_deactivate", args=[org.pk])
    response = client_for(support).post(url)
    assert response.status_code == 302
    org.refresh_from_db()
    provider.refresh_from_db()
    assert not org.active and not provider.is_active and provider.reactivate_with_organisation
    client_for(support).post(reverse("admin:domain_organisation_reactivate", args=[org.pk]))
    provider.refresh_from_db()
    assert provider.is_active and not provider.reactivate_with_organisation


def test_support_cannot_deactivate_the_support_organisation(client_for, support, statistician):
    mhclg = support.organisation
    client = client_for(support)
    url = reverse("admin:domain_organisation_deactivate", args=[mhclg.pk])
    response = client.post(url, follow=True)
    assert "You cannot deactivate MHCLG because you belong to it" in response.content.decode()
    shown = client.get(url, follow=True).content.decode()
    assert "You cannot deactivate MHCLG" in shown and "Deactivate MHCLG?" not in shown
    mhclg.refresh_from_db()
    statistician.refresh_from_db()
    assert mhclg.active and statistician.is_active


def test_coordinator_cannot_deactivate_own_organisation(client_for, coordinator, org):
    client = client_for(coordinator)
    url = reverse("admin:domain_organisation_deactivate", args=[org.pk])
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    org.refresh_from_db()
    assert org.active


def test_relationship_history_is_scoped_to_visible_organisations(client_for, coordinator, org, other_org):
    third = make_organisation(name="Third Party Homes")
    relate(stock_owner=org, managing_agent=other_org)
    relate(stock_owner=third, managing_agent=other_org)
    page = client_for(coordinator).get(
        reverse("admin:domain_historicalorganisationrelationship_changelist")
    ).content.decode()
    assert "Unrelated Homes" in page and "Third Party Homes" not in page


def test_statistician_views_but_cannot_change(client_for, statistician, org):
    client = client_for(statistician)
    assert client.get(change_url(org)).status_code == 200
    assert client.post(change_url(org), org_post(org, phone="0111")).status_code == 403
    assert client.get(reverse("admin:domain_user_add")).status_code == 403


def test_reference_data_is_for_support_and_statisticians(client_for, support, provider):
    url = reverse("admin:domain_localauthority_changelist")
    assert client_for(support).get(url).status_code == 200
    assert client_for(provider).get(url).status_code == 403


def test_jobs_dashboard_is_support_only(client_for, support, coordinator):
    url = reverse("admin:django_q_success_changelist")
    assert client_for(support).get(url).status_code == 200
    assert client_for(coordinator).get(url).status_code == 403


def test_guardian_permissions_page_is_support_only(client_for, support, coordinator, org):
    url = reverse("admin:domain_organisation_permissions", args=[org.pk])
    assert client_for(coordinator).get(url).status_code == 404  # no such page for anyone but support
    assert client_for(support).get(url).status_code == 200


def test_home_page_shows_the_users_organisation(client_for, coordinator, org):
    make_user(org, Role.DATA_PROVIDER)
    page = client_for(coordinator).get(reverse("admin:index")).content.decode()
    assert "Greenfield Housing" in page and "Welcome, Carla Coordinator" in page
