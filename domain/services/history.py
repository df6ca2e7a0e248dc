"""History rows written in bulk, for changes made to many rows with one UPDATE."""

from __future__ import annotations

from django.db import connection
from django.db.models import QuerySet, Value

from domain.models import User


def history_rows_copied(logs: QuerySet, *, user: User, reason: str, when) -> None:
    """One history row per log, as django-simple-history writes it on a change ("~"), copied from the
    log rows in one INSERT ... SELECT: approving 10,000 logs would otherwise load and write 10,000 logs of
    some 220 columns through Python."""
    history = logs.model.history.model
    own = {"history_id", "history_date", "history_change_reason", "history_type", "history_user_id"}
    copied = [f.attname for f in history._meta.concrete_fields if f.attname not in own]
    extra = {"history_date": Value(when), "history_change_reason": Value(reason), "history_type": Value("~"),
             "history_user_id": Value(user.pk)}
    select = logs.order_by().values(*copied, **{f"set_{name}": value for name, value in extra.items()})
    sql, params = select.query.sql_with_params()
    quote = connection.ops.quote_name
    columns = ", ".join(quote(history._meta.get_field(name).column) for name in [*copied, *extra])
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {quote(history._meta.db_table)} ({columns}) {sql}", params)
