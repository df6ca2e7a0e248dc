"""Who may see and change which schemes and locations (schemes spec §5), as can/cannot pairs."""

from datetime import date

import pytest

from domain import access
from domain.models import Role
from tests.factories import make_location, make_organisation, make_scheme, make_user, relate

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_scheme(org):
    return make_scheme(org, service_name="Own scheme")


@pytest.fixture
def other_scheme(other_org):
    return make_scheme(other_org, service_name="Other scheme")


def names(qs):
    return set(qs.values_list("service_name", flat=True))


def test_provider_sees_own_organisations_schemes_but_not_unrelated_ones(provider, own_scheme, other_scheme):
    assert names(access.visible_schemes(provider)) == {"Own scheme"}
    assert access.can_view_scheme(provider, own_scheme)
    assert not access.can_view_scheme(provider, other_scheme)


def test_provider_cannot_change_or_create_schemes(provider, own_scheme):
    assert not access.can_change_scheme(provider, own_scheme)
    assert not access.can_add_scheme(provider)
    assert access.scheme_editable_fields(provider, own_scheme) == ()


def test_coordinator_sees_and_changes_stock_owners_schemes(coordinator, org, other_org, other_scheme):
    assert not access.can_change_scheme(coordinator, other_scheme)
    relate(stock_owner=other_org, managing_agent=org)
    assert access.can_view_scheme(coordinator, other_scheme)
    assert access.can_change_scheme(coordinator, other_scheme)


def test_managing_agents_do_not_see_the_stock_owners_view(other_coordinator, org, other_org, own_scheme):
    relate(stock_owner=other_org, managing_agent=org)  # org manages other_org's stock, not the reverse
    assert not access.can_view_scheme(other_coordinator, own_scheme)


def test_coordinator_sees_schemes_of_recently_absorbed_organisations_only(coordinator, org):
    recent = make_organisation(absorbing_organisation=org, merge_date=date(2026, 5, 1))
    old = make_organisation(absorbing_organisation=org, merge_date=date(2024, 5, 1))
    recent_scheme, old_scheme = make_scheme(recent), make_scheme(old)
    assert access.can_change_scheme(coordinator, recent_scheme)
    assert not access.can_view_scheme(coordinator, old_scheme)


def test_coordinator_may_change_only_name_confidential_and_owner_once_confirmed(coordinator, own_scheme):
    assert set(access.scheme_editable_fields(coordinator, own_scheme)) == {
        "service_name", "sensitive", "owning_organisation"
    }
    own_scheme.confirmed = False
    assert "support_type" in access.scheme_editable_fields(coordinator, own_scheme)


def test_support_changes_every_answer_of_a_confirmed_scheme(support, other_scheme):
    assert "support_type" in access.scheme_editable_fields(support, other_scheme)
    assert access.can_change_scheme(support, other_scheme)


def test_statistician_reads_every_scheme_and_changes_none(statistician, own_scheme, other_scheme):
    assert names(access.visible_schemes(statistician)) == {"Own scheme", "Other scheme"}
    assert not access.can_change_scheme(statistician, own_scheme)
    assert not access.can_add_scheme(statistician)
    assert not statistician.has_perm("domain.change_scheme", own_scheme)
    assert statistician.has_perm("domain.view_scheme", own_scheme)


def test_has_perm_answers_from_the_same_rules(coordinator, own_scheme, other_scheme):
    assert coordinator.has_perm("domain.change_scheme", own_scheme)
    assert not coordinator.has_perm("domain.view_scheme", other_scheme)
    location = make_location(other_scheme)
    assert not coordinator.has_perm("domain.view_location", location)


def test_owner_choices_for_a_coordinator_are_own_org_and_stock_owners_holding_stock(coordinator, org, other_org):
    no_stock = make_organisation(name="No Stock Ltd", holds_own_stock=False)
    relate(stock_owner=other_org, managing_agent=org)
    relate(stock_owner=no_stock, managing_agent=org)
    assert set(access.scheme_owner_choices(coordinator).values_list("name", flat=True)) == {
        "Greenfield Housing", "Unrelated Homes"
    }


def test_owner_choices_for_support_are_active_stock_holding_organisations(support, org):
    make_organisation(name="Closed Homes", active=False)
    make_organisation(name="Agent Only", holds_own_stock=False)
    choices = set(access.scheme_owner_choices(support).values_list("name", flat=True))
    assert "Greenfield Housing" in choices
    assert not {"Closed Homes", "Agent Only"} & choices


def test_schemes_menu_needs_stock_or_stock_owners(org):
    agent = make_organisation(name="Agent Only", holds_own_stock=False)
    agent_user = make_user(agent, Role.DATA_PROVIDER)
    assert not access.can_see_schemes_menu(agent_user)
    relate(stock_owner=org, managing_agent=agent)
    assert access.can_see_schemes_menu(agent_user)


def test_completed_location_is_read_only_to_coordinators_but_not_support(coordinator, support, own_scheme):
    complete, incomplete = make_location(own_scheme), make_location(own_scheme, units=None)
    assert access.location_editable_fields(coordinator, complete) == ()
    assert "units" in access.location_editable_fields(coordinator, incomplete)
    assert "units" in access.location_editable_fields(support, complete)


def test_coordinator_cannot_deactivate_schemes_of_a_deactivated_owner(coordinator, org, own_scheme):
    assert access.can_change_scheme_availability(coordinator, own_scheme)
    org.active = False
    org.save()
    own_scheme.refresh_from_db()
    assert not access.can_change_scheme_availability(coordinator, own_scheme)
