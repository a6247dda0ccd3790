"""`codingpath.render.ladder_svg` called directly: a well-formed, self-contained picture with one box
per role and one arrow per leads_to edge drawn, marks and the legend only for what is shown."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from codingpath.models import Role
from codingpath.render.ladder_svg import ladder_layout, ladder_svg
from codingpath.render.map_marks import MapMark

SVG = "{http://www.w3.org/2000/svg}"


def role(rid: str, tier: str, leads_to: tuple[str, ...] = (), title: str | None = None,
         confidence: str = "confirmed") -> Role:
    provenance: dict[str, Any] = {"confidence": confidence, "sources": [{"url": "https://example.org", "as_of": "2026"}]}
    return Role.model_validate({"id": rid, "title": title or rid.title(), "tier": tier, "tracks": ["coding"],
                                "summary": "Works.", "requirements": provenance, "leads_to": list(leads_to)})


ROLES = [role("coder", "entry", ("lead",)), role("lead", "mid", ("boss",)), role("boss", "advanced"),
         role("other", "entry", ("elsewhere",))]


def parsed(text: str) -> ET.Element:
    assert text.endswith("</svg>\n")
    return ET.fromstring(text.encode("utf-8"))


def test_one_box_per_role_and_one_arrow_per_edge_between_drawn_roles():
    root = parsed(ladder_svg(ROLES, title="Ladder"))
    assert root.tag == f"{SVG}svg"
    boxes = [g.get("data-role") for g in root.iter(f"{SVG}g") if g.get("class") == "role"]
    assert boxes == ["coder", "lead", "boss", "other"]
    arrows = {(p.get("data-from"), p.get("data-to")) for p in root.iter(f"{SVG}path") if p.get("class") == "leads-to"}
    assert arrows == {("coder", "lead"), ("lead", "boss")}  # "elsewhere" is not drawn


def test_arrows_run_left_to_right():
    layout = ladder_layout(ROLES)
    assert layout.nodes["coder"].x < layout.nodes["lead"].x < layout.nodes["boss"].x


def test_nothing_is_fetched():
    text = ladder_svg(ROLES, title="Ladder")
    assert "<script" not in text and "@import" not in text and "href=" not in text


def test_titles_are_escaped():
    text = ladder_svg([role("coder", "entry", title="<b>Coder & co</b>")], title="A <map>")
    root = parsed(text)
    assert "<b>" not in text
    assert root.find(f"{SVG}title").text == "A <map>"  # type: ignore[union-attr]


def test_marks_add_a_status_line_and_the_legend_names_only_the_statuses_drawn():
    marks = {"coder": MapMark("held", current=True), "boss": MapMark("target", "needs CCS"),
             "nowhere": MapMark("eligible")}
    text = ladder_svg(ROLES, marks, title="Ladder")
    root = parsed(text)
    coder = next(g for g in root.iter(f"{SVG}g") if g.get("data-role") == "coder")
    assert coder.get("data-status") == "held"
    assert "HELD · YOU ARE HERE" in "".join(t.text or "" for t in coder.iter(f"{SVG}text"))
    boss = next(g for g in root.iter(f"{SVG}g") if g.get("data-role") == "boss")
    assert boss.find(f"{SVG}title").text == "Boss (target: needs CCS)"  # type: ignore[union-attr]
    assert "held: " in text and "target: " in text and "eligible: " not in text


def test_a_box_with_a_mark_is_taller():
    plain = ladder_layout(ROLES).nodes["coder"].height
    marked = ladder_layout(ROLES, {"coder": MapMark("gap")}).nodes["coder"].height
    assert marked > plain


def test_an_unconfirmed_role_is_starred_and_explained():
    text = ladder_svg([role("coder", "entry", confidence="unconfirmed")], title="Ladder")
    assert "Coder *" in text and "could not confirm" in text
    assert "could not confirm" not in ladder_svg([role("coder", "entry")], title="Ladder")


def test_the_bundled_ladder_draws_every_role(bundled_data):
    roles = list(bundled_data.roles.values())
    root = parsed(ladder_svg(roles, title="Ladder"))
    assert sum(g.get("class") == "role" for g in root.iter(f"{SVG}g")) == len(roles)
