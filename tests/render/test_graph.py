"""graph: Mermaid and DOT text of the career map, coloured by a profile's standing."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from conftest import EXAMPLES, TODAY, run_installed
from typer.testing import CliRunner

from codingpath.cli import app
from codingpath.engine import roadmap_statuses
from codingpath.models import TIERS
from codingpath.render.graph import STATUS_COLOURS, UNCONFIRMED, graph_payload, graph_text

runner = CliRunner()
CODER = str(EXAMPLES / "experienced-coder.yaml")
NODE = re.compile(r'^    ([A-Za-z0-9_]+)\["([^"]+)"\]$')
EDGE = re.compile(r"^  ([A-Za-z0-9_]+) --> ([A-Za-z0-9_]+)$")


def all_edges(catalog) -> set[tuple[str, str]]:
    return {(r.id, t) for r in catalog.roles.values() for t in r.leads_to}


def test_mermaid_declares_every_role_once_in_its_tier_and_every_progression(bundled_data):
    text = graph_text(bundled_data, "mermaid")
    lines = text.splitlines()
    assert lines[0].startswith("%% Medical coding and HIM career map") and text.endswith("\n")
    assert lines[1] == f"%% {UNCONFIRMED}" and lines[2] == "flowchart LR"  # the bundled data has unconfirmed roles
    nodes, tier_of, tier = {}, {}, None
    for line in lines:
        if line.startswith("  subgraph tier_"):
            tier = line.split("tier_")[1].split("[")[0]
        elif (match := NODE.match(line)):
            assert match[1] not in nodes
            nodes[match[1]] = match[2]
            tier_of[match[1]] = tier
    ids = {role.id.replace("-", "_"): role for role in bundled_data.roles.values()}
    assert set(nodes) == set(ids)
    for node, role in ids.items():
        assert nodes[node].removesuffix(" *") == role.title and tier_of[node] == role.tier
    subgraphs = [line.split("tier_")[1].split("[")[0] for line in lines if line.startswith("  subgraph")]
    assert subgraphs == list(TIERS)
    assert lines.count("  end") == len(TIERS)
    edges = {(m[1], m[2]) for line in lines if (m := EDGE.match(line))}
    assert edges == {(a.replace("-", "_"), b.replace("-", "_")) for a, b in all_edges(bundled_data)}
    assert "classDef" not in text  # no profile, no colours


def test_mermaid_colours_each_role_by_the_profile_status(bundled_data, experienced_coder):
    statuses = roadmap_statuses(experienced_coder, bundled_data, TODAY)
    lines = graph_text(bundled_data, "mermaid", statuses).splitlines()
    classes = {}
    for line in lines:
        if line.startswith("  class "):
            _, ids, status = line.split()
            for node in ids.split(","):
                assert node not in classes
                classes[node] = status
    assert classes == {rid.replace("-", "_"): r.status for rid, r in statuses.items()}
    assert classes["medical_coder"] == "held"
    assert {"held", "eligible", "gap"} <= set(classes.values())
    for status, (fill, _) in STATUS_COLOURS.items():
        assert any(line.startswith(f"  classDef {status} fill:{fill}") for line in lines)


def test_dot_has_one_same_rank_cluster_per_tier_and_quoted_ids(bundled_data, experienced_coder):
    statuses = roadmap_statuses(experienced_coder, bundled_data, TODAY)
    text = graph_text(bundled_data, "dot", statuses, title='Map for "Jane"')
    assert text.startswith("digraph codingpath {\n") and text.endswith("}\n")
    assert 'label="Map for \\"Jane\\"\\nheld = current or past role;' in text
    clusters = re.findall(r"subgraph cluster_(\w+) \{\n    label=\"\w+\";\n    rank=same;", text)
    assert clusters == list(TIERS)
    edges = set(re.findall(r'^  "([a-z0-9-]+)" -> "([a-z0-9-]+)";$', text, re.M))
    assert edges == all_edges(bundled_data)
    coder = re.search(r'^    "medical-coder" \[(.*)\];$', text, re.M)
    assert coder and f'fillcolor="{STATUS_COLOURS["held"][0]}"' in coder[1]
    assert text.count("style=\"rounded,filled,dashed\"") == sum(r.status == "gap" for r in statuses.values())


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (dot) is not installed")
def test_graphviz_lays_the_dot_text_out(bundled_data, experienced_coder):
    statuses = roadmap_statuses(experienced_coder, bundled_data, TODAY)
    result = subprocess.run(["dot", "-Tsvg"], input=graph_text(bundled_data, "dot", statuses),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.count('class="node"') == len(bundled_data.roles)
    assert result.stdout.count('class="edge"') == len(all_edges(bundled_data))
    assert "Coding Supervisor" in result.stdout


def test_a_track_keeps_its_roles_and_the_progressions_among_them(bundled_data):
    payload = graph_payload(bundled_data, track="audit")
    ids = {n["id"] for n in payload["nodes"]}
    assert ids == {r.id for r in bundled_data.roles.values() if "audit" in r.tracks}
    assert {(e["from"], e["to"]) for e in payload["edges"]} == {(a, b) for a, b in all_edges(bundled_data)
                                                                if a in ids and b in ids}
    assert "coding-auditor" in ids and "medical-coder" not in ids


def invoke(*args: str):
    return runner.invoke(app, ["graph", *args])


def test_cli_json_carries_statuses():
    result = invoke("--format", "json", "--profile", CODER)
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["format_version"] == 1
    coder = next(n for n in payload["nodes"] if n["id"] == "medical-coder")
    assert coder["status"] == "held" and coder["tier"] == "entry"
    assert {"from": "medical-coder", "to": "coder-ii"} in payload["edges"]


def test_cli_refuses_an_unknown_track_with_a_suggestion():
    result = invoke("--track", "audt")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1].endswith(
        "Invalid value for --track: 'audt' is not one of coding, billing, audit, compliance, cdi, management, "
        "education, data, privacy, him; did you mean 'audit'?")


def test_cli_writes_a_dot_file_without_overwriting(tmp_path):
    out = tmp_path / "map.dot"
    assert invoke("--format", "dot", "--output", str(out)).exit_code == 0
    assert out.read_text().startswith("digraph codingpath {")
    again = invoke("--format", "dot", "--output", str(out))
    assert again.exit_code == 2
    assert again.stderr == f"error: {out}: already exists; not overwriting it (use --force to replace it)\n"


def test_the_installed_command_prints_mermaid():
    result = run_installed("graph", "--profile", CODER, "--track", "management")
    assert result.returncode == 0, result.stderr
    assert "flowchart LR" in result.stdout.splitlines()[:3]
    assert "coding_manager" in result.stdout and "class " in result.stdout
