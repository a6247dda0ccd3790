"""Tests mirror the source, and every module has tests of its own (issue 12).

A module counts as tested when some file under tests/ imports it by its dotted
name (`import codingpath.x.y`, `from codingpath.x.y import ...`, `from codingpath.x import y`) or
names it in a string, as `runpy.run_module("codingpath.__main__")` does. Reading imports with
`ast`, not running the tests, keeps the check exact and fast: a module reached only through another
(a command's view module through the command) does not count. A package `__init__.py` that holds
nothing but a docstring is not a module to test.

`UNTESTED` lists the modules still without tests of their own. It may only shrink: a module that
gains a test must leave the list, and a new module must come with its test.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "src" / "codingpath"
TESTS = ROOT / "tests"
# The folder of tests for each part of the package; the top modules' tests are in tests/core/.
PARTS = {"cli", "load", "match", "planning", "render", "team"}
TEST_FOLDERS = {*PARTS, "core", "end_to_end"}

UNTESTED: set[str] = set()  # every module has tests of its own; keep it that way


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def holds_code(path: Path) -> bool:
    """Anything beyond a docstring, `from __future__` and `__all__`."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            continue
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            continue
        if isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == ["__all__"]:
            continue
        return True
    return False


def source_modules() -> set[str]:
    return {module_name(path) for path in PACKAGE.rglob("*.py") if holds_code(path)}


def named_by(tree: ast.AST) -> set[str]:
    """Every dotted name a test file imports or writes as a string."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith("codingpath."):
            names.add(node.value)
    return names


def modules_named_by_tests() -> set[str]:
    """What the test files and their helpers (tests/planning/small_world.py, ...) name; not the
    fixtures of conftest.py, and not this file, whose list names the modules without tests."""
    names: set[str] = set()
    for path in TESTS.rglob("*.py"):
        if path.name != "conftest.py" and path.resolve() != Path(__file__).resolve():
            names |= named_by(ast.parse(path.read_text(encoding="utf-8")))
    return names


def test_the_check_reads_imports_and_module_strings():
    tree = ast.parse("import codingpath.a.b\nfrom codingpath.c import d, e\nfrom . import f\n"
                     "runpy.run_module('codingpath.__main__')\nx = 'codingpath is a name'\n")
    assert named_by(tree) == {"codingpath.a.b", "codingpath.c", "codingpath.c.d", "codingpath.c.e",
                              "codingpath.__main__"}


def test_a_docstring_only_package_holds_no_code(tmp_path: Path):
    empty = tmp_path / "__init__.py"
    empty.write_text('"""A package."""\n\nfrom __future__ import annotations\n\n__all__ = []\n')
    assert not holds_code(empty)
    empty.write_text('"""A package."""\n\nfrom .x import y\n')
    assert holds_code(empty)


def test_the_untested_list_names_real_modules():
    assert UNTESTED <= source_modules(), sorted(UNTESTED - source_modules())


def test_every_module_has_tests_of_its_own():
    missing = sorted(source_modules() - modules_named_by_tests() - UNTESTED)
    assert not missing, f"no test file imports these modules; write tests/<part>/test_<module>.py: {missing}"


def test_a_module_that_gained_tests_leaves_the_untested_list():
    stale = sorted(UNTESTED & modules_named_by_tests())
    assert not stale, f"these modules have tests now; remove them from UNTESTED: {stale}"


def test_tests_live_in_the_folder_of_the_part_they_test():
    folders = {path.parent.relative_to(TESTS).as_posix() for path in TESTS.rglob("test_*.py")}
    # tests/test_views_fit.py may stay at the top until work in progress on it is done; no other file may.
    assert folders <= {".", *TEST_FOLDERS}, sorted(folders - {".", *TEST_FOLDERS})
    assert {p.name for p in TESTS.glob("test_*.py")} <= {"test_views_fit.py"}
    parts = {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").is_file()} - {"models"}
    assert parts == PARTS, "a new part of the package needs a tests/ folder of its own"


def test_no_two_test_files_share_a_name():
    # Test folders are not packages: pytest imports each test file by its bare name.
    names = [path.name for path in TESTS.rglob("test_*.py")]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
