#!/usr/bin/env python3
"""Check that Mermaid itself parses and draws `codingpath graph --format mermaid` in headless Chromium.

Needs Chromium (Debian: apt-get install -y chromium) and a mermaid.min.js (npm package `mermaid`,
dist/), so it is a script to run by hand rather than a test that would be skipped everywhere else:

    python scripts/check-mermaid.py path/to/mermaid.min.js
"""

import html
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from codingpath.engine import roadmap_statuses
from codingpath.load.data import load_catalog
from codingpath.load.profiles import load_profile
from codingpath.render.graph import graph_text

ROOT = Path(__file__).resolve().parent.parent


def main(mermaid_js: str) -> int:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("Chromium is not installed (Debian: apt-get install -y chromium)", file=sys.stderr)
        return 2
    catalog = load_catalog()
    today = date.today()
    person = load_profile(str(ROOT / "examples" / "experienced-coder.yaml"), catalog, today).profile
    statuses = roadmap_statuses(person, catalog, today)
    source = graph_text(catalog, "mermaid", statuses)
    with tempfile.TemporaryDirectory() as work:
        tmp_path = Path(work)
        shutil.copy(mermaid_js, tmp_path / "mermaid.min.js")
        (tmp_path / "page.html").write_text(
            '<!DOCTYPE html><html><head><meta charset="utf-8"><script src="mermaid.min.js"></script></head><body>'
            f'<pre class="mermaid">{html.escape(source)}</pre><script>mermaid.initialize({{startOnLoad: false}});'
            "mermaid.parse(document.querySelector('.mermaid').textContent).then(() => mermaid.run())"
            ".then(() => { document.title = 'DRAWN'; }).catch(e => { document.title = 'ERROR ' + e.message; });"
            "</script></body></html>")
        result = subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'browser'}", "--virtual-time-budget=10000", "--dump-dom",
             (tmp_path / "page.html").as_uri()], capture_output=True, text=True, timeout=180)
    if "<title>DRAWN</title>" not in result.stdout:
        print("Mermaid did not draw the graph:", result.stdout[:500], file=sys.stderr)
        return 1
    drawn = re.findall(r'class="node default (held|eligible|gap)"', result.stdout)
    expected = sorted(r.status for r in statuses.values())
    if sorted(drawn) != expected:
        print(f"drew {len(drawn)} coloured nodes, expected {len(expected)}", file=sys.stderr)
        return 1
    print(f"Mermaid drew all {len(drawn)} roles with their colours.")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
