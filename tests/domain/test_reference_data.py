"""Loading the shipped reference data."""

import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command

from domain.models import LocalAuthority, LocalAuthorityLink, RentRange, SaleRange

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(capsys):
    call_command("load_reference_data", "--json")
    return json.loads(capsys.readouterr().out)


def test_every_row_of_the_shipped_files_is_loaded(loaded):
    assert loaded == {
        "local_authorities": 391,
        "local_authority_links": 4,
        "rent_ranges": {"2025": 8880, "2026": 8880},
        "sale_ranges": {"2025": 1184, "2026": 1184},
    }


def test_loading_twice_changes_nothing(loaded, capsys):
    call_command("load_reference_data", "--json")
    assert json.loads(capsys.readouterr().out) == loaded
    assert LocalAuthority.objects.count() == 391


def test_barnsley_changed_code_in_2025(loaded):
    old, new = LocalAuthority.objects.get(code="E08000016"), LocalAuthority.objects.get(code="E08000038")
    assert (old.start_date, old.end_date) == (date(2021, 4, 1), date(2025, 3, 31))
    assert (new.start_date, new.end_date) == (date(2025, 4, 1), None)
    assert set(LocalAuthority.objects.valid_on(date(2026, 5, 1)).filter(name="Barnsley")) == {new}
    assert set(LocalAuthority.objects.valid_on(date(2024, 5, 1)).filter(name="Barnsley")) == {old}
    assert LocalAuthorityLink.objects.filter(local_authority=new, linked_local_authority=old).exists()


def test_rent_range_values_match_the_2026_file(loaded):
    adur = RentRange.objects.get(start_year=2026, la="E07000223", lettype=1, beds=1)
    assert (adur.soft_min, adur.soft_max, adur.hard_min, adur.hard_max) == (
        Decimal("60.13"), Decimal("139.33"), Decimal("25.84"), Decimal("1000")
    )


def test_sale_range_values_match_the_2026_file(loaded):
    adur = SaleRange.objects.get(start_year=2026, la="E07000223", bedrooms=1)
    assert (adur.la_name, adur.soft_min, adur.soft_max) == ("Adur", Decimal("120822"), Decimal("426553"))
