"""Find, load and cross-check the career data: the bundled files, optionally overlaid by an employer's.

An overlay directory may hold `credentials.yaml` and/or `roles.yaml` of the same shape as the bundled
ones. An entry whose id matches a bundled one replaces it whole; a new id is added. The merged map is
then cross-checked as one (unknown ids, impossible requirements, progression cycles).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..catalog import Catalog
from ..errors import DataError, InputError, Problem
from ..records import as_record
from .cache import CatalogCache
from .layers import DATA_ENV, bundled_data_dir, data_files, data_layers

if TYPE_CHECKING:  # the YAML reader and the models are imported when the files are read: from the cache, never
    from ..models import Body, Credential, EducationProgram, Occupation, Role, Training
    from .document import YamlDocument

__all__ = ["CatalogReport", "DATA_ENV", "Origin", "bundled_data_dir", "data_files", "data_layers", "inspect_catalog",
           "load_catalog"]

DATA_MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class Origin:
    """Which file (and which path in it) an entry came from, for error messages."""

    document: YamlDocument
    path: tuple[Any, ...]

    def problem(self, subpath: tuple[Any, ...], message: str) -> Problem:
        return self.document.problem((*self.path, *subpath), message)


def load_catalog(data_dir: str | Path | None = None, *, use_env: bool = True) -> Catalog:
    """Load the bundled data, overlaid by `data_dir` (or $CODINGPATH_DATA), validated and cross-checked.

    A catalog that passed every check is cached, keyed by the bytes of its files (see `cache.py`)."""
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


def inspect_catalog(data_dir: str | Path | None = None, *, use_env: bool = True) -> CatalogReport:
    """Like `load_catalog`, but problems in the files are returned, not raised (for `data check`);
    only a missing directory (or missing bundled data) raises DataError."""
    from pydantic import ValidationError

    from ..models import CredentialsFile, RolesFile
    from .validation import problems_from_validation
    from .yamlio import load_yaml

    layers = data_layers(data_dir, use_env=use_env)
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
            if layer is not layers[0] and not path.is_file():  # an overlay need not have both files
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
                for i, credential in enumerate(parsed.credentials):
                    _note_duplicate(local_ids, credential.id, document, ("credentials", i), problems)
                    credentials[credential.id] = as_record(credential)
                    origins[("credential", credential.id)] = Origin(document, ("credentials", i))
                for i, training in enumerate(parsed.trainings):
                    trainings[training.id] = as_record(training)
                    origins[("training", training.id)] = Origin(document, ("trainings", i))
                for program in parsed.education:
                    education[(program.level, program.from_level)] = as_record(program)
                bodies.update((body.name, as_record(body)) for body in parsed.bodies)
            else:
                for i, role in enumerate(parsed.roles):
                    _note_duplicate(local_ids, role.id, document, ("roles", i), problems)
                    roles[role.id] = as_record(role)
                    origins[("role", role.id)] = Origin(document, ("roles", i))
                for occupation in parsed.occupations:
                    occupations[occupation.code] = as_record(occupation)
    if problems:
        return CatalogReport(None, origins, problems)
    catalog = Catalog(credentials, roles, trainings, tuple(education.values()), occupations, tuple(files), bodies)
    from .crosscheck import cross_check  # only on a cache miss, like the YAML reader

    return CatalogReport(catalog, origins, cross_check(catalog, origins))


def _note_duplicate(
    seen: dict[str, int], item_id: str, document: YamlDocument, path: tuple[Any, ...], problems: list[Problem]
) -> None:
    if item_id in seen:
        problems.append(document.problem((*path, "id"), f"duplicate id {item_id!r} (also entry {seen[item_id]})"))
    seen[item_id] = path[-1]
