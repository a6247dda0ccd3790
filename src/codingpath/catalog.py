"""The career map as one container: credentials, roles, trainings, education programmes and
occupations, with lookups by id, title or alias. No I/O: `load.data` reads and checks the files."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .facts import iter_sourced
from .taxonomy import TIERS
from .wording import close_matches

if TYPE_CHECKING:
    from .models import Body, Credential, EducationProgram, Occupation, Role, Source, Training

__all__ = ["Catalog", "TRACK_WORDS", "name_collisions", "role_names", "slug", "tracks_named"]


@functools.lru_cache(maxsize=4096)  # rosters repeat the same few role names many thousand times
def slug(text: str) -> str:
    """'Coding Auditor' -> 'coding-auditor' (the id form of a title)."""
    out, dash = [], False
    for char in text.lower():
        if char.isalnum():
            out.append(char)
            dash = False
        elif not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


# Words in a job title that name a track: a lookup that uses one stays on that track.
TRACK_WORDS: dict[str, str] = {
    "biller": "billing", "billing": "billing", "coder": "coding", "coding": "coding",
    "auditor": "audit", "audit": "audit", "compliance": "compliance", "cdi": "cdi",
    "educator": "education", "instructor": "education", "trainer": "education",
    "analyst": "data", "privacy": "privacy", "records": "him", "him": "him",
}


def tracks_named(text: str) -> tuple[str, ...]:
    """The tracks the words of a role name point to: 'medical biller' -> ('billing',)."""
    return tuple(dict.fromkeys(TRACK_WORDS[w] for w in slug(text).split("-") if w in TRACK_WORDS))


def role_names(roles: dict[str, Role]) -> dict[str, str]:
    """Every name a role answers to (slugged) -> its id: a title first (between two equal titles the
    role listed later, an employer's overlay after the bundled data), then an id, then an alias.
    An id typed as an id always finds its role (`Catalog.role_id` looks for it first), so an
    overlay role `coder` is reached as `coder`, not through the bundled Medical Coder's alias, and
    an overlay's 'Medical Coder' title wins over the bundled one's; `data check` warns of each
    such collision (`name_collisions`)."""
    names: dict[str, str] = {}
    for role in reversed(list(roles.values())):
        names.setdefault(slug(role.title), role.id)
    for role in roles.values():
        names.setdefault(slug(role.id), role.id)
    for role in roles.values():
        for alias in role.aliases:
            names.setdefault(slug(alias), role.id)
    return names


def name_collisions(roles: dict[str, Role]) -> list[tuple[str, tuple[str, ...], str]]:
    """(name, the roles it names, the one it means) for each name (id, title or alias, compared as
    slugs) that more than one role answers to."""
    names = role_names(roles)
    claims: dict[str, dict[str, str]] = {}
    for role in roles.values():
        for name in (role.id, role.title, *role.aliases):
            claims.setdefault(slug(name), {}).setdefault(role.id, name)
    return [(next(iter(by_role.values())), tuple(by_role), names[key])
            for key, by_role in claims.items() if len(by_role) > 1]


class Catalog:
    """The merged, cross-checked career map with lookups by id, title or alias."""

    def __init__(
        self,
        credentials: dict[str, Credential],
        roles: dict[str, Role],
        trainings: dict[str, Training],
        education: tuple[EducationProgram, ...],
        occupations: dict[str, Occupation],
        files: tuple[str, ...] = (),
        bodies: dict[str, Body] | None = None,
    ) -> None:
        self.credentials = credentials
        self.bodies = bodies or {}
        self.roles = roles
        self.trainings = trainings
        self.education = education
        self.occupations = occupations
        self.files = files
        self._role_names = role_names(roles)
        self._credential_names = {c.id.lower(): c.id for c in credentials.values()}
        for credential in credentials.values():
            if credential.apprentice:
                self._credential_names.setdefault(credential.apprentice.designation.lower(), credential.id)

    # -- lookups --------------------------------------------------------------------------------
    def role_id(self, text: str) -> str | None:
        """The role id for an id, title or alias in any case, or None (see `role_names`)."""
        exact = text.strip().lower()
        return exact if exact in self.roles else self._role_names.get(slug(text))

    def credential_id(self, text: str) -> str | None:
        """The credential id for an acronym in any case (CPC-A gives CPC), or None."""
        return self._credential_names.get(text.strip().lower())

    def suggest_role(self, text: str) -> list[str]:
        """Role ids whose id, title or alias is close to `text`, closest first; when a word names a
        track ("biller"), only roles on that track, since "did you mean medical-coder" for "medical
        biller" would count billing time as coding."""
        tracks = tracks_named(text)
        names = [name for name, rid in self._role_names.items()
                 if all(t in self.roles[rid].tracks for t in tracks)]
        close = close_matches(slug(text), names, n=3, cutoff=0.6)
        return list(dict.fromkeys(self._role_names[n] for n in close))

    def role_hint(self, text: str) -> str:
        """What to add after "unknown role 'x'": the nearest role, or where to look instead."""
        hints = self.suggest_role(text)
        if hints:
            return f"; did you mean {hints[0]!r}?"
        tracks = tracks_named(text)
        if len(tracks) == 1:
            return (f"; codingpath has no role of that name on the {tracks[0]} track"
                    f" (`codingpath roles --track {tracks[0]}` lists them)")
        return " (`codingpath roles` lists them)"

    def suggest_credential(self, text: str) -> list[str]:
        """Credential ids close to `text` (an apprentice designation counts), closest first."""
        names = close_matches(text.strip().lower(), self._credential_names, n=3, cutoff=0.5)
        return list(dict.fromkeys(self._credential_names[n] for n in names))

    def roles_in_tier(self, tier: str) -> list[Role]:
        return [r for r in self.roles.values() if r.tier == tier]

    def leads_from(self, role_id: str) -> list[Role]:
        """Roles whose `leads_to` names this one."""
        return [r for r in self.roles.values() if role_id in r.leads_to]

    @staticmethod
    def tier_index(tier: str) -> int:
        return TIERS.index(tier)

    def oldest_source_year(self) -> int | None:
        years = [s.year for s in self.iter_sources() if s.year is not None]
        return min(years) if years else None

    def iter_sources(self) -> Iterator[Source]:
        """Every source cited in the data: each credential's sourced blocks, each role's requirements."""
        for credential in self.credentials.values():
            for _, block in iter_sourced(credential):
                yield from block.sources
        for role in self.roles.values():
            yield from role.requirements.sources
