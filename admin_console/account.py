"""Password reset pages: the link lasts a day, and using it also lifts a login lockout."""

from axes.utils import reset as axes_reset
from django.contrib import admin
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.template import loader
from django.http import HttpResponseRedirect
from django.urls import path, reverse, reverse_lazy

from admin_console import email_change, second_factor
from domain.services.mail import send_email
from domain.services.password_resets import password_reset_request_allowed


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form, sending through the service's mail path (GOV.UK Notify when configured)."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email,
                  html_email_template_name=None):
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        link = f"{context['protocol']}://{context['domain']}" + reverse(
            "password_reset_confirm", kwargs={"uidb64": context["uid"], "token": context["token"]})
        user = context["user"]
        send_email(to=to_email, template="password_reset", subject=subject, body=body,
                   personalisation={"name": user.name, "email": user.email,
                                    "organisation": user.organisation.name, "link": link})


class PasswordResetView(auth_views.PasswordResetView):
    """Beyond five requests a minute for one address the same "check your email" page is shown but
    nothing is sent, so the page never tells whether the address has an account or was throttled."""

    form_class = PasswordResetForm

    def form_valid(self, form):
        if not password_reset_request_allowed(email=form.cleaned_data["email"]):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        axes_reset(username=form.user.email)
        return response


def _context(title):
    return {"site_title": admin.site.site_title, "site_header": admin.site.site_header, "title": title}


urlpatterns = [
    path(
        "password-reset/",
        PasswordResetView.as_view(
            template_name="registration/password_reset_form.html",
            email_template_name="registration/password_reset_email.txt",
            subject_template_name="registration/password_reset_subject.txt",
            extra_context=_context("Reset your password"),
        ),
        name="admin_password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="registration/password_reset_done.html", extra_context=_context("Check your email")
        ),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        PasswordResetConfirmView.as_view(extra_context=_context("Choose a new password")),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="registration/password_reset_complete.html", extra_context=_context("Password changed")
        ),
        name="password_reset_complete",
    ),
    path("confirm-email/<str:token>/", email_change.confirm_view, name="email_change_confirm"),
    *second_factor.urlpatterns,
]
