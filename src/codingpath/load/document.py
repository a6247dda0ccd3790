"""A parsed YAML document and where each value stands in its file: what problems point at.

A module of its own, importing nothing heavy, so that code that builds documents from other
sources (a CSV roster row, an answers file) or only reports on them need not import PyYAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem

__all__ = ["Path_", "YamlDocument", "format_path"]

Path_ = tuple[Any, ...]


@dataclass
class YamlDocument:
    """Parsed data plus where each value (and each mapping key) stands in the file."""

    file: str
    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Path_, *, key: bool = False) -> tuple[int | None, int | None]:
        """Line and column (1-based) of the value at `path`, or of its nearest located parent."""
        table = self.keys if key else self.values
        path = tuple(path)
        while path:
            if path in table:
                return table[path]
            if key and path in self.values:
                return self.values[path]
            path = path[:-1]
        return (None, None)

    def problem(self, path: Path_, message: str, *, key: bool = False) -> Problem:
        line, column = self.locate(path, key=key)
        return Problem(self.file, message, line, column, format_path(path) or None)


def format_path(path: Path_) -> str:
    """('credentials', 0, 'id') -> 'credentials[0].id'."""
    text = ""
    for part in path:
        if isinstance(part, int) or not _plain_key(part):  # `[0]`, or `['a key\n']` for an odd key
            text += f"[{part}]" if isinstance(part, int) else f"[{part!r}]"
        else:
            text += f".{part}" if text else part
    return text


def _plain_key(part: object) -> bool:
    return isinstance(part, str) and part != "" and part.isprintable() and not any(c in part for c in ".[]: ")
