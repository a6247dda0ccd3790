"""Validate a profile's usual shapes without pydantic: the records the `Profile` model would give, or
None for anything else, which then goes to the model (`load.profiles`).

Reading an edited profile is the one run that must validate, and pydantic's import and its first
model cost more than all the rest of that run. So this accepts only what the model accepts unchanged
or changes in a way written down here: plain strings, booleans, finite numbers within the model's
bounds, dates as the model parses them (`dates.parse_month`), the short forms (`education: associate`,
a credential given by its id) and the high-school equivalents. Any other value, an unknown key, a
number where a string belongs, a string where a number belongs, a bound crossed, returns None, so
every message about a mistake still comes from the model. `tests/load/test_quick_profile.py` holds
the two to the same answer on generated profiles.
"""

from __future__ import annotations

import math
from datetime import date
from typing import TYPE_CHECKING, Any

from ..dates import parse_month
from ..records import new_record
from ..taxonomy import EDUCATION_LEVELS, HIGH_SCHOOL_EQUIVALENTS

if TYPE_CHECKING:
    from ..models import Profile

__all__ = ["quick_profile"]


class _Unusual(Exception):
    """A value outside the shapes this module knows: the model decides."""


_PROFILE_KEYS = {"name", "education", "credentials", "experience", "training", "current_role", "target_role",
                 "ceus"}


def quick_profile(data: dict[Any, Any]) -> Profile | None:
    """The validated profile, as the model would give it, or None when only the model can say."""
    if not data.keys() <= _PROFILE_KEYS:
        return None
    try:
        return new_record(  # type: ignore[no-any-return]
            "Profile",
            name=_text_or_none(data.get("name")),
            education=_education(data.get("education", {})),
            credentials=tuple(_held(item) for item in _items(data, "credentials")),
            experience=tuple(_experience(item) for item in _items(data, "experience")),
            training=tuple(_text(item) for item in _items(data, "training")),
            current_role=_text_or_none(data.get("current_role")),
            target_role=_text_or_none(data.get("target_role")),
            ceus=tuple(_ceu(item) for item in _items(data, "ceus")),
        )
    except _Unusual:
        return None


def _items(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if type(value) is not list:
        raise _Unusual
    return value


def _fields(value: object, keys: set[str], required: tuple[str, ...] = ()) -> dict[str, Any]:
    if type(value) is not dict or not value.keys() <= keys or any(key not in value for key in required):
        raise _Unusual
    return value


def _text(value: object, *, min_length: int = 0) -> str:
    if type(value) is not str or len(value) < min_length:
        raise _Unusual
    return value


def _text_or_none(value: object) -> str | None:
    return None if value is None else _text(value)


def _flag(value: object) -> bool:
    if type(value) is not bool:
        raise _Unusual
    return value


def _number(value: object, *, low: float, high: float, low_open: bool = False) -> float:
    """A finite int or float within the bounds, as the float the model stores."""
    if type(value) not in (int, float):
        raise _Unusual
    try:
        number = float(value)  # type: ignore[arg-type]
    except OverflowError:  # an integer beyond any float
        raise _Unusual from None
    if not math.isfinite(number) or number > high or number < low or (low_open and number == low):
        raise _Unusual
    return number


def _month(value: object) -> date | None:
    if value is None:
        return None
    try:
        parsed = parse_month(value)
    except ValueError:
        raise _Unusual from None
    if type(parsed) is not date:
        raise _Unusual
    return parsed


def _education(value: object) -> Any:
    fields = {"level": value} if type(value) is str else _fields(value, {"level", "field", "cahiim_accredited"})
    level = fields.get("level", "none")
    if type(level) is str and level.strip().lower() in HIGH_SCHOOL_EQUIVALENTS:
        level = "high-school"
    if type(level) is not str or level not in EDUCATION_LEVELS:
        raise _Unusual
    return new_record("EducationRecord", level=level, field=_text_or_none(fields.get("field")),
                      cahiim_accredited=_flag(fields.get("cahiim_accredited", False)))


def _held(value: object) -> Any:
    fields = {"id": value} if type(value) is str else _fields(value, {"id", "earned", "apprentice"}, ("id",))
    return new_record("HeldCredential", id=_text(fields["id"], min_length=1), earned=_month(fields.get("earned")),
                      apprentice=_flag(fields.get("apprentice", False)))


def _experience(value: object) -> Any:
    fields = _fields(value, {"role", "years", "start", "end"}, ("role",))
    years = fields.get("years")
    start, end = _month(fields.get("start")), _month(fields.get("end"))
    # Exactly one of years and start; an end only after its start (the model's own rule).
    if (years is None) == (start is None) or (end is not None and (start is None or end < start)):
        raise _Unusual
    return new_record("ExperienceEntry", role=_text(fields["role"], min_length=1),
                      years=None if years is None else _number(years, low=0, high=60), start=start, end=end)


def _ceu(value: object) -> Any:
    fields = _fields(value, {"date", "hours", "description", "credential"}, ("date", "hours"))
    day = _month(fields["date"])
    if day is None:
        raise _Unusual
    return new_record("CeuEntry", date=day, hours=_number(fields["hours"], low=0, high=200, low_open=True),
                      description=_text_or_none(fields.get("description")),
                      credential=_text_or_none(fields.get("credential")))
