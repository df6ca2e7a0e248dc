"""Property rules: vacancy reason, shared housing bedrooms, UPRN, postcodes and the local authority."""

from datetime import date

import pytest

from tests.factories import make_local_authority, make_location, make_scheme

from .conftest import fails, fails_after_evaluation, message

pytestmark = pytest.mark.django_db


def test_temporary_relet_needs_temporary_previous_accommodation(make_log):
    rule = "property.rsnvac.temporary_relet_after_settled_home"
    assert fails(rule, make_log(rsnvac=9, prevten=4))
    assert not fails(rule, make_log(rsnvac=9, prevten=14))


def test_renewal_reason_needs_a_renewal(make_log):
    assert fails("property.rsnvac.renewal_reason_without_renewal", make_log(renewal=0, rsnvac=14))
    assert not fails("property.rsnvac.renewal_reason_without_renewal", make_log(renewal=0, rsnvac=13))


@pytest.mark.parametrize("rule, hhmemb, most", [
    ("property.beds.shared_one_tenant", 1, 3),
    ("property.beds.shared", 2, 7),
])
def test_shared_housing_bedrooms(make_log, rule, hhmemb, most):
    assert not fails(rule, make_log(unittype_gn=9, hhmemb=hhmemb, beds=most))
    assert not fails(rule, make_log(unittype_gn=9, hhmemb=hhmemb, beds=1))
    assert fails(rule, make_log(unittype_gn=9, hhmemb=hhmemb, beds=most + 1))
    assert not fails(rule, make_log(unittype_gn=7, hhmemb=hhmemb, beds=most + 1))  # a house, not shared


def test_uprn_has_up_to_twelve_digits(make_log):
    assert not fails("property.uprn.format", make_log(uprn="123456789012"))
    assert fails("property.uprn.format", make_log(uprn="1234567890123"))
    assert fails("property.uprn.format", make_log(uprn="12AB"))


def test_property_postcode_must_be_a_postcode(make_log):
    assert fails_after_evaluation("property.postcode_full.format", make_log(postcode_full="NOT A CODE"))
    assert not fails_after_evaluation("property.postcode_full.format", make_log(postcode_full="s1 2ab"))


def test_property_postcode_must_be_the_locations(make_log, owner):
    scheme = make_scheme(owner)
    location = make_location(scheme, postcode="S70 2TA")
    rule = "property.postcode_full.not_the_location"
    log = make_log(needstype=2, scheme=scheme, location=location, postcode_full="S1 2AB")
    assert fails(rule, log)
    assert message(rule, log).startswith("The property's postcode (S1 2AB) is not the postcode of the scheme "
                                         "location you chose (S70 2TA).")
    assert not fails(rule, make_log(needstype=2, scheme=scheme, location=location, postcode_full="S70 2TA"))
    assert not fails(rule, make_log(needstype=2, scheme=scheme, location=location, postcode_full=""))


def test_local_authority_must_be_in_england(make_log):
    make_local_authority("W06000015", "Cardiff")
    rule = "property.la.not_in_england.general_needs"
    assert fails(rule, make_log(la="W06000015"))
    assert message(rule, make_log(la="W06000015")).startswith("The property's local authority (Cardiff) is not in England.")
    assert not fails(rule, make_log(la="E08000039"))


def test_local_authority_must_exist_on_the_start_date(make_log):
    make_local_authority("E07000999", "Old District", start_date="2020-04-01", end_date=date(2026, 5, 31))
    rule = "property.la.not_on_startdate.general_needs"
    assert not fails(rule, make_log(la="E07000999", startdate=date(2026, 5, 31)))
    assert fails(rule, make_log(la="E07000999", startdate=date(2026, 6, 1)))
    make_local_authority("E07000998", "New District", start_date="2026-06-01")
    assert fails(rule, make_log(la="E07000998", startdate=date(2026, 5, 31)))
    assert not fails(rule, make_log(la="E07000998", startdate=date(2026, 6, 1)))
