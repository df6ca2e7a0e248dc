"""Routing: a question appears and disappears with the answer that governs it, and a stale answer
is cleared when its question is no longer asked."""

from datetime import date

import pytest

from domain.forms import engine, registry
from domain.models import LettingsLog
from domain.services.logs import log_evaluate
from tests.factories import make_organisation, make_user
from tests.lettings_answers import apply, general_needs_answers

pytestmark = pytest.mark.django_db
FORM = registry.form_for_year("lettings", 2026)


@pytest.fixture
def log(db):
    owner = make_organisation(name="Routing PRP", provider_type=2)
    return apply(LettingsLog(), general_needs_answers(owner, make_user(owner, role=2)))


def shown(log) -> set[str]:
    return {column for _, _, q in engine.shown_questions(FORM, log) for column in q.columns}


def test_other_rent_product_name_is_asked_only_for_other_intermediate_rent(log):
    assert "irproduct_other" not in shown(log)
    log.rent_type = 5
    assert "irproduct_other" in shown(log)


def test_changing_the_rent_type_clears_the_product_name(log):
    log.rent_type, log.irproduct_other = 5, "Shared living rent"
    log_evaluate(log)
    assert log.irproduct_other == "Shared living rent"
    log.rent_type = 0
    outcome = log_evaluate(log)
    assert log.irproduct_other == "" and "irproduct_other" in outcome.cleared


def test_fixed_term_length_is_asked_and_cleared_with_the_tenancy_type(log):
    log.tenancy, log.tenancylength = 4, 5
    assert "tenancylength" in shown(log)
    log_evaluate(log)
    assert log.tenancylength == 5
    log.tenancy = 2
    log_evaluate(log)
    assert log.tenancylength is None


def test_lowering_the_household_size_clears_the_people_no_longer_in_it(log):
    log.hhmemb = 3
    apply(log, {"details_known_2": 0, "age2_known": 0, "age2": 30, "relat2": "P", "sexrab2": "M",
                "gender_same_as_sex2": 1, "ecstat2": 1,
                "details_known_3": 0, "age3_known": 0, "age3": 8, "sexrab3": "F", "gender_same_as_sex3": 1})
    log_evaluate(log)
    assert (log.age3, log.ecstat3, log.relat3) == (8, 9, "X")  # a child: derived answers
    log.hhmemb = 2
    log_evaluate(log)
    assert (log.details_known_3, log.age3, log.sexrab3) == (None, None, "")
    assert log.age2 == 30


def test_a_radio_answer_not_offered_by_the_question_now_asked_is_cleared(log):
    log.ethnic_group, log.ethnic = 2, 8  # Asian: Indian
    log_evaluate(log)
    assert log.ethnic == 8
    log.ethnic_group = 0  # White: Indian is not one of its backgrounds
    log_evaluate(log)
    assert log.ethnic is None


def test_supported_housing_skips_general_needs_property_questions(log):
    log.needstype = 2
    questions = shown(log)
    assert {"unittype_gn", "wchair", "beds", "la"}.isdisjoint(questions)
    assert {"scheme_id", "sheltered"} <= questions


def test_later_subsections_wait_for_setup(log):
    log.declaration = None
    assert not engine.gate_open(FORM, log)
    assert "hhmemb" not in shown(log)
    statuses = engine.evaluate(FORM, log).subsections
    assert statuses["setup"] == "in_progress"
    assert statuses["household_characteristics"] == "cannot_start_yet"


def test_a_renewal_skips_the_vacancy_questions_and_derives_them(log):
    log.renewal = 1
    assert {"first_time_property_let_as_social_housing", "rsnvac", "voiddate", "waityear"}.isdisjoint(shown(log))
    log_evaluate(log)
    assert (log.rsnvac, log.waityear, log.voiddate, log.referral_register) == (14, 2, date(2026, 6, 1), 1)


def test_completion_needs_every_applicable_question(log):
    assert log_evaluate(log).status == "completed"
    log.layear = None
    outcome = log_evaluate(log)
    assert outcome.status == "in_progress"
    assert outcome.subsections["household_situation"] == "in_progress"
    assert outcome.missing == ["layear"]


def test_optional_questions_do_not_hold_completion_back(log):
    log.tenancycode, log.propcode = "", ""
    assert log_evaluate(log).status == "completed"


def test_an_empty_log_is_not_started(db):
    assert log_evaluate(LettingsLog()).status == "not_started"


def test_not_known_age_counts_as_answered(log):
    log.age1_known, log.age1 = 1, None
    outcome = log_evaluate(log)
    assert "age1" not in outcome.missing
    assert outcome.subsections["household_characteristics"] == "completed"
