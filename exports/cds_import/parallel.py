"""Log parts imported by several processes at once (`import_core(..., workers=N)`).

A collection's logs come in parts of up to 10,000 records. Once organisations, users, schemes and locations
are in, the parts no longer depend on each other, and each is imported in its own transaction. With more
than one worker the parts are shared among that many forked processes, each with its own database
connection, one part at a time: the log pipeline's work is spread over the machine's cores.

Only where every part may commit on its own: on PostgreSQL, not in a dry run (one transaction rolled back
at the end) and not inside a caller's transaction, whose rows a new connection could not see.

Each process reports what its parts did; the reports are merged in file order, so the report reads as
if the parts had been imported one after another. When a part fails, its transaction is rolled back, the
processes take no further part, and the first failure in file order is raised. Parts already imported stay
imported, as they would one after another, and running the import again carries on.
"""

from __future__ import annotations

import multiprocessing
import queue
from typing import Callable

from django.db import connection, connections, transaction

from .errors import ImportFailed
from .part import Part
from .report import Report

WAIT_SECONDS = 5  # between checks that the processes are still alive


def can_share(dry_run: bool) -> bool:
    return connection.vendor == "postgresql" and not dry_run and not connection.in_atomic_block


def import_parts_shared(tasks: list, *, workers: int, report: Report, progress: Callable[[str, int], None]) -> None:
    """Import each task (one part of a log archive) in its own transaction, `workers` processes at a time.
    `progress(file, records)` is called as each part is done."""
    context = multiprocessing.get_context("fork")
    todo, results, stop = context.Queue(), context.Queue(), context.Event()
    for index in range(len(tasks)):
        todo.put(index)
    for _ in range(workers):
        todo.put(None)
    connections.close_all()  # a forked process must not share this process's connection
    processes = [context.Process(target=_work, args=(tasks, todo, results, stop), daemon=True)
                 for _ in range(min(workers, len(tasks)))]
    for process in processes:
        process.start()
    done: dict[int, tuple[Report, int]] = {}
    failures: dict[int, ImportFailed] = {}
    running = len(processes)
    while running:
        try:
            message = results.get(timeout=WAIT_SECONDS)
        except queue.Empty:
            if not any(process.is_alive() for process in processes) and results.empty():
                break  # a process ended without saying so (killed): its part is reported below
            continue
        what, index = message[0], message[1]
        if what == "stopped":
            running -= 1
        elif what == "imported":
            done[index] = (message[2], message[3])
            progress(tasks[index].file, message[3])
        else:  # "failed"
            failures[index] = ImportFailed(**message[2])
    for process in processes:
        process.join()
    for index in sorted(done):
        part_report, read = done[index]
        report.merge(part_report)
        report.files.append({"file": tasks[index].file, "kind": tasks[index].kind, "records": read})
    if failures:
        raise failures[min(failures)]
    missing = [task.file for index, task in enumerate(tasks) if index not in done]
    if missing:
        raise ImportFailed("the process importing it stopped before it finished, so nothing from it was kept. "
                           "Run the import again to carry on.", file=missing[0])


def _work(tasks: list, todo, results, stop) -> None:
    """One process: take parts until none is left or another process failed."""
    try:
        while not stop.is_set():
            index = todo.get()
            if index is None:
                break
            task = tasks[index]
            part_report = Report()
            part = Part(task.file, task.opener, part_report, task.reader)
            try:
                with transaction.atomic():
                    task.run(part)
            except ImportFailed as failure:
                results.put(("failed", index, failure.as_json()))
                stop.set()
                break
            except Exception as error:  # reported as the part's failure, not lost with the process
                results.put(("failed", index, {"message": f"it could not be imported ({error.__class__.__name__}: "
                                                          f"{error}).", "file": task.file}))
                stop.set()
                break
            results.put(("imported", index, part_report, part.read))
    finally:
        connections.close_all()
        results.put(("stopped", None))
