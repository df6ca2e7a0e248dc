"""Support merge two organisations through the console; afterwards a coordinator of the absorbing
organisation sees the absorbed organisation's logs from before the merge."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from domain.models import MergeRequest, Role
from domain.tasks import merge_request_process
from tests.factories import PASSWORD, make_lettings_log, make_organisation, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_support_merges_and_the_absorbing_coordinator_sees_earlier_logs(page, sign_in, sign_in_elsewhere):
    absorbing = make_organisation(name="Absorbing Homes")
    merging = make_organisation(name="Merging Homes")
    make_user(role=Role.SUPPORT, email="support@mhclg.test", name="Sam Support")
    make_user(absorbing, Role.DATA_COORDINATOR, email="al@absorbing.test", name="Al Absorbing")
    make_lettings_log(merging, tenancycode="EARLY-42", startdate=date(2026, 5, 2))

    sign_in("support@mhclg.test", PASSWORD)
    page.goto("/domain/mergerequest/add/")
    page.select_option("select[name=absorbing_organisation]", label="Absorbing Homes")
    page.select_option("select[name=merging_organisations]", label="Merging Homes")
    page.fill("input[name=merge_date]", "01/07/2026")
    page.select_option("select[name=existing_absorbing_organisation]", value="True")
    page.select_option("select[name=has_helpdesk_ticket]", value="False")
    page.get_by_role("button", name=re.compile("^Save$")).first.click()
    merge_request = MergeRequest.objects.get()
    page.goto(f"/domain/mergerequest/{merge_request.pk}/change/")
    expect(page.get_by_test_id("merge-outcome")).to_contain_text("1 lettings log")
    page.get_by_role("link", name=re.compile("Begin merge")).click()
    page.get_by_role("button", name="Begin merge").click()
    expect(page.get_by_text("The merge has started.")).to_be_visible()
    merge_request.refresh_from_db()
    assert merge_request.processing
    merge_request_process(merge_request.pk)  # what a django-q2 worker does with the queued task

    coordinator = sign_in_elsewhere("al@absorbing.test", PASSWORD)
    coordinator.goto("/domain/lettingslog/?year=all")
    expect(coordinator.get_by_text("EARLY-42")).to_be_visible()
