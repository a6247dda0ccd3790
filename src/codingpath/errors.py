"""The one error hierarchy, and the exit codes every command shares.

Exit codes follow ruff, mypy, grep and diff: 0 ok, 1 the command ran and reports a problem it
found, 2 the command could not do its job (usage error, unreadable or invalid input); 130 after Ctrl-C.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NewType

__all__ = [
    "EXIT_OK",
    "EXIT_PROBLEM",
    "EXIT_INPUT",
    "EXIT_INTERRUPTED",
    "CodingpathError",
    "DataError",
    "InputError",
    "OutputError",
    "Problem",
    "ProfileError",
    "unreadable",
]

ExitCode = NewType("ExitCode", int)
EXIT_OK = ExitCode(0)
EXIT_PROBLEM = ExitCode(1)
EXIT_INPUT = ExitCode(2)
EXIT_INTERRUPTED = ExitCode(130)  # Ctrl-C, as shells report a process ended by SIGINT (128 + 2)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located as precisely as we know."""

    file: str
    message: str
    line: int | None = None
    column: int | None = None
    field: str | None = None
    severity: str = "error"  # or "warning": reported, but the command still runs

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}" if where else self.message

    def line_for_stderr(self) -> str:
        """'error: file:line:col: field: message' (or 'warning: ...')."""
        return f"{self.severity}: {self}"

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "field": self.field,
            "message": self.message,
            "severity": self.severity,
        }


class CodingpathError(Exception):
    """Something the user can fix; the CLI prints it as one line and exits with `exit_code`."""

    exit_code: ExitCode = EXIT_INPUT


class InputError(CodingpathError):
    """An input file cannot be read, decoded or parsed."""

    def __init__(self, problems: list[Problem] | Problem | str) -> None:
        if isinstance(problems, (Problem, str)):
            problems = [problems] if isinstance(problems, Problem) else [Problem("", problems)]
        self.problems: list[Problem] = problems
        super().__init__("\n".join(str(p) for p in problems))


class ProfileError(InputError):
    """A profile parsed but does not describe a valid person."""


class DataError(InputError):
    """The career data (bundled or an employer's) is inconsistent."""


class OutputError(CodingpathError):
    """An output file cannot be written (or would overwrite one without --force)."""


def unreadable(name: str, exc: OSError, *, directory: str = "is a directory") -> InputError:
    """The one message for a file that could not be read, whoever was reading it: a missing file,
    a directory (`directory` says what was wanted instead), no permission, or the system's words."""
    if isinstance(exc, FileNotFoundError):
        message = "no such file"
    elif isinstance(exc, IsADirectoryError):
        message = directory
    elif isinstance(exc, PermissionError):
        message = "cannot be read (permission denied)"
    else:
        message = f"cannot be read ({exc.strerror or exc})"
    return InputError(Problem(name, message))
