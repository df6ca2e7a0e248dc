"""A log's change page draws its questions in Python (admin_console/templatetags/log_form.py and the
widgets' render methods) instead of a template per row, label and widget: the same HTML as the
templates give, apart from the order of the class names unfold builds from a set."""

import re
from datetime import date

import pytest
from django import forms
from django.test.signals import template_rendered
from django.urls import reverse

from admin_console.logs.admin import LettingsLogAdmin
from admin_console.logs.sales import SalesLogAdmin
from admin_console.logs.shared_questions import ConditionalRadioSelect
from admin_console.logs.widgets import Checkbox, ChoiceRadioSelect, ChoiceSelect, DecimalInput, IntegerInput, TextInput
from domain.models import LettingsLog, LocalAuthority, SalesLog
from domain.services.logs import log_save
from tests.admin_console.log_form_data import change_form_data
from tests.lettings_answers import apply, general_needs_answers
from tests.sales_answers import shared_ownership_answers

CHOICES = [("", "Select an option"), (1, 'Yes & "no"'), (2, "<No>"), (3, "Don’t know")]


def both_ways(widget_class, value, render_attrs=None, **kwargs):
    """The widget drawn by its render method and by its template (a fresh widget each: unfold's text input
    takes its prefix out of its attributes when it first draws)."""
    drawn = widget_class(**kwargs).render("answer", value, render_attrs)
    widget = widget_class(**kwargs)
    templated = forms.Widget._render(widget, widget.template_name, widget.get_context("answer", value, render_attrs))
    return drawn, templated


@pytest.mark.parametrize("value", [None, 2, "2"])
@pytest.mark.parametrize("widget_class", [ChoiceRadioSelect, ChoiceSelect])
def test_the_choice_widgets_draw_what_their_templates_draw(widget_class, value):
    attrs = {"id": "id_answer", "x-model.fill": "answer", "disabled": False, "required": True}
    drawn, templated = both_ways(widget_class, value, attrs, choices=CHOICES)
    assert drawn == templated
    assert "Yes &amp; &quot;no&quot;" in drawn and "&lt;No&gt;" in drawn


def test_an_answer_shown_on_a_condition_is_drawn_as_its_template_draws_it():
    widget = ConditionalRadioSelect({"1": "core.is(a,1) && b > 2", "3": ""}, choices=CHOICES[1:])
    drawn = widget.render("answer", 1, {"id": "id_answer"})
    templated = forms.Widget._render(widget, widget.template_name, widget.get_context("answer", 1, {"id": "id_answer"}))
    assert drawn == templated
    assert drawn.count("x-show=") == 1 and 'x-show="core.is(a,1) &amp;&amp; b &gt; 2"' in drawn


@pytest.mark.parametrize("widget_class", [TextInput, IntegerInput, DecimalInput])
@pytest.mark.parametrize("value", [None, "", "12", 'A & "B"'])
def test_the_inputs_draw_what_their_templates_draw(widget_class, value):
    drawn, templated = both_ways(widget_class, value, {"id": "id_answer", "step": "0.01", "x-model.fill": "answer"})
    assert drawn == templated


@pytest.mark.parametrize("extra", [{"prefix": "£"}, {"suffix": "<per week>"}, {"prefix_icon": "euro", "suffix_icon": "search"}])
def test_a_text_input_with_unfold_s_prefix_or_suffix_draws_what_its_template_draws(extra):
    drawn, templated = both_ways(TextInput, "5", {"id": "id_answer"}, attrs=extra)
    assert drawn == templated


@pytest.mark.parametrize("value", [True, False, None])
def test_a_tick_box_draws_what_its_template_draws(value):
    drawn, templated = both_ways(Checkbox, value, {"id": "id_answer"})
    assert drawn == templated


# --- whole pages -------------------------------------------------------------------------------------

CLASS = re.compile(r'class="([^"]*)"')
VARYING = re.compile(r'(nonce|name="csrfmiddlewaretoken" value)="[^"]*"')


def comparable(html: bytes) -> str:
    """Unfold joins some class lists from a set (their order varies); the nonce and token vary per page."""
    text = VARYING.sub(r'\1=""', html.decode())
    return CLASS.sub(lambda match: 'class="' + " ".join(sorted(match.group(1).split())) + '"', text)


@pytest.fixture
def sheffield(db):
    return LocalAuthority.objects.create(code="E08000039", name="Sheffield", start_date=date(2025, 4, 1))


@pytest.fixture
def logs(org, coordinator, sheffield):
    lettings = apply(LettingsLog(), general_needs_answers(org, coordinator))
    log_save(log=lettings, by=coordinator)
    sales = apply(SalesLog(), shared_ownership_answers(org, coordinator))
    log_save(log=sales, by=coordinator)
    return {"lettings": (lettings, LettingsLogAdmin), "sales": (sales, SalesLogAdmin)}


def rendered(client, method, url, data=None):
    templates = []

    def record(sender, template, context, **kwargs):
        templates.append(template.name)

    template_rendered.connect(record)
    try:
        response = client.post(url, data) if method == "post" else client.get(url)
    finally:
        template_rendered.disconnect(record)
    assert response.status_code == 200
    return response, templates


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["lettings", "sales"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_change_page_is_the_page_unfold_s_templates_draw(kind, method, logs, client_for, coordinator, monkeypatch):
    log, admin_class = logs[kind]
    client = client_for(coordinator)
    url = reverse(f"admin:domain_{log._meta.model_name}_change", args=[log.pk])
    # a POST the form refuses (not a number), so the page shows its errors
    data = change_form_data(client, url, age1="two hundred") if method == "post" else None

    response, templates = rendered(client, method, url, data)
    readonly_rows = templates.count("unfold/helpers/field_readonly_value.html")
    assert templates.count("unfold/helpers/fieldset_row.html") == readonly_rows  # only rows showing a value
    assert "django/forms/label.html" not in templates
    assert "admin_console/widgets/radio.html" not in templates
    page = comparable(response.content)
    assert page.count('class="field-line') > 50

    monkeypatch.setattr(admin_class, "change_form_template", "admin/change_form.html")
    through_templates, templates = rendered(client, method, url, data)
    assert templates.count("unfold/helpers/fieldset_row.html") > 50
    assert page == comparable(through_templates.content)
    if method == "post":
        assert "errorlist" in page and "field-age1" in page
