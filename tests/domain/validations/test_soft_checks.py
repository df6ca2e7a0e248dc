"""Soft checks come from the interruption questions: they fire with the page, need a confirmation before
the log is completed, and are asked again when an answer they read changes."""

import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from domain.forms import registry
from domain.forms.catalogue import INTERRUPTION
from domain.models import LettingsLog
from domain.services.logs import log_evaluate, log_save
from domain.validations.lettings import soft
from domain.validations.rules import HARD, SOFT

pytestmark = pytest.mark.django_db
RULES = registry.year(2026).lettings.rules


@pytest.fixture
def rent_ranges(db):
    call_command("load_reference_data", verbosity=0)


def test_every_interruption_page_is_a_soft_rule_confirmed_by_its_question():
    form = registry.form_for_year("lettings", 2026)
    pages = {page.id: page.questions[0].field for sub in form.subsections for page in sub.pages
             if page.questions and page.questions[0].type == INTERRUPTION}
    rules = {rule.id: rule.confirm_field for rule in RULES if rule.kind == SOFT}
    assert rules == pages
    assert len(rules) == len(soft.rules_for_form(registry.form_for_year("lettings", 2026))) > 80


def test_describe_form_lists_every_rule():
    out = StringIO()
    call_command("describe_form", "--log-type", "lettings", "--year", "2026", "--json", stdout=out)
    described = {rule["id"]: rule for rule in json.loads(out.getvalue())["rules"]}
    assert set(described) == {rule.id for rule in RULES}
    assert described["financial.brent.above_hard_max"]["kind"] == HARD
    assert "brent" in described["financial.brent.above_hard_max"]["fields"]
    assert described["brent_rent_value_check"] == {
        "id": "brent_rent_value_check", "kind": SOFT, "confirm_field": "rent_value_check",
        "fields": ["brent", "period", "startdate", "la", "beds", "rent_type", "needstype"],
        "message": described["brent_rent_value_check"]["message"]}
    assert all(rule["message"] for rule in described.values())


def test_rent_soft_check_at_the_soft_maximum(make_log, rent_ranges):
    assert log_evaluate(make_log(brent=Decimal("122.51"))).soft_checks == []
    outcome = log_evaluate(make_log(brent=Decimal("122.52")))
    assert outcome.status == "in_progress"
    assert outcome.soft_checks == [{
        "id": "local_authority_rent_value_check", "fields": ["brent", "period", "startdate", "la", "beds",
                                                             "rent_type", "needstype"],
        "message": "The basic rent is £122.52 a week, higher than expected for this kind of property here "
                   "(£61.09 to £122.52 a week). If the answers are right, confirm them; if not, change them.",
        "confirmed": False, "confirm_field": "rent_value_check"}]
    assert "rent_value_check" in outcome.missing
    confirmed = log_evaluate(make_log(brent=Decimal("122.52"), rent_value_check=0))
    assert confirmed.status == "completed"
    assert confirmed.soft_checks[0]["confirmed"] is True


def test_answering_no_to_a_soft_check_keeps_the_log_in_progress(make_log, rent_ranges):
    assert log_evaluate(make_log(brent=Decimal("122.52"), rent_value_check=1)).status == "in_progress"


def test_service_charge_soft_check(make_log):
    # General needs, private registered provider: more than 35 a week is unusual.
    assert log_evaluate(make_log(scharge=Decimal("35.00"))).soft_checks == []
    check = log_evaluate(make_log(scharge=Decimal("35.01"))).soft_checks[0]
    assert check["id"] == "scharge_value_check"
    assert check["message"].startswith("The service charge is £35.01 a week, more than the £35.00 a week usually "
                                       "charged for general needs lettings owned by a private registered provider.")


def test_retirement_check_names_the_person_and_age(make_log):
    checks = log_evaluate(make_log(age1=65, ecstat1=5, earnings=200)).soft_checks
    assert [c["message"] for c in checks] == [
        "The lead tenant is 65 and retired, younger than the minimum expected retirement age of 66. If the "
        "answers are right, confirm them; if not, change them."]


def test_changing_a_checked_answer_asks_the_check_again(make_log, user, rent_ranges):
    log = make_log(brent=Decimal("122.52"), rent_value_check=0)
    log_save(log=log, by=user)
    log = LettingsLog.objects.get(pk=log.pk)
    assert (log.status, log.rent_value_check) == (2, 0)

    log.tenancycode = "T-2"  # not read by the rent check: the confirmation stands
    log_save(log=log, by=user)
    assert LettingsLog.objects.get(pk=log.pk).rent_value_check == 0

    log = LettingsLog.objects.get(pk=log.pk)
    log.brent = Decimal("122.60")  # still unusual, but a different rent: ask again
    outcome = log_save(log=log, by=user)
    log.refresh_from_db()
    assert (log.rent_value_check, log.status, outcome.unconfirmed_soft_checks[0]["id"]) == (
        None, 1, "local_authority_rent_value_check")

    log.brent, log.rent_value_check = Decimal("122.70"), 0  # a new rent confirmed in the same change stays
    log_save(log=log, by=user)
    log.refresh_from_db()
    assert (log.rent_value_check, log.status) == (0, 2)

    log.brent = Decimal("100")  # no longer unusual: the confirmation is cleared
    log_save(log=log, by=user)
    log.refresh_from_db()
    assert (log.rent_value_check, log.status) == (None, 2)
