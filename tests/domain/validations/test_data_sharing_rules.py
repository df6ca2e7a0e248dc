"""A log's owning organisation (and a letting's managing organisation) must have accepted the data sharing
agreement when it is chosen (spec §5); a log keeping the organisation it had is not re-checked."""

import pytest

from domain.models import LettingsLog, SalesLog
from domain.validations.lettings.setup import RULES as LETTINGS_RULES
from domain.validations.sales.setup import RULES as SALES_RULES
from tests.factories import make_organisation, sign_dsa

pytestmark = pytest.mark.django_db


def rule(rules, rule_id):
    return next(r for r in rules if r.id == rule_id)


def refused(rule_, log) -> bool:
    return rule_.applies(log) and not rule_.passes(log)


@pytest.mark.parametrize("column", ["owning_organisation", "managing_organisation"])
def test_lettings_organisations_must_have_signed_when_chosen(column):
    unsigned = make_organisation(name="Unsigned Homes", dsa_signed=False)
    check = rule(LETTINGS_RULES, f"setup.{column}_id.data_sharing_agreement_not_signed")
    log = LettingsLog(**{column: unsigned})
    assert refused(check, log)
    assert check.message.format(**check.context(log)).startswith("Unsigned Homes has not accepted")
    log.reset_loaded_values()  # the organisation it already had: not re-checked
    assert not refused(check, log)
    sign_dsa(unsigned)
    assert not refused(check, LettingsLog(**{column: unsigned}))


def test_sales_owner_must_have_signed_when_chosen():
    unsigned = make_organisation(name="Unsigned Homes", dsa_signed=False)
    check = rule(SALES_RULES, "setup.owning_organisation_id.data_sharing_agreement_not_signed")
    assert refused(check, SalesLog(owning_organisation=unsigned))
    sign_dsa(unsigned)
    assert not refused(check, SalesLog(owning_organisation=unsigned))
