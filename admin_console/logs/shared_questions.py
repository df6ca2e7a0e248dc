"""A field that several pages ask, each with its own wording and answers (the ethnic background of
each ethnic group; the type of a shared or a discounted ownership sale). The change form has one
input for it: each answer is shown only while a page that offers it applies, and the wording of the
page that applies is the one shown, so nobody is offered another group's answers."""

from __future__ import annotations

from django.utils.html import format_html, format_html_join

from admin_console.logs.layout import condition_to_js, page_field_names
from admin_console.logs.widgets import ChoiceRadioSelect
from domain.forms.catalogue import RADIO, Form


class ConditionalRadioSelect(ChoiceRadioSelect):
    """Radio buttons, each shown while its Alpine.js condition holds (none: always)."""

    def __init__(self, option_conditions: dict[str, str], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.option_conditions = option_conditions

    def shown_when(self, value) -> str:
        return self.option_conditions.get(str(value), "")

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option["shown_when"] = self.shown_when(value)  # for the template (admin_console/widgets/radio.html)
        return option


def shared_radio_questions(catalogue: Form) -> dict[str, list[tuple[str, object]]]:
    """Field -> [(condition as Alpine.js, question)] for each radio field asked by several pages."""
    on_page = page_field_names(catalogue)
    asked: dict[str, list] = {}
    for _, subsection, page, question in catalogue.placed_questions():
        if question.type == RADIO:
            condition = condition_to_js(subsection.enabled_when & page.shown_when & question.shown_when, on_page)
            asked.setdefault(question.field, []).append((condition, question))
    return {field: pages for field, pages in asked.items()
            if len({tuple(q.codes) for _, q in pages}) > 1 or len({q.label for _, q in pages}) > 1}


def narrow(field, pages, numbered_label) -> None:
    """Give the merged form field its per-page answers and wording."""
    conditions: dict[str, list[str]] = {}
    for condition, question in pages:
        for option in question.options:
            conditions.setdefault(str(option.code), []).append(condition)
    field.widget = ConditionalRadioSelect({code: " || ".join(f"({c})" for c in alternatives)
                                           for code, alternatives in conditions.items()})
    field.widget.choices = field.choices
    labels = {}
    for condition, question in pages:
        labels.setdefault(numbered_label(question), []).append(condition)
    if len(labels) > 1:
        field.label = format_html_join("", '<span x-show="{}">{}</span>',
                                       ((" || ".join(f"({c})" for c in cs), text) for text, cs in labels.items()))
    else:
        field.label = format_html("{}", next(iter(labels)))
