"""One small JSON-over-HTTP helper shared by the two clients (httpx, with the configured timeout)."""

from __future__ import annotations

import logging

import httpx

from .results import LookupUnavailable

logger = logging.getLogger(__name__)

NOT_FOUND = object()  # the service answered that it knows nothing of what was asked


def get_json(client: httpx.Client, url: str, params: dict | None = None, *, not_found=(404,)):
    """The decoded JSON body of a GET; NOT_FOUND for the statuses in `not_found`.

    Raises LookupUnavailable on a timeout, a connection failure, any other non-2xx status, or a body
    that is not a JSON object."""
    try:
        response = client.get(url, params=params)
    except httpx.TimeoutException as error:
        logger.warning("Look-up %s timed out: %s", _safe(url), error)
        raise LookupUnavailable("The look-up service did not answer in time.") from error
    except httpx.HTTPError as error:
        logger.warning("Look-up %s failed: %s", _safe(url), error)
        raise LookupUnavailable("The look-up service could not be reached.") from error
    if response.status_code in not_found:
        return NOT_FOUND
    if not response.is_success:
        logger.warning("Look-up %s answered %s", _safe(url), response.status_code)
        raise LookupUnavailable(f"The look-up service answered with an error ({response.status_code}).")
    try:
        body = response.json()
    except ValueError as error:
        logger.warning("Look-up %s answered with a body that is not JSON", _safe(url))
        raise LookupUnavailable("The look-up service answered with something that is not JSON.") from error
    if not isinstance(body, dict):
        raise LookupUnavailable("The look-up service answered in an unexpected shape.")
    return body


def _safe(url: str) -> str:
    """The URL without its query string, which can carry the API key."""
    return url.split("?", 1)[0]
