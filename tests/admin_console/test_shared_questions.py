"""A field several pages ask offers each page's answers only while that page applies."""

import re

from admin_console.logs.forms import log_form_class
from domain.forms import registry
from domain.forms.shared.people import ETHNIC_BACKGROUNDS
from domain.models import LettingsLog
from domain.services.logs import log_evaluate


def lettings_form():
    return log_form_class(LettingsLog, registry.all_forms("lettings")[-1], log_evaluate)()


def test_each_ethnic_background_is_offered_for_its_own_group_only():
    html = str(lettings_form()["ethnic"])
    for group, (_, backgrounds) in ETHNIC_BACKGROUNDS.items():
        for background in backgrounds:
            # Each input sits inside its label (no "for"); the condition calls the page's helpers.
            label = re.search(rf'<label[^>]*x-show="([^"]+)"[^>]*>\s*<input[^>]*value="{background.code}"', html)
            assert label, f"background {background.code} has no condition"
            condition = label.group(1).replace("&quot;", '"').replace("&#x27;", "'")
            groups = set(re.findall(r'core\.is\(ethnic_group,(\d+)\)', condition))
            assert groups == {str(group)}, (background.code, condition)


def test_the_question_names_the_chosen_group():
    label = str(lettings_form()["ethnic"].label)
    assert label.count("<span x-show=") == len(ETHNIC_BACKGROUNDS)
    assert "Arab" in label and "White" in label
