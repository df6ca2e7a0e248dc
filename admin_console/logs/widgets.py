"""The log form's answer lists, drawn small and quickly: a log's form has hundreds of answers. Unfold's
radio option carries a 550-character class list on every input (these carry one class, styled by the
widget's own stylesheet to look like unfold's), and its select includes a template per option."""

from __future__ import annotations

from unfold.widgets import (
    UnfoldAdminDecimalFieldWidget, UnfoldAdminIntegerFieldWidget, UnfoldAdminRadioSelectWidget,
    UnfoldAdminSelectWidget, UnfoldAdminTextInputWidget, UnfoldBooleanWidget,
)


class OneClass:
    """Put before an unfold widget: its inputs carry `css_class` (admin_console/static/admin_console/
    answers.css) instead of unfold's long class list."""

    css_class = ""

    class Media:
        css = {"all": ["admin_console/answers.css"]}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.attrs["class"] = self.css_class


class ChoiceRadioSelect(OneClass, UnfoldAdminRadioSelectWidget):
    css_class = "core-radio"
    template_name = "admin_console/widgets/radio.html"


class TextInput(OneClass, UnfoldAdminTextInputWidget):
    css_class = "core-input"


class IntegerInput(OneClass, UnfoldAdminIntegerFieldWidget):
    css_class = "core-input"


class DecimalInput(OneClass, UnfoldAdminDecimalFieldWidget):
    css_class = "core-input"


class Checkbox(OneClass, UnfoldBooleanWidget):
    css_class = "core-check"


class ChoiceSelect(UnfoldAdminSelectWidget):
    """Unfold's select with its options written in place: the long lists (local authorities, countries)
    have hundreds of options, and a template included per option costs more than the rest of a field.

    A list the page already holds is not written twice: `share_options(field, "id_prevloc", "E")` sends
    only the blank and chosen answers, and the browser copies the other options (those whose code starts
    with the prefix) from that select (static/admin_console/shared_options.js). The field's choices still
    decide what the server accepts."""

    template_name = "admin_console/widgets/select.html"

    class Media:
        js = ["admin_console/shared_options.js"]

    def optgroups(self, name, value, attrs=None):
        groups = super().optgroups(name, value, attrs)
        if not self.attrs.get("data-options-from"):
            return groups
        kept = [(group, [o for o in options if o["selected"] or o["value"] in ("", None)], index)
                for group, options, index in groups]
        return [entry for entry in kept if entry[1]]


def share_options(field, source_id: str, code_prefix: str = "") -> None:
    """Let `field`'s select take its options from the select `source_id` on the same page."""
    field.widget.attrs.update({"data-options-from": source_id, "data-code-prefix": code_prefix})
