"""History pages: a record's audit trail (django-simple-history), read-only for everyone.

simple-history's version page is a change form whose POST writes the old version back, whatever the
`SIMPLE_HISTORY_REVERT_DISABLED` setting (that setting only hides the button). Here both history
pages answer GET only, so every write still goes through the change form, its rules and the services.
A record outside the user's scope (the admin's `get_queryset`, which asks domain.access), a missing
record or version, and a model without an audit trail are all "not found".
"""

from django.contrib.admin import helpers
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseNotAllowed
from simple_history.admin import SimpleHistoryAdmin

READ_METHODS = ("GET", "HEAD")
READ_ONLY_MESSAGE = "History is read-only. To change this record, open it and save your changes there."


def has_audit_trail(model) -> bool:
    """Whether simple-history records this model's changes (it set up a history manager on it)."""
    return hasattr(model._meta, "simple_history_manager_attribute")


def read_only() -> HttpResponseNotAllowed:
    return HttpResponseNotAllowed(READ_METHODS, READ_ONLY_MESSAGE, content_type="text/plain; charset=utf-8")


class ReadOnlyHistoryAdmin(SimpleHistoryAdmin):
    """simple-history's history list and version pages, for reading only."""

    def history_view(self, request, object_id, extra_context=None):
        if request.method not in READ_METHODS:
            return read_only()
        obj = self.history_subject(request, object_id)
        return super().history_view(request, str(obj.pk), extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # Refused before anything is looked up: simple-history's POST branch saves the old version.
        if request.method not in READ_METHODS:
            return read_only()
        obj = self.history_subject(request, object_id)
        version = self.history_version(obj, version_id)
        return super().history_form_view(request, str(obj.pk), str(version.pk), extra_context)

    def history_subject(self, request, object_id):
        """The record whose history is asked for, if the user may see it; otherwise not found."""
        if not has_audit_trail(self.model):
            raise Http404("This kind of record has no history.")
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_permission(request, obj):
            raise Http404("Not found.")
        return obj

    def history_version(self, obj, version_id):
        history = getattr(obj, self.model._meta.simple_history_manager_attribute)
        try:
            version_id = history.model._meta.pk.to_python(unquote(version_id))
        except ValidationError:
            raise Http404("Not found.")
        version = history.filter(pk=version_id).first()
        if version is None:
            raise Http404("Not found.")
        return version

    def render_change_form(self, request, context, *args, **kwargs):
        if not has_audit_trail(self.model):
            context["show_history"] = False  # no "History" tab that leads to "not found"
        return super().render_change_form(request, context, *args, **kwargs)

    def render_history_view(self, request, template, context, **kwargs):
        # The version page shows a past version's values as text, not as inputs that look editable.
        adminform = context.get("adminform")
        if adminform is not None:
            fieldsets = list(adminform.fieldsets)
            context["adminform"] = helpers.AdminForm(
                adminform.form, fieldsets, {}, readonly_fields=flatten_fieldsets(fieldsets), model_admin=self,
            )
            context["has_change_permission"] = False
        return super().render_history_view(request, template, context, **kwargs)

    def revert_disabled(self, request, obj=None):
        return True

    def has_change_history_permission(self, request, obj=None):
        return False
