"""roadmap --format html|svg: well-formed pages that hold every role, checked by rendering in Chromium."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, installed_command
from typer.testing import CliRunner

from codingpath.cli import app

runner = CliRunner()
CODER = str(EXAMPLES / "experienced-coder.yaml")
SCRIPT = ROOT / "scripts" / "screenshot-roadmap.sh"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
VOID = {"meta", "br", "img", "link", "hr", "input"}


class Page(HTMLParser):
    """Checks that tags nest and close; collects the title and the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []
        self.title = ""

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "title":
            self.title += data
        self.text.append(data)


def roadmap(fmt: str, *args: str) -> str:
    result = runner.invoke(app, ["roadmap", "--format", fmt, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def assert_every_role_is_a_row(text: str, catalog) -> None:
    lines = [" ".join(line.split()) for line in text.replace("\xa0", " ").splitlines()]
    rows = [line for line in lines if line.split(" ")[:1] and line.split(" ")[0] in {"entry", "mid", "advanced", "master"}]
    assert len(rows) == len(catalog.roles)
    flat = "\n".join(lines)
    for role in catalog.roles.values():
        # A long title may wrap inside its cell; each of its words is still there.
        assert role.title in flat or all(word in flat for word in role.title.split()), role.title


def test_the_html_page_is_well_formed_titled_and_holds_every_role(bundled_data):
    page = Page()
    page.feed(roadmap("html", "--profile", CODER))
    page.close()
    assert page.errors == [] and page.stack == []
    assert page.title == "Medical coding and HIM career roadmap for Jane Doe"
    text = "".join(page.text)
    assert_every_role_is_a_row(text, bundled_data)
    assert "held" in text and "eligible" in text and "not a promise of a job" in text


def test_the_html_page_prints_landscape_and_escapes_the_name(tmp_path):
    profile = tmp_path / "p.yaml"
    profile.write_text('name: "Jo <b>&{x}"\neducation: high-school\n')
    html = roadmap("html", "--profile", str(profile))
    assert "<title>Medical coding and HIM career roadmap for Jo &lt;b&gt;&amp;{x}</title>" in html
    assert "@page { size: landscape;" in html
    assert "<b>&" not in html


def test_the_svg_is_well_formed_self_contained_and_holds_every_role(bundled_data):
    svg = roadmap("svg", "--profile", CODER)
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert 'url("http' not in svg  # no web fonts to fetch: a shared picture fetches nothing
    # rich places each run of text at its own x and leaves the blanks between cells out: put the
    # runs back on a grid of character cells to read the lines.
    runs = [(float(e.get("y")), float(e.get("x", 0)), "".join(e.itertext()), float(e.get("textLength", 0)))
            for e in root.iter("{http://www.w3.org/2000/svg}text") if e.get("y") and e.get("textLength")]
    cell = next(length / len(text) for _, _, text, length in runs if text)
    grid: dict[float, dict[int, str]] = {}
    for y, x, text, _ in runs:
        for i, char in enumerate(text):
            grid.setdefault(y, {})[round(x / cell) + i] = char
    lines = ["".join(row.get(i, " ") for i in range(max(row) + 1)) for _, row in sorted(grid.items())]
    assert_every_role_is_a_row("\n".join(lines), bundled_data)


# -- rendering --------------------------------------------------------------------------------------

def read_png(path: Path) -> tuple[int, int, list[bytes], int]:
    """Width, height, unfiltered rows and bytes per pixel of an 8-bit RGB(A) PNG (what Chromium writes)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        (length,), kind = struct.unpack(">I", data[pos:pos + 4]), data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0
    bpp = 4 if colour == 6 else 3
    raw, stride, rows, previous = zlib.decompress(idat), width * bpp, [], bytes(width * bpp)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = previous[i], previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, rows, bpp


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install -y chromium)")
def test_chromium_renders_the_page_with_colour_and_nothing_cut_off(tmp_path):
    out = tmp_path / "roadmap.png"
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}  # a shared page keeps its colours
    env |= {"CODINGPATH": installed_command()[0], "CHROMIUM": CHROMIUM, "WINDOW": "1400x1000"}
    result = subprocess.run(["bash", str(SCRIPT), str(out), "--profile", CODER], capture_output=True, text=True,
                            env=env, timeout=180)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wrote {out} (1400x1000, roadmap --format html --profile {CODER})\n"
    width, height, rows, bpp = read_png(out)
    assert (width, height) == (1400, 1000)
    inked, green, rightmost = 0, 0, 0
    for row in rows:
        for x in range(0, width * bpp, bpp):
            r, g, b = row[x], row[x + 1], row[x + 2]
            if (r, g, b) != (255, 255, 255):
                inked += 1
                rightmost = max(rightmost, x // bpp)
                green += g > 100 and r < 60 and b < 60  # the "eligible" rows (#008000)
    assert inked > 20_000, "the page rendered (almost) blank"
    assert green > 2_000, "the status colours are missing"
    assert rightmost < width - 40, "the table runs off the right edge of a 1400-pixel window"


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install -y chromium)")
def test_chromium_renders_the_svg_picture(tmp_path):
    out = tmp_path / "roadmap-svg.png"
    env = {**os.environ, "CODINGPATH": installed_command()[0], "CHROMIUM": CHROMIUM, "FORMAT": "svg",
           "WINDOW": "800x600"}
    result = subprocess.run(["bash", str(SCRIPT), str(out)], capture_output=True, text=True, env=env, timeout=180)
    assert result.returncode == 0, result.stderr
    width, height, rows, bpp = read_png(out)
    dark = sum(1 for row in rows[100:500] for x in range(0, width * bpp, bpp) if max(row[x:x + 3]) < 60)
    assert dark > 100_000  # rich draws the picture as a dark terminal window


def test_the_script_says_what_to_install_when_chromium_is_missing(tmp_path):
    env = {**os.environ, "CHROMIUM": "", "PATH": "/nonexistent", "CODINGPATH": installed_command()[0]}
    result = subprocess.run(["/bin/bash", str(SCRIPT), str(tmp_path / "x.png")], capture_output=True, text=True,
                            env=env, timeout=60)
    assert result.returncode == 2
    assert result.stderr == ("screenshot-roadmap.sh: no Chromium found; install it (Debian: apt-get install -y "
                             "chromium) or set CHROMIUM\n")
