"""A `--from-answers` file: the questionnaire's answers written as a YAML mapping, each one checked
by the same `parse_*` function as a typed answer, and every bad one reported at once, located."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any

from ..catalog import Catalog
from ..errors import Problem, ProfileError
from ..wording import did_you_mean
from .document import YamlDocument
from .questionnaire import (
    ANSWER_KEYS,
    AnswerError,
    Answers,
    Experience,
    month_text,
    parse_credentials,
    parse_date,
    parse_education,
    parse_experience,
    parse_name,
    parse_role,
    parse_training,
    parse_when,
    parse_yes_no,
)

__all__ = ["answers_from_document"]


def answers_from_document(document: YamlDocument, catalog: Catalog, today: date) -> Answers:
    """Answers from a YAML mapping of ANSWER_KEYS; every bad answer is reported at once, located."""
    data = document.data
    if not isinstance(data, dict):
        raise ProfileError(document.problem((), "an answers file must be a mapping of "
                                                f"{', '.join(ANSWER_KEYS)}"))
    answers = Answers()
    taker = _Taker(document)
    for key in data:
        if key not in ANSWER_KEYS:
            taker.report((key,), f"unknown answer {key!r}{did_you_mean(str(key), ANSWER_KEYS)}", key=True)
    answers.name = taker.take("name", lambda: parse_name(data.get("name")))
    if "education" in data:
        answers.education = taker.take("education", lambda: parse_education(data["education"]))
    answers.cahiim_accredited = taker.take("cahiim_accredited", lambda: parse_yes_no(data.get("cahiim_accredited")))
    answers.field = taker.take("field", lambda: parse_name(data.get("field")))
    _take_credentials(data, answers, catalog, taker)
    _take_earned(data, answers, catalog, today, taker)
    experience = data.get("experience") or []
    if not isinstance(experience, list):
        taker.report(("experience",), "write experience as a list of ROLE=WHEN lines "
                                      "or {role, years} / {role, start, end} mappings")
        experience = []
    for i, item in enumerate(experience):
        entry = taker.take("experience", partial(_experience_item, item, catalog, today), ("experience", i))
        if entry is not None:
            answers.experience.append(entry)
    answers.training = taker.take("training", lambda: parse_training(data.get("training"), catalog)) or []
    answers.current_role = taker.take("current_role", lambda: parse_role(data.get("current_role"), catalog))
    answers.target_role = taker.take("target_role", lambda: parse_role(data.get("target_role"), catalog))
    if taker.problems:
        raise ProfileError(sorted(taker.problems, key=lambda p: (p.line or 0, p.column or 0)))
    answers.answered = set(ANSWER_KEYS)
    return answers


@dataclass
class _Taker:
    """Parses answers one at a time, keeping every failure (located) instead of stopping at the first."""

    document: YamlDocument
    problems: list[Problem] = field(default_factory=list)

    def report(self, path: tuple[Any, ...], message: str, *, key: bool = False) -> None:
        self.problems.append(self.document.problem(path, message, key=key))

    def take(self, key: str, parse: Callable[[], Any], path: tuple[Any, ...] | None = None) -> Any:
        """What `parse` returns, or None after noting its AnswerError at `path` (else at `key`)."""
        try:
            return parse()
        except AnswerError as exc:
            self.report(path or (key,), str(exc))
            return None


def _take_credentials(data: dict[str, Any], answers: Answers, catalog: Catalog, taker: _Taker) -> None:
    listed = data.get("credentials")
    if not isinstance(listed, list):
        answers.credentials = taker.take("credentials", lambda: parse_credentials(listed, catalog)) or []
        return
    for i, item in enumerate(listed):  # each item on its own, so that one bad id does not hide the rest
        for held in taker.take("credentials", partial(parse_credentials, str(item), catalog),
                               ("credentials", i)) or []:
            if any(h.id == held.id for h in answers.credentials):
                taker.report(("credentials", i), f"{held.id} is named twice")
            answers.credentials.append(held)


def _take_earned(data: dict[str, Any], answers: Answers, catalog: Catalog, today: date, taker: _Taker) -> None:
    earned = data.get("earned") or {}
    if not isinstance(earned, dict):
        taker.report(("earned",), "write earned dates as a mapping: {CPC: 2021-06}")
        return
    by_id = {h.id: h for h in answers.credentials}
    for text, when in earned.items():
        cid = catalog.credential_id(str(text))
        if cid is None or cid not in by_id:
            taker.report(("earned", text), f"{text!r} is not among the credentials answered", key=True)
            continue
        by_id[cid].earned = taker.take("earned", partial(parse_date, when, today, what="earned date"),
                                       ("earned", text))


def _experience_item(item: Any, catalog: Catalog, today: date) -> Experience:
    if isinstance(item, dict):
        role = parse_role(item.get("role"), catalog)
        if role is None:
            raise AnswerError("an experience entry needs a role")
        if "years" in item:
            years, start, end = parse_when(item["years"], today)
        else:
            when = month_text(parse_date(item.get("start"), today, what="start month"))
            until = item.get("end")
            years, start, end = parse_when(f"{when}..{month_text(parse_date(until, today))}" if until else when, today)
        return Experience(role, years, start, end)
    return parse_experience(item, catalog, today)
