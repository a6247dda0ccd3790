"""Team mode's shortcuts (no plan beyond the window, plans remembered per standing, keep-working
when only experience is short) give what planning every person afresh gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TODAY
from posting_catalogue import POSTINGS

from codingpath.match import evaluate_posting, extract_requirements, read_posting
from codingpath.match.closing import GapPlanner
from codingpath.match.resemble import resembles
from codingpath.match.team import MatchTally, PersonMatch, match_team
from codingpath.team.evaluate import Person, collect_sources, iter_people

ROSTERS = Path(__file__).resolve().parent.parent / "rosters"
WITHIN = 12


class _Afresh(GapPlanner):
    """The planner asked every time: nothing remembered, no shortcut, no bound."""

    def _waiting(self, profile, role_id, standing):  # noqa: ANN001, ANN202
        return None

    def _remembered(self, profile, role_id, standing):  # noqa: ANN001, ANN202
        return self._months(profile, role_id)


@pytest.mark.parametrize("posting", ["coding-auditor-profee.txt", "him-operations-manager.txt",
                                     "risk-adjustment-coder.txt"])
def test_team_shortcuts_agree_with_planning_everyone(bundled_data, posting):
    extraction = extract_requirements(read_posting(str(POSTINGS / posting)), bundled_data)
    paths = [str(ROSTERS / "generated-60.csv"), str(ROSTERS / "team.csv"), str(ROSTERS / "staff")]
    tally = MatchTally()
    fast = [p for p in match_team(collect_sources(paths), extraction, bundled_data, TODAY, within_months=WITHIN,
                                  tally=tally) if isinstance(p, PersonMatch)]
    afresh = _Afresh(extraction, bundled_data, TODAY, resembles(extraction, bundled_data))
    people = [p for p in iter_people(collect_sources(paths), bundled_data, TODAY) if isinstance(p, Person)]
    assert len(fast) == len(people) == tally.people > 60
    for person, result in zip(people, fast, strict=True):
        slow = evaluate_posting(extraction, person.loaded.profile, bundled_data, TODAY, planner=afresh,
                                plan_each_gap=False)
        assert result.verdict == slow.verdict, result.name
        if slow.verdict == "gaps" and slow.months_to_required is not None and slow.months_to_required <= WITHIN:
            assert (result.status, result.months) == ("within", slow.months_to_required), result.name
        elif slow.verdict == "gaps":
            assert result.status == "gaps", result.name
    assert sum(tally.counts.values()) == tally.people
    assert tally.plans < tally.people  # remembered and skipped plans: fewer plans than people
