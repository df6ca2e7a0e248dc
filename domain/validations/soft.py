"""Soft checks, made from a form's interruption questions so that the catalogue stays the one source:
each interruption page is a soft rule whose id is the page id, whose confirmation is the page's question,
and which fires while the page is asked (its trigger predicate holds and its subsection is open).

A log type may say, per trigger, which answers it reads and how to put what looks unusual with the actual
values (a `Trigger`); without one, the rule names its confirmation and uses the question's own words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from domain.forms import engine
from domain.forms.catalogue import INTERRUPTION, Form, Page, Subsection
from domain.validations.rules import SOFT, Rule


@dataclass(frozen=True)
class Trigger:
    fields: tuple[str, ...]
    message: str
    context: Callable = lambda log: {}


def _trigger_name(page: Page) -> str | None:
    names = [key for key in page.shown_when.fields() if key.endswith("?")]
    return names[0] if len(names) == 1 else None


def _soft_rule(form: Form, subsection: Subsection, page: Page, triggers: dict, strict: bool) -> Rule:
    question = page.questions[0]
    name = _trigger_name(page)
    trigger = triggers.get(name)
    if trigger is None:
        if strict:
            raise LookupError(f"Interruption page {page.id} needs exactly one known trigger, not {name!r}.")
        trigger = Trigger((question.field,), question.label.replace("{", "{{").replace("}", "}}"))

    where = (id(subsection), id(page))

    def asked(log) -> bool:  # read for every soft check of every log: the shared routing, looked up directly
        if engine.memo() is None:
            return engine.page_asked(form, subsection, page, log)
        return engine.routing(form, log).page_shown[where]

    return Rule(page.id, SOFT, trigger.fields, message=trigger.message, applies=asked,
                passes=lambda log: False, context=trigger.context, confirm_field=question.field)


def soft_rules(form: Form, triggers: dict[str, Trigger], *, strict: bool = False) -> list[Rule]:
    """One soft rule per interruption page of the form."""
    return [
        _soft_rule(form, subsection, page, triggers, strict)
        for subsection in form.subsections
        for page in subsection.pages
        if page.questions and page.questions[0].type == INTERRUPTION
    ]
