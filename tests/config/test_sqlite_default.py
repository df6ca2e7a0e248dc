"""The SQLite default database (`make run`): pages keep working while the job worker holds a long write
transaction. PostgreSQL settings are left as they are."""

import importlib
import threading
import time

import pytest
from django.db.backends.sqlite3.base import DatabaseWrapper

import config.settings


@pytest.fixture
def settings_module(monkeypatch):
    """Re-read config/settings.py under another environment (the running settings are not touched)."""

    def read(database_url=None):
        if database_url is None:
            monkeypatch.delenv("DATABASE_URL", raising=False)
        else:
            monkeypatch.setenv("DATABASE_URL", database_url)
        return importlib.reload(config.settings)

    yield read
    monkeypatch.undo()
    importlib.reload(config.settings)


def test_sqlite_default_uses_wal_immediate_transactions_and_a_busy_timeout(settings_module):
    database = settings_module().DATABASES["default"]
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["OPTIONS"] == {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE",
                                   "timeout": 20}


def test_postgresql_settings_are_unchanged(settings_module):
    database = settings_module("postgres://core:secret@db.example.test/core").DATABASES["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql" and database.get("OPTIONS", {}) == {}


def open_sqlite(options: dict, path):
    """A connection made the way Django makes it from these OPTIONS (timeout, init command), and the
    BEGIN statement Django's atomic() sends under them."""
    wrapper = DatabaseWrapper({**config.settings.DATABASES["default"], "NAME": str(path), "OPTIONS": options})
    connection = wrapper.get_new_connection(wrapper.get_connection_params())
    connection.isolation_level = None  # autocommit; transactions are begun explicitly, as Django does
    return connection, f"BEGIN {wrapper.transaction_mode or ''}".strip()


def test_a_page_reads_and_then_writes_while_the_worker_holds_a_long_write(settings_module, tmp_path):
    options = settings_module().DATABASES["default"]["OPTIONS"]
    path = tmp_path / "db.sqlite3"
    setup, _ = open_sqlite(options, path)
    setup.execute("CREATE TABLE jobs (id INTEGER PRIMARY KEY, who TEXT)")
    assert setup.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    setup.close()
    writing, committed = threading.Event(), []

    def worker():  # one long write transaction, as the bulk upload job holds
        connection, begin = open_sqlite(options, path)
        connection.execute(begin)
        connection.execute("INSERT INTO jobs (who) VALUES ('worker')")
        writing.set()
        time.sleep(1.5)
        connection.execute("COMMIT")
        committed.append(time.monotonic())
        connection.close()

    thread = threading.Thread(target=worker)
    thread.start()
    assert writing.wait(5)
    page, begin = open_sqlite(options, path)
    started = time.monotonic()
    assert page.execute("SELECT count(*) FROM jobs").fetchone()[0] == 0  # at once: nothing committed yet
    assert time.monotonic() - started < 1
    page.execute(begin)  # a read then a write in one transaction waits for the worker instead of failing
    seen = page.execute("SELECT count(*) FROM jobs").fetchone()[0]
    page.execute("INSERT INTO jobs (who) VALUES ('page')")
    page.execute("COMMIT")
    thread.join()
    assert seen == 1 and committed
    assert [who for (who,) in page.execute("SELECT who FROM jobs ORDER BY id")] == ["worker", "page"]
    page.close()
