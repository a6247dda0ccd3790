"""The Typer application and the one place errors become messages and exit codes."""

from __future__ import annotations

import sys
from typing import Any

import typer
from typer.core import TyperGroup

from ..errors import EXIT_OK, CodingpathError
from ..version import __version__

__all__ = ["ReaderLeft", "app", "print_error", "say"]


class ReaderLeft(BaseException):
    """Standard output's reader closed the pipe (`codingpath team ... | head -1`): not an error.
    A BaseException, so that click's own handling (exit code 1) lets it through to `main`."""


def say(*lines: str) -> None:
    """Lines to stderr, with any control character a file's content or name brought in shown rather
    than obeyed by the terminal."""
    from ..render.escape import terminal

    sys.stderr.write("".join(f"{terminal(line)}\n" for line in lines))


def print_error(exc: CodingpathError) -> None:
    """Each problem on its own stderr line, prefixed 'error:' (or 'warning:')."""
    problems = getattr(exc, "problems", None)
    say(*([p.line_for_stderr() for p in problems] if problems else [f"error: {exc}"]))


def _quick_coercion(command: Any, ctx: Any) -> None:
    """Options coerced without a pydantic validator each (coercion.py), where the installed Typer
    builds one per run: it reaches into Typer's private per-run coercion, which older releases
    (before the `typer._coercion` module) do not have and do not need."""
    try:
        from .coercion import install_quick_coercion
    except ImportError:
        return
    install_quick_coercion(command, ctx)


class CodingpathGroup(TyperGroup):
    """Catches CodingpathError once for every command: one message on stderr, a mapped exit code."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)  # keep the order commands were registered in (most used first)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        _quick_coercion(self, ctx)  # --version and the completion options
        return list(super().parse_args(ctx, args))

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        """The command, its options coerced without a pydantic validator each (coercion.py)."""
        command = super().get_command(ctx, cmd_name)
        _quick_coercion(command, ctx)
        return command

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except CodingpathError as exc:
            print_error(exc)
            raise typer.Exit(exc.exit_code) from None
        except BrokenPipeError:
            raise ReaderLeft from None


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"codingpath {__version__}\n")
        raise typer.Exit(EXIT_OK)


app = typer.Typer(
    cls=CodingpathGroup,
    name="codingpath",
    help=(
        "Career planner for medical coding and health information management (HIM).\n\n"
        "Which roles do your credentials and experience meet the published requirements for, "
        "what is missing for the rest, and what is the fastest route to the role you want?\n\n"
        "Example: codingpath next --profile me.yaml"
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    rich_markup_mode=None,
)


@app.callback()
def _main(
    version: bool = typer.Option(
        False, "--version", "-V", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Career planner for medical coding and HIM."""

