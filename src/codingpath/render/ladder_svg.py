"""The career ladder as a self-contained SVG picture (`graph --format svg`, `roadmap --format svg`).

Tiers are bands left to right; a tier whose roles lead to one another is split into as many columns
as its longest such chain, so every arrow goes left to right. Boxes are ordered by
`layered_layout` to cut crossings. Nothing is fetched: no fonts, no scripts, no external styles.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..taxonomy import TIERS
from .layered_layout import Layout, LayoutNode, layered_layout, split_layers
from .map_marks import MapMark
from .map_style import PALETTE, markup

if TYPE_CHECKING:
    from ..models import Role

__all__ = ["ladder_layout", "ladder_svg"]

BOX_WIDTH = 158.0
LINE = 14.0
PAD = 7.0
WRAP = 22  # characters of a title per line at 12 px in a 158 px box
MARGIN = 20.0
HEADER = 64.0  # the picture's title and the tier names above the boxes
DASH = {"solid": "", "dashed": ' stroke-dasharray="5 3"', "double": ""}


def _lines(role: Role, mark: MapMark | None) -> list[str]:
    lines = textwrap.wrap(role.title, WRAP) or [role.id]
    if not role.requirements.confirmed:
        lines[-1] += " *"  # on the title's last line, never alone on a line of its own
    if mark is not None:
        lines.append(PALETTE[mark.status].word + (" · you are here" if mark.current else ""))
    return lines


def ladder_layout(roles: Sequence[Role], marks: dict[str, MapMark] | None = None) -> Layout:
    """Where each role's box goes: tiers as bands of layers, the order chosen to cut crossings."""
    drawn = {r.id for r in roles}
    edges = [(r.id, t) for r in roles for t in r.leads_to if t in drawn]
    # The data's cross-checks refuse an arrow to a lower tier and a cycle, so every arrow runs left to right.
    layers = split_layers({r.id: TIERS.index(r.tier) for r in roles}, edges)
    nodes = [LayoutNode(r.id, layers[r.id], BOX_WIDTH, len(_lines(r, (marks or {}).get(r.id))) * LINE + 2 * PAD)
             for r in roles]
    return layered_layout(nodes, edges)


def _box(role: Role, layout: Layout, mark: MapMark | None, dx: float, dy: float) -> list[str]:
    box = layout.nodes[role.id]
    x, y = box.x + dx, box.y + dy
    style = PALETTE[mark.status] if mark else None
    fill, stroke, ink = (style.tint, style.band, style.ink) if style else ("#ffffff", "#6b7280", "#111827")
    dash = DASH[style.border] if style else ""
    width = 2.5 if style and style.word in ("held", "target") else 1.2
    out = [f'<g class="role" id="role-{markup(role.id)}" data-role="{markup(role.id)}"'
           + (f' data-status="{mark.status}"' if mark else "") + ">",
           f"<title>{markup(_tooltip(role, mark))}</title>",
           f'<rect x="{x:.1f}" y="{y:.1f}" width="{box.width:.1f}" height="{box.height:.1f}" rx="6" '
           f'fill="{fill}" stroke="{stroke}" stroke-width="{width}"{dash}/>']
    if style and style.border == "double":
        out.append(f'<rect x="{x + 3:.1f}" y="{y + 3:.1f}" width="{box.width - 6:.1f}" height="{box.height - 6:.1f}" '
                   f'rx="4" fill="none" stroke="{stroke}" stroke-width="1"/>')
    lines = _lines(role, mark)
    for i, line in enumerate(lines):
        status_line = mark is not None and i == len(lines) - 1
        weight = ' font-weight="700" font-size="10.5" letter-spacing="0.06em"' if status_line else ' font-weight="600"'
        text = line.upper() if status_line else line
        baseline = y + PAD + LINE * i + 11
        out.append(f'<text x="{x + PAD:.1f}" y="{baseline:.1f}" fill="{ink}"{weight}>{markup(text)}</text>')
    out.append("</g>")
    return out


def _tooltip(role: Role, mark: MapMark | None) -> str:
    text = role.title
    if mark is not None:
        text += f" ({PALETTE[mark.status].word}" + (f": {mark.missing}" if mark.missing else "") + ")"
    return text


def _edge(points: Sequence[tuple[float, float]], dx: float, dy: float) -> str:
    (x0, y0), rest = points[0], points[1:]
    d = [f"M{x0 + dx:.1f},{y0 + dy:.1f}"]
    for (ax, ay), (bx, by) in zip(points, rest, strict=False):
        if abs(ay - by) < 0.05:
            d.append(f"L{bx + dx:.1f},{by + dy:.1f}")
        else:
            mid = (bx - ax) / 2
            d.append(f"C{ax + mid + dx:.1f},{ay + dy:.1f} {bx - mid + dx:.1f},{by + dy:.1f} "
                     f"{bx + dx:.1f},{by + dy:.1f}")
    return " ".join(d)


def _legend(marks: dict[str, MapMark] | None, unconfirmed: bool, y: float, width: float) -> tuple[list[str], float]:
    """The legend's items, wrapped to the picture's width; and the y under them."""
    out, x = [], MARGIN
    entries: list[tuple[str | None, str]] = [
        (status, f"{PALETTE[status].word}: {PALETTE[status].meaning}")
        for status in PALETTE if marks and any(m.status == status for m in marks.values())]
    entries.append((None, "arrows: leads to"))
    if unconfirmed:
        entries.append((None, "* requirement thresholds codingpath could not confirm"))
    for status, label in entries:
        wide = (20 if status else 0) + 6.4 * len(label) + 24
        if x > MARGIN and x + wide > width - MARGIN:
            x, y = MARGIN, y + 20
        if status is not None:
            style = PALETTE[status]  # type: ignore[index]
            out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="14" height="14" rx="3" fill="{style.tint}" '
                       f'stroke="{style.band}" stroke-width="2"{DASH[style.border]}/>')
        out.append(f'<text x="{x + (20 if status else 0):.1f}" y="{y + 11:.1f}" fill="#1f2937">{markup(label)}</text>')
        x += wide
    return out, y + 20


def ladder_svg(roles: Sequence[Role], marks: dict[str, MapMark] | None = None, *, title: str) -> str:
    """The picture as SVG text, ending with a newline."""
    if marks is not None:
        marks = {r.id: marks[r.id] for r in roles if r.id in marks}  # the legend names only what is drawn
    layout = ladder_layout(roles, marks)
    dx, dy = MARGIN, HEADER
    width = max(layout.width + 2 * MARGIN, 480.0)
    unconfirmed = any(not r.requirements.confirmed for r in roles)
    legend, bottom = _legend(marks, unconfirmed, layout.height + HEADER + 24, width)
    height = bottom + 12
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
           f'viewBox="0 0 {width:.0f} {height:.0f}" font-family="Helvetica, Arial, \'DejaVu Sans\', sans-serif" '
           f'font-size="12" role="img" aria-labelledby="map-title">',
           f'<title id="map-title">{markup(title)}</title>',
           '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
           'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#6b7280"/></marker></defs>',
           f'<rect width="{width:.0f}" height="{height:.0f}" fill="#ffffff"/>',
           f'<text x="{MARGIN}" y="26" font-size="18" font-weight="700" fill="#111827">{markup(title)}</text>']
    tier_of = {r.id: r.tier for r in roles}
    for k, tier in enumerate(TIERS):
        columns = sorted({layout.nodes[r].layer for r in tier_of if tier_of[r] == tier})
        if not columns:
            continue
        left, right = layout.layer_x[columns[0]][0] - 12 + dx, layout.layer_x[columns[-1]][1] + 12 + dx
        shade = "#f3f4f6" if k % 2 == 0 else "#fafafa"
        out.append(f'<rect class="tier" x="{left:.1f}" y="40" width="{right - left:.1f}" '
                   f'height="{layout.height + HEADER - 28:.1f}" fill="{shade}" rx="8"/>')
        out.append(f'<text x="{(left + right) / 2:.1f}" y="56" text-anchor="middle" font-weight="700" '
                   f'letter-spacing="0.12em" fill="#374151">{tier.upper()}</text>')
    for edge in layout.edges:
        out.append(f'<path class="leads-to" data-from="{markup(edge.source)}" data-to="{markup(edge.target)}" '
                   f'd="{_edge(edge.points, dx, dy)}" fill="none" stroke="#6b7280" stroke-width="1.1" '
                   'stroke-opacity="0.75" marker-end="url(#arrow)"/>')
    for role in roles:
        out += _box(role, layout, (marks or {}).get(role.id), dx, dy)
    out += legend
    out.append("</svg>")
    return "\n".join(out) + "\n"
