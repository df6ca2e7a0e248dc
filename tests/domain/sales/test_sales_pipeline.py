"""Sales logs through the shared pipeline: completion by ownership type, rules, derived values, access."""

import io
import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command

from domain import access
from domain.models import LocalAuthority, Role, SalesLog
from domain.services.logs import log_evaluate, log_save
from tests.factories import make_organisation, make_user
from tests.lettings_answers import apply
from tests.sales_answers import discounted_ownership_answers, shared_ownership_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(db):
    LocalAuthority.objects.create(code="E08000039", name="Sheffield", start_date=date(2025, 4, 1))
    return make_organisation(name="Sales PRP", provider_type=2)


@pytest.fixture
def user(owner):
    return make_user(owner, role=Role.DATA_COORDINATOR)


def test_a_shared_ownership_initial_purchase_completes(owner, user):
    log = apply(SalesLog(), shared_ownership_answers(owner, user))
    outcome = log_evaluate(log)
    assert (outcome.errors, outcome.missing, outcome.status) == ({}, [], "completed")
    assert "shared_ownership_initial_purchase" in outcome.subsections
    assert "discounted_ownership_scheme" not in outcome.subsections


def test_a_discounted_ownership_sale_completes(owner, user):
    log = apply(SalesLog(), discounted_ownership_answers(owner, user))
    outcome = log_evaluate(log)
    assert (outcome.errors, outcome.missing, outcome.status) == ({}, [], "completed")
    assert set(outcome.subsections) >= {"discounted_ownership_scheme", "household_situation"}


def test_staircasing_has_no_household_situation_or_income(owner, user):
    log = apply(SalesLog(), shared_ownership_answers(owner, user, staircase=1))
    subsections = log_evaluate(log).subsections
    assert "household_situation" not in subsections and "income_benefits_and_savings" not in subsections
    assert subsections["shared_ownership_staircasing_transaction"] in ("not_started", "in_progress")


def test_the_deposit_and_mortgage_must_make_up_the_share_bought(owner, user):
    log = apply(SalesLog(), shared_ownership_answers(owner, user, mortgage=Decimal("60000.00")))
    errors = log_evaluate(log).errors
    assert "mortgage" in errors and "£" in errors["mortgage"][0]


def test_saved_sale_has_its_status_and_history(owner, user):
    log = apply(SalesLog(), discounted_ownership_answers(owner, user))
    log_save(log=log, by=user)
    log.refresh_from_db()
    assert log.status == 2 and log.history.latest().history_user == user


def test_a_sale_is_visible_to_its_organisations_only(owner, user):
    log = apply(SalesLog(), discounted_ownership_answers(owner, user))
    log_save(log=log, by=user)
    stranger = make_user(make_organisation(name="Far Away Homes"), role=Role.DATA_COORDINATOR)
    assert list(access.visible_sales_logs(user)) == [log]
    assert not access.visible_sales_logs(stranger).exists()
    assert access.can_change_log(user, log) and not access.can_view_log(stranger, log)


def test_describe_form_lists_the_sales_form(db, capsys):
    call_command("describe_form", "--log-type", "sales", "--year", "2026", "--json")
    described = json.loads(capsys.readouterr().out)
    fields = {q["field"] for q in described["questions"]}
    assert {"ownershipsch", "type", "staircase", "jointpur", "value", "equity", "mortgage", "deposit",
            "discount", "stairbought", "stairowned"} <= fields
    assert any(r["id"].startswith("finances.") for r in described["rules"])


def test_check_answers_works_for_sales(owner, user, monkeypatch, capsys):
    answers = {"owning_organisation_id": f"ORG{owner.pk}", "managing_organisation_id": f"ORG{owner.pk}",
               "assigned_to_id": user.email, "saledate": "2026-06-01", "ownershipsch": 1,
               "type": 30, "staircase": 2, "jointpur": 2, "noint": 2, "privacynotice": 1,
               "value": "200000", "equity": "40", "mortgageused": 1, "mortgage": "70000", "deposit": "20000"}
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(answers)))
    call_command("check_answers", "--log-type", "sales", "--year", "2026", "--json")
    result = json.loads(capsys.readouterr().out)
    assert result["status"] == "in_progress"
    assert "mortgage" in result["errors"]  # £90,000 paid for a £80,000 share
    assert result["subsections"]["setup"] == "completed"
    assert result["subsections"]["property_information"] == "not_started"


def test_two_sales_with_the_same_answers_form_a_duplicate_set_resolved_by_keeping_one(owner, user, client):
    from domain.services.duplicates import duplicate_set_keep

    first = apply(SalesLog(), discounted_ownership_answers(owner, user))
    log_save(log=first, by=user)
    second = apply(SalesLog(), discounted_ownership_answers(owner, user))
    log_save(log=second, by=user)
    first.refresh_from_db()
    assert first.duplicate_set_id is not None and first.duplicate_set_id == second.duplicate_set_id
    other = apply(SalesLog(), discounted_ownership_answers(owner, user, purchid="DO-2"))
    log_save(log=other, by=user)
    assert other.duplicate_set_id is None

    client.force_login(user)
    page = client.get(f"/domain/saleslog/duplicates/{first.duplicate_set_id}/").content.decode()
    assert "Purchaser code" in page and f"Log {second.pk}" in page

    duplicate_set_keep(set_id=first.duplicate_set_id, keep=first, by=user)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.duplicate_set_id, second.status) == (None, 4)
    assert second.history.latest().history_user == user
