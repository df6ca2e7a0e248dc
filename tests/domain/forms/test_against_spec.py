"""The 2026 lettings subsections against the question tables of the written spec (§3.3 to §4).

The spec sits beside the repository (`../shared/spec/`); without it these tests are skipped.
Every row with `code=label` options must match the catalogue exactly, every row's field must be on its
page with the spec's question number, and the pages must come in the spec's order.
"""

import re


from domain.forms.y2026.lettings.household_characteristics import HOUSEHOLD_CHARACTERISTICS
from domain.forms.y2026.lettings.household_needs import HOUSEHOLD_NEEDS
from domain.forms.y2026.lettings.household_situation import HOUSEHOLD_SITUATION
from domain.forms.y2026.lettings.income import INCOME_AND_BENEFITS
from domain.forms.y2026.lettings.tenancy import TENANCY_INFORMATION
from tests.shared_files import shared_path

SPEC = shared_path("spec", "lettings-2026-form.md")
SUBSECTIONS = (TENANCY_INFORMATION, HOUSEHOLD_CHARACTERISTICS, HOUSEHOLD_NEEDS, HOUSEHOLD_SITUATION,
               INCOME_AND_BENEFITS)
PAGES = {page.id: page for subsection in SUBSECTIONS for page in subsection.pages}
PEOPLE = range(2, 9)



def spec_rows():
    """(page ids, Q, field, options) for each table row of §3.3 to §4, with {n} rows kept as templates."""
    text = SPEC.read_text(encoding="utf-8")
    tables = text.split("### 3.3")[1].split("## 5.")[0]
    for line in tables.splitlines():
        if not re.match(r"\| (`|\d+ \| `)", line):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if re.fullmatch(r"\d+", cells[0]):  # §4 starts with an "Order" column
            cells = cells[1:]
        page_ids = re.findall(r"`([^`]+)`", cells[0])
        fields = re.findall(r"`([^`]+)`", cells[2])
        yield page_ids, cells[1], fields[0] if fields else None, cells[5]


def expand(template: str, n: int | None) -> str:
    return template.replace("{n}", str(n)) if n else template


def instances(page_id: str):
    return PEOPLE if "{n}" in page_id else [None]


def parse_options(cell: str):
    if "=" not in cell or "Appendix" in cell or cell.startswith('""'):
        return None
    pairs = []
    for item in cell.split("; "):
        code, label = re.match(r"^([^=]+)=(.*?)(?: \(hint: .*\))?$", item.strip()).groups()
        pairs.append((code.strip(), label.strip()))
    return pairs


def expected_number(q_cell: str, n: int | None):
    if q_cell in ("–", "-"):
        return None
    if n:
        base, step = re.fullmatch(r"(\d+)\+(\d+)n", q_cell).groups()
        return int(base) + int(step) * n
    return int(q_cell)


def test_spec_was_read():
    rows = list(spec_rows())
    assert len(rows) > 80


def test_every_row_is_on_its_page_with_its_number_and_options():
    checked, problems = 0, []
    for page_ids, q_cell, field, option_cell in spec_rows():
        if page_ids[0] == "rent_weekly":
            continue  # the four rent pages are checked in test_income
        for n in instances(page_ids[0]):
            page = PAGES.get(expand(page_ids[0], n))
            if page is None:
                problems.append(f"no page {expand(page_ids[0], n)}")
                continue
            name = expand(field, n)
            matches = [q for q in page.questions if q.field == name]
            if not matches:
                problems.append(f"{page.id}: no question for {name}")
                continue
            question = matches[0]
            if question.number != expected_number(q_cell, n):
                problems.append(f"{page.id}.{name}: Q{question.number}, spec Q{q_cell}")
            options = parse_options(option_cell)
            if options is not None and [(str(o.code), o.label) for o in question.options] != options:
                problems.append(f"{page.id}.{name}: options differ from the spec")
            checked += 1
    assert problems == []
    assert checked > 150


def test_pages_come_in_the_spec_order():
    order = []
    for page_ids, *_ in spec_rows():
        order += [page_id for page_id in page_ids if page_id not in order]
    people = [page_id for page_id in order if "{n}" in page_id]
    expected = [page_id for page_id in order if "{n}" not in page_id]
    after_lead = expected.index("working_situation_lead_tenant_net_income_value_check") + 1
    expected[after_lead:after_lead] = [expand(page_id, n) for n in PEOPLE for page_id in people]
    assert [page.id for subsection in SUBSECTIONS for page in subsection.pages] == expected
