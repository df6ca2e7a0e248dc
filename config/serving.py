"""What a web process does once the application is loaded, before it serves a request (config/wsgi.py)."""

from __future__ import annotations

import gc

from django.urls import get_resolver


def settle() -> None:
    """Load the URL configuration (and with it every admin), collect once, then freeze what is alive.

    Python's full garbage collection walks every object in the process. A loaded console holds about
    220,000 (Django, unfold, the admins, the form catalogue), and a list or log page leaves enough
    objects alive in passing to start a full collection about once in ten pages: 150 to 170 ms added
    to that page. `gc.freeze()` moves the objects alive now out of the collector's sight for good (they
    live as long as the process anyway), so a full collection walks only what requests made: 20 to
    70 ms (tests/benchmarks/README.md, "Log lists")."""
    get_resolver().url_patterns
    gc.collect()
    gc.freeze()
