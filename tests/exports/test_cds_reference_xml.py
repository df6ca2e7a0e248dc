"""Exported records match the CDS reference files element for element (ids and timestamps aside)."""

from datetime import date
from unittest import mock

import pytest

from domain.models import LettingsLog, Organisation, ProviderType, Role, User
from exports.cds.run import cds_export_run
from tests.exports.cds_support import answers_from_reference, exported_records, london, reference_records
from tests.factories import make_lettings_log, make_location, make_organisation, make_scheme, make_user
from tests.clock import on

# Values CDS has that this service does not store yet (bulk upload references and as-entered values,
# a retired question, the UPRN confirmation): the elements are there, in place, and empty.
NOT_STORED_LETTINGS = {
    "underoccupation_benefitcap", "bulk_upload_id", "uprn_confirmed", "address_line1_as_entered",
    "address_line2_as_entered", "town_or_city_as_entered", "county_as_entered", "postcode_full_as_entered",
    "la_as_entered",
}
TODAY = date(2026, 11, 28)


@pytest.fixture(autouse=True)
def today():
    with on(TODAY):
        yield


def _owner():
    return make_organisation(name="Reference Council", provider_type=ProviderType.LA, housing_registration_no="1234")


def _export_lettings(storage, year):
    result = cds_export_run(full=True, collection="lettings", year=year)
    (item,) = result.collections
    return exported_records(storage, item.as_json()["archive"])


def _expected(reference, substitutions, stored_as_dates=()):
    expected = []
    for name, text in reference:
        if name in substitutions:
            text = substitutions[name]
        elif name in NOT_STORED_LETTINGS:
            text = None
        elif name in stored_as_dates:
            text = text[:10] + "T00:00:00" + text[19:]  # the service stores these as dates, not times
        expected.append((name, text))
    return expected


@pytest.mark.django_db
def test_general_needs_2026_log_matches_reference(storage):
    (reference,) = reference_records("general_needs_log_26_27.xml")
    owner = _owner()
    user = make_user(owner, Role.DATA_PROVIDER, email="test1@example.com")
    answers = answers_from_reference(reference, skip=NOT_STORED_LETTINGS)
    log = LettingsLog.objects.create(
        **answers, owning_organisation=owner, managing_organisation=owner, assigned_to=user, created_by=user,
        status=2, rent_type=1, age1_known=0, details_known_2=0, age2_known=0,
    )
    LettingsLog.objects.filter(pk=log.pk).update(created_at=london(2026, 4, 3), updated_at=london(2026, 4, 3))

    (record,) = _export_lettings(storage, 2026)

    expected = _expected(reference, {
        "formid": str(log.pk + 300_000_000_000), "log_id": str(log.pk),
        "owningorgid": str(owner.pk + 300_000_000_000), "owningorgname": "Reference Council",
        "maningorgid": str(owner.pk + 300_000_000_000), "maningorgname": "Reference Council",
    }, stored_as_dates=("mrcdate",))
    assert [name for name, _ in record] == [name for name, _ in expected]
    assert record == expected


@pytest.mark.django_db
def test_supported_housing_log_matches_reference(storage):
    """The 2021 reference log, exported with the fields of the year it is filed in (2026 here)."""
    (reference,) = reference_records("supported_housing_logs.xml")
    owner = _owner()
    user = make_user(owner, Role.DATA_PROVIDER, email="fake@email.com")
    amender = make_user(owner, Role.DATA_PROVIDER, email="other@email.com")
    scheme = make_scheme(owner, sensitive=1, primary_client_group="G", has_other_client_group=1,
                         secondary_client_group="M", intended_stay="M", arrangement_type="D",
                         registered_under_care_act=1, scheme_type=7, support_type=4)
    location = make_location(scheme, units=20, type_of_unit=7, mobility_type="A", old_visible_id="111")
    answers = answers_from_reference(reference)
    answers.update(startdate=date(2026, 5, 2), la="E09000033", household_charge=0, rent_type=1)
    log = LettingsLog.objects.create(
        **answers, owning_organisation=owner, managing_organisation=owner, assigned_to=user, created_by=user,
        updated_by=amender, scheme=scheme, location=location, status=2,
        age1_known=0, details_known_2=0, age2_known=0,
    )
    LettingsLog.objects.filter(pk=log.pk).update(created_at=london(2022, 5, 1), updated_at=london(2022, 5, 1))

    (record,) = _export_lettings(storage, 2026)

    by_name = dict(record)
    # The 2026 list: sexrab/gender instead of sex, no `national`, `offered`, `builtype`, `referral`,
    # `chcharge`, and the 2023+ additions; every element the two share has the reference value.
    assert "unittype_gn" not in by_name
    shared = [(name, None if name in NOT_STORED_LETTINGS else text) for name, text in reference if name in by_name]
    ids = {"formid": str(log.pk + 300_000_000_000), "log_id": str(log.pk),
           "owningorgid": str(owner.pk + 300_000_000_000), "maningorgid": str(owner.pk + 300_000_000_000),
           "owningorgname": owner.name, "maningorgname": owner.name, "scheme": str(scheme.pk),
           "location_code": str(location.pk),
           "startdate": "2026-05-02T00:00:00+01:00", "mrcdate": "2020-05-05T00:00:00+01:00"}
    expected = [(name, ids.get(name, text)) for name, text in shared]
    assert [(name, by_name[name]) for name, _ in shared] == expected
    names = [name for name, _ in record]
    tail = ["amended_by", "unittype_sh", "confidential", "cligrp1", "cligrp2", "intstay", "mantype", "reghome",
            "schtype", "support", "units_scheme", "scheme", "scheme_status", "mobstand", "scheme_old", "units",
            "location_code", "location_status", "renttype_detail", "providertype"]
    assert names[-len(tail):] == tail
    assert len(names) == 204


@pytest.mark.django_db
def test_user_matches_reference(storage):
    (reference,) = reference_records("user.xml")
    org = make_organisation(name="Danny's Homes")
    user = make_user(org, Role.DATA_PROVIDER, name="Danny Rojas", email="danny@example.com",
                     phone="1234512345123", phone_extension="123")
    User.objects.filter(pk=user.pk).update(last_login=london(2022, 3, 3), sign_in_count=5)

    result = cds_export_run(full=True, collection="users")
    records = exported_records(storage, result.collections[0].as_json()["archive"])

    (record,) = [r for r in records if dict(r)["id"] == str(user.pk)]
    expected = dict(reference) | {"id": str(user.pk), "email": "danny@example.com",
                                  "organisation_id": str(org.pk), "organisation_name": "Danny's Homes"}
    assert record == list(expected.items())


@pytest.mark.django_db
def test_organisation_matches_reference(storage):
    (reference,) = reference_records("organisation.xml")
    org = make_organisation(name="MHCLG Reference", provider_type=ProviderType.LA, address_line1="2 Marsham Street",
                            address_line2="London", postcode="SW1P 4DF", housing_registration_no="1234",
                            holds_own_stock=True, dsa_signed=False)

    result = cds_export_run(full=True, collection="organisations")
    records = exported_records(storage, result.collections[0].as_json()["archive"])

    (record,) = [r for r in records if dict(r)["id"] == str(org.pk)]
    # An organisation that has not accepted the data sharing agreement: not signed, no date, no DPO e-mail.
    expected = dict(reference) | {"id": str(org.pk), "name": "MHCLG Reference", "dsa_signed": "false",
                                  "dsa_signed_at": None, "dpo_email": None}
    assert record == list(expected.items())


@pytest.mark.django_db
def test_organisation_status_and_active_follow_deletion_merge_and_deactivation(storage):
    deleted = make_organisation(discarded_at=london(2026, 1, 1))
    merged = make_organisation(merge_date=date(2026, 6, 1))
    inactive = make_organisation(active=False)
    Organisation.objects.filter(pk=deleted.pk).update(discarded_at=london(2026, 1, 1, 12))

    result = cds_export_run(full=True, collection="organisations")
    by_id = {dict(r)["id"]: dict(r) for r in exported_records(storage, result.collections[0].as_json()["archive"])}

    assert (by_id[str(deleted.pk)]["status"], by_id[str(deleted.pk)]["active"]) == ("deleted", "false")
    assert by_id[str(deleted.pk)]["deleted_at"] == "2026-01-01T12:00:00+00:00"
    assert (by_id[str(merged.pk)]["status"], by_id[str(merged.pk)]["merge_date"]) == (
        "merged", "2026-06-01T00:00:00+01:00")
    assert by_id[str(inactive.pk)]["status"] == "deactivated"


@pytest.mark.django_db
def test_organisation_with_an_accepted_agreement_and_a_name_change_matches_reference(storage):
    from domain.models import OrganisationNameChange, Role
    from domain.services.data_sharing import data_sharing_agreement_record

    (reference,) = reference_records("organisation.xml")
    org = make_organisation(name="Ministry Reference", provider_type=ProviderType.LA, address_line1="2 Marsham Street",
                            address_line2="London", postcode="SW1P 4DF", housing_registration_no="1234",
                            holds_own_stock=True, dsa_signed=False)
    officer = make_user(org, Role.DATA_COORDINATOR, email="officer@reference.test", is_dpo=True)
    data_sharing_agreement_record(organisation=org, officer=officer)
    # The export names an organisation as it is called today: the change in force, not the scheduled one.
    OrganisationNameChange.objects.create(organisation=org, name="MHCLG Reference", startdate=date(2026, 4, 1))
    OrganisationNameChange.objects.create(organisation=org, name="Future Reference", startdate=date(2027, 4, 1))

    result = cds_export_run(full=True, collection="organisations")
    records = exported_records(storage, result.collections[0].as_json()["archive"])

    (record,) = [r for r in records if dict(r)["id"] == str(org.pk)]
    expected = dict(reference) | {"id": str(org.pk), "name": "MHCLG Reference",
                                  "dsa_signed_at": "2026-11-28T12:00:00+00:00", "dpo_email": "officer@reference.test"}
    assert record == list(expected.items())


@pytest.mark.django_db
def test_lettings_organisation_names_are_those_on_the_tenancy_start_date(storage):
    from domain.models import OrganisationNameChange

    owner = make_organisation(name="Before Homes")
    OrganisationNameChange.objects.create(organisation=owner, name="After Homes", startdate=date(2026, 6, 1))
    early = make_lettings_log(owner, startdate=date(2026, 5, 2))
    late = make_lettings_log(owner, startdate=date(2026, 6, 2))

    result = cds_export_run(full=True, collection="lettings", year=2026)
    records = exported_records(storage, result.collections[0].as_json()["archive"])
    names = {dict(r)["log_id"]: (dict(r)["owningorgname"], dict(r)["maningorgname"]) for r in records}
    assert names[str(early.pk)] == ("Before Homes", "Before Homes")
    assert names[str(late.pk)] == ("After Homes", "After Homes")
