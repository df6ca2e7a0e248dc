"""Address search and UPRN look-up, from the Ordnance Survey Places API (or a service answering like it).

Three GETs under the base URL, each with `key`: `/find?query=` (free text, each result with a MATCH
score), `/postcode?postcode=` (every address in a postcode) and `/uprn?uprn=`. Results come as
{"results": [{"DPA": {...}} or {"LPI": {...}}]}; no "results" means nothing was found. Only
addresses in England are asked for."""

from __future__ import annotations

import httpx

from .http import NOT_FOUND, get_json
from .results import Address, LookupUnavailable

ENGLAND_ONLY = "COUNTRY_CODE:E"
# The parts of a delivery-point (DPA) and a land-and-property (LPI) record that make the first line.
DPA_LINE1 = ("PO_BOX_NUMBER", "ORGANISATION_NAME", "DEPARTMENT_NAME", "SUB_BUILDING_NAME", "BUILDING_NAME",
             "BUILDING_NUMBER", "DEPENDENT_THOROUGHFARE_NAME", "THOROUGHFARE_NAME")
LPI_LINE1 = ("ORGANISATION", "SAO_TEXT", "PAO_START_NUMBER", "PAO_TEXT", "STREET_DESCRIPTION")
LOCALITY = ("DOUBLE_DEPENDENT_LOCALITY", "DEPENDENT_LOCALITY")


class AddressClient:
    def __init__(self, base_url: str, key: str, client: httpx.Client):
        self.base_url = base_url.rstrip("/")
        self.key = key
        self.client = client

    def find(self, query: str, *, min_match: float = 0.2, max_results: int = 10) -> list[Address]:
        """Addresses matching free text (an address line, a postcode or both), best match first."""
        return self._results("find", {"query": query, "minmatch": min_match, "maxresults": max_results})

    def in_postcode(self, postcode: str) -> list[Address]:
        """Every address in a postcode."""
        return self._results("postcode", {"postcode": postcode, "maxresults": 100})

    def by_uprn(self, uprn: str) -> Address | None:
        """The address with this UPRN; None when there is none (in England)."""
        found = self._results("uprn", {"uprn": uprn, "dataset": "DPA,LPI"})
        return found[0] if found else None

    def _results(self, endpoint: str, params: dict) -> list[Address]:
        params = {**params, "key": self.key, "fq": ENGLAND_ONLY}
        body = get_json(self.client, f"{self.base_url}/{endpoint}", params, not_found=(400, 404))
        if body is NOT_FOUND:
            return []
        results = body.get("results", [])
        if not isinstance(results, list):
            raise LookupUnavailable("The address service answered in an unexpected shape.")
        addresses = [address_from_record(entry) for entry in results if isinstance(entry, dict)]
        return [address for address in addresses if address is not None]


def address_from_record(entry: dict) -> Address | None:
    """An Address from one result ({"DPA": {...}} or {"LPI": {...}}); None if it has no UPRN."""
    record, kind = (entry.get("DPA"), "DPA") if isinstance(entry.get("DPA"), dict) else (entry.get("LPI"), "LPI")
    if not isinstance(record, dict) or not record.get("UPRN"):
        return None
    if kind == "DPA":
        line1 = _line(record, DPA_LINE1)
        town, postcode = record.get("POST_TOWN"), record.get("POSTCODE")
    else:
        line1 = _line(record, LPI_LINE1)
        town, postcode = record.get("TOWN_NAME"), record.get("POSTCODE_LOCATOR")
    match = record.get("MATCH")
    return Address(
        uprn=str(record["UPRN"]),
        text=str(record.get("ADDRESS") or ", ".join(p for p in (line1, town, postcode) if p)),
        address_line1=line1,
        address_line2=_line(record, LOCALITY),
        town_or_city=_tidy(town),
        postcode=str(postcode or "").upper(),
        match=float(match) if isinstance(match, (int, float)) else None,
    )


def _line(record: dict, parts: tuple[str, ...]) -> str:
    """The parts present, a house number joined to the street after it by a space, the rest by commas."""
    words: list[str] = []
    for part in parts:
        value = record.get(part)
        if value in (None, ""):
            continue
        text = _tidy(value)
        if words and words[-1].replace("-", "").isalnum() and any(ch.isdigit() for ch in words[-1]) \
                and not any(ch.isdigit() for ch in text):
            words[-1] = f"{words[-1]} {text}"  # "10" + "Downing Street" -> "10 Downing Street"
        else:
            words.append(text)
    return ", ".join(words)


def _tidy(value) -> str:
    """OS gives names in capitals: "DOWNING STREET" -> "Downing Street"; "12A" stays "12A"."""
    if value is None:
        return ""
    words = str(value).split()
    return " ".join(word if any(ch.isdigit() for ch in word) else "-".join(p.capitalize() for p in word.split("-"))
                    for word in words)
