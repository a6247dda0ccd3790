"""`codingpath.render.lattice_page` called directly (beside the browser tests of the page): the
route's headline in each case, and a standalone page that names every role and fetches nothing."""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser

from conftest import TODAY

from codingpath.engine import roadmap_statuses
from codingpath.planning import plan_route
from codingpath.render.lattice_page import HONEST, PageRoute, lattice_page, page_route
from codingpath.render.map_marks import map_marks
from codingpath.render.map_style import markup


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.links += [value or "" for name, value in attrs if name in ("src", "href")]


def parsed(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    return tags


def test_a_route_is_told_as_numbered_moves_with_its_length_and_fees(newcomer, bundled_data):
    plan = plan_route(newcomer, bundled_data, "coding-manager", start=TODAY)
    route = page_route(plan, "Ana")
    moves = [s for s in plan.steps if s.kind == "role"]
    assert route.target == "coding-manager" and len(route.moves) == len(moves)
    assert route.headline.startswith(f"Planned route to Coding Manager *: {len(moves)} moves, about ")
    assert f"met by {plan.finish:%Y-%m}" in route.headline and route.headline.endswith("the fastest codingpath found")


def test_someone_already_eligible_is_told_so(director_candidate, bundled_data):
    plan = plan_route(director_candidate, bundled_data, "coding-manager", start=TODAY)
    assert page_route(plan, "Dee") == PageRoute(
        "coding-manager", "Dee already meets the published requirements for Coding Manager *.")


def test_no_route_says_why(newcomer, bundled_data):
    plan = plan_route(newcomer, bundled_data, "medical-coder", start=TODAY,
                      avoid=frozenset({"CPC", "CCA", "COC", "CCS"}))
    route = page_route(plan, "Ana")
    assert route.headline == f"No route to Medical Coder: {plan.reason}." and route.moves == ()


def test_unknown_fees_are_counted_in_the_headline(newcomer, bundled_data):
    plan = plan_route(newcomer, bundled_data, "medical-coder", start=TODAY)
    steps = tuple(dataclasses.replace(s, cost_usd=None) if s.kind == "credential" else s for s in plan.steps)
    route = page_route(dataclasses.replace(plan, steps=steps), "Ana")
    exams = sum(s.kind == "credential" for s in steps)
    assert exams and f" plus {exams} unknown" in route.headline


def test_the_page_without_a_profile_names_every_role_and_fetches_nothing(bundled_data):
    page = lattice_page(bundled_data, today=TODAY, version="9.9.9")
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</html>\n")
    tags = parsed(page)
    assert "script" not in tags.tags and "link" not in tags.tags
    assert all(link.startswith(("http://", "https://", "#")) for link in tags.links)
    assert all(role.title.replace("&", "&amp;") in page for role in bundled_data.roles.values())
    assert "codingpath 9.9.9" in page and f"Made {TODAY.isoformat()}" in page
    assert markup(HONEST) in page  # quotes escaped like every other string


def test_the_page_for_a_person_marks_their_standing_and_route(newcomer, bundled_data):
    statuses = roadmap_statuses(newcomer, bundled_data, TODAY)
    marks = map_marks(statuses, current=None, target="coding-manager")
    route = page_route(plan_route(newcomer, bundled_data, "coding-manager", start=TODAY), "Ana <b>")
    page = lattice_page(bundled_data, marks=marks, name="Ana <b>", route=route, today=TODAY, version="1")
    assert "Ana &lt;b&gt;" in page and "Ana <b>" not in page
    assert "<title>Medical coding and HIM career map for Ana &lt;b&gt;</title>" in page
    assert page.count('class="route"') >= 1
