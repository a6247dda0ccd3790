"""The lattice page's style sheet: screen, and one landscape sheet in print.

On paper the page must fit one landscape sheet of either US Letter (279 x 216 mm) or A4
(297 x 210 mm): the box both share, 279 x 210 mm, less the margins. The type in print is sized
from the number of card rows the lattice has (`print_font_pt`), so an employer's longer ladder gets
smaller type rather than a second page; cards never split across pages.
"""

from __future__ import annotations

from .map_style import PALETTE

__all__ = ["page_css", "print_font_pt"]

FIXED_LINES = 12  # the title, legend, tier names, notes and foot, in lines of card text
LINE_HEIGHT = 1.2  # em
FILL = 0.80  # of the sheet the estimate may fill: an estimate, and Chromium releases lay the same page
# out a few percent taller or shorter (measured in Chromium, see tests)


def print_font_pt(lattice_lines: float, route_lines: int) -> float:
    """Base type size in print, from the lattice's estimated height in lines of card text: about 5 pt
    for the bundled map, smaller for a taller one (never under 3.5 pt), never over 7 pt."""
    page_mm = 210 - 2 * 6  # an A4 sheet's height, landscape, less the margins
    lines = lattice_lines + FIXED_LINES + route_lines
    size_mm = page_mm / (lines * LINE_HEIGHT) * FILL
    return round(max(3.5, min(7.0, size_mm / 0.3528)), 2)


_STATUS_RULES = "\n".join(
    f".st-{status} {{ background: {style.tint}; border: 2px {style.border} {style.band}; }}\n"
    f""
    f".st-{status} .status {{ background: {style.band}; }}\n"
    f".key-{status} {{ background: {style.tint}; border: 2px {style.border} {style.band}; }}"
    for status, style in PALETTE.items()
)

_CSS = """
:root { --track-column: minmax(5.5em, 0.8fr); --ink: #1f2937; --muted: #4b5563; --line: #d1d5db;
  --head: #111827; --step: #1e3a8a; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; padding: 20px 24px; font: 12px/1.2 "Helvetica Neue", Helvetica, Arial, "DejaVu Sans",
  sans-serif; color: var(--ink); background: #fff; }
header { display: flex; flex-wrap: wrap; gap: 4px 24px; align-items: flex-end; justify-content: space-between;
  border-bottom: 3px solid var(--head); padding-bottom: 6px; margin-bottom: 8px; }
h1 { font-size: 1.9em; margin: 0; color: var(--head); letter-spacing: -0.01em; }
h1 .who { font-weight: 400; }
.lede { margin: 2px 0 0; color: var(--muted); max-width: 62em; }
.legend { display: flex; flex-wrap: wrap; gap: 3px 12px; margin: 0; padding: 0; list-style: none; font-size: 0.92em; }
.legend li { display: flex; align-items: center; gap: 4px; }
.legend .key { display: inline-block; width: 1.5em; height: 1.05em; border-radius: 3px; }
.legend .key.plain { background: #fff; border: 1px solid #6b7280; }
.route { margin: 0 0 8px; padding: 6px 10px; border: 2px solid var(--step); border-radius: 6px; background: #f5f7ff; }
.route h2 { font-size: 1.08em; margin: 0 0 3px; color: var(--step); }
.route ol { display: flex; flex-wrap: wrap; gap: 2px 6px; margin: 0; padding: 0; list-style: none; }
.route li { display: flex; gap: 5px; align-items: baseline; max-width: 100%; }
.route li + li::before { content: "\\2192"; color: var(--step); font-weight: 700; margin-right: 2px; }
.route .detail { color: var(--muted); }
.route p { margin: 3px 0 0; }
.step { display: inline-flex; align-items: center; justify-content: center; min-width: 1.55em; height: 1.55em;
  padding: 0 0.3em; border-radius: 1em; background: var(--step); color: #fff; font-weight: 700; font-size: 0.95em; }
.lattice { display: grid; grid-template-columns: var(--columns); gap: 0; border: 1px solid var(--line);
  border-radius: 6px; overflow: hidden; }
.tier-head { background: var(--head); color: #fff; padding: 5px 8px; font-weight: 700; letter-spacing: 0.08em;
  text-transform: uppercase; font-size: 0.95em; }
.tier-head small { display: block; font-weight: 400; letter-spacing: 0; text-transform: none; opacity: 0.9; }
.corner { background: var(--head); }
.track { padding: 6px 8px; min-width: 0; font-weight: 700; color: var(--head); border-top: 1px solid var(--line);
  background: #eef0f3; }
.track .short { display: none; }
.cell { display: grid; grid-template-columns: repeat(var(--across), minmax(0, 1fr)); align-content: start; gap: 5px;
  padding: 5px; border-top: 1px solid var(--line); border-left: 1px solid var(--line); min-width: 0; }
.band-1 .cell { background: #fafafa; }
.card { position: relative; min-width: 0; border: 1px solid #6b7280; border-radius: 5px; background: #fff;
  padding: 4px 5px 5px; break-inside: avoid; page-break-inside: avoid; overflow-wrap: anywhere; }
.card h3 { font-size: 1.02em; margin: 0; line-height: 1.15; color: var(--head); }
.card.on-route h3, .card.on-route .status { padding-right: 1.6em; }
.card.on-route { box-shadow: 0 0 0 2px #fff, 0 0 0 4px var(--step); }
.card .star { color: #9a3412; font-weight: 700; }
.card .cred { margin: 2px 0 0; font-weight: 600; color: #111827; }
.card .exp { margin: 1px 0 0; }
.card .status { margin: -4px -5px 3px; }
.card .status { display: block; padding: 1px 5px; font-size: 0.85em; border-radius: 3px 3px 0 0; color: #fff; }
.card .word { font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; }
.card > .step { position: absolute; top: -0.45em; right: -0.45em; box-shadow: 0 0 0 2px #fff; }
.card.current { box-shadow: 0 0 0 2px #fff, 0 0 0 4px #1d4ed8; }
.st-target { border-width: 4px !important; }
.notes { margin: 8px 0 0; color: var(--muted); font-size: 0.95em; }
.notes p { margin: 2px 0; }
footer { margin-top: 6px; padding-top: 5px; border-top: 1px solid var(--line); color: var(--muted); font-size: 0.92em; }
footer details { display: inline; }
footer summary { display: inline; cursor: pointer; text-decoration: underline; }
footer ul { columns: 2; margin: 4px 0; padding-left: 1.2em; }
a { color: #1d4ed8; }
/* screen only: in print, Chromium evaluates widths against a portrait sheet before turning it */
@media screen and (max-width: 900px) { .cell { grid-template-columns: minmax(0, 1fr); } }
@page { size: landscape; margin: 6mm; }
@media print {
  :root { --track-column: 1.9em; }
  body { padding: 0; font-size: @PRINT@pt; width: 267mm; }
  .track { writing-mode: vertical-rl; transform: rotate(180deg); padding: 4px 2px; text-align: right; }
  .track .long { display: none; }
  .track .short { display: inline; }
  header { padding-bottom: 2px; margin-bottom: 3px; border-bottom-width: 2px; }
  .route { margin-bottom: 3px; padding: 2px 6px; }
  .cell { gap: 2px; padding: 2px; }
  .card { padding: 2px 3px 3px; }
  .card .status { margin: -2px -3px 2px; }
  .card.on-route { box-shadow: 0 0 0 1.5px var(--step); }
  .card.current { box-shadow: 0 0 0 1.5px #1d4ed8; }
  .notes { margin-top: 3px; }
  footer { margin-top: 2px; padding-top: 2px; }
  footer ul { display: none; }
  a { color: inherit; text-decoration: none; }
}
"""


def page_css(print_pt: float) -> str:
    """The whole style sheet, with the print type size."""
    return _CSS.replace("@PRINT@", f"{print_pt:g}") + _STATUS_RULES + "\n"
