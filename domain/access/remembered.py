"""Access decisions worked out once per request.

A page asks the same questions many times (a log's change page asks who the user's organisations are
for every choice list and whether the user may see the log for every action button). Inside
`decisions_remembered()` the answers are kept until the block ends; outside it nothing is kept, so a
decision never outlives the request that made it.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Callable, Hashable, TypeVar

T = TypeVar("T")
_decisions: ContextVar[dict | None] = ContextVar("access_decisions", default=None)


@contextmanager
def decisions_remembered():
    if _decisions.get() is not None:
        yield
        return
    token = _decisions.set({})
    try:
        yield
    finally:
        _decisions.reset(token)


def remember(key: Hashable, decide: Callable[[], T]) -> T:
    """The decision under `key`, made once inside `decisions_remembered()`, every time outside it."""
    found = _decisions.get()
    if found is None:
        return decide()
    if key not in found:
        found[key] = decide()
    return found[key]
