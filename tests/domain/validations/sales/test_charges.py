"""Service charges and the shared owner's monthly rent."""

from decimal import Decimal

import pytest

from .helpers import errors, fails, message, sales_log


@pytest.mark.parametrize("mscharge, expected", [("0", True), ("0.01", False)])
def test_service_charge_is_not_zero(mscharge, expected):
    assert fails("charges.mscharge.zero", sales_log(mscharge=Decimal(mscharge))) is expected


@pytest.mark.parametrize("changed, new, expected", [(1, "120.50", True), (1, "120.51", False), (2, "120.50", False)])
def test_changed_service_charge_differs_from_the_current_one(changed, new, expected):
    log = sales_log(hasservicechargeschanged=changed, has_mscharge=1, mscharge=Decimal("120.50"),
                    newservicecharges=Decimal(new))
    assert fails("charges.newservicecharges.same_as_mscharge", log) is expected
    if expected:
        assert set(errors(log)) == {"newservicecharges", "mscharge"}
        assert "(£120.50 a month)" in message("charges.newservicecharges.same_as_mscharge", log)


@pytest.mark.parametrize("mrent, type_, ownershipsch, expected", [
    ("9999", 30, 1, False), ("9999.01", 30, 1, True), ("12000", 24, 1, False), ("12000", 9, 2, False),
])
def test_monthly_rent_at_most_9999(mrent, type_, ownershipsch, expected):
    log = sales_log(mrent=Decimal(mrent), type=type_, ownershipsch=ownershipsch)
    assert fails("charges.mrent.over_max", log) is expected
    if expected:
        assert errors(log)["mrent"] == ["The basic monthly rent is £9,999.01; it must be between £0.00 and "
                                        "£9,999.00. Check the amount, and that it is a monthly figure."]
        assert "type" in errors(log)
