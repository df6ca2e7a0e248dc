"""The log form's choice widgets: options written in the widget's own template (no include per option),
radios and inputs with one short class instead of unfold's long class list."""

import re

import pytest
from django import forms
from unfold.widgets import UnfoldAdminSelectWidget

from admin_console.logs.widgets import ChoiceRadioSelect, ChoiceSelect, share_options


def field_for(widget):
    return forms.TypedChoiceField(choices=[(1, "Yes & no"), (2, "No"), (3, "Don’t know")], coerce=int, widget=widget)


def markup(field, value) -> str:
    form = type("AnswerForm", (forms.Form,), {"answer": field})(initial={"answer": value})
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", str(form["answer"]))).strip()


@pytest.mark.parametrize("value", [None, 2])
def test_the_select_draws_unfold_s_markup_with_its_icon_hidden(value):
    drawn = markup(field_for(ChoiceSelect), value)
    # the same markup, with the icon's name hidden from screen readers
    assert 'aria-hidden="true">expand_more' in drawn
    assert drawn.replace(' aria-hidden="true"', "") == markup(field_for(UnfoldAdminSelectWidget), value)
    assert "Yes &amp; no" in drawn and (value is None or " selected" in drawn)


@pytest.mark.parametrize("value", [None, 2])
def test_the_radios_carry_one_class_each_and_the_answer_chosen(value):
    drawn = markup(field_for(ChoiceRadioSelect), value)
    radios = re.findall(r"<input[^>]*type=\"radio\"[^>]*>", drawn)
    assert len(radios) == 3
    assert all('class="core-radio"' in radio for radio in radios)
    assert "Yes &amp; no" in drawn and "Don’t know" in drawn
    checked = [radio for radio in radios if " checked" in radio]
    assert [re.search(r'value="(\d)"', radio).group(1) for radio in checked] == ([] if value is None else ["2"])


def test_a_shared_list_sends_only_the_blank_and_chosen_answers():
    field = forms.TypedChoiceField(choices=[("", "Select an option"), ("E1", "Barnsley"), ("E2", "Leeds")],
                                   widget=ChoiceSelect, required=False)
    share_options(field, "id_prevloc", "E")
    drawn = markup(field, "E2")
    assert 'data-options-from="id_prevloc"' in drawn
    assert "Leeds" in drawn and "Select an option" in drawn and "Barnsley" not in drawn
