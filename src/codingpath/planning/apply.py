"""Following a plan: calendar months (the planner counts in months from the start date) and the
profile as it would be after every step, which is how tests check that a plan really works."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, cast

from ..catalog import Catalog
from ..dates import add_months
from ..records import new_record
from ..taxonomy import EducationLevel
from .result import Plan

if TYPE_CHECKING:
    from ..models import Profile

__all__ = ["add_months", "apply_plan", "months_between"]


def months_between(start: date, end: date) -> int:
    """Whole calendar months from `start` to `end` (days ignored)."""
    return (end.year - start.year) * 12 + end.month - start.month


def apply_plan(profile: Profile, plan: Plan, catalog: Catalog) -> Profile:
    """The profile as it would be after following every step of `plan` (to check a plan)."""
    # Ongoing jobs end where the plan starts; the plan's own time is added as whole years.
    experience = [e if e.start is None or e.end is not None else e.model_copy(update={"end": plan.start})
                  for e in profile.experience]
    held = {c.id: c for c in profile.credentials}
    education, training, current = profile.education, list(profile.training), profile.current_role
    for step in plan.steps:
        if step.kind == "credential":
            for old in catalog.credentials[step.subject].replaces:
                held.pop(old, None)
            held[step.subject] = new_record("HeldCredential", id=step.subject, earned=step.end,
                                            apprentice=step.apprentice)
        elif step.kind == "apprentice":
            held[step.subject] = held[step.subject].model_copy(update={"apprentice": False})
        elif step.kind == "education":
            level = cast(EducationLevel, step.subject)  # an education step's subject is a level
            education = new_record("EducationRecord", level=level, field=education.field,
                                   cahiim_accredited=step.cahiim_accredited or education.cahiim_accredited)
        elif step.kind == "training":
            training.append(step.subject)
        elif step.kind == "experience":
            years = months_between(step.start, step.end) / 12
            experience.append(new_record("ExperienceEntry", role=step.subject, years=years))
        elif step.kind == "role":
            current = step.subject
    return profile.model_copy(update={"credentials": tuple(held.values()), "education": education,
                                      "training": tuple(training), "experience": tuple(experience),
                                      "current_role": current})
