"""Keeping credentials alive: each held credential's current cycle, CEUs required, logged and missing.

Prints nothing. The cycle is counted from the profile's `earned` date in whole cycles of the data's
`renewal.cycle_years`; the CEUs a single credential needs come from the data's `renewal.ceus`. When
a person holds several credentials of one body, AAPC and AHIMA ask for one combined total instead
of the sum; those two published rules are written out below (`POOLING`), each with its source, and
a test checks that the data's `ceu_note`s say the same.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Literal

from .catalog import Catalog
from .dates import add_years
from .records import new_record

if TYPE_CHECKING:
    from .models import Credential, Profile, Source

__all__ = [
    "DUE_SOON_DAYS",
    "POOLING",
    "CeuPooling",
    "Deadline",
    "SpecificCeus",
    "RenewalItem",
    "RenewalReport",
    "current_cycle",
    "cycle_starts",
    "renewals_of",
]

DUE_SOON_DAYS = 90
RenewalStatus = Literal["complete", "missing", "unknown", "replaced"]


@dataclass(frozen=True)
class CeuPooling:
    """A body's rule for the CEU total when one person holds several of its credentials."""

    body: str
    rule: str
    total: Callable[[list[int]], int]  # single-credential figures (from the data) -> the total
    sources: tuple[Source, ...]


def _aapc_total(singles: list[int]) -> int:
    # AAPC's CEU table: 1 credential 36 CEUs per 2 years, 2 -> 40, 3 -> 44, 4 -> 48, 5 or more -> 52.
    # One credential's figure stays the data's own `ceus`.
    if len(singles) == 1:
        return singles[0]
    return (36, 40, 44, 48, 52)[min(len(singles), 5) - 1]


def _ahima_total(singles: list[int]) -> int:
    # AHIMA: the highest single-credential figure, +10 for each additional credential, at most 50
    # (CCS + CCS-P = 30, RHIA + CDIP = 40, RHIA + CCS + CCS-P = 50).
    if len(singles) == 1:
        return singles[0]
    return min(max(singles) + 10 * (len(singles) - 1), 50)


POOLING: dict[str, CeuPooling] = {
    "AAPC": CeuPooling(
        "AAPC",
        "one AAPC total: 36/40/44/48/52 CEUs for 1/2/3/4/5+ credentials",
        _aapc_total,
        (new_record("Source", url="https://www.aapc.com/medical-coding-education/help/", as_of="undated",
                    retrieved="2026-11", note="CEU table, newer variant; an older one listed 48/60/72/80"),),
    ),
    "AHIMA": CeuPooling(
        "AHIMA",
        "one AHIMA total: highest single figure +10 per additional credential, at most 50",
        _ahima_total,
        (new_record("Source", url="https://www.ahima.org/certification/Recertification", as_of="2019",
                    note="about 2019-2020; the 2024/2025 versions of the page do not show the table"),),
    ),
}


def current_cycle(earned: date, cycle_years: int, today: date) -> tuple[date, date]:
    """(start, end) of the cycle that contains `today`: whole cycles counted from `earned`."""
    start, end = earned, add_years(earned, cycle_years)
    while end < today:
        start, end = end, add_years(end, cycle_years)
    return start, end


@dataclass(frozen=True)
class RenewalItem:
    """One held credential's current renewal cycle."""

    credential: Credential
    status: RenewalStatus
    cycle_start: date | None = None
    cycle_end: date | None = None
    days_left: int | None = None
    ceus_required: int | None = None
    ceus_logged: float = 0.0
    pooled_with: tuple[str, ...] = ()
    pooling: CeuPooling | None = None
    replaced_by: str | None = None
    notes: tuple[str, ...] = ()

    @property
    def ceus_missing(self) -> float | None:
        if self.ceus_required is None or self.status in ("unknown", "replaced"):
            return None
        return max(0.0, self.ceus_required - self.ceus_logged)

    @property
    def due_soon(self) -> bool:
        return self.days_left is not None and self.days_left <= DUE_SOON_DAYS

    @property
    def unconfirmed(self) -> bool:
        return not self.credential.renewal.confirmed

    def as_dict(self) -> dict[str, object]:
        renewal = self.credential.renewal
        return {
            "credential": self.credential.id,
            "name": self.credential.name,
            "body": self.credential.body,
            "status": self.status,
            "cycle_years": renewal.cycle_years,
            "cycle_start": self.cycle_start.isoformat() if self.cycle_start else None,
            "cycle_end": self.cycle_end.isoformat() if self.cycle_end else None,
            "days_left": self.days_left,
            "due_soon": self.due_soon,
            "ceus_required": self.ceus_required,
            "ceus_logged": round(self.ceus_logged, 2),
            "ceus_missing": None if self.ceus_missing is None else round(self.ceus_missing, 2),
            "pooled_with": list(self.pooled_with),
            "pooling_rule": self.pooling.rule if self.pooling else None,
            "replaced_by": self.replaced_by,
            "ceu_note": renewal.ceu_note,
            "confidence": renewal.confidence,
            "sources": [s.model_dump() for s in renewal.sources]
            + ([s.model_dump() for s in self.pooling.sources] if self.pooling else []),
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class SpecificCeus:
    """CEUs one credential needs on its own subject, counted within the pooled total."""

    credential: str
    ceus: int
    subject: str
    logged: float

    @property
    def missing(self) -> float:
        return max(0.0, self.ceus - self.logged)


@dataclass(frozen=True)
class Deadline:
    """One date by which CEUs are due: a body's pooled total, or one credential on its own."""

    items: tuple[RenewalItem, ...]  # the credentials it covers, the first setting the figures
    specific: tuple[SpecificCeus, ...] = ()

    @property
    def lead(self) -> RenewalItem:
        return self.items[0]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(i.credential.id for i in self.items)

    @property
    def shared_cycle_confirmed(self) -> bool:
        """AAPC publishes one deadline per member; for other bodies a shared date is codingpath's reading."""
        return len(self.items) == 1 or self.lead.credential.body == "AAPC"

    def as_dict(self) -> dict[str, object]:
        lead = self.lead
        return {
            "body": lead.credential.body, "credentials": list(self.ids), "status": lead.status,
            "cycle_start": lead.cycle_start.isoformat() if lead.cycle_start else None,
            "cycle_end": lead.cycle_end.isoformat() if lead.cycle_end else None,
            "days_left": lead.days_left, "due_soon": lead.due_soon, "ceus_required": lead.ceus_required,
            "ceus_logged": round(lead.ceus_logged, 2),
            "ceus_missing": None if lead.ceus_missing is None else round(lead.ceus_missing, 2),
            "pooling_rule": lead.pooling.rule if lead.pooling else None,
            "shared_cycle_confirmed": self.shared_cycle_confirmed,
            "specific": [{"credential": c.credential, "ceus": c.ceus, "subject": c.subject,
                          "logged": round(c.logged, 2), "missing": round(c.missing, 2)} for c in self.specific],
        }


@dataclass(frozen=True)
class RenewalReport:
    """Every held credential's renewal, as of a day, and the deadlines they fall into."""

    items: tuple[RenewalItem, ...]
    as_of: date
    name: str | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)
    deadlines: tuple[Deadline, ...] = ()


def renewals_of(profile: Profile, catalog: Catalog, today: date) -> RenewalReport:
    """Each held credential's cycle end, CEUs required (pooled per body), logged in the cycle, missing."""
    held = [catalog.credentials[c.id] for c in profile.credentials if c.id in catalog.credentials]
    held_ids = {c.id for c in held}
    replaced = {old: c.id for c in held for old in c.replaces if old in held_ids}
    active = [c for c in held if c.id not in replaced]
    by_body: dict[str, list[Credential]] = {}
    for credential in active:
        by_body.setdefault(credential.body, []).append(credential)

    counted_from = cycle_starts(profile, catalog)
    items = []
    for entry in profile.credentials:
        known = catalog.credentials.get(entry.id)
        if known is None:
            continue
        credential = known
        if credential.id in replaced:
            items.append(RenewalItem(credential, "replaced", replaced_by=replaced[credential.id],
                                     notes=(f"retired by {replaced[credential.id]}; only its CEUs are kept",)))
            continue
        required, pooled_with, pooling = _required(credential, by_body)
        earned = counted_from.get(credential.id) if pooling is not None else entry.earned
        if earned is None:
            items.append(RenewalItem(credential, "unknown", ceus_required=required, pooled_with=pooled_with,
                                     pooling=pooling,
                                     notes=(f"add `earned` to {credential.id} in the profile to date its cycle",)))
            continue
        start, end = current_cycle(earned, credential.renewal.cycle_years, today)
        counts_for = {credential.id, *pooled_with}
        logged = sum(c.hours for c in profile.ceus
                     if start <= c.date <= min(end, today) and (c.credential is None or c.credential in counts_for))
        missing = None if required is None else max(0.0, required - logged)
        status: RenewalStatus = "complete" if missing == 0 else "missing"
        notes = []
        if required is None:
            note = credential.renewal.ceu_note or "check with " + credential.body
            notes.append("the data gives no CEU figure: " + note)
        items.append(RenewalItem(credential, status, start, end, (end - today).days, required, logged,
                                 pooled_with, pooling, notes=tuple(notes)))
    deadlines = _deadlines(items, profile, today)
    return RenewalReport(tuple(items), today, profile.name, _warnings(deadlines), deadlines)


def cycle_starts(profile: Profile, catalog: Catalog) -> dict[str, date]:
    """The date each held credential's cycles are counted from: its own `earned` date, or for a
    body that pools CEUs the first `earned` date among that body's credentials still kept (AAPC:
    a later credential joins the member's existing cycle, one deadline for the pooled total)."""
    held = [(c, catalog.credentials[c.id]) for c in profile.credentials if c.id in catalog.credentials]
    ids = {credential.id for _, credential in held}
    retired = {old for _, credential in held for old in credential.replaces if old in ids}
    first: dict[str, date] = {}
    for entry, credential in held:
        if entry.earned is not None and credential.body in POOLING and credential.id not in retired:
            first[credential.body] = min(first.get(credential.body, entry.earned), entry.earned)
    starts = {}
    for entry, credential in held:
        pooled = credential.body in first and credential.id not in retired
        bodies = sum(c.body == credential.body and c.id not in retired for _, c in held)
        start = first[credential.body] if pooled and bodies > 1 else entry.earned
        if start is not None:
            starts[credential.id] = start
    return starts


def _required(
    credential: Credential, by_body: dict[str, list[Credential]],
) -> tuple[int | None, tuple[str, ...], CeuPooling | None]:
    single = credential.renewal.ceus
    pooling = POOLING.get(credential.body)
    siblings = [c for c in by_body.get(credential.body, []) if c.id != credential.id]
    if pooling is None or not siblings or single is None:
        return single, (), None
    singles = [c.renewal.ceus for c in (credential, *siblings)]
    if any(s is None for s in singles):
        return single, (), None
    return pooling.total(singles), tuple(c.id for c in siblings), pooling  # type: ignore[arg-type]


def _deadlines(items: list[RenewalItem], profile: Profile, today: date) -> tuple[Deadline, ...]:
    """One deadline per pooled body, one per credential kept on its own; replaced ones have none."""
    groups: dict[str, list[RenewalItem]] = {}
    for item in items:
        if item.status != "replaced":
            key = item.credential.body if item.pooling else item.credential.id
            groups.setdefault(key, []).append(item)
    deadlines = []
    for members in groups.values():
        lead = members[0]
        specific = []
        for item in members:
            renewal = item.credential.renewal  # CEUs on its own subject within the pooled total (CPMA: 16 auditing)
            if renewal.specific_ceus is None or renewal.specific_subject is None:
                continue
            start, end = lead.cycle_start, lead.cycle_end
            logged = sum(c.hours for c in profile.ceus if c.credential == item.credential.id
                         and start is not None and end is not None and start <= c.date <= min(end, today))
            specific.append(SpecificCeus(item.credential.id, renewal.specific_ceus, renewal.specific_subject, logged))
        deadlines.append(Deadline(tuple(members), tuple(specific)))
    return tuple(deadlines)


def _warnings(deadlines: tuple[Deadline, ...]) -> tuple[str, ...]:
    warnings = []
    for deadline in deadlines:
        item = deadline.lead
        if not item.due_soon:
            continue
        when = f"{' + '.join(deadline.ids)}: cycle ends {item.cycle_end} (in {item.days_left} days)"
        if item.ceus_missing:
            warnings.append(f"{when}; {item.ceus_missing:g} CEUs still missing")
        else:
            warnings.append(f"{when}; submit your CEUs and renew")
    return tuple(warnings)
