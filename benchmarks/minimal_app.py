"""The stack's floor: a one-command Typer app that prints one rich table.

`benchmarks/run.py` times it beside codingpath in the same run; every codingpath command is held to
within 1.15x of it. It uses Typer's defaults (completion options included, as codingpath has) and
imports rich inside the command, the way codingpath's renderers do.
"""

import typer

app = typer.Typer()


@app.command()
def main() -> None:
    """Print a small table."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Roles")
    table.add_column("Tier")
    table.add_column("Role")
    for tier, role in (("entry", "Medical Coder"), ("mid", "Coding Auditor"), ("advanced", "Coding Manager")):
        table.add_row(tier, role)
    Console().print(table)


if __name__ == "__main__":
    app()
