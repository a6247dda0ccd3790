"""The YAML reader: guards, positions, and one precise message per failure."""

from __future__ import annotations

from datetime import date

import pytest

from codingpath.errors import InputError
from codingpath.load import yamlio
from codingpath.load.yamlio import load_yaml, parse_yaml


def message(text: str) -> str:
    with pytest.raises(InputError) as info:
        parse_yaml(text, "p.yaml")
    return str(info.value)


def test_values_and_positions():
    doc = parse_yaml("name: Jane\ncredentials:\n  - id: CPC\n    earned: 2021-06-15\n  - CCA\n", "p.yaml")
    assert doc.data == {"name": "Jane", "credentials": [{"id": "CPC", "earned": date(2021, 6, 15)}, "CCA"]}
    assert doc.locate(("credentials", 0, "earned")) == (4, 13)
    assert doc.locate(("credentials", 1)) == (5, 5)
    assert doc.locate(("credentials", 0, "earned"), key=True) == (4, 5)
    # an unknown path falls back to its nearest located parent
    assert doc.locate(("credentials", 0, "nope")) == (3, 5)


def test_duplicate_keys_name_both_lines():
    assert message("name: a\nname: b\n") == "p.yaml:2:1: name: duplicate key 'name' (first at line 1)"


def test_every_duplicate_is_reported_at_once():
    text = message("a: 1\na: 2\nb: 1\nb: 2\n")
    assert "duplicate key 'a'" in text and "duplicate key 'b'" in text


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "p.yaml: is empty"),
        ("# only a comment\n\n", "p.yaml: is empty"),
        ("a:\n\t- b\n", "p.yaml:2:1: a tab in the indentation"),
        ("a: [1\n", "p.yaml:2:1: YAML syntax error"),
        ("a: !!python/object/apply:os.system ['ls']\n", "is not allowed"),
        ("---\na: 1\n---\nb: 2\n", "more than one YAML document"),
        ("a: *nope\n", "p.yaml:1:4: a: alias *nope refers to no anchor defined before it"),
        ("a: 2021-02-30\n", "p.yaml:1:4: a: '2021-02-30' is not a real date (day is out of range for month)"),
        ("a: b\x07c\n", "p.yaml:1:5: contains the control character U+0007, which YAML does not allow"),
        ("name: \u00e9\nb: \x07\n", "p.yaml:2:5: contains the control character U+0007"),
        ("a: 1\n<<: {b: 2}\n", "p.yaml:2:1: merge keys ('<<') are not supported; write the keys out"),
        ("---\n", "p.yaml:1:1: holds no data"),
        ("~\n", "p.yaml:1:1: holds no data"),
        ("note: Note: x\n", "p.yaml:1:11: YAML syntax error: mapping values are not allowed in this context; "
                            "a value that contains ': ' must be put in quotes"),
        ("a:\n  - b\n c: d\n", "p.yaml:3:2: YAML syntax error: did not find expected key (while parsing a "
                               "block mapping); check this line's indentation"),
    ],
)
def test_bad_yaml_messages(text: str, fragment: str):
    assert fragment in message(text)


@pytest.mark.parametrize("prefix", ["", "name: ", "a:\n  b: "])
def test_deep_flow_nesting_is_refused_by_the_projects_own_guard(prefix: str):
    """libyaml reads a run of '[' ahead of the first event; the guard must speak before it does."""
    text = message(prefix + "[" * 60_000)
    assert "nests deeper than 40 levels; refusing to read it" in text
    assert "YAML syntax error" not in text


@pytest.mark.parametrize("text", [
    "a: x" + "[" * 100 + "\n",                       # brackets inside a plain value are text
    "a: '" + "[" * 100 + "'\n",                      # ...and inside quotes
    "a: \"" + "{" * 100 + "\"\n",
    "# " + "[" * 100 + "\na: 1\n",                   # ...and in comments
    "a: [O'Brien, " + "[" * 30 + "]" * 30 + "]\n",   # an apostrophe inside a flow value is text
])
def test_brackets_that_do_not_nest_are_not_refused(text: str):
    parse_yaml(text, "p.yaml")


# A document per hint that makes PyYAML report exactly that problem. The hints match PyYAML's
# English wording; this runs against whichever PyYAML is installed (CI: newest and oldest allowed).
HINT_SAMPLES = {
    "mapping values are not allowed": "a: b: c\n",
    "did not find expected key": "a:\n  b: 1\n c: 2\n",
    "did not find expected '-' indicator": "key:\n  - 1\n  - 2\n  x: 3\n",
    "did not find expected ',' or ']'": "a: [1, 2\nb: 3\n",
    "did not find expected ',' or '}'": "a: {x: 1\nb: 3\n",
    "could not find expected ':'": "a: 1\nb\nc: 2\n",
    "found character that cannot start any token": "a: @x\n",
}


def test_every_hint_has_a_sample():
    assert set(HINT_SAMPLES) == set(yamlio._HINTS)


@pytest.mark.parametrize("problem", sorted(HINT_SAMPLES))
def test_pyyaml_still_words_each_problem_as_the_hints_expect(problem: str):
    text = message(HINT_SAMPLES[problem])
    assert f"YAML syntax error: {problem}" in text
    assert yamlio._HINTS[problem].split("{")[0].rstrip() in text


def test_deep_block_nesting_is_refused():
    assert "nests deeper than" in message("- " * 20_000 + "x\n")


def test_alias_bomb_is_refused():
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    assert "alias bomb" in message("\n".join(lines) + "\n")


def test_small_aliases_still_work():
    doc = parse_yaml("base: &b {level: associate}\neducation: *b\n", "p.yaml")
    assert doc.data["education"] == {"level": "associate"}


def test_files(tmp_path):
    missing = tmp_path / "missing.yaml"
    with pytest.raises(InputError, match="no such file"):
        load_yaml(missing)
    with pytest.raises(InputError, match="is a directory"):
        load_yaml(tmp_path)
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("name: Jos\xe9\n".encode("latin-1"))
    with pytest.raises(InputError, match=r"latin.yaml:1:10: is not valid UTF-8 \(byte 0xe9\)"):
        load_yaml(latin)
    big = tmp_path / "big.yaml"
    big.write_text("a: " + "x" * 1_100_000)
    with pytest.raises(InputError, match="larger than"):
        load_yaml(big)
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"a: 1\n\x00\x01")
    with pytest.raises(InputError, match="NUL byte"):
        load_yaml(binary)
    bom = tmp_path / "bom.yaml"
    bom.write_bytes("\ufeffname: Ana\n".encode())
    assert load_yaml(bom).data == {"name": "Ana"}
