"""A cache of answers: what a command showed, for a question asked before, on the same files.

`next`, `roles`, `roadmap`, `plan` and `team` (as a table or markdown) show a View that depends on
nothing but their options, today's date, the data files, the profile's (or the team's files') bytes
and the code. Asked again with all of those unchanged (a
user re-running `next --profile me.yaml` as they work), the answer is the one computed before, so
it is read back instead: the run then imports neither the models (nor pydantic), the engine nor the
planner, and reads neither the data nor the profile. What the first run printed on stderr (which
profile a default picked, the profile's warnings) is printed again.

It can never give a stale answer. The key is a SHA-256 of the command and its options, today's date,
the data cache's key (the bytes and paths of every data file, the code that loads them, the
versions of codingpath, Python and pydantic), the size and modification time of every module of the
package (the rule Python's own bytecode cache uses), and for a command given a profile, the name it
is read under and its bytes (never its size or modification time: an edit may keep both); for
`team`, the name and bytes of every input file and of every file in an input folder, at most 64 KB
in all (a bigger team streams its results, uncached). Only an
answer computed without an error is stored. Entries are checked as the profile cache's are (the
user's own regular files, writable by no one else, in such a directory, with their key and a digest
of the payload); anything else is no entry. Standard input, a symlinked profile and a profile that is not
a regular file of at most 1 MB are never cached. They live beside the other caches in
`$XDG_CACHE_HOME/codingpath`, the 64 most recent are kept, and `CODINGPATH_NO_CACHE=1` turns them off.
"""

from __future__ import annotations

import hashlib
import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar, cast

from ..load.cache import CatalogCache, cache_dir
from ..load.cache_entry import decode_entry, encode_entry, write_entry
from ..load.layers import data_files, data_layers
from ..load.profile_cache import PROFILE_MAX_BYTES, _code_stamp, _safe, read_regular_file
from ..render.view import View

__all__ = ["answered"]

T = TypeVar("T")

FORMAT = b"codingpath-answer-cache 1\n"
ENTRY_MAX_BYTES = 8_000_000
INPUTS_MAX_BYTES = 64_000  # a team of a few hundred at most: bigger ones stream, uncached
KEEP = 64


def answered(question: tuple[object, ...], compute: Callable[[], T], *, data: Path | None,
             profile: str | None = None, reads_profile: bool = False, inputs: Sequence[str] = ()) -> T:
    """What `compute` gives (a View, or a View and what else the command needs to finish) for
    `question` (the command and every option it depends on), from the cache when asked before under
    the same conditions. With `reads_profile`, the command reads `profile` (or the default one, see
    `options.profile_path`); `inputs` are files and folders it reads too (`team`'s)."""
    path = _entry_path(question, data, profile, reads_profile, inputs)
    if path is not None:
        cached = _load(path)
        if cached is not None:
            answer, printed = cached
            sys.stderr.write(printed)
            return cast(T, answer)  # the question names the command, and each command stores one kind
    with _recording_stderr() as said:
        view = compute()
    # What was computed must be what was keyed: a file may have changed in between.
    if path is not None and _entry_path(question, data, profile, reads_profile, inputs) == path:
        _store(path, view, said.getvalue())
    return view


def _entry_path(question: tuple[object, ...], data: Path | None, profile: str | None,
                reads_profile: bool, inputs: Sequence[str] = ()) -> Path | None:
    """Where the answer is kept, or None when it is not to be cached. Anything that fails here (no
    profile, a missing overlay, a malformed date) is left to the command, which reports it."""
    from .options import profile_path, today

    directory = cache_dir()
    if directory is None:
        return None
    try:
        when = today()
        catalog_key = CatalogCache(data_files(data_layers(data))).key
        named = profile_path(profile) if reads_profile else None
    except Exception:  # noqa: BLE001 - the command's own run reports it, in its own order
        return None
    if catalog_key is None:
        return None
    parts = [catalog_key.encode(), when.isoformat().encode(), repr(question).encode("utf-8", "surrogateescape"),
             _code_stamp()]
    if named is not None:
        name, origin = named
        raw = read_regular_file(Path(name), PROFILE_MAX_BYTES) if name != "-" else None
        if raw is None:
            return None
        parts += [name.encode("utf-8", "surrogateescape"), repr(origin).encode(), raw]
    if inputs:
        read = _input_parts(inputs)
        if read is None:
            return None
        parts += read
    digest = hashlib.sha256(FORMAT)
    for part in parts:
        digest.update(len(part).to_bytes(8, "big") + part)  # length-prefixed: no two inputs run together
    return directory / f"answer-{digest.hexdigest()}.pickle"


def _input_parts(inputs: Sequence[str]) -> list[bytes] | None:
    """Each input's name and bytes, a folder's as its name and those of every file it holds
    (whatever they are: a file `team` would skip is keyed too); None when any is not a regular
    file (a symlink, a FIFO, standard input) or they are more than `INPUTS_MAX_BYTES` in all."""
    parts: list[bytes] = []
    budget = INPUTS_MAX_BYTES
    for text in inputs:
        path = Path(text)
        try:
            if path.is_symlink():
                return None
            files = sorted(path.iterdir()) if path.is_dir() else [path]
        except (OSError, ValueError):
            return None
        parts.append(text.encode("utf-8", "surrogateescape"))
        for file in files:
            raw = read_regular_file(file, budget) if not file.is_dir() else b"(folder)"
            if raw is None:
                return None
            budget -= len(raw)
            parts += [file.name.encode("utf-8", "surrogateescape"), raw]
    return parts


def _load(path: Path) -> tuple[object, str] | None:
    try:
        if not _safe(os.stat(path.parent)):
            return None
    except OSError:
        return None
    entry = decode_entry(read_regular_file(path, ENTRY_MAX_BYTES, owned=True), _header(path))
    if not (isinstance(entry, tuple) and len(entry) == 2):
        return None
    answer, said = entry
    return (answer, said) if _is_answer(answer) and isinstance(said, str) else None


def _is_answer(answer: object) -> bool:
    """A View, or a tuple starting with one (the View and what else the command needs)."""
    return isinstance(answer, View) or (isinstance(answer, tuple) and bool(answer) and isinstance(answer[0], View))


def _store(path: Path, view: object, said: str) -> None:
    """Save an answer atomically; failure to write only means no cache."""
    blob = encode_entry(_header(path), (view, said), ENTRY_MAX_BYTES)
    if blob is not None:
        write_entry(path, blob, "answer", KEEP)

def _header(path: Path) -> bytes:
    """The format and the key (the entry's name holds it whole)."""
    return FORMAT + path.stem.encode() + b"\n"


@contextmanager
def _recording_stderr() -> Iterator[io.StringIO]:
    """What is written to stderr inside, passed through and kept."""
    said = io.StringIO()
    real = sys.stderr

    class Tee(io.TextIOBase):
        def write(self, text: str) -> int:
            said.write(text)
            return real.write(text)

        def flush(self) -> None:
            real.flush()

        def isatty(self) -> bool:
            return real.isatty()

        def fileno(self) -> int:
            return real.fileno()

    sys.stderr = Tee()
    try:
        yield said
    finally:
        sys.stderr = real
