"""`codingpath graph`: the career map as Mermaid or Graphviz DOT text."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from .app import app, say
from .options import (
    DataOption,
    OptionalProfileOption,
    TrackOption,
    check_choice,
    command_inputs,
    load_data,
    load_person,
    today,
)


class GraphFormat(str, Enum):
    mermaid = "mermaid"
    dot = "dot"
    svg = "svg"
    json = "json"


@app.command("graph")
def graph_command(
    profile: OptionalProfileOption = None,
    fmt: Annotated[GraphFormat, typer.Option(
        "--format", "-f", help="mermaid (GitHub renders it), dot (Graphviz), svg (a picture) or json.",
                                             case_sensitive=False)] = GraphFormat.mermaid,
    track: TrackOption = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of standard output.",
                                                   show_default=False)] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Replace an existing --output file (a .bak copy is kept).")] = False,
    data: DataOption = None,
) -> None:
    """The career map as a graph: tiers as ranks, 'leads to' progressions as arrows. With --profile,
    roles are marked held (blue), eligible (green: meets the published requirements), gap (grey) or
    target, in words as well as colour. --format svg draws the picture itself (no Graphviz needed);
    render the others with GitHub/mermaid.live, or `dot -Tsvg map.dot > map.svg`.

    Example: codingpath graph --format svg --profile me.yaml --output map.svg
    """
    import json

    from ..engine import roadmap_statuses
    from ..render.escape import json_text
    from ..render.fileio import OutputFile
    from ..render.graph import graph_payload, graph_roles, graph_text
    from ..render.map_marks import map_marks
    from ..taxonomy import TRACKS

    check_choice("--track", track, TRACKS)
    track = track.lower() if track else None
    target = OutputFile(output, force=force, inputs=command_inputs(profile, data=data)) if output else None
    catalog = load_data(data)
    statuses, title, marks = None, "Medical coding and HIM career map", None
    if profile is not None:
        when = today()
        person = load_person(profile, catalog, when).profile
        statuses = roadmap_statuses(person, catalog, when)
        title += f" for {person.name}" if person.name else ""
        marks = map_marks(statuses, current=person.current_role, target=person.target_role)
    if fmt is GraphFormat.svg:
        from ..render.ladder_svg import ladder_svg

        title += f": {track} track" if track else ""
        text = ladder_svg(graph_roles(catalog, track), marks, title=title)
    elif fmt is GraphFormat.json:
        payload = {"format_version": 1, **graph_payload(catalog, statuses, track=track)}
        text = json_text(json.dumps(payload, indent=2, ensure_ascii=False)) + "\n"
    else:
        text = graph_text(catalog, fmt.value, statuses, track=track, title=title)
    if target is None:
        sys.stdout.write(text)
        return
    with target as handle:
        handle.write(text)
    say(f"wrote {output}" + (f"; previous file kept as {target.backup}" if target.backup else ""))
