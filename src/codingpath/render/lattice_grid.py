"""Where each role goes on the lattice page: tiers as columns, tracks as rows. Pure.

A role sits in one row: its first track, except that a coding role with a second track sits in that
track's row (a Coding Auditor belongs with audit, a Coding Supervisor with management), since almost
every role carries `coding` and the coding row would otherwise hold most of the map. Audit and
compliance share a row, as career maps draw them. Rows no role falls in are left out.

Each tier column is given a number of card columns so that the whole lattice is as short as
possible within a fixed width (the page has to fit one landscape sheet): the entry tier, with the
most roles, gets the most.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import product
from typing import TYPE_CHECKING

from ..taxonomy import TIERS

if TYPE_CHECKING:
    from ..models import Role

__all__ = ["CARD_COLUMNS", "CARD_PADDING", "ROWS", "Lattice", "LatticeRow", "build_lattice", "row_of"]

# (key, label, short label for the narrow print column, tracks): the core trade first.
ROWS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("coding", "Coding", "Coding", ("coding",)),
    ("billing", "Billing and revenue cycle", "Billing", ("billing",)),
    ("audit", "Audit and compliance", "Audit", ("audit", "compliance")),
    ("cdi", "Clinical documentation (CDI)", "CDI", ("cdi",)),
    ("management", "Management", "Management", ("management",)),
    ("him", "Health information (HIM)", "HIM", ("him",)),
    ("data", "Data and analytics", "Data", ("data",)),
    ("privacy", "Privacy", "Privacy", ("privacy",)),
    ("education", "Education", "Education", ("education",)),
)
CARD_COLUMNS = 10  # cards side by side across the four tiers: about 25 mm each on a landscape sheet
CARD_PADDING = 1.0  # a card's padding, border and the gap under it, in lines


@dataclass(frozen=True)
class LatticeRow:
    """One track row: its labels and, per tier, the roles in it (by title)."""

    key: str
    label: str
    short: str
    cells: tuple[tuple[Role, ...], ...]

    def height(self, columns: Sequence[int], lines: Callable[[Role], float]) -> float:
        """The row's height in lines of text with `columns` cards across each tier, a card taking
        `lines(role)` lines plus one for its padding and the gap under it."""
        tallest = 0.0
        for cell, across in zip(self.cells, columns, strict=False):
            high = sum(max(lines(r) for r in cell[i:i + across]) + CARD_PADDING for i in range(0, len(cell), across))
            tallest = max(tallest, high)
        return tallest


@dataclass(frozen=True)
class Lattice:
    """The rows, how many cards go side by side in each tier's column, and the height that gives."""

    rows: tuple[LatticeRow, ...]
    columns: tuple[int, ...]
    lines: float  # the estimated height of all the rows, in lines of card text


def row_of(role: Role) -> str:
    """The key of the row a role sits in."""
    track = role.tracks[1] if role.tracks[0] == "coding" and len(role.tracks) > 1 else role.tracks[0]
    return next(key for key, _, _, tracks in ROWS if track in tracks)


def _best_columns(rows: Sequence[LatticeRow], lines: Callable[[Role], float]) -> tuple[tuple[int, ...], float]:
    """Card columns per tier (1 to 4, CARD_COLUMNS in all, so every card is as wide) that make the
    lattice shortest, and its height; among equals, the most even split."""
    best: tuple[tuple[float, int], tuple[int, ...]] | None = None
    for columns in product(range(1, 5), repeat=len(TIERS)):
        if sum(columns) != CARD_COLUMNS:
            continue
        key = (sum(row.height(columns, lines) for row in rows), max(columns) - min(columns))
        if best is None or key < best[0]:
            best = (key, columns)
    assert best is not None
    return best[1], best[0][0]


def build_lattice(roles: Iterable[Role], lines: Callable[[Role], float]) -> Lattice:
    """The lattice of `roles`, each card `lines(role)` lines of text high."""
    by_cell: dict[tuple[str, str], list[Role]] = {}
    for role in roles:
        by_cell.setdefault((row_of(role), role.tier), []).append(role)
    rows = []
    for key, label, short, _ in ROWS:
        cells = tuple(tuple(sorted(by_cell.get((key, tier), []), key=lambda r: r.title)) for tier in TIERS)
        if any(cells):
            rows.append(LatticeRow(key, label, short, cells))
    columns, height = _best_columns(rows, lines)
    return Lattice(tuple(rows), columns, height)
