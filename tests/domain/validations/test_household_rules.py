"""Household rules: contradictions between answers about the people and their previous housing."""

import pytest

from .conftest import fails, message

pytestmark = pytest.mark.django_db


def test_reasonable_preference_reasons_need_reasonable_preference(make_log):
    rule = "household.reasonable_preference_reason.not_asked"
    assert fails(rule, make_log(reasonpref=2, rp_medwel=1))
    assert not fails(rule, make_log(reasonpref=1, rp_medwel=1))


def test_other_reason_for_leaving(make_log):
    assert fails("household.reasonother.missing", make_log(reason=20, reasonother=""))
    assert not fails("household.reasonother.missing", make_log(reason=20, reasonother="Moved for work"))
    assert fails("household.reasonother.not_asked", make_log(reason=50, reasonother="Moved for work"))
    rule = "household.reasonother.not_settled_home"
    assert fails(rule, make_log(reason=20, reasonother=" Homelessness. "))
    assert fails(rule, make_log(reason=20, reasonother="TA"))
    assert not fails(rule, make_log(reason=20, reasonother="Homeless after the landlord sold the flat"))
    assert '"TA" describes what happened afterwards.' in message(rule, make_log(reason=20, reasonother="TA"))


def test_armed_forces_follow_up_answers(make_log):
    assert fails("household.reservist.not_asked", make_log(armedforces=2, reservist=1))
    assert not fails("household.reservist.not_asked", make_log(armedforces=1, reservist=1))
    assert fails("household.leftreg.not_asked", make_log(armedforces=4, leftreg=6))
    assert not fails("household.leftreg.not_asked", make_log(armedforces=1, leftreg=6))


def test_a_child_under_16_is_at_most_16(make_log):
    assert not fails("household.ecstat3.child_over_16", make_log(age3=16, ecstat3=9))
    assert fails("household.ecstat3.child_over_16", make_log(age3=17, ecstat3=9))


def test_condition_effects_need_a_condition(make_log):
    assert fails("household.condition_effects.no_condition", make_log(illness=2, illness_type_3=1))
    assert not fails("household.condition_effects.no_condition", make_log(illness=1, illness_type_3=1))


def test_previous_situation_rules(make_log, owner):
    assert fails("household.prevten.temporary_relet", make_log(rsnvac=9, prevten=6))
    assert not fails("household.prevten.temporary_relet", make_log(rsnvac=9, prevten=18))
    assert not fails("household.prevten.foster_care_over_25", make_log(prevten=13, age1=25))
    assert fails("household.prevten.foster_care_over_25", make_log(prevten=13, age1=26))
    rule = "household.prevten.internal_transfer"
    log = make_log(referral_register=6, referral_noms=3, prevten=3)
    assert fails(rule, log)
    assert "previous situation is \"Private sector tenancy\"" in message(rule, log)
    assert not fails(rule, make_log(referral_register=6, referral_noms=3, prevten=32))
    assert not fails(rule, make_log(referral_register=6, referral_noms=4, prevten=3))


def test_previous_local_authority(make_log):
    assert fails("household.prevloc.missing", make_log(previous_la_known=1, prevloc=""))
    assert not fails("household.prevloc.missing", make_log(previous_la_known=1, prevloc="E08000038"))
    assert fails("household.layear.renewal_just_moved", make_log(renewal=1, layear=1))
    assert not fails("household.layear.renewal_just_moved", make_log(renewal=1, layear=2))
    rule = "household.layear.same_local_authority"
    assert fails(rule, make_log(layear=1, prevloc="E08000039"))
    assert not fails(rule, make_log(layear=1, prevloc="E08000038"))


def test_access_needs_need_a_type(make_log):
    rule = "household.housingneeds.no_type"
    assert fails(rule, make_log(housingneeds=1, housingneeds_type=3, housingneeds_other=0))
    assert not fails(rule, make_log(housingneeds=1, housingneeds_type=3, housingneeds_other=1))
    assert not fails(rule, make_log(housingneeds=1, housingneeds_type=2, housingneeds_other=0))
