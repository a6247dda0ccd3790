"""Read a person's profile: parse, validate the shape, resolve ids against the catalog, sanity-check.

Every problem in a file is collected and reported at once (not one per run), each with its line.
Ids are accepted in any case and roles by title or alias; the stored profile uses canonical ids.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from ..catalog import Catalog
from ..errors import InputError, Problem, ProfileError
from ..records import as_record
from ..taxonomy import EDUCATION_LEVELS, EducationLevel
from ..wording import did_you_mean, level_name, suggestion
from .document import YamlDocument  # the reader (and PyYAML) only when a file is read: not for a roster row
from .loaded_profile import LoadedProfile  # apart: a run served from the profile cache skips this module
from .quick_profile import quick_profile

if TYPE_CHECKING:
    from ..models import Credential, Profile

__all__ = ["CheckedFile", "LoadedProfile", "check_profiles", "load_profile", "profile_from_data", "profile_from_text"]

MAX_YEARS = 60


@dataclass(frozen=True)
class CheckedFile:
    """What `check` found in one profile file: errors and warnings, none when it is clean."""

    file: str
    problems: tuple[Problem, ...]
    name: str | None = None

    def count(self, severity: str) -> int:
        return sum(p.severity == severity for p in self.problems)


def check_profiles(paths: Iterable[str], catalog: Catalog, today: date) -> list[CheckedFile]:
    """Check each file in turn; a file that cannot be read is one more result, never an exception."""
    results = []
    for path in paths:
        shown = "<stdin>" if path == "-" else path
        try:
            loaded = load_profile(path, catalog, today)
        except InputError as exc:
            problems = tuple(p if p.file else replace(p, file=shown) for p in exc.problems)
            results.append(CheckedFile(shown, problems))
        else:
            results.append(CheckedFile(shown, loaded.warnings, loaded.profile.name))
    return results


def load_profile(path: str, catalog: Catalog, today: date) -> LoadedProfile:
    """Load and check one profile file ('-' reads standard input)."""
    from .yamlio import load_yaml

    return profile_from_document(load_yaml(path), catalog, today)


def profile_from_text(text: str, name: str, catalog: Catalog, today: date) -> LoadedProfile:
    from .yamlio import parse_yaml

    return profile_from_document(parse_yaml(text, name), catalog, today)


def profile_from_data(data: Any, name: str, catalog: Catalog, today: date) -> LoadedProfile:
    """Check a profile built in memory (a roster row, the init questionnaire)."""
    return profile_from_document(YamlDocument(name, data), catalog, today)


def profile_from_document(document: YamlDocument, catalog: Catalog, today: date) -> LoadedProfile:
    data = document.data
    if not isinstance(data, dict):
        text = repr(data[:37] + "..." if isinstance(data, str) and len(data) > 40 else data)
        kind = "a list" if isinstance(data, list) else f"the plain value {text}"
        raise ProfileError(document.problem(
            (), f"a profile must be a mapping of keys (name, education, ...); found {kind}"))
    problems = _id_problems(data, document, catalog)
    profile = _canonical(quick_profile(data) or _validated(data, document, problems), catalog)
    # Semantic checks run even beside unknown ids (they skip what they cannot resolve), so that a
    # file's every problem is reported in one run.
    found = problems + _semantic_problems(profile, document, catalog, today)
    if any(p.severity == "error" for p in found):
        raise ProfileError(_sorted(found))
    return LoadedProfile(profile, document.file, tuple(found))


def _validated(data: dict[str, Any], document: YamlDocument, problems: list[Problem]) -> Profile:
    """The profile model's verdict, for what `quick_profile` leaves to it: every unusual value and
    every mistake. pydantic is imported here, not when a usual profile is read."""
    from pydantic import ValidationError

    from ..models import Profile
    from .validation import problems_from_validation

    try:
        return as_record(Profile.model_validate(data))
    except ValidationError as exc:
        raise ProfileError(_sorted(problems_from_validation(exc, document, Profile) + problems)) from None


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))


def _credential_text(item: Any) -> Any:
    return item.get("id") if isinstance(item, dict) else item


def _id_problems(data: dict[str, Any], document: YamlDocument, catalog: Catalog) -> list[Problem]:
    """Unknown credential, role and training ids, each with a "did you mean"."""
    problems: list[Problem] = []

    def check_role(value: Any, path: tuple[Any, ...]) -> None:
        if isinstance(value, str) and catalog.role_id(value) is None:
            problems.append(document.problem(path, f"unknown role {value!r}{catalog.role_hint(value)}"))

    def check_credential(value: Any, path: tuple[Any, ...]) -> None:
        if isinstance(value, str) and catalog.credential_id(value) is None:
            hint = suggestion(catalog.suggest_credential(value)) or f" (known: {', '.join(catalog.credentials)})"
            problems.append(document.problem(path, f"unknown credential {value!r}{hint}"))

    credentials = data.get("credentials")
    if isinstance(credentials, list):
        for i, item in enumerate(credentials):
            path = ("credentials", i, "id") if isinstance(item, dict) else ("credentials", i)
            check_credential(_credential_text(item), path)
    experience = data.get("experience")
    if isinstance(experience, list):
        for i, item in enumerate(experience):
            if isinstance(item, dict):
                check_role(item.get("role"), ("experience", i, "role"))
    for key in ("current_role", "target_role"):
        check_role(data.get(key), (key,))
    problems += _training_problems(data.get("training"), document, catalog)
    ceus = data.get("ceus")
    if isinstance(ceus, list):
        for i, item in enumerate(ceus):
            if isinstance(item, dict) and item.get("credential") is not None:
                check_credential(item.get("credential"), ("ceus", i, "credential"))
    return problems


def _training_problems(training: Any, document: YamlDocument, catalog: Catalog) -> list[Problem]:
    """Unknown training ids, each with a "did you mean" or the list of known ones."""
    problems = []
    if isinstance(training, list):
        for i, item in enumerate(training):
            if isinstance(item, str) and item.strip().lower() not in catalog.trainings:
                hint = did_you_mean(item.lower(), catalog.trainings) or f" (known: {', '.join(catalog.trainings)})"
                problems.append(document.problem(("training", i), f"unknown training {item!r}{hint}"))
    return problems


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
    """What parses but cannot be true (errors) or looks doubtful (warnings).

    Errors: a date in the future or more than MAX_YEARS ago, a credential listed twice or earned
    before it existed, an apprentice flag on a credential without one, implausible total years.
    Warnings, because a profile may simply be incomplete: a credential earned without the education
    its (confirmed) eligibility rule demands, overlapping dated experience, a current role the
    experience does not mention, CEUs logged for a credential the profile does not hold.
    """
    found = _Findings(document, today, date(today.year - MAX_YEARS, today.month, 1))
    held_ids = _credential_problems(profile, catalog, found)
    _experience_problems(profile, found)
    for i, ceu in enumerate(profile.ceus):
        found.check_date(("ceus", i, "date"), "date", ceu.date)
        if ceu.credential and ceu.credential in catalog.credentials and ceu.credential not in held_ids:
            found.warn(("ceus", i, "credential"), f"CEUs logged for {ceu.credential}, which is not under credentials")
    current = profile.current_role
    if current in catalog.roles and profile.experience and not any(e.role == current for e in profile.experience):
        found.warn(("current_role",), f"{current!r} is not in experience; its years count as 0")
    return found.counted()


@dataclass
class _Findings:
    """The problems found so far in one profile, each located in its document."""

    document: YamlDocument
    today: date
    earliest: date
    problems: list[Problem] = field(default_factory=list)
    repeats: dict[str, int] = field(default_factory=dict)  # a message kind -> how many were left out
    first_hidden: dict[str, tuple[Any, ...]] = field(default_factory=dict)

    def shown(self, kind: str | None, path: tuple[Any, ...]) -> bool:
        """The first MAX_REPEATS problems of a kind; the rest are counted (a file may list the same
        credential 150,000 times, and no one reads 150,000 lines about it)."""
        if kind is None:
            return True
        self.repeats[kind] = self.repeats.get(kind, -MAX_REPEATS) + 1
        if self.repeats[kind] > 0:
            self.first_hidden.setdefault(kind, path)
        return self.repeats[kind] <= 0

    def error(self, path: tuple[Any, ...], message: str, kind: str | None = None) -> None:
        if self.shown(kind, path):
            self.problems.append(self.document.problem(path, message))

    def warn(self, path: tuple[Any, ...], message: str, kind: str | None = None) -> None:
        if self.shown(kind, path):
            line, column = self.document.locate(path)
            self.problems.append(Problem(self.document.file, message, line, column, _field(path), "warning"))

    def counted(self) -> list[Problem]:
        """The problems, with one "... and N more" line for each kind that was cut short."""
        for kind, more in self.repeats.items():
            if more > 0:
                severity = "warning" if kind == "overlap" else "error"
                line, column = self.document.locate(self.first_hidden[kind])
                self.problems.append(Problem(self.document.file, f"... and {more:,} more {_KINDS[kind]} from here on",
                                             line, column, severity=severity))
        return self.problems

    def check_date(self, path: tuple[Any, ...], label: str, when: date | None) -> None:
        """A date must be neither in the future nor more than MAX_YEARS ago."""
        if when is None:
            return
        if when > self.today:
            self.error(path, f"{label} {_month(when, path)} is in the future (today is {self.today})")
        elif when < self.earliest:
            self.error(path, f"{label} {_month(when, path)} is more than {MAX_YEARS} years ago; is the year right?")


def _credential_problems(profile: Profile, catalog: Catalog, found: _Findings) -> set[str]:
    """Each held credential checked; returns the ids held."""
    seen: dict[str, int] = {}
    for i, held in enumerate(profile.credentials):
        if held.id in seen:
            found.error(("credentials", i), f"{held.id} is listed twice (also credentials[{seen[held.id]}])", "twice")
        seen[held.id] = i
        found.check_date(("credentials", i, "earned"), "earned date", held.earned)
        credential = catalog.credentials.get(held.id)
        if credential is None:
            continue
        if held.earned and credential.introduced and held.earned.year < credential.introduced.year:
            message = (f"{held.id} was introduced in {credential.introduced.year}; "
                       f"it cannot have been earned in {held.earned.year}")
            if credential.introduced.confirmed:
                found.error(("credentials", i, "earned"), message)
            else:
                found.warn(("credentials", i, "earned"), message + " (the introduction year is unconfirmed)")
        if held.apprentice and credential.apprentice is None:
            found.error(("credentials", i, "apprentice"), f"{held.id} has no apprentice designation")
        needed = _education_needed(credential)
        if needed is not None and EDUCATION_LEVELS.index(profile.education.level) < EDUCATION_LEVELS.index(needed):
            found.warn(("credentials", i), f"sitting the {held.id} exam requires at least {level_name(needed)}, "
                                           f"but education is {profile.education.level!r}; add your degree if you "
                                           "have one")
    return set(seen)


def _experience_problems(profile: Profile, found: _Findings) -> None:
    """Dates in range, a plausible total, and dated roles that overlap."""
    total = 0.0
    for i, entry in enumerate(profile.experience):
        found.check_date(("experience", i, "start"), "start", entry.start)
        found.check_date(("experience", i, "end"), "end", entry.end)
        total += entry.years if entry.years is not None else 0.0
    if total > MAX_YEARS:
        found.error(("experience",), f"experience adds up to {total:g} years; more than {MAX_YEARS} is not plausible")
    for j, i in _overlaps(profile.experience, found.today):
        role = profile.experience[i].role
        found.warn(("experience", j), f"overlaps experience[{i}] ({role}); time in both counts once per track",
                   "overlap")


MAX_REPEATS = 20
_KINDS = {"twice": "credentials listed twice", "overlap": "overlapping experience entries"}


def _overlaps(experience: tuple[Any, ...], today: date) -> list[tuple[int, int]]:
    """(j, i): dated entry j starts inside the earlier-starting entry i, the one of those reaching
    furthest; one pair per overlapping entry, found in one sweep by start date (n log n, not n²)."""
    dated = sorted((e.start, i) for i, e in enumerate(experience) if e.start)
    pairs: list[tuple[int, int]] = []
    reach: tuple[date, int] | None = None  # the latest end so far, and whose it is
    for start, j in dated:
        end = experience[j].end or today
        if reach is not None and start < reach[0]:
            pairs.append((j, reach[1]))
        if reach is None or end > reach[0]:
            reach = (end, j)
    return sorted(pairs)


def _month(when: date, path: tuple[Any, ...]) -> str:
    # start/end are months (YYYY-MM); earned and CEU dates may carry a day.
    return f"{when:%Y-%m}" if path[-1] in {"start", "end"} else when.isoformat()


def _education_needed(credential: Credential) -> EducationLevel | None:
    """The least education every eligibility route asks for, when the rule is confirmed and each
    route names one (RHIT: associate); None when some route needs no education."""
    if not credential.eligibility.confirmed or not credential.eligibility.routes:
        return None
    levels = [route.education for route in credential.eligibility.routes]
    if any(level is None or level == "none" for level in levels):
        return None
    return min(levels, key=EDUCATION_LEVELS.index)


def _field(path: tuple[Any, ...]) -> str | None:
    from .document import format_path

    return format_path(path) or None
