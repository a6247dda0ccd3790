"""`codingpath.cli.graph`: the graph command's four formats, the track filter, a profile's marks
and --output."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from conftest import EXAMPLES
from typer.testing import CliRunner

from codingpath.cli import app
from codingpath.cli.graph import GraphFormat, graph_command

runner = CliRunner()
CODER = str(EXAMPLES / "experienced-coder.yaml")


def graph(*args: str):
    result = runner.invoke(app, ["graph", *args])
    assert result.exit_code == 0, result.output
    return result


def test_the_formats_are_mermaid_dot_svg_and_json():
    assert [f.value for f in GraphFormat] == ["mermaid", "dot", "svg", "json"]
    assert callable(graph_command)


def test_mermaid_is_the_default():
    assert graph().stdout.lstrip().startswith(("flowchart", "graph", "---", "%%"))


def test_dot_is_a_digraph():
    assert "digraph" in graph("--format", "dot").stdout


def test_json_names_every_role(bundled_data):
    payload = json.loads(graph("--format", "json").stdout)
    assert payload["format_version"] == 1
    assert set(bundled_data.roles) <= set(json.dumps(payload).replace('"', " ").split())


def test_svg_with_a_profile_and_a_track_is_titled_for_both():
    root = ET.fromstring(graph("--format", "svg", "--profile", CODER, "--track", "audit").stdout.encode("utf-8"))
    title = root.find("{http://www.w3.org/2000/svg}title")
    assert title is not None and title.text is not None and title.text.endswith(": audit track")
    assert any(g.get("data-status") for g in root.iter("{http://www.w3.org/2000/svg}g"))


def test_a_track_narrows_the_map():
    assert len(graph("--track", "cdi").stdout) < len(graph().stdout)


def test_an_unknown_track_is_refused():
    result = runner.invoke(app, ["graph", "--track", "astrology"])
    assert result.exit_code != 0


def test_output_writes_the_file(tmp_path):
    out = tmp_path / "map.dot"
    result = graph("--format", "dot", "--output", str(out))
    assert "digraph" in out.read_text(encoding="utf-8") and f"wrote {out}" in result.output
    assert "digraph" not in result.stdout
