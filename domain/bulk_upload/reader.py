"""Reading an uploaded file: the checks made when it arrives, the field-number header row, and a
stream of data rows (one row in memory at a time)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO, Iterator

from domain import collection

from .template import Row, Template, column_letter

MAX_FILE_BYTES = 10 * 1024 * 1024
SNIFF_BYTES = 64 * 1024
# First bytes of files people save by mistake instead of a CSV.
NOT_CSV_SIGNATURES = {
    b"PK\x03\x04": "an Excel workbook (.xlsx) or another zipped file",
    b"\xd0\xcf\x11\xe0": "an old-style Excel workbook (.xls)",
    b"%PDF": "a PDF",
}
SAVE_AS_CSV = "Open it in your spreadsheet program, choose Save As, pick “CSV UTF-8 (comma delimited)” and upload that file."


class FileRejected(ValueError):
    """A file that cannot be processed at all; the message says what to do."""

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason


def check_upload(fileobj: BinaryIO, size: int) -> None:
    """The checks made as a file arrives: not empty, at most 10MB, and text rather than a workbook,
    PDF or other binary file (judged by its content, whatever its name)."""
    if size == 0:
        raise FileRejected("The file is empty. Fill in the template and upload it again.", "blank_template")
    if size > MAX_FILE_BYTES:
        raise FileRejected("The file must be 10MB or less. Split it into smaller files and upload each one.",
                           "too_large")
    start = fileobj.tell() if hasattr(fileobj, "tell") else 0
    sample = fileobj.read(SNIFF_BYTES)
    fileobj.seek(start)
    for signature, what in NOT_CSV_SIGNATURES.items():
        if sample.startswith(signature):
            raise FileRejected(f"The file is {what}, not a CSV file. {SAVE_AS_CSV}", "not_csv")
    text = sample.decode("utf-8", errors="replace")
    unreadable = sum(1 for ch in text if ch == "\ufffd" or (ch < " " and ch not in "\t\r\n"))
    if "\x00" in text or unreadable > max(3, len(text) // 50):
        raise FileRejected(f"The file is not a CSV file: it is not readable text. {SAVE_AS_CSV}", "not_csv")


def records(binary: BinaryIO) -> Iterator[list[str]]:
    """CSV records of a stored file: UTF-8 with or without a BOM (bytes that are not UTF-8 are
    dropped), any line endings."""
    text = io.TextIOWrapper(binary, encoding="utf-8-sig", errors="ignore", newline="")
    yield from csv.reader(text)


@dataclass
class Layout:
    header_index: int  # 0-based record index of the field-number row
    columns: dict[int, int]  # 0-based column index -> field number
    rows_total: int
    first_row: Row | None


def _header_numbers(record: list[str]) -> dict[int, str]:
    return {index: value.strip() for index, value in enumerate(record) if index >= 1}


def read_layout(binary: BinaryIO, template: Template) -> Layout:
    """Find the field-number row and check the file as a whole; raises FileRejected with every problem
    a person must fix before any row is looked at."""
    header_index, columns, rows_total, first_row, any_data = None, {}, 0, None, False
    for index, record in enumerate(records(binary)):
        if header_index is None:
            if record and "field number" in record[0].lower():
                header_index = index
                columns = _field_columns(record, template)
            elif any(cell.strip() for cell in record):
                any_data = True
            continue
        if not record:
            continue
        rows_total += 1
        if any(cell.strip() for cell in record[1:]):
            any_data = True
            if first_row is None:
                first_row = row_from_record(template, columns, record, index + 1)
    if not any_data:
        raise FileRejected("The template is blank. Fill in a row for each log and upload it again.",
                           "blank_template")
    if header_index is None:
        raise FileRejected(
            f"The file has no “Field number” row, so its columns cannot be matched to questions. Use the "
            f"{template.log_type} {template.year} to {template.year + 1} template, keep its header rows "
            "(column A of the last one says “Field number”) and upload it again.", "wrong_template")
    if first_row is None:
        raise FileRejected("The template is blank. Fill in a row for each log below the header rows and upload "
                           "it again.", "blank_template")
    if _wrong_year(first_row, template):
        raise FileRejected(
            f"The dates in the file are not in the {template.year} to {template.year + 1} collection year. "
            f"Check that you used the {template.log_type} template for that year and chose the right year, "
            "then upload the file again.", "wrong_template")
    return Layout(header_index, columns, rows_total, first_row)


def _field_columns(record: list[str], template: Template) -> dict[int, int]:
    columns: dict[int, int] = {}
    seen: dict[int, int] = {}
    problems = []
    for index, value in _header_numbers(record).items():
        if not value.isdigit():
            continue  # extra columns without a field number are ignored
        number = int(value)
        if number not in template.fields:
            problems.append(f"column {column_letter(index)} has field number {value}, which the template "
                            f"does not have (it has 1 to {template.field_count})")
        elif number in seen:
            problems.append(f"field {number} is in both column {column_letter(seen[number])} and column "
                            f"{column_letter(index)}")
        else:
            seen[number] = index
            columns[index] = number
    missing = sorted(set(template.fields) - set(seen))
    if missing and not problems:
        listed = ", ".join(str(n) for n in missing[:10]) + (" and more" if len(missing) > 10 else "")
        problems.append(f"it has {len(seen)} of the template's {template.field_count} fields (missing: {listed})")
    if problems:
        raise FileRejected(
            f"The file does not match the {template.log_type} {template.year} to {template.year + 1} template: "
            + "; ".join(problems) + ". Download the template again, copy your data into it and upload it again.",
            "wrong_template")
    return columns


def column_letters(columns: dict[int, int]) -> dict[int, str]:
    """Field number -> its column's letters (the same for every row of a file)."""
    return {field_number: column_letter(index) for index, field_number in columns.items()}


def row_from_record(template: Template, columns: dict[int, int], record: list[str], number: int,
                    letters: dict[int, str] | None = None) -> Row:
    raw = {field_number: None for field_number in template.fields}
    letters = column_letters(columns) if letters is None else letters
    for index, field_number in columns.items():
        if index < len(record):
            raw[field_number] = record[index] if record[index] != "" else None
    values, unreadable = {}, set()
    for field_number, spec in template.fields.items():
        value, ok = spec.read(raw[field_number])
        values[field_number] = value
        if not ok:
            unreadable.add(field_number)
    return Row(number=number, raw=raw, values=values, unreadable=unreadable, letters=letters)


def data_rows(binary: BinaryIO, template: Template, layout: Layout) -> Iterator[Row]:
    """Every non-empty data row below the field-number row, one at a time."""
    letters = column_letters(layout.columns)
    for index, record in enumerate(records(binary)):
        if index <= layout.header_index or not record:
            continue
        yield row_from_record(template, layout.columns, record, index + 1, letters)


def full_year(value: int | None) -> int | None:
    if value is None:
        return None
    return value + 2000 if 0 <= value < 100 else value


def date_from_parts(day, month, year) -> date | None:
    """A date from three cells; None when a part is blank or they make no real date."""
    if day is None or month is None or year is None:
        return None
    try:
        return date(full_year(year), month, day)
    except (ValueError, OverflowError):
        return None


def _wrong_year(row: Row, template: Template) -> bool:
    day, month, year = (row.get(n) for n in template.date_fields)
    found = date_from_parts(day, month, year)
    return found is not None and collection.collection_year_of(found) != template.year


