"""`LogBase.blank()` makes the same new log as the model's own constructor, faster."""

import pytest

from domain.models import LettingsLog, SalesLog


def _values(log) -> dict:
    return {name: value for name, value in log.__dict__.items() if name != "_state"}


@pytest.mark.parametrize("model", [LettingsLog, SalesLog])
def test_a_blank_log_has_every_default_of_a_new_one(model):
    made, blank = model(), model.blank()
    assert _values(blank) == _values(made)
    assert len(_values(blank)) == len(model._meta.concrete_fields)
    assert blank._state.adding and blank.pk is None


@pytest.mark.parametrize("model", [LettingsLog, SalesLog])
def test_blank_logs_share_nothing(model):
    first, second = model.blank(), model.blank()
    first.owning_organisation_id = 7
    assert second.owning_organisation_id is None
