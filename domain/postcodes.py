"""UK postcodes: the format the service accepts, and the one spelling it stores ("AA1 1AA")."""

import re

POSTCODE_PATTERN = re.compile(
    r"^(([A-Z]{1,2}[0-9][A-Z0-9]?|ASCN|STHL|TDCU|BBND|[BFS]IQQ|PCRN|TKCA) ?[0-9][A-Z]{2}"
    r"|BFPO ?[0-9]{1,4}|(KY[0-9]|MSR|VG|AI)[ -]?[0-9]{4}|[A-Z]{2} ?[0-9]{2}|GE ?CX|GIR ?0A{2}|SAN ?TA1)$",
    re.IGNORECASE,
)
INWARD_CODE = re.compile(r"[0-9][A-Z]{2}$")


def compact_postcode(value: str | None) -> str:
    """The postcode without spaces, upper-case, as searches compare it."""
    return "".join((value or "").split()).upper()


def is_valid_postcode(value: str | None) -> bool:
    return bool(POSTCODE_PATTERN.match(compact_postcode(value)))


def normalise_postcode(value: str | None) -> str:
    """Upper case with one space before the inward code ("sw1a2aa" -> "SW1A 2AA"); "" if the value
    is not a UK postcode (callers keep what was entered when they need to show it in an error)."""
    compact = compact_postcode(value)
    if not POSTCODE_PATTERN.match(compact):
        return ""
    inward = INWARD_CODE.search(compact)
    return f"{compact[:inward.start()]} {inward.group()}" if inward and inward.start() > 0 else compact


def postcode_as_stored(value: str | None) -> str:
    """The stored spelling of a postcode; what is not a postcode is kept as entered (trimmed,
    upper-case) so that its error can show it."""
    return normalise_postcode(value) or (value or "").strip().upper()
