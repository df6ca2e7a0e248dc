from decimal import Decimal

import pytest

from domain.forms.catalogue import INTERRUPTION, NUMERIC, RADIO, TEXT
from domain.forms.y2026.lettings.tenancy import TENANCY_INFORMATION as SUB

from .helpers import codes_and_labels, fields, log, page, question, shown

TENANCY_CODES = [
    (4, "Assured Shorthold Tenancy (AST) – Fixed term"),
    (6, "Secure – fixed term"),
    (2, "Assured – lifetime"),
    (7, "Secure – lifetime"),
    (8, "Periodic"),
    (5, "Licence agreement"),
    (3, "Other"),
]
LENGTH_PAGES = ["tenancy_length", "tenancy_length_affordable_rent", "tenancy_length_intermediate_rent",
                "tenancy_length_periodic"]


def test_identity_and_fields():
    assert (SUB.id, SUB.label, SUB.gated) == ("tenancy_information", "Tenancy information", True)
    assert fields(SUB) == ["joint", "startertenancy", "tenancy", "tenancyother", "tenancyother_value_check",
                           "tenancylength"]
    assert [p.id for p in SUB.pages] == ["joint", "starter_tenancy", "tenancy_type", "starter_tenancy_type",
                                         "tenancyother_value_check", *LENGTH_PAGES]


def test_option_codes_and_labels():
    assert codes_and_labels(question(SUB, "joint", "joint")) == [(1, "Yes"), (2, "No"), (3, "Don’t know")]
    assert codes_and_labels(question(SUB, "starter_tenancy", "startertenancy")) == [(1, "Yes"), (2, "No")]
    for page_id in ("tenancy_type", "starter_tenancy_type"):
        tenancy = question(SUB, page_id, "tenancy")
        assert (tenancy.type, tenancy.number) == (RADIO, 27)
        assert codes_and_labels(tenancy) == TENANCY_CODES
        other = question(SUB, page_id, "tenancyother")
        assert other.type == TEXT
        assert other.shown_when.holds(log(tenancy=3)) and not other.shown_when.holds(log(tenancy=4))


def test_tenancy_type_page_depends_on_starter_tenancy():
    assert shown(SUB, "tenancy_type", startertenancy=2)
    assert shown(SUB, "tenancy_type", startertenancy=None)
    assert not shown(SUB, "tenancy_type", startertenancy=1)
    assert shown(SUB, "starter_tenancy_type", startertenancy=1)
    assert not shown(SUB, "starter_tenancy_type", startertenancy=None)


def test_tenancy_length_limits_are_the_same_on_every_page():
    for page_id in LENGTH_PAGES:
        length = question(SUB, page_id, "tenancylength")
        assert (length.type, length.number, length.min, length.max, length.step) == (NUMERIC, 28, 0, 150, 1)
        assert length.value_kind == "int"


def test_tenancy_length_optional_unless_fixed_term():
    length = question(SUB, "tenancy_length_periodic", "tenancylength")
    assert length.optional_when.holds(log(tenancy=8))
    assert not length.optional_when.holds(log(tenancy=4))
    assert not length.optional_when.holds(log(tenancy=6))


@pytest.mark.parametrize("answers, expected", [
    (dict(tenancy=4, needstype=1, rent_type=1), {"tenancy_length_affordable_rent"}),
    (dict(tenancy=6, needstype=1, rent_type=0), {"tenancy_length_affordable_rent"}),
    (dict(tenancy=4, needstype=1, rent_type=2), {"tenancy_length_affordable_rent"}),
    (dict(tenancy=4, needstype=1, rent_type=3), {"tenancy_length_intermediate_rent"}),
    (dict(tenancy=6, needstype=1, rent_type=6), {"tenancy_length_intermediate_rent"}),
    (dict(tenancy=4, needstype=1, rent_type=None), {"tenancy_length_intermediate_rent"}),
    (dict(tenancy=4, needstype=2, rent_type=1), {"tenancy_length"}),
    (dict(tenancy=8, needstype=1, rent_type=1), {"tenancy_length_periodic"}),
    (dict(tenancy=8, needstype=2, rent_type=4), {"tenancy_length_periodic"}),
    (dict(tenancy=2, needstype=1, rent_type=1), set()),
    (dict(tenancy=None, needstype=1, rent_type=1), set()),
])
def test_which_tenancy_length_page_is_shown(answers, expected):
    assert {p for p in LENGTH_PAGES if shown(SUB, p, **answers)} == expected


def test_tenancyother_check_page():
    check = page(SUB, "tenancyother_value_check")
    (q,) = check.questions
    assert (q.field, q.type, q.codes) == ("tenancyother_value_check", INTERRUPTION, [0, 1])
    assert check.shown_when.holds(log(tenancy=3, tenancyother="Starter tenancy then assured"))
    assert not check.shown_when.holds(log(tenancy=3, tenancyother="Assured shorthold"))


def test_no_money_on_tenancy_pages():
    assert all(not isinstance(q.step, Decimal) for _, q in SUB.questions)
