"""`user.has_perm` on logs answers as the log admin does, for every role (both ask domain.access)."""

from datetime import date

import pytest
from django.contrib import admin
from django.test import RequestFactory

from domain.models import LettingsLog, LocalAuthority, SalesLog
from domain.services.logs import log_save
from tests.lettings_answers import apply, general_needs_answers
from tests.sales_answers import shared_ownership_answers

pytestmark = pytest.mark.django_db
ROLES = ["support", "statistician", "coordinator", "provider", "other_coordinator", "other_provider"]


@pytest.fixture
def logs(sheffield, org, coordinator):
    lettings = apply(LettingsLog(), general_needs_answers(org, coordinator))
    sale = apply(SalesLog(), shared_ownership_answers(org, coordinator))
    for log in (lettings, sale):
        log_save(log=log, by=coordinator)
    return [lettings, sale]


@pytest.fixture
def sheffield(db):
    return LocalAuthority.objects.create(code="E08000039", name="Sheffield", start_date=date(2025, 4, 1))


def admin_answers(user, log) -> dict:
    model_admin = admin.site._registry[type(log)]
    request = RequestFactory().get("/")
    request.user = user
    return {
        "view": model_admin.has_view_permission(request, log),
        "change": model_admin.has_change_permission(request, log),
        "delete": model_admin.has_delete_permission(request, log),
        "view_any": model_admin.has_view_permission(request),
        "add": model_admin.has_add_permission(request),
    }


def perm_answers(user, log) -> dict:
    name = f"domain.%s_{log._meta.model_name}"
    return {
        "view": user.has_perm(name % "view", log),
        "change": user.has_perm(name % "change", log),
        "delete": user.has_perm(name % "delete", log),
        "view_any": user.has_perm(name % "view"),
        "add": user.has_perm(name % "add"),
    }


@pytest.mark.parametrize("role", ROLES)
def test_has_perm_on_a_log_agrees_with_the_log_admin(role, request, logs):
    user = request.getfixturevalue(role)
    for log in logs:
        assert perm_answers(user, log) == admin_answers(user, log), (role, log)


def test_has_perm_on_logs_follows_the_access_rules(logs, coordinator, provider, other_coordinator, statistician):
    lettings, sale = logs
    assert coordinator.has_perm("domain.change_lettingslog", lettings)
    assert provider.has_perm("domain.view_saleslog", sale) and provider.has_perm("domain.add_saleslog")
    assert not other_coordinator.has_perm("domain.view_lettingslog", lettings)
    assert statistician.has_perm("domain.view_saleslog", sale)
    assert not statistician.has_perm("domain.change_saleslog", sale)
    assert not statistician.has_perm("domain.add_lettingslog")
    assert not coordinator.has_perm("domain.delete_lettingslog", lettings)  # deleting is the "Delete log" action
