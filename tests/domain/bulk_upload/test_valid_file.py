"""A file in the official layout whose rows are all valid creates one complete log per row."""

from datetime import date
from decimal import Decimal

import pytest
from django.core import mail

from domain.models import CreationMethod, LettingsLog, LogStatus, UploadStatus
from tests.bulk_upload_files import general_needs_row, template_csv

pytestmark = pytest.mark.django_db


def test_valid_rows_create_complete_logs_with_every_answer(upload_file, owner, uploader):
    rows = [general_needs_row(owner, uploader), general_needs_row(owner, uploader, **{"13": "T-2", "41": "R"})]
    upload = upload_file(template_csv(rows))
    assert list(upload.errors.values_list("row", "field_number", "message")) == []
    assert upload.status == UploadStatus.LOGS_CREATED
    assert (upload.rows_total, upload.rows_processed, upload.logs_created) == (2, 2, 2)
    first, second = LettingsLog.objects.order_by("id")
    assert first.status == LogStatus.COMPLETED and second.status == LogStatus.COMPLETED
    assert (first.bulk_upload_id, first.creation_method) == (upload.pk, CreationMethod.BULK_UPLOAD)
    assert (first.owning_organisation, first.managing_organisation, first.assigned_to) == (owner, owner, uploader)
    assert (first.needstype, first.renewal, first.startdate, first.rent_type) == (1, 0, date(2026, 6, 1), 0)
    assert (first.tenancycode, first.propcode, first.declaration) == ("T-1001", "P-2002", 1)
    assert (first.rsnvac, first.first_time_property_let_as_social_housing, first.unitletas) == (13, 0, 1)
    assert (first.address_line1, first.town_or_city, first.postcode_full, first.la) == (
        "1 Test Street", "Sheffield", "S1 2AB", "E08000039")
    assert (first.unittype_gn, first.wchair, first.beds, first.voiddate) == (1, 2, 2, date(2026, 5, 1))
    assert (first.age1_known, first.age1, first.sexrab1, first.ethnic, first.ethnic_group) == (0, 35, "F", 1, 0)
    assert (first.nationality_all_group, first.ecstat1, first.hhmemb) == (826, 1, 1)
    assert (first.housingneeds, first.illness, first.reason, first.prevten, first.ppcodenk) == (2, 2, 50, 3, 1)
    assert (first.cbl, first.cap, first.chr, first.accessible_register) == (1, 0, 0, 0)
    assert (first.referral_register, first.referral_noms) == (6, 4)
    assert (first.net_income_known, first.incfreq, first.earnings, first.hb, first.benefits) == (0, 1, 400, 9, 3)
    assert (first.period, first.brent, first.scharge, first.tcharge) == (1, Decimal("100.00"), Decimal("10.00"),
                                                                         Decimal("110.00"))
    assert (second.age1_known, second.age1, second.tenancycode) == (1, None, "T-2")
    assert mail.outbox[-1].to == [uploader.email]
    assert "2 logs uploaded" in mail.outbox[-1].subject


def test_household_members_come_from_the_person_columns(upload_file, owner, uploader):
    row = general_needs_row(owner, uploader, **{"48": "30", "49": "1", "50": "M", "51": "1", "53": "2"})
    upload = upload_file(template_csv([row]))
    assert upload.status == UploadStatus.LOGS_CREATED, list(upload.errors.values_list("field_number", "message"))
    log = LettingsLog.objects.get()
    assert (log.hhmemb, log.details_known_2, log.age2, log.relat2, log.sexrab2, log.ecstat2) == (2, 0, 30, "P", "M", 2)


def test_columns_in_another_order_are_matched_by_field_number(upload_file, owner, uploader):
    numbers = list(reversed(range(1, 148)))
    upload = upload_file(template_csv([general_needs_row(owner, uploader)], field_numbers=numbers))
    assert upload.status == UploadStatus.LOGS_CREATED
    assert LettingsLog.objects.get().tenancycode == "T-1001"


def test_each_uploaded_log_has_its_creation_history_row_naming_the_uploader(upload_file, owner, uploader):
    upload = upload_file(template_csv([general_needs_row(owner, uploader),
                                       general_needs_row(owner, uploader, **{"13": "T-2"})]))
    assert upload.status == UploadStatus.LOGS_CREATED
    for log in LettingsLog.objects.all():
        created = log.history.get()
        assert (created.history_type, created.history_user, created.tenancycode) == ("+", uploader, log.tenancycode)
