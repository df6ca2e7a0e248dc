"""Option sets (sales-2026-form §6), limits, optional and kept answers of the 2026 sales catalogue."""

import re
from decimal import Decimal

import pytest

from domain.forms.catalogue import CHECKBOX, INTERRUPTION
from domain.forms.shared.nationalities import NATIONALITIES
from domain.forms.y2026.sales import FORM

from .support import page
from tests.shared_files import shared_path

SPEC = shared_path("spec", "sales-2026-form.md")


def labels(field: str, page_id: str | None = None):
    question = FORM.question(field) if page_id is None else next(q for q in page(page_id).questions if q.field == field)
    return [(o.code, o.label) for o in question.options]


def test_working_situations_in_code_order():
    assert labels("ecstat1") == [
        (1, "Full-time – 30 hours or more per week"), (2, "Part-time – Less than 30 hours per week"),
        (3, "In government training into work"), (4, "Jobseeker"), (5, "Retired"), (6, "Not seeking work"),
        (7, "Full-time student"), (8, "Unable to work because of long-term sickness or disability"), (0, "Other"),
        (10, "Buyer prefers not to say")]
    buyer_2 = [code for code, _ in labels("ecstat2", "buyer_2_working_situation")]
    person_2 = labels("ecstat2", "person_2_working_situation")
    assert buyer_2 == [1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 10]
    assert person_2[8] == (9, "Child under 16") and person_2[-1] == (10, "Person prefers not to say")
    stored_9 = next(o for o in page("buyer_2_working_situation").questions[0].options if o.code == 9)
    assert stored_9.shown_when.holds(object()) is False  # stored, never offered


def test_tenures():
    assert labels("prevten") == labels("prevtenbuy2") == [
        (1, "Local authority tenant"), (2, "Private registered provider or housing association tenant"),
        (3, "Private tenant"), (5, "Owner occupier"), (4, "Tied home or renting with job"),
        (6, "Living with family or friends"), (7, "Temporary accommodation"), (9, "Other"), (0, "Don’t know")]


def test_ethnic_groups_and_backgrounds():
    assert labels("ethnic_group")[-1] == (17, "Buyer prefers not to say")
    assert labels("ethnic_group") == labels("ethnic_group2")
    assert labels("ethnic", "buyer_1_ethnic_background_white") == [
        (1, "English, Welsh, Northern Irish, Scottish or British"), (2, "Irish"), (18, "Gypsy or Irish Traveller"),
        (20, "Roma"), (3, "Any other White background")]
    assert labels("ethnicbuy2", "buyer_2_ethnic_background_arab") == [(19, "Arab"), (16, "Other ethnic group")]
    assert page("buyer_2_ethnic_background_asian").shown_when.holds(type("L", (), {"ethnic_group2": 2})())


def test_countries_as_the_spec_lists_them_without_the_united_kingdom():
    text = SPEC.read_text(encoding="utf-8").split("### 6.5")[1].split("### 6.6")[0]
    listed = [(int(code), name.strip()) for code, name in re.findall(r"(\d+)=([^;\[\n]+?)(?: \[[^\]]*\])?(?:;|\n)",
                                                                      text)]
    assert len(listed) > 190
    assert list(NATIONALITIES) == [pair for pair in listed if pair[0] != 826]
    countries = labels("nationality_all_buyer2")
    assert countries[-2:] == [(826, "United Kingdom"), (0, "Buyer prefers not to say")]


@pytest.mark.parametrize("field, minimum, maximum, step", [
    ("age1", 16, 110, 1), ("age2", 16, 110, 1), ("hholdcount", 1, 15, 1), ("beds", 1, 9, 1),
    ("income1", 0, 999_999, 1), ("savings", 0, None, 10), ("value", 15_000, 999_999, 1),
    ("equity", 0, 100, Decimal("0.1")), ("mortgage", 1, 999_999, 1), ("mortlen", 0, 60, 1),
    ("deposit", 0, 999_999, 1), ("cashdis", 0, 999_999, 1), ("mrent", 0, None, Decimal("0.01")),
    ("mscharge", 1, Decimal("9999.99"), Decimal("0.01")), ("management_fee", 1, 9999, Decimal("0.01")),
    ("stairbought", 0, 100, Decimal("0.1")), ("numstair", 2, 10, 1), ("proplen", 1, 80, 1),
    ("frombeds", 1, 6, 1), ("discount", 0, 70, Decimal("0.1")), ("grant", 0, 999_999, 1),
    ("mrentprestaircasing", 0, 9999, Decimal("0.01")), ("newservicecharges", 0, Decimal("9999.99"), Decimal("0.01")),
])
def test_numeric_limits(field, minimum, maximum, step):
    question = FORM.question(field)
    assert (question.min, question.max, question.step) == (minimum, maximum, step)


def test_person_ages_from_0_and_money_in_pounds():
    assert next(q for q in page("person_3_age").questions if q.field == "age3").min == 0
    assert next(q for q in page("person_2_age").questions if q.field == "age2").min == 0
    assert {FORM.question(f).prefix for f in ("value", "income1", "savings", "mrent", "mscharge", "deposit")} == {"£"}


def test_money_stored_with_pence_and_percentages_in_tenths():
    # The price is asked in whole pounds but stored, like every amount, in pounds and pence (rules §0.4).
    assert (FORM.question("value").step, FORM.question("value").value_kind) == (1, "decimal")
    assert FORM.question("savings").value_kind == "int"
    assert FORM.question("equity").value_kind == "decimal"
    assert FORM.question("mscharge").value_kind == "decimal"


def test_optional_answers():
    optional = {q.field for q in FORM.questions if q.optional}
    assert optional == {"purchid", "address_line2", "county", "deposit", "cashdis"}
    assert next(q for q in page("deposit_shared_ownership").questions).optional is False


def test_answers_routing_never_clears():
    kept = {q.field for q in FORM.questions if q.keep_when_hidden}
    assert kept == {"address_line1", "address_line2", "town_or_city", "county", "postcode_full", "la",
                    "ppostcode_full", "ppcodenk", "previous_la_known", "prevloc"}


def test_every_interruption_confirms_with_0_and_checkbox_is_the_privacy_notice():
    interruptions = [q for q in FORM.questions if q.type == INTERRUPTION]
    assert len(interruptions) > 80
    assert {tuple((o.code, o.label) for o in q.options) for q in interruptions} == {((0, "Yes"), (1, "No"))}
    assert {q.field for q in interruptions if q.field.endswith("_check")} == {q.field for q in interruptions}
    assert {q.field for q in FORM.questions if q.type == CHECKBOX} == {"privacynotice"}
    assert labels("privacynotice", "privacy_notice_joint_purchase") == [
        ("privacynotice", "The buyers have seen or been given access to the MHCLG privacy notice")]


def test_columns_not_collected_in_2026_are_absent():
    for old in ("companybuy", "buylivein", "othtype", "sex1", "national", "mortgagelender", "exdate", "pregyrha",
                "saledate_check", "student_not_child_value_check"):
        assert old not in FORM.columns
