"""Write output files without ever losing what was there: atomic, and no overwrite without force."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError

__all__ = ["write_atomic"]


def write_atomic(path: str | Path, text: str, *, force: bool = False, backup: bool = True) -> Path | None:
    """Write `text` to `path` via a temporary file and a rename.

    An existing file is refused unless `force`; with `force` it is first copied to `<name>.bak`
    (when `backup`). Returns the backup's path, if one was made.
    """
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"{target}: is a directory; give a file name")
    if target.exists() and not force:
        raise OutputError(f"{target}: already exists; not overwriting it (use --force to replace it)")
    if not target.parent.exists():
        raise OutputError(f"{target.parent}: no such directory")
    saved = None
    if target.exists() and backup:
        saved = target.with_name(target.name + ".bak")
        saved.write_bytes(target.read_bytes())
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise OutputError(f"{target}: cannot be written ({exc.strerror or exc})") from None
    return saved
