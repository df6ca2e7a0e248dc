"""log_keep_valid: a refused answer is left out and changes nothing else, whatever evaluating it did to
the log on the way (clearing answers it hid, re-asking soft checks, working out values)."""

from datetime import date
from decimal import Decimal

import pytest

from domain.models import LettingsLog, LocalAuthority, SalesLog
from domain.models.logs import LogStatus
from domain.services.logs import log_save
from tests.lettings_answers import apply, general_needs_answers
from tests.sales_answers import shared_ownership_answers

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sheffield(db):
    LocalAuthority.objects.create(code="E08000039", name="Sheffield", start_date=date(2025, 4, 1))


def row(model, pk) -> dict:
    saved = model.objects.get(pk=pk)
    return {f.attname: getattr(saved, f.attname) for f in model._meta.concrete_fields}


def test_a_refused_deposit_keeps_the_confirmed_soft_check_and_the_status(org, coordinator):
    log = apply(SalesLog(), shared_ownership_answers(org, coordinator, savings=5000, deposit_value_check=0))
    log_save(log=log, by=coordinator)
    before = row(SalesLog, log.pk)
    log = SalesLog.objects.get(pk=log.pk)
    log.deposit = Decimal("-1")
    outcome = log_save(log=log, by=coordinator, keep_valid=True)
    assert "deposit" in outcome.left_out and outcome.errors == {}
    assert (log.deposit, log.deposit_value_check, log.status) == (Decimal("10000.00"), 0, LogStatus.COMPLETED)
    assert row(SalesLog, log.pk) == before


def test_a_refused_household_size_does_not_clear_the_other_tenants_answers(org, coordinator):
    """Two people; a household of 0 would hide person 2, so evaluating it clears their answers: once the
    size is refused, person 2's answers are as they were."""
    log = apply(LettingsLog(), general_needs_answers(
        org, coordinator, hhmemb=2, details_known_2=0, relat2="P", age2_known=0, age2=40, sexrab2="M",
        gender_same_as_sex2=1, ecstat2=1))
    log_save(log=log, by=coordinator)
    before = row(LettingsLog, log.pk)
    assert (before["age2"], before["relat2"]) == (40, "P")
    log = LettingsLog.objects.get(pk=log.pk)
    log.hhmemb = 0
    outcome = log_save(log=log, by=coordinator, keep_valid=True)
    assert "hhmemb" in outcome.left_out
    assert row(LettingsLog, log.pk) == before


def test_the_accepted_answers_of_the_same_save_are_kept(org, coordinator):
    log = apply(SalesLog(), shared_ownership_answers(org, coordinator))
    log_save(log=log, by=coordinator)
    log = SalesLog.objects.get(pk=log.pk)
    log.deposit, log.purchid = Decimal("-1"), "SO-9"
    log_save(log=log, by=coordinator, keep_valid=True)
    saved = SalesLog.objects.get(pk=log.pk)
    assert (saved.purchid, saved.deposit, saved.status) == ("SO-9", Decimal("10000.00"), LogStatus.COMPLETED)
