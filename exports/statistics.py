"""The statisticians' export: logs of every organisation, filtered, in CSV, XLSX or JSON through a
django-import-export Resource built from the same download columns, pseudonymised by default: direct
identifiers are left out, and the ids that remain (and organisation names) become keyed pseudonyms that
join within one file and never across files.

Filters are stored on the CsvDownload as plain JSON (see `apply_filters`). CSV is written a row at a
time; XLSX and JSON are assembled by tablib, so they hold the rows in memory (use CSV for very large
exports).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import tempfile
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils import timezone
from import_export import fields, resources
from import_export.formats import base_formats

from domain import access, collection
from domain.models import CsvDownload

from .csv import logs, registry
from .csv.writer import CHUNK_SIZE, neutralise, spooled_file

LOG_TYPES = ("lettings", "sales")
FORMATS = {"csv": base_formats.CSV, "xlsx": base_formats.XLSX, "json": base_formats.JSON}

# Left out of a pseudonymised export: what names a tenant, a home or a member of staff directly.
DIRECT_IDENTIFIERS = {
    "tenancycode": "tenant code", "propcode": "property reference", "purchid": "purchaser code",
    "address_line1": "address line", "address_line2": "address line", "town_or_city": "address line",
    "county": "address line", "postcode_full": "full postcode", "ppostcode_full": "full postcode",
    "uprn": "UPRN", "uprn_selection": "UPRN", "address_line1_input": "address line",
    "postcode_full_input": "full postcode", "address_line1_as_entered": "address line",
    "address_line2_as_entered": "address line", "town_or_city_as_entered": "address line",
    "county_as_entered": "address line", "postcode_full_as_entered": "full postcode",
    "tenancyother": "free text", "reasonother": "free text", "irproduct_other": "free text",
    **{f"gender_description{n}": "free text" for n in range(1, 9)},
    "created_by": "staff email", "assigned_to": "staff email", "updated_by": "staff email",
    "location_postcode": "full postcode", "location_name": "free text",
}


# Kept in a pseudonymised export, but as pseudonyms: column -> (what it identifies, the log attribute
# holding that record's id; a dotted path follows a relation). Organisation names count as ids: a name
# would undo the organisation's pseudonym.
PSEUDONYMISED = {
    "id": ("log", "pk"),
    "duplicate_set_id": ("duplicate set", "duplicate_set_id"),
    "bulk_upload_id": ("bulk upload", "bulk_upload_id"),
    "owning_organisation_id": ("organisation", "owning_organisation_id"),
    "owning_organisation_name": ("organisation", "owning_organisation_id"),
    "managing_organisation_id": ("organisation", "managing_organisation_id"),
    "managing_organisation_name": ("organisation", "managing_organisation_id"),
    "scheme_owning_organisation_name": ("organisation", "scheme.owning_organisation_id"),
    "created_by_id": ("user", "created_by_id"),
    "assigned_to_id": ("user", "assigned_to_id"),
    "updated_by_id": ("user", "updated_by_id"),
    "scheme_code": ("scheme", "scheme_id"),
    "location_code": ("location", "location_id"),
}
PSEUDONYM_LENGTH = 16  # hex characters: 64 bits, so two records of one file never share one


class Pseudonyms:
    """The pseudonyms of one export: HMAC-SHA256, under a random key made for this export and kept
    nowhere, of what a value identifies and its id. Within the file the same organisation has the same
    pseudonym in every column; another export (even of the same logs) has other pseudonyms, and without
    the key none can be traced back."""

    def __init__(self):
        self._key = secrets.token_bytes(32)

    def of(self, kind: str, record_id) -> str:
        if record_id in (None, ""):
            return ""
        message = f"{kind}:{record_id}".encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()[:PSEUDONYM_LENGTH]

    def getter(self, column_name: str):
        kind, path = PSEUDONYMISED[column_name]

        def pseudonym(log, _context):
            value = log
            for attribute in path.split("."):
                value = getattr(value, attribute)
                if value is None:
                    break
            return self.of(kind, value)

        return pseudonym


def available_columns(log_type: str, year: int) -> list[str]:
    declaration = registry.declaration(log_type, year)
    return [c.header for c in logs.columns(declaration.FORM, declaration, support=True)] + [REVIEW_COLUMN.header]


def export_columns(log_type: str, year: int, *, chosen=None, pseudonymised=True) -> list[logs.LogColumn]:
    declaration = registry.declaration(log_type, year)
    every = logs.columns(declaration.FORM, declaration, support=True)
    chosen = set(chosen or [c.header for c in every] + [REVIEW_COLUMN.header])
    return [c for c in [*every, REVIEW_COLUMN]
            if c.header in chosen and not (pseudonymised and c.name in DIRECT_IDENTIFIERS)]


# Where the log is in review (issue 13): always the last column.
REVIEW_COLUMN = logs.LogColumn("review_state", "review_state",
                               labels=lambda log, context: log.get_review_state_display(),
                               codes=lambda log, context: log.review_state)


def resource_for(cols: list[logs.LogColumn], *, codes: bool, pseudonyms: Pseudonyms | None = None
                 ) -> resources.Resource:
    """A django-import-export Resource whose fields are the download columns; with `pseudonyms`, the
    identifying columns hold pseudonyms instead."""
    context = logs.Context.load()
    attrs = {}
    for position, column in enumerate(cols):
        getter = column.codes if codes else column.labels
        if pseudonyms is not None and column.name in PSEUDONYMISED:
            getter = pseudonyms.getter(column.name)
        attrs[f"column_{position}"] = fields.Field(
            column_name=column.header, readonly=True,
            dehydrate_method=lambda log, get=getter: neutralise(get(log, context)))
    attrs["Meta"] = type("Meta", (), {"export_order": list(attrs), "chunk_size": CHUNK_SIZE})
    return type("LogStatisticsResource", (resources.Resource,), attrs)()


def _date(text):
    return date.fromisoformat(text) if text else None


def apply_filters(logs_qs, filters: dict):
    """Years, status, needs type (lettings), local authority, owning organisation and date ranges. Dates
    are the tenancy start date of a letting and the completion date of a sale."""
    day = logs_qs.model.DATE_FIELD
    years = [int(y) for y in filters.get("years") or []]
    if years:
        span = Q()
        for year in years:
            window = collection.window(year)
            span |= Q(**{f"{day}__gte": window.start, f"{day}__lte": window.end})
        logs_qs = logs_qs.filter(span)
    needs_types = [int(n) for n in filters.get("needstypes") or []] if logs_qs.model.LOG_TYPE == "lettings" else []
    lookups = {
        "status__in": [int(s) for s in filters.get("statuses") or []],
        "needstype__in": needs_types,
        "la__in": filters.get("las") or [],
        "owning_organisation_id__in": [int(o) for o in filters.get("owners") or []],
        f"{day}__gte": _date(filters.get("start_from")),
        f"{day}__lte": _date(filters.get("start_to")),
        "created_at__date__gte": _date(filters.get("created_from")),
        "created_at__date__lte": _date(filters.get("created_to")),
    }
    if filters.get("approved_only"):
        logs_qs = logs_qs.filter(review_state="approved")
    return logs_qs.filter(**{k: v for k, v in lookups.items() if v})


def selected_logs(user, filters: dict):
    log_type = filters.get("log_type", "lettings")
    return apply_filters(access.downloadable_logs(user, log_type), filters)


def build_file(download: CsvDownload):
    """(binary file at its start, data rows, file name) for a statistics download."""
    if not access.can_export_statistics(download.user):
        raise PermissionDenied("Only statisticians and customer support can export statistics.")
    filters = download.filters
    log_type = filters.get("log_type", "lettings")
    years = sorted(int(y) for y in filters.get("years") or registry.years(log_type))
    # The latest chosen year's layout serves every chosen year (each year adds columns).
    layout_year = years[-1]
    declaration = registry.declaration(log_type, layout_year)
    pseudonymised = filters.get("pseudonymised", True)
    cols = export_columns(log_type, layout_year, chosen=filters.get("columns"), pseudonymised=pseudonymised)
    # A new key for every export, dropped with this function's frame: files cannot be joined.
    pseudonyms = Pseudonyms() if pseudonymised else None
    resource = resource_for(cols, codes=filters.get("values") == "codes", pseudonyms=pseudonyms)
    queryset = selected_logs(download.user, filters).select_related(*declaration.RELATED).order_by("pk")
    fmt = filters.get("format", "csv")
    stamp = timezone.localtime().strftime("%Y-%m-%d %H-%M-%S")
    name = f"{log_type}-statistics-{stamp}.{fmt}"
    if fmt == "csv":
        rows = _resource_rows(resource, queryset)
        binary, written = spooled_file(rows)
        return binary, written - 1, name
    dataset = resource.export(queryset)
    data = FORMATS[fmt]().export_data(dataset)
    binary = tempfile.TemporaryFile()
    binary.write(data.encode("utf-8") if isinstance(data, str) else data)
    binary.seek(0)
    return binary, len(dataset), name


def _resource_rows(resource, queryset):
    yield resource.get_export_headers()
    for log in resource.iter_queryset(queryset):
        yield resource.export_resource(log)


def preview_count(user, filters: dict) -> int:
    return selected_logs(user, filters).count()


