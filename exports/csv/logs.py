"""Log download columns: a year's form catalogue plus that year's declaration module.

The catalogue gives the question columns, in form order, and their answer labels. The year's
declaration module (e.g. `lettings_2026`) says, as data, what the catalogue cannot: the leading
columns, which questions are skipped and why, how a question expands into several columns, the
support-only and non-support layouts, and how each download-only column gets its value. One
function builds the layout from both, so a question added to the form is downloaded without an
edit here.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from operator import itemgetter
from types import ModuleType
from typing import Any

from domain import collection
from domain.forms.catalogue import CHECKBOX, INTERRUPTION, Form
from domain.selectors import lookups
from domain.selectors.organisation_names import NameBook

from . import values
from .writer import CHUNK_SIZE

Getter = Callable[[Any, "Context"], Any]


@dataclass
class Context:
    """What a download looks up once rather than per row: local authority names, and the authority
    in use for each location's code in each year (supported housing logs without an LA of their own)."""

    la_names: dict[str, str] = field(default_factory=dict)
    organisation_names: NameBook = field(default_factory=NameBook)  # names by date (spec §3)
    current_las: dict[tuple[str, int], str] = field(default_factory=dict)
    memo: dict = field(default_factory=dict)  # cells worked out once per value or related record

    @classmethod
    def load(cls) -> Context:
        from domain.models import LocalAuthority

        names = dict(LocalAuthority.objects.order_by("start_date").values_list("code", "name"))
        return cls(la_names=names)

    def texts(self, column: ByValue) -> _Texts:
        """The column's texts by value, worked out once per value in this download."""
        if column not in self.memo:
            self.memo[column] = _Texts(column.text)
        return self.memo[column]

    def current_la(self, code: str, year: int) -> str:
        key = (code, year)
        if key not in self.current_las:
            self.current_las[key] = lookups.current_la_code(code, year)
        return self.current_las[key]


class _Texts(dict):
    """value -> cell text, worked out on first sight; at most MEMO_SIZE values are kept (a column of
    free text or amounts would otherwise keep one entry per log)."""

    MEMO_SIZE = 5000

    def __init__(self, text: Callable[[Any], str]):
        super().__init__()
        self.text = text

    def __missing__(self, value):
        text = self.text(value)
        if len(self) < self.MEMO_SIZE:
            self[value] = text
        return text


@dataclass(frozen=True, eq=False)
class ByValue:
    """A cell that depends on one stored value only. As a getter it works per log; a download works it
    out once per distinct value of a chunk's column instead (see `rows`)."""

    field: str
    text: Callable[[Any], str]

    def __call__(self, log, ctx) -> str:
        return ctx.texts(self)[getattr(log, self.field, None)]


@dataclass(frozen=True)
class LogColumn:
    name: str  # the variable, as definitions and expansions name it
    header: str  # as written in the header row
    labels: Getter
    codes: Getter


def soft_check_ids(form: Form) -> list[str]:
    return list(dict.fromkeys(q.field for q in form.questions if q.type == INTERRUPTION))


def question_column_ids(form: Form, declaration: ModuleType) -> list[str]:
    """The form's question ids in form order, once each, checkbox questions as their option keys,
    without the questions the declaration skips."""
    ids = []
    for question in form.questions:
        if question.field in declaration.SKIPPED_QUESTIONS:
            continue
        ids += question.columns if question.type == CHECKBOX else [question.field]
    return [i for i in dict.fromkeys(ids) if i not in declaration.SKIPPED_QUESTIONS]


def column_names(form: Form, declaration: ModuleType, *, support: bool) -> list[str]:
    """Every column of the download, in order (spec csv-downloads §5.3 lettings, §5.6 sales)."""
    expansions = dict(declaration.EXPANSIONS)
    if not support:
        expansions.update(getattr(declaration, "NON_SUPPORT_EXPANSIONS", {}))
    names: list[str] = []
    for name in [*declaration.LEADING, *question_column_ids(form, declaration)]:
        names += expansions.get(name, [name])
    names = list(dict.fromkeys(names))
    if support:
        names = _regroup(names, declaration.SUPPORT_ADDRESS_ORDER, declaration.SUPPORT_DROPPED)
    names += [n for n in declaration.TRAILING if n not in names]
    if not support:
        removed = set(declaration.NON_SUPPORT_REMOVED) | set(soft_check_ids(form))
        names = [n for n in names if n not in removed]
    return names


def _regroup(names: list[str], group: list[str], dropped: list[str]) -> list[str]:
    """Pull the group's columns out and put all of them back, in the group's order, where the
    first of them was."""
    members = set(group)
    first = next((i for i, n in enumerate(names) if n in members), len(names))
    kept = [n for n in names[:first] if n not in members]
    rest = [n for n in names[first:] if n not in members and n not in dropped]
    return [n for n in kept if n not in dropped] + list(group) + rest


def columns(form: Form, declaration: ModuleType, *, support: bool) -> list[LogColumn]:
    headers = getattr(declaration, "header_for", lambda name, support: name)
    return [
        LogColumn(name, headers(name, support), *_getters(name, form, declaration))
        for name in column_names(form, declaration, support=support)
    ]


def _getters(name: str, form: Form, declaration: ModuleType) -> tuple[Getter, Getter]:
    if name in declaration.VALUES:
        labels, codes = declaration.VALUES[name]
    else:
        labels, codes = _label_getter(name, form, declaration), _code_getter(name)
    not_known = declaration.NOT_KNOWN.get(name)
    if not_known:
        labels, codes = _with_not_known(labels, codes, *not_known)
    return labels, codes


def _code_getter(name: str) -> Getter:
    return ByValue(name, values.code_text)


def _label_getter(name: str, form: Form, declaration: ModuleType) -> Getter:
    if name in declaration.FIXED_LABELS:
        return ByValue(name, partial(_fixed, declaration.FIXED_LABELS[name]))
    if name in declaration.YES_NO:
        return ByValue(name, values.yes_no)
    if name in declaration.YES_OR_BLANK:
        return ByValue(name, values.yes_or_blank)
    candidates = _question_labels(form, name, declaration.LABEL_OVERRIDES.get(name, {}))
    if not candidates:
        return ByValue(name, values.plain_label)
    merged = _merged(candidates)
    if merged is not None:
        return ByValue(name, partial(_label, lambda value: merged.get(str(value))))

    def label(log, ctx):
        return _label(partial(_label_where_shown, candidates, log), getattr(log, name, None))

    return label


def _label(label_of: Callable[[Any], str | None], value) -> str:
    if value is None or value == "":
        return ""
    found = label_of(value)
    return found if found is not None else values.plain_label(value)


def _fixed(labels: dict, value) -> str:
    if value is None:
        return ""
    return labels.get(value, values.plain_label(value))


def _question_labels(form: Form, name: str, overrides: dict) -> list[tuple[Any, dict[str, str]]]:
    """(condition, code -> label) of each question that stores this column, with the declaration's
    overrides. When several questions do (a page per case) and disagree on a label, the one whose
    condition holds for the log wins."""
    overrides = {str(code): label for code, label in overrides.items()}
    return [
        (page.shown_when & q.shown_when, {**{str(o.code): o.label for o in q.options}, **overrides})
        for page, q in form.questions_for(name)
        if q.field == name and q.type != CHECKBOX and q.options
    ]


def _merged(candidates) -> dict[str, str] | None:
    """The questions' labels as one map, or None when they disagree on a code."""
    merged: dict[str, str] = {}
    for _, labels in candidates:
        for code, label in labels.items():
            if merged.setdefault(code, label) != label:
                return None
    return merged


def _label_where_shown(candidates, log, value) -> str | None:
    code, fallback = str(value), None
    for condition, labels in candidates:
        if code in labels:
            if condition.holds(log):
                return labels[code]
            fallback = fallback or labels[code]
    return fallback


@dataclass(frozen=True, eq=False)
class Unless:
    """A fixed cell for the logs where `applies(log)`, the other getter's cell for the rest."""

    applies: Callable[[Any], bool]
    text: str
    otherwise: Getter

    def __call__(self, log, ctx) -> str:
        return self.text if self.applies(log) else self.otherwise(log, ctx)


def _with_not_known(labels: Getter, codes: Getter, applies: Callable, label: str, code) -> tuple[Getter, Getter]:
    """A person's answer written as not known / refused when the household question says so."""
    return Unless(applies, label, labels), Unless(applies, str(code), codes)


def rows(queryset, cols: list[LogColumn], *, codes: bool, related=(), context: Context | None = None) -> Iterator[list]:
    """One list of cells per log, a chunk of logs at a time.

    Logs are read as plain rows (every column's value, no model instances); the related records the
    getters read (`related`: relation names, `scheme__owning_organisation` for one further) are fetched
    once per download, a chunk's new ones at a time, and reached as attributes as on a model. A column
    whose cell depends on one stored value only (`ByValue`) is worked out once per distinct value."""
    context = context or Context.load()
    getters = [c.codes if codes else c.labels for c in cols]
    names = [f.attname for f in queryset.model._meta.concrete_fields]
    row_type, fill = _row_type(queryset.model, names, related)
    position = {name: index for index, name in enumerate(names)}
    fetched = queryset.values_list(*names).iterator(chunk_size=CHUNK_SIZE)
    while chunk := list(islice(fetched, CHUNK_SIZE)):
        logs_ = list(map(row_type._make, chunk))
        fill(logs_)
        by_column = list(zip(*chunk))
        stored = {name: by_column[index] for name, index in position.items()}
        cells = [_cells(get, logs_, stored, context) for get in getters]
        yield from map(list, zip(*cells))


def _cells(get: Getter, logs_: list, stored: dict, context: Context) -> list[str]:
    """A column's cells for a chunk of logs."""
    if isinstance(get, ByValue):
        if get.field not in stored:  # not stored (yet): the same cell for every log
            return [get.text(None)] * len(logs_)
        return list(map(context.texts(get).__getitem__, stored[get.field]))
    if isinstance(get, Unless):
        applies, text = get.applies, get.text
        return [text if applies(log) else cell for log, cell in zip(logs_, _cells(get.otherwise, logs_, stored, context))]
    return [get(log, context) for log in logs_]


def _row_type(model, names: list[str], related) -> tuple[type, Callable[[list], None]]:
    """A tuple type for the model's rows, with each relation in `related` as an attribute backed by a
    cache of the related records, and the function that fetches a chunk's missing ones."""
    caches: dict[str, dict] = {}
    fetches = []
    day = itemgetter(names.index(model.DATE_FIELD))
    attributes: dict[str, Any] = {"__slots__": (), "collection_year": property(lambda row: _year_of(day(row)))}
    for relation in [r for r in related if "__" not in r]:
        field_ = model._meta.get_field(relation)
        cache = caches.setdefault(field_.related_model._meta.label, {})
        index = names.index(field_.attname)
        further = [r.split("__", 1)[1] for r in related if r.startswith(f"{relation}__")]
        fetches.append((itemgetter(index), field_.related_model._default_manager.select_related(*further), cache))
        attributes[relation] = property(lambda row, index=index, cache=cache: cache.get(row[index]))

    def fill(chunk: list) -> None:
        for key, manager, cache in fetches:
            missing = {key(row) for row in chunk} - cache.keys() - {None}
            if missing:
                cache.update(manager.in_bulk(missing))

    return type(f"{model.__name__}Row", (namedtuple(f"{model.__name__}Values", names),), attributes), fill


def _year_of(day) -> int | None:
    return collection.collection_year_of(day) if day else None


def declaration_for(log_type: str, year: int) -> ModuleType:
    """The download declaration of a collection year (as its year package names it)."""
    from domain.forms import registry

    known = registry.years(log_type)
    if year not in known:
        if not known:
            raise LookupError(f"{log_type.capitalize()} logs cannot be downloaded yet.")
        raise LookupError(f"There is no {log_type} download for {year}. Choose one of: {', '.join(map(str, known))}.")
    return registry.year(year).of(log_type).csv
