"""The home page: what the signed-in user's organisation looks like, or the whole service for support."""

from domain import access
from domain.selectors.organisations import organisation_summary


def dashboard_callback(request, context):
    user = request.user
    if not access.is_console_user(user):
        return context
    context["organisation"] = user.organisation
    context["cards"] = organisation_summary(user)
    return context
