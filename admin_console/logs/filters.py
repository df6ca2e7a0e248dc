"""List filters for logs; every choice list comes from the user's access scope.

A filter value comes from the address bar, so anyone can type anything there: a value a filter cannot
use (`?status=abc`) is ignored, and the list shows as if that filter were not set."""

from datetime import date

from django.contrib import admin
from django.db.models import Q

from domain import access, collection
from domain.models.logs import LogStatus


def whole_number(value) -> int | None:
    """A filter value as a database id or code, or None if it is not one."""
    text = str(value or "").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 9 else None


class CollectionYearFilter(admin.SimpleListFilter):
    title = "collection year"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        current = collection.current_year()
        return [(str(year), f"{year} to {year + 1}") for year in (current, current - 1)]

    def queryset(self, request, queryset):
        year = whole_number(self.value())
        if year is None or not 2000 <= year <= date.max.year - 1:
            return queryset
        field = queryset.model.DATE_FIELD  # the tenancy start date or the sale completion date
        return queryset.filter(**{f"{field}__gte": date(year, 4, 1), f"{field}__lt": date(year + 1, 4, 1)})


class StatusFilter(admin.SimpleListFilter):
    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        choices = [(str(s.value), s.label) for s in (LogStatus.NOT_STARTED, LogStatus.IN_PROGRESS, LogStatus.COMPLETED)]
        if access.is_support(request.user):
            choices.append((str(LogStatus.DELETED.value), "Deleted"))
        return choices

    def queryset(self, request, queryset):
        # Deleted logs are in the admin's queryset only when this filter asks for them.
        status = whole_number(self.value())
        known = {value for value, _ in self.lookup_choices}
        return queryset.filter(status=status) if str(status) in known else queryset


def wants_deleted(request) -> bool:
    return request.GET.get(StatusFilter.parameter_name) == str(LogStatus.DELETED.value)


class OrganisationFilter(admin.SimpleListFilter):
    field = ""

    def lookups(self, request, model_admin):
        if access.sees_everything(request.user):
            organisations = access.visible_organisations(request.user)
        else:
            ids = set(model_admin.get_queryset(request).values_list(f"{self.field}_id", flat=True).distinct()[:200])
            organisations = access.visible_organisations(request.user).model.objects.filter(pk__in=ids)
        return [(str(o.pk), o.name) for o in organisations.order_by("name")[:500]]

    def queryset(self, request, queryset):
        organisation_id = whole_number(self.value())
        return queryset if organisation_id is None else queryset.filter(**{f"{self.field}_id": organisation_id})


class OwningOrganisationFilter(OrganisationFilter):
    title = "owned by"
    parameter_name = "owner"
    field = "owning_organisation"


class ManagingOrganisationFilter(OrganisationFilter):
    title = "managed by"
    parameter_name = "manager"
    field = "managing_organisation"


class AssignedToFilter(admin.SimpleListFilter):
    title = "assigned to"
    parameter_name = "assigned"

    def lookups(self, request, model_admin):
        users = access.visible_users(request.user).filter(is_active=True).order_by("name")[:300]
        return [("you", "You")] + [(str(u.pk), u.name) for u in users if u.pk != request.user.pk]

    def queryset(self, request, queryset):
        user_id = request.user.pk if self.value() == "you" else whole_number(self.value())
        return queryset if user_id is None else queryset.filter(assigned_to_id=user_id)


class CreatedByMeFilter(admin.SimpleListFilter):
    title = "created by"
    parameter_name = "created_by"

    def lookups(self, request, model_admin):
        return [("you", "You")]

    def queryset(self, request, queryset):
        return queryset.filter(created_by=request.user) if self.value() == "you" else queryset


def log_search_q(term: str, codes: tuple[str, ...]) -> Q:
    """Log ID (with or without 'log'), the log type's own reference codes (tenant code and property
    reference, or purchaser code), or postcode (spaces ignored)."""
    term = term.strip()
    query = Q()
    for code in codes:
        query |= Q(**{f"{code}__icontains": term})
    compact = term.replace(" ", "")
    if compact:
        query |= Q(postcode_full__iregex=r"\s*".join(map(_escape, compact)))
    digits = term.lower().removeprefix("log").strip()
    if digits.isdigit():
        query |= Q(pk=int(digits))
    return query


def _escape(character: str) -> str:
    return "\\" + character if not character.isalnum() else character


class BulkUploadFilter(admin.SimpleListFilter):
    """Only the logs of one bulk upload the user may see (arriving from its report)."""

    title = "bulk upload"
    parameter_name = "bulk_upload"

    def _uploads(self, request, model_admin):
        return access.visible_bulk_uploads(request.user).filter(log_type=model_admin.log_type)

    def lookups(self, request, model_admin):
        uploads = self._uploads(request, model_admin).order_by("-created_at")[:30]
        return [(str(upload.pk), f"{upload.file_name} ({upload.created_at:%d/%m/%Y})") for upload in uploads]

    def queryset(self, request, queryset):
        upload_id = whole_number(self.value())
        if upload_id is None:
            return queryset
        uploads = access.visible_bulk_uploads(request.user).values("pk")
        return queryset.filter(bulk_upload_id=upload_id, bulk_upload__in=uploads)


def answer_filter(form, field: str, title: str) -> type[admin.SimpleListFilter]:
    """A filter on one question's answer, its choices the catalogue's labels (never the codes)."""
    question = form.question(field)

    class AnswerFilter(admin.SimpleListFilter):
        parameter_name = field

        def lookups(self, request, model_admin):
            return [(str(option.code), option.label) for option in question.options]

        def queryset(self, request, queryset):
            code = whole_number(self.value())
            return queryset if code is None or code not in question.codes else queryset.filter(**{field: code})

    AnswerFilter.title = title
    AnswerFilter.__name__ = f"{field.capitalize()}Filter"
    return AnswerFilter
