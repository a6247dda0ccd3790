"""Calendar arithmetic in whole months and years, the units plans and renewal cycles are counted in."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

__all__ = ["add_months", "add_years", "last_day_of_month", "parse_month"]

_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


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


def parse_month(value: object) -> object:
    """A profile's date: 2024-01 or 2024-01-15 (YAML gives a date for the latter), a date or a
    datetime (the day is what counts). Anything else that is not a date is returned as it is, for
    the validator to reject; a number or a malformed or impossible date raises ValueError."""
    if isinstance(value, datetime):  # `2024-01-15 09:00` in YAML
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):  # pydantic reads 0 as 1970-01-01
        raise ValueError(f"expected a date as YYYY-MM or YYYY-MM-DD, found {value!r}")
    if isinstance(value, str):
        match = _YEAR_MONTH.match(value.strip())
        if not match:
            raise ValueError(f"expected a date as YYYY-MM or YYYY-MM-DD, found {value!r}")
        year, month, day = int(match[1]), int(match[2]), int(match[3] or 1)
        try:
            return date(year, month, day)
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a real date ({exc})") from None
    return value
