"""Which declaration module lays out the download of a log type and collection year.

A new year adds its module here (`exports/csv/lettings_2027.py`, `exports/csv/sales_2027.py`); each
declares its columns as data (spec csv-downloads §5.2 to §5.6).
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

DECLARATIONS = {
    ("lettings", 2026): "exports.csv.lettings_2026",
    ("sales", 2026): "exports.csv.sales_2026",
}


def years(log_type: str) -> list[int]:
    return sorted(year for kind, year in DECLARATIONS if kind == log_type)


def declaration(log_type: str, year: int) -> ModuleType:
    try:
        return import_module(DECLARATIONS[(log_type, year)])
    except KeyError:
        offered = ", ".join(str(y) for y in years(log_type))
        if not offered:
            raise LookupError(f"{log_type.capitalize()} logs cannot be downloaded yet.") from None
        raise LookupError(f"There is no {log_type} download for {year}. Choose one of: {offered}.") from None
