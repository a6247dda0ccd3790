"""The career map as a graph: Mermaid or Graphviz DOT text. Prints nothing.

Tiers are Mermaid subgraphs / DOT clusters of equal rank, `leads_to` progressions are edges. Given a
profile's `engine.roadmap_statuses`, each role is coloured held, eligible (meets the published
requirements) or gap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, assert_never

from ..catalog import Catalog
from ..engine import RoleResult
from ..taxonomy import TIERS
from .escape import dot_string, mermaid_label, terminal_line

if TYPE_CHECKING:
    from ..models import Role

__all__ = ["GraphFormat", "LEGEND", "STATUS_COLOURS", "UNCONFIRMED", "graph_payload", "graph_roles", "graph_text"]

GraphFormat = Literal["mermaid", "dot"]

# (fill, border) per status: blue held, green eligible, grey dashed gap.
STATUS_COLOURS = {
    "held": ("#cfe2ff", "#084298"),
    "eligible": ("#d1e7dd", "#0f5132"),
    "gap": ("#f8f9fa", "#6c757d"),
}
LEGEND = "held = current or past role; eligible = meets the published requirements; gap = something missing"
UNCONFIRMED = "* = requirement thresholds codingpath could not confirm from a published source"


def graph_roles(catalog: Catalog, track: str | None = None) -> list[Role]:
    """The roles drawn, by tier then title; with `track`, only the roles on that track."""
    roles = [r for r in catalog.roles.values() if track is None or track in r.tracks]
    return sorted(roles, key=lambda r: (TIERS.index(r.tier), r.title))


def _edges(roles: list[Role]) -> list[tuple[str, str]]:
    drawn = {r.id for r in roles}
    return [(r.id, target) for r in roles for target in r.leads_to if target in drawn]


def _label(role: Role) -> str:
    return role.title + (" *" if not role.requirements.confirmed else "")


def graph_text(
    catalog: Catalog, fmt: GraphFormat, statuses: dict[str, RoleResult] | None = None, *,
    track: str | None = None, title: str = "Medical coding and HIM career map",
) -> str:
    """The map as Mermaid flowchart or DOT digraph text, ending with a newline."""
    roles = graph_roles(catalog, track)
    match fmt:
        case "mermaid":
            return _mermaid(roles, statuses, title)
        case "dot":
            return _dot(roles, statuses, title)
        case _:
            assert_never(fmt)


def graph_payload(catalog: Catalog, statuses: dict[str, RoleResult] | None = None, *,
                  track: str | None = None) -> dict[str, Any]:
    """Nodes and edges as plain data (for --format json)."""
    roles = graph_roles(catalog, track)
    nodes = []
    for role in roles:
        node: dict[str, Any] = {"id": role.id, "title": role.title, "tier": role.tier, "tracks": list(role.tracks),
                                "unconfirmed": not role.requirements.confirmed}
        if statuses is not None:
            node["status"] = statuses[role.id].status
        nodes.append(node)
    return {"nodes": nodes, "edges": [{"from": a, "to": b} for a, b in _edges(roles)]}


# -- Mermaid ------------------------------------------------------------------------------------------

def _mermaid_id(role_id: str) -> str:
    # Mermaid reads "-" inside a bare node id as the start of an edge; underscores are safe.
    return role_id.replace("-", "_")


def _mermaid(roles: list[Role], statuses: dict[str, RoleResult] | None, title: str) -> str:
    title = " ".join(terminal_line(title).split())  # a comment is one line
    lines = [f"%% {title}: tiers left to right, arrows = 'leads to'"]
    if any(not r.requirements.confirmed for r in roles):
        lines.append(f"%% {UNCONFIRMED}")
    lines.append("flowchart LR")
    for tier in TIERS:
        members = [r for r in roles if r.tier == tier]
        if not members:
            continue
        lines.append(f'  subgraph tier_{tier}["{tier.capitalize()}"]')
        lines.append("    direction TB")
        lines += [f'    {_mermaid_id(r.id)}["{mermaid_label(_label(r))}"]' for r in members]
        lines.append("  end")
    lines += [f"  {_mermaid_id(a)} --> {_mermaid_id(b)}" for a, b in _edges(roles)]
    if statuses is not None:
        lines.append(f"  %% {LEGEND}")
        for status, (fill, stroke) in STATUS_COLOURS.items():
            dash = ",stroke-dasharray:4 3" if status == "gap" else ""
            lines.append(f"  classDef {status} fill:{fill},stroke:{stroke},color:#000{dash}")
        for status in STATUS_COLOURS:
            ids = [_mermaid_id(r.id) for r in roles if statuses[r.id].status == status]
            if ids:
                lines.append(f"  class {','.join(ids)} {status}")
    return "\n".join(lines) + "\n"


# -- Graphviz DOT -------------------------------------------------------------------------------------

def _dot(roles: list[Role], statuses: dict[str, RoleResult] | None, title: str) -> str:
    legend = [LEGEND] if statuses is not None else []
    legend += [UNCONFIRMED] if any(not r.requirements.confirmed for r in roles) else []
    label = dot_string("\n".join([title, *legend]))
    lines = [
        "digraph codingpath {",
        f'  graph [rankdir=LR, label={label}, labelloc=t, fontname="Helvetica", newrank=true];',
        '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica"];',
        '  edge [color="#6c757d"];',
    ]
    for tier in TIERS:
        members = [r for r in roles if r.tier == tier]
        if not members:
            continue
        lines += [f"  subgraph cluster_{tier} {{", f"    label={dot_string(tier.capitalize())};",
                  "    rank=same;", '    style="rounded"; color="#adb5bd";']
        for role in members:
            attrs = [f"label={dot_string(_label(role))}"]
            if statuses is not None:
                status = statuses[role.id].status
                fill, stroke = STATUS_COLOURS[status]
                attrs += [f'fillcolor="{fill}"', f'color="{stroke}"']
                if status == "gap":
                    attrs.append('style="rounded,filled,dashed"')
            lines.append(f"    {dot_string(role.id)} [{', '.join(attrs)}];")
        lines.append("  }")
    lines += [f"  {dot_string(a)} -> {dot_string(b)};" for a, b in _edges(roles)]
    lines.append("}")
    return "\n".join(lines) + "\n"
