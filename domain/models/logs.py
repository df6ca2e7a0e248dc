"""What lettings and sales logs have in common: who they belong to, and where they are in their life."""

from __future__ import annotations

import copy
from decimal import Decimal
from functools import cache
from importlib import import_module

from django.conf import settings
from django.db import models
from django.db.models.functions import Replace, Upper

from .base import TimestampedModel
from .organisations import Organisation
from .reviews import ReviewState


class LogStatus(models.IntegerChoices):
    NOT_STARTED = 0, "Not started"
    IN_PROGRESS = 1, "In progress"
    COMPLETED = 2, "Completed"
    PENDING = 3, "Pending"
    DELETED = 4, "Deleted"


STATUS_BY_NAME = {"not_started": LogStatus.NOT_STARTED, "in_progress": LogStatus.IN_PROGRESS,
                  "completed": LogStatus.COMPLETED}
VISIBLE_STATUSES = (LogStatus.NOT_STARTED, LogStatus.IN_PROGRESS, LogStatus.COMPLETED)
# Who saved last is kept in each history row (and names its user), but is no change to a log on its own.
HISTORY_BOOKKEEPING_FIELDS = ("updated_by",)


def searched_code(field: str) -> Upper:
    """A log's reference code as a search matches it, whatever its case (its index is on this expression)."""
    return Upper(field)


def searched_postcode() -> Upper:
    """A log's postcode as a search matches it: upper case without spaces (its indexes are on this expression)."""
    return Upper(Replace("postcode_full", models.Value(" "), models.Value("")))


def list_indexes(prefix: str, columns: dict[str, str]) -> list[models.Index]:
    """An index per column a log list sorts or filters by, with the log ID after it: a sort either way
    (ties broken by log ID in the sort's direction) or a filter's newest-first page reads the index in
    order and stops after a page. Each carries the status (and review states whether the log is deleted),
    which every list filters by, so counting a list's rows reads the index alone. `columns` gives each
    column a short name for its index. Lettings logs needing a new scheme or location are few: a partial
    index finds them."""
    indexes = [models.Index(fields=[column, "id"], include=["status", "discarded_at"] if column == "review_state"
                            else ["status"], name=f"{prefix}_{short}_list_idx") for column, short in columns.items()]
    if prefix == "lettings":
        indexes.append(models.Index(fields=["id"], condition=models.Q(unresolved=True), name="lettings_unresolved_idx"))
    return indexes


def scope_indexes(prefix: str, columns: dict[str, str]) -> list[models.Index]:
    """Indexes for counting within a user's scope: each organisation column, then each of `columns` (short
    names as in list_indexes). A scope is read in two parts (domain.access.visible_log_parts): the logs
    owned within it, and those managed within it but owned elsewhere, so the manager's index carries the
    owner too. Each carries the columns the home page counts by (status, deleted, approved, assignee), so
    that a count reads the index alone, not tens of thousands of table rows."""
    counted = ["status", "discarded_at", "approved_at", "assigned_to"]
    return [index for column, short in columns.items() for index in (
        models.Index(fields=["owning_organisation", column], include=counted, name=f"{prefix}_{short}_owner_idx"),
        models.Index(fields=["managing_organisation", column], include=[*counted, "owning_organisation"],
                     name=f"{prefix}_{short}_manager_idx"),
    )]


def search_indexes(prefix: str, codes: dict[str, str]) -> list[models.Index]:
    """The indexes a log list's search uses: one per reference code (exact, any case; `codes` gives each a
    short name for its index), and on the postcode
    a trigram index (contains) and a pattern index (starts with). The last two are PostgreSQL's own: their
    migration builds them only there (domain.migration_operations.AddPostgresIndex)."""
    from django.contrib.postgres.indexes import GinIndex, OpClass

    return [
        *(models.Index(searched_code(code), name=f"{prefix}_{short}_search_idx") for code, short in codes.items()),
        GinIndex(OpClass(searched_postcode(), name="gin_trgm_ops"), name=f"{prefix}_postcode_trgm_idx"),
        models.Index(OpClass(searched_postcode(), name="text_pattern_ops"), name=f"{prefix}_postcode_prefix_idx"),
    ]


class CreationMethod(models.IntegerChoices):
    SINGLE_LOG = 1, "Single log"
    BULK_UPLOAD = 2, "Bulk upload"


class LogKindIn:
    """A log model's kind (domain.services.log_kind.LogKind): what the shared pipeline does differently for
    this type of log. Read from the named module on first use, as the kind's rules and derived values
    import the models."""

    def __init__(self, module: str):
        self.module = module

    def __get__(self, instance, owner):
        return import_module(self.module).KIND


class LogBase(TimestampedModel):
    """Columns every log has besides its answers. Answer columns come from the form catalogue."""

    owning_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name="owning organisation",
    )
    managing_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name="managing organisation",
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="assigned to",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        editable=False,
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        editable=False,
    )
    status = models.PositiveSmallIntegerField(choices=LogStatus.choices, default=LogStatus.NOT_STARTED,
                                              editable=False, db_index=True)
    status_cache = models.PositiveSmallIntegerField(choices=LogStatus.choices, default=LogStatus.NOT_STARTED,
                                                    editable=False)
    creation_method = models.PositiveSmallIntegerField(choices=CreationMethod.choices,
                                                       default=CreationMethod.SINGLE_LOG, editable=False)
    discarded_at = models.DateTimeField(null=True, blank=True, editable=False)
    deletion_reason = models.TextField(blank=True, editable=False)
    duplicate_set_id = models.PositiveIntegerField(null=True, blank=True, editable=False, db_index=True)
    values_updated_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Where the log is in review (domain.services.reviews changes it, nothing else).
    review_state = models.CharField("review", max_length=16, choices=ReviewState.choices,
                                    default=ReviewState.NOT_SUBMITTED, editable=False)
    approved_at = models.DateTimeField(null=True, blank=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        editable=False,
    )

    LOG_TYPE = ""

    class Meta:
        abstract = True

    @classmethod
    def blank(cls):
        """A new unsaved log with every column at its default, as `cls()` makes it. Django's `cls()` works
        out each of some 200 defaults field by field; this passes them all at once from a row of defaults
        made once per model (callable defaults are still called for each log). Bulk uploads and imports
        start every log this way."""
        values, calls = _blank_row(cls)
        values = values.copy()
        for place, make in calls:
            values[place] = make()
        return cls(*values)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Kept so that rules which depend on what changed in a save can tell (derived values).
        instance._loaded_values = dict(zip(field_names, values))
        return instance

    def copy(self):
        """An independent copy of the log as it stands, with the row it was loaded from (a form may change
        one copy while another is read as saved)."""
        clone = copy.copy(self)
        clone._loaded_values = dict(self.loaded_values)
        return clone

    @property
    def loaded_values(self) -> dict:
        return getattr(self, "_loaded_values", {})

    def reset_loaded_values(self) -> None:
        self._loaded_values = {f.attname: getattr(self, f.attname) for f in self._meta.concrete_fields}

    def refresh_from_db(self, using=None, fields=None, from_queryset=None):
        super().refresh_from_db(using=using, fields=fields, from_queryset=from_queryset)
        # What was just read is the row a later save compares with (a save that changes nothing writes
        # nothing, so a stale copy would hide a change made since).
        refreshed = set(fields) if fields else None
        self._loaded_values = {**self.loaded_values, **{
            f.attname: getattr(self, f.attname) for f in self._meta.concrete_fields
            if refreshed is None or f.name in refreshed or f.attname in refreshed}}

    @property
    def owning_organisation_provider_type(self):
        return self.owning_organisation.provider_type if self.owning_organisation_id else None

    @property
    def is_deleted(self) -> bool:
        return self.discarded_at is not None


def answer_columns(base: type[models.Model], log_type: str) -> dict[str, models.Field]:
    """A field for every column the catalogue's forms of this log type write, except those the
    base model declares itself (relations)."""
    from domain.forms import registry

    declared = {f.attname for f in base._meta.concrete_fields} | {f.name for f in base._meta.concrete_fields}
    labels = registry.column_labels(log_type)
    return {
        name: catalogue_column(kind, max_length, labels.get(name))
        for name, (kind, max_length) in registry.column_specs(log_type).items()
        if name not in declared
    }


# A decimal answer column holds 12 digits, 2 after the point (up to 9,999,999,999.99); an integer one a
# PostgreSQL integer (up to 2,147,483,647). An answer may be at most a hundredth of that, so that what is
# worked out from answers (a total of four charges, the weekly amount of a rent paid over 53 weeks) fits too.
DECIMAL_DIGITS, DECIMAL_PLACES = 12, 2
LARGEST_ANSWER = {"int": Decimal(99_999_999), "decimal": Decimal("99999999.99")}


def catalogue_column(kind: str, max_length: int, label: str | None = None) -> models.Field:
    """The Django field that stores one catalogue column of the given kind, named in words by its
    question (what the history, the read-only fields and the exports show), not by its column."""
    if kind == "int":
        return models.IntegerField(label, null=True, blank=True)
    if kind == "decimal":
        return models.DecimalField(label, max_digits=DECIMAL_DIGITS, decimal_places=DECIMAL_PLACES, null=True, blank=True)
    if kind == "date":
        return models.DateField(label, null=True, blank=True)
    if kind == "bool":
        return models.BooleanField(label, null=True, blank=True, default=False)
    return models.CharField(label, max_length=max_length, blank=True, default="")


@cache
def _blank_row(model) -> tuple[list, list]:
    """Each concrete column's default in order, and the places whose default is called for each log."""
    values, calls = [], []
    for place, field in enumerate(model._meta.concrete_fields):
        if field.has_default() and callable(field.default):
            calls.append((place, field.default))
            values.append(None)
        else:
            values.append(field.get_default())
    return values, calls
