"""The base every ModelAdmin starts from: unfold's look, simple-history's audit trail (read-only
history pages) and the page for per-object grants (admin_console/grants.py, support only), with
permissions answered by domain.access."""

from django.utils.safestring import SafeData, mark_safe
from django.contrib.admin.utils import unquote
from django.http import Http404
from unfold.admin import ModelAdmin

from admin_console.grants import ObjectGrantsMixin
from admin_console.history import ReadOnlyHistoryAdmin
from admin_console.scoping import ScopedObjectUrlsMixin
from domain import access


class ConsoleModelAdmin(ScopedObjectUrlsMixin, ObjectGrantsMixin, ReadOnlyHistoryAdmin, ModelAdmin):
    """Subclasses declare `editable_fields(request, obj)`; every other form field is read-only.
    Every object URL answers 404 for an object outside `get_queryset` (admin_console/scoping.py)."""

    list_filter_submit = True
    list_fullwidth = False

    def message_user(self, request, message, *args, **kwargs):
        # Django's "… was changed successfully. You may edit it again below." says too much.
        plain = str(message).replace(" You may edit it again below.", "")
        message = mark_safe(plain) if isinstance(message, SafeData) else plain  # Django's links stay links
        return super().message_user(request, message, *args, **kwargs)
    warn_unsaved_form = True
    show_full_result_count = False  # no full COUNT(*) on every page of a large list

    # Django's own change form; the grants tab is shown to those who may manage grants only.
    change_form_template = "admin/change_form.html"
    grants_change_form_template = "admin_console/grants_change_form.html"

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        response = super().render_change_form(request, context, add, change, form_url, obj)
        if change and obj is not None and access.can_manage_grants(request.user, obj):
            response.template_name = self.grants_change_form_template
        return response

    def actions_not_applicable(self, obj) -> set[str]:
        """Detail actions that do not fit the record's state, so have no button (a deactivated record
        offers Reactivate, never Deactivate too). Their URLs still answer, with their own checks."""
        return set()

    def get_actions_detail(self, request, object_id):
        actions = super().get_actions_detail(request, object_id)
        obj = self.get_object(request, unquote(object_id)) if object_id else None
        hidden = self.actions_not_applicable(obj) if obj is not None else set()
        prefix = f"{self.model._meta.app_label}_{self.model._meta.model_name}_"
        return [action for action in actions if action.action_name.removeprefix(prefix) not in hidden]

    def editable_fields(self, request, obj=None) -> tuple[str, ...]:
        return ()

    def get_readonly_fields(self, request, obj=None):
        editable = set(self.editable_fields(request, obj))
        declared = [f for f in self._declared_form_fields(request, obj) if f not in editable]
        return tuple(dict.fromkeys([*super().get_readonly_fields(request, obj), *declared]))

    def _declared_form_fields(self, request, obj):
        if self.fieldsets:
            return [
                field
                for _, options in self.fieldsets
                for line in options["fields"]
                for field in (line if isinstance(line, (list, tuple)) else (line,))
            ]
        return list(self.fields or ())

    def has_module_permission(self, request):
        return access.is_console_user(request.user)

    def get_object_or_404(self, request, object_id):
        # get_queryset is the access scope: outside it an object does not exist (404, never 403).
        obj = self.get_object(request, object_id)
        if obj is None:
            raise Http404("Not found.")
        return obj


class ReadOnlyConsoleAdmin(ConsoleModelAdmin):
    """Lists that nobody edits in the console (reference data, history records)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
