"""`roadmap --format html`: the career map as a lattice page to read on screen or pin on a wall.

Tiers are columns and tracks rows (`lattice_grid`); each role is a card with what employers
typically ask for it. With a profile, each card says in words (and colour, and border) where the
person stands, and the planned route is drawn as numbered moves on the cards and spelled out above
the lattice. One standalone file: inline CSS, no scripts, nothing fetched.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..taxonomy import TIERS
from ..wording import education_text, years_text
from .lattice_css import page_css, print_font_pt
from .lattice_grid import CARD_COLUMNS, Lattice, build_lattice
from .map_marks import MapMark, RouteMove, route_moves
from .map_style import PALETTE, link_or_text, markup

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..models import Role
    from ..planning import Plan

__all__ = ["PageRoute", "lattice_page", "page_route"]

HONEST = ("Eligible means meets the published requirements as recorded in codingpath's data; it is not a "
          "promise of a job or promotion. Role requirements are what employers typically ask, as career "
          "guides restate them, not a certifying body's rules.")
# Characters of card text per line in print at 1 pt: a card is 267 mm / CARD_COLUMNS wide less its
# padding, and a character of Helvetica averages about half an em.
CHARS_AT_1PT = (267 / CARD_COLUMNS - 2.5) / (0.5 * 0.3528)
TIER_NOTES = {"entry": "first coding jobs", "mid": "experienced, certified", "advanced": "lead, audit, manage",
              "master": "direct, own, teach"}


@dataclass(frozen=True)
class PageRoute:
    """The planned route as the page shows it: a headline, steps before the first move, the moves."""

    target: str
    headline: str
    before: tuple[str, ...] = ()
    moves: tuple[RouteMove, ...] = ()


def page_route(plan: Plan, who: str) -> PageRoute:
    """The plan as the page tells it: the moves, or why there are none."""
    target = plan.target.title + ("" if plan.target.requirements.confirmed else " *")
    if not plan.feasible:
        return PageRoute(plan.target.id, f"No route to {target}: {plan.reason}.")
    if plan.eligible_now:
        return PageRoute(plan.target.id, f"{who} already meets the published requirements for {target}.")
    before, moves = route_moves(plan)
    fees = f"${plan.total_fees_usd:,.0f}"
    unknown = sum(s.kind == "credential" and s.cost_usd is None for s in plan.steps)
    headline = (f"Planned route to {target}: {len(moves)} move{'s' if len(moves) != 1 else ''}, "
                f"about {years_text(plan.total_years)} (every published requirement met by {plan.finish:%Y-%m}), "
                f"exam fees {fees}{f' plus {unknown} unknown' if unknown else ''}; the fastest codingpath found")
    return PageRoute(plan.target.id, headline, before, moves)


def _asks(role: Role) -> str:
    """What the role asks, compactly: credentials ("CPC/CCS + RHIA": one of each group), then years of
    experience and education."""
    req = role.requirements
    # "/" + a zero-width space: a long list of alternatives may wrap after any slash.
    credentials = " + ".join("/\u200b".join(group) for group in req.credentials)
    rest = [f"{rule.years:g} yr {rule.label.removesuffix(' experience')}" for rule in req.experience]
    if req.education is not None:
        rest.append(education_text(req))
    lines = ([f'<p class="cred">{markup(credentials)}</p>'] if credentials else []) + (
        [f'<p class="exp">{markup(" · ".join(rest))}</p>'] if rest else [])
    return "".join(lines) or '<p class="exp">no requirement published</p>'


def _card_lines(role: Role, mark: MapMark | None, print_pt: float) -> float:
    """About how many lines of text a card takes in print at `print_pt` (see lattice_css)."""
    per_line = CHARS_AT_1PT / print_pt

    def wrapped(text: str, scale: float = 1.0) -> int:
        return -(-len(text) // max(int(per_line * scale), 1)) if text else 0

    req = role.requirements
    lines: float = wrapped(role.title + " *", 0.9)
    lines += wrapped(" + ".join("/".join(group) for group in req.credentials))
    rest = [f"{rule.years:g} yr {rule.label.removesuffix(' experience')}" for rule in req.experience]
    lines += max(1, wrapped(" · ".join(rest + [education_text(req)])))
    if mark is not None:
        lines += 0.9 + 0.9 * wrapped("gap " + (mark.missing or "") + " (+1)" * bool(mark.more), 1.1)
    return lines


def _lines_of(marks: dict[str, MapMark], print_pt: float, role: Role) -> float:
    return _card_lines(role, marks.get(role.id), print_pt)


def _card(role: Role, mark: MapMark | None, step: int | None) -> str:
    classes = ["card"] + ([f"st-{mark.status}"] + (["current"] if mark.current else []) if mark else [])
    classes += ["on-route"] if step is not None else []
    star = "" if role.requirements.confirmed else ' <span class="star" title="requirement unconfirmed">*</span>'
    head = f"<h3>{markup(role.title)}{star}</h3>"
    parts = [f'<article class="{" ".join(classes)}" id="role-{markup(role.id)}" data-role="{markup(role.id)}">']
    if mark is not None:
        word = PALETTE[mark.status].word + (" · you are here" if mark.current else "")
        if mark.status == "target":
            word += " · eligible" if mark.meets else ""
        missing = f'<span class="missing"> · {markup(mark.missing)}{f" (+{mark.more})" if mark.more else ""}</span>' \
            if mark.missing else ""
        parts.append(f'<p class="status"><span class="word">{markup(word)}</span>{missing}</p>')
    parts.append(head)
    parts.append(_asks(role))
    if step is not None:
        parts.append(f'<span class="step" aria-label="move {step} of the route">{step}</span>')
    parts.append("</article>")
    return "".join(parts)


def _lattice(lattice: Lattice, marks: dict[str, MapMark] | None, steps: dict[str, int]) -> str:
    columns = "var(--track-column) " + " ".join(f"minmax(0, {c}fr)" for c in lattice.columns)
    out = [f'<main class="lattice" style="--columns: {columns}">', '<div class="corner"></div>']
    for tier in TIERS:
        out.append(f'<div class="tier-head">{tier}<small>{TIER_NOTES[tier]}</small></div>')
    for k, row in enumerate(lattice.rows):
        out.append(f'<div class="band-{k % 2}" style="display: contents">')
        out.append(f'<div class="track"><span class="long">{markup(row.label)}</span>'
                   f'<span class="short" aria-hidden="true">{markup(row.short)}</span></div>')
        for cell, across in zip(row.cells, lattice.columns, strict=False):
            cards = "".join(_card(r, (marks or {}).get(r.id), steps.get(r.id)) for r in cell)
            out.append(f'<div class="cell" style="--across: {across}">{cards}</div>')
        out.append("</div>")
    out.append("</main>")
    return "\n".join(out)


def _legend(marks: dict[str, MapMark] | None, route: PageRoute | None, unconfirmed: bool) -> str:
    items = []
    if marks is not None:
        for status, style in PALETTE.items():
            if status != "target" or any(m.status == "target" for m in marks.values()):
                meaning = style.meaning + (" (the first item shown)" if status == "gap" else "")
                items.append(f'<li><span class="key key-{status}"></span><b>{style.word}</b>: {markup(meaning)}</li>')
    else:
        items.append('<li><span class="key plain"></span>each card: credentials (/ = any one), years of '
                     "experience · education</li>")
    if route is not None and route.moves:
        items.append('<li><span class="step">1</span> moves of the planned route, in order</li>')
    if unconfirmed:
        items.append('<li><b class="star">*</b> a threshold codingpath could not confirm</li>')
    return f'<ul class="legend" aria-label="legend">{"".join(items)}</ul>'


def _route(route: PageRoute, titles: dict[str, str]) -> str:
    out = ['<section class="route" aria-label="planned route">', f"<h2>{markup(route.headline)}</h2>"]
    if route.before or route.moves:
        out.append("<ol>")
        if route.before:
            out.append(f'<li><span class="step">0</span><span><b>first</b> <span class="detail">'
                       f'{markup("; ".join(route.before))}</span></span></li>')
        for move in route.moves:
            star = " *" if move.unconfirmed else ""
            detail = f' <span class="detail">{markup("; ".join(move.steps))}</span>' if move.steps else ""
            out.append(f'<li><span class="step">{move.number}</span><span><b>{move.month} '
                       f'{markup(titles.get(move.role, move.role) + star)}</b>{detail}</span></li>')
        out.append("</ol>")
    out.append("</section>")
    return "\n".join(out)


def _sources(catalog: Catalog, roles: list[Role]) -> tuple[str, str]:
    """The span of the sources' dates, and the list of sources (each once)."""
    seen: dict[str, set[str]] = {}
    for role in roles:
        for source in role.requirements.sources:
            seen.setdefault(source.url, set()).add(source.as_of)
    years = sorted({a[:4] for dates in seen.values() for a in dates if a != "undated"})
    span = f"{years[0]} to {years[-1]}" if len(years) > 1 else (years[0] if years else "undated")
    items = "".join(f"<li>{link_or_text(url)} ({markup(', '.join(sorted(dates)))})</li>"
                    for url, dates in sorted(seen.items()))
    return span, items


def lattice_page(catalog: Catalog, *, marks: dict[str, MapMark] | None = None, name: str | None = None,
                 route: PageRoute | None = None, today: date, version: str) -> str:
    """The standalone HTML page."""
    roles = list(catalog.roles.values())
    route_lines = 0 if route is None else 2 + (len(route.moves) + len(route.before)) // 3
    print_pt = 5.0
    for _ in range(3):  # the type size sets how text wraps, which sets the height, which sets the size
        lattice = build_lattice(roles, functools.partial(_lines_of, marks or {}, print_pt))
        print_pt = print_font_pt(lattice.lines, route_lines)
    steps = {move.role: move.number for move in route.moves} if route else {}
    title = "Medical coding and HIM career map" + (f" for {name}" if name else "")
    who = f' <span class="who">for {markup(name)}</span>' if name else ""
    unconfirmed = any(not r.requirements.confirmed for r in roles)
    span, sources = _sources(catalog, roles)
    body = [
        "<header><div>", f"<h1>Medical coding and HIM career map{who}</h1>",
        '<p class="lede">Roles from entry level to master level, by track. Each card: the credentials '
        "(/ = any one of them), years of experience and education employers typically ask for.</p>",
        "</div>", _legend(marks, route, unconfirmed), "</header>",
    ]
    if route is not None:
        body.append(_route(route, {r.id: r.title for r in roles}))
    body.append(_lattice(lattice, marks, steps))
    notes = [HONEST] + (["* marks a threshold codingpath could not confirm from a published source: check "
                         "it with the employer."] if unconfirmed else [])
    body.append('<div class="notes">' + "".join(f"<p>{markup(n)}</p>" for n in notes) + "</div>")
    body.append(f"<footer>Data: {len(roles)} roles; sources dated {markup(span)}. Made {today.isoformat()} "
                f"with codingpath {markup(version)}. <details id=\"sources\"><summary>Sources</summary>"
                f"<ul>{sources}</ul></details> <code>codingpath role ID</code> shows any role's sources in full."
                "</footer>")
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{markup(title)}</title>\n<style>{page_css(print_pt)}</style>\n"
            "</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n")
