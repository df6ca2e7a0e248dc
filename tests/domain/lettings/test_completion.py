"""A whole 2026 general needs log, routed, derived and completed by the shared service."""

import pytest

from domain.models import LettingsLog
from domain.services.logs import log_evaluate, log_save
from tests.factories import make_organisation, make_user
from tests.lettings_answers import apply, general_needs_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(db):
    return make_organisation(name="Test PRP", provider_type=2, holds_own_stock=True)


@pytest.fixture
def user(owner):
    return make_user(owner, role=2)


def test_complete_general_needs_log_is_completed(owner, user):
    log = apply(LettingsLog(), general_needs_answers(owner, user))
    outcome = log_evaluate(log)
    assert outcome.errors == {}
    assert outcome.missing == []
    assert set(outcome.subsections.values()) == {"completed"}, outcome.subsections
    assert outcome.status == "completed"


def test_saved_log_records_completed_status_and_derived_values(owner, user):
    log = apply(LettingsLog(), general_needs_answers(owner, user))
    log_save(log=log, by=user)
    log.refresh_from_db()
    assert log.status == 2
    assert (log.renttype, log.lettype, log.wrent, log.tcharge, log.wtcharge) == (1, 1, 100, 110, 110)
    assert (log.totadult, log.totchild, log.totelder, log.hhtype, log.refused) == (1, 0, 0, 3, 0)
