"""A log change form's question rows, written in Python.

A log's tabs hold about 170 questions. Unfold draws each through a row template, a field or tick-box
template, the label's and help text's templates and the widget's: about 1,000 templates, most of a
GET's time. `log_rows` writes the same markup as unfold/helpers/fieldset_row.html and its includes
(for `compressed_fields = False`), with the whitespace between tags as admin_console/compact_html.py
leaves it; the widgets write themselves (admin_console/logs/widgets.py). A row with a read-only value
(a total the service works out) is rare and still goes through unfold's template.

tests/admin_console/test_log_form_rendering.py compares the two ways of drawing a page."""

from __future__ import annotations

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from unfold.templatetags.unfold import changeform_condition
from unfold.widgets import CHECKBOX_LABEL_CLASSES

from admin_console.html_attrs import html_attrs

register = template.Library()

ROW_CLASSES = "form-row field-row group/row"
LINE_CLASSES = "field-line flex flex-col grow group group/line px-3 py-2.5"
# Unfold's label classes, as compact_html shortens them (styled in static/admin_console/answers.css).
LABEL_CLASS = "core-label"
CHECKBOX_LABEL_CLASS = " ".join(CHECKBOX_LABEL_CLASSES)
REQUIRED = mark_safe('<span class="text-red-600 dark:text-red-500">*</span>')


@register.simple_tag(takes_context=True)
def log_rows(context, fieldset) -> str:
    """The rows of one of the form's fieldsets."""
    model_admin = context["adminform"].model_admin
    conditions = context.get("has_conditional_display") or {}
    lines = list(fieldset)
    parts = []
    for number, line in enumerate(lines, start=1):
        last = number == len(lines)
        if model_admin.compressed_fields or any(name in line.readonly_fields for name in line.fields):
            parts.append(_template_row(context, line, last))
        else:
            parts.append(_row(line, last, conditions))
    return mark_safe("\n".join(parts))


def _template_row(context, line, last: bool) -> str:
    """A row as unfold's template draws it."""
    row = context.template.engine.get_template("unfold/helpers/fieldset_row.html")
    with context.push(line=line, forloop={"last": last}):
        return row.render(context)


def _row(line, last: bool, conditions: dict) -> str:
    classes = ROW_CLASSES
    if len(line.fields) > 1:
        classes += f" grid lg:grid-cols-{len(line.fields)}"
    if not line.has_visible_field:
        classes += " hidden"
    parts = [f'<div class="{classes} {"last" if last else ""}">']
    for field in line:
        name = field.field.name
        condition = conditions.get(name)
        if conditions:
            field = changeform_condition(field)  # the widget follows its answer: x-model.fill
        errors = field.field.errors
        line_classes = f"{LINE_CLASSES} field-{name}{' errors' if errors else ''}"
        shown = format_html('x-show="{}"', condition) if condition else ""
        parts.append(f'<div class="{line_classes}" {shown}>')
        parts.append(_checkbox(field, errors) if field.is_checkbox else _field(field, errors))
        parts.append("</div>")
    parts.append("</div>")
    return "\n".join(parts)


def _field(field, errors) -> str:
    """unfold/helpers/fieldset_row_field.html."""
    help_text = field.field.help_text
    return "\n".join(filter(None, (
        f'<div class="">\n{_label(field)}\n</div>',
        f'<div class="grow relative">\n{field.field}',
        _help_text(help_text) if help_text else "",
        _errors(errors),
        "</div>",
    )))


def _checkbox(field, errors) -> str:
    """unfold/helpers/fieldset_row_checkbox.html."""
    help_text = field.field.help_text
    return "\n".join(filter(None, (
        f'<div class="flex flex-row">\n{field.field}\n<div class="flex flex-col">\n{_label(field)}',
        f'<div class="ml-2 -mt-1">\n{_help_text(help_text)}\n</div>' if help_text else "",
        _errors(errors),
        "</div>\n</div>",
    )))


def _help_text(text) -> str:
    """unfold/helpers/help_text.html (the text is HTML: a soft check's message may carry a link)."""
    return f'<div class="leading-relaxed mt-2 text-xs">\n        {text}\n    </div>'


def _errors(errors) -> str:
    if not errors:
        return ""
    return f'<div class="mt-2 text-red-600 text-xs dark:text-red-500">\n            {errors.as_ul()}\n        </div>'


def _label(field) -> str:
    """The label unfold's admin field gives (unfold.fields.UnfoldAdminField.label_tag, through Django's
    BoundField.label_tag), with the short class compact_html would give it."""
    bound = field.field
    required = bound.field.required
    contents = conditional_escape(bound.label)
    if required and contents and contents[-1] not in ":?.!":
        contents = format_html("{}{}", contents, REQUIRED)
    widget = bound.field.widget
    id_ = widget.attrs.get("id") or bound.auto_id
    if not id_:
        return contents
    attrs = {"class": (CHECKBOX_LABEL_CLASS if field.is_checkbox else LABEL_CLASS) + (" required" if required else "")}
    for_ = widget.id_for_label(id_)
    if for_:
        attrs["for"] = for_
    if required and hasattr(bound.form, "required_css_class"):
        attrs["class"] += " " + bound.form.required_css_class
    return f"<label{html_attrs(attrs)}>{contents}</label>"
