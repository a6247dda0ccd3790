"""Check a career data directory (the bundled one, or an employer's overlay on it) for `data check`.

Beyond what loading already refuses (schema, cross-references, progression cycles, requirements no
profile could meet: see `catalog.inspect_catalog` and `crosscheck.py`), it looks at the facts:
- every sourced block whose newest dated source is older than `max_age_years` is *stale* (a warning:
  the rule may have changed since that page was written);
- a block none of whose sources states a date, and none is recent, is *undated* (a note: its age
  cannot be told; `retrieved` says when the page was read);
- a source dated after today is an error (a typo in `as_of`);
- a source whose `as_of` is later than the day it was `retrieved` is an error (a page cannot state
  a date after it was read);
- a role no `leads_to` path from an entry-tier role reaches is *unreachable* (a warning: it still
  shows in `roles`, but no route leads there);
- the ladder's coherence (warnings): a `leads_to` edge its source role's holder could never climb
  (`crosscheck.unclimbable_edges`), a role marked `stepping_stone: false` that leads on, a
  credential no role requires or prefers, a track no role carries;
- a block labelled `confirmed` none of whose sources is on a known body's own domain (`bodies` in
  credentials.yaml) is *over-labelled* (a warning). An employer's overlay of roles is exempt: its
  intranet ladder is the employer's own page.
It returns a report and prints nothing; schema problems stop the later checks, which need valid models.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel

from ..catalog import Catalog, name_collisions
from ..errors import Problem
from ..facts import iter_sourced
from .crosscheck import unclimbable_edges, unused_credentials, unused_tracks
from .data import Origin, bundled_data_dir, inspect_catalog
from .document import YamlDocument, format_path

if TYPE_CHECKING:
    from ..models import Sourced

__all__ = ["DEFAULT_MAX_AGE_YEARS", "DataReport", "Finding", "check_data", "unreachable_roles"]

DEFAULT_MAX_AGE_YEARS = 5

Kind = Literal[
    "schema", "cross-reference", "unreachable", "stale", "undated", "future-date", "after-retrieval",
    "unclimbable", "stepping-stone", "unused-credential", "unused-track", "over-labelled", "name-collision",
]


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
    checked.extend(_ladder_findings(catalog, loaded.origins))
    domains = body_domains(catalog)
    bundled = bundled_data_dir().resolve()
    facts = sources = 0
    for label, origin, path, block in _sourced_blocks(catalog, loaded.origins, documents):
        facts += 1
        sources += len(block.sources)
        checked.extend(_age_findings(label, origin, path, block, today, max_age_years))
        employer_role = label.split(" ")[0] in catalog.roles and not _is_bundled(origin, bundled)
        if block.confidence == "confirmed" and not employer_role and not any(
                body_of_url(s.url, domains) for s in block.sources):
            checked.append(Finding("over-labelled", _warning(origin.problem(
                (*path, "confidence"), f"{label}: labelled confirmed, but no source is on a certifying "
                                       "body's own page; label it third-party"))))
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


def body_domains(catalog: Catalog) -> dict[str, str]:
    """Each known body's domain, mapped to the body's name."""
    return {domain.lower(): body.name for body in catalog.bodies.values() for domain in body.domains}


def body_of_url(url: str, domains: dict[str, str]) -> str | None:
    """The body whose own page `url` is (a subdomain counts), or None for a third party."""
    host = (urlsplit(url).hostname or "").lower()
    while host:
        if host in domains:
            return domains[host]
        host = host.partition(".")[2]
    return None


def _is_bundled(origin: Origin, bundled: Path) -> bool:
    return Path(origin.document.file).resolve().parent == bundled if origin.document.file else True


def _ladder_findings(catalog: Catalog, origins: dict[tuple[str, str], Origin]) -> Iterator[Finding]:
    for source, target, why in unclimbable_edges(catalog):
        index = catalog.roles[source].leads_to.index(target)
        yield Finding("unclimbable", _warning(origins[("role", source)].problem(
            ("leads_to", index), f"{source} -> {target} cannot be climbed: {why}")))
    for role in catalog.roles.values():
        if not role.stepping_stone and role.leads_to:
            yield Finding("stepping-stone", _warning(origins[("role", role.id)].problem(
                ("leads_to",), f"role {role.id!r} is not a stepping stone, yet leads to {', '.join(role.leads_to)}")))
    for cred_id in unused_credentials(catalog):
        yield Finding("unused-credential", _warning(origins[("credential", cred_id)].problem(
            ("id",), f"no role requires or prefers {cred_id}: no advice can point to it")))
    for track in unused_tracks(catalog):
        origin = origins[("role", next(iter(catalog.roles)))]
        yield Finding("unused-track", _warning(Problem(
            origin.document.file, f"no role carries the track {track!r}: experience on it can never be gained")))


def _age_findings(
    label: str, origin: Origin, path: tuple[Any, ...], block: Sourced, today: date, max_age_years: int
) -> Iterator[Finding]:
    where = (*path, "sources")
    for k, source in enumerate(block.sources):
        if source.year is not None and source.year > today.year:
            yield Finding("future-date", origin.problem(
                (*where, k, "as_of"), f"{label}: source dated {source.as_of}, after today ({today})"))
        elif source.year is not None and source.retrieved and _later(source.as_of, source.retrieved):
            yield Finding("after-retrieval", origin.problem(
                (*where, k, "as_of"), f"{label}: source dated {source.as_of}, after it was retrieved "
                                      f"({source.retrieved}); a page cannot state a later date"))
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


def _later(as_of: str, retrieved: str) -> bool:
    """Whether a date written as YYYY[-MM[-DD]] falls after another, compared as far as both go."""
    n = min(len(as_of), len(retrieved))
    return as_of[:n] > retrieved[:n]


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
