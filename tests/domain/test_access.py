"""The permission matrix of organisations-and-access §7, for organisations, relationships, users and logs."""

import pytest
from guardian.shortcuts import assign_perm

from domain import access
from domain.models import Organisation, Role, User
from tests.factories import make_organisation, make_user, relate

pytestmark = pytest.mark.django_db


def visible_org_names(user):
    return set(access.visible_organisations(user).values_list("name", flat=True))


# --- organisations -----------------------------------------------------------------------------


def test_provider_sees_only_own_organisation(provider, other_org):
    assert visible_org_names(provider) == {"Greenfield Housing"}


def test_coordinator_sees_own_and_absorbed_organisations(coordinator, org, other_org):
    absorbed = make_organisation(name="Absorbed Homes", absorbing_organisation=org)
    assert visible_org_names(coordinator) == {"Greenfield Housing", absorbed.name}


def test_support_and_statistician_see_every_live_organisation(support, statistician, org, other_org):
    make_organisation(name="Deleted Homes", discarded_at="2026-01-01T00:00Z")
    expected = {"Greenfield Housing", "Unrelated Homes", support.organisation.name}
    assert visible_org_names(support) == expected
    assert visible_org_names(statistician) == expected


def test_provider_cannot_change_any_organisation(provider, org):
    assert not access.can_change_organisation(provider, org)
    assert access.organisation_editable_fields(provider, org) == ()


def test_coordinator_can_change_contact_details_of_own_organisation_only(coordinator, org, other_org):
    assert access.can_change_organisation(coordinator, org)
    assert not access.can_change_organisation(coordinator, other_org)
    assert set(access.organisation_editable_fields(coordinator, org)) == {
        "address_line1", "address_line2", "postcode", "phone", "rent_periods", "logs_need_approval"
    }


def test_support_can_change_profit_status_and_the_name_through_dated_changes(support, org):
    fields = access.organisation_editable_fields(support, org)
    assert "profit_status" in fields
    assert "provider_type" not in fields and "name" not in fields  # set at creation; then dated changes (§3)
    assert access.can_change_organisation_name(support, org)
    assert "name" in access.organisation_editable_fields(support, None)


def test_statistician_is_read_only(statistician, org):
    assert access.can_view_organisation(statistician, org)
    assert not access.can_change_organisation(statistician, org)
    assert not access.can_add_organisation(statistician)
    assert not access.can_add_user(statistician)
    assert not access.can_change_user(statistician)


def test_only_support_creates_or_deactivates_organisations(support, coordinator):
    assert access.can_add_organisation(support) and access.can_change_organisation_status(support)
    assert not access.can_add_organisation(coordinator)
    assert not access.can_change_organisation_status(coordinator)


def test_guardian_grant_lets_a_provider_view_another_organisation(provider, other_org):
    assert not access.can_view_organisation(provider, other_org)
    assign_perm("domain.view_organisation", provider, other_org)
    assert access.can_view_organisation(provider, other_org)
    assert provider.has_perm("domain.view_organisation", other_org)
    assert not access.can_change_organisation(provider, other_org)


def test_deactivated_user_may_do_nothing(coordinator, org):
    coordinator.is_active = False
    coordinator.save()
    assert not access.visible_organisations(coordinator).exists()
    assert not access.can_change_organisation(coordinator, org)
    assert not access.visible_users(coordinator).exists()


def test_user_without_role_may_do_nothing(org):
    dpo = make_user(org, role=None, is_dpo=True)
    assert not access.is_console_user(dpo)
    assert not access.visible_organisations(dpo).exists()


def test_has_perm_answers_like_the_access_module(coordinator, org, other_org):
    assert coordinator.has_perm("domain.change_organisation", org)
    assert not coordinator.has_perm("domain.change_organisation", other_org)
    assert not coordinator.has_perm("domain.add_organisation")
    assert not coordinator.has_perm("django_q.view_success")


# --- stock owners and managing agents ----------------------------------------------------------


def test_coordinator_manages_relationships_of_own_organisation_only(coordinator, org, other_org):
    assert access.can_manage_relationships(coordinator, org)
    assert not access.can_manage_relationships(coordinator, other_org)


def test_provider_cannot_manage_relationships(provider, org):
    assert not access.can_manage_relationships(provider, org)


def test_no_relationships_are_added_while_an_organisation_is_deactivated(support, org):
    org.active = False
    org.save()
    assert not access.can_manage_relationships(support, org)


def test_relationship_candidates_are_active_organisations_other_than_itself(coordinator, org, other_org):
    inactive = make_organisation(name="Inactive Homes", active=False)
    candidates = set(access.relationship_candidates(coordinator, org))
    assert other_org in candidates
    assert org not in candidates and inactive not in candidates


# --- users -------------------------------------------------------------------------------------


def test_provider_sees_users_of_own_organisation(provider, coordinator, other_provider):
    assert set(access.visible_users(provider)) == {provider, coordinator}


def test_provider_changes_only_themself(provider, coordinator):
    assert access.can_change_user(provider, provider)
    assert not access.can_change_user(provider, coordinator)
    assert set(access.user_editable_fields(provider, provider)) == {"name", "email", "phone", "phone_extension"}


def test_coordinator_changes_active_users_of_own_organisation(coordinator, provider, other_provider, org):
    assert access.can_change_user(coordinator, provider)
    assert not access.can_change_user(coordinator, other_provider)
    gone = make_user(org, is_active=False)
    assert not access.can_change_user(coordinator, gone)


def test_coordinator_grants_provider_and_coordinator_roles_only(coordinator, support):
    assert access.grantable_roles(coordinator) == [Role.DATA_PROVIDER, Role.DATA_COORDINATOR]
    assert Role.SUPPORT in access.grantable_roles(support)


def test_coordinator_adds_users_to_own_organisation_only(coordinator, org, other_org):
    assert list(access.user_organisation_choices(coordinator)) == [org]


def test_nobody_deactivates_themself(coordinator, support):
    assert not access.can_change_user_status(coordinator, coordinator)
    assert not access.can_change_user_status(support, support)
    assert "is_active" not in access.user_editable_fields(coordinator, coordinator)


def test_coordinator_deactivates_own_users_while_organisation_active(coordinator, provider, org, other_provider):
    assert access.can_change_user_status(coordinator, provider)
    assert not access.can_change_user_status(coordinator, other_provider)
    org.active = False
    org.save()
    provider.refresh_from_db()
    assert not access.can_change_user_status(coordinator, provider)


def test_support_sees_and_changes_every_user(support, provider, other_provider):
    assert {provider, other_provider} <= set(access.visible_users(support))
    assert access.can_change_user(support, other_provider)
    # A user changes organisation only through the move page, which decides what happens to their logs (§6.4).
    assert "organisation" not in access.user_editable_fields(support, other_provider)
    assert access.can_move_user(support, other_provider)


def test_a_stock_owner_relationship_does_not_widen_organisation_visibility(provider, org, other_org):
    relate(stock_owner=other_org, managing_agent=org)
    assert not access.can_view_organisation(provider, other_org)
    assert access.visible_relationships(provider).count() == 1


def test_discarded_users_are_invisible(support, org):
    ghost = make_user(org, discarded_at="2026-01-01T00:00Z")
    assert ghost not in access.visible_users(support)
    assert User.objects.filter(pk=ghost.pk).exists()
    assert Organisation.objects.filter(pk=org.pk).exists()


# --- logs: deleting (§7) and the edit and delete windows (§8.7) --------------------------------


@pytest.fixture
def logs_of_org(org, provider, coordinator):
    """Two 2026 logs of the provider's organisation: one assigned to the provider, one to the coordinator."""
    from tests.factories import make_lettings_log

    return make_lettings_log(org, provider), make_lettings_log(org, coordinator)


def test_provider_deletes_only_logs_assigned_to_them(provider, logs_of_org):
    theirs, colleagues = logs_of_org
    assert access.can_delete_log(provider, theirs)
    assert not access.can_delete_log(provider, colleagues)


def test_coordinator_and_support_delete_any_log_in_scope(coordinator, support, other_coordinator, logs_of_org):
    for log in logs_of_org:
        assert access.can_delete_log(coordinator, log) and access.can_delete_log(support, log)
        assert not access.can_delete_log(other_coordinator, log)


def test_statistician_deletes_nothing(statistician, logs_of_org):
    assert not any(access.can_delete_log(statistician, log) for log in logs_of_org)
    assert not access.can_delete_log(statistician)


def test_a_provider_cannot_delete_a_log_assigned_to_them_in_another_organisation(provider, other_org):
    from tests.factories import make_lettings_log

    elsewhere = make_lettings_log(other_org, provider)
    assert not access.can_view_log(provider, elsewhere)
    assert not access.can_delete_log(provider, elsewhere)


def test_a_deleted_log_is_not_deleted_again(support, logs_of_org):
    from django.utils import timezone

    log = logs_of_org[0]
    log.discarded_at = timezone.now()
    assert not access.can_delete_log(support, log)


def test_nobody_deletes_once_the_year_takes_no_new_logs(clock, provider, coordinator, support, logs_of_org):
    from datetime import date

    from tests.clock import moment

    theirs, _ = logs_of_org
    clock.move_to(moment(date(2027, 7, 2)))  # the 2026 year takes new logs until 3 July 2027
    assert access.can_delete_log(provider, theirs) and access.can_delete_log(support, theirs)
    clock.move_to(moment(date(2027, 7, 3)))
    assert not any(access.can_delete_log(user, theirs) for user in (provider, coordinator, support))
    assert access.can_change_log(coordinator, theirs)  # still open for edits until 31 July


def test_nobody_changes_a_log_of_a_closed_year_support_included(clock, coordinator, support, logs_of_org):
    from datetime import date

    from tests.clock import moment

    log = logs_of_org[0]
    clock.move_to(moment(date(2027, 7, 30)))
    assert access.can_change_log(coordinator, log) and access.can_change_log(support, log)
    clock.move_to(moment(date(2027, 7, 31)))  # the 2026 year's edit deadline
    assert not access.can_change_log(coordinator, log)
    assert not access.can_change_log(support, log)
    assert access.can_view_log(support, log)
    assert access.log_read_only_reason(support, log) == (
        "The 2026 to 2027 collection year closed for changes on 31 July 2027, so this log can be viewed but "
        "no longer changed.")


def test_a_log_of_an_old_year_can_be_neither_changed_nor_deleted(coordinator, org):
    from datetime import date

    from tests.factories import make_lettings_log

    log = make_lettings_log(org, coordinator, startdate=date(2024, 6, 1))
    assert not access.can_change_log(coordinator, log) and not access.can_delete_log(coordinator, log)


def test_the_window_is_that_of_the_saved_date_not_of_a_date_being_typed(coordinator, org):
    from datetime import date

    from domain.models import LettingsLog
    from tests.factories import make_lettings_log

    log = LettingsLog.objects.get(pk=make_lettings_log(org, coordinator, startdate=date(2025, 6, 1)).pk)
    assert not access.can_change_log(coordinator, log)
    log.startdate = date(2026, 6, 1)  # typed into the form, not saved
    assert not access.can_change_log(coordinator, log)


@pytest.mark.parametrize("model_name", ["LettingsLog", "SalesLog"])
def test_the_visible_log_parts_do_not_overlap_and_together_are_the_visible_logs(
        model_name, coordinator, support, org, other_org):
    from domain import models
    from domain.models import LogStatus
    from tests.factories import make_lettings_log
    from tests.lettings_answers import apply
    from tests.sales_answers import shared_ownership_answers

    model = getattr(models, model_name)
    stock_owner, agent, absorbed = (make_organisation(name=name) for name in ("Stock Owner", "Agent", "Absorbed"))
    absorbed.absorbing_organisation = org
    absorbed.save()

    def log(owner, manager, status=None):
        if model is models.LettingsLog:
            return make_lettings_log(owner, None, manager=manager, status=status).pk
        sale = apply(model(), {**shared_ownership_answers(owner, None), "managing_organisation": manager})
        sale.status = LogStatus.COMPLETED if status is None else status
        sale.save()
        return sale.pk

    relate(stock_owner=stock_owner, managing_agent=org)
    relate(stock_owner=org, managing_agent=agent)
    expected = {log(org, org), log(org, agent), log(stock_owner, org), log(absorbed, absorbed)}
    log(other_org, other_org), log(org, org, status=LogStatus.DELETED)

    for user in (coordinator, support):
        parts = [set(part.values_list("pk", flat=True)) for part in access.visible_log_parts(user, model)]
        visible = set(access.visible_logs(user, model).values_list("pk", flat=True))
        assert sum(len(part) for part in parts) == len(visible) and set().union(*parts) == visible
    parts = [set(part.values_list("pk", flat=True)) for part in access.visible_log_parts(coordinator, model)]
    assert len(parts) == 2 and set().union(*parts) == expected
