"""graph --format svg: a self-contained picture of the ladder whose arrows join the right boxes."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from conftest import EXAMPLES
from typer.testing import CliRunner

from codingpath.cli import app

runner = CliRunner()
SVG = "{http://www.w3.org/2000/svg}"
CODER = str(EXAMPLES / "experienced-coder.yaml")
NUMBER = r"-?\d+(?:\.\d+)?"


def picture(*args: str) -> ET.Element:
    result = runner.invoke(app, ["graph", "--format", "svg", *args])
    assert result.exit_code == 0, result.output
    root = ET.fromstring(result.stdout.encode("utf-8"))  # well-formed XML, or this raises
    assert root.tag == f"{SVG}svg"
    return root


def boxes(root: ET.Element) -> dict[str, tuple[float, float, float, float]]:
    """Each role's box as (left, top, right, bottom)."""
    out = {}
    for group in root.iter(f"{SVG}g"):
        if group.get("class") == "role":
            rect = group.find(f"{SVG}rect")
            x, y, w, h = (float(rect.get(k)) for k in ("x", "y", "width", "height"))
            out[group.get("data-role")] = (x, y, x + w, y + h)
    return out


def arrows(root: ET.Element) -> list[tuple[str, str, tuple[float, float], tuple[float, float]]]:
    """Each arrow's roles and its first and last points."""
    out = []
    for path in root.iter(f"{SVG}path"):
        if path.get("class") == "leads-to":
            numbers = [float(n) for n in re.findall(NUMBER, path.get("d"))]
            first, last = (numbers[0], numbers[1]), (numbers[-2], numbers[-1])
            out.append((path.get("data-from"), path.get("data-to"), first, last))
    return out


def test_every_role_is_a_box_with_its_title(bundled_data):
    root = picture()
    assert set(boxes(root)) == set(bundled_data.roles)
    text = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    for role in bundled_data.roles.values():
        assert all(word in text for word in role.title.split()), role.title
    assert not list(root.iter(f"{SVG}script")) and "href" not in ET.tostring(root, encoding="unicode")


def test_each_arrow_leaves_its_source_box_and_enters_its_target_box(bundled_data):
    root = picture()
    placed = boxes(root)
    found = arrows(root)
    assert {(a, b) for a, b, _, _ in found} == {(r.id, t) for r in bundled_data.roles.values() for t in r.leads_to}
    for source, target, (x0, y0), (x1, y1) in found:
        # The start is on the right side of exactly one box, its source; the end on the left side of its target.
        starts = [role for role, (_, top, right, bottom) in placed.items()
                  if abs(x0 - right) < 0.2 and top <= y0 <= bottom]
        ends = [role for role, (left, top, _, bottom) in placed.items() if abs(x1 - left) < 0.2 and top <= y1 <= bottom]
        assert starts == [source] and ends == [target], (source, target)
        assert x1 > x0  # left to right: tiers are layers


def test_no_two_boxes_overlap_and_tiers_run_left_to_right(bundled_data):
    placed = boxes(picture())
    items = list(placed.items())
    for i, (a, (l1, t1, r1, b1)) in enumerate(items):
        for b, (l2, t2, r2, b2) in items[i + 1:]:
            assert min(r1, r2) <= max(l1, l2) or min(b1, b2) <= max(t1, t2), (a, b)
    order = ["entry", "mid", "advanced", "master"]
    for role in bundled_data.roles.values():
        for target in role.leads_to:
            if order.index(bundled_data.roles[target].tier) > order.index(role.tier):
                assert placed[target][0] > placed[role.id][2]


def test_track_draws_one_path_family(bundled_data):
    root = picture("--track", "audit")
    audit = {r.id for r in bundled_data.roles.values() if "audit" in r.tracks}
    assert set(boxes(root)) == audit
    expected = {(r, t) for r in audit for t in bundled_data.roles[r].leads_to if t in audit}
    assert {(a, b) for a, b, _, _ in arrows(root)} == expected
    assert "audit track" in "".join(next(root.iter(f"{SVG}title")).itertext())


def test_statuses_are_words_on_the_boxes():
    root = picture("--profile", CODER)
    status = {g.get("data-role"): (g.get("data-status"), "".join(g.find(f"{SVG}text[last()]").itertext()))
              for g in root.iter(f"{SVG}g") if g.get("class") == "role"}
    assert status["medical-coder"] == ("held", "HELD · YOU ARE HERE")
    assert status["coding-manager"] == ("target", "TARGET")
    assert status["coder-ii"] == ("eligible", "ELIGIBLE") and status["inpatient-coder"] == ("gap", "GAP")
    legend = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    assert "eligible: you meet the published requirements" in legend


@pytest.mark.parametrize("command", [["graph"], ["roadmap"]])
def test_hostile_titles_and_names_stay_text(tmp_path, command):
    overlay = tmp_path / "data"
    overlay.mkdir()
    (overlay / "roles.yaml").write_text("""roles:
  - id: evil-role
    title: "Coder </text><script>alert(1)</script> & \\x0b ]]>"
    tier: entry
    tracks: [coding]
    summary: A hostile title
    requirements:
      education: high-school
      confidence: confirmed
      sources: [{url: "https://example.org", as_of: "2026"}]
""", encoding="utf-8")
    profile = tmp_path / "p.yaml"
    profile.write_text('name: "Jo <b>&\\x01"\neducation: high-school\n', encoding="utf-8")
    result = runner.invoke(app, [*command, "--format", "svg", "--data", str(overlay), "--profile", str(profile)])
    assert result.exit_code == 0, result.output
    root = ET.fromstring(result.stdout.encode("utf-8"))
    assert not list(root.iter(f"{SVG}script"))
    evil = next(g for g in root.iter(f"{SVG}g") if g.get("data-role") == "evil-role")
    lines = " ".join("".join(t.itertext()) for t in evil.iter(f"{SVG}text"))
    assert "".join(lines.split()).startswith("Coder</text><script>alert(1)</script>&]]>")  # wrapped, but all there
    assert "for Jo <b>&\ufffd" in "".join(next(root.iter(f"{SVG}title")).itertext())
