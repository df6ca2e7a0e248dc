"""The shape of a rule and how a set of rules is run over a log."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

HARD, SOFT = "hard", "soft"


def get(log, field: str):
    """An answer, or None when it is missing or a blank string (how every rule reads answers)."""
    value = getattr(log, field, None)
    if isinstance(value, str) and not value.strip():
        return None
    return value


def present(log, *fields: str) -> bool:
    return all(get(log, field) is not None for field in fields)


@dataclass(frozen=True)
class Rule:
    """A check of a log. `applies` and `passes` take the log; `message` may use `{placeholders}`
    filled by `context(log)`. A hard rule's failure is an error on each of its fields; a soft rule's
    failure asks for confirmation in `confirm_field`."""

    id: str
    kind: str
    fields: tuple[str, ...]
    message: str
    passes: Callable[[Any], bool]
    applies: Callable[[Any], bool] = lambda log: True
    context: Callable[[Any], dict] = lambda log: {}
    confirm_field: str | None = None
    # The answers a save that keeps the valid answers leaves out when this hard rule fails (by default
    # its fields); setup answers are never left out, so a rule on setup answers alone blocks the save.
    refuse: tuple[str, ...] | None = None

    @property
    def refused_fields(self) -> tuple[str, ...]:
        return self.fields if self.refuse is None else self.refuse

    def describe(self) -> dict:
        return {"id": self.id, "kind": self.kind, "fields": list(self.fields), "message": self.message,
                "confirm_field": self.confirm_field}


@dataclass
class Findings:
    errors: dict[str, list[str]] = field(default_factory=dict)
    soft_checks: list[dict] = field(default_factory=list)
    refusals: list[tuple[str, ...]] = field(default_factory=list)  # per failed hard rule: answers to leave out

    def add_error(self, fields, message: str) -> None:
        for name in fields:
            messages = self.errors.setdefault(name, [])
            if message not in messages:
                messages.append(message)


def run_rules(rules, log, findings: Findings | None = None) -> Findings:
    findings = findings or Findings()
    for rule in rules:
        try:
            if not rule.applies(log) or rule.passes(log):
                continue
            message = rule.message.format(**rule.context(log))
        except (TypeError, ValueError, ArithmeticError):
            # A rule that cannot be worked out on partial answers does not fire. (A misspelt field or a
            # missing key is a mistake, and fails loudly.)
            continue
        if rule.kind == HARD:
            findings.add_error(rule.fields, message)
            findings.refusals.append(rule.refused_fields)
        else:
            if any(check["message"] == message and check.get("confirm_field") == rule.confirm_field
                   for check in findings.soft_checks):
                continue  # several pages ask the same question: one check is enough
            confirmed = getattr(log, rule.confirm_field, None) == 0 if rule.confirm_field else False
            findings.soft_checks.append(
                {"id": rule.id, "fields": list(rule.fields), "message": message, "confirmed": confirmed,
                 "confirm_field": rule.confirm_field}
            )
    return findings
