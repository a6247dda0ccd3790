"""Check a career data directory (the bundled one, or an employer's overlay on it) for `data check`.

Beyond what loading already refuses (schema, cross-references, progression cycles, requirements no
profile could meet: see `catalog.inspect_catalog` and `crosscheck.py`), it looks at the facts:
- every sourced block whose newest dated source is older than `max_age_years` is *stale* (a warning:
  the rule may have changed since that page was written);
- a block none of whose sources states a date, and none is recent, is *undated* (a note: its age
  cannot be told; `retrieved` says when the page was read);
- a source dated after today is an error (a typo in `as_of`);
- a role no `leads_to` path from an entry-tier role reaches is *unreachable* (a warning: it still
  shows in `roles`, but no route leads there).
It returns a report and prints nothing; schema problems stop the later checks, which need valid models.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from ..catalog import Catalog, name_collisions
from ..errors import Problem
from ..facts import iter_sourced
from ..models import Sourced
from .data import Origin, inspect_catalog
from .yamlio import YamlDocument, format_path

__all__ = ["DEFAULT_MAX_AGE_YEARS", "DataReport", "Finding", "check_data", "unreachable_roles"]

DEFAULT_MAX_AGE_YEARS = 5

Kind = Literal["schema", "cross-reference", "unreachable", "stale", "undated", "future-date", "name-collision"]


@dataclass(frozen=True)
class Finding:
    """One problem `data check` found, with what kind of check found it."""

    kind: Kind
    problem: Problem

    def as_dict(self) -> dict[str, object]:
        return {"kind": self.kind, **self.problem.as_dict()}


@dataclass(frozen=True)
class DataReport:
    """Everything `data check` found in a data directory."""

    files: tuple[str, ...]
    findings: tuple[Finding, ...]
    validated: bool  # False when a file could not be read or failed its schema: later checks skipped
    max_age_years: int
    year: int
    credentials: int = 0
    roles: int = 0
    facts: int = 0  # sourced blocks
    sources: int = 0

    def count(self, severity: str) -> int:
        return sum(f.problem.severity == severity for f in self.findings)

    def failed(self, *, strict: bool = False) -> bool:
        """Errors fail the check; with `strict`, warnings do too (notes never do)."""
        return bool(self.count("error") or (strict and self.count("warning")))


def check_data(data_dir: str | Path | None, today: date, *, max_age_years: int = DEFAULT_MAX_AGE_YEARS) -> DataReport:
    """Check the bundled data overlaid by `data_dir` (None: the bundled data alone).

    Raises DataError only when `data_dir` is not a directory of career data at all.
    """
    loaded = inspect_catalog(data_dir, use_env=False)
    catalog = loaded.catalog
    if catalog is None:
        files = _files_of(loaded.problems)
        findings = _ordered([Finding("schema", p) for p in loaded.problems], files)
        return DataReport(files, findings, False, max_age_years, today.year)
    checked = [Finding("cross-reference", p) for p in loaded.problems]
    documents = _documents(loaded.origins)
    for role_id in unreachable_roles(catalog):
        origin = loaded.origins[("role", role_id)]
        checked.append(Finding("unreachable", _warning(origin.problem(
            ("tier",), f"role {role_id!r} ({catalog.roles[role_id].tier}) cannot be reached: no leads_to path "
                       "from an entry-tier role names it"))))
    for name, claimants, winner in name_collisions(catalog.roles):
        last = claimants[-1]  # listed last: the overlay's role, where the collision was made
        checked.append(Finding("name-collision", _warning(loaded.origins[("role", last)].problem(
            ("id",), f"{name!r} names the roles {', '.join(map(repr, claimants))}; codingpath reads it as "
                     f"{winner!r} (each id still finds its own role); rename one of them"))))
    facts = sources = 0
    for label, origin, path, block in _sourced_blocks(catalog, loaded.origins, documents):
        facts += 1
        sources += len(block.sources)
        checked.extend(_age_findings(label, origin, path, block, today, max_age_years))
    return DataReport(
        catalog.files, _ordered(checked, catalog.files), True, max_age_years, today.year,
        len(catalog.credentials), len(catalog.roles), facts, sources,
    )


def unreachable_roles(catalog: Catalog) -> list[str]:
    """Roles above the entry tier that no chain of `leads_to` from an entry-tier role reaches."""
    seen = {r.id for r in catalog.roles.values() if r.tier == "entry"}
    todo = list(seen)
    while todo:
        for target in catalog.roles[todo.pop()].leads_to:
            if target in catalog.roles and target not in seen:
                seen.add(target)
                todo.append(target)
    return [role_id for role_id in catalog.roles if role_id not in seen]


def _age_findings(
    label: str, origin: Origin, path: tuple[Any, ...], block: Sourced, today: date, max_age_years: int
) -> Iterator[Finding]:
    where = (*path, "sources")
    for k, source in enumerate(block.sources):
        if source.year is not None and source.year > today.year:
            yield Finding("future-date", origin.problem(
                (*where, k, "as_of"), f"{label}: source dated {source.as_of}, after today ({today})"))
    dated = [(source.year, k) for k, source in enumerate(block.sources) if source.year is not None]
    newest, k = max(dated) if dated else (None, 0)
    if newest is not None and today.year - newest <= max_age_years:
        return
    undated = [s for s in block.sources if s.year is None]
    if undated:
        retrieved = sorted({s.retrieved for s in undated if s.retrieved})
        when = f"retrieved {', '.join(retrieved)}" if retrieved else "with no retrieval date either"
        older = f"; the newest dated one is from {newest}" if newest is not None else ""
        message = f"{label}: no source states a date ({when}){older}"
        yield Finding("undated", _severity(origin.problem(where, message), "note"))
        return
    assert newest is not None
    age = today.year - newest
    yield Finding("stale", _warning(origin.problem(
        (*where, k, "as_of"),
        f"{label}: newest source is dated {newest}, {age} years ago (older than {max_age_years}); "
        "check it against the current page")))


def _sourced_blocks(
    catalog: Catalog, origins: dict[tuple[str, str], Origin], documents: list[YamlDocument]
) -> Iterator[tuple[str, Origin, tuple[Any, ...], Sourced]]:
    """(label, origin, path in the entry, block) for every sourced block in the merged data."""
    entries: list[tuple[str, Origin, BaseModel]] = []
    for cred in catalog.credentials.values():
        entries.append((cred.id, origins[("credential", cred.id)], cred))
    for role in catalog.roles.values():
        entries.append((role.id, origins[("role", role.id)], role))
    for training in catalog.trainings.values():
        entries.append((f"training {training.id}", origins[("training", training.id)], training))
    for program in catalog.education:
        origin = _find(documents, "education", {"level": program.level, "from_level": program.from_level})
        entries.append((f"education {program.level} (from {program.from_level})", origin, program))
    for occupation in catalog.occupations.values():
        origin = _find(documents, "occupations", {"code": occupation.code})
        entries.append((f"occupation {occupation.code}", origin, occupation))
    for label, origin, entry in entries:
        for path, block in iter_sourced(entry):
            name = format_path(path)
            yield (f"{label} {name}" if name else label), origin, path, block


def _find(documents: list[YamlDocument], key: str, match: dict[str, str]) -> Origin:
    """Where an education programme or occupation (which have no id of their own) was written;
    the last file that lists it wins, as in loading."""
    for document in reversed(documents):
        items = document.data.get(key) if isinstance(document.data, dict) else None
        for i, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict) and all(
                item.get(k, "high-school" if k == "from_level" else None) == v for k, v in match.items()
            ):
                return Origin(document, (key, i))
    return Origin(documents[-1] if documents else YamlDocument("", None), (key,))


def _documents(origins: dict[tuple[str, str], Origin]) -> list[YamlDocument]:
    """The loaded documents in load order (bundled first, then the overlay)."""
    return list({id(o.document): o.document for o in origins.values()}.values())


def _ordered(findings: list[Finding], files: tuple[str, ...]) -> tuple[Finding, ...]:
    """Errors first, then warnings, then notes; within each, by file (load order), line, column."""
    rank = {"error": 0, "warning": 1}

    def key(finding: Finding) -> tuple[int, int, int, int]:
        p = finding.problem
        file = files.index(p.file) if p.file in files else len(files)
        return rank.get(p.severity, 2), file, p.line or 0, p.column or 0

    return tuple(sorted(findings, key=key))


def _files_of(problems: list[Problem]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p.file for p in problems if p.file))


def _warning(problem: Problem) -> Problem:
    return _severity(problem, "warning")


def _severity(problem: Problem, severity: str) -> Problem:
    return Problem(problem.file, problem.message, problem.line, problem.column, problem.field, severity)
