"""Collection years, windows and the crossover."""

from datetime import date

from domain import collection


def test_a_date_belongs_to_the_year_starting_the_april_before():
    assert collection.collection_year_of(date(2026, 4, 1)) == 2026
    assert collection.collection_year_of(date(2027, 3, 31)) == 2026
    assert collection.collection_year_of(date(2026, 3, 31)) == 2025


def test_today_only_2026_is_open():
    assert collection.open_years(date(2026, 11, 28)) == [2026]
    assert collection.editable_start(date(2026, 11, 28)) == date(2026, 4, 1)


def test_crossover_keeps_the_previous_year_open_until_its_deadlines():
    assert collection.open_years(date(2026, 7, 11)) == [2025, 2026]
    assert collection.open_years(date(2026, 7, 12)) == [2026]  # the deadline closes at the start of its day
    assert collection.open_years(date(2026, 8, 31), for_edits=True) == [2025, 2026]
    assert collection.open_years(date(2026, 9, 1), for_edits=True) == [2026]
    assert collection.new_logs_start(date(2026, 5, 1)) == date(2025, 4, 1)


def test_unpublished_years_close_on_31_december_after_they_end():
    assert collection.window(2030).new_logs_end == date(2031, 12, 31)
