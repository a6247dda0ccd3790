"""The frozen base model every other model derives from; the shared words (`taxonomy`) are
re-exported so that `codingpath.models` stays one namespace."""

# No `from __future__ import annotations` here: pydantic would have to evaluate every annotation
# string when the classes are created, a third of this module's import time.

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator

from ..taxonomy import EDUCATION_LEVELS, TIERS, TRACKS, Confidence, EducationLevel, Focus, Tier, Track

__all__ = ["EDUCATION_LEVELS", "TIERS", "TRACKS", "Confidence", "EducationLevel", "Focus", "Frozen", "Tier", "Track"]





class Frozen(BaseModel):
    """Base: immutable, and a misspelt key is an error rather than silently ignored."""

    # defer_build: a model's validator is built when it first validates, not at import, so a command
    # that reads the data from the cache (cache.py) never pays for the data models' validators.
    # allow_inf_nan: `.inf` hours or `.nan` years would pass every bound and overflow the planner.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True, allow_inf_nan=False)

    @field_validator("*", mode="before")
    @classmethod
    def _no_bool_as_number(cls, value: object, info: ValidationInfo) -> object:
        """`years: true` is a mistake, not one year (pydantic would count a bool as 0 or 1)."""
        if isinstance(value, bool) and info.field_name is not None:
            if _NUMBER_TYPES & set(_flat_types(cls.model_fields[info.field_name].annotation)):
                raise ValueError(f"must be a number; found {str(value).lower()}")
        return value


_NUMBER_TYPES = {int, float}


def _flat_types(annotation: object) -> list[object]:
    """`float | None` -> [float, NoneType]; the types a field's annotation admits at its top level."""
    from typing import get_args

    args = get_args(annotation)
    return [annotation] if not args else [t for arg in args for t in _flat_types(arg)]
