"""`codingpath.render.lattice_css`: the lattice page's style sheet and the print type size that
keeps the page on one landscape sheet."""

from __future__ import annotations

from codingpath.render.lattice_css import page_css, print_font_pt
from codingpath.render.map_style import PALETTE


def test_the_print_size_shrinks_as_the_lattice_grows():
    sizes = [print_font_pt(lines, 0) for lines in (20, 40, 60, 80)]
    assert sizes == sorted(sizes, reverse=True)
    assert print_font_pt(40, 5) < print_font_pt(40, 0)  # route lines take room too


def test_the_print_size_stays_between_three_and_a_half_and_seven_points():
    assert print_font_pt(0, 0) == 7.0
    assert print_font_pt(10_000, 50) == 3.5
    assert 3.5 <= print_font_pt(55, 3) <= 7.0


def test_the_print_size_is_rounded_to_hundredths():
    size = print_font_pt(47, 2)
    assert round(size, 2) == size


def test_the_style_sheet_carries_the_print_size_and_every_status():
    css = page_css(4.25)
    assert "font-size: 4.25pt" in css and "@PRINT@" not in css
    assert "@page { size: landscape" in css
    for status, style in PALETTE.items():
        assert f".st-{status} {{ background: {style.tint};" in css
        assert f".key-{status} {{" in css


def test_a_whole_number_size_is_written_without_decimals():
    assert "font-size: 5pt;" in page_css(5.0)
