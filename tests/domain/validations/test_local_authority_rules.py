"""The previous address's postcode."""

import pytest

from .conftest import fails

pytestmark = pytest.mark.django_db


def test_previous_postcode_must_be_a_postcode(make_log):
    rule = "local_authority.ppostcode_full.format"
    assert fails(rule, make_log(ppcodenk=0, ppostcode_full="S1"))
    assert not fails(rule, make_log(ppcodenk=0, ppostcode_full="S1 2AB"))
    assert not fails(rule, make_log(ppcodenk=1, ppostcode_full="S1"))
