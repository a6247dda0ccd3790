"""Every table view, run on the example profiles: the cases the 80- and 160-column tests render
and the 80-column golden files record (scripts/update_golden_views.py rewrites those)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden" / "views80"
PERSONAS = ("newcomer", "apprentice", "experienced-coder", "director-candidate")
# A CPC + CPMA holder with earned dates (one AAPC deadline) who also holds two AHIMA credentials.
POOLED = Path(__file__).resolve().parent / "profiles" / "cpc-cpma-ccs.yaml"


def _persona(name: str) -> str:
    return str(EXAMPLES / f"{name}.yaml")


VIEWS: dict[str, tuple[str, ...]] = {
    "roles": ("roles",),
    "roadmap": ("roadmap",),
    "credentials": ("credentials",),
    **{f"next-{p}": ("next", "--profile", _persona(p)) for p in PERSONAS},
    **{f"plan-{p}": ("plan", "--profile", _persona(p)) for p in PERSONAS if p != "apprentice"},
    "plan-apprentice-to-coding-auditor": ("plan", "--profile", _persona("apprentice"), "--to", "coding-auditor"),
    "plan-newcomer-to-coding-auditor": ("plan", "--profile", _persona("newcomer"), "--to", "coding-auditor"),
    **{f"roadmap-{p}": ("roadmap", "--profile", _persona(p)) for p in PERSONAS},
    **{f"renewals-{p}": ("renewals", "--profile", _persona(p)) for p in PERSONAS},
    "renewals-cpc-cpma": ("renewals", "--profile", str(POOLED)),
    "role-coding-manager-newcomer": ("role", "coding-manager", "--profile", _persona("newcomer")),
    "role-coding-manager-brief": ("role", "coding-manager", "--profile", _persona("experienced-coder"), "--brief"),
    "role-cdi-specialist": ("role", "clinical-documentation-improvement-specialist"),
    "credential-ccs-newcomer": ("credential", "CCS", "--profile", _persona("newcomer")),
    "credential-cpc-apprentice-brief": ("credential", "CPC", "--profile", _persona("apprentice"), "--brief"),
    "team": ("team", str(EXAMPLES), str(ROOT / "tests" / "rosters" / "team.csv"), "--role", "coding-supervisor",
             "--role", "Coding Manager"),
    "check": ("check", *(_persona(p) for p in PERSONAS)),
    "data-check": ("data", "check"),
}
