"""A data protection officer reads and accepts the data sharing agreement, and the banner above the
organisation's logs goes."""

import pytest
from playwright.sync_api import expect

from domain.models import DataProtectionConfirmation, Role
from tests.factories import PASSWORD, make_organisation, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_dpo_accepts_the_agreement_and_the_banner_goes(sign_in):
    org = make_organisation(name="Unsigned Homes", dsa_signed=False)
    make_user(org, Role.DATA_COORDINATOR, email="dpo@unsigned.test", name="Dora Officer", is_dpo=True)
    page = sign_in("dpo@unsigned.test", PASSWORD)
    page.goto("/domain/lettingslog/")
    banner = page.get_by_test_id("dsa-banner")
    expect(banner).to_contain_text("you must accept the data sharing agreement")
    banner.get_by_role("link", name="Read the data sharing agreement").click()
    expect(page.get_by_test_id("agreement-status")).to_contain_text("Not accepted yet")
    expect(page.get_by_text("Dora Officer (dpo@unsigned.test)")).to_be_visible()
    page.get_by_role("button", name="Accept this agreement").click()
    expect(page.get_by_test_id("agreement-status")).to_contain_text("Accepted on 28 November 2026 by Dora Officer")
    assert DataProtectionConfirmation.objects.get(organisation=org).confirmed
    page.goto("/domain/lettingslog/")
    expect(page.get_by_test_id("dsa-banner")).to_have_count(0)
