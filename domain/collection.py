"""Collection years and their windows.

A collection year runs from 1 April to 31 March and is named by its start year ("2026" is April 2026
to March 2027). Logs of a year may be created for some months after it ends and edited for a little
longer, so from April to July two years are open at once (the crossover).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone


@dataclass(frozen=True)
class CollectionWindow:
    year: int
    new_logs_end: date  # from this day (at midnight) no more logs of this year may be created or deleted
    edit_end: date  # from this day (at midnight) they may no longer be changed
    submission_deadline: date | None = None

    @property
    def start(self) -> date:
        return date(self.year, 4, 1)

    @property
    def end(self) -> date:
        """The last tenancy start or sale date that belongs to this year."""
        return _day_or_last(self.year + 1, 3, 31)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def open_for_new_logs(self, today: date) -> bool:
        return self.start <= today < self.new_logs_end

    def open_for_edits(self, today: date) -> bool:
        return self.start <= today < self.edit_end


# Published deadlines (each closes at the start of its day); a year not listed closes at the start of
# 31 December after it ends.
KNOWN_WINDOWS = {
    2024: CollectionWindow(2024, new_logs_end=date(2025, 7, 11), edit_end=date(2025, 8, 29)),
    2025: CollectionWindow(2025, new_logs_end=date(2026, 7, 12), edit_end=date(2026, 9, 1)),
    2026: CollectionWindow(
        2026, new_logs_end=date(2027, 7, 3), edit_end=date(2027, 7, 31), submission_deadline=date(2027, 6, 4)
    ),
}


def year_label(year: int) -> str:
    """A collection year as people name it: "2026 to 2027" (April to March)."""
    return f"{year} to {year + 1}"


def collection_year_of(day: date) -> int:
    """The collection year a date belongs to."""
    return day.year if day >= date(day.year, 4, 1) else day.year - 1


def _day_or_last(year: int, month: int, day: int) -> date:
    """A day of a year, or the last day there is when that year is past the calendar's end (a date
    typed as 31/12/9999 still has a window, so it gets a clear error rather than an overflow)."""
    return date(year, month, day) if year <= date.max.year else date.max


def window(year: int) -> CollectionWindow:
    """The window of a collection year: its published deadlines, or those of a year not yet published."""
    closes = _day_or_last(year + 1, 12, 31)
    return KNOWN_WINDOWS.get(year) or CollectionWindow(year, new_logs_end=closes, edit_end=closes)


def today() -> date:
    return timezone.localdate()


def current_year(on: date | None = None) -> int:
    return collection_year_of(on or today())


def open_years(on: date | None = None, *, for_edits: bool = False) -> list[int]:
    """Years whose window is open on a date: the current year, and the previous one in the crossover."""
    on = on or today()
    year = collection_year_of(on)
    candidates = (year - 1, year)
    if for_edits:
        return [y for y in candidates if window(y).open_for_edits(on)]
    return [y for y in candidates if window(y).open_for_new_logs(on)]


def editable_start(on: date | None = None) -> date:
    """1 April of the earliest year still open for edits ("E" in the spec)."""
    return date(min(open_years(on, for_edits=True)), 4, 1)


def new_logs_start(on: date | None = None) -> date:
    """1 April of the earliest year still open for new logs ("N" in the spec)."""
    return date(min(open_years(on)), 4, 1)


def displayed_start(on: date | None = None) -> date:
    """1 April of the previous collection year, the earliest form still shown ("D" in the spec)."""
    return date(current_year(on) - 1, 4, 1)
