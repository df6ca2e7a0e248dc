import pytest

from domain.forms.catalogue import INTERRUPTION, NUMERIC, SELECT, TEXT
from domain.forms.y2026.lettings.household_characteristics import HOUSEHOLD_CHARACTERISTICS as SUB
from domain.forms.y2026.lettings.household_characteristics import person_pages
from domain.forms.y2026.lettings.nationalities import NATIONALITIES

from .helpers import codes_and_labels, fields, log, question, shown

LEAD_FIELDS = ["hhmemb", "pregnancy_value_check", "net_income_value_check", "age1_known", "age1",
               "retirement_value_check", "sexrab1", "gender_same_as_sex1", "gender_description1", "ethnic_group",
               "ethnic", "nationality_all_group", "nationality_all", "ecstat1", "working_situation_illness_check"]

PERSON_PAGES = ["person_{n}_known", "person_{n}_age", "age_{n}_net_income_value_check", "person_{n}_lead_partner",
                "no_household_member_likely_to_be_pregnant_person_age_{n}_check",
                "age_{n}_under_retirement_value_check", "age_{n}_over_retirement_value_check",
                "person_{n}_sex_registered_at_birth", "person_{n}_gender_same_as_sex",
                "no_household_member_likely_to_be_pregnant_person_{n}_check", "gender_{n}_over_retirement_value_check",
                "person_{n}_working_situation", "working_situation_{n}_under_retirement_value_check",
                "working_situation_{n}_over_retirement_value_check", "working_situation_{n}_long_term_illness_check",
                "working_situation_{n}_net_income_value_check"]

ECSTAT_ADULT = [(1, "Full-time – 30 hours or more per week"), (2, "Part-time – Less than 30 hours per week"),
                (7, "Full-time student"), (3, "In government training into work"), (4, "Jobseeker"),
                (6, "Not seeking work"), (8, "Unable to work because of long-term sickness or disability"),
                (5, "Retired")]


def test_identity_and_field_list():
    assert (SUB.id, SUB.label) == ("household_characteristics", "Household characteristics")
    person_fields = [f"{name.format(n=n)}" for n in range(2, 9) for name in (
        "details_known_{n}", "age{n}_known", "age{n}", "relat{n}", "sexrab{n}", "gender_same_as_sex{n}",
        "gender_description{n}", "ecstat{n}")]
    assert fields(SUB) == LEAD_FIELDS + person_fields


def test_person_pages_follow_the_lead_tenant_in_order():
    ids = [p.id for p in SUB.pages]
    start = ids.index("working_situation_lead_tenant_net_income_value_check") + 1
    assert ids[start:] == [name.format(n=n) for n in range(2, 9) for name in PERSON_PAGES]
    assert [p.id for p in person_pages(5)] == [name.format(n=5) for name in PERSON_PAGES]


def test_lead_tenant_questions():
    assert codes_and_labels(question(SUB, "lead_tenant_sex_registered_at_birth", "sexrab1")) == [
        ("F", "Female"), ("M", "Male"), ("R", "Lead tenant prefers not to say")]
    assert codes_and_labels(question(SUB, "lead_tenant_gender_same_as_sex", "gender_same_as_sex1")) == [
        (1, "Yes"), (2, "No, enter gender identity"), (3, "Lead tenant prefers not to say")]
    assert codes_and_labels(question(SUB, "lead_tenant_working_situation", "ecstat1")) == ECSTAT_ADULT + [
        (0, "Other"), (10, "Tenant prefers not to say")]
    assert codes_and_labels(question(SUB, "lead_tenant_ethnic_group", "ethnic_group")) == [
        (0, "White"), (1, "Mixed or Multiple ethnic groups"), (2, "Asian or Asian British"),
        (3, "Black, African, Caribbean or Black British"), (4, "Arab or other ethnic group"),
        (17, "Tenant prefers not to say")]
    assert question(SUB, "lead_tenant_ethnic_background_white", "ethnic").codes == [1, 2, 18, 20, 3]
    assert question(SUB, "lead_tenant_ethnic_background_asian", "ethnic").codes == [10, 15, 8, 9, 11]
    hhmemb = question(SUB, "household_members", "hhmemb")
    assert (hhmemb.type, hhmemb.number, hhmemb.min, hhmemb.max, hhmemb.step) == (NUMERIC, 29, 1, 15, 1)
    age1 = question(SUB, "lead_tenant_age", "age1")
    assert (age1.number, age1.min, age1.max) == (30, 16, 120)
    assert age1.shown_when.holds(log(age1_known=0)) and not age1.shown_when.holds(log(age1_known=1))
    assert age1.not_known_when.holds(log(age1_known=1))


def test_lead_tenant_pages_wait_for_the_declaration():
    for page_id in ("household_members", "lead_tenant_age", "lead_tenant_ethnic_group", "lead_tenant_nationality",
                    "lead_tenant_working_situation"):
        assert shown(SUB, page_id, declaration=1)
        assert not shown(SUB, page_id, declaration=None)
    assert shown(SUB, "lead_tenant_ethnic_background_arab", ethnic_group=4)
    assert not shown(SUB, "lead_tenant_ethnic_background_arab", ethnic_group=17)


def test_gender_description_is_derived_unless_the_answer_is_no():
    description = question(SUB, "lead_tenant_gender_same_as_sex", "gender_description1")
    assert description.type == TEXT
    assert description.shown_when.holds(log(gender_same_as_sex1=2))
    assert not description.derived_when.holds(log(gender_same_as_sex1=2))
    assert description.derived_when.holds(log(gender_same_as_sex1=1))
    assert description.derived_when.holds(log(gender_same_as_sex1=None))


def test_nationality():
    group = question(SUB, "lead_tenant_nationality", "nationality_all_group")
    assert codes_and_labels(group) == [(826, "United Kingdom"), (12, "Other"), (0, "Tenant prefers not to say")]
    nationality = question(SUB, "lead_tenant_nationality", "nationality_all")
    assert nationality.type == SELECT and nationality.number == 35
    assert nationality.shown_when.holds(log(nationality_all_group=12))
    assert not nationality.shown_when.holds(log(nationality_all_group=826))
    codes = [code for code, _ in NATIONALITIES]
    assert len(codes) == len(set(codes)) == 201
    assert 826 not in codes
    assert (4, "Afghanistan") == NATIONALITIES[0] and (716, "Zimbabwe") == NATIONALITIES[-1]
    assert nationality.label_for(384) == "Côte d'Ivoire"
    assert nationality.label_for(840) == "United States of America"
    # "prefers not to say" is only there to label a derived 0; it is never offered in the drop-down.
    (declined,) = [o for o in nationality.options if o.code == 0]
    assert declined.label == "Tenant prefers not to say"
    assert not declined.shown_when.holds(log(nationality_all_group=12))


@pytest.mark.parametrize("n", range(2, 9))
def test_person_question_numbers_and_fields(n):
    numbered = {q.field: q.number for p in person_pages(n) for q in p.questions if q.type != INTERRUPTION}
    assert numbered == {
        f"details_known_{n}": None, f"age{n}_known": 27 + 5 * n, f"age{n}": 27 + 5 * n, f"relat{n}": 28 + 5 * n,
        f"sexrab{n}": 29 + 5 * n, f"gender_same_as_sex{n}": 30 + 5 * n, f"gender_description{n}": 30 + 5 * n,
        f"ecstat{n}": 31 + 5 * n,
    }


def test_person_question_numbers_run_from_37_to_71():
    assert question(SUB, "person_2_age", "age2").number == 37
    assert question(SUB, "person_8_working_situation", "ecstat8").number == 71


def test_person_options():
    assert codes_and_labels(question(SUB, "person_3_known", "details_known_3")) == [(0, "Yes"), (1, "No")]
    assert codes_and_labels(question(SUB, "person_3_lead_partner", "relat3")) == [
        ("P", "Yes"), ("X", "No"), ("R", "Tenant prefers not to say")]
    assert codes_and_labels(question(SUB, "person_3_sex_registered_at_birth", "sexrab3")) == [
        ("F", "Female"), ("M", "Male"), ("R", "Person prefers not to say")]
    assert codes_and_labels(question(SUB, "person_3_gender_same_as_sex", "gender_same_as_sex3")) == [
        (1, "Yes"), (2, "No, enter gender identity"), (3, "Person prefers not to say")]
    assert codes_and_labels(question(SUB, "person_3_working_situation", "ecstat3")) == ECSTAT_ADULT + [
        (9, "Child under 16"), (0, "Other"), (10, "Person prefers not to say")]
    age = question(SUB, "person_3_age", "age3")
    assert (age.type, age.min, age.max, age.step) == (NUMERIC, 1, 120, 1)
    assert age.not_known_when.holds(log(age3_known=1)) and not age.not_known_when.holds(log(age3_known=0))


@pytest.mark.parametrize("n", [2, 5, 8])
def test_person_pages_need_the_person_in_the_household_and_details_known(n):
    assert shown(SUB, f"person_{n}_known", hhmemb=n)
    assert shown(SUB, f"person_{n}_known", hhmemb=15)
    assert not shown(SUB, f"person_{n}_known", hhmemb=n - 1)
    assert not shown(SUB, f"person_{n}_known", hhmemb=None)
    for name in ("person_{n}_age", "person_{n}_sex_registered_at_birth", "person_{n}_gender_same_as_sex"):
        page_id = name.format(n=n)
        assert shown(SUB, page_id, hhmemb=n, **{f"details_known_{n}": 0})
        assert not shown(SUB, page_id, hhmemb=n, **{f"details_known_{n}": 1})
        assert not shown(SUB, page_id, hhmemb=n, **{f"details_known_{n}": None})
        assert not shown(SUB, page_id, hhmemb=n - 1, **{f"details_known_{n}": 0})


def test_partner_question_is_derived_for_children():
    known = dict(hhmemb=4, details_known_4=0)
    assert shown(SUB, "person_4_lead_partner", **known, age4=16)
    assert shown(SUB, "person_4_lead_partner", **known, age4=None)
    assert not shown(SUB, "person_4_lead_partner", **known, age4=15)
    relat = question(SUB, "person_4_lead_partner", "relat4")
    assert relat.derived_when.holds(log(age4=15))
    assert not relat.derived_when.holds(log(age4=16))
    assert not relat.derived_when.holds(log(age4=None))


def test_working_situation_for_children():
    known = dict(hhmemb=2, details_known_2=0)
    assert shown(SUB, "person_2_working_situation", **known, age2=16)
    assert shown(SUB, "person_2_working_situation", **known, age2=None)
    assert not shown(SUB, "person_2_working_situation", **known, age2=15)
    ecstat = question(SUB, "person_2_working_situation", "ecstat2")
    assert ecstat.derived_when.holds(log(age2=15)) and not ecstat.derived_when.holds(log(age2=16))
    (child,) = [o for o in ecstat.options if o.code == 9]
    assert child.shown_when.holds(log(age2_known=1))
    assert child.shown_when.holds(log(age2_known=None))
    assert child.shown_when.holds(log(age2_known=0, age2=15))
    assert not child.shown_when.holds(log(age2_known=0, age2=16))


def test_soft_check_pages_share_their_fields():
    by_field = {}
    for p in SUB.pages:
        for q in p.questions:
            if q.type == INTERRUPTION:
                assert q.codes == [0, 1]
                by_field.setdefault(q.field, []).append(p.id)
    assert set(by_field) == {"pregnancy_value_check", "net_income_value_check", "retirement_value_check",
                             "working_situation_illness_check"}
    assert len(by_field["retirement_value_check"]) == 5 + 7 * 5
    assert len(by_field["pregnancy_value_check"]) == 3 + 7 * 2
    assert len(by_field["net_income_value_check"]) == 2 + 7 * 2
    assert len(by_field["working_situation_illness_check"]) == 1 + 7


def test_lead_tenant_retirement_checks():
    retired_young = dict(age1=60, ecstat1=5)
    working_old = dict(age1=70, ecstat1=1)
    for page_id in ("age_lead_tenant_under_retirement_value_check",
                    "working_situation_lead_tenant_under_retirement_value_check"):
        assert shown(SUB, page_id, **retired_young) and not shown(SUB, page_id, **working_old)
    for page_id in ("age_lead_tenant_over_retirement_value_check", "gender_lead_tenant_over_retirement_value_check",
                    "working_situation_lead_tenant_over_retirement_value_check"):
        assert shown(SUB, page_id, **working_old) and not shown(SUB, page_id, **retired_young)


def test_person_soft_checks_need_details_known_where_the_spec_says():
    over = dict(hhmemb=3, age3=70, ecstat3=1)
    assert shown(SUB, "working_situation_3_over_retirement_value_check", **over)
    assert not shown(SUB, "working_situation_2_over_retirement_value_check", **over)
    ill = dict(hhmemb=3, ecstat3=8, illness=2)
    assert shown(SUB, "working_situation_3_long_term_illness_check", **ill, details_known_3=0)
    assert not shown(SUB, "working_situation_3_long_term_illness_check", **ill, details_known_3=1)
    assert shown(SUB, "working_situation_lead_tenant_long_term_illness_check", **ill)


def test_person_net_income_check():
    answers = dict(hhmemb=2, ecstat1=1, ecstat2=1, incfreq=1, earnings=100)  # range 286..1460, hard min 180
    assert shown(SUB, "hhmemb_net_income_value_check", **answers) is False
    answers["earnings"] = 200
    assert shown(SUB, "hhmemb_net_income_value_check", **answers)
    assert shown(SUB, "age_2_net_income_value_check", **answers, details_known_2=0)
    assert not shown(SUB, "age_2_net_income_value_check", **answers, details_known_2=1)
