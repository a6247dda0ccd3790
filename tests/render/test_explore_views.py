"""`codingpath.render.views`: the views of `next`, `roles` and `roadmap`: titles and counts, the
status column, the honest caption, short titles, and CSV records one line per cell."""

from __future__ import annotations

from conftest import TODAY

from codingpath.engine import roadmap_statuses
from codingpath.models import TIERS
from codingpath.planning.outlook import next_outlook
from codingpath.render.views import HONEST, next_view, roadmap_view, roles_view, short_title


def test_next_counts_the_roles_met_and_names_the_best_step(newcomer, bundled_data):
    outlook = next_outlook(newcomer, bundled_data, TODAY)
    view = next_view(outlook, name="Ana", source="ana.yaml", current_role=None, today=TODAY)
    (table,) = view.tables
    eligible = sum(r.result.status == "eligible" for r in outlook.roles)
    assert table.title.startswith(f"Next roles for Ana: {eligible} of {len(outlook.roles)} with every")
    assert len(table.rows) == len(outlook.roles)
    if outlook.best is not None:
        assert "\nBest next step: " in table.title
        assert view.payload["best_next_step"]["subject"] == outlook.best.subject
    assert table.caption is not None and table.caption.startswith(HONEST)
    assert table.caption.endswith("recommended = preferred by employers, never required.")
    assert view.payload["as_of"] == TODAY.isoformat()


def test_next_says_how_far_each_unmet_role_is(newcomer, bundled_data):
    outlook = next_outlook(newcomer, bundled_data, TODAY)
    view = next_view(outlook, name=None, source="p.yaml", current_role=None, today=TODAY)
    for role, row in zip(outlook.roles, view.tables[0].rows, strict=True):
        if role.result.status != "eligible":
            assert ("no route in codingpath's data" in row[3]) == (role.months_to_close is None)
        assert row[2].rstrip(" *") == role.result.status
    records = view.records
    assert records is not None and "\n" not in records.title
    assert records.columns[0] == "tier" and all("\n" not in cell for row in records.rows for cell in row)


def test_roles_are_listed_by_tier_then_title(bundled_data):
    view = roles_view(bundled_data, list(bundled_data.roles.values()))
    (table,) = view.tables
    keys = [(TIERS.index(row[0]), row[1]) for row in table.rows]  # type: ignore[arg-type]
    assert keys == sorted(keys) and table.title == f"{len(keys)} roles by tier"
    assert table.narrow is not None and "Id" not in table.narrow.columns
    assert [r["id"] for r in view.payload["roles"]] == [row[2] for row in table.rows]


def test_a_long_title_is_shortened_to_its_shortest_shorter_alias(bundled_data):
    cdi = bundled_data.roles["clinical-documentation-improvement-specialist"]
    assert len(short_title(cdi)) < len(cdi.title) and short_title(cdi) in cdi.aliases
    coder = bundled_data.roles["medical-coder"]
    assert short_title(coder) == coder.title


def test_the_roadmap_without_a_profile_has_no_you_column(bundled_data):
    view = roadmap_view(bundled_data, None)
    (table,) = view.tables
    assert "You" not in table.columns and table.title == "Medical coding and HIM career roadmap"
    assert len(table.rows) == len(bundled_data.roles)
    assert table.caption is not None and not table.caption.startswith(HONEST)
    assert all("status" not in entry for entry in view.payload["roles"])
    unconfirmed = {r.title for r in bundled_data.roles.values() if not r.requirements.confirmed}
    assert {row[1].removesuffix(" *") for row in table.rows if row[1].endswith(" *")} == unconfirmed


def test_the_roadmap_for_a_person_adds_their_status_per_role(experienced_coder, bundled_data):
    statuses = roadmap_statuses(experienced_coder, bundled_data, TODAY)
    view = roadmap_view(bundled_data, statuses, name="Sam")
    (table,) = view.tables
    assert table.columns[-1] == "You" and table.title.endswith(" for Sam")
    assert table.caption is not None and table.caption.startswith(HONEST)
    by_id = {entry["id"]: entry for entry in view.payload["roles"]}
    assert all(by_id[rid]["status"] == result.status for rid, result in statuses.items())
    assert view.records is not None and "status" in view.records.columns
