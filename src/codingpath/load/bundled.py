"""Where the bundled career data lives, found without importing pydantic or YAML.

The wheel ships `data/` as the package `codingpath.data`; an editable install leaves it at the
repository root, two levels above the package. Shell completion reads this too, so it stays cheap.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["find_bundled_data"]


def find_bundled_data() -> Path | None:
    """The directory holding the bundled `roles.yaml`, or None when the installation lacks it."""
    package = Path(str(resources.files("codingpath")))
    for candidate in (package / "data", package.parent.parent / "data"):
        if (candidate / "roles.yaml").is_file():
            return candidate
    return None
