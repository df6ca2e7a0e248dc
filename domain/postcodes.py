"""UK postcodes: the format check and the one stored spelling ("AA1 1AA", upper-case)."""

import re

# Outward code (area letters, district digits, optional letter) then inward code (digit, two letters).
POSTCODE_PATTERN = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")


def normalise_postcode(value: str | None) -> str:
    """The postcode upper-case with one space before the inward code, or "" if it is not a UK postcode."""
    compact = "".join((value or "").split()).upper()
    match = POSTCODE_PATTERN.match(compact)
    return f"{match.group(1)} {match.group(2)}" if match else ""


def is_valid_postcode(value: str | None) -> bool:
    return bool(normalise_postcode(value))


def compact_postcode(value: str | None) -> str:
    """The postcode without spaces, as searches compare it."""
    return "".join((value or "").split()).upper()
