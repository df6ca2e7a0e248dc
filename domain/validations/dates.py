"""Date rules shared by lettings and sales: a log's date must fall in a year that is open."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from domain import collection

FUTURE_DAYS_ALLOWED = 14


def as_date(value) -> date | None:
    """The calendar date of a date or datetime answer."""
    return value.date() if isinstance(value, datetime) else value


def long_date(day: date) -> str:
    """A date as people write it: 1 April 2026."""
    day = as_date(day)
    return f"{day.day} {day:%B %Y}"


def log_date_window(*, today: date, editing: bool) -> tuple[date, date]:
    """The first and last dates a log may have today. An edit may reach back to the previous year
    while that year is still open for edits; a new date only while it is open for new logs."""
    current = collection.collection_year_of(today)
    years = collection.open_years(today, for_edits=editing) or [current]
    return date(min(years), 4, 1), date(current + 1, 3, 31)


def log_date_error(day: date | None, *, today: date, editing: bool, what: str) -> str | None:
    """Why a log's date is not allowed today, or None."""
    if day is None:
        return None
    first, last = log_date_window(today=today, editing=editing)
    if not first <= day <= last:
        if len(collection.open_years(today)) > 1:
            return (f"Enter a {what} within the open collection years, between "
                    f"{long_date(first)} and {long_date(last)}.")
        return f"Enter a {what} within the current collection year, between {long_date(first)} and {long_date(last)}."
    if day > today + timedelta(days=FUTURE_DAYS_ALLOWED):
        return f"The {what} must not be more than {FUTURE_DAYS_ALLOWED} days after today."
    return None
