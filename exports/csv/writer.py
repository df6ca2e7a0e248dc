"""The file format every CSV download shares (spec csv-downloads §4).

UTF-8 with a byte order mark (so spreadsheets detect UTF-8), commas, `\n` line ends, fields quoted
only when they need it. Cells that a spreadsheet would run as a formula are made text. Rows are
written as they come, so a download of any size takes the same memory.
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Iterable, Iterator

BOM = "\ufeff"
UNSAFE_STARTS = ("=", "+", "-", "@")
SEPARATOR = "\x1f"
UNSAFE_MARKS = tuple(SEPARATOR + start for start in UNSAFE_STARTS)
CHUNK_SIZE = 2000  # rows fetched from the database at a time


def safe_cells(row):
    """The row with every cell neutralised. A row of text is first searched as one string for a cell
    start that needs it (most rows have none), rather than cell by cell."""
    try:
        joined = SEPARATOR + SEPARATOR.join(row)
    except TypeError:  # not all text
        return [neutralise(value) for value in row]
    if not any(mark in joined for mark in UNSAFE_MARKS):
        return row
    return [value if value[:1] not in UNSAFE_STARTS else neutralise(value) for value in row]


def neutralise(value) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas; a leading ' keeps them text.

    Negative numbers are numbers, not formulas, so a value that parses as one is left alone
    (codes such as -9 for "not known" must stay comparable)."""
    text = "" if value is None else str(value)
    if not text.startswith(UNSAFE_STARTS):
        return text
    if text[0] == "-" and _is_number(text):
        return text
    return "'" + text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _writer(out):
    return csv.writer(out, lineterminator="\n")


def write_rows(out, rows: Iterable[list]) -> int:
    """Write the BOM and every row (the first is taken as given, the rest neutralised) to a text
    file; returns how many rows were written."""
    out.write(BOM)
    writer = _writer(out)
    count = 0
    for count, row in enumerate(rows, start=1):
        writer.writerow(safe_cells(row))
    return count


class _Echo:
    def write(self, value):
        return value


def stream(rows: Iterable[list]) -> Iterator[str]:
    """CSV text a line at a time, starting with the BOM: for streaming HTTP responses."""
    writer = _writer(_Echo())
    yield BOM
    for row in rows:
        yield writer.writerow(safe_cells(row))


def spooled_file(rows: Iterable[list], *, on_row=None):
    """Write rows to an anonymous temporary file (on disk, never a list in memory); returns the
    binary file positioned at its start and the number of rows written (headers included)."""
    binary = tempfile.TemporaryFile()
    text = io.TextIOWrapper(binary, encoding="utf-8", newline="")
    count = write_rows(text, _counting(rows, on_row) if on_row else rows)
    text.flush()
    text.detach()
    binary.seek(0)
    return binary, count


def _counting(rows, on_row):
    for number, row in enumerate(rows, start=1):
        on_row(number)
        yield row
