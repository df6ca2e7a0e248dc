"""The first row of a log download: what each variable means (spec csv-downloads §5.1).

Definitions are shipped as files, `fixtures/variable_definitions/{log_type}_download_{yy}_{yy+1}.csv`
(variable, definition; the definition runs to the end of the line, commas and all). A variable takes
the definition of the requested year, else of the latest earlier year that has one.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from django.conf import settings

FOLDER = Path(settings.BASE_DIR) / "fixtures" / "variable_definitions"
NAME = re.compile(r"^(?P<log_type>[a-z]+)_download_(?P<yy>\d\d)_\d\d\.csv$")


@lru_cache(maxsize=None)
def _by_year(log_type: str) -> dict[int, dict[str, str]]:
    years: dict[int, dict[str, str]] = {}
    for path in sorted(FOLDER.glob(f"{log_type}_download_*.csv")):
        match = NAME.match(path.name)
        if not match or match["log_type"] != log_type:
            continue
        definitions: dict[str, str] = {}
        for line in path.read_text(encoding="utf-8-sig").splitlines():
            variable, _, definition = line.partition(",")
            if variable.strip():
                definitions.setdefault(variable.strip().lower(), definition.strip())
        years[2000 + int(match["yy"])] = definitions
    return years


def definition(log_type: str, year: int, variable: str) -> str:
    variable = variable.lower()
    for from_year in sorted((y for y in _by_year(log_type) if y <= year), reverse=True):
        if variable in _by_year(log_type)[from_year]:
            return _by_year(log_type)[from_year][variable]
    return ""


def row(log_type: str, year: int, headers: list[str]) -> list[str]:
    return [definition(log_type, year, header) for header in headers]
