"""Log download columns: a year's form catalogue plus that year's declaration module.

The catalogue gives the question columns, in form order, and their answer labels. The year's
declaration module (e.g. `lettings_2026`) says, as data, what the catalogue cannot: the leading
columns, which questions are skipped and why, how a question expands into several columns, the
support-only and non-support layouts, and how each download-only column gets its value. One
function builds the layout from both, so a question added to the form is downloaded without an
edit here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from domain.forms.catalogue import CHECKBOX, INTERRUPTION, Form

from . import values
from .writer import CHUNK_SIZE

Getter = Callable[[Any, "Context"], Any]


from domain.selectors.organisation_names import NameBook  # noqa: E402


@dataclass
class Context:
    """What a download looks up once rather than per row (local authority names)."""

    la_names: dict[str, str] = field(default_factory=dict)
    organisation_names: NameBook = field(default_factory=NameBook)  # names by date (spec §3)

    @classmethod
    def load(cls) -> Context:
        from domain.models import LocalAuthority

        names = dict(LocalAuthority.objects.order_by("start_date").values_list("code", "name"))
        return cls(la_names=names)


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
    return lambda log, ctx: values.code_text(getattr(log, name, None))


def _label_getter(name: str, form: Form, declaration: ModuleType) -> Getter:
    if name in declaration.FIXED_LABELS:
        fixed = declaration.FIXED_LABELS[name]
        return lambda log, ctx: _fixed(fixed, getattr(log, name, None))
    if name in declaration.YES_NO:
        return lambda log, ctx: values.yes_no(getattr(log, name, None))
    if name in declaration.YES_OR_BLANK:
        return lambda log, ctx: values.yes_or_blank(getattr(log, name, None))
    label_of = _question_labels(form, name, declaration.LABEL_OVERRIDES.get(name, {}))
    if label_of is None:
        return lambda log, ctx: values.plain_label(getattr(log, name, None))

    def label(log, ctx):
        value = getattr(log, name, None)
        if value is None or value == "":
            return ""
        found = label_of(log, value)
        return found if found is not None else values.plain_label(value)

    return label


def _fixed(labels: dict, value) -> str:
    if value is None:
        return ""
    return labels.get(value, values.plain_label(value))


def _question_labels(form: Form, name: str, overrides: dict) -> Callable[[Any, Any], str | None] | None:
    """code -> label from the questions that store this column (with the declaration's
    overrides). When several questions do (a page per case) and disagree on a label, the one
    whose condition holds for the log wins."""
    overrides = {str(code): label for code, label in overrides.items()}
    candidates = [
        (page.shown_when & q.shown_when, {**{str(o.code): o.label for o in q.options}, **overrides})
        for page, q in form.questions_for(name)
        if q.field == name and q.type != CHECKBOX and q.options
    ]
    if not candidates:
        return None
    merged: dict[str, str] = {}
    for _, labels in candidates:
        for code, label in labels.items():
            if merged.setdefault(code, label) != label:
                return lambda log, value: _label_where_shown(candidates, log, str(value))
    return lambda log, value: merged.get(str(value))


def _label_where_shown(candidates, log, code: str) -> str | None:
    fallback = None
    for condition, labels in candidates:
        if code in labels:
            if condition.holds(log):
                return labels[code]
            fallback = fallback or labels[code]
    return fallback


def _with_not_known(labels: Getter, codes: Getter, applies: Callable, label: str, code) -> tuple[Getter, Getter]:
    """A person's answer written as not known / refused when the household question says so."""
    return (
        lambda log, ctx: label if applies(log) else labels(log, ctx),
        lambda log, ctx: str(code) if applies(log) else codes(log, ctx),
    )


def rows(queryset, cols: list[LogColumn], *, codes: bool, context: Context | None = None) -> Iterator[list]:
    """One list of cells per log, fetched from the database a chunk at a time."""
    context = context or Context.load()
    getters = [c.codes if codes else c.labels for c in cols]
    for log in queryset.iterator(chunk_size=CHUNK_SIZE):
        yield [get(log, context) for get in getters]
