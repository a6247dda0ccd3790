"""Build only the command a run needs.

On every run Typer turns every registered command into a click command, reading each function's
signature and evaluating its annotations: about 1.3 ms a command, more than 10 ms for codingpath's
set, on every command and every <TAB>. A run that names its command needs only that one, so
`main()` hides the others while Typer builds the parser. Anything else (no command, `--help` or
`--version` before it, an unknown or misspelt name that deserves "No such command" with the full
list, completion of the command name itself) builds them all, exactly as before.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["invoked_command", "only_invoked_command"]

COMPLETE_ENV = "_CODINGPATH_COMPLETE"


def completed_words() -> list[str] | None:
    """During shell completion, the words already complete after the program name (Typer's rules
    for each shell); None when this run is not a completion."""
    if not os.environ.get(COMPLETE_ENV):
        return None
    import shlex

    try:
        if "COMP_WORDS" in os.environ:  # bash
            words = shlex.split(os.environ["COMP_WORDS"])
            return words[1:int(os.environ.get("COMP_CWORD", "0"))]
        line = os.environ.get("_TYPER_COMPLETE_ARGS", "")  # zsh, fish, PowerShell
        words = shlex.split(line)[1:]
        return words if line.endswith(" ") and not os.environ.get("_TYPER_COMPLETE_WORD_TO_COMPLETE") else words[:-1]
    except ValueError:  # an unbalanced quote: build everything
        return []


def _command_name(info: Any) -> str | None:
    """The name a CommandInfo or a sub-Typer's TyperInfo registers at the top level."""
    from typer.main import get_command_name
    from typer.models import CommandInfo

    if isinstance(info.name, str):
        return info.name
    if isinstance(info, CommandInfo):
        return get_command_name(info.callback.__name__) if info.callback else None
    name = getattr(getattr(info.typer_instance, "info", None), "name", None)  # add_typer(sub) named by sub
    return name if isinstance(name, str) else None


def invoked_command(app: Any, args: list[str]) -> str | None:
    """The registered command or group this run names as its first word, if any."""
    words = completed_words()
    if words is None:
        words = args
    if not words:
        return None
    names = {_command_name(info) for info in (*app.registered_commands, *app.registered_groups)}
    return words[0] if words[0] in names else None


@contextmanager
def only_invoked_command(app: Any, args: list[str]) -> Iterator[None]:
    """While inside, `app` holds only the command (or group) `args` invoke, when it names one."""
    name = invoked_command(app, args)
    if name is None:
        yield
        return
    commands, groups = list(app.registered_commands), list(app.registered_groups)
    app.registered_commands[:] = [info for info in commands if _command_name(info) == name]
    app.registered_groups[:] = [info for info in groups if _command_name(info) == name]
    try:
        yield
    finally:
        app.registered_commands[:] = commands
        app.registered_groups[:] = groups
