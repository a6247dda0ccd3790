"""Headless Chromium for the page and picture tests: the DOM's boxes, print-to-PDF, and the skip
message that says how to install it."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install -y chromium; CI installs it)")
QUIET = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Injected by the test only (the page itself has no script): each card's box and the page's widths,
# written into the DOM, which --dump-dom then prints.
MEASURE = """<script>
const cards = [...document.querySelectorAll('.card')].map(card => {
  const r = card.getBoundingClientRect();
  const word = card.querySelector('.word');
  const step = card.querySelector(':scope > .step');
  return {role: card.dataset.role, left: r.left, top: r.top, right: r.right, bottom: r.bottom,
          visible: getComputedStyle(card).visibility === 'visible' && r.width > 0 && r.height > 0,
          word: word ? word.textContent : null, step: step ? step.textContent : null,
          status: card.querySelector('.status') ? card.querySelector('.status').textContent : null};
});
const root = document.documentElement;
const out = document.createElement('pre');
out.id = 'measured';
out.textContent = JSON.stringify({cards, scrollWidth: root.scrollWidth, clientWidth: root.clientWidth});
document.body.appendChild(out);
</script>"""


def _run(args: list[str], tmp: Path) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run([CHROMIUM, *QUIET, f"--user-data-dir={tmp / 'browser-profile'}", *args],
                          capture_output=True, text=True, timeout=180)


def measure(page: str, tmp: Path, width: int = 1280) -> dict:
    """Lay `page` out in a window `width` pixels wide; the cards' boxes and the page's widths."""
    path = tmp / "measured.html"
    path.write_text(page.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    result = _run([f"--window-size={width},900", "--dump-dom", path.as_uri()], tmp)
    found = re.search(r'<pre id="measured">(.*?)</pre>', result.stdout, re.S)
    assert found, result.stderr[-2000:]
    return json.loads(html.unescape(found[1]))


def pdf_pages(page: str, tmp: Path) -> int:
    """How many pages Chromium prints `page` on (its default sheet, US Letter, with the page's @page)."""
    path, pdf = tmp / "printed.html", tmp / "printed.pdf"
    path.write_text(page, encoding="utf-8")
    _run(["--no-pdf-header-footer", f"--print-to-pdf={pdf}", path.as_uri()], tmp)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    # Page objects, not the /Pages tree: Chromium writes its objects uncompressed.
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
