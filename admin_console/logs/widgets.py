"""The log form's answer lists, drawn small and quickly: a log's form has hundreds of answers. Unfold's
radio option carries a 550-character class list on every input (these carry one class, styled by the
widget's own stylesheet to look like unfold's), and its select includes a template per option.

Each widget also writes its HTML in Python, the same markup its template gives (tests/admin_console/
test_log_form_rendering.py compares them): a change page draws about 170 of them, and a template per
widget (with its included attribute template) was most of the page's time. Like Django's form renderer,
they leave out the whitespace around the markup."""

from __future__ import annotations

import copy

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from unfold.widgets import (
    UnfoldAdminDecimalFieldWidget, UnfoldAdminIntegerFieldWidget, UnfoldAdminRadioSelectWidget,
    UnfoldAdminSelectWidget, UnfoldAdminTextInputWidget, UnfoldBooleanWidget,
)

from admin_console.html_attrs import html_attrs, text


def input_html(widget: dict) -> str:
    """django/forms/widgets/input.html."""
    value = "" if widget["value"] is None else f' value="{text(widget["value"])}"'
    return (f'<input type="{conditional_escape(widget["type"])}" name="{conditional_escape(widget["name"])}"'
            f'{value}{html_attrs(widget["attrs"])}>')


class PlainInput:
    """Put before a Django input widget drawn by django/forms/widgets/input.html (number, checkbox)."""

    def render(self, name, value, attrs=None, renderer=None):
        return mark_safe(input_html(self.get_context(name, value, attrs)["widget"]))


class UnfoldTextInput:
    """Put before unfold's text input: unfold/widgets/text.html, with its prefix, suffix and icons."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        icon = "material-symbols-outlined absolute {} top-0 bottom-0 flex items-center justify-center text-base-400 dark:text-base-500"
        parts = ['<div class="max-w-2xl relative w-full">\n    ']
        for key, span_class in (("prefix", "absolute left-3 top-0 bottom-0 flex items-center justify-center"),
                                ("prefix_icon", icon.format("left-3"))):
            if widget.get(key):
                parts.append(format_html('\n        <span class="{}">\n            {}\n        </span>\n    ',
                                         span_class, widget[key]))
            parts.append("\n\n    ")
        parts.append(input_html(widget) + "\n")  # input.html's own line end, inside the div
        for key, span_class in (("suffix", "absolute right-3 top-0 bottom-0 flex items-center justify-center"),
                                ("suffix_icon", icon.format("right-3"))):
            parts.append("\n\n    ")
            if widget.get(key):
                parts.append(format_html('\n        <span class="{}">\n            {}\n        </span>\n    ',
                                         span_class, widget[key]))
        parts.append("\n</div>")
        return mark_safe("".join(parts))


class OneClass:
    """Put before an unfold widget: its inputs carry `css_class` (admin_console/static/admin_console/
    answers.css) instead of unfold's long class list."""

    css_class = ""

    class Media:
        css = {"all": ["admin_console/answers.css"]}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.attrs["class"] = self.css_class


class SharedChoices:
    """Put before a choice widget: its copies share its list of answers, which Django would copy and check
    again for every copy (see forms.AnswerChoiceField); only the attributes, which a page may change, are
    copied."""

    def __deepcopy__(self, memo):
        widget = copy.copy(self)
        widget.attrs = self.attrs.copy()
        memo[id(self)] = widget
        return widget


class ChoiceRadioSelect(SharedChoices, OneClass, UnfoldAdminRadioSelectWidget):
    """admin_console/widgets/radio.html, written in Python."""

    css_class = "core-radio"
    template_name = "admin_console/widgets/radio.html"

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        id_ = widget["attrs"].get("id")
        parts = [format_html('<div id="{}" class="core-choices">', id_) if id_ else '<div class="core-choices">']
        for _group, options, _index in widget["optgroups"]:
            for option in options:
                shown = option.get("shown_when")
                shown = format_html(' x-show="{}"', shown) if shown else ""
                value_ = "" if option["value"] is None else f' value="{text(option["value"])}"'
                parts.append(
                    f'<label class="core-choice"{shown}>'
                    f'<input type="{conditional_escape(option["type"])}" name="{conditional_escape(option["name"])}"'
                    f'{value_}{html_attrs(option["attrs"])}><span>{conditional_escape(option["label"])}</span></label>')
        parts.append("</div>")
        return mark_safe("".join(parts))


class TextInput(UnfoldTextInput, OneClass, UnfoldAdminTextInputWidget):
    css_class = "core-input"


class IntegerInput(PlainInput, OneClass, UnfoldAdminIntegerFieldWidget):
    css_class = "core-input"


class DecimalInput(PlainInput, OneClass, UnfoldAdminDecimalFieldWidget):
    css_class = "core-input"


class Checkbox(PlainInput, OneClass, UnfoldBooleanWidget):
    css_class = "core-check"


class ChoiceSelect(SharedChoices, UnfoldAdminSelectWidget):
    """Unfold's select with its options written in place: the long lists (local authorities, countries)
    have hundreds of options, and a template included per option costs more than the rest of a field.

    A list the page already holds is not written twice: `share_options(field, "id_prevloc", "E")` sends
    only the blank and chosen answers, and the browser copies the other options (those whose code starts
    with the prefix) from that select (static/admin_console/shared_options.js). The field's choices still
    decide what the server accepts."""

    template_name = "admin_console/widgets/select.html"

    class Media:
        js = ["admin_console/shared_options.js"]

    def render(self, name, value, attrs=None, renderer=None):
        """admin_console/widgets/select.html, written in Python."""
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<div class="grow relative max-w-2xl"><select name="{conditional_escape(widget["name"])}"'
                 f'{html_attrs(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('<optgroup label="{}">', group_name))
            parts.extend(f'\n<option value="{text(option["value"])}"{" selected" if option["selected"] else ""}>'
                         f'{conditional_escape(option["label"])}</option>' for option in options)
            if group_name:
                parts.append("</optgroup>")
        parts.append(SELECT_END)
        return mark_safe("".join(parts))

    def optgroups(self, name, value, attrs=None):
        groups = super().optgroups(name, value, attrs)
        if not self.attrs.get("data-options-from"):
            return groups
        kept = [(group, [o for o in options if o["selected"] or o["value"] in ("", None)], index)
                for group, options, index in groups]
        return [entry for entry in kept if entry[1]]


SELECT_END = (
    '\n</select><span class="material-symbols-outlined absolute group-[.primary]:text-white pointer-events-none '
    "mr-[12px] right-0 text-base-400 top-0 top-1/2 hover:text-base-700 dark:text-base-500 dark:hover:text-base-200 "
    '-translate-y-1/2" aria-hidden="true">expand_more</span></div>')


def share_options(field, source_id: str, code_prefix: str = "") -> None:
    """Let `field`'s select take its options from the select `source_id` on the same page."""
    field.widget.attrs.update({"data-options-from": source_id, "data-code-prefix": code_prefix})
