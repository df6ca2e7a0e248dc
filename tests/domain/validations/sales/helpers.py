"""Sales logs for the rule tests: real `SalesLog` rows (not saved) with only the answers a test gives, and
the organisations, users and local authorities they refer to in the database."""

from __future__ import annotations

from datetime import date

from domain.forms import registry
from domain.models import LocalAuthority, Organisation, SalesLog
from domain.validations.rules import run_rules
from tests.factories import make_organisation, make_user

RULES = registry.year(2026).sales.rules
BY_ID = {rule.id: rule for rule in RULES}


def organisation(name=None, merge_date=None, available_from=None, absorbing=None, absorbed=()) -> Organisation:
    """An organisation row; `absorbed` organisations (rows) become ones it absorbed."""
    org = make_organisation(merge_date=merge_date, available_from=available_from, absorbing_organisation=absorbing,
                            **({"name": name} if name else {}))
    for other in absorbed:
        other.absorbing_organisation = org
        other.save(update_fields=["absorbing_organisation"])
    return org


def local_authority(code="E08000035", name="Leeds", start_date=date(2021, 4, 1), end_date=None) -> dict:
    """A local authority as the reference table holds it (the row is made when a log names it)."""
    return {"code": code, "name": name, "start_date": start_date, "end_date": end_date}


def sales_log(**answers) -> SalesLog:
    """A new sales log with no answers except those given. A given `la` is in the reference table (active
    since 2021) unless `local_authority` says otherwise: None for a code the table does not have."""
    authority = answers.pop("local_authority", local_authority(code=answers["la"]) if answers.get("la") else None)
    if authority is not None:
        LocalAuthority.objects.update_or_create(code=authority["code"], defaults=authority)
    assignee_organisation = answers.pop("assignee_organisation", None)
    log = SalesLog()
    for name, value in answers.items():
        setattr(log, name, value)
    if assignee_organisation is not None:
        log.assigned_to = make_user(assignee_organisation)
    return log


def fails(rule_id: str, log) -> bool:
    rule = BY_ID[rule_id]
    return bool(rule.applies(log) and not rule.passes(log))


def message(rule_id: str, log) -> str:
    rule = BY_ID[rule_id]
    return rule.message.format(**rule.context(log))


def errors(log) -> dict[str, list[str]]:
    """Every hard error on the log, by field, as the shared runner reports them."""
    return run_rules(RULES, log).errors


def failing(log) -> set[str]:
    """The ids of every rule that fails on the log."""
    return {rule.id for rule in RULES if fails(rule.id, log)}
