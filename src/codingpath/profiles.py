"""Read a person's profile: parse, validate the shape, resolve ids against the catalog, sanity-check.

Every problem in a file is collected and reported at once (not one per run), each with its line.
Ids are accepted in any case and roles by title or alias; the stored profile uses canonical ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import ValidationError

from .catalog import Catalog
from .errors import Problem, ProfileError
from .models import Profile
from .validation import problems_from_validation
from .yamlio import YamlDocument, load_yaml, parse_yaml

__all__ = ["LoadedProfile", "load_profile", "profile_from_data", "profile_from_text"]

MAX_YEARS = 60


@dataclass(frozen=True)
class LoadedProfile:
    """A valid profile plus the warnings found while reading it."""

    profile: Profile
    source: str
    warnings: tuple[Problem, ...] = ()


def load_profile(path: str, catalog: Catalog, today: date) -> LoadedProfile:
    """Load and check one profile file ('-' reads standard input)."""
    return profile_from_document(load_yaml(path), catalog, today)


def profile_from_text(text: str, name: str, catalog: Catalog, today: date) -> LoadedProfile:
    return profile_from_document(parse_yaml(text, name), catalog, today)


def profile_from_data(data: Any, name: str, catalog: Catalog, today: date) -> LoadedProfile:
    """Check a profile built in memory (a roster row, the init questionnaire)."""
    return profile_from_document(YamlDocument(name, data), catalog, today)


def profile_from_document(document: YamlDocument, catalog: Catalog, today: date) -> LoadedProfile:
    data = document.data
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"the plain value {data!r}"
        raise ProfileError(document.problem((), f"a profile must be a mapping of keys (name, education, ...); found {kind}"))
    problems = _id_problems(data, document, catalog)
    try:
        profile = Profile.model_validate(data)
    except ValidationError as exc:
        problems = problems_from_validation(exc, document, Profile) + problems
        raise ProfileError(_sorted(problems)) from None
    if problems:
        raise ProfileError(_sorted(problems))
    profile = _canonical(profile, catalog)
    found = _semantic_problems(profile, document, catalog, today)
    errors = [p for p in found if p.severity == "error"]
    if errors:
        raise ProfileError(_sorted(found))
    return LoadedProfile(profile, document.file, tuple(found))


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))


def _credential_text(item: Any) -> Any:
    return item.get("id") if isinstance(item, dict) else item


def _id_problems(data: dict[str, Any], document: YamlDocument, catalog: Catalog) -> list[Problem]:
    """Unknown credential, role and training ids, each with a "did you mean"."""
    problems: list[Problem] = []

    def check_role(value: Any, path: tuple[Any, ...]) -> None:
        if isinstance(value, str) and catalog.role_id(value) is None:
            problems.append(document.problem(path, f"unknown role {value!r}{_hint(catalog.suggest_role(value))}"))

    def check_credential(value: Any, path: tuple[Any, ...]) -> None:
        if isinstance(value, str) and catalog.credential_id(value) is None:
            hint = _hint(catalog.suggest_credential(value))
            problems.append(document.problem(path, f"unknown credential {value!r}{hint}"))

    credentials = data.get("credentials")
    if isinstance(credentials, list):
        for i, item in enumerate(credentials):
            check_credential(_credential_text(item), ("credentials", i, "id") if isinstance(item, dict) else ("credentials", i))
    experience = data.get("experience")
    if isinstance(experience, list):
        for i, item in enumerate(experience):
            if isinstance(item, dict):
                check_role(item.get("role"), ("experience", i, "role"))
    for key in ("current_role", "target_role"):
        check_role(data.get(key), (key,))
    training = data.get("training")
    if isinstance(training, list):
        for i, item in enumerate(training):
            if isinstance(item, str) and item.strip().lower() not in catalog.trainings:
                from .validation import did_you_mean

                problems.append(document.problem(("training", i), f"unknown training {item!r}{did_you_mean(item.lower(), catalog.trainings)}"))
    ceus = data.get("ceus")
    if isinstance(ceus, list):
        for i, item in enumerate(ceus):
            if isinstance(item, dict) and item.get("credential") is not None:
                check_credential(item.get("credential"), ("ceus", i, "credential"))
    return problems


def _hint(suggestions: list[str]) -> str:
    if not suggestions:
        return ""
    return f"; did you mean {suggestions[0]!r}?"


def _canonical(profile: Profile, catalog: Catalog) -> Profile:
    """The same profile with every id in its canonical form (CPC-A -> CPC, apprentice)."""
    credentials = []
    for held in profile.credentials:
        cid = catalog.credential_id(held.id) or held.id
        apprentice = held.apprentice or (held.id.strip().upper() != cid and held.id.strip().upper().endswith("-A"))
        credentials.append(held.model_copy(update={"id": cid, "apprentice": apprentice}))
    experience = [e.model_copy(update={"role": catalog.role_id(e.role) or e.role}) for e in profile.experience]
    update: dict[str, Any] = {
        "credentials": tuple(credentials),
        "experience": tuple(experience),
        "training": tuple(t.strip().lower() for t in profile.training),
        "ceus": tuple(
            c.model_copy(update={"credential": catalog.credential_id(c.credential) or c.credential})
            if c.credential else c
            for c in profile.ceus
        ),
    }
    for key in ("current_role", "target_role"):
        value = getattr(profile, key)
        if value is not None:
            update[key] = catalog.role_id(value) or value
    return profile.model_copy(update=update)


def _semantic_problems(profile: Profile, document: YamlDocument, catalog: Catalog, today: date) -> list[Problem]:
    """What parses but cannot be true: future dates, absurd totals, duplicates, overlaps."""
    problems: list[Problem] = []

    def error(path: tuple[Any, ...], message: str) -> None:
        problems.append(document.problem(path, message))

    def warn(path: tuple[Any, ...], message: str) -> None:
        line, column = document.locate(path)
        problems.append(Problem(document.file, message, line, column, _field(path), "warning"))

    seen: dict[str, int] = {}
    for i, held in enumerate(profile.credentials):
        if held.id in seen:
            error(("credentials", i), f"{held.id} is listed twice (also credentials[{seen[held.id]}])")
        seen[held.id] = i
        if held.earned and held.earned > today:
            error(("credentials", i, "earned"), f"earned date {held.earned} is in the future")
        credential = catalog.credentials.get(held.id)
        if credential and held.earned and credential.introduced and held.earned.year < credential.introduced.year:
            error(("credentials", i, "earned"),
                  f"{held.id} was introduced in {credential.introduced.year}; it cannot have been earned in {held.earned.year}")
        if held.apprentice and credential and credential.apprentice is None:
            error(("credentials", i, "apprentice"), f"{held.id} has no apprentice designation")

    total = 0.0
    for i, entry in enumerate(profile.experience):
        if entry.start and entry.start > today:
            error(("experience", i, "start"), f"start {entry.start:%Y-%m} is in the future")
        if entry.end and entry.end > today:
            error(("experience", i, "end"), f"end {entry.end:%Y-%m} is in the future")
        total += entry.years if entry.years is not None else 0.0
    if total > MAX_YEARS:
        error(("experience",), f"experience adds up to {total:g} years; more than {MAX_YEARS} is not plausible")

    dated = [(i, e) for i, e in enumerate(profile.experience) if e.start]
    for a in range(len(dated)):
        for b in range(a + 1, len(dated)):
            (i, x), (j, y) = dated[a], dated[b]
            x_end, y_end = x.end or today, y.end or today
            if x.start < y_end and y.start < x_end:  # type: ignore[operator]
                warn(("experience", j), f"overlaps experience[{i}] ({x.role}); time in both counts once per track")

    if profile.current_role and profile.experience and not any(e.role == profile.current_role for e in profile.experience):
        warn(("current_role",), f"{profile.current_role!r} is not in experience; its years count as 0")
    return problems


def _field(path: tuple[Any, ...]) -> str | None:
    from .yamlio import format_path

    return format_path(path) or None
