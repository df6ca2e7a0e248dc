"""The page the link in an email-change confirmation opens: it shows the change, and a POST makes it.

Anyone holding the link may use it (it proves they receive mail at the new address), signed in or
not; following the link alone changes nothing, so a mail scanner that opens it does no harm.
"""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse

from domain.services.user_email import user_email_change_confirm, user_email_change_pending

TEMPLATE = "registration/email_change_confirm.html"


def _render(request, status=200, **context):
    context = {"site_title": admin.site.site_title, "site_header": admin.site.site_header, **context}
    return TemplateResponse(request, TEMPLATE, context, status=status)


def confirm_view(request, token):
    try:
        if request.method == "POST":
            user = user_email_change_confirm(token=token)
            return _render(request, title="Email address changed", changed=user.email)
        user = user_email_change_pending(token=token)
    except ValidationError as error:
        return _render(request, status=400, title="This link cannot be used", problem=" ".join(error.messages))
    return _render(request, title="Confirm your new email address", old=user.email, new=user.pending_email)
