"""Write output files without ever losing what was there: atomic, and no overwrite without force."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from ..errors import OutputError

__all__ = ["atomic_writer", "write_atomic"]


def _refuse_unsafe(target: Path, force: bool) -> None:
    if target.is_dir():
        raise OutputError(f"{target}: is a directory; give a file name")
    if target.exists() and not force:
        raise OutputError(f"{target}: already exists; not overwriting it (use --force to replace it)")
    if not target.parent.exists():
        raise OutputError(f"{target.parent}: no such directory")


def _mode_for(target: Path) -> int:
    """The replaced file's permissions, or what a plain open() would give (mkstemp gives 0600)."""
    if target.exists():
        return target.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def atomic_writer(path: str | Path, *, force: bool = False, backup: bool = True) -> Iterator[TextIO]:
    """A handle whose text replaces `path` only when the block ends without an exception.

    An existing file is refused unless `force`; with `force` it is first copied to `<name>.bak`
    (when `backup`). Output too large to hold in memory (`team` on a 200,000-person roster) is
    written as it comes.
    """
    target = Path(path)
    _refuse_unsafe(target, force)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, _mode_for(target))
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists() and backup:
            shutil.copy2(target, target.with_name(target.name + ".bak"))
        os.replace(temp, target)
    except OSError as exc:
        raise OutputError(f"{target}: cannot be written ({exc.strerror or exc})") from None
    finally:
        Path(temp).unlink(missing_ok=True)


def write_atomic(path: str | Path, text: str, *, force: bool = False, backup: bool = True) -> Path | None:
    """Write `text` to `path` atomically (see `atomic_writer`); returns the backup's path, if made."""
    target = Path(path)
    replacing = target.exists()
    with atomic_writer(target, force=force, backup=backup) as handle:
        handle.write(text)
    return target.with_name(target.name + ".bak") if replacing and backup else None
