"""Walking the sourced facts of an entry: every `Sourced` block, each with the path that leads to
it from the entry, outermost first, through nested models and tuples."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from codingpath.catalog import Catalog
from codingpath.facts import iter_sourced
from codingpath.models import Sourced

SOURCE = {"url": "https://example.org/page", "as_of": "2026-01"}


class Wrapping(Sourced):
    inner: Sourced


class Entry(BaseModel):
    name: str
    block: Wrapping
    items: tuple[Any, ...]
    missing: Sourced | None = None


def follow(model: BaseModel, path: tuple[Any, ...]) -> Any:
    here: Any = model
    for step in path:
        here = here[step] if isinstance(step, int) else getattr(here, step)
    return here


def sourced(note: str) -> Sourced:
    return Sourced(confidence="confirmed", sources=(SOURCE,), note=note)  # type: ignore[arg-type]


def test_blocks_come_outermost_first_with_tuple_positions_in_their_paths():
    entry = Entry(name="x",
                  block=Wrapping(confidence="third-party", sources=(SOURCE,), note="outer",  # type: ignore[arg-type]
                                 inner=sourced("inner")),
                  items=("text", sourced("first"), 3, sourced("second")))
    found = [(path, block.note) for path, block in iter_sourced(entry)]
    assert found == [(("block",), "outer"), (("block", "inner"), "inner"), (("items", 1), "first"),
                     (("items", 3), "second")]  # and nothing for the field left empty


def test_a_sourced_model_itself_is_found_at_the_path_given():
    block = sourced("alone")
    assert list(iter_sourced(block, ("CPC", "fee"))) == [(("CPC", "fee"), block)]


def test_a_model_without_sources_yields_nothing():
    class Plain(BaseModel):
        name: str = "x"

    assert list(iter_sourced(Plain())) == []


def test_every_path_in_the_bundled_data_leads_to_its_block(bundled_data: Catalog):
    for entry in (*bundled_data.credentials.values(), *bundled_data.roles.values()):
        found = list(iter_sourced(entry))
        assert found, f"{entry.id} has no sourced facts"
        for path, block in found:
            assert follow(entry, path) is block


def test_a_credentials_blocks_are_the_facts_the_data_check_dates(bundled_data: Catalog):
    cpc = bundled_data.credentials["CPC"]
    paths = {path for path, _ in iter_sourced(cpc)}
    assert {("eligibility",), ("renewal",), ("study",)} <= paths
    role = bundled_data.roles["coding-manager"]
    assert ("requirements",) in {path for path, _ in iter_sourced(role)}
