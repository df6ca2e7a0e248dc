"""Lettings and sales logs through the shared pipeline with the look-ups on (a local fake server):
the postcode sets the local authority and the question is not asked; a UPRN fills the address; an
outage keeps what was typed and asks the question, and nothing fails."""

import pytest

from domain.models import LettingsLog, LocalAuthority, LocalAuthorityLink, SalesLog
from domain.services.lettings import lettings_log_evaluate, lettings_log_save
from domain.services.sales import sales_log_evaluate, sales_log_save
from tests.factories import make_local_authority, make_organisation, make_user
from tests.fake_lookups import dpa
from tests.lettings_answers import apply, general_needs_answers
from tests.sales_answers import shared_ownership_answers

pytestmark = pytest.mark.django_db
SHEFFIELD = "E08000039"


@pytest.fixture
def owner(db):
    return make_organisation(name="Test PRP", provider_type=2, holds_own_stock=True)


@pytest.fixture
def user(owner):
    return make_user(owner, role=2)


@pytest.fixture
def services(fake_lookups):
    make_local_authority(code=SHEFFIELD, name="Sheffield", start_date="2025-04-01")
    make_local_authority(code="E08000035", name="Leeds", start_date="2000-04-01")
    fake_lookups.add_postcode("S1 2AB", SHEFFIELD, "Sheffield")
    fake_lookups.add_postcode("S1 4AB", SHEFFIELD, "Sheffield")
    fake_lookups.add_postcode("LS1 1UR", "E08000035", "Leeds")
    fake_lookups.add_address(dpa("200001234567", "7", "Fargate", "Sheffield", "S1 2AB"))
    return fake_lookups


def lettings(owner, user, **answers):
    return apply(LettingsLog(), general_needs_answers(owner, user, **answers))


def test_postcode_sets_the_local_authority_and_the_question_is_not_asked(services, owner, user):
    log = lettings(owner, user, la="")

    outcome = lettings_log_evaluate(log)

    assert (log.la, log.is_la_inferred) == (SHEFFIELD, True)
    assert "la" not in outcome.shown
    assert outcome.status == "completed"


def test_the_postcode_wins_over_a_typed_local_authority(services, owner, user):
    log = lettings(owner, user, la="E08000035")

    lettings_log_save(log=log, by=user)
    log.refresh_from_db()

    assert (log.la, log.is_la_inferred, log.status) == (SHEFFIELD, True, 2)


def test_a_replaced_district_code_gives_the_authority_in_place_on_the_start_date(services, owner, user):
    old = make_local_authority(code="E08000019", name="Sheffield", start_date="1974-04-01", end_date="2025-03-31")
    LocalAuthorityLink.objects.create(local_authority=old, linked_local_authority=LocalAuthority.objects.get(
        code=SHEFFIELD))
    services.add_postcode("S1 2AB", "E08000019", "Sheffield")  # the service still gives the old code
    log = lettings(owner, user, la="")

    lettings_log_evaluate(log)

    assert (log.la, log.is_la_inferred) == (SHEFFIELD, True)


def test_an_outage_keeps_the_typed_local_authority_and_the_save_goes_through(services, owner, user):
    services.failing = "500"
    log = lettings(owner, user, la=SHEFFIELD)

    outcome = lettings_log_save(log=log, by=user)
    log.refresh_from_db()

    assert (log.la, log.is_la_inferred, log.status) == (SHEFFIELD, False, 2)
    assert "la" in outcome.shown
    assert log.lookup_notes == ["The local authority could not be worked out from the postcode just now. Choose it "
                                "from the list."]


def test_a_slow_service_asks_the_local_authority_question_instead(services, owner, user):
    services.delay_s = 1.0
    log = lettings(owner, user, la="")

    outcome = lettings_log_save(log=log, by=user)

    assert (log.la, log.is_la_inferred) == ("", False)
    assert "la" in outcome.missing
    assert outcome.status == "in_progress"


def test_a_postcode_the_service_does_not_know_takes_back_an_inferred_local_authority(services, owner, user):
    log = lettings(owner, user, la="")
    lettings_log_save(log=log, by=user)
    log = LettingsLog.objects.get(pk=log.pk)
    assert log.is_la_inferred

    log.postcode_full = "ZZ9 9ZZ"
    outcome = lettings_log_save(log=log, by=user)

    assert (log.la, log.is_la_inferred) == ("", False)
    assert "la" in outcome.missing


def test_a_saved_inferred_local_authority_is_not_looked_up_again(services, owner, user):
    log = lettings(owner, user, la="")
    lettings_log_save(log=log, by=user)
    log = LettingsLog.objects.get(pk=log.pk)
    log.tenancycode = "T-2"
    services.failing = "500"

    lettings_log_save(log=log, by=user)

    assert (log.la, log.is_la_inferred) == (SHEFFIELD, True)
    assert len(services.calls("/postcodes/")) == 1


def test_a_uprn_fills_the_address_and_its_postcode_the_local_authority(services, owner, user):
    log = lettings(owner, user, uprn="200001234567", address_line1="typed", town_or_city="typed", county="Yorks",
                   postcode_full="", la="")

    outcome = lettings_log_evaluate(log)

    assert (log.address_line1, log.address_line2, log.town_or_city, log.county, log.postcode_full) == (
        "7 Fargate", "", "Sheffield", "", "S1 2AB")
    assert (log.uprn_known, log.uprn_confirmed, log.uprn_selection) == (1, 1, "200001234567")
    assert (log.la, log.is_la_inferred) == (SHEFFIELD, True)
    assert outcome.errors == {}


def test_an_unknown_uprn_is_an_error_on_the_uprn_and_the_rest_is_saved(services, owner, user):
    log = lettings(owner, user, uprn="999999999999")

    outcome = lettings_log_evaluate(log)
    assert outcome.errors["uprn"] == ["UPRN is not recognised. Check the number, or enter the address instead."]

    outcome = lettings_log_save(log=log, by=user, keep_valid=True)
    log.refresh_from_db()
    assert (log.uprn, log.address_line1, log.la) == ("", "1 Test Street", SHEFFIELD)
    assert "uprn" in outcome.left_out


def test_a_uprn_is_kept_with_the_typed_address_when_address_search_is_down(services, owner, user):
    services.failing = "garbage"
    log = lettings(owner, user, uprn="200001234567")

    outcome = lettings_log_save(log=log, by=user)

    assert (log.uprn, log.address_line1, log.town_or_city) == ("200001234567", "1 Test Street", "Sheffield")
    assert outcome.errors == {}
    assert any("UPRN could not be looked up" in note for note in log.lookup_notes)


def test_the_previous_postcode_sets_the_previous_local_authority(services, owner, user):
    log = lettings(owner, user, ppcodenk=0, ppostcode_full="ls1 1ur", previous_la_known=None, prevloc="")

    outcome = lettings_log_evaluate(log)

    assert (log.ppostcode_full, log.prevloc, log.is_previous_la_inferred) == ("LS1 1UR", "E08000035", True)
    assert "previous_la_known" not in outcome.shown


def test_with_the_lookups_off_the_local_authority_is_asked_as_before(settings, services, owner, user):
    settings.POSTCODE_LOOKUP_URL = ""
    settings.OS_PLACES_API_KEY = ""
    log = lettings(owner, user, la="", uprn="200001234567")

    outcome = lettings_log_evaluate(log)

    assert (log.la, log.is_la_inferred, log.address_line1) == ("", False, "1 Test Street")
    assert "la" in outcome.missing
    assert services.calls() == []


def test_sales_postcode_sets_the_local_authority(services, owner, user):
    log = apply(SalesLog(), shared_ownership_answers(owner, user, la=""))

    outcome = sales_log_evaluate(log)

    assert (log.la, log.is_la_inferred) == (SHEFFIELD, True)
    assert "la" not in outcome.shown


def test_sales_uprn_fills_the_address(services, owner, user):
    log = apply(SalesLog(), shared_ownership_answers(owner, user, uprn="200001234567", la="",
                                                     address_line1="", town_or_city="", postcode_full=""))

    sales_log_save(log=log, by=user)
    log.refresh_from_db()

    assert (log.address_line1, log.town_or_city, log.postcode_full, log.la) == (
        "7 Fargate", "Sheffield", "S1 2AB", SHEFFIELD)
    assert (log.uprn_known, log.uprn_confirmed, log.manual_address_entry_selected) == (1, 1, False)


def test_a_sales_log_typed_by_hand_takes_an_address_chosen_later(services, owner, user):
    log = apply(SalesLog(), shared_ownership_answers(owner, user, la=""))
    sales_log_save(log=log, by=user)
    log = SalesLog.objects.get(pk=log.pk)
    assert (log.manual_address_entry_selected, log.uprn_known) == (True, 0)

    log.uprn = "200001234567"
    sales_log_save(log=log, by=user)
    log.refresh_from_db()

    assert (log.uprn, log.address_line1, log.uprn_known, log.uprn_confirmed) == ("200001234567", "7 Fargate", 1, 1)
    assert log.manual_address_entry_selected is False
