"""Quick coercion gives what Typer's own adapters give, and leaves every error to them."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from codingpath.cli import app

runner = CliRunner()


@pytest.mark.parametrize("args", [
    ["roles", "--tier", "MID", "--format", "Json"],
    ["roles", "-f", "csv"],
    ["next", "--profile", "examples/experienced-coder.yaml", "--min-tenure", "0"],
    ["next", "--profile", "examples/experienced-coder.yaml", "--min-tenure", "120", "-f", "json"],
])
def test_plain_values_run(args):
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(("args", "messages"), [
    # Typer's own words, which differ by release (its adapters' "less than or equal to 120", or click's range)
    (["next", "--min-tenure", "121"], ("less than or equal to 120", "0<=x<=120")),
    (["next", "--min-tenure", "-1"], ("greater than or equal to 0", "0<=x<=120")),
    (["next", "--min-tenure", "twelve"], ("valid integer",)),
    (["next", "--min-tenure", "１２"], ("",)),  # not ASCII digits: Typer's adapter decides
    (["roles", "--format", "xml"], ("'xml' is not one of",)),
])
def test_anything_else_is_left_to_typer(args, messages):
    result = runner.invoke(app, args)
    assert result.exit_code == 2 or messages == ("",)
    assert any(message in result.output for message in messages)


@pytest.mark.typer_private
def test_the_quick_path_agrees_with_typers_adapter():
    from typer.main import get_command


    group = get_command(app)
    for name in ("next", "plan", "roles", "team"):
        _agrees(group.commands[name])


def _agrees(command) -> None:
    from typer._coercion import build_runtime_param

    from codingpath.cli.coercion import QuickParam

    ctx = command.make_context(command.name, ["x.csv"] if command.name == "team" else [])
    for param in command.get_params(ctx):
        descriptor = param.type_descriptor
        quick = QuickParam(annotation=descriptor.annotation, parameter_info=descriptor.parameter_info)
        typer_own = build_runtime_param(descriptor)
        for value in ("12", 12, "7.5", ".5", "5.", 10.0, "1e3", "1_0", " 3", "table", "JSON", "x.yaml",
                      Path("data"), None, True, "part-time", (), ("a.csv",),
                      ["a", "b"], ("a", 1)):
            try:
                expected = typer_own.coerce(value, param=param, ctx=ctx)
            except Exception as exc:  # noqa: BLE001
                with pytest.raises(type(exc)):
                    quick.coerce(value, param=param, ctx=ctx)
                continue
            assert quick.coerce(value, param=param, ctx=ctx) == expected, (param.name, value)
