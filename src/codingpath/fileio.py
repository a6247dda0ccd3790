"""Write output files without ever losing what was there: atomic, and no overwrite without force."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from .errors import OutputError

__all__ = ["atomic_writer", "write_atomic"]


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


@contextlib.contextmanager
def atomic_writer(path: str | Path, *, force: bool = False, backup: bool = True) -> Iterator[TextIO]:
    """`write_atomic` for output too large to hold in memory (`team` on a 200,000-person roster):
    the same refusals and `.bak` copy, but the text is written to the yielded handle as it comes.
    The target is replaced only when the block ends without an exception."""
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"{target}: is a directory; give a file name")
    if target.exists() and not force:
        raise OutputError(f"{target}: already exists; not overwriting it (use --force to replace it)")
    if not target.parent.exists():
        raise OutputError(f"{target.parent}: no such directory")
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists() and backup:
            shutil.copyfile(target, target.with_name(target.name + ".bak"))
        os.replace(temp, target)
    except OSError as exc:
        raise OutputError(f"{target}: cannot be written ({exc.strerror or exc})") from None
    finally:
        Path(temp).unlink(missing_ok=True)
