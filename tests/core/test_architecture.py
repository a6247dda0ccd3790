"""The shape of the package, checked from its source: no import cycle (lazy imports count; only
`if TYPE_CHECKING:` blocks do not), no module over 400 lines, no function over 60, and a core that
never imports the user interface (typer, rich, click). tests/cli/test_startup.py checks the last at run
time as well."""

from __future__ import annotations

import ast
import graphlib
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest
from conftest import ROOT

PACKAGE = ROOT / "src" / "codingpath"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
UI = ("typer", "rich", "click")
UI_PARTS = ("cli", "render")  # the only parts of codingpath that may import the UI


class Module(NamedTuple):
    """A module of the package: its dotted name, its file and whether it is a package's __init__."""

    name: str
    path: Path
    is_package: bool

    @property
    def tree(self) -> ast.Module:
        return ast.parse(self.path.read_text(encoding="utf-8"), str(self.path))


def modules() -> list[Module]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        is_package = parts[-1] == "__init__"
        found.append(Module(".".join(parts[:-1] if is_package else parts), path, is_package))
    return found


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def import_nodes(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement, at any depth (inside functions too), outside `if TYPE_CHECKING:`."""
    for node in ast.iter_child_nodes(tree):
        if _is_type_checking(node):
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        else:
            yield from import_nodes(node)


def imported_names(module: Module, known: set[str]) -> Iterator[str]:
    """The dotted modules a module imports: `from .x import y` gives `pkg.x.y` when that is one of
    the `known` modules (a submodule, not a name from `pkg.x`'s own code), else `pkg.x`."""
    for node in import_nodes(module.tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
            continue
        base = node.module or ""
        if node.level:
            anchor = module.name.split(".")
            if not module.is_package:
                anchor = anchor[:-1]
            anchor = anchor[:len(anchor) - (node.level - 1)]
            base = ".".join([*anchor, *([base] if base else [])])
        for alias in node.names:
            submodule = f"{base}.{alias.name}"
            yield submodule if submodule in known else base


def import_graph() -> dict[str, set[str]]:
    """Each module's imports of other codingpath modules."""
    names = {m.name for m in modules()}
    return {m.name: {n for n in imported_names(m, names) if n in names and n != m.name} for m in modules()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle graphlib finds, one at a time, breaking each before looking again."""
    graph = {name: set(deps) for name, deps in graph.items()}
    found = []
    while True:
        try:
            graphlib.TopologicalSorter(graph).prepare()
        except graphlib.CycleError as exc:
            cycle = exc.args[1]
            found.append(cycle)
            graph[cycle[1]].discard(cycle[0])  # the sorter reports [a, b, ..., a]: b depends on a
        else:
            return found


def test_the_import_graph_is_read_from_real_imports():
    graph = import_graph()
    assert "codingpath.models" in graph["codingpath.engine"]
    assert "codingpath.load.cache" in graph["codingpath.load.data"]
    assert "codingpath.load.crosscheck" in graph["codingpath.load.data"]  # a lazy import counts
    assert "codingpath.load.data" not in graph["codingpath.load.crosscheck"]  # for type hints only


def test_cycles_are_found():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "c", "b", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle():
    assert cycles(import_graph()) == []


def test_no_module_over_400_lines():
    sizes = {m.name: len(m.path.read_text(encoding="utf-8").splitlines()) for m in modules()}
    long = {name: n for name, n in sizes.items() if n > MAX_MODULE_LINES}
    assert long == {}


def long_functions(tree: ast.AST) -> Iterator[tuple[str, int]]:
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            length = (node.end_lineno or node.lineno) - first + 1
            if length > MAX_FUNCTION_LINES:
                yield node.name, length


def test_no_function_over_60_lines():
    long = {f"{m.name}.{name}": n for m in modules() for name, n in long_functions(m.tree)}
    assert long == {}


@pytest.mark.parametrize("module", [m for m in modules() if m.name.split(".")[1:2] not in ([p] for p in UI_PARTS)],
                         ids=lambda m: m.name)
def test_the_core_never_imports_the_user_interface(module):
    ui = sorted({n for n in imported_names(module, {m.name for m in modules()}) if n.split(".")[0] in UI})
    assert ui == []
