"""Bulk upload with the look-ups on (a local fake server): each distinct postcode is looked up once per
upload, the postcode's local authority wins over the file's (which is kept as entered), a UPRN fills
the address, and an outage never stops the upload."""

import pytest

from domain.models import LettingsLog, UploadStatus
from tests.bulk_upload_files import general_needs_row, template_csv
from tests.factories import make_local_authority
from tests.fake_lookups import dpa, fake_lookups  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db
SHEFFIELD, LEEDS = "E08000039", "E08000035"


@pytest.fixture
def services(fake_lookups):
    make_local_authority(code=SHEFFIELD, name="Sheffield", start_date="2025-04-01")
    make_local_authority(code=LEEDS, name="Leeds", start_date="2000-04-01")
    fake_lookups.add_postcode("S1 2AB", SHEFFIELD, "Sheffield")
    fake_lookups.add_address(dpa("200001234567", "7", "Fargate", "Sheffield", "S1 2AB"))
    return fake_lookups


def rows(owner, uploader, count, **fields):
    return [general_needs_row(owner, uploader, **{"13": f"T-{n}", **fields}) for n in range(count)]


def test_a_postcode_shared_by_every_row_is_looked_up_once(services, upload_file, owner, uploader):
    upload = upload_file(template_csv(rows(owner, uploader, 6, **{"25": LEEDS})))

    assert upload.status == UploadStatus.LOGS_CREATED, list(upload.errors.values_list("field_number", "message"))
    assert len(services.calls("/postcodes/")) == 1
    log = LettingsLog.objects.first()
    assert (log.la, log.is_la_inferred, log.la_as_entered) == (SHEFFIELD, True, LEEDS)
    assert (log.address_line1_as_entered, log.town_or_city_as_entered, log.postcode_full_as_entered) == (
        "1 Test Street", "Sheffield", "S1 2AB")
    assert (log.address_line1_input, log.postcode_full_input) == ("1 Test Street, Sheffield", "S1 2AB")


def test_without_a_local_authority_in_the_file_the_postcode_gives_it(services, upload_file, owner, uploader):
    upload = upload_file(template_csv(rows(owner, uploader, 2, **{"25": None})))

    assert upload.status == UploadStatus.LOGS_CREATED, list(upload.errors.values_list("field_number", "message"))
    assert set(LettingsLog.objects.values_list("la", "is_la_inferred")) == {(SHEFFIELD, True)}


def test_an_outage_carries_on_with_the_local_authority_the_file_gives(services, upload_file, owner, uploader):
    services.failing = "500"

    upload = upload_file(template_csv(rows(owner, uploader, 3)))

    assert upload.status == UploadStatus.LOGS_CREATED, list(upload.errors.values_list("field_number", "message"))
    assert set(LettingsLog.objects.values_list("la", "is_la_inferred")) == {(SHEFFIELD, False)}
    assert len(services.calls()) == 1  # asked once, then not again for this upload


def test_an_outage_asks_for_the_local_authority_when_the_file_has_none(services, upload_file, owner, uploader):
    services.failing = "garbage"

    upload = upload_file(template_csv(rows(owner, uploader, 1, **{"25": None})))

    assert upload.status == UploadStatus.CRITICAL_ERRORS
    assert list(upload.errors.values_list("field_number", "category")) == [(25, "not_answered")]


def test_a_uprn_fills_the_address_from_the_address_service(services, upload_file, owner, uploader):
    row = general_needs_row(owner, uploader, **{"18": "200001234567", "19": "Flat 1", "21": "Elsewhere",
                                                "23": "LS1", "24": "1UR"})
    upload = upload_file(template_csv([row]))

    assert upload.status == UploadStatus.LOGS_CREATED, list(upload.errors.values_list("field_number", "message"))
    log = LettingsLog.objects.get()
    assert (log.uprn, log.address_line1, log.town_or_city, log.postcode_full, log.la) == (
        "200001234567", "7 Fargate", "Sheffield", "S1 2AB", SHEFFIELD)
    assert (log.uprn_known, log.uprn_confirmed, log.address_line1_as_entered) == (1, 1, "")
    assert len(services.calls("/uprn?")) == 1


def test_a_uprn_the_service_does_not_know_is_an_error_on_its_field(services, upload_file, owner, uploader):
    upload = upload_file(template_csv([general_needs_row(owner, uploader, **{"18": "999999999999"})]))

    assert list(upload.errors.values_list("field_number", "message")) == [
        (18, "UPRN is not recognised. Check the number, or enter the address instead.")]
