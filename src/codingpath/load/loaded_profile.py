"""What loading a profile gives: the valid profile, the name it was read under, and its warnings.

A module of its own, importing nothing heavy, because both the profile reader (`profiles`) and the
cache of validated profiles (`profile_cache`) hand it out, and a run served from the cache must not
import the reader.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..errors import Problem
    from ..models import Profile

__all__ = ["LoadedProfile"]


@dataclass(frozen=True)
class LoadedProfile:
    """A valid profile plus the warnings found while reading it."""

    profile: Profile
    source: str
    warnings: tuple[Problem, ...] = ()
