"""Two collection years open at once: the test-only 2027 year (tests/years/y2027), whose form re-uses 2026's
with the joint tenancy question changed."""

from datetime import date, timedelta
from unittest.mock import patch

import pytest

from domain import access
from domain.forms import registry
from domain.models import LettingsLog, Role
from domain.services.logs import log_evaluate, log_save
from tests.factories import make_organisation, make_user
from tests.lettings_answers import apply, general_needs_answers
from tests.clock import on

pytestmark = pytest.mark.django_db
FORM_2026 = registry.form_for_year("lettings", 2026)


@pytest.fixture
def form_2027(settings):
    settings.EXTRA_FORM_YEARS = ["tests.years.y2027"]
    return registry.form_for_year("lettings", 2027)


@pytest.fixture
def owner(db):
    return make_organisation(name="Crossover PRP", provider_type=2)


@pytest.fixture
def user(owner):
    return make_user(owner, role=Role.DATA_COORDINATOR)


def test_a_log_takes_the_form_of_its_start_date(form_2027, owner, user):
    log = apply(LettingsLog(), general_needs_answers(owner, user, startdate=date(2027, 4, 10)))
    assert log.form is form_2027
    assert apply(LettingsLog(), {"startdate": date(2027, 3, 31)}).form is FORM_2026
    assert registry.form_for_year("lettings", 2027).question("joint").label.endswith("(2027 wording)?")
    assert FORM_2026.question("joint").codes == [1, 2, 3]


def test_the_changed_question_accepts_its_new_answer_only_in_its_year(form_2027, owner, user):
    with on(date(2027, 5, 15)):
        new_year = apply(LettingsLog(), general_needs_answers(owner, user, startdate=date(2027, 5, 1), joint=4))
        assert log_evaluate(new_year).errors == {}
        old_year = apply(LettingsLog(), general_needs_answers(owner, user, startdate=date(2026, 6, 1), joint=4))
        assert "joint" in log_evaluate(old_year).errors


def test_in_the_crossover_both_years_take_new_logs(form_2027, owner, user):
    with on(date(2027, 5, 15)):
        for start in (date(2026, 4, 1), date(2027, 5, 1)):
            log = apply(LettingsLog(), general_needs_answers(owner, user, startdate=start,
                                                             voiddate=start - timedelta(days=30)))
            assert "startdate" not in log_evaluate(log).errors, start


def test_after_the_new_logs_deadline_the_old_year_takes_no_new_logs(form_2027, owner, user):
    with on(date(2027, 7, 3)):
        log = apply(LettingsLog(), general_needs_answers(owner, user, startdate=date(2027, 3, 31)))
        errors = log_evaluate(log).errors
        assert errors["startdate"] == [
            "Enter a tenancy start date within the current collection year, between 1 April 2027 and 31 March 2028."]


def test_an_existing_old_year_log_stays_editable_until_the_edit_deadline(form_2027, owner, user):
    with on(date(2027, 3, 1)):
        log = apply(LettingsLog(), general_needs_answers(owner, user, startdate=date(2027, 3, 1)))
        log_save(log=log, by=user)
    log = LettingsLog.objects.get(pk=log.pk)
    with on(date(2027, 7, 30)):
        assert "startdate" not in log_evaluate(log).errors
        assert access.can_change_log(user, log)
    with on(date(2027, 7, 31)):
        assert not access.can_change_log(user, log)
        support = make_user(role=Role.SUPPORT)
        assert not access.can_change_log(support, log)  # nobody changes a closed year's log (§8.7)


def test_start_dates_more_than_two_weeks_ahead_are_refused(owner, user):
    with on(date(2026, 11, 28)):
        ok = apply(LettingsLog(), general_needs_answers(owner, user, startdate=date(2026, 12, 12)))
        assert "startdate" not in log_evaluate(ok).errors
        late = apply(LettingsLog(), general_needs_answers(owner, user, startdate=date(2026, 12, 13)))
        assert log_evaluate(late).errors["startdate"] == [
            "The tenancy start date must not be more than 14 days after today."]
