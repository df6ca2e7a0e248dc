"""user_email_change_request and _confirm: who may ask, what is refused, what the link carries."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from domain.services.user_email import email_change_token, user_email_change_confirm, user_email_change_request

pytestmark = pytest.mark.django_db


def test_provider_cannot_change_another_users_email(provider, coordinator):
    with pytest.raises(PermissionDenied):
        user_email_change_request(user=coordinator, new_email="taken.over@example.com", by=provider)
    coordinator.refresh_from_db()
    assert coordinator.pending_email == ""


def test_the_same_address_in_another_case_is_no_change(coordinator, provider):
    assert user_email_change_request(user=provider, new_email=" PROVIDER@greenfield.test", by=coordinator) is False
    provider.refresh_from_db()
    assert provider.pending_email == "" and mail.outbox == []


def test_a_malformed_address_is_refused_with_what_to_do(coordinator, provider):
    with pytest.raises(ValidationError, match="like name@example.com"):
        user_email_change_request(user=provider, new_email="not an address", by=coordinator)


def test_an_address_in_use_is_refused_in_any_case(coordinator, provider, support):
    with pytest.raises(ValidationError, match="already exists") as refusal:
        user_email_change_request(user=provider, new_email="SUPPORT@mhclg.test", by=coordinator)
    assert "Sam Support" not in str(refusal.value)


def test_confirming_moves_the_pending_address_into_place(coordinator, provider, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        user_email_change_request(user=provider, new_email="pat.new@greenfield.test", by=coordinator)
    provider.refresh_from_db()
    confirmed = user_email_change_confirm(token=email_change_token(user=provider))
    assert confirmed.email == "pat.new@greenfield.test" and confirmed.pending_email == ""
    assert confirmed.pending_email_requested_at is None
    assert provider.history.latest().email == "pat.new@greenfield.test"
