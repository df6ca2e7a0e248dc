"""A local HTTP server that answers like postcodes.io and the OS Places API, for tests that need the
look-ups (pytest-httpserver: a real server on 127.0.0.1, never the internet).

Use the `fake_lookups` fixture (import it into a conftest or test module): it points the settings at
the server (every test starts with an empty look-up cache), and lets a test say which postcodes and
addresses exist, make a service slow, failing or talking nonsense, and count the calls each service
received."""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field

import pytest
from werkzeug import Request, Response

from domain.postcodes import compact_postcode

API_KEY = "test-os-places-key"


def dpa(uprn: str, number: str, street: str, town: str, postcode: str, *, match: float = 1.0, **extra) -> dict:
    """An OS Places delivery-point record, in the capitals the service uses."""
    record = {"UPRN": uprn, "BUILDING_NUMBER": number, "THOROUGHFARE_NAME": street.upper(),
              "POST_TOWN": town.upper(), "POSTCODE": postcode,
              "ADDRESS": f"{number}, {street.upper()}, {town.upper()}, {postcode}", "MATCH": match, **extra}
    return {key: value for key, value in record.items() if value not in (None, "")}


@dataclass
class FakeLookups:
    server: object
    areas: dict = field(default_factory=dict)  # compact postcode -> (code, name)
    addresses: list = field(default_factory=list)  # DPA records
    delay_s: float = 0.0
    failing: str = ""  # "", "500" or "garbage": how every answer goes wrong

    @property
    def postcode_url(self) -> str:
        return self.server.url_for("/postcodes.io").rstrip("/")

    @property
    def address_url(self) -> str:
        return self.server.url_for("/os/search/places/v1").rstrip("/")

    def add_postcode(self, postcode: str, code: str, name: str) -> None:
        self.areas[compact_postcode(postcode)] = (code, name)

    def add_address(self, record: dict) -> None:
        self.addresses.append(record)

    def calls(self, part: str = "") -> list[str]:
        """The paths (with query) the server was asked for, optionally only those containing `part`."""
        paths = [request.full_path for request, _ in self.server.log]
        return [path for path in paths if part in path]

    # --- the two services ----------------------------------------------------------------------

    def answer(self, request: Request) -> Response:
        if self.delay_s:
            time.sleep(self.delay_s)
        if self.failing == "500":
            return Response("Internal Server Error", status=500)
        if self.failing == "garbage":
            return Response("<html>Service unavailable</html>", status=200, content_type="application/json")
        path = request.path
        if path.startswith("/postcodes.io/postcodes/"):
            return self._postcode(path.rsplit("/", 1)[1])
        if path.startswith("/os/search/places/v1/"):
            if request.args.get("key") != API_KEY:
                return _json({"error": {"statuscode": 401, "message": "Invalid API key"}}, 401)
            return self._places(path.rsplit("/", 1)[1], request.args)
        return _json({"error": "Not found"}, 404)

    def _postcode(self, postcode: str) -> Response:
        found = self.areas.get(compact_postcode(postcode))
        if found is None:
            return _json({"status": 404, "error": "Postcode not found"}, 404)
        code, name = found
        pretty = compact_postcode(postcode)
        pretty = f"{pretty[:-3]} {pretty[-3:]}"
        return _json({"status": 200, "result": {"postcode": pretty, "admin_district": name,
                                                "codes": {"admin_district": code}}})

    def _places(self, endpoint: str, args) -> Response:
        if endpoint == "uprn":
            found = [r for r in self.addresses if r["UPRN"] == args.get("uprn")]
        elif endpoint == "postcode":
            wanted = compact_postcode(args.get("postcode"))
            found = [r for r in self.addresses if compact_postcode(r["POSTCODE"]) == wanted]
        elif endpoint == "find":
            words = [w for w in re.split(r"[\s,]+", (args.get("query") or "").upper()) if w]
            scored = []
            for record in self.addresses:
                text = record["ADDRESS"].upper()
                hits = sum(1 for word in words if word in text)
                score = round(hits / len(words), 2) if words else 0
                if score >= float(args.get("minmatch", 0)):
                    scored.append({**record, "MATCH": score})
            found = sorted(scored, key=lambda r: -r["MATCH"])[: int(args.get("maxresults", 100))]
        else:
            return _json({"error": {"statuscode": 400, "message": "Unknown endpoint"}}, 400)
        header = {"totalresults": len(found)}
        # The real service leaves "results" out when nothing is found.
        return _json({"header": header, "results": [{"DPA": r} for r in found]} if found else {"header": header})


def _json(body: dict, status: int = 200) -> Response:
    return Response(json.dumps(body), status=status, content_type="application/json")


@pytest.fixture
def fake_lookups(httpserver, settings):
    """Both look-up services on a local server, configured and switched on (every test starts with an
    empty cache: tests/conftest.py)."""
    fake = FakeLookups(server=httpserver)
    httpserver.expect_request(re.compile(r"^/.*$")).respond_with_handler(fake.answer)
    settings.POSTCODE_LOOKUP_URL = fake.postcode_url
    settings.ADDRESS_LOOKUP_URL = fake.address_url
    settings.OS_PLACES_API_KEY = API_KEY
    settings.LOOKUP_TIMEOUT_S = 0.5
    yield fake
    if fake.delay_s:
        time.sleep(fake.delay_s)  # the server answers one request at a time: let a slow answer finish
