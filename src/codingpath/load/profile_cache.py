"""A cache of validated profiles, so a profile seen before is neither parsed nor validated again.

Reading a profile costs more than everything else a command does with it: importing PyYAML (its
reader compiles a large regex), building the profile's validator, resolving every id against the
catalog. None of that can change the answer while nothing it depends on changes, so the first run
stores the result and later runs load it.

It can never give a stale answer. The key is a SHA-256 of everything the loaded profile depends on:
the file's bytes (never its size or modification time: an edit may keep both), the name it is read
under (messages name the file), today's date (the "in the future" checks), the catalog the ids are
resolved against (the catalog cache's own key: data files, code and versions), and the size and
modification time of every module of the package, subpackages included. Only a profile that loaded
without errors is stored, with its warnings, which a cached run prints again.

Entries are read as carefully as they are written: opened without following a symlink, and used only
when they are regular files of a bounded size, owned by the user and writable by no one else, in a
directory of the same kind, with a digest of the payload that matches. Anything else is no entry,
and the profile is read the ordinary way. Standard input, a symlinked profile and any file that is
not a regular one of at most `yamlio.MAX_BYTES` bytes are never cached: the ordinary reader decides
what to say about them.

Location: beside the data cache, `$XDG_CACHE_HOME/codingpath` (else `~/.cache/codingpath`);
`CODINGPATH_NO_CACHE=1` turns both off.
"""

from __future__ import annotations

import hashlib
import os
import stat
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import cache_dir
from .cache_entry import decode_entry, encode_entry, write_entry
from .loaded_profile import LoadedProfile

if TYPE_CHECKING:
    from ..catalog import Catalog

__all__ = ["LoadedProfile", "ProfileCache", "load_profile_cached"]

FORMAT = b"codingpath-profile-cache 2\n"  # the payload holds records (codingpath.records)
PROFILE_MAX_BYTES = 1_000_000  # the YAML reader's own limit (yamlio.MAX_BYTES): larger files are refused
ENTRY_MAX_BYTES = 8_000_000  # a pickled profile is a few times its YAML; anything larger is not ours
KEEP = 32  # entries kept (one per profile file in use); the oldest beyond this are removed
PACKAGE = Path(__file__).resolve().parent.parent  # codingpath/, every subpackage included
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a FIFO put where a file should be must not hang the read


def load_profile_cached(path: str, catalog: Catalog, today: date) -> LoadedProfile:
    """Like `profiles.load_profile`, but a file whose bytes were loaded before under the same
    conditions comes from the cache, without importing the YAML reader or the validators."""
    raw = read_regular_file(Path(path), PROFILE_MAX_BYTES) if path != "-" else None
    cache = ProfileCache(path, raw, catalog, today) if raw is not None else None
    if cache is not None:
        cached = cache.load()
        if cached is not None:
            return cached
    from .profiles import load_profile

    loaded = load_profile(path, catalog, today)
    # What was validated must be the bytes that were hashed: the file may change in between.
    if cache is not None and read_regular_file(Path(path), PROFILE_MAX_BYTES) == raw:
        cache.store(loaded)
    return loaded


class ProfileCache:
    """The cache entry for one profile's bytes, read under one name, against one catalog, on one day."""

    def __init__(self, name: str, raw: bytes, catalog: Catalog, today: date) -> None:
        self.directory = cache_dir()
        self.key = _key(name, raw, catalog, today) if self.directory is not None else None

    @property
    def path(self) -> Path | None:
        if self.directory is None or self.key is None:
            return None
        return self.directory / f"profile-{self.key[:40]}.pickle"

    def load(self) -> LoadedProfile | None:
        """The stored result for exactly this key, or None (missing, corrupt, unsafe)."""
        path = self.path
        if path is None or self.key is None:
            return None
        try:
            if not _safe(os.stat(path.parent)):
                return None
        except OSError:
            return None
        raw = read_regular_file(path, ENTRY_MAX_BYTES, owned=True)
        if raw is None:
            return None
        loaded = decode_entry(raw, FORMAT + self.key.encode() + b"\n")
        return loaded if isinstance(loaded, LoadedProfile) else None

    def store(self, loaded: LoadedProfile) -> None:
        """Save a loaded profile atomically; failure to write only means no cache."""
        path = self.path
        if path is None or self.key is None:
            return
        blob = encode_entry(FORMAT + self.key.encode() + b"\n", loaded, ENTRY_MAX_BYTES)
        if blob is not None:
            write_entry(path, blob, "profile", KEEP)

def read_regular_file(path: Path, limit: int, *, owned: bool = False) -> bytes | None:
    """The bytes of `path` if it is a regular file (not a symlink, FIFO or device) of at most
    `limit` bytes, and with `owned`, the user's own and writable by no one else; else None."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except (OSError, ValueError):  # missing, a symlink (ELOOP), unreadable, a NUL in the name
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit or (owned and not _safe(info)):
            return None
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError:
        return None
    finally:
        os.close(fd)
    return b"".join(chunks) if size <= limit else None


def _key(name: str, raw: bytes, catalog: Catalog, today: date) -> str | None:
    """Everything a loaded profile depends on; None when something cannot be read (no cache)."""
    from .cache import CatalogCache

    if not catalog.files:  # a catalog built in memory has no files to key it by
        return None
    catalog_key = CatalogCache([Path(file) for file in catalog.files]).key
    if catalog_key is None:
        return None
    digest = hashlib.sha256(FORMAT)
    for part in (catalog_key.encode(), today.isoformat().encode(), name.encode("utf-8", "surrogateescape"),
                 _code_stamp(), raw):
        digest.update(len(part).to_bytes(8, "big") + part)  # length-prefixed: no two inputs run together
    return digest.hexdigest()


def _code_stamp() -> bytes:
    """Size and modification time of every module of the package (the rule Python's bytecode
    cache uses), subpackages included: the code that parses and checks a profile may live in any."""
    parts: list[str] = []
    pending = [PACKAGE]
    try:
        while pending:
            directory = pending.pop()
            with os.scandir(directory) as entries:
                for entry in entries:
                    if entry.name.endswith(".py"):
                        info = entry.stat()
                        parts.append(f"{entry.path} {info.st_size} {info.st_mtime_ns}")
                    elif entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__" \
                            and not entry.name.startswith("."):
                        pending.append(Path(entry.path))
    except OSError:
        return b"?"
    return "\n".join(sorted(parts)).encode("utf-8", "surrogateescape")


def _safe(info: os.stat_result) -> bool:
    """Owned by this user and writable by no one else (POSIX); elsewhere, trusted like the home."""
    if not hasattr(os, "getuid"):
        return True
    return info.st_uid == os.getuid() and not info.st_mode & 0o022
