"""One clock for the whole suite.

Every test runs at `SUITE_MOMENT` (time keeps ticking from there), so nothing depends on the day the
suite happens to run: collection windows, manifest names and "changed since" markers all read this
clock. A test that needs another day travels with `on(day)` or moves the `clock` fixture."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import time_machine

LONDON = ZoneInfo("Europe/London")
SUITE_DAY = date(2026, 11, 28)
SUITE_MOMENT = datetime(2026, 11, 28, 12, 0, tzinfo=LONDON)


def moment(day: date, at: time = time(12)) -> datetime:
    return datetime.combine(day, at, tzinfo=LONDON)


def on(day: date, at: time = time(12)):
    """Travel to `at` (London time) on `day` for the length of a with block."""
    return time_machine.travel(moment(day, at), tick=True)
