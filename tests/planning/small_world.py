"""A small career map in memory, for testing the planner's parts one at a time: two quick exams
and a slow one for the same group, an exam with an apprentice designation, a trainee job that
needs nothing, a coder job that needs an exam, and a lead job that needs two years of coding; the trainee
leads to the coder, every entry job to the mid-tier ones."""

from __future__ import annotations

from datetime import date
from typing import Any

from codingpath.catalog import Catalog
from codingpath.models import Credential, EducationProgram, Profile, Role
from codingpath.planning.bounds import Bounds
from codingpath.planning.context import Context, build_context
from codingpath.planning.moves import Moves

START = date(2027, 1, 1)
HOURS_PER_WEEK = 10.0  # 40 hours of study: 1 month; 80: 2 months; 120: 3 months


def sourced() -> dict[str, Any]:
    return {"confidence": "confirmed", "sources": [{"url": "https://example.org", "as_of": "2026"}]}


def exam(cid: str, hours: float, fee: float | None, **extra: Any) -> Credential:
    return Credential.model_validate({
        "id": cid, "name": f"Exam {cid}", "body": "EX", "focus": ["physician"], "summary": "An exam.",
        "eligibility": {"routes": [], **sourced()}, "renewal": {"cycle_years": 2, **sourced()},
        "fee": {"usd": fee, **sourced()}, "study": {"hours": hours, **sourced()}, **extra})


# The ladder: every entry job leads to the two mid-tier ones, the trainee also to the coder.
LADDER = {"trainee": ["coder", "lead", "senior"], "coder": ["lead", "senior"], "unpriced": ["lead", "senior"],
          "graduate": ["lead", "senior"]}


def role(rid: str, tier: str, tracks: list[str], **requirements: Any) -> Role:
    return Role.model_validate({"id": rid, "title": rid.title(), "tier": tier, "tracks": tracks, "summary": "Works.",
                                "requirements": {**requirements, **sourced()}, "leads_to": LADDER.get(rid, [])})


def small_catalog() -> Catalog:
    apprentice = {"designation": "XA-A", "applies_when": "Passed without experience.",
                  "removal": [{"experience": [{"years": 1, "tracks": ["coding"], "label": "coding experience"}]}],
                  **sourced()}
    credentials = [
        exam("XC", 40, 100),  # quick and dear
        exam("XS", 120, 150),  # slow and dearer: never worth taking over XC
        exam("XE", 80, 50),  # slower but cheaper than XC: worth offering too
        exam("XA", 40, 100, apprentice=apprentice),
        exam("XU", 40, None),  # no published fee
    ]
    roles = [
        role("trainee", "entry", ["coding"]),
        role("coder", "entry", ["coding"], credentials=[["XC", "XS", "XE"]]),
        role("lead", "mid", ["coding", "management"], credentials=[["XC", "XS", "XE"]],
             experience=[{"years": 2, "tracks": ["coding"], "label": "coding experience"}]),
        role("senior", "mid", ["coding"], credentials=[["XA"]], full_credential=True),
        role("unpriced", "entry", ["coding"], credentials=[["XU"]]),
        role("graduate", "entry", ["coding"], education="associate"),
    ]
    associate = EducationProgram.model_validate({"level": "associate", "years": 2, "from_level": "high-school",
                                                 "provenance": sourced()})
    return Catalog({c.id: c for c in credentials}, {r.id: r for r in roles}, {}, (associate,), {})


def parts(target: str, profile: Profile | None = None) -> tuple[Context, Bounds, Moves]:
    """A context for `target` from `profile` (a newcomer by default), with its bounds and moves."""
    catalog = small_catalog()
    profile = profile or Profile(education="high-school")
    context = build_context(catalog, profile, catalog.roles[target], START, HOURS_PER_WEEK, frozenset())
    bounds = Bounds(context)
    return context, bounds, Moves(context, bounds)
