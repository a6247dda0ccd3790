"""Inputs within the size limits but built to make work quadratic or messages endless: the work
stays near-linear (checked by counting, never by timing) and a repeated message is shown a few
times, then counted ("... and 9,980 more")."""

from __future__ import annotations

from datetime import date
from itertools import combinations
from pathlib import Path
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from codingpath.cli import app
from codingpath.load.profiles import MAX_REPEATS, _overlaps

runner = CliRunner()
TODAY = date(2026, 11, 23)

months = st.dates(min_value=date(2000, 1, 1), max_value=TODAY).map(lambda d: d.replace(day=1))
entry = st.builds(lambda start, length, ongoing: SimpleNamespace(
    start=start, end=None if ongoing else date(start.year + length // 12 + (start.month + length % 12 - 1) // 12,
                                               (start.month + length % 12 - 1) % 12 + 1, 1)),
    months, st.integers(1, 60), st.booleans())


@settings(max_examples=200, database=None)
@given(st.lists(st.one_of(entry, st.just(SimpleNamespace(start=None, end=None))), max_size=12))
def test_the_sweep_finds_every_overlapping_entry_a_pairwise_check_finds(experience):
    def span(e):
        return e.start, e.end or TODAY

    overlapping = set()
    dated = sorted((e.start, i) for i, e in enumerate(experience) if e.start)
    for (_, i), (_, j) in combinations(dated, 2):
        (a, a_end), (b, b_end) = span(experience[i]), span(experience[j])
        if a < b_end and b < a_end and b_end > b:
            overlapping.add(j)
    pairs = _overlaps(tuple(experience), TODAY)
    assert {j for j, _ in pairs} == overlapping
    for j, i in pairs:  # each named partner really overlaps and started no later
        (a, a_end), (b, b_end) = span(experience[i]), span(experience[j])
        assert a <= b < a_end


def test_ten_thousand_overlapping_entries_give_a_few_warnings(tmp_path: Path):
    path = tmp_path / "overlap.yaml"
    path.write_text("name: Q\nexperience:\n" + "  - {role: medical-coder, start: 2015-01, end: 2020-01}\n" * 10_000)
    result = runner.invoke(app, ["next", "--profile", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    warnings = result.stderr.splitlines()
    assert len(warnings) == MAX_REPEATS + 1
    assert warnings[-1] == f"warning: {path}:24:5: ... and 9,979 more overlapping experience entries from here on"


def test_a_credential_listed_fifty_thousand_times_gives_a_few_errors(tmp_path: Path):
    path = tmp_path / "dup.yaml"
    path.write_text("name: Q\ncredentials: [" + ", ".join(["CPC"] * 50_000) + "]\n")
    result = runner.invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code == 1
    assert result.stdout.count('"severity": "error"') == MAX_REPEATS + 1
    assert "... and 49,979 more credentials listed twice from here on" in result.stdout
