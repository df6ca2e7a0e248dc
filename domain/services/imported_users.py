"""Users moved in from the original service come without passwords: their first sign-in invites them."""

from __future__ import annotations

from domain.models import User
from domain.models.users import normalise_email
from domain.services.users import user_send_invitation


def imported_user_invite_on_sign_in(email: str | None) -> bool:
    """If this e-mail belongs to an imported user who has not chosen a password yet (and may sign in),
    email them an invitation to choose one and return True; otherwise False (the sign-in fails as usual)."""
    user = (User.objects.select_related("organisation")
            .filter(email__iexact=normalise_email(email), is_active=True, discarded_at__isnull=True,
                    role__isnull=False).exclude(old_user_id="").first())
    if user is None or user.has_usable_password():
        return False
    user_send_invitation(user=user)
    return True
