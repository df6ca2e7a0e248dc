"""An exported sales record matches the CDS reference file element for element (ids and timestamps aside)."""

from datetime import date
from unittest import mock

import pytest

from domain.models import ProviderType, Role, SalesLog
from exports.cds.run import cds_export_run
from tests.exports.cds_support import exported_records, london, reference_records, sales_answers_from_reference
from tests.factories import make_local_authority, make_organisation, make_user
from tests.clock import on

# Values CDS has that this service does not store (the address search soft check): the elements are
# there, in place, and empty.
NOT_STORED_SALES = {"ADDRESS_SEARCH_VALUE_CHECK"}
TODAY = date(2026, 11, 28)


@pytest.fixture(autouse=True)
def today():
    with on(TODAY):
        yield


@pytest.mark.django_db
def test_2026_sales_log_matches_reference(storage):
    (reference,) = reference_records("sales_log_26_27.xml")
    owner = make_organisation(name="Reference Council", provider_type=ProviderType.LA, housing_registration_no="1234")
    user = make_user(owner, Role.DATA_PROVIDER, email="seller@example.com")
    make_local_authority(code="E09000033", name="Westminster", start_date="2021-04-01")
    answers = sales_answers_from_reference(reference, skip=NOT_STORED_SALES)
    log = SalesLog.objects.create(
        **answers, owning_organisation=owner, managing_organisation=owner, assigned_to=user, created_by=user,
        status=int(dict(reference)["STATUS"]),
    )
    SalesLog.objects.filter(pk=log.pk).update(created_at=london(2026, 4, 1), updated_at=london(2026, 4, 1))

    result = cds_export_run(full=True, collection="sales", year=2026)
    (item,) = result.collections
    (record,) = exported_records(storage, item.as_json()["archive"])

    org_id = str(owner.pk)
    substitutions = {
        "ID": str(log.pk), "CREATEDBY": user.email, "CREATEDBYID": str(user.pk), "USERNAME": user.email,
        "USERNAMEID": str(user.pk), "OWNINGORGID": org_id, "OWNINGORGNAME": owner.name,
        "MANINGORGID": org_id, "MANINGORGNAME": owner.name,
    }
    expected = [(name, substitutions.get(name, None if name in NOT_STORED_SALES else text))
                for name, text in reference]
    assert [name for name, _ in record] == [name for name, _ in expected]
    assert record == expected
