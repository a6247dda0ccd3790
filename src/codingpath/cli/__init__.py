"""The command-line interface: a thin layer that parses options, calls the core, renders results.

Each module registers its commands on the shared `app`; none imports the core at import time, so
`codingpath --help` and `--version` stay as cheap as Typer itself.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import signal
import sys

from ..errors import EXIT_INPUT, EXIT_INTERRUPTED, EXIT_OK

# The order of these imports is the order `codingpath --help` lists the commands (most used first).
# isort: off
from . import explore  # noqa: F401  (registers next, roles, roadmap)
from . import renewals  # noqa: F401  (registers renewals)
from . import graph  # noqa: F401  (registers graph)
from . import init  # noqa: F401  (registers init)
from . import checks  # noqa: F401  (registers check, data check)
from . import team  # noqa: F401  (registers team)
from . import match  # noqa: F401  (registers match)
from . import planning  # noqa: F401  (registers plan, credentials, credential, role)
# isort: on
from .app import ReaderLeft, app

__all__ = ["app", "main"]


class _Ended(BaseException):
    """A signal that ends the run (SIGTERM, SIGHUP), raised where the program is so that every
    `finally` and `with` on the way out runs: temporary files are removed, worker processes ended."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


def _end(number: int, frame: object) -> None:
    for each in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(each, signal.SIG_IGN)  # a second signal must not interrupt the cleaning up
    raise _Ended(number)


def main() -> None:
    """Console-script entry point."""
    for number in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(number) is signal.SIG_DFL:  # one ignored by the caller (nohup) stays so
            signal.signal(number, _end)
    if sys.stdout is None:  # started with `>&-`: fail when something is written, not before
        sys.stdout = _ClosedStream()
    for stream in (sys.stdout, sys.stderr):
        # A terminal or $PYTHONIOENCODING that cannot show every character (latin-1, ASCII) gets
        # `\u674e` for a name it cannot encode, never a crash halfway through a table.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        sys.exit(_run())
    except (BrokenPipeError, ReaderLeft):  # `codingpath roadmap | head`: the reader left; not an error
        _discard_stdout()
        sys.exit(EXIT_OK)
    except OSError as exc:  # standard output on a full disk, /dev/full, a closed descriptor
        _discard_stdout()
        where = f"{exc.filename}: cannot be written" if exc.filename else "cannot write the output"
        sys.stderr.write(f"error: {where} ({exc.strerror or exc})\n")
        sys.exit(EXIT_INPUT)
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
    except _Ended as ended:
        sys.exit(128 + ended.number)


def _run() -> int | str | None:
    """Run the command; its exit code. Standard output is flushed here, so that a failure to write
    it (a closed pipe, a full disk) is reported like any other, not at interpreter exit."""
    from .startup import only_invoked_command

    try:
        with only_invoked_command(app, sys.argv[1:]):  # Typer builds only the command the run names
            app()
        code: int | str | None = 0
    except SystemExit as exit_:
        code = exit_.code
    sys.stdout.flush()
    return code


class _ClosedStream(io.TextIOBase):
    """Standard output when the shell closed it: every write fails as writing to fd 1 would."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def fileno(self) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def _discard_stdout() -> None:
    """Point standard output at /dev/null, so that flushing what is still buffered at exit neither
    fails again nor prints 'Exception ignored'."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        sys.stdout = _ClosedStream()
        return
    if sys.stdout is not None:
        with contextlib.suppress(OSError):
            sys.stdout.flush()
