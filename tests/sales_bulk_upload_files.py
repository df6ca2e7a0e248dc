"""Files in the layout of the official 2026 to 2027 sales bulk upload template: eight header rows
(column A holds their labels, the questions start in column B), UTF-8 with a BOM and Windows line
endings, one sale per row below."""

from __future__ import annotations

import csv
import io

FIELD_COUNT = 136
SECTIONS = {1: "Setting up this sales log", 16: "Property information", 29: "Household characteristics",
            71: "Household situation", 78: "Other household information", 83: "Income, benefits and outgoings",
            91: "Shared ownership - initial purchase", 109: "Shared ownership - staircasing transaction",
            127: "Discounted ownership"}
HEADER_LABELS = ("Section", "Question", "Additional info", "Values", "Can be empty?",
                 "Types of sales the question applies to", "Duplicate check field?", "Field number")
DUPLICATE_FIELDS = {1, 2, 3, 4, 7, 16, 17, 21, 22, 29, 35}


def header_rows(field_numbers=None) -> list[list[str]]:
    numbers = list(field_numbers or range(1, FIELD_COUNT + 1))
    rows = []
    for label in HEADER_LABELS:
        if label == "Section":
            cells = [SECTIONS.get(n, "") for n in numbers]
        elif label == "Question":
            cells = [f"Question {n}" for n in numbers]
        elif label == "Duplicate check field?":
            cells = ["Yes" if n in DUPLICATE_FIELDS else "" for n in numbers]
        elif label == "Field number":
            cells = [str(n) for n in numbers]
        else:
            cells = [""] * len(numbers)
        rows.append([label, *cells])
    return rows


def _common(owner, user) -> dict[int, str]:
    """Set-up, property, a sole buyer and their finances: shared by both kinds of sale below."""
    return {
        1: "12", 2: "6", 3: "2026", 4: f"ORG{owner.pk}", 5: f"ORG{owner.pk}", 6: user.email, 7: "P-101",
        12: "2", 14: "2", 15: "1",
        17: "1 Sale Street", 19: "Sheffield", 21: "S1", 22: "2AB", 23: "E08000039",
        24: "1", 25: "2", 26: "2", 27: "1", 28: "2",
        29: "34", 30: "F", 31: "1", 33: "1", 34: "826", 35: "1", 36: "1", 46: "1",
        71: "1", 72: "1", 73: "S2", 74: "3CD", 75: "E08000039",
        78: "7", 80: "5", 81: "2", 82: "2",
        83: "32000", 84: "1", 87: "1", 88: "15000", 89: "2",
    }


def shared_ownership_row(owner, user, **fields) -> dict[int, str]:
    """A sole buyer's shared ownership initial purchase that completes every question with no soft
    check raised. `fields` overrides cells by number: `shared_ownership_row(org, user, **{"29": "R"})`."""
    row = _common(owner, user) | {
        8: "1", 9: "30", 10: "2",
        91: "2", 92: "0", 93: "1", 94: "5", 95: "2026", 96: "2", 97: "1", 98: "1",
        99: "150000", 100: "40", 101: "1", 102: "50000", 103: "25", 104: "10000", 106: "300.50", 107: "50",
        108: "0",
    }
    row.update({int(number): value for number, value in fields.items()})
    return {number: value for number, value in row.items() if value is not None}


def discounted_ownership_row(owner, user, **fields) -> dict[int, str]:
    """A sole buyer's Right to Buy purchase that completes every question with no soft check raised."""
    row = _common(owner, user) | {
        7: "P-202", 8: "2", 11: "9", 14: "1",
        127: "5", 128: "120000", 130: "30", 131: "1", 132: "80000", 133: "R", 134: "2",
        135: "4000", 136: "R",
    }
    row.update({int(number): value for number, value in fields.items()})
    return {number: value for number, value in row.items() if value is not None}


def sales_template_csv(rows, *, field_numbers=None, bom: bool = True, newline: str = "\r\n") -> bytes:
    """The bytes of a sales template file with these data rows (dicts of field number -> cell text)."""
    numbers = list(field_numbers or range(1, FIELD_COUNT + 1))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=newline)
    writer.writerows(header_rows(numbers))
    for row in rows:
        writer.writerow(["", *[row.get(n, "") for n in numbers]])
    return (("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8")
