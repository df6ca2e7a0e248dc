"""The 2027 lettings form of the test year: 2026's, evolved (see the package docstring)."""

from __future__ import annotations

from dataclasses import replace

from domain.forms.catalogue import RADIO, Option, Question, options
from domain.forms.conditions import ne, when
from domain.forms.y2026.lettings import FORM as FORM_2026

def _page(form, page_id: str):
    return next(page for sub in form.subsections for page in sub.pages if page.id == page_id)


JOINT = replace(FORM_2026.question("joint"), label="Is this a joint tenancy (2027 wording)?",
                options=FORM_2026.question("joint").options + (Option(4, "Not applicable"),))
UPRN_CONFIRMED = Question("uprn_confirmed", RADIO, "Is this the right address?", number=16, bulk=92,
                          options=options((1, "Yes"), (0, "No")), shown_when=when(uprn=ne(None)))
ADDRESS = _page(FORM_2026, "address")
ADDRESS = replace(ADDRESS, questions=(ADDRESS.questions[0], UPRN_CONFIRMED, *ADDRESS.questions[1:]))

FORM = FORM_2026.evolve(year=2027, replace_questions={"joint": JOINT}, replace_pages={"address": ADDRESS},
                        remove_questions=("reservist",))

JOINT_MESSAGE = ("A joint tenancy needs at least two tenants. Answer 'No' or 'Not applicable', or check the "
                 "number of people in the household.")


def rules(form) -> list:
    """2026's lettings rules, with the joint tenancy rule worded for the new answer."""
    from domain.validations.lettings import rules_for_form

    return [replace(rule, message=JOINT_MESSAGE) if rule.id == "tenancy.joint.one_person" else rule
            for rule in rules_for_form(form)]
