"""The log form's answer lists, drawn small and quickly: a log's form has hundreds of answers. Unfold's
radio option carries a 550-character class list on every input (these carry one class, styled by the
widget's own stylesheet to look like unfold's), and its select includes a template per option.

Each widget also writes its HTML in Python, the same markup its template gives (tests/admin_console/
test_log_form_rendering.py compares them): a change page draws about 170 of them, and a template per
widget (with its included attribute template) was most of the page's time. Like Django's form renderer,
they leave out the whitespace around the markup."""

from __future__ import annotations

import copy

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from unfold.widgets import (
    UnfoldAdminDecimalFieldWidget, UnfoldAdminIntegerFieldWidget, UnfoldAdminRadioSelectWidget,
    UnfoldAdminSelectWidget, UnfoldAdminTextInputWidget, UnfoldBooleanWidget,
)

from admin_console.html_attrs import escaped, html_attrs, text


def input_html(widget: dict) -> str:
    """django/forms/widgets/input.html."""
    value = "" if widget["value"] is None else f' value="{text(widget["value"])}"'
    return (f'<input type="{escaped(widget["type"])}" name="{escaped(widget["name"])}"'
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


def answer_groups(widget, chosen: list[str]) -> list[tuple]:
    """[(group name, [(value, label, selected, index)])] as ChoiceWidget.optgroups lists a widget's
    choices, without building an option dictionary (and its attributes) for each: the first answer whose
    code is among `chosen` (the widget's format_value) is the selected one. Answers outside a named group
    come in runs under None (optgroups gives each its own group; either way none is drawn)."""
    groups: list[tuple] = []
    has_selected = False
    for index, (option_value, option_label) in enumerate(widget.choices):
        if option_value is None:
            option_value = ""
        if isinstance(option_label, (list, tuple)):
            options = []
            groups.append((option_value, options))
            for subindex, (subvalue, sublabel) in enumerate(option_label):
                selected = not has_selected and str(subvalue) in chosen
                has_selected |= selected
                options.append((subvalue, sublabel, selected, f"{index}_{subindex}"))
            continue
        if not groups or groups[-1][0] is not None:
            groups.append((None, []))
        selected = not has_selected and str(option_value) in chosen
        has_selected |= selected
        groups[-1][1].append((option_value, option_label, selected, str(index)))
    return groups


class ChoiceRadioSelect(SharedChoices, OneClass, UnfoldAdminRadioSelectWidget):
    """admin_console/widgets/radio.html, written in Python: each option's input carries the widget's
    attributes, its own id (the widget's, numbered) and `checked` when chosen, as RadioSelect.create_option
    gives them, worked out once per widget rather than once per option."""

    css_class = "core-radio"
    template_name = "admin_console/widgets/radio.html"

    def shown_when(self, value) -> str:
        """The Alpine.js condition an answer is shown on (none: always)."""
        return ""

    def render(self, name, value, attrs=None, renderer=None):
        widget_attrs = self.build_attrs(self.attrs, attrs)
        id_ = widget_attrs.get("id")
        if id_:  # the attributes before and after the id, which each option numbers
            names = list(widget_attrs)
            at = names.index("id")
            before = html_attrs({k: widget_attrs[k] for k in names[:at]})
            after = html_attrs({k: widget_attrs[k] for k in names[at + 1:]})
            escaped_id = escaped(id_)
        else:
            before, after = html_attrs(widget_attrs), ""
        start = f'<input type="{escaped(self.input_type)}" name="{escaped(name)}"'
        parts = [format_html('<div id="{}" class="core-choices">', id_) if id_ else '<div class="core-choices">']
        for _group, options in answer_groups(self, self.format_value(value)):
            for option_value, label, selected, index in options:
                shown = self.shown_when(option_value)
                shown = format_html(' x-show="{}"', shown) if shown else ""
                value_ = "" if option_value is None else f' value="{text(option_value)}"'
                option_id = f' id="{escaped_id}_{index}"' if id_ else ""
                parts.append(f'<label class="core-choice"{shown}>{start}{value_}{before}{option_id}{after}'
                             f'{" checked" if selected else ""}><span>{escaped(label)}</span></label>')
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
        parts = [f'<div class="grow relative max-w-2xl"><select name="{escaped(name)}"'
                 f'{html_attrs(self.build_attrs(self.attrs, attrs))}>']
        shared = self.attrs.get("data-options-from")
        for group_name, options in answer_groups(self, self.format_value(value)):
            if shared:  # the browser copies the rest from the other list
                options = [option for option in options if sent_with_shared_list(option[0], option[2])]
                if not options:
                    continue
            if group_name:
                parts.append(format_html('<optgroup label="{}">', group_name))
            parts.extend(f'\n<option value="{text(option_value)}"{" selected" if selected else ""}>'
                         f'{escaped(label)}</option>' for option_value, label, selected, _ in options)
            if group_name:
                parts.append("</optgroup>")
        parts.append(SELECT_END)
        return mark_safe("".join(parts))

    def optgroups(self, name, value, attrs=None):
        """As the template draws them (tests compare the two): with a shared list, the chosen and blank
        answers only."""
        groups = super().optgroups(name, value, attrs)
        if not self.attrs.get("data-options-from"):
            return groups
        kept = [(group, [o for o in options if sent_with_shared_list(o["value"], o["selected"])], index)
                for group, options, index in groups]
        return [entry for entry in kept if entry[1]]


def sent_with_shared_list(value, selected: bool) -> bool:
    """Whether a select whose list the browser copies from another (`share_options`) is sent this option:
    the chosen one and the blank one only."""
    return selected or value in ("", None)


SELECT_END = (
    '\n</select><span class="material-symbols-outlined absolute group-[.primary]:text-white pointer-events-none '
    "mr-[12px] right-0 text-base-400 top-0 top-1/2 hover:text-base-700 dark:text-base-500 dark:hover:text-base-200 "
    '-translate-y-1/2" aria-hidden="true">expand_more</span></div>')


def share_options(field, source_id: str, code_prefix: str = "") -> None:
    """Let `field`'s select take its options from the select `source_id` on the same page."""
    field.widget.attrs.update({"data-options-from": source_id, "data-code-prefix": code_prefix})
