"""Changing a user's email address: the new address must confirm before it takes effect.

Until the link sent to the new address is followed, the user keeps signing in with the old one and
password resets still go there, so whoever changes the address cannot take the account over by
sending a reset to an address they hold. The old address is told of the change at once.
"""

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from domain import access
from domain.services.mail import send_email
from domain.models import User
from domain.models.users import normalise_email

CONFIRMATION_MAX_AGE_SECONDS = 24 * 60 * 60
_SALT = "domain.user_email.change"
EMAIL_IN_USE_MESSAGE = "A user with this email address already exists. Use a different address."
INVALID_LINK_MESSAGE = (
    "This link is not valid. It may have been mistyped, or replaced by a newer one. "
    "Ask whoever changed your email address to change it again to get a new link."
)
EXPIRED_LINK_MESSAGE = (
    "This link has expired: links to confirm an email address last 24 hours. "
    "Ask whoever changed your email address to change it again to get a new link."
)


def email_in_use(email: str, *, apart_from: User | None = None) -> bool:
    """Whether another user signs in with this address (any case)."""
    others = User.objects.filter(email__iexact=normalise_email(email))
    if apart_from is not None:
        others = others.exclude(pk=apart_from.pk)
    return others.exists()


def email_change_token(*, user: User) -> str:
    """A signed token naming the user, their current address and the pending one: it stops working
    once either changes, and after 24 hours."""
    return signing.dumps({"user": user.pk, "from": user.email, "to": user.pending_email}, salt=_SALT)


def email_change_link(*, user: User) -> str:
    path = reverse("email_change_confirm", kwargs={"token": email_change_token(user=user)})
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def _send_change_emails(*, user: User, by: User) -> None:
    who = "you" if by.pk == user.pk else f"{by.name} ({by.organisation.name})"
    addresses = {"new_email": user.pending_email, "old_email": user.email}
    send_email(
        to=user.email, template="email_changed_old_address", personalisation=addresses,
        subject="Your CORE email address is being changed",
        body=(
            f"Hello {user.name},\n\n"
            f"The email address of your CORE account was changed by {who} from {user.email} "
            f"to {user.pending_email}. It changes once the new address is confirmed from the link "
            f"sent to it; until then you still sign in with {user.email}.\n\n"
            "If you did not expect this, tell your data coordinator or the CORE helpdesk straight away."
        ),
    )
    link = email_change_link(user=user)
    send_email(
        to=user.pending_email, template="email_changed_new_address", personalisation={**addresses, "link": link},
        subject="Confirm your new CORE email address",
        body=(
            f"Hello {user.name},\n\n"
            f"Your CORE account's email address is being changed from {user.email} to {user.pending_email}. "
            f"Confirm the new address within 24 hours at:\n\n{link}\n\n"
            f"Until you do, sign in with {user.email}. If you did not expect this email, ignore it."
        ),
    )


@transaction.atomic
def user_email_change_request(*, user: User, new_email: str, by: User) -> bool:
    """Hold `new_email` as the user's pending address and email both addresses: the old one a
    notice, the new one a link to confirm. Returns False (and changes nothing) when the address is
    the one they already have. Refuses an address another user has, without saying whose it is."""
    if "email" not in access.user_editable_fields(by, user):
        raise PermissionDenied("You cannot change this user's email address.")
    new_email = normalise_email(new_email)
    try:
        validate_email(new_email)
    except ValidationError:
        raise ValidationError({"email": "Enter an email address in the right format, like name@example.com."})
    if new_email == user.email:
        return False
    if email_in_use(new_email, apart_from=user):
        raise ValidationError({"email": EMAIL_IN_USE_MESSAGE})
    user.pending_email = new_email
    user.pending_email_requested_at = timezone.now()
    user.save(update_fields=["pending_email", "pending_email_requested_at", "updated_at"])
    transaction.on_commit(lambda: _send_change_emails(user=user, by=by))
    return True


def user_email_change_pending(*, token: str) -> User:
    """The user whose pending address this link confirms; ValidationError with a plain reason when
    the link is tampered with, expired, or no longer matches the account."""
    try:
        claims = signing.loads(token, salt=_SALT, max_age=CONFIRMATION_MAX_AGE_SECONDS)
    except signing.SignatureExpired:
        raise ValidationError(EXPIRED_LINK_MESSAGE, code="expired")
    except signing.BadSignature:
        raise ValidationError(INVALID_LINK_MESSAGE, code="invalid")
    user = User.objects.filter(pk=claims.get("user"), discarded_at__isnull=True, is_active=True).first()
    if user is None or not user.pending_email or (user.email, user.pending_email) != (claims.get("from"), claims.get("to")):
        raise ValidationError(INVALID_LINK_MESSAGE, code="invalid")
    return user


@transaction.atomic
def user_email_change_confirm(*, token: str) -> User:
    """Make the pending address the user's email, as the link's holder has shown they receive it."""
    pending = user_email_change_pending(token=token)
    user = User.objects.select_for_update().get(pk=pending.pk)
    if user.pending_email != pending.pending_email:  # changed again while this request was checked
        raise ValidationError(INVALID_LINK_MESSAGE, code="invalid")
    if email_in_use(user.pending_email, apart_from=user):
        raise ValidationError(
            f"{user.pending_email} is now used by another account, so it cannot be yours. "
            "Ask for your email address to be changed to a different one.",
            code="in_use",
        )
    user.email, user.pending_email, user.pending_email_requested_at = user.pending_email, "", None
    # Only the address changed; other fields are checked where they are edited.
    user.full_clean(exclude=[f.name for f in User._meta.concrete_fields if f.name != "email"])
    user.save(update_fields=["email", "pending_email", "pending_email_requested_at", "updated_at"])
    return user
