"""Routing of the 2026 sales form through the engine: setup gate, subsections by type of sale, joint
purchases, staircasing, person blocks and clearing (sales-2026-form §1 to §3)."""

from datetime import date
from decimal import Decimal

import pytest

from domain.forms.engine import (
    CANNOT_START_YET, COMPLETED, IN_PROGRESS, NOT_STARTED, clear_hidden_answers, evaluate, gate_open,
    listed_subsections, shown_questions, subsection_status,
)
from domain.forms.y2026.sales import FORM

from .support import SETUP_DONE, blank_log, page, subsection


def shown_pages(log) -> set[str]:
    return {pg.id for _, pg, _ in shown_questions(FORM, log)}


def shown_fields(log) -> set[str]:
    return {q.field for _, _, q in shown_questions(FORM, log)}


def statuses(log) -> dict[str, str]:
    return evaluate(FORM, log).subsections


def test_form_shape():
    assert FORM.log_type == "sales" and FORM.year == 2026
    assert [(s.id, s.label) for s in FORM.sections] == [
        ("setup", "Before you start"), ("property_information", "Property information"),
        ("household", "About the household"), ("finances", "Finances"), ("sale_information", "Sale information")]
    assert [(s.id, s.label) for s in FORM.subsections] == [
        ("setup", "Set up this sales log"),
        ("property_information", "Property information"),
        ("household_characteristics", "Household characteristics"),
        ("household_situation", "Household situation"),
        ("other_household_information", "Other household information"),
        ("income_benefits_and_savings", "Income, benefits and savings"),
        ("shared_ownership_initial_purchase", "Shared ownership - initial purchase"),
        ("shared_ownership_staircasing_transaction", "Shared ownership - staircasing transaction"),
        ("discounted_ownership_scheme", "Discounted ownership scheme"),
        ("outright_sale", "Outright sale"),
    ]
    assert max(q.number or 0 for q in FORM.questions) == 121


def test_setup_gate_needs_the_privacy_notice_but_not_the_purchaser_code():
    log = blank_log(**{**SETUP_DONE, "saledate": date(2026, 5, 1), "privacynotice": None})
    assert gate_open(FORM, log) is False
    log.privacynotice = 1
    assert gate_open(FORM, log) is True
    assert subsection_status(FORM, subsection("setup"), log) == COMPLETED
    assert subsection_status(FORM, subsection("property_information"), log) == NOT_STARTED


def test_blank_log_lists_every_subsection_but_staircasing_ones_and_nothing_can_start():
    log = blank_log()
    listed = [sub.id for sub in listed_subsections(FORM, log)]
    assert "shared_ownership_initial_purchase" not in listed  # needs staircase = 2
    assert "shared_ownership_staircasing_transaction" not in listed
    assert "discounted_ownership_scheme" in listed and "outright_sale" in listed
    result = statuses(log)
    assert result["setup"] == NOT_STARTED
    assert {status for sub, status in result.items() if sub != "setup"} == {CANNOT_START_YET}


def test_initial_shared_ownership_purchase_subsections():
    log = blank_log(**{**SETUP_DONE, "saledate": date(2026, 5, 1)})
    result = statuses(log)
    assert result["shared_ownership_initial_purchase"] == NOT_STARTED
    for hidden in ("shared_ownership_staircasing_transaction", "discounted_ownership_scheme", "outright_sale"):
        assert hidden not in result
    assert {"resale", "value_shared_ownership", "initial_equity"} <= shown_pages(log)
    assert not {"about_staircasing_not_joint_purchase", "purchase_price"} & shown_pages(log)


def test_staircasing_skips_household_situation_and_income():
    log = blank_log(**{**SETUP_DONE, "saledate": date(2026, 5, 1), "staircase": 1})
    result = statuses(log)
    for skipped in ("household_situation", "other_household_information", "income_benefits_and_savings",
                    "shared_ownership_initial_purchase"):
        assert skipped not in result
    assert result["shared_ownership_staircasing_transaction"] == NOT_STARTED
    fields = shown_fields(log)
    assert {"age1_known", "sexrab1", "gender_same_as_sex1", "stairbought", "stairowned"} <= fields
    # buyer questions staircasing leaves out (form §3), and the property's building questions
    assert not {"ethnic_group", "nationality_all_group", "ecstat1", "buy1livein", "hholdcount", "builtype",
                "wchair", "prevten", "income1nk", "hhregres"} & fields


def test_discounted_ownership_subsection_only_for_discounted_sales():
    log = blank_log(**{**SETUP_DONE, "saledate": date(2026, 5, 1), "ownershipsch": 2, "type": 9, "staircase": None})
    result = statuses(log)
    assert result["discounted_ownership_scheme"] == NOT_STARTED
    assert "shared_ownership_initial_purchase" not in result
    assert "outright_sale" not in result
    assert {"discount", "purchase_price"} <= shown_pages(log)
    assert "grant" not in shown_pages(log)  # right to buy: a discount, not a grant
    log.type = 22
    assert {"grant", "purchase_price"} <= shown_pages(log) and "discount" not in shown_pages(log)
    log.type = 29
    assert "purchase_price_discounted_ownership" in shown_pages(log) and "purchase_price" not in shown_pages(log)


def test_outright_sale_is_never_enabled():
    log = blank_log(**{**SETUP_DONE, "saledate": date(2026, 5, 1), "ownershipsch": None})
    assert subsection_status(FORM, subsection("outright_sale"), log) == CANNOT_START_YET
    # A stored 3 is not an option of the ownership question, so routing clears it.
    log = blank_log(**{**SETUP_DONE, "ownershipsch": 3})
    assert "ownershipsch" in clear_hidden_answers(FORM, log) and log.ownershipsch is None


def test_joint_purchase_shows_buyer_2_pages_and_not_person_2():
    log = blank_log(**{**SETUP_DONE, "saledate": date(2026, 5, 1), "jointpur": 1, "jointmore": 2,
                       "hholdcount": 3, "details_known_3": 1})
    pages = shown_pages(log)
    assert {"buyer_2_relationship_to_buyer_1", "buyer_2_age", "buyer_2_sex_registered_at_birth",
            "buyer_2_working_situation", "buyer_2_live_in_property", "buyer_interview_joint_purchase",
            "privacy_notice_joint_purchase", "number_of_others_in_property_joint_purchase", "person_3_known",
            "person_3_age", "buyer_2_income", "housing_benefits_joint_purchase"} <= pages
    assert not {"person_2_known", "buyer_interview", "privacy_notice", "number_of_others_in_property",
                "person_4_known", "housing_benefits_not_joint_purchase"} & pages


def test_single_buyer_has_person_2_when_two_people_live_there():
    log = blank_log(**{**SETUP_DONE, "saledate": date(2026, 5, 1), "hholdcount": 2})
    pages = shown_pages(log)
    assert "person_2_known" in pages and "buyer_2_age" not in pages and "person_3_known" not in pages
    log.details_known_2 = 1
    assert {"person_2_relationship_to_buyer_1", "person_2_age", "person_2_working_situation"} <= shown_pages(log)
    assert FORM.question("relat2").number == 29
    assert page("person_2_relationship_to_buyer_1").questions[0].number == 39


def test_person_working_situation_skipped_for_children_and_child_option_only_when_age_unknown():
    log = blank_log(**{**SETUP_DONE, "saledate": date(2026, 5, 1), "hholdcount": 3, "details_known_3": 1,
                       "age3_known": 0, "age3": 15})
    assert "person_3_working_situation" not in shown_pages(log)
    ecstat3 = page("person_3_working_situation").questions[0]
    child = next(o for o in ecstat3.options if o.code == 9)
    assert child.shown_when.holds(blank_log(age3_known=1)) is True
    assert child.shown_when.holds(blank_log(age3_known=0, age3=30)) is False
    log.age3 = 16
    assert "person_3_working_situation" in shown_pages(log)
    assert [o.code for o in page("buyer_1_working_situation").questions[0].options] == [1, 2, 3, 4, 5, 6, 7, 8, 0, 10]


def test_soft_check_pages_show_with_their_predicate_in_an_enabled_subsection():
    answers = {**SETUP_DONE, "saledate": date(2026, 5, 1), "age1_known": 0, "age1": 60, "ecstat1": 5}
    assert {"age_1_retirement_value_check", "working_situation_1_retirement_value_check"} <= shown_pages(
        blank_log(**answers))
    assert "age_1_retirement_value_check" not in shown_pages(blank_log(**{**answers, "age1": 70}))
    # the same answers before setup is complete: the subsection is not enabled
    assert "age_1_retirement_value_check" not in shown_pages(blank_log(**{**answers, "privacynotice": None}))


def test_confirmation_cleared_once_no_page_carrying_it_is_shown():
    log = blank_log(**{**SETUP_DONE, "saledate": date(2026, 5, 1), "wheel": 1, "disabled": 2, "wheel_value_check": 0})
    assert clear_hidden_answers(FORM, log) == [] and log.wheel_value_check == 0
    log.disabled = 1
    assert "wheel_value_check" in clear_hidden_answers(FORM, log) and log.wheel_value_check is None


def test_changing_to_a_staircasing_sale_clears_initial_purchase_and_household_answers():
    log = blank_log(**{**SETUP_DONE, "saledate": date(2026, 5, 1), "resale": 2, "prevten": 1, "hhregres": 7,
                       "equity": Decimal("25"), "ecstat1": 1})
    log.staircase = 1
    cleared = clear_hidden_answers(FORM, log)
    assert {"resale", "prevten", "hhregres", "ecstat1"} <= set(cleared)
    assert log.equity == Decimal("25")  # also asked on the staircasing pages


@pytest.mark.parametrize("field, value, stays", [
    ("mortgage", 0, True),  # derived 0 while no mortgage was used
    ("soctenant", 1, True),  # always derived
    ("beds", 1, True),
])
def test_derived_answers_survive_routing(field, value, stays):
    log = blank_log(**{**SETUP_DONE, "saledate": date(2026, 5, 1), "mortgageused": 2, "proptype": 2, field: value})
    clear_hidden_answers(FORM, log)
    assert (getattr(log, field) == value) is stays


def test_address_answers_are_kept_when_hidden():
    log = blank_log(**{**SETUP_DONE, "saledate": date(2026, 5, 1), "address_line1": "1 Road", "town_or_city": "Leeds",
                       "postcode_full": "LS1 1AA", "la": "E08000035", "manual_address_entry_selected": False})
    clear_hidden_answers(FORM, log)
    assert (log.address_line1, log.postcode_full, log.la) == ("1 Road", "LS1 1AA", "E08000035")


def test_mortgage_length_known_only_asked_when_buyers_not_interviewed():
    log = blank_log(**{**SETUP_DONE, "saledate": date(2026, 5, 1), "mortgageused": 1})
    assert "mortgage_length_shared_ownership_interviewed" in shown_pages(log)
    log.noint = 1
    pages = shown_pages(log)
    assert "mortgage_length_shared_ownership_not_interviewed" in pages
    assert "mortgage_length_shared_ownership_interviewed" not in pages


def test_in_progress_until_required_answers_given():
    log = blank_log(**{**SETUP_DONE, "saledate": date(2026, 5, 1), "hhregres": 7})
    assert subsection_status(FORM, subsection("other_household_information"), log) == IN_PROGRESS
    log.armedforcesspouse, log.disabled, log.wheel = 5, 2, 2
    assert subsection_status(FORM, subsection("other_household_information"), log) == COMPLETED
