"""scripts/screenshot-roadmap.sh: the page and the picture as Chromium draws them (the page's own
checks are in tests/render/)."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, installed_command

CODER = str(EXAMPLES / "experienced-coder.yaml")
SCRIPT = ROOT / "scripts" / "screenshot-roadmap.sh"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


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


def colour_count(rows: list[bytes], width: int, bpp: int, colour: tuple[int, int, int]) -> int:
    return sum(1 for row in rows for x in range(0, width * bpp, bpp) if tuple(row[x:x + 3]) == colour)


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
    inked = sum(1 for row in rows for x in range(0, width * bpp, bpp) if row[x:x + 3] != b"\xff\xff\xff")
    assert inked > 100_000, "the page rendered (almost) blank"
    assert colour_count(rows, width, bpp, (0x15, 0x70, 0x3A)) > 2_000, "the eligible bands are missing"
    assert colour_count(rows, width, bpp, (0x1D, 0x4E, 0xD8)) > 200, "the held band is missing"
    rightmost = max(x // bpp for row in rows for x in range(0, width * bpp, bpp) if row[x:x + 3] != b"\xff\xff\xff")
    assert rightmost < width - 16, "the lattice runs off the right edge of a 1400-pixel window"


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install -y chromium)")
def test_chromium_renders_the_svg_picture(tmp_path):
    out = tmp_path / "roadmap-svg.png"
    env = {**os.environ, "CODINGPATH": installed_command()[0], "CHROMIUM": CHROMIUM, "FORMAT": "svg",
           "WINDOW": "1200x600"}
    result = subprocess.run(["bash", str(SCRIPT), str(out), "--profile", CODER], capture_output=True, text=True,
                            env=env, timeout=180)
    assert result.returncode == 0, result.stderr
    width, height, rows, bpp = read_png(out)
    assert colour_count(rows, width, bpp, (0x15, 0x70, 0x3A)) > 500, "the eligible boxes are missing"
    assert colour_count(rows, width, bpp, (0xF3, 0xF4, 0xF6)) > 50_000, "the entry tier's band is missing"


def test_the_script_says_what_to_install_when_chromium_is_missing(tmp_path):
    env = {**os.environ, "CHROMIUM": "", "PATH": "/nonexistent", "CODINGPATH": installed_command()[0]}
    result = subprocess.run(["/bin/bash", str(SCRIPT), str(tmp_path / "x.png")], capture_output=True, text=True,
                            env=env, timeout=60)
    assert result.returncode == 2
    assert result.stderr == ("screenshot-roadmap.sh: no Chromium found; install it (Debian: apt-get install -y "
                             "chromium) or set CHROMIUM\n")
