"""Each derived value of a 2026 sales log against its formula (sales-2026-rules §4.2)."""

from datetime import date
from decimal import Decimal

import pytest

from domain.forms.y2026.sales import FORM
from domain.forms.y2026.sales.derived import DERIVED_FIELDS, derive, household_type

from .support import blank_log


def derived(was=None, **answers):
    log = blank_log(**answers)
    derive(log, was or {})
    return log


def test_derived_fields_are_not_question_columns_and_have_known_kinds():
    asked = {column for q in FORM.questions for column in q.columns}
    names = [d.field for d in DERIVED_FIELDS]
    assert len(names) == len(set(names))
    assert not set(names) & asked
    assert {d.kind for d in DERIVED_FIELDS} <= {"int", "decimal", "date", "str", "bool"}
    assert {"hhmemb", "totchild", "totadult", "hhtype", "pcode1", "pcode2", "ppostc1", "ppostc2", "hoday", "homonth",
            "hoyear", "uprn_known", "uprn_confirmed", "uprn_selection", "is_la_inferred",
            "is_previous_la_inferred", "manual_address_entry_selected", "pcodenk"} <= set(names)


def test_ethnic_17_for_buyer_1_only():
    log = derived(ethnic_group=17, ethnic_group2=17)
    assert log.ethnic == 17 and log.ethnicbuy2 is None


def test_service_charge_blank_without_service_charges():
    assert derived(has_mscharge=0, mscharge=Decimal("20")).mscharge is None
    assert derived(has_mscharge=1, mscharge=Decimal("20")).mscharge == Decimal("20")


def test_handover_date_parts_kept_when_the_date_goes():
    log = derived(hodate=date(2025, 11, 3))
    assert (log.hoday, log.homonth, log.hoyear) == (3, 11, 2025)
    log.hodate = None
    derive(log, {"hodate": date(2025, 11, 3)})
    assert (log.hoday, log.homonth, log.hoyear) == (3, 11, 2025)


def test_discounted_ownership_previous_address_is_the_property():
    log = derived(saledate=date(2026, 5, 1), ownershipsch=2, postcode_full="LS1 1AA", pcodenk=0, la="E08000035",
                  is_la_inferred=True, la_known=None, uprn="1")
    assert (log.ppostcode_full, log.ppcodenk, log.prevloc, log.is_previous_la_inferred, log.previous_la_known) == (
        "LS1 1AA", 0, "E08000035", True, None)
    assert (log.pcode1, log.pcode2, log.ppostc1, log.ppostc2) == ("LS1", "1AA", "LS1", "1AA")
    shared = derived(saledate=date(2026, 5, 1), ownershipsch=1, postcode_full="LS1 1AA", la="E08000035", uprn="1")
    assert shared.ppostcode_full is None and shared.prevloc is None


def test_household_counts():
    log = derived(age1=30, age2=17, relat2="X", age3=19, relat3="X", age4=19, relat4="C", age5=60, age6=None)
    # children: age2 (17) and age4 (19, recorded as a child); adults: buyer 1, age3 (19, not a child); elders: age5
    assert log.totchild == 2
    assert log.totadult == 2 + 1
    assert log.hhtype == 9  # an elder with other adults


@pytest.mark.parametrize("ages, hhtype", [
    (dict(age1=70), 1), (dict(age1=70, age2=65), 2), (dict(age1=40), 3), (dict(age1=40, age2=38), 4),
    (dict(age1=40, age2=5), 5), (dict(age1=40, age2=38, age3=5, age4=2), 6), (dict(age1=15), 9), ({}, 9),
    (dict(age1=70, age2=5), 9), (dict(age1=59, age2=60), 9),
])
def test_household_type(ages, hhtype):
    assert derived(**ages).hhtype == hhtype


def test_household_type_table():
    assert household_type(0, 1, 3) == 5 and household_type(0, 3, 1) == 6 and household_type(3, 0, 0) == 9


def test_buyer_1_aged_16_counts_as_an_adult_and_person_aged_16_as_a_child():
    log = derived(age1=16, age2=16)
    assert (log.totadult, log.totchild, log.hhtype) == (1, 1, 5)


def test_hhmemb_is_hholdcount_once_jointpur_is_known():
    assert derived(hholdcount=3, jointpur=1).hhmemb == 3
    assert derived(hholdcount=3, jointpur=None).hhmemb is None


@pytest.mark.parametrize("answers, soctenant", [
    (dict(ownershipsch=1, prevten=1), 1), (dict(ownershipsch=1, prevten=2), 1), (dict(ownershipsch=1, prevten=3), 2),
    (dict(ownershipsch=1, prevten=3, prevtenbuy2=2), 1), (dict(ownershipsch=1, prevten=None, prevtenbuy2=1), None),
    (dict(ownershipsch=2, prevten=1), None),
])
def test_social_tenant_from_previous_tenure(answers, soctenant):
    assert derived(**answers).soctenant == soctenant


def test_children_get_working_situation_9_from_slot_2_or_3():
    single = derived(jointpur=2, age2=10, age3=15, age4=16)
    assert (single.ecstat2, single.ecstat3, single.ecstat4) == (9, 9, None)
    joint = derived(jointpur=1, age2=10, age3=10)
    assert (joint.ecstat2, joint.ecstat3) == (None, 9)
    grown = derived({"age3": 12}, jointpur=2, age3=30, ecstat3=9)
    assert grown.ecstat3 is None
    assert derived({"age3": 30}, jointpur=2, age3=30, ecstat3=9).ecstat3 == 9  # age unchanged: left alone


def test_uprn_chosen():
    log = derived(uprn="100023336956", manual_address_entry_selected=False)
    assert (log.uprn_known, log.uprn_confirmed, log.uprn_selection) == (1, 1, "100023336956")


def test_manual_address_entry():
    log = derived(address_line1="1 Road", town_or_city="Leeds", postcode_full="LS1 1AA",
                  manual_address_entry_selected=True, uprn_selection="123")
    assert (log.uprn_known, log.uprn, log.uprn_confirmed) == (0, None, None)
    assert log.uprn_selection == ""  # a text column is blanked to "" (the model keeps text non-null)
    assert log.address_line1 == "1 Road"


def test_no_uprn_and_no_manual_entry_resets_the_address():
    log = derived(address_line1="1 Road", postcode_full="LS1 1AA", la="E08000035", is_la_inferred=True,
                  manual_address_entry_selected=False)
    assert (log.address_line1, log.postcode_full, log.la, log.is_la_inferred) == ("", "", "", None)


def test_unconfirmed_uprn_resets_the_address():
    log = derived(uprn="1", uprn_known=1, uprn_confirmed=0, address_line1="1 Road", manual_address_entry_selected=True)
    assert (log.uprn_known, log.uprn_confirmed, log.address_line1) == (0, None, "")


def test_bedsit_has_one_bedroom_and_leaving_bedsit_clears_it():
    assert derived(proptype=2, beds=None).beds == 1
    assert derived({"proptype": 2}, proptype=1, beds=1).beds is None
    assert derived({"proptype": 1}, proptype=3, beds=3).beds == 3


def test_nationality_copied_from_the_group():
    log = derived(nationality_all_group=826, nationality_all_buyer2_group=0)
    assert (log.nationality_all, log.nationality_all_buyer2) == (826, 0)
    assert derived(nationality_all_group=12, nationality_all=616).nationality_all == 616


def test_la_cleared_when_a_new_sale_date_leaves_it_inactive():
    log = derived({"saledate": date(2025, 5, 1)}, saledate=date(2026, 5, 1), la="E08000016",
                  is_la_inferred=True, la_active_on_saledate=False)
    assert (log.la, log.is_la_inferred) == ("", False)
    kept = derived({"saledate": date(2025, 5, 1)}, saledate=date(2026, 5, 1), la="E08000035",
                   la_active_on_saledate=True, is_la_inferred=True, uprn="1")
    assert kept.la == "E08000035"
    unchanged = derived({"saledate": date(2026, 5, 1)}, saledate=date(2026, 5, 1), la="E08000016",
                        la_active_on_saledate=False, uprn="1")
    assert unchanged.la == "E08000016"


def test_number_of_staircasing_transactions_when_first_time_changes():
    assert derived({"firststair": 1}, numstair=1, firststair=2).numstair is None
    assert derived({"firststair": 2}, numstair=1, firststair=1).numstair == 1
    assert derived({"firststair": 2}, numstair=3, firststair=1).numstair == 3


def test_rent_zero_once_the_whole_home_is_owned():
    assert derived(stairowned=Decimal("100"), mrent=Decimal("300")).mrent == 0
    assert derived(stairowned=Decimal("90"), mrent=Decimal("300")).mrent == Decimal("300")


def test_mortgage_length_known_when_interview_answer_changes_to_no():
    assert derived({"noint": 2}, noint=1, mortlen=25).mortlen_known == 0
    assert derived({"noint": 2}, noint=1, mortlen=None).mortlen_known is None
    assert derived({"noint": None}, noint=1, mortlen=25).mortlen_known is None


def test_gender_description_cleared_unless_gender_differs():
    log = derived(gender_same_as_sex1=1, gender_description1="x", gender_same_as_sex3=2, gender_description3="y",
                  gender_description4="z")
    assert (log.gender_description1, log.gender_description3, log.gender_description4) == ("", "y", "z")


def test_mortgage_from_mortgage_used():
    assert derived(mortgageused=2, mortgage=None).mortgage == 0
    assert derived(mortgageused=3, mortgage=1000).mortgage is None
    # no longer "no mortgage": the derived 0 is undone so the amount is asked
    assert derived({"mortgageused": 2}, mortgageused=1, mortgage=0).mortgage is None
    assert derived({"mortgageused": 1}, mortgageused=1, mortgage=1000).mortgage == 1000


def test_pregblank_and_buylivein_rules_act_only_on_older_columns():
    assert derived(pregyrha=0, pregla=0, pregghb=0, pregother=0).pregblank == 1
    assert derived().pregblank is None
    assert (derived(buylivein=2, jointpur=1).buy1livein, derived(buylivein=2, jointpur=1).buy2livein) == (2, 2)
    assert derived(buylivein=1, jointpur=2).buy1livein == 1
