"""The two look-up clients against a real local server that answers like postcodes.io and OS Places."""

import time

import pytest

from domain.lookups import LookupUnavailable, lookups
from tests.fake_lookups import dpa


@pytest.fixture
def westminster(fake_lookups):
    fake_lookups.add_postcode("SW1A 2AA", "E09000033", "Westminster")
    fake_lookups.add_address(dpa("100023336956", "10", "Downing Street", "London", "SW1A 2AA"))
    fake_lookups.add_address(dpa("100023336957", "11", "Downing Street", "London", "SW1A 2AA"))
    return fake_lookups


def test_postcode_gives_its_local_authority(westminster):
    area = lookups().postcode_area("sw1a2aa")

    assert (area.la_code, area.la_name, area.postcode) == ("E09000033", "Westminster", "SW1A 2AA")
    assert westminster.calls() == ["/postcodes.io/postcodes/SW1A2AA?"]


def test_unknown_postcode_is_not_found_rather_than_an_error(westminster):
    assert lookups().postcode_area("ZZ9 9ZZ") is None
    assert len(westminster.calls("/postcodes/ZZ99ZZ")) == 1


def test_text_that_is_not_a_postcode_is_never_sent(westminster):
    assert lookups().postcode_area("not a postcode") is None
    assert westminster.calls() == []


def test_each_postcode_is_asked_once_then_answered_from_the_cache(westminster):
    service = lookups()
    for spelling in ("SW1A 2AA", "sw1a 2aa", "SW1A2AA"):
        assert service.postcode_area(spelling).la_code == "E09000033"
    assert service.postcode_area("ZZ9 9ZZ") is None
    assert service.postcode_area("ZZ9 9ZZ") is None

    assert len(westminster.calls("/postcodes/")) == 2


def test_a_slow_service_is_given_up_after_the_timeout(westminster, settings):
    westminster.delay_s = 1.5
    started = time.monotonic()

    with pytest.raises(LookupUnavailable, match="did not answer in time"):
        lookups().postcode_area("SW1A 2AA")

    assert time.monotonic() - started < 1.4  # LOOKUP_TIMEOUT_S is 0.5 in these tests


def test_a_server_error_is_unavailable_and_the_service_is_rested_before_it_is_asked_again(westminster):
    westminster.failing = "500"
    with pytest.raises(LookupUnavailable, match="error \\(500\\)"):
        lookups().postcode_area("SW1A 2AA")
    westminster.failing = ""
    with pytest.raises(LookupUnavailable, match="failed a moment ago"):
        lookups().postcode_area("SW1A 2AA")

    assert len(westminster.calls("/postcodes/")) == 1


def test_an_answer_that_is_not_json_is_unavailable(westminster):
    westminster.failing = "garbage"
    with pytest.raises(LookupUnavailable, match="not JSON"):
        lookups().postcode_area("SW1A 2AA")
    with pytest.raises(LookupUnavailable):
        lookups().search("SW1A 2AA")


def test_postcode_lookup_is_off_without_a_url(settings, westminster):
    settings.POSTCODE_LOOKUP_URL = ""

    assert not lookups().postcodes_on
    with pytest.raises(LookupUnavailable, match="switched off"):
        lookups().postcode_area("SW1A 2AA")
    assert westminster.calls() == []


def test_the_test_suite_has_both_lookups_off_by_default(db):
    from django.conf import settings

    assert settings.POSTCODE_LOOKUP_URL == "" and settings.OS_PLACES_API_KEY == ""
    assert not lookups().postcodes_on and not lookups().addresses_on


def test_search_by_postcode_lists_every_address_there_ready_for_the_log(westminster):
    found = lookups().search("sw1a 2aa")

    assert [a.uprn for a in found] == ["100023336956", "100023336957"]
    first = found[0]
    assert (first.address_line1, first.address_line2, first.town_or_city, first.postcode) == (
        "10 Downing Street", "", "London", "SW1A 2AA")
    assert first.text == "10, DOWNING STREET, LONDON, SW1A 2AA"
    assert "key=test-os-places-key" in westminster.calls("/postcode?")[0]
    assert "fq=COUNTRY_CODE%3AE" in westminster.calls("/postcode?")[0]


def test_search_by_text_gives_the_best_match_first(westminster):
    found = lookups().search("11 Downing Street, SW1A 2AA")

    assert found[0].uprn == "100023336957"
    assert found[0].match == 1.0
    assert len(westminster.calls("/find?")) == 1


def test_search_by_uprn_and_an_unknown_uprn(westminster):
    assert [a.address_line1 for a in lookups().search("100023336956")] == ["10 Downing Street"]
    assert lookups().address_for_uprn("999999999999") is None
    assert lookups().search("999999999999") == []


def test_an_address_chosen_from_a_search_is_not_looked_up_again_by_its_uprn(westminster):
    lookups().search("SW1A 2AA")
    assert lookups().address_for_uprn("100023336957").address_line1 == "11 Downing Street"

    assert westminster.calls("/uprn?") == []


def test_address_search_is_off_without_a_key(settings, westminster):
    settings.OS_PLACES_API_KEY = ""

    assert not lookups().addresses_on
    with pytest.raises(LookupUnavailable, match="no OS Places API key"):
        lookups().search("SW1A 2AA")
    assert westminster.calls() == []


def test_a_key_the_service_refuses_is_unavailable_not_an_empty_search(settings, westminster):
    settings.OS_PLACES_API_KEY = "wrong-key"

    with pytest.raises(LookupUnavailable, match="401"):
        lookups().search("SW1A 2AA")


def test_the_api_key_never_reaches_the_logs(settings, westminster, caplog):
    westminster.failing = "500"
    with pytest.raises(LookupUnavailable):
        lookups().search("SW1A 2AA")

    ours = "\n".join(r.getMessage() for r in caplog.records if r.name != "werkzeug")  # not the fake server's own
    assert "test-os-places-key" not in ours
    assert "/os/search/places/v1/postcode answered 500" in ours


def test_a_short_number_is_searched_as_a_uprn_and_as_text(westminster):
    westminster.add_address(dpa("11", "11", "Short Street", "London", "SW1A 2AB"))

    found = lookups().search("11")

    assert found[0].uprn == "11"
    assert "100023336957" in [a.uprn for a in found]  # 11 Downing Street, by text
    assert len(westminster.calls("/uprn?")) == 1 and len(westminster.calls("/find?")) == 1
