"""Read a CSV roster (one row per person) as profiles, streaming: one row in memory at a time.

A row becomes the same dictionary a YAML profile would give and goes through
`profiles.profile_from_data`, so a roster row is checked exactly like a profile file; its problems
are then located as `file:line: column 'x': message`. Columns (header names in any case; spaces
and hyphens count as underscores):

- required: `name`, `education_level`, `credentials` (`CPC;CCS`, an earned date as `CPC@2021-06-15`,
  an apprentice as `CPC-A`), `years_coding`, `current_role`;
- optional: `experience` (`role:years;role:years`), `education_field`, `cahiim_accredited`,
  `target_role`, `training` (`coding-course-80h;aapc-practicode`).

`years_coding` is the person's total years of coding work. The part of it that the `experience`
column does not already account for (years in roles on the coding track) counts as time in the
current role when that is a coding-only role, else as time as a Medical Coder.
"""

from __future__ import annotations

import codecs
import csv
import re
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..catalog import Catalog
from ..errors import InputError, Problem, ProfileError, unreadable
from ..wording import did_you_mean, plural, yes_or_no
from .profiles import LoadedProfile, profile_from_data

__all__ = [
    "OPTIONAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "Roster",
    "RosterRow",
    "open_roster",
    "row_profile",
]

REQUIRED_COLUMNS = ("name", "education_level", "credentials", "years_coding", "current_role")
OPTIONAL_COLUMNS = ("experience", "education_field", "cahiim_accredited", "target_role", "training")
KNOWN_COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
FALLBACK_CODING_ROLE = "medical-coder"
_CHUNK = 1 << 20
_FIELD_LIMIT = 1 << 20  # csv's default (128 KB) would stop a pathological cell with a vague error
MAX_COLUMN_WARNINGS = 20
_NUMBER = re.compile(r"^\s*\d+(\.\d+)?\s*$")
_DECIMAL_COMMA = re.compile(r"^\d+,\d+$")


def _column_name(text: str) -> str:
    return re.sub(r"[\s\-]+", "_", text.strip().lower())


@dataclass(frozen=True)
class RosterRow:
    """One data row: its cells by column name, and the line it starts on."""

    file: str
    line: int
    cells: dict[str, str]


@dataclass(frozen=True)
class Roster:
    """A checked roster file: readable UTF-8 CSV whose header has every required column."""

    path: Path
    columns: tuple[str | None, ...]  # per position: a known column name, or None (ignored)
    rows_estimate: int
    warnings: tuple[Problem, ...] = ()
    delimiter: str = ","  # ";" from a spreadsheet set to a language that writes decimal commas

    def rows(self) -> Iterator[RosterRow | Problem]:
        """Each data row, or a Problem for a row with the wrong number of values."""
        name = str(self.path)
        width = len(self.columns)
        with open(self.path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle, delimiter=self.delimiter)
            previous_end = 0
            try:
                for record in reader:
                    line, previous_end = previous_end + 1, reader.line_num
                    if line == 1:
                        continue  # the header, checked by open_roster
                    if not record or (len(record) == 1 and not record[0].strip()):
                        continue
                    if len(record) != width:
                        yield Problem(name, _width_message(record, width, line, reader.line_num), line)
                        continue
                    cells = {column: value for column, value in zip(self.columns, record, strict=False) if column}
                    yield RosterRow(name, line, cells)
            except csv.Error as exc:
                raise InputError(Problem(name, f"is not a readable CSV file ({exc})", reader.line_num)) from None


def _width_message(record: list[str], width: int, line: int, end: int) -> str:
    """Why a row has the wrong number of values; a quote left open swallows the rows after it into
    one value, which is worth saying rather than counting."""
    if end > line and any("\n" in cell or "\r" in cell for cell in record):
        return (f"a quoted value opened on this line is still open at line {end}, so {end - line + 1} "
                f"lines were read as one row; close the quote (or double it: \"\" inside a quoted value)")
    return f"has {len(record)} values but the header has {width} columns"


def _delimiter(path: Path) -> str:
    """',' unless the header is plainly separated by ';' or tabs (Excel saves "CSV" with ';' where a
    comma is the decimal separator); the header names no credentials, so its ';' are separators."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        first = handle.readline(_FIELD_LIMIT)
    counts = {delimiter: first.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def open_roster(path: str | Path) -> Roster:
    """Check a roster before anything is evaluated: encoding, header, required columns."""
    path = Path(path)
    name = str(path)
    csv.field_size_limit(max(csv.field_size_limit(), _FIELD_LIMIT))
    lines = _check_encoding(path)
    try:
        delimiter = _delimiter(path)
        with open(path, encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle, delimiter=delimiter), None)
    except csv.Error as exc:
        raise InputError(Problem(name, f"is not a readable CSV file ({exc})", 1)) from None
    if not header or not any(cell.strip() for cell in header):
        raise InputError(Problem(name, "is empty; a roster starts with a header row naming its columns"))
    columns: list[str | None] = []
    warnings: list[Problem] = []
    seen: set[str] = set()
    unchecked = 0  # unknown columns after the warnings shown
    for position, cell in enumerate(header, 1):
        column = _column_name(cell)
        if column in seen:
            raise InputError(Problem(name, f"column {column!r} appears twice in the header", 1, position))
        seen.add(column)
        if column in KNOWN_COLUMNS:
            columns.append(column)
            continue
        columns.append(None)
        if len(warnings) >= MAX_COLUMN_WARNINGS:  # enough said: the rest are counted, not matched
            unchecked += 1
            continue
        hint = did_you_mean(column, KNOWN_COLUMNS)
        if hint:  # a near miss of a column we read is worth a word; other HR columns are not
            warnings.append(Problem(name, f"column {cell.strip()[:60]!r} is ignored{hint}", 1, position,
                                    severity="warning"))
    missing = [c for c in REQUIRED_COLUMNS if c not in seen]
    if missing:
        listed = ", ".join(repr(c) for c in missing)
        raise InputError(Problem(
            name, f"the header lacks the required {plural(len(missing), 'column')} {listed} "
                  f"(a roster needs {', '.join(REQUIRED_COLUMNS)})", 1))
    if unchecked:
        warnings.append(Problem(name, f"... and {unchecked:,} more columns ignored", 1, severity="warning"))
    return Roster(path, tuple(columns), max(lines - 1, 0), tuple(warnings), delimiter)


def _check_encoding(path: Path) -> int:
    """Refuse a file that is not UTF-8 text, naming the line; return its number of lines."""
    name = str(path)
    decoder = codecs.getincrementaldecoder("utf-8")()
    lines, last = 0, b""
    try:
        with open(path, "rb") as handle:
            first = True
            while chunk := handle.read(_CHUNK):
                if first and chunk.startswith((b"\xff\xfe", b"\xfe\xff")):
                    raise InputError(Problem(name, "is UTF-16 encoded; save it as UTF-8"))
                first = False
                if b"\x00" in chunk:
                    line = lines + chunk[: chunk.index(b"\x00")].count(b"\n") + 1
                    raise InputError(Problem(name, "contains a NUL byte: this looks like a binary file", line))
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError as exc:
                    line = lines + chunk[: exc.start].count(b"\n") + 1
                    raise InputError(Problem(
                        name, f"is not valid UTF-8 (byte 0x{chunk[exc.start]:02x}); save it as UTF-8", line)) from None
                lines += chunk.count(b"\n")
                last = chunk
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise InputError(Problem(name, "is not valid UTF-8 (it ends inside a character); save it as UTF-8")) from None
    except OSError as exc:
        raise unreadable(name, exc) from None
    return lines + (1 if last and not last.endswith(b"\n") else 0)


# ---------------------------------------------------------------------------------------------
# A row as a profile


def _items(text: str) -> list[str]:
    return [item.strip() for item in text.split(";") if item.strip()]


def row_data(row: RosterRow, catalog: Catalog) -> tuple[dict[str, Any], dict[tuple[Any, ...], str], list[Problem]]:
    """The profile dictionary of a row, where each of its parts came from, and row-level problems."""
    cells = row.cells
    problems: list[Problem] = []
    origin: dict[tuple[Any, ...], str] = {}

    def problem(column: str, message: str) -> None:
        problems.append(Problem(row.file, message, row.line, None, f"column {column!r}"))

    data: dict[str, Any] = {}
    name = cells.get("name", "").strip()
    if not name:
        problem("name", "is empty; every person needs a name")
    data["name"] = name
    origin.update({("name",): "name", ("current_role",): "current_role", ("target_role",): "target_role",
                   ("training",): "training"})
    data["education"] = _education(cells, origin, problem)
    credentials: list[Any] = []
    for item in _items(cells.get("credentials", "")):
        text, at, earned = item.partition("@")
        credentials.append({"id": text.strip(), "earned": earned.strip()} if at else text.strip())
    if credentials:
        data["credentials"] = credentials
        origin[("credentials",)] = "credentials"
    current = cells.get("current_role", "").strip()
    if current:
        data["current_role"] = current
    experience = _experience(cells, current, catalog, origin, problem)
    if experience:
        data["experience"] = experience
    if cells.get("target_role", "").strip():
        data["target_role"] = cells["target_role"].strip()
    training = _items(cells.get("training", ""))
    if training:
        data["training"] = training
    return data, origin, problems


def _education(cells: dict[str, str], origin: dict[tuple[Any, ...], str],
               problem: Callable[[str, str], None]) -> dict[str, Any]:
    """The `education` mapping from the education columns."""
    level = cells.get("education_level", "").strip().lower()
    if not level:
        problem("education_level", "is empty; give none, high-school, associate, bachelor, master or doctorate")
    education: dict[str, Any] = {"level": level}
    origin[("education",)] = "education_level"
    if cells.get("education_field", "").strip():
        education["field"] = cells["education_field"].strip()
        origin[("education", "field")] = "education_field"
    if cells.get("cahiim_accredited", "").strip():
        flag = cells["cahiim_accredited"].strip().lower()
        answer = yes_or_no(flag)  # any other word, the model converts or explains
        education["cahiim_accredited"] = flag if answer is None else answer
        origin[("education", "cahiim_accredited")] = "cahiim_accredited"
    return education


def _experience(cells: dict[str, str], current: str, catalog: Catalog, origin: dict[tuple[Any, ...], str],
                problem: Callable[[str, str], None]) -> list[dict[str, Any]]:
    """The `experience` list: the `experience` column's role:years items, then whatever part of
    `years_coding` they do not already account for, in the current (or a coding) role."""
    experience: list[dict[str, Any]] = []
    for item in _items(cells.get("experience", "")):
        role, colon, years = item.rpartition(":")
        if not colon or not role.strip():
            problem("experience", f"{item!r} is not role:years (for example coding-supervisor:3)")
            continue
        years = years.strip()  # a plain number as a number, as the model would read it; else the model says why
        experience.append({"role": role.strip(), "years": float(years) if _NUMBER.match(years) else years})
    listed = len(experience)
    origin[("experience",)] = "experience" if listed else "years_coding"
    for i in range(listed):
        origin[("experience", i)] = "experience"
    years_text = _decimal_point(cells.get("years_coding", "").strip())
    if not years_text:
        problem("years_coding", "is empty; give the years of coding work (0 for none)")
    elif not _NUMBER.match(years_text):
        experience.append({"role": _coding_role(current, catalog), "years": years_text})  # the model says why
    else:
        remainder = float(years_text) - _coding_years(experience, catalog)
        if remainder > 1e-9:
            experience.append({"role": _coding_role(current, catalog), "years": round(remainder, 4)})
    if len(experience) > listed:
        origin[("experience", listed)] = "years_coding"
    return experience


class _RoleIds:
    """`catalog.role_id` remembered per catalog: a roster names the same few roles on every row."""

    LIMIT = 10_000

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.known: dict[str, str | None] = {}

    def __call__(self, text: str) -> str | None:
        if text not in self.known:
            if len(self.known) > self.LIMIT:
                self.known.clear()
            self.known[text] = self.catalog.role_id(text)
        return self.known[text]


_ROLE_IDS: weakref.WeakKeyDictionary[Catalog, _RoleIds] = weakref.WeakKeyDictionary()


def _role_id(catalog: Catalog, text: str) -> str | None:
    lookup = _ROLE_IDS.get(catalog)
    if lookup is None:
        lookup = _ROLE_IDS[catalog] = _RoleIds(catalog)
    return lookup(text)


def _decimal_point(text: str) -> str:
    """`3,5` as `3.5`: a spreadsheet in a decimal-comma language writes years so (no one has a
    thousand years of experience, so the comma is never a thousands separator here)."""
    return text.replace(",", ".") if _DECIMAL_COMMA.match(text) else text


def _coding_role(current: str, catalog: Catalog) -> str:
    """Where unexplained coding years go: the current role if it is coding-only, else Medical Coder."""
    role_id = _role_id(catalog, current) if current else None
    if role_id and catalog.roles[role_id].tracks == ("coding",):
        return role_id
    return FALLBACK_CODING_ROLE


def _coding_years(experience: list[dict[str, Any]], catalog: Catalog) -> float:
    total = 0.0
    for entry in experience:
        role_id = _role_id(catalog, entry["role"])
        if role_id and "coding" in catalog.roles[role_id].tracks and isinstance(entry["years"], float):
            total += entry["years"]  # years written as a plain number (any other text is left to the model)
    return total


def row_profile(row: RosterRow, catalog: Catalog, today: date) -> LoadedProfile:
    """Check one roster row as a profile; ProfileError locates each problem by line and column."""
    data, origin, problems = row_data(row, catalog)
    if problems:
        raise ProfileError(problems)
    try:
        loaded = profile_from_data(data, row.file, catalog, today)
    except ProfileError as exc:
        raise ProfileError([_relocate(p, row, origin) for p in exc.problems]) from None
    if loaded.warnings:
        loaded = LoadedProfile(loaded.profile, loaded.source, tuple(_relocate(w, row, origin) for w in loaded.warnings))
    return loaded


_PATH_PART = re.compile(r"\.?([^.\[\]]+)|\[(\d+)\]")


def _relocate(problem: Problem, row: RosterRow, origin: dict[tuple[Any, ...], str]) -> Problem:
    """A problem found in the row's dictionary, pointed at the row's line and the cell it came from."""
    path: tuple[Any, ...] = tuple(
        int(index) if index else key for key, index in _PATH_PART.findall(problem.field or "")
    )
    column = None
    for size in range(len(path), 0, -1):
        column = origin.get(path[:size])
        if column:
            break
    field = f"column {column!r}" if column else None
    return Problem(row.file, problem.message, row.line, None, field, problem.severity)
