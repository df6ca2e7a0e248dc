"""The checks only a bulk upload makes, one by one: each names the field and says what to do."""

import pytest

from domain.models import LettingsLog, ProviderType, Role, UploadStatus
from tests.bulk_upload_files import general_needs_row, template_csv
from tests.factories import make_location, make_organisation, make_scheme, make_user, relate

pytestmark = pytest.mark.django_db


def first_row_errors(upload):
    return {e.field_number: (e.message, e.category) for e in upload.errors.filter(row=9)}


@pytest.fixture
def check(upload_file, owner, uploader):
    def run(**cells):
        upload = upload_file(template_csv([general_needs_row(owner, uploader, **cells)]))
        return upload, first_row_errors(upload)

    return run


def test_owning_organisation_not_related_to_the_uploader(check):
    stranger = make_organisation(name="Faraway Homes", holds_own_stock=True)
    upload, errors = check(**{"1": f"ORG{stranger.pk}"})
    assert errors[1] == ("Faraway Homes is not a stock owner you are allowed to add logs for. Check the owning "
                         "organisation code, or ask a coordinator to add the stock owner relationship.", "setup")
    assert upload.status == UploadStatus.IMPORTANT_ERRORS
    assert not LettingsLog.objects.exists()


def test_a_stock_owner_of_the_uploader_may_own_the_log(upload_file, owner, uploader):
    parent = make_organisation(name="Parent Homes", holds_own_stock=True)
    relate(parent, owner)
    upload = upload_file(template_csv([general_needs_row(owner, uploader, **{"1": f"ORG{parent.pk}"})]))
    assert upload.status == UploadStatus.LOGS_CREATED, first_row_errors(upload)
    assert LettingsLog.objects.get().owning_organisation == parent


def test_owning_organisation_blank_or_unknown_or_without_stock(check):
    assert check(**{"1": None})[1][1][0].startswith("Enter the owning organisation’s code")
    assert check(**{"1": "ORG0"})[1][1][0].startswith("No organisation has this code")
    agent = make_organisation(name="Agent Only", holds_own_stock=False)
    assert check(**{"1": f"ORG{agent.pk}"})[1][1][0].startswith("Agent Only does not own housing stock")


def test_managing_organisation_without_a_relationship(check):
    agent = make_organisation(name="Stranger Agents", holds_own_stock=False)
    upload, errors = check(**{"2": f"ORG{agent.pk}"})
    assert errors[2] == ("Stranger Agents does not manage lettings for Greenfield Homes. Check both organisation "
                         "codes, or ask a coordinator to add the managing agent relationship.", "setup")


def test_assigned_user_not_in_the_organisations_blocks_the_file(check, other_provider):
    upload, errors = check(**{"3": other_provider.email})
    assert errors[3][0].startswith("provider@unrelated.test does not belong to the owning or the managing")
    assert upload.status in (UploadStatus.BLOCKED, UploadStatus.IMPORTANT_ERRORS)
    assert not LettingsLog.objects.exists()


def test_unknown_email_leaves_the_log_with_the_uploader(check, uploader):
    from domain.services.bulk_uploads import bulk_upload_create_logs

    upload, errors = check(**{"3": "nobody@nowhere.test"})
    assert errors[3] == ("No user has this email address. Check it; until then the log will be assigned to you.", "")
    assert upload.status == UploadStatus.CRITICAL_ERRORS
    bulk_upload_create_logs(upload=upload, by=uploader)
    assert LettingsLog.objects.get().assigned_to == uploader


def test_start_date_outside_the_collection_year_in_a_later_row(upload_file, owner, uploader):
    rows = [general_needs_row(owner, uploader), general_needs_row(owner, uploader, **{"10": "2025", "13": "T-2"}),
            general_needs_row(owner, uploader, **{"10": "202", "13": "T-3"})]
    upload = upload_file(template_csv(rows))
    assert {e.message for e in upload.errors.filter(row=11, field_number=10)} == {
        "Enter the tenancy start year as 2 or 4 digits, for example 26 or 2026."}
    messages = {e.field_number: e.message for e in upload.errors.filter(row=10)}
    assert messages[8] == ("Enter a tenancy start date in the 2026 to 2027 collection year, between 1 April 2026 and "
                           "31 March 2027.")
    assert upload.status == UploadStatus.IMPORTANT_ERRORS


def test_two_digit_years_and_impossible_dates(check):
    upload, errors = check(**{"10": "26"})
    assert upload.status == UploadStatus.LOGS_CREATED
    upload, _ = check(**{"10": "202", "13": "T-2"})
    assert upload.status == UploadStatus.WRONG_TEMPLATE  # the first row's date is not in 2026 to 2027
    assert check(**{"8": "31", "9": "2", "10": "2027"})[1][8][0].startswith("The tenancy start date is not a real date")


def test_supported_housing_scheme_and_location_codes(upload_file, owner, uploader):
    scheme = make_scheme(owner)
    location = make_location(scheme)
    other_scheme = make_scheme(make_organisation(name="Elsewhere"))
    cells = {"4": "2", "5": f"S{scheme.pk}", "6": str(location.pk), "23": "S70", "24": "2TA",  # the location's
             "26": None, "27": None, "28": None, "35": "3",
             "140": "0"}
    upload = upload_file(template_csv([general_needs_row(owner, uploader, **cells)]))
    assert not any(e.field_number in (5, 6) for e in upload.errors.all()), first_row_errors(upload)
    bad = upload_file(template_csv([general_needs_row(owner, uploader, **{**cells, "5": f"S{other_scheme.pk}",
                                                                          "13": "T-3"})]))
    assert first_row_errors(bad)[5][0].startswith("This scheme code does not belong to the owning or the managing")


def test_age_must_be_a_number_or_r(check):
    assert check(**{"41": "thirty"})[1][41][0] == ("Enter the age of the lead tenant as a number, or R if they prefer "
                                                   "not to say.")
    assert check(**{"48": "x", "50": "M"})[1][48][0].startswith("Enter the age of person 2")


def test_disabled_access_needs_cannot_be_none_and_a_need(check):
    errors = check(**{"94": "1"})[1]
    assert errors[98][0].startswith("Disabled access needs cannot be “no” or “don’t know” as well as a specific need")
    assert 94 in errors


def test_a_cell_that_is_not_a_number_is_asked_for_again(check):
    upload, errors = check(**{"26": "flat"})
    assert errors[26] == ("Enter a valid value for “What type of unit is the property?”: see the template for the "
                          "answers it takes.", "")


def test_charges_must_all_be_given(check):
    errors = check(**{"143": None})[1]
    assert errors[143][0] == "Enter the service charge; enter 0 if there is none."
    assert errors[142][0].startswith("Enter all four charges")


def test_renewal_needs_an_end_of_tenancy_reason(check):
    errors = check(**{"7": "1", "113": "9"})[1]
    assert errors[113][0].startswith("For a renewal, the reason for leaving the last settled home must be")


def test_support_uploads_for_an_organisation_and_must_name_the_assignee(upload_file, owner, support):
    from domain.services.bulk_uploads import bulk_upload_process, bulk_upload_start
    import io

    data = template_csv([general_needs_row(owner, support, **{"3": None})])
    upload = bulk_upload_start(by=support, log_type="lettings", year=2026, fileobj=io.BytesIO(data),
                               file_name="f.csv", size=len(data), organisation=owner, queue=False)
    upload = bulk_upload_process(upload=upload)
    assert first_row_errors(upload)[3] == ("Enter the email address of the user to assign the log to.", "setup")


def test_a_local_authority_owner_uses_the_local_authority_referral_field(upload_file, uploader):
    council = uploader.organisation
    council.provider_type, council.profit_status = ProviderType.LA, 3
    council.save()
    row = general_needs_row(council, uploader, **{"132": None, "133": None, "131": "3"})
    upload = upload_file(template_csv([row]))
    assert upload.status == UploadStatus.LOGS_CREATED, first_row_errors(upload)
    wrong = upload_file(template_csv([general_needs_row(council, uploader, **{"13": "T-5"})]))
    assert first_row_errors(wrong)[131][0].startswith("The referral answers do not fit together")


def test_statistician_cannot_upload(statistician):
    from django.core.exceptions import PermissionDenied
    import io

    from domain.services.bulk_uploads import bulk_upload_start

    with pytest.raises(PermissionDenied):
        bulk_upload_start(by=statistician, log_type="lettings", year=2026, fileobj=io.BytesIO(b"x"), file_name="f.csv",
                          size=1, queue=False)


def test_provider_of_another_organisation_is_not_allowed_to_pick_the_organisation(owner):
    provider = make_user(make_organisation(), Role.DATA_PROVIDER)
    from domain import access

    assert list(access.bulk_upload_organisation_choices(provider)) == [provider.organisation]
