"""Calendar arithmetic in whole months and years, the units plans and renewal cycles are counted in."""

from __future__ import annotations

from datetime import date, timedelta

__all__ = ["add_months", "add_years", "last_day_of_month"]


def last_day_of_month(year: int, month: int) -> int:
    """28 to 31: the day before the first of the next month."""
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - timedelta(days=1)).day


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier); the 31st becomes a shorter month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, last_day_of_month(year, month + 1)))


def add_years(day: date, years: int) -> date:
    """The same day `years` later (or earlier); 29 February becomes 28 February in a common year."""
    return add_months(day, 12 * years)
