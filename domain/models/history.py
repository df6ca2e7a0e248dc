"""The audit trail: django-simple-history's records, one row per change that means something.

simple-history adds a "Changed" row on every save, even one that changed nothing it records: a
sign-in (Django saves `last_login`, which the user's history leaves out) or a form saved as it was.
Such rows show an empty change and bury the real ones, so `AuditTrail` leaves them out.
"""

from __future__ import annotations

from django.db import connection, models
from django.utils import timezone
from simple_history.models import HistoricalRecords
from simple_history.utils import get_change_reason_from_object


class AuditTrail(HistoricalRecords):
    """HistoricalRecords that record a save only when a recorded value differs from the last row.

    Creation and deletion are always recorded, and so is a save that gives a reason
    (`instance._change_reason`). Timestamps kept by the database (`auto_now`) and the fields named in
    `bookkeeping_fields` (who saved last: the row already names its user) are stored in each row but
    are not a change on their own.
    """

    def __init__(self, *args, bookkeeping_fields: tuple[str, ...] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.bookkeeping_fields = set(bookkeeping_fields)

    def post_save(self, instance, created, using=None, **kwargs):
        if not created and not kwargs.get("raw", False):
            if not self.has_recorded_change(instance, kwargs.get("update_fields")):
                return
        super().post_save(instance, created, using=using, **kwargs)

    def compared_fields(self, instance, update_fields=None) -> list[models.Field]:
        """The recorded fields whose change is worth a row (of those saved, when the save names them)."""
        fields = [
            field for field in self.fields_included(instance)
            if not getattr(field, "auto_now", False) and field.name not in self.bookkeeping_fields
        ]
        if update_fields is not None:
            saved = set(update_fields)
            fields = [field for field in fields if field.name in saved or field.attname in saved]
        return fields

    def has_recorded_change(self, instance, update_fields=None) -> bool:
        """Whether this save changed a value the history records since its last row (or there is no row)."""
        if get_change_reason_from_object(instance):
            return True
        fields = self.compared_fields(instance, update_fields)
        if not fields:
            return False
        if _differs_from_loaded_row(instance, fields):
            return True  # the row changes now: worth a row, whatever was recorded before (no query needed)
        names = [field.attname for field in fields]
        last = (getattr(instance, self.manager_name).order_by("-history_date", "-history_id")
                .values(*names).first())
        if last is None:
            return True
        return any(field.to_python(getattr(instance, field.attname)) != last[field.attname] for field in fields)


def _differs_from_loaded_row(instance, fields: list[models.Field]) -> bool:
    """Whether a recorded value differs from the row the instance was read from (a log keeps the values it
    was loaded with, `loaded_values`; other models do not, and are compared with their last history row)."""
    loaded = getattr(instance, "loaded_values", None)
    if not loaded:
        return False
    return any(field.attname in loaded and field.to_python(getattr(instance, field.attname)) != loaded[field.attname]
               for field in fields)


def copy_to_history(rows: models.QuerySet, *, history_type: str, when=None, reason: str | None = None,
                    user=None, user_field: str | None = None) -> None:
    """One history row for each of `rows`, as simple-history would write it, copied in the database
    (INSERT ... SELECT) for writes that send no signals: `bulk_create` ("+") and queryset updates ("~").

    Loading thousands of wide logs into Python to write them back is what this avoids: seeding and bulk
    approval stay about as fast as the write itself. Who did it is `user`, or the row's own `user_field`
    relation (who created a log); without either there is none."""
    model = rows.model
    history = getattr(model, model._meta.simple_history_manager_attribute).model
    own = {"history_id", "history_date", "history_change_reason", "history_type", "history_user_id"}
    copied = [field.attname for field in history._meta.concrete_fields if field.attname not in own]
    who = (models.F(model._meta.get_field(user_field).attname) if user_field
           else models.Value(getattr(user, "pk", None), output_field=models.IntegerField()))
    extra = {
        "history_date": models.Value(when or timezone.now(), output_field=models.DateTimeField()),
        "history_change_reason": models.Value(reason, output_field=models.CharField()),
        "history_type": models.Value(history_type, output_field=models.CharField()),
        "history_user_id": who,
    }
    select = rows.order_by().values(*copied, **{f"set_{name}": value for name, value in extra.items()})
    sql, params = select.query.sql_with_params()
    quote = connection.ops.quote_name
    columns = ", ".join(quote(history._meta.get_field(name).column) for name in [*copied, *extra])
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {quote(history._meta.db_table)} ({columns}) {sql}", params)
