"""Shell-completion callbacks: role ids, credential ids, tiers and tracks, read from the data.

A completion runs the whole program for every <TAB>, so these read the YAML files directly (the
bundled ones, overlaid by `--data DIR` or $CODINGPATH_DATA as `catalog.load_catalog` does) without
validating them: no pydantic, no cross-check, about 20 ms. Any failure completes nothing rather than
printing an error into the user's prompt.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["complete_credential", "complete_role", "complete_tier", "complete_track", "data_entries"]

Choice = tuple[str, str]  # (value, help shown by zsh and fish)


def _overlay(ctx: Any) -> str | None:
    params = getattr(ctx, "params", None) or {}
    data = params.get("data") or os.environ.get("CODINGPATH_DATA")
    return str(data) if data else None


@lru_cache(maxsize=8)
def data_entries(kind: str, overlay: str | None) -> tuple[dict[str, Any], ...]:
    """The raw `roles` or `credentials` entries (dicts with an `id`), an overlay's replacing same ids."""
    from ..load.bundled import find_bundled_data
    from ..load.yamlio import load_yaml

    merged: dict[str, dict[str, Any]] = {}
    for directory in (find_bundled_data(), Path(overlay) if overlay else None):
        path = directory / f"{kind}.yaml" if directory else None
        if path is None or not path.is_file():
            continue
        data = load_yaml(path, max_bytes=5_000_000).data
        items = data.get(kind) if isinstance(data, dict) else None
        for item in items if isinstance(items, list) else ():
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                merged[item["id"]] = item
    return tuple(merged.values())


def _entries(kind: str, ctx: Any) -> tuple[dict[str, Any], ...]:
    try:
        return data_entries(kind, _overlay(ctx))
    except Exception:  # noqa: BLE001 - a broken file must not break the user's shell prompt
        return ()


def _matching(choices: list[Choice], incomplete: str) -> list[Choice]:
    """The choices starting with what was typed. Only plain words are offered (the shell inserts a
    value unquoted: `zz-$(touch PWNED)` from a hostile overlay would run), and their help, which zsh
    and fish print, shows control characters instead of sending them to the terminal."""
    from ..ids import is_plain_word
    from ..render.escape import terminal_line

    start = incomplete.lower()
    return [(value, terminal_line(help_)) for value, help_ in choices
            if is_plain_word(value) and value.lower().startswith(start)]


def complete_role(ctx: Any, incomplete: str) -> list[Choice]:
    """Role ids, with their titles as help (only ids that match the id grammar, as `data check` asks)."""
    from ..ids import is_role_id

    choices = [(r["id"], str(r.get("title", ""))) for r in _entries("roles", ctx) if is_role_id(r["id"])]
    return _matching(sorted(choices), incomplete)


def complete_credential(ctx: Any, incomplete: str) -> list[Choice]:
    """Credential ids (CPC, CCS-P, ...), with their names as help (only well-formed ids)."""
    from ..ids import is_credential_id

    choices = [(c["id"], str(c.get("name", ""))) for c in _entries("credentials", ctx) if is_credential_id(c["id"])]
    return _matching(sorted(choices), incomplete)


def complete_tier(ctx: Any, incomplete: str) -> list[Choice]:
    """The tiers the roles use, lowest first (the data lists roles by tier)."""
    counts: dict[str, int] = {}
    for role in _entries("roles", ctx):
        tier = role.get("tier")
        if isinstance(tier, str):
            counts[tier] = counts.get(tier, 0) + 1
    return _matching([(tier, _roles(n)) for tier, n in counts.items()], incomplete)


def complete_track(ctx: Any, incomplete: str) -> list[Choice]:
    """The tracks the roles use."""
    counts: dict[str, int] = {}
    for role in _entries("roles", ctx):
        tracks = role.get("tracks")
        for track in tracks if isinstance(tracks, list) else ():
            if isinstance(track, str):
                counts[track] = counts.get(track, 0) + 1
    return _matching(sorted((track, _roles(n)) for track, n in counts.items()), incomplete)


def _roles(count: int) -> str:
    from ..wording import counted

    return counted(count, "role")
