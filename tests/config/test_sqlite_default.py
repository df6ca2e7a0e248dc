"""The SQLite default database (`make run`): pages keep working while the job worker holds a long write
transaction. PostgreSQL settings are left as they are."""

import threading
import time

import pytest
from django.db.backends.sqlite3.base import DatabaseWrapper

from tests.config.fresh_settings import fresh_settings


@pytest.fixture
def settings_module(monkeypatch):
    """config/settings.py as a process with this DATABASE_URL (or none) would read it."""

    def read(database_url=None):
        if database_url is None:
            monkeypatch.delenv("DATABASE_URL", raising=False)
        else:
            monkeypatch.setenv("DATABASE_URL", database_url)
        return fresh_settings()

    return read


def test_sqlite_default_uses_wal_immediate_transactions_and_a_busy_timeout(settings_module):
    database = settings_module().DATABASES["default"]
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["OPTIONS"] == {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE",
                                   "timeout": 20}


def test_sqlite_default_keeps_sessions_in_files_so_pages_do_not_write_the_database(settings_module):
    module = settings_module()
    assert module.SESSION_ENGINE == "django.contrib.sessions.backends.file"
    assert module.SESSION_FILE_PATH.is_dir() and module.SESSION_SAVE_EVERY_REQUEST


def test_postgresql_settings_are_unchanged(settings_module):
    database = settings_module("postgres://core:secret@db.example.test/core").DATABASES["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql" and database.get("OPTIONS", {}) == {}
    module = settings_module("postgres://core:secret@db.example.test/core")
    assert not hasattr(module, "SESSION_ENGINE")  # Django's default: sessions in the database


def open_sqlite(database: dict, path):
    """A connection made the way Django makes it from these settings (timeout, init command), and the
    BEGIN statement Django's atomic() sends under them."""
    wrapper = DatabaseWrapper({**database, "NAME": str(path)})
    connection = wrapper.get_new_connection(wrapper.get_connection_params())
    connection.isolation_level = None  # autocommit; transactions are begun explicitly, as Django does
    return connection, f"BEGIN {wrapper.transaction_mode or ''}".strip()


def test_a_page_reads_and_then_writes_while_the_worker_holds_a_long_write(settings_module, tmp_path):
    database = settings_module().DATABASES["default"]
    path = tmp_path / "db.sqlite3"
    setup, _ = open_sqlite(database, path)
    setup.execute("CREATE TABLE jobs (id INTEGER PRIMARY KEY, who TEXT)")
    assert setup.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    setup.close()
    writing, committed = threading.Event(), []

    def worker():  # one long write transaction, as the bulk upload job holds
        connection, begin = open_sqlite(database, path)
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
    page, begin = open_sqlite(database, path)
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
