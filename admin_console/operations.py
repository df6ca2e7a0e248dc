"""Third-party admin pages (background jobs, login lockouts) in the console's look, for support only.

Their ModelAdmins ask `user.has_perm`, which domain.auth answers from domain.access (support only);
for everyone else their rows are out of scope, so their object URLs answer 404 like any other.
Their models have no audit trail, so their history pages are "not found" like every other console
model without one (Django's own history page would answer 403, or redirect, instead).
"""

from axes import admin as axes_admin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group
from django_q import admin as q_admin
from django_q.models import Failure, OrmQ, Schedule, Success
from unfold.admin import ModelAdmin

from admin_console.history import ReadOnlyHistoryAdmin
from admin_console.scoping import ScopedObjectUrlsMixin
from domain import access

# Groups are not used: roles and domain.access decide permissions.
admin.site.unregister(Group)

REPLACEMENTS = [
    (Success, q_admin.TaskAdmin),
    (Failure, q_admin.FailAdmin),
    (Schedule, q_admin.ScheduleAdmin),
    (OrmQ, q_admin.QueueAdmin),
    (AccessAttempt, axes_admin.AccessAttemptAdmin),
    (AccessLog, axes_admin.AccessLogAdmin),
    (AccessFailureLog, axes_admin.AccessFailureLogAdmin),
]


class OperationsAdminMixin(ScopedObjectUrlsMixin):
    def get_queryset(self, request):
        rows = super().get_queryset(request)
        return rows if access.can_use_operations(request.user) else rows.none()


for model, original in REPLACEMENTS:
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(
        model, type(original.__name__, (OperationsAdminMixin, ReadOnlyHistoryAdmin, original, ModelAdmin), {}))

# Second-factor devices are set up from the sign-in pages and reset through the users admin, never edited
# as rows (django-otp registers admin pages for them).
from django_otp.plugins.otp_email.models import EmailDevice  # noqa: E402
from django_otp.plugins.otp_static.models import StaticDevice  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

for device_model in (TOTPDevice, StaticDevice, EmailDevice):
    if admin.site.is_registered(device_model):
        admin.site.unregister(device_model)
