"""The command-line interface: a thin layer that parses options, calls the core, renders results.

Each module registers its commands on the shared `app`; none imports the core at import time, so
`codingpath --help` and `--version` stay as cheap as Typer itself.
"""

from __future__ import annotations

import sys

from ..errors import EXIT_INTERRUPTED, EXIT_OK

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
from .app import app

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point."""
    from .startup import only_invoked_command

    try:
        with only_invoked_command(app, sys.argv[1:]):  # Typer builds only the command the run names
            app()
    except BrokenPipeError:  # `codingpath roadmap | head`: the reader left; that is not an error
        sys.stderr.close()
        sys.exit(EXIT_OK)
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
