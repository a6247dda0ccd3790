"""A cache of the validated career data, so a command does not re-parse and re-validate ~100 KB of
YAML on every run (about 25 ms, a tenth of a command's start-up).

It can never give a stale answer: the key is a SHA-256 of everything the catalog is built from: the
bytes of every data file read (bundled and overlay, with their paths); the code that parses,
validates and merges them (every module of the core package, by size and modification time, the
rule Python's own bytecode cache uses); and the versions of codingpath, Python and pydantic. Change
any of them and the key changes, so an old entry is simply never looked up again. An entry also
carries a digest of its own payload, so
a truncated or corrupt file is detected and ignored; so is one that is not the user's own or that
others may write to (a pickle must only ever come from the user who reads it). Writes go to a
temporary file renamed into place, so a reader never sees half a file; an unwritable cache directory
only means no cache. Only data that passed every check is ever stored.

Location: `$XDG_CACHE_HOME/codingpath` (else `~/.cache/codingpath`). `CODINGPATH_NO_CACHE=1`
turns it off.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cache_entry import decode_entry, encode_entry, write_entry

if TYPE_CHECKING:
    from ..catalog import Catalog

__all__ = ["CACHE_ENV", "NO_CACHE_ENV", "CatalogCache", "cache_dir"]

NO_CACHE_ENV = "CODINGPATH_NO_CACHE"
CACHE_ENV = "XDG_CACHE_HOME"
FORMAT = b"codingpath-catalog-cache 2\n"  # the payload holds records (codingpath.records)
MAX_FILE_BYTES = 5_000_000  # a data file larger than the loader reads (catalog.DATA_MAX_BYTES) is not hashed
MAX_ENTRY_BYTES = 50_000_000  # far above any real catalog; a larger "entry" was not written by us
KEEP = 8  # entries kept (one per data overlay in use); the oldest beyond this are removed
PACKAGE = Path(__file__).resolve().parent.parent
# The modules that decide what a loaded catalog holds: the shared vocabulary, the models and the
# loaders (a test checks that every module loading imports lives in one of these).
CORE_DIRECTORIES = (PACKAGE, PACKAGE / "models", PACKAGE / "load")


def cache_dir() -> Path | None:
    """Where entries live, or None when caching is off or there is no home to cache in."""
    if os.environ.get(NO_CACHE_ENV, "").strip() not in ("", "0"):
        return None
    base = os.environ.get(CACHE_ENV, "").strip()
    if base and os.path.isabs(base):
        return Path(base) / "codingpath"
    try:
        return Path.home() / ".cache" / "codingpath"
    except (RuntimeError, KeyError):  # no home directory
        return None


def _versions() -> bytes:
    """codingpath's and Python's versions, and which pydantic is installed, read from its files
    (name, size, modification time) rather than by importing it: a run answered from a cache must not
    pay for pydantic's import, and an upgrade rewrites those files."""
    from ..version import __version__

    return f"{__version__}\n{sys.version}\n{_installed('pydantic')}\n{_installed('pydantic_core')}\n".encode()


def _installed(package: str) -> str:
    from importlib.util import find_spec

    try:
        spec = find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            return "?"
        parts = []
        for location in spec.submodule_search_locations:
            with os.scandir(location) as entries:
                parts += [f"{entry.name} {entry.stat().st_size} {entry.stat().st_mtime_ns}" for entry in entries
                          if entry.is_file()]
    except (OSError, ImportError, ValueError):
        return "?"
    return f"{spec.origin} " + ",".join(sorted(parts))


class CatalogCache:
    """The cache entry for one list of data files."""

    def __init__(self, files: list[Path]) -> None:
        self.files = files
        self.directory = cache_dir()
        self.key = self._key() if self.directory is not None else None

    @property
    def path(self) -> Path | None:
        if self.directory is None or self.key is None:
            return None
        return self.directory / f"catalog-{self.key[:40]}.pickle"

    def _key(self) -> str | None:
        digest = hashlib.sha256(FORMAT + _versions())
        try:
            modules = []
            for directory in CORE_DIRECTORIES:
                with os.scandir(directory) as entries:
                    modules += [(f"{directory.name}/{entry.name}", entry.stat()) for entry in entries
                                if entry.name.endswith(".py")]
            for name, info in sorted(modules):
                _feed(digest, name, f"{info.st_size} {info.st_mtime_ns}".encode())
            for path in self.files:
                data = _read_regular(path, MAX_FILE_BYTES)
                if data is None:  # a FIFO, a device, a huge file: no cache; loading reports the problem
                    return None
                _feed(digest, str(path), data)  # as given: Catalog.files holds it so
        except OSError:  # a file vanished or cannot be read: no cache; loading reports the problem
            return None
        return digest.hexdigest()

    def still_current(self) -> bool:
        """Whether the files still hash to the key (they did not change while being loaded)."""
        return self.key is not None and self._key() == self.key

    def load(self) -> Catalog | None:
        """The cached catalog for these exact files and code, or None (missing, corrupt, unsafe)."""
        path = self.path
        if path is None:
            return None
        try:
            if not _safe(os.lstat(path.parent), stat.S_ISDIR):
                return None
            raw = _read_regular(path, MAX_ENTRY_BYTES, trusted_only=True)
        except OSError:
            return None
        if raw is None:
            return None
        from ..catalog import Catalog

        catalog = decode_entry(raw, FORMAT + (self.key or "").encode() + b"\n")
        return catalog if isinstance(catalog, Catalog) else None

    def store(self, catalog: Catalog) -> None:
        """Save a validated catalog, atomically; failure to write is silently no cache."""
        path = self.path
        if path is None or not self.still_current():
            return
        blob = encode_entry(FORMAT + (self.key or "").encode() + b"\n", catalog, MAX_ENTRY_BYTES)
        if blob is not None:
            write_entry(path, blob, "catalog", KEEP)

def _feed(digest: Any, name: str, data: bytes) -> None:
    """Length-prefixed, so that no two different lists of files can hash alike."""
    encoded = name.encode("utf-8", "surrogateescape")
    digest.update(len(encoded).to_bytes(8, "big") + encoded + len(data).to_bytes(8, "big"))
    digest.update(data)


def _read_regular(path: Path, limit: int, *, trusted_only: bool = False) -> bytes | None:
    """The bytes of a regular file of at most `limit` bytes, else None, decided before reading: the
    type and size by `lstat` (a FIFO planted in a shared cache directory must not hang every
    command, a 3 GB sparse file must not be read), then again by `fstat` on what was opened
    (non-blocking, without following a link), so a swap in between changes nothing."""
    before = os.lstat(path)
    if not stat.S_ISREG(before.st_mode) or before.st_size > limit:
        return None
    if trusted_only and not _safe(before):
        return None
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if (info.st_dev, info.st_ino) != (before.st_dev, before.st_ino) or info.st_size > limit:
            return None
        data = handle.read(limit + 1)
    return data if len(data) <= limit else None


def _safe(info: os.stat_result, is_type: Callable[[int], bool] = stat.S_ISREG) -> bool:
    """Of the expected type, owned by this user and writable by no one else (POSIX); elsewhere,
    trusted like the home."""
    if not is_type(info.st_mode):
        return False
    if not hasattr(os, "getuid"):
        return True
    return info.st_uid == os.getuid() and not info.st_mode & 0o022
