"""Files in the layout of the official 2026 to 2027 lettings bulk upload template: eight header rows
(column A holds their labels, the questions start in column B), UTF-8 with a BOM and Windows line
endings, one log per row below."""

from __future__ import annotations

import csv
import io

FIELD_COUNT = 147
SECTIONS = {1: "Setting up this lettings log", 16: "Property information", 36: "Tenancy information",
            41: "Household characteristics", 90: "Household needs", 111: "Household situation",
            135: "Income, benefits and outgoings"}
HEADER_LABELS = ("Section", "Question", "Additional info", "Values", "Can be empty?",
                 "Type of letting the question applies to", "Duplicate check field?", "Field number")
DUPLICATE_FIELDS = {1, 8, 9, 10, 13, 18, 19, 23, 24, 41, 42, 47}


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


def general_needs_row(owner, user, **fields) -> dict[int, str]:
    """A one-person general needs letting that completes every question with no soft check raised.
    `fields` overrides cells by number: `general_needs_row(org, user, **{"41": "R"})`."""
    row = {
        1: f"ORG{owner.pk}", 2: f"ORG{owner.pk}", 3: user.email, 4: "1", 7: "2", 8: "1", 9: "6", 10: "2026",
        11: "1", 13: "T-1001", 14: "P-2002", 15: "1", 16: "13", 17: "1",
        19: "1 Test Street", 21: "Sheffield", 23: "S1", 24: "2AB", 25: "E08000039",
        26: "1", 27: "2", 28: "2", 29: "1", 30: "5", 31: "2026",
        36: "2", 37: "2", 38: "2",
        41: "35", 42: "F", 43: "1", 45: "1", 46: "826", 47: "1",
        90: "2", 93: "2", 98: "1", 100: "2",
        111: "2", 112: "7", 113: "50", 115: "3", 116: "1", 117: "2", 121: "2",
        127: "1", 128: "2", 129: "2", 130: "2", 132: "6", 133: "4",
        135: "1", 136: "1", 137: "400", 138: "9", 139: "3", 141: "1",
        142: "100.00", 143: "10.00", 144: "0", 145: "0",
    }
    row.update({int(number): value for number, value in fields.items()})
    return {number: value for number, value in row.items() if value is not None}


def template_csv(rows, *, field_numbers=None, headers: bool = True, bom: bool = True, newline: str = "\r\n") -> bytes:
    """The bytes of a template file with these data rows (dicts of field number -> cell text)."""
    numbers = list(field_numbers or range(1, FIELD_COUNT + 1))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=newline)
    if headers:
        writer.writerows(header_rows(numbers))
    for row in rows:
        cells = [row.get(n, "") for n in numbers]
        writer.writerow(["", *cells] if headers else cells)
    return (("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8")
