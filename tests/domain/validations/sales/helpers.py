"""Sales logs for the rule tests: plain namespaces with every field a rule reads, so no database."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from domain.validations.rules import run_rules
from domain.forms import registry

RULES = registry.year(2026).sales.rules
BY_ID = {rule.id: rule for rule in RULES}

ANSWER_FIELDS = (
    "saledate", "ownershipsch", "type", "staircase", "jointpur", "uprn", "uprn_selection", "postcode_full",
    "pcodenk", "ppostcode_full", "ppcodenk", "la", "proptype", "beds", "buylivein", "buy1livein", "buy2livein",
    "prevten", *[f"age{n}" for n in range(1, 7)], *[f"ecstat{n}" for n in range(1, 7)], "income1", "income2",
    "fromprop", "frombeds", "value", "deposit", "equity", "mortgage", "mortgageused", "cashdis", "stairbought",
    "stairowned", "discount", "grant", "mscharge", "has_mscharge", "hasservicechargeschanged",
    "newservicecharges", "mrent", "resale", "numstair", "firststair", "hodate", "exdate", "initialpurchase",
    "lasttransaction",
)


class Related:
    """Stands in for a related manager (`absorbed_organisations`)."""

    def __init__(self, *orgs):
        self.orgs = orgs

    def exists(self) -> bool:
        return bool(self.orgs)

    def values_list(self, name, flat=False):
        return [getattr(org, name) for org in self.orgs]


def organisation(pk=1, name="Greenfield Homes", merge_date=None, available_from=None, absorbing=None,
                 absorbed=()):
    return SimpleNamespace(pk=pk, id=pk, name=name, merge_date=merge_date, available_from=available_from,
                           absorbing_organisation=absorbing, absorbed_organisations=Related(*absorbed))


def local_authority(code="E08000035", name="Leeds", start_date=date(2021, 4, 1), end_date=None):
    return SimpleNamespace(code=code, name=name, start_date=start_date, end_date=end_date)


def sales_log(**answers) -> SimpleNamespace:
    """A log with no answers except those given; system attributes default to a new, unowned log, and a
    given `la` to an authority of that code in the reference table."""
    log = SimpleNamespace(**{name: None for name in ANSWER_FIELDS})
    log.loaded_values = {}
    log.owning_organisation = None
    log.owning_organisation_id = None
    log.managing_organisation_id = None
    log.assigned_to_id = None
    log.assigned_to = None
    log.owning_organisation_dsa_signed = None
    log.skip_dpo_check = False
    log.la_is_london = None
    log.local_authority = None
    for name, value in answers.items():
        setattr(log, name, value)
    if answers.get("la") and "local_authority" not in answers:
        log.local_authority = local_authority(code=answers["la"])  # found in the table, active since 2021
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
