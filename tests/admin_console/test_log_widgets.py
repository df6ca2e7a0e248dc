"""The log form's choice widgets draw the same markup as unfold's, without a template include per option."""

import re

import pytest
from django import forms
from unfold.widgets import UnfoldAdminRadioSelectWidget, UnfoldAdminSelectWidget

from admin_console.logs.widgets import RadioSelect, Select


def markup(widget, value) -> str:
    field = forms.TypedChoiceField(choices=[(1, "Yes & no"), (2, "No"), (3, "Don’t know")], coerce=int,
                                   widget=widget)
    form = type("AnswerForm", (forms.Form,), {"answer": field})(initial={"answer": value})
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", str(form["answer"]))).strip()


@pytest.mark.parametrize("unfold, ours", [(UnfoldAdminRadioSelectWidget, RadioSelect),
                                          (UnfoldAdminSelectWidget, Select)])
@pytest.mark.parametrize("value", [None, 2])
def test_a_choice_widget_draws_unfold_s_markup(unfold, ours, value):
    drawn = markup(ours, value)
    assert drawn == markup(unfold, value)
    assert "Yes &amp; no" in drawn and (value is None or ' selected' in drawn or ' checked' in drawn)
