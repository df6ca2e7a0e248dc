"""The one interface to both look-up services, configured from settings, with answers cached.

Answers (found and not found) are kept in Django's cache, so a bulk upload of thousands of rows in
one postcode area asks each distinct postcode once. When a service fails (off, slow, an error,
nonsense) callers get LookupUnavailable; for DOWN_FOR_S seconds afterwards it is not asked again, so
a page or an upload does not wait for the timeout over and over. Inside `cached_answers_only()` only
cached answers are used: a bulk upload looks everything up before its transaction opens, then
checks its rows inside it without a network call."""

from __future__ import annotations

import hashlib
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

import httpx
from django.conf import settings
from django.core.cache import cache

from domain.postcodes import compact_postcode, is_valid_postcode
from domain.selectors.lookups import current_memo

from .os_places import AddressClient
from .postcodes_io import PostcodeClient
from .results import Address, LookupUnavailable, PostcodeArea

KEEP_FOR_S = 24 * 60 * 60  # postcodes and addresses change rarely
DOWN_FOR_S = 30
BEST_MATCH = 0.7  # an address search result this good is taken as the address (bulk upload)
_MISSING = object()
_cache_only: ContextVar[bool] = ContextVar("lookups_cache_only", default=False)


@dataclass(frozen=True)
class LookupSettings:
    postcode_url: str
    address_url: str
    address_key: str
    timeout_s: float

    @classmethod
    def from_django(cls) -> LookupSettings:
        return cls(
            postcode_url=getattr(settings, "POSTCODE_LOOKUP_URL", "") or "",
            address_url=getattr(settings, "ADDRESS_LOOKUP_URL", "") or "",
            address_key=getattr(settings, "OS_PLACES_API_KEY", "") or "",
            timeout_s=float(getattr(settings, "LOOKUP_TIMEOUT_S", 3)),
        )


@lru_cache(maxsize=8)
def _http_client(timeout_s: float) -> httpx.Client:
    # One pooled client per timeout: connections are reused between look-ups. No retries: a slow
    # service should cost one timeout, not several.
    return httpx.Client(timeout=httpx.Timeout(timeout_s), headers={"Accept": "application/json"},
                        follow_redirects=False)


@contextmanager
def cached_answers_only():
    """Within the block, answers come from the cache only; anything not cached is unavailable."""
    token = _cache_only.set(True)
    try:
        yield
    finally:
        _cache_only.reset(token)


class Lookups:
    """Postcode to local authority (postcodes.io) and address search (OS Places), cached."""

    def __init__(self, config: LookupSettings | None = None):
        self.config = config or LookupSettings.from_django()
        client = _http_client(self.config.timeout_s)
        self._postcodes = PostcodeClient(self.config.postcode_url, client) if self.config.postcode_url else None
        self._addresses = (AddressClient(self.config.address_url, self.config.address_key, client)
                           if self.config.address_url and self.config.address_key else None)

    @property
    def postcodes_on(self) -> bool:
        return self._postcodes is not None

    @property
    def addresses_on(self) -> bool:
        return self._addresses is not None

    # --- postcodes -----------------------------------------------------------------------------

    def postcode_area(self, postcode: str) -> PostcodeArea | None:
        """The local authority of a postcode (the property's or a previous one); None when the
        service does not know it or it is not a UK postcode. Raises LookupUnavailable."""
        if not is_valid_postcode(postcode):
            return None
        if self._postcodes is None:
            raise LookupUnavailable("Postcode look-up is switched off.")
        compact = compact_postcode(postcode)
        return self._cached("postcodes", self.config.postcode_url, compact,
                            lambda: self._postcodes.area(compact))

    # --- addresses -----------------------------------------------------------------------------

    def search(self, query: str) -> list[Address]:
        """Addresses for what a person typed: a UPRN (digits, more than five), a postcode (every
        address in it), text (an address line and postcode, best match first), or a short number
        (both the UPRN and the text search)."""
        query = " ".join((query or "").split())
        if not query:
            return []
        if query.isdigit() and len(query) > 5:
            found = self.address_for_uprn(query)
            return [found] if found else []
        if is_valid_postcode(query):
            return self.addresses_in_postcode(query)
        if query.isdigit():  # a short number: a UPRN or part of an address
            by_uprn = self.address_for_uprn(query)
            return ([by_uprn] if by_uprn else []) + [a for a in self.find(query) if not by_uprn or a.uprn != by_uprn.uprn]
        return self.find(query)

    def find(self, query: str, *, min_match: float = 0.2) -> list[Address]:
        client = self._address_client()
        return self._remember_uprns(self._cached("find", self.config.address_url, f"{min_match}:{query.lower()}",
                                                 lambda: client.find(query, min_match=min_match)))

    def addresses_in_postcode(self, postcode: str) -> list[Address]:
        client = self._address_client()
        compact = compact_postcode(postcode)
        return self._remember_uprns(self._cached("postcode", self.config.address_url, compact,
                                                 lambda: client.in_postcode(compact)))

    def address_for_uprn(self, uprn: str) -> Address | None:
        """The address of a UPRN; None when there is none. Raises LookupUnavailable."""
        uprn = str(uprn).strip()
        if not uprn.isdigit():
            return None
        client = self._address_client()
        return self._cached("uprn", self.config.address_url, uprn, lambda: client.by_uprn(uprn))

    def best_match(self, address_line: str, postcode: str) -> Address | None:
        """The address a line and postcode most likely mean, when the search is sure enough."""
        query = ", ".join(part for part in (address_line, postcode) if part)
        if not query:
            return None
        found = self.find(query)
        best = found[0] if found else None
        return best if best is not None and (best.match or 0) >= BEST_MATCH else None

    def _address_client(self) -> AddressClient:
        if self._addresses is None:
            raise LookupUnavailable("Address search is switched off (no OS Places API key).")
        return self._addresses

    def _remember_uprns(self, addresses: list[Address]) -> list[Address]:
        """A chosen search result is looked up again by its UPRN when the log is saved: keep it."""
        memo = current_memo()
        for address in addresses:
            key = _key("uprn", self.config.address_url, address.uprn)
            cache.add(key, address, KEEP_FOR_S)
            if memo is not None:
                memo.setdefault(key, address)
        return addresses

    # --- caching -------------------------------------------------------------------------------

    def _cached(self, kind: str, base_url: str, argument: str, ask):
        key = _key(kind, base_url, argument)
        # Within a bulk upload (`remembered_lookups`) answers are also kept in the upload's own memo,
        # which nothing evicts, whatever the size of Django's cache.
        memo = current_memo()
        if memo is not None and key in memo:
            return memo[key]
        answer = cache.get(key, _MISSING)
        if answer is not _MISSING:
            if memo is not None:
                memo[key] = answer
            return answer
        down_key = _key("down", base_url, "")
        if _cache_only.get():
            raise LookupUnavailable("Not looked up in advance.")
        if cache.get(down_key):
            raise LookupUnavailable("The look-up service failed a moment ago.")
        try:
            answer = ask()
        except LookupUnavailable:
            cache.set(down_key, True, DOWN_FOR_S)
            raise
        cache.set(key, answer, KEEP_FOR_S)
        if memo is not None:
            memo[key] = answer
        return answer


def _key(kind: str, base_url: str, argument: str) -> str:
    digest = hashlib.sha1(f"{base_url}|{argument}".encode()).hexdigest()
    return f"lookups:{kind}:{digest}"


def lookups() -> Lookups:
    """The look-ups as configured now (settings are read each time, clients are shared)."""
    return Lookups()
