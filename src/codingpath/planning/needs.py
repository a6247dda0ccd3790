"""Which published requirement each step of a route meets, in words: the target's first, then the
requirements the route meets on its way (roles moved into, exams' eligibility routes, apprentice
designations removed), in time order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..catalog import Catalog
from ..engine import Standing, assess
from ..records import is_requirement
from ..taxonomy import EDUCATION_LEVELS
from ..wording import level_name, years_text
from .context import Context
from .state import Transition

if TYPE_CHECKING:
    from ..models import Requirement

__all__ = ["RouteNeeds", "group_text"]


def group_text(group: tuple[str, ...]) -> str:
    """'CPC' or 'one of CPC, CCS'."""
    return group[0] if len(group) == 1 else "one of " + ", ".join(group)


def contribution(kind: str, subject: str, extra: object, req: Requirement,
                 catalog: Catalog) -> tuple[str, tuple[str, ...]] | None:
    """Which part of `req` a step meets (and the other options for that part), or None. For
    experience, `extra` is the standing the time in the role starts from: a rule it already
    meets is not met by the time."""
    if kind in ("credential", "apprentice"):
        group = next((g for g in req.credentials if subject in g), None)
        if group is None or (kind == "apprentice" and not req.full_credential):
            return None
        if kind == "apprentice":
            return f"{subject} without the apprentice designation", ()
        return group_text(group), tuple(c for c in group if c != subject)
    if kind == "training":
        return (f"the {catalog.trainings[subject].name}", ()) if subject in req.training else None
    if kind == "education":
        enough = req.education and EDUCATION_LEVELS.index(req.education) <= EDUCATION_LEVELS.index(subject)
        if req.education and enough and (extra or not req.cahiim_accredited):
            accredited = " from a CAHIIM-accredited HIM programme" if req.cahiim_accredited else ""
            return level_name(req.education) + accredited, ()
        return None
    role = catalog.roles[subject]
    rules = [r for r in req.experience if (set(r.tracks) & set(role.tracks) or subject in r.roles)
             and not (isinstance(extra, Standing) and extra.track_years(r.tracks, r.roles) + 1e-9 >= r.years)]
    return ("; ".join(f"{years_text(r.years)} of {r.label}" for r in rules), ()) if rules else None


class RouteNeeds:
    """The requirements a route meets on its way, in time order, the target's first; `items` are
    (the month it is needed by, whose requirement in words, the requirement)."""

    def __init__(self, context: Context, transitions: list[Transition], months: int) -> None:
        catalog, target = context.catalog, context.target
        self.catalog = catalog
        self.items: list[tuple[int, str, Requirement]] = [(months, target.title, target.requirements)]
        self.removal: dict[tuple[str, int], Requirement] = {}  # (credential, month) -> removal route used
        later: list[tuple[int, str, Requirement]] = []
        for action, before in transitions:
            if action.kind == "role":
                role = catalog.roles[action.subject]
                later.append((action.start, role.title, role.requirements))
            elif action.kind == "credential" and is_requirement(action.detail):
                later.append((action.start, f"{action.subject} exam", action.detail))
            elif action.kind == "apprentice":
                credential = catalog.credentials[action.subject]
                assert credential.apprentice is not None  # only such credentials are held as apprentice
                route = next(r for r in credential.apprentice.removal if assess(r, context.standing(before)).met)
                self.removal[(action.subject, action.start)] = route
                later.append((action.start, f"removing {credential.apprentice.designation}", route))
        self.items += sorted(later, key=lambda c: c[0])

    @property
    def need_cahiim(self) -> bool:
        """Whether any of them asks for a degree from a CAHIIM-accredited programme."""
        return any(req.cahiim_accredited for _, _, req in self.items)

    def satisfies(self, kind: str, subject: str, extra: object, ready: int) -> tuple[str, tuple[str, ...]]:
        """'Coding Manager: one of CPC, CCS, ...' for the target if the step helps it, else for the
        first later requirement it helps; with the other options of that part."""
        for when, label, req in self.items:
            found = contribution(kind, subject, extra, req, self.catalog) if when >= ready else None
            if found:
                return f"{label}: {found[0]}", found[1]
        return "", ()
