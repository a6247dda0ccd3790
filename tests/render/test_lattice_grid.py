"""`codingpath.render.lattice_grid`: which row each role sits in on the lattice page, and the split
of card columns across the tiers that makes the lattice shortest."""

from __future__ import annotations

from typing import Any

from codingpath.models import TIERS, Role
from codingpath.render.lattice_grid import CARD_COLUMNS, CARD_PADDING, ROWS, LatticeRow, build_lattice, row_of


def role(rid: str, tier: str, tracks: list[str], title: str | None = None) -> Role:
    provenance: dict[str, Any] = {"confidence": "confirmed", "sources": [{"url": "https://example.org", "as_of": "2026"}]}
    return Role.model_validate({"id": rid, "title": title or rid.title(), "tier": tier, "tracks": tracks,
                                "summary": "Works.", "requirements": provenance})


def test_a_role_sits_in_its_first_tracks_row():
    assert row_of(role("biller", "entry", ["billing", "coding"])) == "billing"
    assert row_of(role("coder", "entry", ["coding"])) == "coding"


def test_a_coding_role_with_a_second_track_sits_in_that_row():
    assert row_of(role("auditor", "mid", ["coding", "audit"])) == "audit"
    assert row_of(role("supervisor", "mid", ["coding", "management", "audit"])) == "management"


def test_audit_and_compliance_share_a_row():
    assert row_of(role("officer", "master", ["compliance", "management"])) == "audit"


def test_every_track_has_a_row():
    from codingpath.models import TRACKS

    covered = {t for _, _, _, tracks in ROWS for t in tracks}
    assert covered == set(TRACKS)


def test_empty_rows_are_left_out_and_cells_are_sorted_by_title():
    lattice = build_lattice([role("b", "entry", ["coding"], "Zed"), role("a", "entry", ["coding"], "Abe"),
                             role("m", "advanced", ["management"])], lambda r: 2)
    assert [row.key for row in lattice.rows] == ["coding", "management"]
    coding = lattice.rows[0]
    assert [r.title for r in coding.cells[0]] == ["Abe", "Zed"]
    assert len(coding.cells) == len(TIERS) and coding.cells[1:] == ((), (), ())


def test_columns_add_up_to_the_card_columns_and_each_tier_gets_one_to_four():
    lattice = build_lattice([role(f"r{i}", "entry", ["coding"]) for i in range(12)], lambda r: 1)
    assert sum(lattice.columns) == CARD_COLUMNS and all(1 <= c <= 4 for c in lattice.columns)
    assert lattice.columns[0] == 4  # the crowded entry tier gets the most


def test_a_rows_height_counts_the_tallest_card_of_each_line_plus_padding():
    tall, short = role("t", "entry", ["coding"]), role("s", "entry", ["coding"])
    row = LatticeRow("coding", "Coding", "Coding", ((tall, short, short), (), (), ()))
    lines = {"t": 3.0, "s": 1.0}
    # Two across: (tall, short) then (short): 3 + pad, then 1 + pad.
    assert row.height((2, 1, 1, 1), lambda r: lines[r.id]) == 3 + 1 + 2 * CARD_PADDING
    assert row.height((3, 1, 1, 1), lambda r: lines[r.id]) == 3 + CARD_PADDING


def test_the_estimated_height_is_that_of_the_rows_with_the_chosen_columns():
    roles = [role(f"e{i}", "entry", ["coding"]) for i in range(5)] + [role("m", "mid", ["audit"])]
    lattice = build_lattice(roles, lambda r: 2)
    assert lattice.lines == sum(row.height(lattice.columns, lambda r: 2) for row in lattice.rows)


def test_the_bundled_roles_all_find_a_place(bundled_data):
    lattice = build_lattice(bundled_data.roles.values(), lambda r: 3)
    placed = [r.id for row in lattice.rows for cell in row.cells for r in cell]
    assert sorted(placed) == sorted(bundled_data.roles)
