"""Each derived value of a 2026 lettings log, against its formula (lettings-2026-rules §3)."""

from datetime import date
from decimal import Decimal

import pytest

from domain.forms.y2026.lettings.derived import derive, household_type
from domain.models import LettingsLog
from tests.factories import make_location, make_organisation, make_scheme

pytestmark = pytest.mark.django_db


def make_log(**answers) -> LettingsLog:
    """A new lettings log with only these answers; a provider type is the owning organisation's."""
    provider_type = answers.pop("owning_organisation_provider_type", None)
    log = LettingsLog()
    if provider_type is not None:
        log.owning_organisation = make_organisation(provider_type=provider_type)
    for name, value in answers.items():
        setattr(log, name, value)
    return log


def derived(was=None, **answers):
    log = make_log(**answers)
    derive(log, was or {})
    return log


@pytest.mark.parametrize("rent_type, renttype, lar, irproduct", [
    (0, 1, None, None), (1, 2, 2, None), (2, 2, 1, None), (3, 3, None, 1), (4, 3, None, 2), (5, 3, None, 3),
    (6, 4, None, None),
])
def test_rent_type_groups(rent_type, renttype, lar, irproduct):
    log = derived(rent_type=rent_type)
    assert (log.renttype, log.lar, log.irproduct) == (renttype, lar, irproduct)


@pytest.mark.parametrize("rent_type, needstype, provider, lettype", [
    (0, 1, 2, 1), (0, 2, 2, 2), (0, 1, 1, 3), (0, 2, 1, 4),
    (1, 1, 2, 5), (2, 2, 1, 8), (3, 1, 2, 9), (5, 2, 1, 12), (6, 1, 2, 13), (6, 2, 1, 16),
])
def test_letting_type_from_rent_type_needs_type_and_owner(rent_type, needstype, provider, lettype):
    log = derived(rent_type=rent_type, needstype=needstype, owning_organisation_provider_type=provider)
    assert log.lettype == lettype


def test_letting_type_needs_an_owner():
    assert derived(rent_type=0, needstype=1).lettype is None


@pytest.mark.parametrize("rsnvac, newprop", [(15, 1), (16, 1), (17, 1), (13, 2), (5, 2)])
def test_new_property_from_vacancy_reason(rsnvac, newprop):
    assert derived(rsnvac=rsnvac).newprop == newprop


def test_days_vacant_from_repairs_date_or_void_date():
    start = date(2026, 6, 1)
    assert derived(startdate=start, voiddate=date(2026, 5, 1)).vacdays == 31
    assert derived(startdate=start, voiddate=date(2026, 1, 1), mrcdate=date(2026, 5, 22)).vacdays == 10
    assert derived(voiddate=date(2026, 5, 1)).vacdays is None


def test_household_counts_type_and_refused():
    log = derived(hhmemb=4, age1=70, age2=65, relat2="P", age3=17, relat3="X", age4=10)
    assert (log.totelder, log.totadult, log.totchild) == (2, 1, 1)
    assert log.hhtype == 9
    assert (log.ecstat4, log.relat4) == (9, "X")  # a child
    assert log.refused == 0
    assert derived(age1_known=1).refused == 1
    assert derived(ecstat1=10).refused == 1
    assert derived(details_known_3=1).refused == 1


@pytest.mark.parametrize("elders, adults, children, hhtype", [
    (1, 0, 0, 1), (1, 1, 0, 2), (2, 0, 3, 2), (0, 1, 0, 3), (0, 2, 0, 4), (0, 1, 2, 5), (0, 3, 1, 6),
    (0, 3, 0, 9), (None, 1, 0, None),
])
def test_household_type_table(elders, adults, children, hhtype):
    assert household_type(elders, adults, children) == hhtype


def test_sixteen_and_seventeen_year_olds_count_as_adults_only_as_partner_or_not():
    assert derived(age1=30, age2=17, relat2="R").totadult == 1
    assert derived(age1=30, age2=17, relat2="X").totadult == 2


def test_only_one_partner():
    # Person 3 became the partner in this save, so person 2 no longer is.
    log = derived({"relat2": "P", "relat3": None}, hhmemb=3, relat2="P", relat3="P")
    assert (log.relat2, log.relat3) == ("X", "P")
    # A person not yet answered is not the partner either.
    log = derived({}, hhmemb=3, relat2="P")
    assert (log.relat2, log.relat3) == ("P", "X")


def test_age_change_resets_derived_child_answers():
    log = make_log(age2=20, ecstat2=9, relat2="X")
    derive(log, {"age2": 10, "ecstat2": 9, "relat2": "X"})
    assert (log.ecstat2, log.relat2) == (None, None)


@pytest.mark.parametrize("known, incref", [(0, 0), (1, 2), (2, 1)])
def test_income_refused_flag(known, incref):
    assert derived(net_income_known=known).incref == incref


@pytest.mark.parametrize("hb, has_benefits", [(1, 1), (6, 1), (9, 0), (3, 0), (None, None)])
def test_has_benefits(hb, has_benefits):
    assert derived(hb=hb).has_benefits == has_benefits


def test_no_charge_mirrors_household_charge():
    assert derived(household_charge=1).nocharge == 1


@pytest.mark.parametrize("period, brent, weekly", [
    (1, "100.00", "100.00"), (2, "200.00", "100.00"), (3, "400.00", "100.00"), (4, "433.33", "100.00"),
    (5, "104.00", "100.00"), (10, "98.10", "99.99"),
])
def test_weekly_rent_from_any_period(period, brent, weekly):
    assert derived(period=period, brent=Decimal(brent)).wrent == Decimal(weekly)


def test_total_charge_fills_blank_parts_and_converts_to_weekly():
    log = derived(period=4, brent=Decimal("400"), scharge=Decimal("33.33"))
    assert (log.pscharge, log.supcharg, log.tcharge) == (0, 0, Decimal("433.33"))
    assert (log.wrent, log.wscharge, log.wtcharge) == (Decimal("92.31"), Decimal("7.69"), Decimal("100.00"))


def test_weekly_shortfall_only_with_housing_benefit():
    assert derived(period=2, tshortfall=Decimal("50"), hb=1).wtshortfall == Decimal("25.00")
    assert derived(period=2, tshortfall=Decimal("50"), hb=9).wtshortfall is None
    assert derived(tshortfall=Decimal("50")).tshortfall_known == 0


def test_bedsit_has_one_bedroom_and_leaving_bedsit_clears_it():
    assert derived(unittype_gn=2).beds == 1
    assert derived({"unittype_gn": 2, "beds": 1}, unittype_gn=1, beds=1).beds is None


def test_housing_needs_flags():
    log = derived(housingneeds=1, housingneeds_type=1, housingneeds_other=1)
    flags = (log.housingneeds_a, log.housingneeds_b, log.housingneeds_c, log.housingneeds_f,
             log.housingneeds_g, log.housingneeds_h)
    assert flags == (0, 1, 0, 1, 0, 0)
    log = derived(housingneeds=2)
    assert (log.housingneeds_a, log.housingneeds_g, log.housingneeds_h) == (0, 1, 0)


def test_renewal_defaults_and_their_removal():
    log = derived(renewal=1, startdate=date(2026, 6, 1), rent_type=2, needstype=1,
                  owning_organisation_provider_type=2, postcode_full="S1 2AB", la="E08000039")
    assert (log.referral_register, log.waityear, log.offered, log.rsnvac) == (1, 2, 0, 14)
    assert (log.first_time_property_let_as_social_housing, log.voiddate, log.unitletas) == (0, date(2026, 6, 1), 5)
    assert (log.prevten, log.ppostcode_full, log.ppcodenk, log.prevloc, log.previous_la_known) == (
        32, "S1 2AB", 0, "E08000039", 1)
    undone = make_log(**{f.attname: getattr(log, f.attname) for f in LettingsLog._meta.concrete_fields})
    undone.renewal = 0
    derive(undone, {"renewal": 1, "needstype": 1})
    assert (undone.referral_register, undone.waityear, undone.rsnvac, undone.voiddate, undone.prevten) == (
        None, None, None, None, None)


def test_ethnic_and_nationality_when_preferring_not_to_say_or_uk():
    assert derived(ethnic_group=17).ethnic == 17
    assert derived(nationality_all_group=826).nationality_all == 826
    assert derived(nationality_all_group=12, nationality_all=250).nationality_all == 250


def test_existing_or_new_tenant():
    assert derived(startdate=date(2026, 6, 1), prevten=30).new_old == 2
    assert derived(startdate=date(2026, 6, 1), prevten=3).new_old == 1
    assert derived(prevten=30).new_old is None


def test_wheelchair_standard_from_the_location():
    scheme = make_scheme()
    log = make_log(needstype=2, location=make_location(scheme, mobility_type="W"))
    derive(log, {})
    assert log.wchair == 1
    log.location = make_location(scheme, mobility_type="N")
    derive(log, {})
    assert log.wchair == 2


def test_ticking_one_box_answers_the_others_no():
    log = derived(cbl=1)
    assert (log.cbl, log.cap, log.chr, log.accessible_register, log.letting_allocation_unknown) == (1, 0, 0, 0, 0)
    assert derived().cap is None


def test_gender_description_cleared_unless_different():
    assert derived(gender_same_as_sex1=1, gender_description1="x").gender_description1 == ""
    assert derived(gender_same_as_sex1=2, gender_description1="x").gender_description1 == "x"


def test_postcode_and_uprn_state():
    log = derived(postcode_full="S1 2AB", address_line1="1 Street", town_or_city="Sheffield")
    assert (log.postcode_known, log.uprn_known) == (1, 0)
    assert derived(uprn="100012345678").uprn_known == 1
