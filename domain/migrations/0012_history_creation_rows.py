"""Give every history-tracked row that has no history at all its creation ("+") row.

Before issue 12, seeded logs were inserted with bulk_create, which records no history, so their first
change showed no difference. A row with no history row was never saved one by one since, so its
values now are its values when created; the row is dated when it was created and names its creator
where the model records one. Rows that already have history are left as they are.
"""

from django.db import migrations
from django.utils import timezone

HISTORY_COLUMNS = {"history_id", "history_date", "history_change_reason", "history_type", "history_user_id"}
REASON = "Creation recorded afterwards: the row was inserted without history"


def tracked_pairs(apps):
    models = {model.__name__: model for model in apps.get_app_config("domain").get_models()}
    for name, history in models.items():
        if name.startswith("Historical") and name.removeprefix("Historical") in models:
            yield models[name.removeprefix("Historical")], history


def add_creation_rows(apps, schema_editor):
    connection = schema_editor.connection
    quote = connection.ops.quote_name
    for model, history in tracked_pairs(apps):
        table_columns = {field.column for field in model._meta.concrete_fields}
        columns = [field.column for field in history._meta.concrete_fields
                   if field.column not in HISTORY_COLUMNS and field.column in table_columns]
        dated = "created_at" in table_columns
        when = f"t.{quote('created_at')}" if dated else "%s"
        user = f"t.{quote('created_by_id')}" if "created_by_id" in table_columns else "NULL"
        listed = ", ".join(quote(column) for column in columns)
        copied = ", ".join(f"t.{quote(column)}" for column in columns)
        table, history_table = quote(model._meta.db_table), quote(history._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {history_table} ({listed}, history_date, history_type, history_change_reason, "
                f"history_user_id) SELECT {copied}, {when}, '+', %s, {user} FROM {table} t "
                f"WHERE NOT EXISTS (SELECT 1 FROM {history_table} h WHERE h.{quote('id')} = t.{quote('id')})",
                [REASON] if dated else [timezone.now(), REASON],
            )


class Migration(migrations.Migration):

    dependencies = [
        ("domain", "0011_run_locks"),
    ]

    operations = [
        migrations.RunPython(add_creation_rows, migrations.RunPython.noop),
    ]
