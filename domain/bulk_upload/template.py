"""How a year's template is declared: each field number says which catalogue columns it feeds.

A template is data (a field map) plus two functions of its year: `build(row, context)` turns one row of
typed cells into answers in catalogue names and codes, and `checks(row, log, context)` adds the
bulk-only checks. Everything else (reading, error mapping, duplicates, outcomes) is shared.

Most fields fill one question each: the question names its field (`Question(..., bulk=137)`), and
`question_cells` makes those cells from the form, `question_answers` reads them. A year's template adds
the cells that are not one question's answer (dates in parts, ages, ticked needs), and its `build` reads
those with named hooks.
The blank file people download has header rows made from the declaration (`blank_template_csv`).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, Callable

from domain.forms.catalogue import LOCATION, ORGANISATION, SCHEME, TEXT, USER, Form

INT, DEC, STR = "int", "dec", "str"


@dataclass(frozen=True)
class Cell:
    """One field of the template: its type and the catalogue columns its answer ends up in (errors
    on those columns are reported on this field)."""

    kind: str = INT
    columns: tuple[str, ...] = ()
    label: str = ""  # the question in words, when the catalogue has no single question for it
    upper: bool = False  # read case-insensitively ("r" is "R")
    answers: bool = False  # its value is the answer to its one question (made by question_cells)
    codes: dict | None = field(default=None, compare=False)  # template code -> catalogue code, when they differ

    def answer(self, row: Row, number: int):
        """The answer this cell gives its question: text as typed (trimmed), otherwise the typed value,
        through `codes` (a code outside them stays as it is, so that the option check reports it)."""
        if self.kind == STR and not self.upper:
            raw = row.raw.get(number)
            value = raw.strip() if raw and raw.strip() else None
        else:
            value = row.values.get(number)
        if value is not None and self.codes:
            return self.codes.get(value, value)
        return value

    def read(self, raw: str | None) -> tuple[Any, bool]:
        """The typed value of a cell and whether it could be read."""
        if raw is None or raw.strip() == "":
            return None, True
        text = raw.strip()
        if self.kind == INT:
            try:
                return int(text, 10), True
            except ValueError:
                try:  # "3.0" from a spreadsheet is a whole number
                    number = Decimal(text)
                except InvalidOperation:
                    return None, False
                return (int(number), True) if number == number.to_integral_value() else (None, False)
        if self.kind == DEC:
            try:
                return Decimal(text), True
            except InvalidOperation:
                return None, False
        return (raw.upper() if self.upper else raw), True


def cell(*columns: str, kind: str = INT, label: str = "", upper: bool = False) -> Cell:
    return Cell(kind=kind, columns=columns, label=label, upper=upper)


def question_cells(form: Form, codes: dict[str, dict] | None = None) -> dict[int, Cell]:
    """A cell for each question of the form that names its template field, typed from the question:
    text and references as trimmed text, text codes case-insensitively, decimals as decimals, the rest
    as whole numbers. `codes` gives, by field, how template codes map to the catalogue's."""
    codes = codes or {}
    cells: dict[int, Cell] = {}
    for question in form.questions:
        if question.bulk is None or question.bulk in cells:
            continue
        stored = question.value_kind
        text = question.type in (TEXT, ORGANISATION, USER, SCHEME, LOCATION) or stored == "str"
        kind = STR if text else DEC if stored == "decimal" else INT
        cells[question.bulk] = Cell(kind=kind, columns=(question.field,), answers=True, codes=codes.get(question.field),
                                    upper=text and bool(question.options))
    return cells


def question_answers(row: Row, fields: dict[int, Cell]) -> dict:
    """The answers of the cells that each fill one question, in field order."""
    return {spec.columns[0]: spec.answer(row, number) for number, spec in sorted(fields.items()) if spec.answers}


@dataclass
class Row:
    """One data row: raw and typed cells by field number, and what is wrong with it."""

    number: int  # the spreadsheet row
    raw: dict[int, str | None]
    values: dict[int, Any]
    unreadable: set[int]
    letters: dict[int, str]
    errors: list = field(default_factory=list)  # RowError
    blocks: bool = False  # one such row stops the whole file

    def get(self, number: int):
        return self.values.get(number)

    def given(self, number: int) -> bool:
        return self.values.get(number) is not None

    def is_blank(self) -> bool:
        return all(value is None or str(value).strip() == "" for value in self.raw.values())

    def has_error(self, number: int) -> bool:
        return any(error.field == number for error in self.errors)

    def add(self, fields, message: str, category: str = "", *, blocks: bool = False, question: str = "",
            only_if_clear: bool = False) -> None:
        """An error on each field (skipping fields that already have one when `only_if_clear`)."""
        for number in (fields if isinstance(fields, (list, tuple, set)) else (fields,)):
            if only_if_clear and self.has_error(number):
                continue
            if any(e.field == number and e.message == message for e in self.errors):
                continue
            self.errors.append(RowError(number, message, category, question))
        self.blocks = self.blocks or blocks


@dataclass(frozen=True)
class RowError:
    field: int | None
    message: str
    category: str = ""
    question: str = ""


@dataclass(frozen=True)
class Template:
    log_type: str
    year: int
    fields: dict[int, Cell]
    setup_fields: frozenset[int]
    date_fields: tuple[int, int, int]  # day, month, year of the log's date (wrong-year check)
    duplicate_fields: tuple[int, ...]  # the within-file duplicate key
    build: Callable  # (row, context) -> answers dict in catalogue names and codes
    checks: Callable  # (row, log, context) -> None: bulk-only checks after the log is built
    extra_error_fields: dict[str, tuple[int, ...]] = field(default_factory=dict)
    describe_row: Callable = lambda row: {}  # e.g. tenant code and property reference for the report
    # (column, row) -> the fields of an error on that column when they depend on the row, else None
    route_fields: Callable | None = None
    # The answers that make a row a duplicate of an existing log, and the fields the error goes on.
    existing_duplicate_columns: tuple[str, ...] = ()
    existing_duplicate_fields: tuple[int, ...] = ()

    @property
    def field_count(self) -> int:
        return len(self.fields)

    def fields_for_column(self, column: str, row: "Row | None" = None) -> tuple[int, ...]:
        """The fields an error on a log column is reported on (for this row, when that depends on it)."""
        if row is not None and self.route_fields is not None:
            routed = self.route_fields(column, row)
            if routed is not None:
                return routed
        if column in self.extra_error_fields:
            return self.extra_error_fields[column]
        return self._column_fields.get(column, ())

    @property
    def _column_fields(self) -> dict[str, tuple[int, ...]]:
        cached = self.__dict__.get("_column_fields_cache")
        if cached is None:
            found: dict[str, list[int]] = {}
            for number, spec in self.fields.items():
                for column in spec.columns:
                    found.setdefault(column, []).append(number)
            cached = {column: tuple(numbers) for column, numbers in found.items()}
            object.__setattr__(self, "_column_fields_cache", cached)
        return cached


def template_for(log_type: str, year: int) -> Template | None:
    """The template of a collection year (None when the year takes no uploads of that log type)."""
    from domain.forms import registry

    try:
        return registry.year(year).of(log_type).template
    except LookupError:
        return None


def column_letter(index: int) -> str:
    """Spreadsheet column letters of a 0-based column index: 0 -> A, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def field_question(template: Template, form, number: int) -> str:
    """A template field's question in words: its own label, else the catalogue question it fills."""
    spec = template.fields[number]
    if spec.label:
        return spec.label
    try:
        return form.question(spec.columns[0]).label
    except (KeyError, IndexError):
        return f"Field {number}"


def _answers(template: Template, form, number: int) -> str:
    """The codes a field takes and what each means, when it fills one question with a list of answers."""
    spec = template.fields[number]
    if spec.label or not spec.columns:
        return ""
    try:
        question = form.question(spec.columns[0])
    except KeyError:
        return ""
    return "; ".join(f"{option.code}: {option.label}" for option in question.options)


def header_rows(log_type: str, year: int) -> list[list[str]]:
    """The header rows of a year's blank template, made from its declaration: column A names each row,
    then one column per field in field-number order. The last row, "Field number", is the one an
    uploaded file is read by (reader.read_layout)."""
    from domain.forms.registry import form_for_year

    template = template_for(log_type, year)
    if template is None:
        raise LookupError(f"There is no {log_type} bulk upload template for {year}.")
    form = form_for_year(log_type, year)
    section_of = {column: section.label for section, _, _, question in form.placed_questions()
                  for column in question.columns}
    numbers = sorted(template.fields)
    sections, previous = [], None
    for number in numbers:
        columns = template.fields[number].columns
        section = section_of.get(columns[0]) if columns else None
        sections.append(section if section and section != previous else "")
        previous = section or previous
    answers = [_answers(template, form, number) for number in numbers]
    return [
        ["Section", *sections],
        ["Question", *(field_question(template, form, n) for n in numbers)],
        ["Answers (code: meaning)", *answers],
        ["Duplicate check field?", *("Yes" if n in template.duplicate_fields else "" for n in numbers)],
        ["Field number", *(str(n) for n in numbers)],
    ]


def blank_template_csv(log_type: str, year: int) -> bytes:
    """A year's blank template as the CSV file people fill in: UTF-8 with a byte order mark (so
    spreadsheets read it as UTF-8) and Windows line endings, like the published templates."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(header_rows(log_type, year))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
