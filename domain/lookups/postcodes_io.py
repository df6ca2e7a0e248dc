"""Postcode to local authority, from postcodes.io (or any service that answers like it).

GET {base}/postcodes/{postcode without spaces} answers {"result": {"postcode", "admin_district",
"codes": {"admin_district"}}}, or 404 for a postcode it does not know."""

from __future__ import annotations

from urllib.parse import quote

import httpx

from domain.postcodes import compact_postcode

from .http import NOT_FOUND, get_json
from .results import LookupUnavailable, PostcodeArea


class PostcodeClient:
    def __init__(self, base_url: str, client: httpx.Client):
        self.base_url = base_url.rstrip("/")
        self.client = client

    def area(self, postcode: str) -> PostcodeArea | None:
        """The local authority of a postcode; None when the service does not know the postcode."""
        compact = compact_postcode(postcode)
        body = get_json(self.client, f"{self.base_url}/postcodes/{quote(compact)}")
        if body is NOT_FOUND:
            return None
        result = body.get("result")
        if not isinstance(result, dict):
            raise LookupUnavailable("The postcode service answered without a result.")
        codes = result.get("codes") if isinstance(result.get("codes"), dict) else {}
        code, name = codes.get("admin_district"), result.get("admin_district")
        if not isinstance(code, str) or not code:
            return None  # a postcode with no district (some non-geographic ones)
        return PostcodeArea(postcode=str(result.get("postcode") or postcode), la_code=code,
                            la_name=name if isinstance(name, str) else "")
