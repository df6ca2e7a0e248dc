from domain.forms.catalogue import CHECKBOX
from domain.forms.y2026.lettings.household_needs import HOUSEHOLD_NEEDS as SUB

from .helpers import codes_and_labels, fields, log, page, question, shown


def test_identity_and_fields():
    assert (SUB.id, SUB.label) == ("household_needs", "Household needs")
    assert fields(SUB) == ["armedforces", "leftreg", "reservist", "preg_occ", "pregnancy_value_check",
                           "housingneeds", "housingneeds_type", "housingneeds_other", "illness",
                           "working_situation_illness_check", "condition_effects"]


def test_option_codes():
    assert question(SUB, "armed_forces", "armedforces").codes == [1, 4, 5, 2, 3, 6]
    assert question(SUB, "armed_forces", "armedforces").label_for(5) == (
        "Yes – the person is a spouse or civil partner of a UK armed forces member and has been bereaved or "
        "separated from them within the last 2 years")
    assert codes_and_labels(question(SUB, "armed_forces_serving", "leftreg")) == [
        (6, "Yes"), (4, "No – they left up to and including 5 years ago"), (5, "No – they left more than 5 years ago"),
        (3, "Person prefers not to say")]
    assert codes_and_labels(question(SUB, "type_of_access_needs", "housingneeds_type")) == [
        (0, "Fully wheelchair accessible housing"), (1, "Wheelchair access to essential rooms"),
        (2, "Level access housing"), (3, "None of the listed options")]
    assert codes_and_labels(question(SUB, "type_of_access_needs", "housingneeds_other")) == [
        (1, "Yes"), (0, "No"), (2, "Don’t know")]
    assert codes_and_labels(question(SUB, "pregnant", "preg_occ")) == [
        (1, "Yes"), (2, "No"), (3, "Tenant prefers not to say")]


def test_condition_effects_checkbox_in_display_order():
    effects = question(SUB, "health_condition_effects", "condition_effects")
    assert (effects.type, effects.number) == (CHECKBOX, 80)
    assert codes_and_labels(effects) == [
        ("illness_type_4", "Dexterity"), ("illness_type_5", "Learning or understanding or concentrating"),
        ("illness_type_2", "Hearing"), ("illness_type_6", "Memory"), ("illness_type_7", "Mental health"),
        ("illness_type_3", "Mobility"), ("illness_type_9", "Socially or behaviourally"),
        ("illness_type_8", "Stamina or breathing or fatigue"), ("illness_type_1", "Vision"),
        ("illness_type_10", "Other")]
    assert sorted(effects.columns) == sorted(f"illness_type_{i}" for i in range(1, 11))


def test_page_conditions():
    assert shown(SUB, "armed_forces_serving", armedforces=1)
    assert not shown(SUB, "armed_forces_serving", armedforces=4)
    assert shown(SUB, "armed_forces_injured", armedforces=4)
    assert shown(SUB, "armed_forces_injured", armedforces=1)
    assert not shown(SUB, "armed_forces_injured", armedforces=5)
    assert shown(SUB, "type_of_access_needs", housingneeds=1)
    assert not shown(SUB, "type_of_access_needs", housingneeds=2)
    assert shown(SUB, "health_condition_effects", illness=1)
    assert not shown(SUB, "health_condition_effects", illness=None)
    assert shown(SUB, "pregnant")  # always


def test_soft_checks():
    pregnancy = page(SUB, "no_household_member_likely_to_be_pregnant_check").shown_when
    assert pregnancy.holds(log(preg_occ=1, hhmemb=1, sexrab1="M", gender_same_as_sex1=1))
    assert not pregnancy.holds(log(preg_occ=2, hhmemb=1, sexrab1="M", gender_same_as_sex1=1))
    illness = page(SUB, "working_situation_long_term_illness_check").shown_when
    assert illness.holds(log(hhmemb=1, ecstat1=8, illness=2))
    assert not illness.holds(log(hhmemb=1, ecstat1=8, illness=1))
