"""Small helpers for testing catalogue data against plain objects standing in for logs."""

from types import SimpleNamespace

import domain.forms.y2026.lettings.predicates  # noqa: F401  (registers the named predicates)
from domain.forms.catalogue import Page, Question, Subsection
from domain.forms.conditions import PREDICATES


def log(**answers) -> SimpleNamespace:
    return SimpleNamespace(**answers)


def page(subsection: Subsection, page_id: str) -> Page:
    matches = [p for p in subsection.pages if p.id == page_id]
    assert len(matches) == 1, f"{page_id}: {len(matches)} pages"
    return matches[0]


def question(subsection: Subsection, page_id: str, field: str) -> Question:
    matches = [q for q in page(subsection, page_id).questions if q.field == field]
    assert len(matches) == 1, f"{page_id}.{field}: {len(matches)} questions"
    return matches[0]


def shown(subsection: Subsection, page_id: str, **answers) -> bool:
    return page(subsection, page_id).shown_when.holds(log(**answers))


def codes_and_labels(q: Question) -> list[tuple]:
    return [(o.code, o.label) for o in q.options]


def triggered(name: str, **answers) -> bool:
    return bool(PREDICATES[name](log(**answers)))


def fields(subsection: Subsection) -> list[str]:
    return list(dict.fromkeys(q.field for _, q in subsection.questions))
