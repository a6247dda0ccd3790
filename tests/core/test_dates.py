"""Month and year arithmetic: the one place plans, readiness windows and renewal cycles count time."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from codingpath.dates import add_months, add_years, last_day_of_month


@pytest.mark.parametrize(("year", "month", "last"), [(2026, 1, 31), (2026, 2, 28), (2028, 2, 29), (2100, 2, 28),
                                                     (2000, 2, 29), (2026, 4, 30), (2026, 12, 31)])
def test_last_day_of_month(year, month, last):
    assert last_day_of_month(year, month) == last


def test_add_months_keeps_the_day_or_takes_the_months_last():
    assert add_months(date(2026, 11, 23), 6) == date(2027, 5, 23)
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert add_months(date(2027, 8, 31), 6) == date(2028, 2, 29)
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 23), 0) == date(2026, 11, 23)
    assert add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)
    assert add_months(date(2026, 1, 15), -13) == date(2024, 12, 15)


def test_add_years_moves_29_february_to_the_28th_in_a_common_year():
    assert add_years(date(2021, 6, 15), 2) == date(2023, 6, 15)
    assert add_years(date(2020, 2, 29), 2) == date(2022, 2, 28)
    assert add_years(date(2020, 2, 29), 4) == date(2024, 2, 29)
    assert add_years(date(2023, 6, 15), -2) == date(2021, 6, 15)


def test_months_compose_and_never_leave_the_target_month():
    start = date(2024, 1, 1)
    for offset in range(0, 800, 7):
        day = start + timedelta(days=offset)
        for months in range(-25, 26):
            moved = add_months(day, months)
            assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
            assert moved.day == min(day.day, last_day_of_month(moved.year, moved.month))
