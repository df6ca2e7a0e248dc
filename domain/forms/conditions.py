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


def _compiled(entries) -> Callable[[Any], bool]:
    """A condition's alternatives (each a tuple of (key, is a predicate, kind of test, test) entries) as one
    Python function of the log. It is the form engine's innermost loop, so answers are read and plain tests
    made inline: an answer of "" counts as blank, and True and False are answers of their own, never equal
    to 1 and 0. Predicates and operators go through `value_of` and `_test_holds`."""
    if not entries:
        return lambda log: True
    constants: dict[str, Any] = {"_get": getattr, "_value_of": value_of, "_test_holds": _test_holds}
    alternatives = []
    for alt in entries:
        tests = []
        for key, predicate, kind, test in alt:
            name = f"_t{len(constants)}"
            constants[name] = test
            if predicate:
                tests.append(f"_test_holds(_value_of(log, {key!r}), {name})")
            elif kind is _BLANK:
                tests.append(f"((v := _get(log, {key!r}, None)) is None or v == '')")
            elif kind is _EQUALS and test != "":
                tests.append(f"((v := _get(log, {key!r}, None)) is not None and v == {name} "
                             "and v.__class__ is not bool)")
            else:
                tests.append(f"_test_holds(None if (v := _get(log, {key!r}, None)) == '' else v, {name})")
        alternatives.append("(" + " and ".join(tests) + ")" if tests else "True")  # no entries: it holds
    source = "lambda log: " + " or ".join(alternatives)
    return eval(compile(source, "<condition>", "eval"), constants)  # noqa: S307 (built from the catalogue)


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
        object.__setattr__(self, "_test", _compiled(
            tuple(tuple((key, key[-1] == "?", _kind(test), test) for key, test in alt) for alt in self.alternatives)))

    @property
    def always(self) -> bool:
        return not self.alternatives

    def holds(self, log) -> bool:
        if not self.alternatives:
            return True
        memo = _remembered.get() if self._predicated else None
        if memo is None:
            return self._test(log)
        key = (id(self), id(log))
        found = memo.get(key)
        if found is None:
            found = memo[key] = self._test(log)
        return found

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
