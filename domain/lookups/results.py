"""What the look-up services answer, in the service's own terms (no HTTP or JSON beyond this package)."""

from __future__ import annotations

from dataclasses import dataclass


class LookupUnavailable(Exception):
    """The service is switched off, did not answer in time, or answered with an error or nonsense.

    Callers fall back to what people type: a save or an upload never fails because of it."""


@dataclass(frozen=True)
class Address:
    """One address a search found: its UPRN, the address as one line, and the fields a log stores."""

    uprn: str
    text: str
    address_line1: str
    address_line2: str
    town_or_city: str
    postcode: str
    match: float | None = None  # how well it matched the search (0 to 1), when the search says

    def as_json(self) -> dict:
        return {"uprn": self.uprn, "text": self.text, "address_line1": self.address_line1,
                "address_line2": self.address_line2, "town_or_city": self.town_or_city, "postcode": self.postcode}


@dataclass(frozen=True)
class PostcodeArea:
    """The local authority district a postcode lies in, as postcodes.io names it (ONS code and name)."""

    postcode: str
    la_code: str
    la_name: str
