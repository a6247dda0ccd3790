"""Find, load and cross-check the career data: the bundled files, optionally overlaid by an employer's.

An overlay directory may hold `credentials.yaml` and/or `roles.yaml` of the same shape as the bundled
ones. An entry whose id matches a bundled one replaces it whole; a new id is added. The merged map is
then cross-checked as one (unknown ids, impossible requirements, progression cycles).
"""

from __future__ import annotations

import difflib
import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import DataError, InputError, Problem
from .models import (
    TIERS,
    Body,
    Credential,
    CredentialsFile,
    EducationProgram,
    Occupation,
    Role,
    RolesFile,
    Training,
)

if TYPE_CHECKING:  # the YAML reader is imported when the files are read: from the cache, never
    from .yamlio import YamlDocument

__all__ = ["Catalog", "CatalogReport", "DATA_ENV", "bundled_data_dir", "data_files", "data_layers", "inspect_catalog",
           "load_catalog", "slug", "tracks_named"]

DATA_ENV = "CODINGPATH_DATA"
DATA_MAX_BYTES = 5_000_000
DATA_FILES = ("credentials.yaml", "roles.yaml")


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


def bundled_data_dir() -> Path:
    """The data directory shipped inside the package (or, in an editable install, the repo's)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "data", here.parent.parent / "data"):
        if (candidate / "roles.yaml").is_file():
            return candidate
    raise DataError(Problem(str(here / "data"), "the bundled career data is missing; reinstall codingpath"))


@dataclass(frozen=True)
class Origin:
    """Which file (and which path in it) an entry came from, for error messages."""

    document: YamlDocument
    path: tuple[Any, ...]

    def problem(self, subpath: tuple[Any, ...], message: str) -> Problem:
        return self.document.problem((*self.path, *subpath), message)


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
        self._role_names = {}
        for role in roles.values():
            for name in (role.id, role.title, *role.aliases):
                self._role_names.setdefault(slug(name), role.id)
        self._credential_names = {c.id.lower(): c.id for c in credentials.values()}
        for credential in credentials.values():
            if credential.apprentice:
                self._credential_names.setdefault(credential.apprentice.designation.lower(), credential.id)

    # -- lookups --------------------------------------------------------------------------------
    def role_id(self, text: str) -> str | None:
        """The role id for an id, title or alias in any case, or None."""
        return self._role_names.get(slug(text))

    def credential_id(self, text: str) -> str | None:
        """The credential id for an acronym in any case (CPC-A gives CPC), or None."""
        return self._credential_names.get(text.strip().lower())

    def suggest_role(self, text: str) -> list[str]:
        """Near-miss role ids; when a word names a track ("biller"), only roles on that track, since
        "did you mean medical-coder" for "medical biller" would count billing time as coding."""
        tracks = tracks_named(text)
        names = [name for name, rid in self._role_names.items()
                 if all(t in self.roles[rid].tracks for t in tracks)]
        close = difflib.get_close_matches(slug(text), names, n=3, cutoff=0.6)
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
        names = difflib.get_close_matches(text.strip().lower(), list(self._credential_names), n=3, cutoff=0.5)
        return list(dict.fromkeys(self._credential_names[n] for n in names))

    def roles_in_tier(self, tier: str) -> list[Role]:
        return [r for r in self.roles.values() if r.tier == tier]

    def leads_from(self, role_id: str) -> list[Role]:
        """Roles whose `leads_to` names this one."""
        return [r for r in self.roles.values() if role_id in r.leads_to]

    @staticmethod
    def tier_index(tier: str) -> int:
        return TIERS.index(tier)  # type: ignore[arg-type]

    def oldest_source_year(self) -> int | None:
        years = [s.year for s in self.iter_sources() if s.year is not None]
        return min(years) if years else None

    def iter_sources(self):  # noqa: ANN201 - a generator of models.Source
        from .facts import iter_sourced

        for credential in self.credentials.values():
            for _, block in iter_sourced(credential):
                yield from block.sources
        for role in self.roles.values():
            yield from role.requirements.sources


def load_catalog(data_dir: str | Path | None = None, *, use_env: bool = True) -> Catalog:
    """Load the bundled data, overlaid by `data_dir` (or $CODINGPATH_DATA), validated and cross-checked.

    A catalog that passed every check is cached, keyed by the bytes of its files (see `cache.py`)."""
    from .cache import CatalogCache

    layers = data_layers(data_dir, use_env=use_env)
    cache = CatalogCache(data_files(layers))
    cached = cache.load()
    if cached is not None:
        return cached
    report = inspect_catalog(data_dir, use_env=use_env)
    if report.problems or report.catalog is None:
        raise DataError(report.problems)
    cache.store(report.catalog)
    return report.catalog


@dataclass(frozen=True)
class CatalogReport:
    """What loading found: the merged catalog (None when a file cannot be read or fails its schema),
    where each entry came from, and every problem."""

    catalog: Catalog | None
    origins: dict[tuple[str, str], Origin]
    problems: list[Problem]


def data_layers(data_dir: str | Path | None = None, *, use_env: bool = True) -> list[Path]:
    """The bundled data directory, then the overlay (`data_dir` or $CODINGPATH_DATA) if any."""
    if data_dir is None and use_env:
        data_dir = os.environ.get(DATA_ENV) or None
    layers = [bundled_data_dir()]
    if data_dir is not None:
        overlay = Path(data_dir)
        if not overlay.is_dir():
            raise DataError(Problem(str(overlay), "is not a directory of career data"))
        if not any((overlay / n).is_file() for n in DATA_FILES):
            raise DataError(Problem(str(overlay), "holds neither credentials.yaml nor roles.yaml"))
        layers.append(overlay)
    return layers


def data_files(layers: list[Path]) -> list[Path]:
    """The files `inspect_catalog` reads from these layers: every bundled one, an overlay's if present."""
    return [layer / name for i, layer in enumerate(layers) for name in DATA_FILES
            if i == 0 or (layer / name).is_file()]


def inspect_catalog(data_dir: str | Path | None = None, *, use_env: bool = True) -> CatalogReport:
    """Like `load_catalog`, but problems in the files are returned, not raised (for `data check`);
    only a missing directory (or missing bundled data) raises DataError."""
    from pydantic import ValidationError

    from .validation import problems_from_validation
    from .yamlio import load_yaml

    layers = data_layers(data_dir, use_env=use_env)
    bundled = layers[0]

    credentials: dict[str, Credential] = {}
    roles: dict[str, Role] = {}
    trainings: dict[str, Training] = {}
    occupations: dict[str, Occupation] = {}
    education: dict[tuple[str, str], EducationProgram] = {}
    bodies: dict[str, Body] = {}
    origins: dict[tuple[str, str], Origin] = {}
    problems: list[Problem] = []
    files: list[str] = []

    for layer in layers:
        for name, model in (("credentials.yaml", CredentialsFile), ("roles.yaml", RolesFile)):
            path = layer / name
            if layer is not bundled and not path.is_file():
                continue
            try:
                document = load_yaml(path, max_bytes=DATA_MAX_BYTES)
            except InputError as exc:
                problems.extend(exc.problems)
                continue
            files.append(str(path))
            try:
                parsed = model.model_validate(document.data)
            except ValidationError as exc:
                problems.extend(problems_from_validation(exc, document))
                continue
            local_ids: dict[str, int] = {}
            if isinstance(parsed, CredentialsFile):
                for i, item in enumerate(parsed.credentials):
                    _note_duplicate(local_ids, item.id, document, ("credentials", i), problems)
                    credentials[item.id] = item
                    origins[("credential", item.id)] = Origin(document, ("credentials", i))
                for i, item in enumerate(parsed.trainings):
                    trainings[item.id] = item
                    origins[("training", item.id)] = Origin(document, ("trainings", i))
                for item in parsed.education:
                    education[(item.level, item.from_level)] = item
                bodies.update((body.name, body) for body in parsed.bodies)
            else:
                for i, item in enumerate(parsed.roles):
                    _note_duplicate(local_ids, item.id, document, ("roles", i), problems)
                    roles[item.id] = item
                    origins[("role", item.id)] = Origin(document, ("roles", i))
                for i, item in enumerate(parsed.occupations):
                    occupations[item.code] = item
    if problems:
        return CatalogReport(None, origins, problems)
    catalog = Catalog(credentials, roles, trainings, tuple(education.values()), occupations, tuple(files), bodies)
    from .crosscheck import cross_check

    return CatalogReport(catalog, origins, cross_check(catalog, origins))


def _note_duplicate(
    seen: dict[str, int], item_id: str, document: YamlDocument, path: tuple[Any, ...], problems: list[Problem]
) -> None:
    if item_id in seen:
        problems.append(document.problem((*path, "id"), f"duplicate id {item_id!r} (also entry {seen[item_id]})"))
    seen[item_id] = path[-1]
