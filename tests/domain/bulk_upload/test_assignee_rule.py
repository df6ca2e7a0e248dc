"""Whom an uploaded log may be assigned to: one rule in domain.access, the same for lettings and sales files
(bulk upload B9 and S15, access spec §8.6): a user of the owning or managing organisation, or of an
organisation that absorbed one of them."""

from datetime import date

import pytest

from domain import access
from domain.bulk_upload.rows import UploadContext
from domain.bulk_upload.template import Row
from domain.forms.y2026.lettings import bulk_upload_checks as lettings_checks
from domain.forms.y2026.sales import bulk_upload_checks as sales_checks
from domain.models import LettingsLog, Role, SalesLog
from tests.factories import make_organisation, make_user

pytestmark = pytest.mark.django_db
CHECKS = [(LettingsLog, lettings_checks, 3), (SalesLog, sales_checks, 6)]


@pytest.fixture
def merged(owner):
    """Greenfield Homes (the owner) absorbed Old Homes; Big Group absorbed Greenfield Homes."""
    old = make_organisation(name="Old Homes", absorbing_organisation=owner, merge_date=date(2026, 1, 1))
    group = make_organisation(name="Big Group")
    owner.absorbing_organisation, owner.merge_date = group, date(2026, 12, 1)
    owner.save()
    return {"old": make_user(old, Role.DATA_PROVIDER), "group": make_user(group, Role.DATA_PROVIDER)}


def assignment_errors(model, checks, field, owner, uploader, assignee) -> list[str]:
    log = model(owning_organisation=owner, managing_organisation=owner, assigned_to=assignee)
    row = Row(number=9, raw={field: assignee.email}, values={field: assignee.email}, unreadable=set(), letters={})
    context = UploadContext(upload=None, template=None, uploader=uploader, organisation=owner)
    checks._assigned_to(row, log, context, problems={})
    return [error.message for error in row.errors]


@pytest.mark.parametrize("model, checks, field", CHECKS)
def test_a_user_of_the_organisation_that_absorbed_the_owner_may_hold_the_log(model, checks, field, owner, uploader,
                                                                           merged):
    assert assignment_errors(model, checks, field, owner, uploader, merged["group"]) == []


@pytest.mark.parametrize("model, checks, field", CHECKS)
def test_a_user_of_an_organisation_the_owner_absorbed_may_not_hold_the_log(model, checks, field, owner, uploader,
                                                                          merged):
    errors = assignment_errors(model, checks, field, owner, uploader, merged["old"])
    assert len(errors) == 1 and errors[0].startswith(f"{merged['old'].email} does not belong to the owning")


@pytest.mark.parametrize("model, checks, field", CHECKS)
def test_a_user_of_the_owner_may_hold_the_log(model, checks, field, owner, uploader, merged):
    assert assignment_errors(model, checks, field, owner, uploader, uploader) == []


def test_the_assignee_rule_is_the_access_module_s(owner, uploader, merged):
    def family(user):
        return access.organisation_family_ids(user.organisation_id)

    assert access.assignee_fits_organisations(family(merged["group"]), owner.pk, owner.pk)
    assert not access.assignee_fits_organisations(family(merged["old"]), owner.pk, owner.pk)
    assert access.assignee_fits_organisations(family(uploader), owner.pk, None)
