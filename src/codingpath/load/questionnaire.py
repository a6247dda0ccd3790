"""The `init` questionnaire without the prompting: its questions, the check of each answer against the
catalog, and the profile built from the answers. Prints nothing; `cli/init.py` asks the questions.

An answer is text as a person types it ("CPC-A, CCA", "3.5", "2021-09"); each `parse_*` function
turns it into a value or raises `AnswerError` with a message to show before asking again. The same
functions check the answers of a `--from-answers` file and of the command's flags, so every route
into a profile is validated the same way, and the finished profile is checked once more by
`profiles.profile_from_data`, the reader every command uses. `answers_file` reads a --from-answers file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as _field  # `field` is also an answer (the field of study)
from datetime import date
from typing import Any

from ..catalog import Catalog
from ..errors import Problem, ProfileError
from ..taxonomy import EDUCATION_LEVELS
from ..wording import did_you_mean, suggestion, yes_or_no

__all__ = [
    "ANSWER_KEYS",
    "AnswerError",
    "Answers",
    "Experience",
    "Held",
    "build_profile",
    "check_answers",
    "month_text",
    "parse_credentials",
    "parse_date",
    "parse_education",
    "parse_experience",
    "parse_name",
    "parse_role",
    "parse_training",
    "parse_when",
    "parse_yes_no",
    "profile_yaml",
]

# The keys of an answers file, in the order the questions are asked.
ANSWER_KEYS = ("name", "education", "cahiim_accredited", "field", "credentials", "earned", "experience",
               "training", "current_role", "target_role")
_DEGREES = ("associate", "bachelor", "master", "doctorate")
_DATE = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")


class AnswerError(ValueError):
    """An answer that cannot be used; the message says why and what would do."""


@dataclass
class Held:
    """A credential answered: its id, whether as an apprentice (CPC-A), and when it was earned."""

    id: str
    apprentice: bool = False
    earned: date | str | None = None  # a date, or "YYYY-MM" as typed


@dataclass
class Experience:
    """Time in one role: `years`, or `start` (and `end`; none = ongoing)."""

    role: str
    years: float | None = None
    start: str | None = None
    end: str | None = None


@dataclass
class Answers:
    """The answers so far; `answered` names the questions that need not be asked again."""

    name: str | None = None
    education: str | None = None
    cahiim_accredited: bool | None = None
    field: str | None = None
    credentials: list[Held] = _field(default_factory=list)
    experience: list[Experience] = _field(default_factory=list)
    training: list[str] = _field(default_factory=list)
    current_role: str | None = None
    target_role: str | None = None
    answered: set[str] = _field(default_factory=set)

    def wants_degree_questions(self) -> bool:
        return self.education in _DEGREES


# -- one parser per kind of answer ----------------------------------------------------------------

def _blank(text: Any) -> bool:
    return text is None or (isinstance(text, str) and not text.strip())


def parse_name(text: Any) -> str | None:
    if _blank(text):
        return None
    value = " ".join(_undo_surrogate_escape(str(text)).split())
    if len(value) > 200:
        raise AnswerError("a name of more than 200 characters; shorten it")
    if any(not char.isprintable() for char in value):
        raise AnswerError("a name holds a control character; type it again")
    return value


def _undo_surrogate_escape(text: str) -> str:
    """The text a non-UTF-8 terminal meant. Python reads bytes that are not UTF-8 (`Jos\xe9` from a
    Latin-1 terminal) as lone surrogates, which no file can hold; those bytes are read again as
    Windows-1252, the superset of Latin-1 such terminals use, so the profile holds `José`."""
    if not any("\udc80" <= char <= "\udcff" for char in text):
        return text
    raw = text.encode("utf-8", "surrogateescape")
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def parse_education(text: Any) -> str:
    """A level by name or by its number in the list (1 = none ... 6 = doctorate)."""
    value = "" if text is None else str(text).strip().lower().replace(" ", "-").replace("'", "")
    if value.isdigit() and 1 <= int(value) <= len(EDUCATION_LEVELS):
        return EDUCATION_LEVELS[int(value) - 1]
    aliases = {"hs": "high-school", "highschool": "high-school", "ged": "high-school", "hse": "high-school",
               "hiset": "high-school", "tasc": "high-school", "bachelors": "bachelor",
               "masters": "master", "phd": "doctorate", "associates": "associate"}
    value = aliases.get(value, value)
    if value in EDUCATION_LEVELS:
        return value
    prefixed = [level for level in EDUCATION_LEVELS if value and level.startswith(value)]
    if len(prefixed) == 1:  # "assoc", "bach"
        return prefixed[0]
    raise AnswerError(f"{text!r} is not one of {', '.join(EDUCATION_LEVELS)}{did_you_mean(value, EDUCATION_LEVELS)}")


def parse_yes_no(text: Any) -> bool | None:
    if isinstance(text, bool):
        return text
    if _blank(text):
        return None
    answer = yes_or_no(str(text))
    if answer is None:
        raise AnswerError(f"{text!r}: answer yes or no")
    return answer


def _items(text: Any) -> list[str]:
    if _blank(text):
        return []
    if isinstance(text, list):
        return [str(item).strip() for item in text if not _blank(item)]
    return [item for item in re.split(r"[,\s]+", str(text).strip()) if item]


def parse_credentials(text: Any, catalog: Catalog) -> list[Held]:
    """'CPC-A, CCA' -> CPC (apprentice), CCA; any case; an unknown id gets a "did you mean"."""
    held: list[Held] = []
    for item in _items(text):
        cid = catalog.credential_id(item)
        if cid is None:
            raise AnswerError(f"unknown credential {item!r}{suggestion(catalog.suggest_credential(item))}")
        apprentice = item.strip().upper() != cid and item.strip().upper().endswith("-A")
        if any(h.id == cid for h in held):
            raise AnswerError(f"{cid} is named twice")
        held.append(Held(cid, apprentice))
    return held


def parse_date(text: Any, today: date, *, what: str = "date") -> date | str | None:
    """'2021-06' (kept as a month) or '2021-06-15'; never after today."""
    if _blank(text):
        return None
    value: date | str
    if isinstance(text, date):
        day, value = text, text
    else:
        match = _DATE.match(str(text).strip())
        if not match:
            raise AnswerError(f"{text!r}: give the {what} as YYYY-MM or YYYY-MM-DD")
        year, month, dom = int(match[1]), int(match[2]), int(match[3] or 1)
        try:
            day = date(year, month, dom)
        except ValueError as exc:
            raise AnswerError(f"{text!r} is not a real date ({exc})") from None
        value = day if match[3] else f"{year:04d}-{month:02d}"
    if day > today:
        raise AnswerError(f"{text} is in the future (today is {today})")
    return value


def parse_role(text: Any, catalog: Catalog) -> str | None:
    """A role id, title or alias in any case."""
    if _blank(text):
        return None
    role = catalog.role_id(str(text))
    if role is None:
        raise AnswerError(f"unknown role {text!r}{catalog.role_hint(str(text))}")
    return role


def parse_when(text: Any, today: date) -> tuple[float | None, str | None, str | None]:
    """How long in a role: '3.5' (years), '2021-09' (since then) or '2019-01..2021-06' (start..end)."""
    value = "" if text is None else str(text).strip()
    if not value:
        raise AnswerError("give the years (e.g. 3.5) or the start month (YYYY-MM)")
    try:
        years = float(value)
    except ValueError:
        pass
    else:
        if not 0 < years <= 60:
            raise AnswerError(f"{value} years: give a number of years between 0 and 60")
        return (int(years) if years.is_integer() else years), None, None
    start_text, _, end_text = value.partition("..")
    start = parse_date(start_text, today, what="start month")
    end = parse_date(end_text, today, what="end month") if end_text else None
    if start is None:
        raise AnswerError(f"{value!r}: give the years (e.g. 3.5) or the start month (YYYY-MM)")
    if end is not None and _day(end) < _day(start):
        raise AnswerError(f"the end {end} is before the start {start}")
    return None, month_text(start), month_text(end)


def _day(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value + "-01")


def month_text(value: date | str | None) -> str | None:
    """A parsed date or month as the profile writes it (YYYY-MM-DD or YYYY-MM), or None."""
    return value.isoformat() if isinstance(value, date) else value


def parse_experience(text: Any, catalog: Catalog, today: date) -> Experience:
    """'ROLE=WHEN' (a flag or a line of an answers file): 'medical-coder=2021-09'."""
    role_text, sep, when = str(text).partition("=")
    if not sep:
        raise AnswerError(f"{text!r}: write ROLE=YEARS or ROLE=YYYY-MM (e.g. medical-coder=2021-09)")
    role = parse_role(role_text, catalog)
    if role is None:
        raise AnswerError(f"{text!r}: the role is missing before '='")
    years, start, end = parse_when(when, today)
    return Experience(role, years, start, end)


def parse_training(text: Any, catalog: Catalog) -> list[str]:
    out = []
    for item in _items(text):
        key = item.lower()
        if key not in catalog.trainings:
            raise AnswerError(f"unknown training {item!r}{did_you_mean(key, catalog.trainings)} "
                              f"(known: {', '.join(catalog.trainings)})")
        out.append(key)
    return out


# -- the profile ------------------------------------------------------------------------------------

def build_profile(answers: Answers) -> dict[str, Any]:
    """The profile mapping (the shape of the profile YAML) the answers describe; empty parts left out."""
    profile: dict[str, Any] = {}
    if answers.name:
        profile["name"] = answers.name
    if answers.education:
        education: dict[str, Any] = {"level": answers.education}
        if answers.wants_degree_questions() and answers.field:
            education["field"] = answers.field
        if answers.wants_degree_questions() and answers.cahiim_accredited:
            education["cahiim_accredited"] = True
        profile["education"] = education if len(education) > 1 else answers.education
    if answers.credentials:
        items: list[Any] = []
        for held in answers.credentials:
            entry: dict[str, Any] = {"id": held.id}
            if held.earned is not None:
                entry["earned"] = held.earned
            if held.apprentice:
                entry["apprentice"] = True
            items.append(entry if len(entry) > 1 else held.id)
        profile["credentials"] = items
    if answers.experience:
        profile["experience"] = [
            {"role": e.role, "years": e.years} if e.years is not None
            else {"role": e.role, "start": e.start, **({"end": e.end} if e.end else {})}
            for e in answers.experience
        ]
    if answers.training:
        profile["training"] = list(answers.training)
    if answers.current_role:
        profile["current_role"] = answers.current_role
    if answers.target_role:
        profile["target_role"] = answers.target_role
    return profile


def check_answers(answers: Answers, catalog: Catalog, today: date, name: str = "profile") -> list[Problem]:
    """The problems (errors and warnings) the profile reader finds in the answers so far."""
    from .profiles import profile_from_data

    try:
        loaded = profile_from_data(build_profile(answers), name, catalog, today)
    except ProfileError as exc:
        return list(exc.problems)
    return list(loaded.warnings)


def profile_yaml(profile: dict[str, Any], today: date) -> str:
    """The profile as commented YAML, in the key order of the README."""
    import yaml

    body = yaml.safe_dump(profile, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)
    header = (
        f"# codingpath profile, written by `codingpath init` on {today}. Edit it freely: the README's\n"
        "# \"Your profile\" lists every key. Log continuing education under `ceus:` for `codingpath renewals`:\n"
        "#   ceus:\n"
        "#     - {date: 2026-03-01, hours: 10, description: AAPC webinar, credential: CPC}\n"
    )
    return header + (body if profile else "{}\n")


# -- an answers file ---------------------------------------------------------------------------------
