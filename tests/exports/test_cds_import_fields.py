"""The importer reads back every element the export writes: a new question or a changed export element
fails here until the importer knows how to read it (or why it does not need to)."""

from __future__ import annotations

import itertools

import pytest

from domain.forms import registry
from domain.models import LettingsLog, Organisation, SalesLog, User
from exports.cds.lettings_declaration import Variant, declaration_for
from exports.cds.people import ORGANISATION_FIELDS, USER_FIELDS
from exports.cds.sales import COMPUTED, SALES_EXCLUDED, sales_fields
from exports.cds_import import lettings, people, sales
from exports.cds_import.fields import unread_elements


@pytest.mark.parametrize("year", registry.years("lettings"))
def test_every_lettings_element_is_read_back_or_known_to_be_worked_out(year):
    form, declaration = registry.form_for_year("lettings", year), declaration_for(year)
    for flags in itertools.product((True, False), repeat=5):
        fields = declaration.fields(form, LettingsLog, Variant(*flags))
        assert unread_elements(fields, lettings.INVERSES, lettings.WORKED_OUT) == [], flags


@pytest.mark.parametrize("year", registry.years("lettings"))
def test_every_column_the_lettings_export_leaves_out_is_restored_or_explained(year):
    declaration = declaration_for(year)
    handled = set(lettings.RESTORED) | set(lettings.NOT_RESTORED)
    assert sorted(set(declaration.excluded) - handled) == []


@pytest.mark.parametrize("year", registry.years("sales"))
def test_every_sales_element_and_left_out_column_is_handled(year):
    fields = sales_fields(registry.form_for_year("sales", year), SalesLog)
    assert unread_elements(fields, sales.INVERSES, sales.WORKED_OUT) == []
    assert {f.name for f in COMPUTED} <= set(sales.INVERSES) | set(sales.WORKED_OUT)
    assert sorted(set(SALES_EXCLUDED) - set(sales.RESTORED) - set(sales.NOT_RESTORED)) == []


def test_every_organisation_and_user_element_is_handled():
    assert unread_elements(ORGANISATION_FIELDS, people.ORGANISATION_INVERSES, people.ORGANISATION_WORKED_OUT) == []
    assert unread_elements(USER_FIELDS, people.USER_INVERSES, people.USER_WORKED_OUT) == []
    # Stored elements are read into the model's own columns.
    assert {f.source for f in ORGANISATION_FIELDS if f.source} <= {f.attname for f in Organisation._meta.fields}
    assert {f.source for f in USER_FIELDS if f.source} <= {f.attname for f in User._meta.fields}
