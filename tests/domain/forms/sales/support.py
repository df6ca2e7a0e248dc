"""Helpers for the 2026 sales form tests: plain objects standing in for sales logs."""

from types import SimpleNamespace

from domain.forms.conditions import PREDICATES
from domain.forms.y2026.sales import FORM

# Helper attributes the model provides, and columns older years used that the rules still read.
EXTRA = ("sale_range", "la_active_on_saledate", "buylivein", "pregyrha", "pregla", "pregghb", "pregother",
         "pregblank", "exdate", "exday", "exmonth", "exyear", "saledate_check")


def blank_log(**answers) -> SimpleNamespace:
    """A log with every column of the form (and the helper attributes) blank, then the given answers."""
    log = SimpleNamespace(**dict.fromkeys(list(FORM.columns) + list(EXTRA)))
    for name, value in answers.items():
        setattr(log, name, value)
    return log


def triggered(name: str, **answers) -> bool:
    return bool(PREDICATES[name](blank_log(**answers)))


def subsection(subsection_id: str):
    return next(sub for sub in FORM.subsections if sub.id == subsection_id)


def page(page_id: str):
    matches = [p for sub in FORM.subsections for p in sub.pages if p.id == page_id]
    assert len(matches) == 1, f"{page_id}: {len(matches)} pages"
    return matches[0]


# A log whose setup is complete: a sole shared-ownership initial purchase, buyer interviewed.
SETUP_DONE = dict(owning_organisation_id=1, managing_organisation_id=1, assigned_to_id=1, saledate=None,
                  ownershipsch=1, type=2, staircase=2, jointpur=2, noint=2, privacynotice=1)
