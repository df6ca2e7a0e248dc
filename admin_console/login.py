"""Sign-in: email and password, with plain reasons when an account may not sign in."""

from axes.handlers.proxy import AxesProxyHandler
from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from unfold.forms import AuthenticationForm as UnfoldAuthenticationForm

from domain import access
from domain.services.imported_users import imported_user_invite_on_sign_in

DEACTIVATED_MESSAGE = (
    "Your account has been deactivated. Ask a data coordinator at your organisation, "
    "or the helpdesk, to reactivate it."
)
INVALID_LOGIN_MESSAGE = "Enter a correct email address and password. Both are case-sensitive apart from the email."
LAST_ATTEMPT_MESSAGE = (
    "You have one more attempt before this account is locked for one hour. "
    "If you are not sure of the password, reset it instead."
)
NO_ROLE_MESSAGE = (
    "Your account does not have a role that uses CORE. Ask a data coordinator at your "
    "organisation to give you one."
)

FIRST_SIGN_IN_MESSAGE = (
    "Your account has moved to CORE from the previous service, so it has no password here yet. We have sent "
    "you an email with a link to choose one: follow it, then sign in."
)


class ConsoleAuthenticationForm(UnfoldAuthenticationForm):
    """Unfold's sign-in form (its boxes have a border and background) with the console's wording."""

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "invalid_login": INVALID_LOGIN_MESSAGE,
        "inactive": DEACTIVATED_MESSAGE,
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Email address"
        self.fields["username"].widget.attrs.update(type="email", autocomplete="email")

    def clean(self):
        try:
            return super().clean()
        except forms.ValidationError:
            if imported_user_invite_on_sign_in(self.cleaned_data.get("username")):
                raise forms.ValidationError(FIRST_SIGN_IN_MESSAGE, code="invited")
            raise

    def get_invalid_login_error(self):
        # Axes has already counted this failure (it listens to the failed authenticate call).
        credentials = {"username": self.cleaned_data.get("username")}
        failures = AxesProxyHandler.get_failures(self.request, credentials)
        if failures == settings.AXES_FAILURE_LIMIT - 1:
            return forms.ValidationError(f"{INVALID_LOGIN_MESSAGE} {LAST_ATTEMPT_MESSAGE}", code="last_attempt")
        return super().get_invalid_login_error()

    def confirm_login_allowed(self, user):
        if not user.is_active or user.discarded_at:
            raise forms.ValidationError(DEACTIVATED_MESSAGE, code="inactive")
        if not access.is_console_user(user):
            raise forms.ValidationError(NO_ROLE_MESSAGE, code="no_role")
