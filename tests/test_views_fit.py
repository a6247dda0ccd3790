"""Every table view at 80 and 160 columns: lines within the width, no word of a title, name or
header cut across lines, the line budgets kept; at 80 columns, the output as recorded in
tests/golden/views80 (scripts/update_golden_views.py rewrites those after a deliberate change)."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner
from view_cases import GOLDEN, POOLED, ROOT, VIEWS

from codingpath.cli import app
from codingpath.render import Table, View, rich_table

WORD = re.compile(r"[A-Za-z][A-Za-z']*[A-Za-z]")


def _table_texts(table: Table) -> list[str]:
    texts = [table.title, table.caption or "", *table.columns]
    for row in table.rows:
        texts += row
    if table.group_column is not None:
        texts += [row[table.group_column].upper() for row in table.rows]
    return texts + (_table_texts(table.narrow) if table.narrow else [])


def _vocabulary(views: list[View]) -> tuple[set[str], list[str]]:
    """Every whole word the views hold, and the web addresses and file paths (which may be cut, being
    one long word: an installed package's data lives under a path longer than a column)."""
    texts: list[str] = []
    for view in views:
        for table in view.tables:
            texts += _table_texts(table)
        texts += view.notes
    words = {w for text in texts for w in WORD.findall(text)}
    addresses = [t for text in texts for t in text.split() if "://" in t or "/" in t]
    return words, addresses


def render(args: tuple[str, ...], width: int, monkeypatch: pytest.MonkeyPatch) -> tuple[str, list[View]]:
    """The command's table output at `width` columns, and the views it printed."""
    seen: list[View] = []
    original = rich_table.write_tables

    def spy(view: View, out) -> None:  # noqa: ANN001 - a text stream
        seen.append(view)
        original(view, out)

    monkeypatch.setattr(rich_table, "write_tables", spy)
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code in (0, 1), (args, result.output)
    return "".join(line.rstrip() + "\n" for line in result.stdout.splitlines()), seen


@pytest.mark.parametrize("width", [80, 160])
@pytest.mark.parametrize("name", sorted(VIEWS))
def test_every_view_fits_and_keeps_every_word_whole(name, width, monkeypatch):
    out, views = render(VIEWS[name], width, monkeypatch)
    assert views, "the command printed a table view"
    assert max(len(line) for line in out.splitlines()) <= width
    words, addresses = _vocabulary(views)
    cut = sorted({w for w in WORD.findall(out) if w not in words and not any(w in a for a in addresses)})
    assert cut == [], f"words cut across lines at {width} columns: {cut}"


def test_roles_take_at_most_four_lines_a_role_at_80_columns(monkeypatch, bundled_data):
    out, _ = render(("roles",), 80, monkeypatch)
    roles = len(bundled_data.roles)
    overhead = 6 + 2 * 4  # title, header and caption; a heading and a rule for each tier
    assert len(out.splitlines()) <= 4 * roles + overhead
    assert "ancillary-coder" not in out  # no id column at 80: commands take titles too


def test_the_roadmap_is_a_handout_at_80_and_a_wall_chart_at_160(monkeypatch, bundled_data):
    roles = len(bundled_data.roles)
    handout, _ = render(("roadmap",), 80, monkeypatch)
    chart, _ = render(("roadmap",), 160, monkeypatch)
    assert len(handout.splitlines()) <= 5 * roles
    assert len(chart.splitlines()) <= 3 * roles
    assert "  ENTRY" in handout and "Needs" in handout and "Experience" not in handout
    assert "CDI Specialist" in handout  # the short title where the full one crowds
    assert "Experience" in chart and "Education" in chart
    assert "Clinical Documentation Improvement Specialist" in " ".join(chart.split())


def test_the_plan_says_what_a_step_meets_once(monkeypatch):
    out, _ = render(VIEWS["plan-newcomer"], 80, monkeypatch)
    flat = " ".join(out.split())
    # The bachelor's beside work (7 years part-time) sets the pace.
    assert flat.startswith("Sam Rivera to Coding Manager: 7 years (2026-11 to 2033-11), exam fees $399")
    assert flat.count("5 years of coding experience; 1 year of supervisory or management experience") == 1
    assert flat.count("you would meet") == 1  # the caption says it for every move


@pytest.mark.parametrize("name", ["role-coding-manager-newcomer", "credential-ccs-newcomer"])
def test_the_answer_comes_first(name, monkeypatch):
    out, _ = render(VIEWS[name], 80, monkeypatch)
    assert out.splitlines()[0].startswith("Sam Rivera and ")
    assert out.index("Your standing") < out.index("Field") < out.index("Sources")


@pytest.mark.parametrize("name", ["role-coding-manager-brief", "credential-cpc-apprentice-brief"])
def test_brief_prints_only_the_answer(name, monkeypatch):
    out, _ = render(VIEWS[name], 80, monkeypatch)
    assert "Your standing" in out and "Field" not in out and "Sources" not in out


def test_a_cpc_and_cpma_holder_has_one_aapc_deadline(monkeypatch):
    out, _ = render(VIEWS["renewals-cpc-cpma"], 80, monkeypatch)
    rows = [line.split() for line in out.splitlines() if line.strip().startswith(("CPC", "CPMA", "└"))]
    assert rows[0][:8] == ["CPC", "+", "CPMA", "2028-02-01", "40", "16", "24", "open"]
    assert rows[1][:6] == ["└", "CPMA:", "auditing", "16", "6", "10"]  # its own CEUs, within the 40
    assert "2027-08-01" not in out  # no second AAPC date from CPMA's own earned date
    result = CliRunner().invoke(app, ["renewals", "--profile", str(POOLED), "--format", "json"])
    deadlines = json.loads(result.stdout)["deadlines"]
    aapc = [d for d in deadlines if d["body"] == "AAPC"]
    assert len(aapc) == 1
    assert {k: aapc[0][k] for k in ("credentials", "cycle_end", "ceus_required", "ceus_missing")} == {
        "credentials": ["CPC", "CPMA"], "cycle_end": "2028-02-01", "ceus_required": 40, "ceus_missing": 24}
    assert aapc[0]["specific"] == [{"credential": "CPMA", "ceus": 16, "subject": "auditing", "logged": 6,
                                    "missing": 10}]
    ahima = [d for d in deadlines if d["body"] == "AHIMA"]
    assert len(ahima) == 1 and ahima[0]["ceus_required"] == 30 and ahima[0]["shared_cycle_confirmed"] is False


# `check` and `data check` print absolute paths, so how they wrap depends on where the repository
# is checked out; they are still rendered and checked by the fit tests above.
RECORDED = sorted(set(VIEWS) - {"check", "data-check"})


@pytest.mark.exact_output
@pytest.mark.parametrize("name", RECORDED)
def test_the_80_column_view_is_as_recorded(name, monkeypatch):
    out, _ = render(VIEWS[name], 80, monkeypatch)
    recorded = (GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
    assert out == recorded.replace("@ROOT@", str(ROOT)), (
        f"{name} changed at 80 columns; if deliberate, run scripts/update_golden_views.py")


@pytest.mark.parametrize("name", ["roles", "roadmap", "credentials"])
def test_the_check_catches_a_word_cut_by_rich_s_own_layout(name, monkeypatch):
    """Without codingpath's layout (rich's widths, the full table) these views cut words at 80."""
    monkeypatch.setattr(rich_table, "layout_for", lambda table, width: (table, None))
    with pytest.raises(AssertionError, match="cut across lines"):
        test_every_view_fits_and_keeps_every_word_whole(name, 80, monkeypatch)

