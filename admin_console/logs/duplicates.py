"""The duplicate logs pages: the sets a data coordinator or support user may resolve, and one set, where
one log is kept and the others deleted, or a changed log is taken out of the set. The work is done by
domain/services/duplicates.py; who may see what by domain/access."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from admin_console.logs.forms import answer_display
from domain import access
from domain.services import duplicates

# The answers that make logs the same, shown side by side, by log type.
COLUMNS = {
    "lettings": (("tenancycode", "Tenant code"), ("startdate", "Tenancy start date"), ("postcode_full", "Postcode"),
                 ("address_line1", "Address"), ("age1", "Lead tenant's age"), ("sexrab1", "Lead tenant's sex"),
                 ("ecstat1", "Working situation"), ("tcharge", "Total charge")),
    "sales": (("purchid", "Purchaser code"), ("saledate", "Sale completion date"), ("postcode_full", "Postcode"),
              ("address_line1", "Address"), ("age1", "Buyer 1's age"), ("sexrab1", "Buyer 1's sex"),
              ("ecstat1", "Working situation")),
}


def _shown(log, field: str) -> str:
    """An answer as the log's form shows it (a label, a date in words, money with £), or "-"."""
    placed = log.form.questions_for(field)
    return (answer_display(placed[0][1], log) if placed else str(getattr(log, field) or "")) or "-"


def _row(model_admin, log) -> dict:
    return {"log": log, "values": [_shown(log, name) for name, _ in COLUMNS[model_admin.log_type]],
            "url": model_admin.url("change", log.pk),
            "keep_url": f"{model_admin.url('duplicates', log.duplicate_set_id)}?keep={log.pk}"}


def _confirm_keep(model_admin, request, set_id: int, logs):
    """The second look before the others are deleted: the choice is only sent on by POST (with CSRF)."""
    keep = next((log for log in logs if str(log.pk) == request.GET["keep"].strip()), None)
    if keep is None:
        raise Http404("That log is not in this set.")
    others = ", ".join(f"log {log.pk}" for log in logs if log.pk != keep.pk)
    set_url = model_admin.url("duplicates", set_id)
    context = {**model_admin.admin_site.each_context(request), "opts": model_admin.model._meta,
               "title": f"Keep log {keep.pk} and delete the others?",
               "explanation": f"Deletes {others}. The reason is kept in their history; support can restore them.",
               "hidden": {"keep": keep.pk}, "button_label": "Keep this log, delete the others",
               "button_variant": "danger", "cancel_url": set_url}
    return TemplateResponse(request, "admin_console/confirm.html", context)


def duplicates_view(model_admin, request):
    if not access.can_resolve_duplicates(request.user):
        raise PermissionDenied
    logs = access.duplicate_logs(request.user, model_admin.model).select_related("owning_organisation").order_by(
        "duplicate_set_id", "pk")
    sets: dict[int, list] = {}
    for log in logs:
        sets.setdefault(log.duplicate_set_id, []).append(log)
    rows = [{"id": set_id, "owner": members[0].owning_organisation, "logs": ", ".join(f"Log {l.pk}" for l in members),
             "url": model_admin.url("duplicates", set_id)}
            for set_id, members in sets.items() if len(members) > 1]
    context = {**model_admin.admin_site.each_context(request), "opts": model_admin.model._meta, "sets": rows,
               "title": f"Duplicate {model_admin.log_type} logs"}
    return TemplateResponse(request, "admin_console/logs/duplicates.html", context)


def duplicate_set_view(model_admin, request, set_id: int):
    if not access.can_resolve_duplicates(request.user):
        raise PermissionDenied
    logs = list(duplicates.duplicate_set(model_admin.model, set_id=set_id, by=request.user))
    if len(logs) < 2 and request.method == "GET":
        raise Http404("No such duplicate set.")
    if request.method == "GET" and "keep" in request.GET:
        return _confirm_keep(model_admin, request, set_id, logs)
    if request.method == "POST":
        chosen = {str(log.pk): log for log in logs}
        try:
            if "keep" in request.POST:
                # The posted id is only looked up among the set's logs, so any other text finds nothing.
                keep = chosen.get(request.POST["keep"].strip())
                if keep is None:
                    raise ValidationError("Choose one of the logs in this set to keep.")
                deleted = duplicates.duplicate_set_keep(set_id=set_id, keep=keep, by=request.user)
                messages.success(request, f"Kept log {keep.pk} and deleted log {', '.join(map(str, deleted))}.")
                return redirect(model_admin.url("duplicates_list"))
            log = chosen.get(request.POST.get("not_duplicate", "").strip())
            if log is None:
                raise ValidationError("Choose one of the logs in this set.")
            duplicates.duplicate_log_not_duplicate(log=log, by=request.user)
            messages.success(request, f"Log {log.pk} is no longer marked as a duplicate.")
            return redirect(model_admin.url("duplicates_list"))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(model_admin.url("duplicates", set_id))
    context = {**model_admin.admin_site.each_context(request), "opts": model_admin.model._meta,
               "title": f"Duplicate logs: set {set_id}",
               "columns": [label for _, label in COLUMNS[model_admin.log_type]],
               "rows": [_row(model_admin, log) for log in logs]}
    return TemplateResponse(request, "admin_console/logs/duplicate_set.html", context)
