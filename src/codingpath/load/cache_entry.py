"""The one entry format and the one way of writing it shared by codingpath's caches (validated data,
loaded profiles, answers): a header naming the format and the key, a SHA-256 of the payload, then
the pickled payload; written atomically into a folder only this user can write, keeping the newest
entries of their kind. An entry that is not exactly this is no entry."""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
from pathlib import Path

__all__ = ["NO_ENTRY", "decode_entry", "encode_entry", "write_entry"]

NO_ENTRY = object()  # what decode_entry answers for anything it cannot vouch for


def encode_entry(header: bytes, value: object, limit: int) -> bytes | None:
    """The bytes of an entry holding `value`; None when it cannot be pickled or exceeds `limit`."""
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - something unpicklable: do without the cache
        return None
    blob = header + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload
    return blob if len(blob) <= limit else None


def decode_entry(raw: bytes | None, header: bytes) -> object:
    """The value of an entry written under `header` (format and key), else NO_ENTRY."""
    if raw is None or not raw.startswith(header):  # not ours, or another key's entry under this name
        return NO_ENTRY
    digest, _, payload = raw[len(header):].partition(b"\n")
    if digest != hashlib.sha256(payload).hexdigest().encode():
        return NO_ENTRY
    try:
        return pickle.loads(payload)
    except Exception:  # noqa: BLE001 - any failure to unpickle means: no usable entry
        return NO_ENTRY


def write_entry(path: Path, blob: bytes, kind: str, keep: int) -> None:
    """Write `blob` to `path` atomically, then keep only the `keep` newest `kind-*.pickle` entries;
    failing to write only means no cache. Never into a link or a folder others may write."""
    import tempfile  # only when writing: its import costs a few ms

    temp = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not owned_folder(os.lstat(path.parent)):
            return
        fd, temp = tempfile.mkstemp(prefix=f".{kind}-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(blob)
        os.replace(temp, path)
        temp = None
        _prune(path.parent, kind, keep, path)
    except OSError:
        pass
    finally:
        if temp is not None:
            try:
                os.unlink(temp)
            except OSError:
                pass


def owned_folder(info: os.stat_result) -> bool:
    """A folder (not a link to one) of this user's that no one else may write (POSIX)."""
    if not stat.S_ISDIR(info.st_mode):
        return False
    return not hasattr(os, "getuid") or (info.st_uid == os.getuid() and not info.st_mode & 0o022)


def _prune(directory: Path, kind: str, keep: int, kept: Path) -> None:
    entries: list[tuple[float, Path]] = []
    for entry in directory.glob(f"{kind}-*.pickle"):
        try:
            entries.append((entry.lstat().st_mtime, entry))
        except OSError:
            continue
    entries.sort(reverse=True)
    for _, entry in entries[keep:]:
        if entry != kept:
            try:
                entry.unlink()
            except OSError:
                pass
