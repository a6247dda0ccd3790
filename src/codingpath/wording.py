"""How codingpath says things: short phrases every output format shares."""

from __future__ import annotations

__all__ = ["months_in_words", "years_in_words"]


def _count(value: int, unit: str) -> str:
    return f"{value} {unit}" + ("" if value == 1 else "s")


def months_in_words(months: int) -> str:
    """A span the way people say it: '3 months', '1 year', '1 year 7 months', '2 years'."""
    years, rest = divmod(max(0, months), 12)
    if not years:
        return _count(rest, "month")
    return _count(years, "year") + (f" {_count(rest, 'month')}" if rest else "")


def years_in_words(years: float) -> str:
    """A span given in years, to the nearest month: 0.25 -> '3 months', 1.6 -> '1 year 7 months'."""
    return months_in_words(round(years * 12))
