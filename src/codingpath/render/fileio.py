"""Write output files without ever losing what was there, and only to the path the user named.

The rules, because an output directory may be shared with someone hostile (a team folder, /tmp):

- Only a regular file (with `--force`) or a new path is ever replaced. A directory, a symbolic link
  (dangling or not) and a block device or socket are refused; a character device or a FIFO
  (`/dev/stdout`, `/dev/null`, a shell's `>(...)`) is written to as it is, never replaced, with no
  backup and no `--force` needed.
- Text goes to a temporary file created beside the target under a fresh name (`O_EXCL|O_NOFOLLOW`),
  renamed over the target only when everything is written, so a reader never sees half a file and an
  interrupted run leaves the old file as it was.
- The file replaced is kept as `X.bak`, or `X.bak.1`, `X.bak.2`, ... when that name is taken: a
  backup never destroys an earlier one. The backup is a hard link to the old file (no copy of a huge
  file), or else a copy into a file opened `O_EXCL|O_NOFOLLOW`; a link planted at the backup's name
  is never written through.
- A command's own inputs (the profile, the roster) are never its output.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import TextIO, cast

from ..errors import OutputError

__all__ = ["OutputFile", "atomic_writer", "write_atomic"]

_MAX_BACKUPS = 1000
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return path.lstat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(f"{path}: cannot be written ({exc.strerror or exc})") from None


def _is_stream(info: os.stat_result) -> bool:
    return stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode)


def _names_a_stream(path: Path) -> bool:
    """/dev/stdout and /dev/fd/N name an open stream even when the shell sent it to a file."""
    name = str(path.absolute())
    return name in ("/dev/stdout", "/dev/stderr") or name.startswith(("/dev/fd/", "/proc/self/fd/"))


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


class OutputFile:
    """An output path, checked when made (before a long run does any work) and written on `with`.

    `with OutputFile(path, force=...) as handle:` gives a text handle; the target is replaced only
    when the block ends without an exception. `backup` is then the path the old file is kept at.
    """

    def __init__(self, path: str | Path, *, force: bool = False, backup: bool = True,
                 inputs: Iterable[str | Path] = ()) -> None:
        self.path = Path(path)
        self.force, self.keep_backup = force, backup
        self.backup: Path | None = None
        self._stream = False  # writing into a device or an open stream rather than replacing a file
        self._existing = self._check(inputs)
        self._temp: Path | None = None
        self._handle: TextIO | None = None

    def _check(self, inputs: Iterable[str | Path]) -> os.stat_result | None:
        """What is at the path now (None: nothing); an OutputError for anything not to be replaced."""
        target = self.path
        info = _lstat(target)
        if info is None:
            parent = target.parent
            if not parent.is_dir():
                raise OutputError(f"{parent}: no such directory")
            return None
        if stat.S_ISLNK(info.st_mode):
            with contextlib.suppress(OSError):
                followed = target.stat()
                if _is_stream(followed) or (stat.S_ISREG(followed.st_mode) and _names_a_stream(target)):
                    self._stream = True  # /dev/stdout, /dev/fd/3: write to what it names
                    return followed
            if not self.force:
                raise OutputError(f"{target}: already exists; not overwriting it (use --force to replace it)")
            raise OutputError(f"{target}: is a symbolic link; codingpath replaces only regular files "
                              f"(give the path of the file itself)")
        if stat.S_ISDIR(info.st_mode):
            raise OutputError(f"{target}: is a directory; give a file name")
        if _is_stream(info):
            self._stream = True
            return info
        if not stat.S_ISREG(info.st_mode):
            raise OutputError(f"{target}: is not a regular file (a block device or a socket); not writing to it")
        for source in inputs:
            with contextlib.suppress(OSError):
                if _same_file(info, Path(source).stat()):
                    raise OutputError(f"{target}: is one of this command's inputs; not overwriting it "
                                      f"(choose another output file)")
        if not self.force:
            raise OutputError(f"{target}: already exists; not overwriting it (use --force to replace it)")
        return info

    def __enter__(self) -> TextIO:
        try:
            if self._stream:
                regular = stat.S_ISREG(self._existing.st_mode) if self._existing else False
                fd = os.open(self.path, os.O_WRONLY | os.O_NOCTTY | (os.O_APPEND if regular else 0))
                if stat.S_ISREG(os.fstat(fd).st_mode) != regular:  # the path changed since the check
                    os.close(fd)
                    raise OutputError(f"{self.path}: changed while codingpath ran; not writing to it")
                self._handle = os.fdopen(fd, "w", encoding="utf-8", newline="")
                return cast(TextIO, _Reported(self._handle, self))
            fd, temp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
            self._temp = Path(temp)
            os.fchmod(fd, self._mode())
            self._handle = os.fdopen(fd, "w", encoding="utf-8", newline="")
            return cast(TextIO, _Reported(self._handle, self))
        except OSError as exc:
            self._discard()
            raise self._error(exc) from None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        try:
            if kind is not None:
                return
            assert self._handle is not None
            self._handle.flush()
            if not self._stream:
                os.fsync(self._handle.fileno())
            self._handle.close()
            if self._temp is not None:
                self._replace(self._temp)
        except OSError as error:
            raise self._error(error) from None
        finally:
            self._discard()

    def _replace(self, temp: Path) -> None:
        """Rename the finished temporary file over the target, backing up the old file first; the
        target is checked again, as it may have changed during a long run."""
        now = _lstat(self.path)
        if now is not None and not (self._existing is not None and _same_file(now, self._existing)):
            raise OutputError(f"{self.path}: changed while codingpath ran; not overwriting it")
        if now is not None and self.keep_backup:
            self.backup = _backup(self.path)
        os.replace(temp, self.path)
        self._temp = None

    def _mode(self) -> int:
        """The replaced file's permissions, or what a plain open() would give (mkstemp gives 0600)."""
        if self._existing is not None:
            return self._existing.st_mode & 0o777
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask

    def _discard(self) -> None:
        if self._handle is not None and not self._handle.closed:
            with contextlib.suppress(OSError):
                self._handle.close()
        if self._temp is not None:
            self._temp.unlink(missing_ok=True)
            self._temp = None

    def _error(self, exc: OSError) -> OutputError:
        return OutputError(f"{self.path}: cannot be written ({exc.strerror or exc})")


class _Reported(io.TextIOBase):
    """The handle a command writes to: a failed write (a full disk, /dev/full) is an OutputError
    naming the output file, not an OSError from somewhere inside a renderer."""

    def __init__(self, handle: TextIO, output: OutputFile) -> None:
        super().__init__()
        self._handle, self._output = handle, output

    def write(self, text: str) -> int:
        try:
            return self._handle.write(text)
        except OSError as exc:
            raise self._output._error(exc) from None

    def flush(self) -> None:
        try:
            self._handle.flush()
        except OSError as exc:
            raise self._output._error(exc) from None

    def writable(self) -> bool:
        return True


def _backup_names(target: Path) -> Iterator[Path]:
    yield target.with_name(target.name + ".bak")
    for number in range(1, _MAX_BACKUPS):
        yield target.with_name(f"{target.name}.bak.{number}")


def _backup(target: Path) -> Path:
    """Keep the file at `target` under the first free backup name; never touch an existing name."""
    for name in _backup_names(target):
        try:
            os.link(target, name, follow_symlinks=False)
            return name
        except FileExistsError:
            continue
        except OSError as exc:  # no hard links here (a FAT drive, a protected link): copy instead
            if exc.errno not in (errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOTSUP, errno.EACCES):
                raise
        try:
            _copy_exclusive(target, name)
            return name
        except FileExistsError:
            continue
    raise OutputError(f"{target}: {_MAX_BACKUPS} backups already exist; remove some, then run again")


def _copy_exclusive(source: Path, name: Path) -> None:
    with open(os.open(source, os.O_RDONLY | _NOFOLLOW), "rb") as src:
        info = os.fstat(src.fileno())
        fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, info.st_mode & 0o777)
        try:
            with open(fd, "wb") as dst:
                shutil.copyfileobj(src, dst)
        except BaseException:
            name.unlink(missing_ok=True)  # a half copy is no backup
            raise
    shutil.copystat(source, name, follow_symlinks=False)


def atomic_writer(path: str | Path, *, force: bool = False, backup: bool = True,
                  inputs: Iterable[str | Path] = ()) -> OutputFile:
    """A context manager whose handle's text replaces `path` only when the block ends without an
    exception (see `OutputFile` for what is refused and how the old file is kept)."""
    return OutputFile(path, force=force, backup=backup, inputs=inputs)


def write_atomic(path: str | Path, text: str, *, force: bool = False, backup: bool = True,
                 inputs: Iterable[str | Path] = ()) -> Path | None:
    """Write `text` to `path` (see `OutputFile`); returns the backup's path, if one was made."""
    output = OutputFile(path, force=force, backup=backup, inputs=inputs)
    with output as handle:
        handle.write(text)
    return output.backup
