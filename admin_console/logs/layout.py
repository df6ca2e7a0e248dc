"""The admin change form of a log, laid out from the form catalogue.

One tab per subsection; each field shown or hidden in the browser as answers change, from the same
`shown_when` conditions the server applies on save (the server still clears hidden answers and
re-checks everything). Conditions that need more than the answers on the page (named predicates,
like a soft check's trigger) read values the server worked out on the last save, which the page
provides as `window.coreConditions`.
"""

from __future__ import annotations

import json

from django.utils.text import slugify

from domain.forms import engine
from domain.forms.catalogue import (
    CHECKBOX, INTERRUPTION, LOCATION, ORGANISATION, OUTPUT, SCHEME, USER, Form, Question,
)
from domain.forms.conditions import ALWAYS, Condition, Op

RELATION_TYPES = {ORGANISATION, USER, SCHEME, LOCATION}
GATE = "__gate__"


def form_field_name(question: Question, column: str | None = None) -> str:
    """The admin form's name for a question's column (relations use the model field name)."""
    if question.type in RELATION_TYPES:
        return question.field.removesuffix("_id")
    return column or question.field


def _js_value(value) -> str:
    """A code as JavaScript: a whole number bare (it needs no quotes, which the page would escape)."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else json.dumps(str(value))


def _js_test(key: str, test, on_page: set[str]) -> str:
    """One test as a call to the helpers of static/admin_console/conditions.js (short, since a page
    repeats conditions on many questions and answers)."""
    if key not in on_page:
        # A predicate or a value the form does not ask (like is_la_inferred): as last saved.
        key = f"core.saved({json.dumps(key)})"
    if test is None:
        return f"core.blank({key})"
    if isinstance(test, bool):
        return f"core.flag({key},{json.dumps(test)})"
    if isinstance(test, Op):
        operand = test.operand
        if test.operator in ("in", "not in"):
            values = "[" + ",".join(_js_value(v) for v in operand) + "]"
            return f"core.{'among' if test.operator == 'in' else 'outside'}({key},{values})"
        if test.operator == "!=":
            return f"core.isnt({key},{_js_value(operand)})"
        return f"core.cmp({key},{json.dumps(test.operator)},{json.dumps(operand)})"
    return f"core.is({key},{_js_value(test)})"


def condition_to_js(condition: Condition, on_page: set[str]) -> str:
    if condition.always:
        return "true"
    alternatives = [" && ".join(_js_test(key, test, on_page) for key, test in alternative)
                    for alternative in condition.alternatives]
    if len(alternatives) == 1:
        return alternatives[0]
    return "||".join(f"({alternative})" for alternative in alternatives)


def page_field_names(form: Form) -> set[str]:
    return {form_field_name(q, column) for q in form.questions if q.type != OUTPUT for column in q.columns}


def _field_conditions(form: Form) -> dict[str, list[tuple[bool, Condition]]]:
    conditions: dict[str, list[tuple[bool, Condition]]] = {}
    for subsection in form.subsections:
        for page, question in subsection.questions:
            if question.type == OUTPUT:
                continue
            gated = subsection.gated and not page.ignores_gate
            for column in question.columns:
                name = form_field_name(question, column)
                conditions.setdefault(name, []).append(
                    (gated, subsection.enabled_when & page.shown_when & question.shown_when))
    return conditions


def conditional_fields(form: Form) -> dict[str, str]:
    """Alpine.js expressions for unfold's conditional_fields, one per form field that is not always shown."""
    expressions = {}
    gate = "core.gate()"
    on_page = page_field_names(form)
    for name, alternatives in _field_conditions(form).items():
        parts = []
        for gated, condition in alternatives:
            expression = condition_to_js(condition, on_page)
            parts.append(f"{gate} && ({expression})" if gated else expression)
        parts = list(dict.fromkeys(parts))  # pages asking a field under the same condition
        combined = parts[0] if len(parts) == 1 else "||".join(f"({part})" for part in parts)
        if combined != "true":
            expressions[name] = combined
    return expressions


def fieldsets(form: Form, log=None) -> list[tuple[str, dict]]:
    """One tab per subsection. A field several subsections ask (the buyer's years in the property, for
    shared ownership and for discounted ownership) goes in the first that the log's answers open, so
    it is where the person looks; without a log, in the first that asks it. A soft check's confirmation
    goes in the last that asks it, beside the amount it is about."""
    order = list(form.subsections)
    if log is not None:
        order.sort(key=lambda sub: not sub.enabled_when.holds(log))
    placed: dict[str, str] = {}
    for subsection in order:
        for _, question in subsection.questions:
            for column in question.columns:
                name = form_field_name(question, column)
                if question.type == INTERRUPTION and name in placed:
                    # A soft check's confirmation is asked after each answer it reads (the bedrooms, the
                    # local authority, then the rent): it goes beside the last, the amount it is about.
                    if log is None or subsection.enabled_when.holds(log):
                        placed[name] = subsection.id
                    continue
                placed.setdefault(name, subsection.id)
    result = [("Log", {"fields": ["status_summary"]})]
    for subsection in form.subsections:
        names = list(dict.fromkeys(
            form_field_name(question, column)
            for _, question in subsection.questions for column in question.columns
            if placed[form_field_name(question, column)] == subsection.id
        ))
        result.append((subsection.label, {"fields": names, "classes": ["tab"]}))
    return result


def tab_conditions(fieldsets: list[tuple[str, dict]], expressions: dict[str, str]) -> dict[str, str]:
    """When each tab has a question to show, as an Alpine.js expression, for the tabs whose every question
    is conditional: a tab for a subsection that does not apply (an outright sale, a discounted sale on a
    shared ownership log) is hidden rather than shown empty. Keyed by the tab's slug, as unfold names it."""
    result = {}
    for name, options in fieldsets:
        if "tab" not in options.get("classes", ()):
            continue
        parts = [expressions.get(field) for field in options["fields"]]
        if all(parts):
            result[slugify(name, allow_unicode=True)] = " || ".join(f"({part})" for part in dict.fromkeys(parts)) or "false"
    return result


def server_conditions(form: Form, log) -> dict:
    """What conditions need beyond the answers on the page: every named predicate, each value the
    form does not ask (is_la_inferred...), and whether setup is complete."""
    from domain.forms.conditions import value_of

    on_page = page_field_names(form)
    names = {key for question in form.questions for key in _condition_keys(question)}
    for subsection in form.subsections:
        for page in subsection.pages:
            names |= page.shown_when.fields()
    values = {}
    for name in sorted(names - on_page):
        try:
            value = value_of(log, name)
        except (TypeError, ValueError, ArithmeticError, AttributeError):
            value = None
        values[name] = bool(value) if name.endswith("?") else (value if isinstance(value, (int, str, bool)) else None)
    values[GATE] = engine.gate_open(form, log)
    return values


def _condition_keys(question: Question) -> set[str]:
    keys = set(question.shown_when.fields())
    for option in question.options:
        keys |= option.shown_when.fields()
    return keys


def output_columns(form: Form) -> list[str]:
    """Values the form shows but nobody types (a total worked out from the charges)."""
    return [q.field for q in form.questions if q.type == OUTPUT]


def checkbox_columns(form: Form) -> list[str]:
    return [column for question in form.questions if question.type == CHECKBOX for column in question.columns]


__all__ = ["ALWAYS", "conditional_fields", "fieldsets", "server_conditions", "checkbox_columns", "form_field_name"]
