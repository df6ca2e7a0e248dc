"""A log list's rows, written in Python.

Unfold's `unfold_result_list` works out every column header again for each row (the select-all tick box
drawn through a widget template each time), and draws each status and review badge and each row's tick
box through templates: with 20 rows and 10 columns, most of a list page's drawing time. `log_result_list`
gives the same template (`change_list_results.html`) the same cells, worked out once per page where they
do not depend on the row: the headers, the badges per value, the tick box around the row's log ID.

tests/admin_console/test_log_list_rendering.py compares the two ways of drawing a list."""

from __future__ import annotations

from datetime import date, time
from functools import cache

from django.contrib.admin import helpers
from django.contrib.admin.templatetags.admin_list import _coerce_field_name, result_hidden_fields
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.templatetags.base import InclusionAdminNode
from django.contrib.admin.utils import lookup_field
from django.template import Library
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from unfold.admin import checkbox as unfold_checkbox
from unfold.templatetags.unfold_list import (
    CHECKBOX_CLASSES, LINK_CLASSES, ROW_CLASSES, UnfoldResultList, result_headers,
)
from unfold.utils import display_for_label, display_for_value

register = Library()

LINK_CLASS = " ".join(LINK_CLASSES)
CHECKBOX_CELL_CLASS = mark_safe(f' class="{" ".join(CHECKBOX_CLASSES)}"')
_BADGES: dict[tuple, str] = {}


def _badge(value, empty_value_display: str, label) -> str:
    """A badge (status, review) drawn once per value: its markup depends on nothing else."""
    key = (value, empty_value_display, tuple(label.items()) if isinstance(label, dict) else label)
    if key not in _BADGES:
        _BADGES[key] = display_for_label(value, empty_value_display, label)
    return _BADGES[key]


@cache
def _tick_box_parts() -> tuple[str, str]:
    """A row's tick box as unfold's widget draws it, in two parts around its value."""
    before, after = unfold_checkbox.render(helpers.ACTION_CHECKBOX_NAME, "0").split('value="0"')
    return before, after


def tick_box(pk: int) -> str:
    before, after = _tick_box_parts()
    return mark_safe(f'{before}value="{int(pk)}"{after}')  # a log ID is an integer: nothing to escape


def _cells(cl, result, labels: list[str]):
    """The cells of one row, as unfold_list.items_for_result writes them for a list without editable
    fields, sections or a popup."""
    model_admin = cl.model_admin
    empty = model_admin.get_empty_value_display()
    first_link = True
    for index, name in enumerate(cl.list_display):
        classes = [f"field-{_coerce_field_name(name, index)}", *ROW_CLASSES]
        if name == "action_checkbox":
            content, classes = tick_box(result.pk), None
        else:
            field, attr, value = lookup_field(name, result, model_admin)
            if field is not None and not field.auto_created:
                raise ValueError(f"{name}: the log lists show model fields through a display method")
            label = getattr(attr, "label", False)
            if label:
                content = _badge(value, getattr(attr, "empty_value_display", empty), label)
            else:
                content = display_for_value(value, getattr(attr, "empty_value_display", empty),
                                            getattr(attr, "boolean", False))
            if isinstance(value, date | time):
                classes.append("nowrap")
        row_class = CHECKBOX_CELL_CLASS if classes is None else mark_safe(f' class="{" ".join(classes)}"')
        if first_link and name in cl.list_display_links:
            first_link = False
            url = add_preserved_filters({"preserved_filters": cl.preserved_filters, "opts": cl.opts},
                                        cl.url_for_result(result))
            link = format_html('<a href="{}" class="{}" {}>{}</a>', url, LINK_CLASS, "", content)
            yield format_html('<th{} data-label="{}">{}</th>', row_class, labels[index], link)
        else:
            yield format_html('<td{} data-label="{}">{}</td>', row_class,
                              labels[index] if index else _("Select record"), content)


def log_result_list(context, cl) -> dict:
    """The context unfold's result_list gives change_list_results.html, for a log list."""
    headers = list(result_headers(cl))
    labels = [header["text"] for header in headers]
    return {
        "cl": cl,
        "result_hidden_fields": list(result_hidden_fields(cl)),
        "result_headers": headers,
        "num_sorted_fields": sum(1 for header in headers if header["sortable"] and header["sorted"]),
        "results": [UnfoldResultList(result, None, _cells(cl, result, labels)) for result in cl.result_list],
        "actions_row": context.get("actions_row"),
        "has_add_permission": cl.model_admin.has_add_permission(context["request"]),
    }


@register.tag(name="log_result_list")
def log_result_list_tag(parser, token):
    return InclusionAdminNode(parser, token, func=log_result_list, template_name="change_list_results.html",
                              takes_context=True)
