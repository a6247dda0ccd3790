"""Views of `match` for one person (or none): the posting's requirements, each met or missing with
the time to close it, the verdict, the role it resembles. Every string from the posting is escaped
for the format it is written in (`posting_text`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any, TextIO

from ..catalog import Catalog
from ..engine import level_name, years_text
from ..errors import Problem
from ..match import HONEST_NOTE, Extraction, MatchResult, PostingRequirement, RequirementResult
from ..match.requirements import CredentialNeed, EducationNeed, ExperienceNeed, OtherNeed
from . import Format, Table, View, emit
from .posting_text import for_format, for_json_output

__all__ = ["FORMAT_VERSION", "asks_text", "months_text", "write_match"]

FORMAT_VERSION = 1
_STATUS = {"met": "met", "gap": "gap", "after-hire": "after hire", "unchecked": "not checked"}
_STYLE = {"met": "green", "after-hire": "yellow", "gap": None, "unchecked": "dim"}
_VERDICT = {"meets": "meets every requirement", "meets-required": "meets the required items (not every preferred one)",
            "gaps": "does not yet meet every required item"}


def asks_text(requirement: PostingRequirement) -> str:
    """What the posting asks, in codingpath's words: 'one of CPC, CCS-P (CPC-A accepted)'."""
    need = requirement.parsed
    if isinstance(need, CredentialNeed):
        text = need.any_of[0] if len(need.any_of) == 1 else "one of " + ", ".join(need.any_of)
        if need.unknown:
            text += f" (or {', '.join(need.unknown)}: not checked)"
        if need.apprentice_accepted:
            text += " (apprentice designation accepted)"
        if need.eligible_accepted:
            text += " (or eligible to sit the exam)"
        if need.within_months:
            text += f", within {need.within_months} months of hire"
        return text
    if isinstance(need, ExperienceNeed):
        if need.years is None:
            return f"some {need.label}"
        span = f"{need.years:g}-{need.max_years:g} years" if need.max_years else years_text(need.years)
        return f"{span} of {need.label}"
    if isinstance(need, EducationNeed):
        text = level_name(need.level)
        if need.field:
            text += f" in {need.field}"
        return text + (", or equivalent work experience" if need.equivalent_accepted else "")
    assert isinstance(need, OtherNeed)
    return need.name


def months_text(months: float | None) -> str:
    if months is None:
        return "no route in codingpath's data"
    if months == 0:
        return "now"
    whole = max(1, round(months))
    return f"about {whole} month" + ("" if whole == 1 else "s")


def _detail(result: RequirementResult) -> str:
    text = "" if result.status == "met" and result.message == "met" else result.message
    if result.status == "gap" and result.months is not None and "route" not in text:
        text += f"; {months_text(result.months)} on a planned route"
    return "; ".join(part for part in (text, *result.notes) if part)


def _requirement_dict(requirement: PostingRequirement) -> dict[str, Any]:
    return {**requirement.as_dict(), "asks": asks_text(requirement)}


def match_payload(extraction: Extraction, result: MatchResult | None, catalog: Catalog, *, name: str | None,
                  profile_file: str | None, today: date, warnings: tuple[Problem, ...] = ()) -> dict[str, Any]:
    """The JSON document: `requirements`, `verdict`, `gaps`, `resembles`, `unchecked` and the rest."""
    payload: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "posting": {"file": extraction.source, "title": extraction.title},
        "as_of": today.isoformat(),
    }
    if result is None:
        payload["requirements"] = [_requirement_dict(r) for r in extraction.requirements]
        payload["unchecked"] = [_requirement_dict(r) for r in extraction.unchecked]
        from ..match.resemble import resembles

        payload["resembles"] = resembles(extraction, catalog)
        return payload
    role = catalog.roles.get(result.resembles or "")
    payload.update({
        "profile": {"name": name, "file": profile_file},
        "verdict": result.verdict,
        "requirements": [{**r.as_dict(), "asks": asks_text(r.requirement)} for r in result.results],
        "gaps": [{**r.as_dict(), "asks": asks_text(r.requirement)} for r in result.gaps],
        "resembles": result.resembles,
        "resembles_title": role.title if role else None,
        "months_to_required": result.months_to_required,
        "unchecked": [_requirement_dict(r.requirement) for r in result.unchecked],
        "warnings": [w.as_dict() for w in warnings],
        "note": HONEST_NOTE,
    })
    return payload


def match_view(extraction: Extraction, result: MatchResult | None, catalog: Catalog, fmt: Format, *,
               name: str | None, profile_file: str | None, today: date,
               warnings: tuple[Problem, ...] = ()) -> View:
    """The requirements table (with the person's standing on each when there is one) and notes."""
    def safe(text: str) -> str:
        return for_format(text, fmt)

    payload = match_payload(extraction, result, catalog, name=name, profile_file=profile_file, today=today,
                            warnings=warnings)
    title = safe(extraction.title)
    rows: list[tuple[str, ...]] = []
    styles: list[str | None] = []
    if result is None:
        for r in extraction.requirements:
            need = "required" if r.required else "preferred"
            rows.append((need, r.kind, safe(asks_text(r)), str(r.line), safe(r.text)))
        columns: tuple[str, ...] = ("Need", "Kind", "What the posting asks", "Line", "Sentence")
        table = Table(f"{title}: {len(rows)} requirements read", columns, tuple(rows), narrow_columns=(0, 1, 3))
        notes = [f"Most like the codingpath role {payload['resembles']}; add --profile to check yourself against "
                 "the posting."]
        if fmt not in ("table", "html", "svg"):
            return View(payload, (table,), tuple(notes))
        screen = Table(table.title, columns[:4], tuple(row[:4] for row in rows), narrow_columns=(0, 1, 3))
        return View(payload, (screen, _sentences_table(extraction.requirements, safe)), tuple(notes))
    for checked in result.results:
        req = checked.requirement
        rows.append(("required" if req.required else "preferred", req.kind, safe(asks_text(req)),
                     _STATUS[checked.status], safe(_detail(checked)) or ("" if fmt == "csv" else "-"), str(req.line),
                     safe(req.text)))
        styles.append(_STYLE[checked.status])
    who = safe(name or "this profile")
    columns = ("Need", "Kind", "What the posting asks", "You", "Detail", "Line", "Sentence")
    verdict = _VERDICT[result.verdict]
    if result.verdict != "gaps" and any(r.requirement.required for r in result.unchecked):
        verdict = verdict.replace("requirement", "requirement codingpath can check").replace(
            "required items", "required items codingpath can check")
    table = Table(f"{title}: {who} {verdict}", columns, tuple(rows), HONEST_NOTE,
                  tuple(styles), narrow_columns=(0, 1, 3), fold_detail=(6, 2))
    tables: tuple[Table, ...] = (table,)
    if fmt in ("table", "html", "svg"):
        # On a screen: no kind (the words say it), and each sentence once, in a table of its own.
        keep = (0, 2, 3, 4, 5)
        table = Table(table.title, tuple(columns[i] for i in keep), tuple(tuple(row[i] for i in keep) for row in rows),
                      table.caption, table.row_styles, narrow_columns=(0, 2, 4))  # (line is column 5 of 7)
        tables = (table, _sentences_table(tuple(c.requirement for c in result.results), safe))
    return View(payload, tables, tuple(_notes(result, catalog, safe)))


def _sentences_table(requirements: tuple[PostingRequirement, ...], safe: Callable[[str], str]) -> Table:
    seen: dict[tuple[int, str], None] = {}
    for requirement in requirements:
        seen.setdefault((requirement.line, requirement.text), None)
    rows = tuple((str(line), safe(text)) for line, text in seen)
    return Table("Where the posting says so", ("Line", "Sentence"), rows, narrow_columns=(0,))


def _notes(result: MatchResult, catalog: Catalog, safe: Callable[[str], str]) -> list[str]:
    notes = [f"Verdict: {result.verdict}."]
    if any(r.requirement.required and not r.requirement.after_hire for r in result.gaps):
        notes.append("Every required item: " + (months_text(result.months_to_required) + " on a planned route"
                                                if result.months_to_required is not None
                                                else "no route in codingpath's data") + ".")
    role = catalog.roles.get(result.resembles or "")
    if role is not None:
        notes.append(f"Most like the codingpath role {role.title} ({role.id}, {role.tier}): "
                     f"`codingpath role {role.id}` and `codingpath plan --to {role.id}` say more.")
    required = [r for r in result.unchecked if r.requirement.required]
    if required:  # first: a verdict that leaves out a required item must say so before anything else
        names = ", ".join(safe(r.requirement.parsed.name) for r in required)  # type: ignore[union-attr]
        notes.insert(0, f"Required but not checked (codingpath has no record of them): {names}: check these "
                        "yourself before reading the verdict as met.")
    preferred = [r for r in result.unchecked if not r.requirement.required]
    if preferred:
        names = ", ".join(safe(r.requirement.parsed.name) for r in preferred)  # type: ignore[union-attr]
        notes.append(f"Preferred but not checked (codingpath has no record of them): {names}.")
    return notes


def write_match(view: View, fmt: Format, out: TextIO) -> None:
    """JSON with every character a terminal could act on escaped; other formats through `emit`."""
    if fmt == "json":
        out.write(for_json_output(json.dumps(view.payload, indent=2, ensure_ascii=False, default=str)) + "\n")
    else:
        emit(view, fmt, out)
