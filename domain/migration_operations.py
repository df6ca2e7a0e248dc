"""Migration operations of our own."""

from __future__ import annotations

from django.db.migrations.operations import AddIndex


class AddPostgresIndex(AddIndex):
    """An index only PostgreSQL can build (a trigram GIN index, a pattern operator class): the model state
    gains it everywhere, the database only on PostgreSQL. SQLite, the demo database, goes without: its
    searches and sorts work the same, only slower on large tables."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
