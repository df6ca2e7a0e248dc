"""The 2026 sales catalogue against the question tables of the written spec (sales-2026-form §2).

The spec sits beside the repository (`../shared/spec/`); without it these tests are skipped. Every
table row's field must be on its page with the spec's question number, every row listing `code=label`
options must match the catalogue's options exactly (codes, labels, order, stored-only codes included),
and each subsection's pages must come in the spec's order.
"""

import re


from domain.forms.y2026.sales import FORM
from tests.shared_files import shared_path

SPEC = shared_path("spec", "sales-2026-form.md")
PEOPLE = range(2, 7)
# Label quirks the spec keeps from the service (§7.9): the housing-benefit "Don’t know " has a trailing space.
QUIRKS = {("hb", 4): "Don’t know "}



def sections():
    """(subsection id, rows) for §2.1 to §2.9; each row is (page id, field, question cell, options cell)."""
    text = SPEC.read_text(encoding="utf-8")
    text = text[text.index("\n## 2. "):text.index("\n## 3. ")]
    for block in text.split("\n### 2.")[1:]:
        subsection_id = re.search(r"subsection `([^`]+)`", block.splitlines()[0]).group(1)
        rows = []
        for line in block.splitlines():
            if not line.startswith("| `"):
                continue
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            rows.append((cells[0].strip("`"), cells[1].strip("`"), cells[3], cells[4]))
        if rows:  # §2.10 (outright sale) lists its pages in prose
            yield subsection_id, rows


def expand(text: str, n):
    return text.replace("N", str(n)) if n else text


def instances(page_id: str):
    return PEOPLE if re.search(r"(^|_)N(_|$)", page_id) else [None]


def expand_field(field: str, n):
    return field.replace("N", str(n)) if n else field  # column names are lower case apart from the slot N


def expected_number(cell: str, n):
    if cell.startswith("Q("):
        base = re.match(r"Q\((\d+)\+5N\)", cell).group(1)
        return int(base) + 5 * n
    match = re.match(r"Q(\d+) ·", cell)
    return int(match.group(1)) if match else None


OPTION = re.compile(r"^(?:‖\s*)?([0-9]+|[A-Z])=(.+)$")
STORED_AFTER = re.compile(r"\s*\*\((\d+)=(.+?) stored, not displayed\)\*$")


def parse_options(cell: str):
    """[(code, label)] for a cell made only of `code=label` items, else None (named sets are checked apart)."""
    pairs = []
    for item in cell.split("; "):
        item = item.strip()
        extra = STORED_AFTER.search(item)
        if extra:
            item = item[:extra.start()]
        item = item.replace(" *(stored, not displayed)*", "")
        match = OPTION.match(item)
        if not match:
            return None
        pairs.append((match.group(1), match.group(2).strip()))
        if extra:
            pairs.append((extra.group(1), extra.group(2)))
    return pairs


def subsection(subsection_id: str):
    return next(sub for sub in FORM.subsections if sub.id == subsection_id)


def test_spec_was_read():
    parsed = dict(sections())
    assert list(parsed) == [sub.id for sub in FORM.subsections][:-1]  # outright sale has no table
    assert sum(len(rows) for rows in parsed.values()) > 200


def test_every_row_is_on_its_page_with_its_number_and_options():
    checked, with_options, problems = 0, 0, []
    for subsection_id, rows in sections():
        pages = {page.id: page for page in subsection(subsection_id).pages}
        for page_template, field_template, q_cell, option_cell in rows:
            for n in instances(page_template):
                page_id, field = expand(page_template, n), expand_field(field_template, n)
                page = pages.get(page_id)
                if page is None:
                    problems.append(f"{subsection_id}: no page {page_id}")
                    continue
                matches = [q for q in page.questions if q.field == field]
                if not matches:
                    problems.append(f"{page_id}: no question for {field}")
                    continue
                question = matches[0]
                if question.number != expected_number(q_cell, n):
                    problems.append(f"{page_id}.{field}: Q{question.number}, spec {q_cell[:8]}")
                expected = parse_options(option_cell)
                if expected is not None:
                    actual = [(str(o.code), QUIRKS.get((field, o.code), o.label).rstrip()
                               if (field, o.code) in QUIRKS else o.label) for o in question.options]
                    if actual != expected:
                        problems.append(f"{page_id}.{field}: options {actual} != spec {expected}")
                    with_options += 1
                checked += 1
    assert problems == []
    assert checked > 280
    assert with_options > 175


def test_quirky_labels_are_kept():
    assert FORM.question("hb").label_for(4) == QUIRKS[("hb", 4)]
    assert FORM.question("buildheightclass").label_for(3) == "Don't know"


def test_pages_come_in_the_spec_order():
    for subsection_id, rows in sections():
        order = []
        for page_template, *_ in rows:
            if page_template not in order:
                order.append(page_template)
        people = [page_id for page_id in order if instances(page_id) != [None]]
        expected = [page_id for page_id in order if instances(page_id) == [None]]
        expected += [expand(page_id, n) for n in PEOPLE for page_id in people]
        assert [page.id for page in subsection(subsection_id).pages] == expected, subsection_id
