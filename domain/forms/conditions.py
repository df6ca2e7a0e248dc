"""Shown-when conditions, as data.

A condition keeps the shape the service has always used for `depends_on`: a list of alternatives,
each a dict of entries that must all hold. An entry maps a field (or a named predicate ending in
`?`) to a test:

- a plain value: the field is present and equal to it (so `renewal: 0` does not match a blank);
- None: the field is blank;
- an operator: `Op(">=", 16)` (a blank never matches), `Op("!=", 1)` (a blank does match),
  `Op("in", (1, 2))`, `Op("not in", (1, 2))` (a blank does match).

Predicates are functions of the log, registered by name, for the few conditions data cannot say.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Callable

PREDICATES: dict[str, Callable[[Any], Any]] = {}


def predicate(name: str):
    """Register a named predicate (its name ends in '?') usable in conditions."""

    def register(function):
        PREDICATES[name] = function
        return function

    return register


@dataclass(frozen=True)
class Op:
    operator: str
    operand: Any

    def test(self, value) -> bool:
        op, operand = self.operator, self.operand
        if op == "!=":
            return value != operand
        if op == "not in":
            return value not in operand
        if value is None or value == "":
            return False
        if op == "in":
            return value in operand
        if op == ">=":
            return value >= operand
        if op == ">":
            return value > operand
        if op == "<":
            return value < operand
        if op == "<=":
            return value <= operand
        raise ValueError(f"Unknown operator {op!r}")

    def as_json(self):
        operand = list(self.operand) if isinstance(self.operand, (tuple, set, frozenset)) else self.operand
        return {"operator": self.operator, "operand": operand}


def ne(value) -> Op:
    return Op("!=", value)


def one_of(*values) -> Op:
    return Op("in", tuple(values))


def not_one_of(*values) -> Op:
    return Op("not in", tuple(values))


def at_least(value) -> Op:
    return Op(">=", value)


def more_than(value) -> Op:
    return Op(">", value)


def less_than(value) -> Op:
    return Op("<", value)


_remembered: ContextVar[dict | None] = ContextVar("remembered_conditions", default=None)


@contextmanager
def remembered():
    """While the log does not change (one routing pass), work each condition and predicate out once:
    a form asks the same ones of many pages and questions."""
    if _remembered.get() is not None:
        yield
        return
    token = _remembered.set({})
    try:
        yield
    finally:
        _remembered.reset(token)


def memo() -> dict | None:
    """The current pass's memo (inside `remembered()`), for other results worked out once per pass."""
    return _remembered.get()


def forget() -> None:
    """The log has just changed: what this pass worked out no longer holds."""
    found = _remembered.get()
    if found is not None:
        found.clear()


def value_of(log, key: str):
    if key.endswith("?"):
        memo = _remembered.get()
        if memo is None:
            return PREDICATES[key](log)
        memo_key = (key, id(log))
        if memo_key not in memo:
            memo[memo_key] = PREDICATES[key](log)
        return memo[memo_key]
    value = getattr(log, key, None)
    return None if value == "" else value


def _test_holds(value, test) -> bool:
    if isinstance(test, Op):
        return test.test(value)
    if test is None:
        return value is None
    if isinstance(test, bool) or isinstance(value, bool):
        # True and False are answers of their own, not the numbers 1 and 0.
        return isinstance(value, bool) and isinstance(test, bool) and value is test
    return value is not None and value == test


_EQUALS, _BLANK, _OTHER = "equals", "blank", "other"


def _kind(test) -> str:
    """How an entry's test is made: equal to a plain value (not True or False, which are answers of
    their own), blank, or anything else (through `_test_holds`)."""
    if test is None:
        return _BLANK
    if isinstance(test, (Op, bool)):
        return _OTHER
    return _EQUALS


@dataclass(frozen=True)
class Condition:
    """Alternatives (any may hold), each a tuple of (key, test) entries (all must hold)."""

    alternatives: tuple[tuple[tuple[str, Any], ...], ...] = ()

    def __post_init__(self):
        # Only a condition that calls a predicate is worth remembering: reading a few answers is
        # cheaper than looking the result up.
        object.__setattr__(self, "_predicated", any(key.endswith("?") for alt in self.alternatives
                                                    for key, _ in alt))
        # Each entry with the kind of its test, so that `_holds` can test the common kinds inline.
        object.__setattr__(self, "_entries", tuple(tuple((key, key[-1] == "?", _kind(test), test) for key, test in alt)
                                                   for alt in self.alternatives))

    @property
    def always(self) -> bool:
        return not self.alternatives

    def holds(self, log) -> bool:
        if not self.alternatives:
            return True
        memo = _remembered.get() if self._predicated else None
        if memo is None:
            return self._holds(log)
        key = (id(self), id(log))
        found = memo.get(key)
        if found is None:
            found = memo[key] = self._holds(log)
        return found

    def _holds(self, log) -> bool:
        # value_of and _test_holds are inlined for answers and plain tests: this is the form engine's
        # innermost loop.
        for alt in self._entries:
            for key, predicate, kind, test in alt:
                if predicate:
                    value = value_of(log, key)
                else:
                    value = getattr(log, key, None)
                    if value == "":
                        value = None
                if kind is _EQUALS:
                    if value is None or value != test or value.__class__ is bool:
                        break
                elif kind is _BLANK:
                    if value is not None:
                        break
                elif not _test_holds(value, test):
                    break
            else:
                return True
        return False

    def fields(self) -> set[str]:
        return {key for alt in self.alternatives for key, _ in alt}

    def __and__(self, other: Condition) -> Condition:
        if self.always:
            return other
        if other.always:
            return self
        return Condition(tuple(a + b for a in self.alternatives for b in other.alternatives))

    def __or__(self, other: Condition) -> Condition:
        if self.always or other.always:
            return ALWAYS
        return Condition(self.alternatives + other.alternatives)

    def as_json(self) -> list[dict] | None:
        if self.always:
            return None
        return [
            {key: test.as_json() if isinstance(test, Op) else test for key, test in alt}
            for alt in self.alternatives
        ]


ALWAYS = Condition()


def when(**entries) -> Condition:
    """One alternative whose entries must all hold. Predicates are passed with `when(**{"x?": True})`."""
    return Condition((tuple(entries.items()),))


def any_of(*conditions: Condition) -> Condition:
    result = conditions[0]
    for condition in conditions[1:]:
        result = result | condition
    return result
