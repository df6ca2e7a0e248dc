"""Inviting, deactivating and reactivating users."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from domain import access
from domain.models import User
from domain.services.mail import send_email


def user_set_password_link(*, user: User) -> str:
    """A one-day link where the user chooses a password (Django's password reset token)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def user_send_invitation(*, user: User, reminder: bool = False, reactivated: bool = False) -> None:
    """Email the user a link to choose their password (a reminder when it was sent before; the reactivation
    template when they come back)."""
    link = user_set_password_link(user=user)
    send_email(
        to=user.email,
        template="user_reactivated" if reactivated else "invitation_reminder" if reminder else "invitation",
        subject="Reminder: you have been invited to CORE" if reminder else "You have been invited to CORE",
        body=(
            f"Hello {user.name},\n\n"
            f"You have an account on CORE for {user.organisation.name}. "
            f"Choose your password within 24 hours at:\n\n{link}\n\n"
            f"Then sign in with {user.email}."
        ),
        personalisation={"name": user.name, "email": user.email, "organisation": user.organisation.name,
                         "link": link},
    )


@transaction.atomic
def user_invite(*, user: User, by: User) -> User:
    """Create a user the inviter may create, with no usable password, and email them a link to set one."""
    if not access.can_add_user(by):
        raise PermissionDenied("You cannot invite users.")
    if user.role is not None and user.role not in access.grantable_roles(by):
        raise ValidationError({"role": "You cannot give this role. Ask customer support."})
    if not access.user_organisation_choices(by).filter(pk=user.organisation_id).exists():
        raise ValidationError({"organisation": "You cannot add users to this organisation."})
    user.set_unusable_password()
    user.full_clean()
    user.save()
    transaction.on_commit(lambda: user_send_invitation(user=user))
    return user


@transaction.atomic
def user_deactivate(*, user: User, by: User) -> User:
    """Deactivate a user (not oneself); they can no longer sign in, and a pending email change is dropped."""
    if not access.can_change_user_status(by, user):
        raise PermissionDenied("You cannot deactivate this user.")
    if not user.is_active:
        raise ValidationError(f"{user.name} is already deactivated.")
    user.is_active = False
    user.reactivate_with_organisation = False
    # A pending email change is cancelled (spec §6.3): its link stops working.
    user.pending_email, user.pending_email_requested_at = "", None
    user.save(update_fields=[
        "is_active", "reactivate_with_organisation", "pending_email", "pending_email_requested_at", "updated_at",
    ])
    return user


@transaction.atomic
def user_reactivate(*, user: User, by: User) -> User:
    """Reactivate a user; they choose a new password from a fresh invitation."""
    if not access.can_change_user_status(by, user):
        raise PermissionDenied("You cannot reactivate this user.")
    if user.is_active:
        raise ValidationError(f"{user.name} is already active.")
    user.is_active = True
    user.reactivate_with_organisation = False
    user.save(update_fields=["is_active", "reactivate_with_organisation", "updated_at"])
    transaction.on_commit(lambda: user_send_invitation(user=user, reactivated=True))
    return user
