"""The pieces a collection year's form is made of: questions, pages, subsections, sections.

A form is data. Everything else (the admin change form, routing and clearing, completion, bulk
upload columns, CSV and XML exports, `describe_form`) reads it, so a question is declared once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, Iterable

from .conditions import ALWAYS, Condition


def worked_out_once(cache: dict, piece, make):
    """`make(piece)` for a piece of a form (a form, a question), made on first use and kept in `cache`. A
    form's pieces live as long as the process and every log reads the same ones, so what is worked out
    from them (a routing layout, an answer check) is made once. Keyed by identity, as a piece's fields
    need not be hashable; the piece is kept beside its result, so its id is never reused for another."""
    entry = cache.get(id(piece))
    if entry is None or entry[0] is not piece:
        entry = cache[id(piece)] = (piece, make(piece))
    return entry[1]


# Question types and the kind of value each stores.
RADIO, SELECT, CHECKBOX, NUMERIC, DATE, TEXT, INTERRUPTION, ORGANISATION, USER, SCHEME, LOCATION, OUTPUT = (
    "radio", "select", "checkbox", "numeric", "date", "text", "interruption_screen",
    "organisation", "user", "scheme", "location", "numeric_output",
)


@dataclass(frozen=True)
class Option:
    code: Any
    label: str
    hint: str = ""
    shown_when: Condition = ALWAYS  # an option shown only in some cases (its answer may be derived)

    def as_json(self):
        data = {"code": self.code, "label": self.label}
        if self.hint:
            data["hint"] = self.hint
        if not self.shown_when.always:
            data["shown_when"] = self.shown_when.as_json()
        return data


def options(*pairs) -> tuple[Option, ...]:
    """Options from (code, label) or (code, label, hint) tuples, in display order."""
    return tuple(pair if isinstance(pair, Option) else Option(*pair) for pair in pairs)


@dataclass(frozen=True)
class Question:
    field: str
    type: str
    label: str
    number: int | None = None
    options: tuple[Option, ...] = ()
    shown_when: Condition = ALWAYS  # on top of the page's condition (a "conditional_for" child)
    hint: str = ""
    min: Decimal | int | None = None
    max: Decimal | int | None = None
    step: Decimal | int | None = None
    prefix: str = ""
    suffix: str = ""
    optional: bool = False
    optional_when: Condition | None = None
    derived_when: Condition | None = None  # computed rather than asked while this holds
    not_known_when: Condition | None = None  # answered as "Not known" by a companion field
    keep_when_hidden: bool = False  # not cleared by routing (postcodes, LA, location...)
    max_length: int = 255
    kind: str | None = None  # how the answer is stored, when the type and step do not say (money in pounds)
    bulk: int | None = None  # the field of the year's bulk upload template that fills it

    @property
    def codes(self) -> list:
        return [option.code for option in self.options]

    @property
    def columns(self) -> list[str]:
        """The log columns this question writes: one per option for a checkbox question."""
        if self.type == CHECKBOX:
            return [option.code for option in self.options]
        return [self.field]

    @property
    def value_kind(self) -> str:
        """int, str, decimal, date or bool: how the answer is stored."""
        if self.kind:
            return self.kind
        if self.type in (RADIO, SELECT) and self.options:
            return "str" if any(isinstance(code, str) for code in self.codes) else "int"
        if self.type in (ORGANISATION, USER, SCHEME, LOCATION, CHECKBOX, INTERRUPTION):
            return "int"
        if self.type in (NUMERIC, OUTPUT):
            return "int" if self.step is None or Decimal(str(self.step)) % 1 == 0 else "decimal"
        if self.type == DATE:
            return "date"
        return "str"

    def label_for(self, code) -> str | None:
        for option in self.options:
            if option.code == code or str(option.code) == str(code):
                return option.label
        return None

    def as_json(self, page: Page, subsection: Subsection, section: Section) -> dict:
        shown = page.shown_when & self.shown_when
        return {
            "field": self.field,
            "type": self.type,
            "label": self.label,
            "number": self.number,
            "page": page.id,
            "section": section.id,
            "subsection": subsection.id,
            "answers": [option.as_json() for option in self.options],
            "columns": self.columns,
            "shown_when": shown.as_json(),
            "min": _number(self.min),
            "max": _number(self.max),
            "step": _number(self.step),
            "optional": self.optional,
            "derived_when": self.derived_when.as_json() if self.derived_when else None,
            "bulk_upload_field": self.bulk,
        }


def _number(value):
    if isinstance(value, Decimal):
        return float(value)
    return value


@dataclass(frozen=True)
class Page:
    id: str
    questions: tuple[Question, ...]
    shown_when: Condition = ALWAYS
    ignores_gate: bool = False  # shown even before setup is complete


@dataclass(frozen=True)
class Subsection:
    id: str
    label: str
    pages: tuple[Page, ...]
    gated: bool = True  # waits for the setup questions
    enabled_when: Condition = ALWAYS  # on top of the gate: e.g. only for shared ownership
    listed_when: Condition = ALWAYS  # in the task list (and so counted for completion) only when this holds

    @property
    def questions(self) -> list[tuple[Page, Question]]:
        return [(page, question) for page in self.pages for question in page.questions]


@dataclass(frozen=True)
class Section:
    id: str
    label: str
    subsections: tuple[Subsection, ...]


@dataclass(frozen=True)
class DerivedField:
    """A column the service computes, never asks."""

    field: str
    kind: str  # int, str, decimal, date, bool
    label: str = ""
    max_length: int = 20


def _catalogue_form(log_type: str, year: int) -> "Form":
    from .registry import form_for_year

    return form_for_year(log_type, year)


@dataclass(frozen=True)
class Form:
    log_type: str
    year: int
    sections: tuple[Section, ...]
    derived: tuple[DerivedField, ...] = ()
    gate_ignores: tuple[str, ...] = ()  # setup fields that do not hold the other subsections back

    def __str__(self):
        return f"{self.log_type} form {self.year}"

    def __reduce__(self):
        # Pickled as its log type and year, and the catalogue's own form again when unpickled: a form holds
        # compiled conditions, and an evaluation that names it comes back from a bulk upload's checking process.
        return (_catalogue_form, (self.log_type, self.year))

    @property
    def subsections(self) -> list[Subsection]:
        return [sub for section in self.sections for sub in section.subsections]

    def placed_questions(self) -> Iterable[tuple[Section, Subsection, Page, Question]]:
        for section in self.sections:
            for subsection in section.subsections:
                for page in subsection.pages:
                    for question in page.questions:
                        yield section, subsection, page, question

    @property
    def questions(self) -> list[Question]:
        return [question for *_, question in self.placed_questions()]

    def questions_for(self, field_name: str) -> list[tuple[Page, Question]]:
        return [(page, q) for _, _, page, q in self.placed_questions() if field_name in q.columns or q.field == field_name]

    def question(self, field_name: str) -> Question:
        """The first question that stores a field (several pages may store the same one)."""
        for _, question in self.questions_for(field_name):
            return question
        raise KeyError(f"{self} has no question for {field_name!r}")

    @property
    def columns(self) -> list[str]:
        """Every column the form writes, in form order, without repeats."""
        seen = dict.fromkeys(col for q in self.questions for col in q.columns)
        return list(seen) + [d.field for d in self.derived if d.field not in seen]

    def evolve(self, *, year: int, replace_pages: dict[str, Page] | None = None,
               replace_questions: dict[str, Question] | None = None, remove_questions: Iterable[str] = ()) -> Form:
        """Next year's form: this one with some pages or questions swapped, and some questions no longer
        asked (a page left without questions goes too)."""
        replace_pages = replace_pages or {}
        replace_questions = replace_questions or {}
        removed = set(remove_questions)

        def swap_page(page: Page) -> Page:
            page = replace_pages.get(page.id, page)
            return replace(page, questions=tuple(replace_questions.get(q.field, q) for q in page.questions
                                                 if q.field not in removed))

        def pages(sub: Subsection) -> tuple[Page, ...]:
            swapped = [swap_page(p) for p in sub.pages]
            return tuple(p for p in swapped if p.questions)

        sections = tuple(
            replace(section, subsections=tuple(replace(sub, pages=pages(sub)) for sub in section.subsections))
            for section in self.sections
        )
        return replace(self, year=year, sections=sections)
