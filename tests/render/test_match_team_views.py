"""`codingpath.render.match_team_views`: who meets a posting, from hand-made people: every format,
the ranking, counts that cover everyone, and a roster's text escaped for each format."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from conftest import TODAY

from codingpath.match.extract import extract_requirements
from codingpath.match.posting import parse_posting
from codingpath.match.team import MatchTally, PersonMatch
from codingpath.render.match_team_views import CSV_COLUMNS, write_match_team

POSTING = "Coding Auditor\n\nRequirements:\n- CPC required\n- XYZQ certification required\n"


def people() -> list[PersonMatch]:
    return [
        PersonMatch("Gus", "team.csv", 4, None, "gaps", "gaps", None, "needs CPC"),
        PersonMatch("Wil", "team.csv", 3, "medical-coder", "gaps", "within", 5.2, "needs 1 year of coding"),
        PersonMatch("=Eve", "team.csv", 2, "coder-ii", "meets", "meets", 0.0, None),
        PersonMatch("Rae", "rae.yaml", None, None, "meets-required", "meets-required", 0.0, None),
    ]


def written(fmt: str, bundled_data, limit: int = 200) -> tuple[str, MatchTally]:
    tally = MatchTally()

    def stream() -> Iterator[PersonMatch]:
        for person in people():
            tally.add(person)
            yield person

    extraction = extract_requirements(parse_posting(POSTING, "auditor.txt"), bundled_data)
    out = io.StringIO()
    write_match_team(stream(), tally, fmt, out, extraction=extraction, catalog=bundled_data,  # type: ignore[arg-type]
                     resembles="coding-auditor", today=TODAY, within=12, limit=limit)
    return out.getvalue(), tally


def test_json_streams_everyone_with_a_summary_of_all(bundled_data):
    text, _ = written("json", bundled_data)
    payload = json.loads(text)
    assert [p["name"] for p in payload["people"]] == ["Gus", "Wil", "=Eve", "Rae"]
    summary = payload["summary"]
    assert (summary["people"], summary["meets"], summary["meets_required"], summary["within"], summary["gaps"]) == (
        4, 1, 1, 1, 1)
    assert summary["within_people"] == ["Wil"]
    assert payload["posting"] == {"file": "auditor.txt", "title": "Coding Auditor"}
    assert [r["kind"] for r in payload["unchecked"]] == ["other"] and payload["resembles"] == "coding-auditor"


def test_csv_defuses_a_name_a_spreadsheet_would_run(bundled_data):
    text, _ = written("csv", bundled_data)
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [r[0] for r in rows[1:]] == ["Gus", "Wil", "'=Eve", "Rae"]
    assert rows[4][2] == "" and rows[2][6] == "5.2"


def test_the_table_ranks_who_meets_first_then_by_months(bundled_data):
    text, _ = written("markdown", bundled_data)
    order = [text.index(f"| {name} |") for name in ("=Eve", "Rae", "Wil", "Gus")]
    assert order == sorted(order)
    assert "needs 1 year of coding; about 5 months on a planned route" in text
    assert "every required item met; not every preferred one" in text
    assert "The posting is most like the codingpath role Coding Auditor (coding-auditor)." in text
    assert "Not checked for anyone (codingpath has no record of them): XYZQ." in text


def test_the_limit_keeps_the_first_people_but_counts_everyone(bundled_data):
    text, tally = written("markdown", bundled_data, limit=2)
    assert tally.people == 4
    assert "Showing the first 2 of 4 people" in text and "| Rae |" not in text
    assert "Coding Auditor: 4 people as of" in text
