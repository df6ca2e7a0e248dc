"""What the shared log pipeline (domain/services/logs.py) does differently for each type of log.

Each log model names its kind (`LettingsLog.kind`, `SalesLog.kind`: domain/services/lettings.py and
sales.py), so the pipeline asks the log rather than importing each log type's module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from domain.postcodes import postcode_as_stored


@dataclass(frozen=True)
class LogKind:
    log_type: str
    prepare: Callable  # (log) -> None: tidy answers before routing (postcodes, scheme and location)
    rules_for: Callable  # (year) -> rules
    derive_for: Callable  # (form) -> derive(log, was)
    left_out_with: dict = field(default_factory=dict)  # answers left out together when one is refused
    after_save: Callable | None = None  # (log, *, written=False) -> None, e.g. duplicate sets
    after_delete: Callable | None = None  # (old duplicate set id) -> None


def normalise_postcodes(log, *names: str) -> None:
    """A log's postcodes in their one stored spelling, before its answers are checked."""
    for name in names:
        setattr(log, name, postcode_as_stored(getattr(log, name, "")))
