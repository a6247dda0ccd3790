"""Credentials employers prefer for a role: shown as "recommended", never a requirement."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..models import Role


__all__ = ["recommended_credentials"]


def recommended_credentials(role: Role, held: Sequence[str]) -> tuple[str, ...]:
    """The credential employers prefer for `role`, when the person holds none of those it lists:
    the first one listed (the data lists the usual one first). Never a requirement."""
    if not role.preferred_credentials or set(role.preferred_credentials) & set(held):
        return ()
    return role.preferred_credentials[:1]
