"""The id grammar, in one place for the models that validate ids and the completion that offers them.

An id is a plain word: the shell takes it as one argument, a file name or a URL holds it unquoted.
This module imports nothing, so shell completion can check ids without loading pydantic.
"""

from __future__ import annotations

import re

__all__ = ["CREDENTIAL_ID", "ROLE_ID", "is_credential_id", "is_plain_word", "is_role_id"]

CREDENTIAL_ID = r"^[A-Z][A-Z0-9-]*$"  # CPC, CCS-P, RHIA
ROLE_ID = r"^[a-z0-9][a-z0-9-]*$"  # medical-coder, coding-manager (also training ids)

_PLAIN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")  # also tiers and tracks
_CREDENTIAL = re.compile(CREDENTIAL_ID)
_ROLE = re.compile(ROLE_ID)


def is_credential_id(value: object) -> bool:
    """True for a string that is a well-formed credential id."""
    return isinstance(value, str) and _CREDENTIAL.fullmatch(value) is not None


def is_role_id(value: object) -> bool:
    """True for a string that is a well-formed role (or training) id."""
    return isinstance(value, str) and _ROLE.fullmatch(value) is not None


def is_plain_word(value: object) -> bool:
    """True for a string a shell takes as one word as it is: no quoting, globbing or expansion."""
    return isinstance(value, str) and _PLAIN_WORD.fullmatch(value) is not None
