"""The second factor pages (spec §10): set up an authenticator app, verify a code, or have one emailed.

`SecondFactorMiddleware` sends a signed-in user who must pass the second factor (support, and anyone who
enrolled) here from every other page until they have passed it in this session. A wrong code counts as a
failed sign-in: five lock the account for an hour, as wrong passwords do.
"""

from __future__ import annotations

from axes.handlers.proxy import AxesProxyHandler
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login

from admin_console.login import LAST_ATTEMPT_MESSAGE
from domain.services import second_factor as service

PENDING_DEVICE_KEY = "second_factor_pending_app"
# Paths a signed-in user who has not passed the second factor may still open.
OPEN_PREFIXES = ("/account/", "/static/", "/login/", "/logout/")


class CodeForm(forms.Form):
    code = forms.CharField(label="Code", max_length=16, widget=forms.TextInput(
        attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}))


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return reverse("admin:index")


def _context(request, title, **extra):
    return {"site_title": admin.site.site_title, "site_header": admin.site.site_header, "title": title,
            "next": _next_url(request), **extra}


def _count_failure(request, form, message):
    """A wrong code is a failed sign-in for django-axes; at the limit the account locks and the session
    ends (True). Otherwise the form says so, warning before the last attempt."""
    credentials = {"username": request.user.email}
    user_login_failed.send(sender=__name__, credentials=credentials, request=request)
    if getattr(request, "axes_locked_out", False):
        logout(request)
        return True
    if AxesProxyHandler.get_failures(request, credentials) == settings.AXES_FAILURE_LIMIT - 1:
        message = f"{message} {LAST_ATTEMPT_MESSAGE}"
    form.add_error("code", message)
    return False


def _locked_out(request):
    return render(request, "admin_console/locked_out.html", status=settings.AXES_HTTP_RESPONSE_CODE)


def _verified(request, device):
    otp_login(request, device)
    return redirect(_next_url(request))


@login_required
@require_http_methods(["GET", "POST"])
def verify(request):
    user = request.user
    if not service.second_factor_enrolled(user):
        return redirect(f"{reverse('second_factor_set_up')}?next={_next_url(request)}")
    form = CodeForm(request.POST or None)
    notice = ""
    if request.method == "POST" and "send_email" in request.POST:
        notice = ("We have emailed a code to you. It works for 15 minutes."
                  if service.second_factor_email_code(user=user)
                  else "We emailed a code less than a minute ago. Wait a minute before asking for another.")
        form = CodeForm()
    elif request.method == "POST" and form.is_valid():
        device = service.second_factor_check(user=user, token=form.cleaned_data["code"])
        if device is not None:
            return _verified(request, device)
        if _count_failure(request, form, service.WRONG_CODE_MESSAGE):
            return _locked_out(request)
    return render(request, "registration/second_factor_verify.html",
                  _context(request, "Enter your security code", form=form, notice=notice))


@login_required
@require_http_methods(["GET", "POST"])
def set_up(request):
    user = request.user
    if request.method == "POST" and "use_email" in request.POST:
        service.second_factor_email_code(user=user)
        return redirect(f"{reverse('second_factor_verify')}?next={_next_url(request)}")
    device = service.second_factor_pending_app(user=user, device_id=request.session.get(PENDING_DEVICE_KEY))
    request.session[PENDING_DEVICE_KEY] = device.pk
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = service.second_factor_confirm_app(device=device, token=form.cleaned_data["code"])
        except ValidationError as error:
            if _count_failure(request, form, error.messages[0]):
                return _locked_out(request)
        else:
            request.session.pop(PENDING_DEVICE_KEY, None)
            otp_login(request, device)
            return render(request, "registration/second_factor_backup_codes.html",
                          _context(request, "Your backup codes", codes=codes))
    return render(request, "registration/second_factor_set_up.html", _context(
        request, "Set up your authenticator app", form=form,
        qr_code=mark_safe(service.qr_code_svg(device)),  # generated by qrcode from our own link: no user text
        secret=service.secret_for_typing(device)))


class SecondFactorMiddleware:
    """After django-otp's OTPMiddleware: a signed-in user who must pass the second factor and has not
    done so in this session is sent to it from every page but the account pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated and not request.path.startswith(OPEN_PREFIXES)
                and not user.is_verified() and service.second_factor_required(user)):
            return redirect(f"{reverse('second_factor_verify')}?next={request.get_full_path()}")
        return self.get_response(request)


urlpatterns = [
    path("two-factor/", verify, name="second_factor_verify"),
    path("two-factor/set-up/", set_up, name="second_factor_set_up"),
]
