"""UK postcodes: the pattern the service accepts, and the form it stores them in."""

import re

POSTCODE_PATTERN = re.compile(
    r"^(([A-Z]{1,2}[0-9][A-Z0-9]?|ASCN|STHL|TDCU|BBND|[BFS]IQQ|PCRN|TKCA) ?[0-9][A-Z]{2}"
    r"|BFPO ?[0-9]{1,4}|(KY[0-9]|MSR|VG|AI)[ -]?[0-9]{4}|[A-Z]{2} ?[0-9]{2}|GE ?CX|GIR ?0A{2}|SAN ?TA1)$",
    re.IGNORECASE,
)


def is_valid_postcode(value: str | None) -> bool:
    return bool(value) and bool(POSTCODE_PATTERN.match(value.strip()))


def normalise_postcode(value: str | None) -> str:
    """Upper case with one space before the inward code ("sw1a2aa" -> "SW1A 2AA"). A value that is
    not a postcode is returned trimmed and upper-cased, so the error shows what was entered."""
    compact = "".join((value or "").split()).upper()
    if not compact:
        return ""
    if is_valid_postcode(compact) and len(compact) >= 5 and compact[-3].isdigit():
        return f"{compact[:-3]} {compact[-3:]}"
    return (value or "").strip().upper()
