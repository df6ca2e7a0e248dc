"""Checks across the 2026 lettings subsections written so far (the lead assembles them into the form)."""

from domain.forms.catalogue import INTERRUPTION
from domain.forms.conditions import PREDICATES, Condition
from domain.forms.y2026.lettings.household_characteristics import HOUSEHOLD_CHARACTERISTICS
from domain.forms.y2026.lettings.household_needs import HOUSEHOLD_NEEDS
from domain.forms.y2026.lettings.household_situation import HOUSEHOLD_SITUATION
from domain.forms.y2026.lettings.income import INCOME_AND_BENEFITS
from domain.forms.y2026.lettings.property import PROPERTY_INFORMATION
from domain.forms.y2026.lettings.setup import SETUP
from domain.forms.y2026.lettings.tenancy import TENANCY_INFORMATION

from . import helpers  # noqa: F401  (registers the predicates)

SUBSECTIONS = (SETUP, PROPERTY_INFORMATION, TENANCY_INFORMATION, HOUSEHOLD_CHARACTERISTICS, HOUSEHOLD_NEEDS,
               HOUSEHOLD_SITUATION, INCOME_AND_BENEFITS)


def conditions():
    for subsection in SUBSECTIONS:
        for page in subsection.pages:
            yield page.shown_when
            for question in page.questions:
                yield from (question.shown_when, question.derived_when, question.optional_when,
                            question.not_known_when)
                yield from (option.shown_when for option in question.options)


def test_every_predicate_used_is_registered():
    used = {key for condition in conditions() if isinstance(condition, Condition)
            for key in condition.fields() if key.endswith("?")}
    assert used - set(PREDICATES) == set()
    assert {"rent_soft_validation_triggered?", "owning_organisation_is_prp?", "person_8_over_retirement?",
            "supcharg_soft_validation_triggered?"} <= used


def test_subsection_order_and_page_ids_are_unique():
    assert [s.id for s in SUBSECTIONS] == ["setup", "property_information", "tenancy_information",
                                           "household_characteristics", "household_needs", "household_situation",
                                           "income_and_benefits"]
    ids = [page.id for s in SUBSECTIONS for page in s.pages]
    assert len(ids) == len(set(ids))


def test_fields_not_cleared_by_routing():
    kept = {q.field for s in SUBSECTIONS for _, q in s.questions if q.keep_when_hidden}
    assert kept == {"location_id", "la", "address_line1", "address_line2", "town_or_city", "county",
                    "postcode_full", "ppcodenk", "ppostcode_full", "previous_la_known", "prevloc"}


def test_optional_fields():
    always = {q.field for s in SUBSECTIONS for _, q in s.questions if q.optional}
    sometimes = {q.field for s in SUBSECTIONS for _, q in s.questions if q.optional_when}
    assert always == {"tenancycode", "propcode", "address_line2", "county", "uprn"}
    assert sometimes == {"tenancylength", "tshortfall", "previous_la_known"}


def test_interruption_questions_are_confirmations():
    for subsection in SUBSECTIONS:
        for page, question in subsection.questions:
            if question.type == INTERRUPTION:
                assert question.field.endswith("_check"), page.id
                assert [(o.code, o.label) for o in question.options] == [(0, "Yes"), (1, "No")]
                assert len(page.questions) == 1
                assert any(key.endswith("?") for key in page.shown_when.fields()), page.id
