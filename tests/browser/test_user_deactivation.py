"""A coordinator deactivates a user of their organisation by clicking through the confirmation page."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from domain.models import User
from domain.services.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", verbosity=0)


def test_coordinator_deactivates_a_user_after_confirming(demo, sign_in):
    provider = User.objects.get(email="provider@greenfield.example.com")
    page = sign_in("coordinator@greenfield.example.com", DEMO_PASSWORD)
    page.goto(f"/domain/user/{provider.pk}/change/")
    page.get_by_role("link", name=re.compile("Deactivate user")).click()
    expect(page.get_by_role("heading", name=f"Deactivate {provider.name}?")).to_be_visible()
    provider.refresh_from_db()
    assert provider.is_active  # opening the page changed nothing
    page.get_by_role("button", name="Deactivate").click()
    expect(page.get_by_text(f"{provider.name} was deactivated.")).to_be_visible()
    provider.refresh_from_db()
    assert not provider.is_active
