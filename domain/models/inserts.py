"""Inserting many new rows at once, for writes that send no signals (a bulk upload's logs).

On PostgreSQL the rows go in with one `COPY ... FROM STDIN` and take their ids from the table's
sequence first, so each object knows its primary key afterwards, as with `bulk_create`; elsewhere
(SQLite, the embedded default) `bulk_create` does the work.
"""

from __future__ import annotations

from operator import attrgetter

from django.db import connections, router


def insert_new(model, objects: list, *, keep_ids: bool = False) -> None:
    """Insert unsaved instances of `model` and give each its primary key (or, with `keep_ids`, keep the
    one each already has: an import keeping the original service's ids resets the sequence after).
    Timestamps kept by Django (`auto_now`, `auto_now_add`) are set as a save would; values go to the
    database as they are (each must already be of its column's type, as the log pipeline leaves them)."""
    if not objects:
        return
    alias = router.db_for_write(model)
    connection = connections[alias]
    if connection.vendor != "postgresql":
        model._default_manager.using(alias).bulk_create(objects)
        return
    meta = model._meta
    fields = [field for field in meta.concrete_fields if not field.primary_key]
    stamped = [field for field in fields if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)]
    values_of = attrgetter(*(field.attname for field in fields))
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in [meta.pk, *fields])
    with connection.cursor() as cursor:
        if not keep_ids:
            cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                           [meta.db_table, meta.pk.column, len(objects)])
            for instance, (pk,) in zip(objects, cursor.fetchall()):
                instance.pk = pk
        for instance in objects:
            for field in stamped:
                field.pre_save(instance, add=True)
        with cursor.cursor.copy(f"COPY {quote(meta.db_table)} ({columns}) FROM STDIN") as copy:
            for instance in objects:
                copy.write_row((instance.pk, *values_of(instance)))
    for instance in objects:
        instance._state.adding = False
        instance._state.db = alias
