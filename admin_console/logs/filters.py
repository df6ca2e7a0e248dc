"""List filters for logs. What each filter keeps is `domain.selectors.logs` (which the CSV download of a
list uses too); these classes add the choices shown beside the list, each from the user's access scope."""

from __future__ import annotations

from django.contrib import admin
from html import escape

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from unfold.widgets import SELECT_CLASSES

from domain import access, collection
from domain.selectors import logs as listed


class LogListFilter(admin.SimpleListFilter):
    """Keeps the logs `domain.selectors.logs` keeps for this filter's parameter."""

    def queryset(self, request, queryset):
        if self.value() in (None, ""):
            return queryset
        return listed.filters_for(queryset.model.LOG_TYPE)[self.parameter_name](request.user, queryset, self.value())


def wants_deleted(request) -> bool:
    return listed.wants_deleted(request.GET)


class CollectionYearFilter(LogListFilter):
    title = "collection year"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        current = collection.current_year()
        return [(str(year), f"{year} to {year + 1}") for year in (current, current - 1)]


class StatusFilter(LogListFilter):
    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [(str(status.value), status.label) for status in listed.status_choices(request.user)]


class SelectFilter(LogListFilter):
    """A filter with many choices (organisations, users), shown as one drop-down list in the filter form
    rather than a link per choice: its HTML is put together in one pass, so a list offering a thousand
    organisations renders as quickly as one offering ten."""

    template = "admin_console/logs/select_filter.html"

    def choices(self, changelist):
        current = self.value() or ""
        # Escaped here (the standard library's escape, as Django's own does), a few microseconds an option.
        options = "".join(f'<option value="{escape(str(value))}"{" selected" if str(value) == current else ""}>'
                          f"{escape(str(label))}</option>" for value, label in [("", "All"), *self.lookup_choices])
        yield {"select": format_html('<select name="{}" id="filter_{}" class="{}">{}</select>', self.parameter_name,
                                     self.parameter_name, " ".join(SELECT_CLASSES), mark_safe(options))}


class OrganisationFilter(SelectFilter):
    role = ""

    def lookups(self, request, model_admin):
        organisations = access.log_organisation_choices(request.user, self.role)
        return [(str(pk), name) for pk, name in organisations.order_by("name").values_list("pk", "name")[:2000]]


class OwningOrganisationFilter(OrganisationFilter):
    title = "owned by"
    parameter_name = "owner"
    role = "owning"


class ManagingOrganisationFilter(OrganisationFilter):
    title = "managed by"
    parameter_name = "manager"
    role = "managing"


class AssignedToFilter(SelectFilter):
    title = "assigned to"
    parameter_name = "assigned"

    def lookups(self, request, model_admin):
        users = access.visible_users(request.user).filter(is_active=True).exclude(pk=request.user.pk)
        return [("you", "You")] + [(str(pk), name) for pk, name in users.order_by("name").values_list("pk", "name")[:300]]


class CreatedByMeFilter(LogListFilter):
    title = "created by"
    parameter_name = "created_by"

    def lookups(self, request, model_admin):
        return [("you", "You")]


class BulkUploadFilter(LogListFilter):
    """Only the logs of one bulk upload the user may see (arriving from its report)."""

    title = "bulk upload"
    parameter_name = "bulk_upload"

    def lookups(self, request, model_admin):
        uploads = (access.visible_bulk_uploads(request.user).filter(log_type=model_admin.log_type)
                   .order_by("-created_at")[:30])
        return [(str(upload.pk), f"{upload.file_name} ({upload.created_at:%d/%m/%Y})") for upload in uploads]


def answer_filter(field: str, title: str) -> type[LogListFilter]:
    """A filter by one answer, its choices the catalogue's answers to that question (no look at the logs)."""

    def lookups(self, request, model_admin):
        from admin_console.logs.base import latest_form

        questions = latest_form(model_admin.log_type).questions_for(field)
        options = {str(option.code): option.label for _, question in questions for option in question.options}
        return list(options.items())

    return type(f"{field.capitalize()}Filter", (LogListFilter,),
                {"title": title, "parameter_name": field, "lookups": lookups})
