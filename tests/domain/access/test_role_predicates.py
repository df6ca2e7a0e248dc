"""The named predicates that decide by role what the console offers someone: download layouts, the
schemes list and form, the user lifecycle actions, deleted logs, the second factor, the home page and
who gets the review digest."""

import pytest
from django.utils import timezone

from domain import access
from domain.models import Role
from tests.factories import make_user, relate

pytestmark = pytest.mark.django_db


def test_only_support_download_the_support_columns(support, statistician, coordinator, provider):
    assert access.downloads_support_columns(support)
    assert not any(access.downloads_support_columns(u) for u in (statistician, coordinator, provider))


def test_support_and_statisticians_always_filter_schemes_by_owner(support, statistician, org, other_org):
    assert access.can_filter_schemes_by_owner(support)
    assert access.can_filter_schemes_by_owner(statistician)


def test_a_coordinator_filters_schemes_by_owner_once_there_is_a_second_owner(coordinator, org, other_org):
    assert not access.can_filter_schemes_by_owner(coordinator)
    relate(stock_owner=other_org, managing_agent=org)
    assert access.can_filter_schemes_by_owner(coordinator)


def test_everyone_but_support_answers_scheme_questions_for_their_own_organisation(support, coordinator, provider):
    assert not access.answers_schemes_for_own_organisation(support)
    assert access.answers_schemes_for_own_organisation(coordinator)
    assert access.answers_schemes_for_own_organisation(provider)


def test_only_active_support_manage_the_user_lifecycle(support, statistician, coordinator, provider):
    assert access.can_manage_user_lifecycle(support)
    assert not any(access.can_manage_user_lifecycle(u) for u in (statistician, coordinator, provider))
    support.is_active = False
    assert not access.can_manage_user_lifecycle(support)


def test_only_support_see_deleted_logs(support, statistician, coordinator, provider):
    assert access.can_see_deleted_logs(support)
    assert not any(access.can_see_deleted_logs(u) for u in (statistician, coordinator, provider))


def test_only_support_must_use_a_second_factor_before_enrolling_one(support, statistician, coordinator, provider):
    assert access.must_use_second_factor(support)
    assert not any(access.must_use_second_factor(u) for u in (statistician, coordinator, provider))


def test_each_role_gets_its_home_page(support, statistician, coordinator, provider, org):
    assert [access.home_page(u) for u in (support, statistician, coordinator, provider)] == [
        access.HomePage.SUPPORT, access.HomePage.STATISTICIAN, access.HomePage.COORDINATOR, access.HomePage.PROVIDER]
    assert access.home_page(make_user(org, role=None, is_dpo=True)) is None
    provider.is_active = False
    assert access.home_page(provider) is None


def test_the_review_digest_goes_to_active_providers_and_coordinators(support, statistician, coordinator, provider, org):
    make_user(org, Role.DATA_PROVIDER, is_active=False)
    make_user(org, Role.DATA_COORDINATOR, discarded_at=timezone.now())
    make_user(org, role=None, is_dpo=True)
    assert set(access.review_digest_recipients()) == {coordinator, provider}
