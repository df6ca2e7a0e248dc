"""A file's rows checked by several processes at once.

Checking a row (building its log and running it through the shared pipeline) is nearly all of an upload's
work, and the rows do not depend on each other until their logs are compared and inserted. With
`BULK_UPLOAD_CHECKERS` above one, the rows go in batches to that many forked processes, and come back in
file order, each with its log and evaluation, to the process that owns the upload's transaction: that one
alone finds duplicates, notes errors and inserts the logs, as it does when it checks the rows itself.

The processes are forked once the upload's look-ups and access decisions are in memory, so they make the
same decisions without asking the database again. They are used only where they help and can work: on
PostgreSQL, outside a caller's transaction (whose rows a process with its own connection could not see),
for files of `SHARED_FROM_ROWS` rows or more, and from a process allowed to start others (a django-q2
worker is one with `daemonize_workers` off, as in config/settings.py).
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from contextlib import contextmanager
from itertools import islice
from typing import Callable, Iterable, Iterator

from django.conf import settings
from django.db import connection, connections

from .rows import UploadContext, examine
from .template import Row

BATCH_ROWS = 50  # rows sent to a process at a time
BATCHES_AHEAD = 4  # per process: batches sent before the first of them is waited for (memory stays flat)
SHARED_FROM_ROWS = 400  # smaller files are checked in the upload's own process (starting others costs more)
BATCH_TIMEOUT_S = 600  # a batch not back by then (its process was killed): the upload fails and can be run again

logger = logging.getLogger(__name__)
Checked = tuple[Row, object, object]  # the row (its errors added), its log and evaluation; None, None when blank
Checker = Callable[[Iterable[Row]], Iterator[Checked]]


def checker_count(rows_total: int) -> int:
    """How many processes should check the rows of a file of `rows_total` rows (1: this process alone)."""
    wanted = settings.BULK_UPLOAD_CHECKERS
    if wanted < 2 or rows_total < SHARED_FROM_ROWS:
        return 1
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return 1
    if multiprocessing.current_process().daemon:  # a daemonic process may not start others
        return 1
    return wanted


@contextmanager
def row_checker(context: UploadContext, processes: int) -> Iterator[Checker]:
    """A function turning rows into checked rows, in order. With more than one process, the processes are
    started here (this process's database connections are closed first: a forked process must not share
    them) and stopped on leaving."""
    if processes < 2:
        yield lambda rows: (_check(row, context) for row in rows)
        return
    logger.info("Bulk upload %s: rows checked by %d processes", context.upload.pk, processes)
    connections.close_all()
    pool = multiprocessing.get_context("fork").Pool(processes, initializer=_adopt, initargs=(context,))
    try:
        yield lambda rows: _in_file_order(pool, rows, BATCHES_AHEAD * processes)
    except BaseException:
        pool.terminate()  # batches may still be running: they are not wanted
        raise
    finally:
        pool.close()
        pool.join()


def _in_file_order(pool, rows: Iterable[Row], ahead: int) -> Iterator[Checked]:
    pending: deque = deque()
    rows = iter(rows)
    while batch := list(islice(rows, BATCH_ROWS)):
        pending.append(pool.apply_async(_check_batch, (batch,)))
        if len(pending) >= ahead:
            yield from pending.popleft().get(BATCH_TIMEOUT_S)
    while pending:
        yield from pending.popleft().get(BATCH_TIMEOUT_S)


_context: UploadContext | None = None  # in a checking process: the upload it checks rows for


def _adopt(context: UploadContext) -> None:
    global _context
    _context = context


def _check_batch(batch: list[Row]) -> list[Checked]:
    return [_check(row, _context) for row in batch]


def _check(row: Row, context: UploadContext) -> Checked:
    if row.is_blank():
        return row, None, None
    log, outcome = examine(row, context)
    return row, log, outcome
