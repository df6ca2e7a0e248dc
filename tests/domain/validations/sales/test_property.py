"""Sales property rules: UPRN and postcode formats, the local authority, bedsits."""

from datetime import date

import pytest

from .helpers import errors, fails, local_authority, message, sales_log


@pytest.mark.parametrize("uprn, expected", [
    ("1", False), ("123456789012", False), ("1234567890123", True), ("12 34", True), ("10A", True),
])
def test_uprn_is_up_to_12_digits(uprn, expected):
    assert fails("property.uprn.format", sales_log(uprn=uprn)) is expected


@pytest.mark.parametrize("postcode, pcodenk, expected", [
    ("SW1A 1AA", 0, False),
    ("sw1a1aa", 0, False),
    ("BFPO 123", 0, False),
    ("SW1A 1A", 0, True),
    ("", 0, True),          # said the postcode is known, then left it blank
    ("SW1A 1A", 1, False),  # not known: not checked
])
def test_property_postcode_format(postcode, pcodenk, expected):
    log = sales_log(postcode_full=postcode, pcodenk=pcodenk)
    assert fails("property.postcode_full.format", log) is expected
    if expected:
        assert errors(log) == {"postcode_full": ["Enter the property's postcode in the usual format, like AA1 1AA."]}


@pytest.mark.parametrize("postcode, expected", [("LS1 4AP", False), ("LS1 4A", True)])
def test_previous_postcode_format(postcode, expected):
    assert fails("property.ppostcode_full.format", sales_log(ppostcode_full=postcode, ppcodenk=0)) is expected


@pytest.mark.parametrize("authority, expected", [
    (local_authority(code="E08000035"), False),
    (local_authority(code="W06000015", name="Cardiff"), True),
    (None, True),  # a code that is not in the table at all
])
def test_local_authority_must_be_in_england(authority, expected):
    log = sales_log(la=authority["code"] if authority else "X99999999", local_authority=authority,
                    postcode_full="LS1 4AP",
                    saledate=date(2026, 6, 1))
    assert fails("property.la.not_in_england", log) is expected
    assert fails("property.saledate.not_in_england", log) is expected
    if expected:
        found = errors(log)
        for field in ("la", "postcode_full", "uprn", "uprn_selection"):
            assert found[field] == ["This service only collects sales of homes in England. Check the address, "
                                    "postcode or local authority."]
        assert "The postcode you entered is not in England." in found["saledate"][0]


def test_not_in_england_names_the_address_when_a_uprn_was_chosen():
    log = sales_log(la="W06000015", local_authority=local_authority(code="W06000015"), uprn="123",
                    saledate=date(2026, 6, 1))
    assert message("property.saledate.not_in_england", log).startswith("The address you entered is not in England.")


@pytest.mark.parametrize("saledate, expected", [
    (date(2025, 3, 31), True), (date(2025, 4, 1), False), (date(2026, 3, 31), False), (date(2026, 4, 1), True),
])
def test_local_authority_must_exist_on_the_sale_date(saledate, expected):
    authority = local_authority(code="E06000999", name="Oldshire", start_date=date(2025, 4, 1),
                                end_date=date(2026, 3, 31))
    log = sales_log(la="E06000999", local_authority=authority, saledate=saledate)
    assert fails("property.la.not_active_on_saledate", log) is expected
    assert fails("property.saledate.la_not_active", log) is expected
    if expected:
        assert message("property.la.not_active_on_saledate", log).startswith(
            f"Oldshire was not a local authority on {saledate.day} {saledate:%B %Y}.")


@pytest.mark.parametrize("proptype, beds, expected", [(2, 1, False), (2, 2, True), (1, 2, False)])
def test_bedsit_has_one_bedroom(proptype, beds, expected):
    log = sales_log(proptype=proptype, beds=beds)
    assert fails("property.beds.bedsit_more_than_one", log) is expected
    if expected:
        assert set(errors(log)) == {"proptype", "beds"}
        assert "not 2" in errors(log)["beds"][0]
