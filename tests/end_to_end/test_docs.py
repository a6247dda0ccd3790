"""The documentation tells the truth: every example it shows is what the command prints now, every
command has a page that shows its current options, and the README stays a front page.

The examples are run by scripts/update-docs-output.py, which also rewrites them after a change
(`python scripts/update-docs-output.py`); these tests only compare.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
import typer
from conftest import ROOT

from codingpath.cli import app

README = ROOT / "README.md"
COMMAND_PAGES = ROOT / "docs" / "commands"
PAGES_NOT_COMMANDS = {"completion.md"}  # shell completion: options of `codingpath` itself
README_MAX_LINES = 360


def _load_script() -> Any:
    path = ROOT / "scripts" / "update-docs-output.py"
    spec = importlib.util.spec_from_file_location("update_docs_output", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


docs_output = _load_script()
TRANSCRIPTS = [t for path in docs_output.documentation_files() for t in docs_output.find_transcripts(path)]
RUNNABLE = [t for t in TRANSCRIPTS if t.run]


def registered_commands() -> list[str]:
    """Every command a user can run, groups spelled out: 'next', ..., 'data check'."""
    def walk(command: Any, prefix: str) -> list[str]:
        children = getattr(command, "commands", None)
        if children is None:
            return [prefix]
        return [name for key, child in children.items() for name in walk(child, f"{prefix} {key}".strip())]

    return walk(typer.main.get_command(app), "")


def page_of(command: str) -> Path:
    return COMMAND_PAGES / f"{command.replace(' ', '-')}.md"


@pytest.fixture(scope="module")
def printed() -> dict:
    """What every documented command prints, run once for all the comparisons below."""
    with tempfile.TemporaryDirectory() as base:
        return docs_output.run_all(RUNNABLE, docs_output.scratch_folder(Path(base)))


def test_the_documentation_has_transcripts_to_check():
    assert len(RUNNABLE) >= 30
    assert {t.path.name for t in RUNNABLE} >= {"README.md", "next.md", "plan.md", "team.md", "check.md"}


@pytest.mark.exact_output
@pytest.mark.parametrize("transcript", RUNNABLE, ids=[t.where for t in RUNNABLE])
def test_the_docs_show_what_the_command_prints(transcript, printed):
    for index, step in enumerate(transcript.steps):
        now = printed[transcript, index]
        assert now, f"{transcript.where}: `{step.command}` printed nothing; a transcript shows output"
        assert now == docs_output.shown_output(step), (
            f"{transcript.where} is out of date for `{step.command}`; run "
            f"`python scripts/update-docs-output.py {docs_output.shown_path(transcript.path)}` and review "
            f"the diff:\n{docs_output.diff(step, now)}")


def test_a_block_that_is_not_run_is_covered_by_a_test_of_its_own():
    tests = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "tests").rglob("*.py"))
    for transcript in (t for t in TRANSCRIPTS if not t.run):
        first = f"$ {transcript.steps[0].command}"
        assert first in tests.replace("\\n", "\n"), f"{transcript.where}: no test quotes {first!r}"


def test_the_comparison_catches_a_stale_page_and_the_script_rewrites_it(tmp_path, capsys):
    page = tmp_path / "page.md"
    page.write_text("Intro\n\n```\n$ codingpath --version\ncodingpath 0.0.0\n```\n\nAfter\n")
    assert docs_output.main(["--check", str(page)]) == 1
    assert "prints something else" in capsys.readouterr().out
    assert docs_output.main([str(page)]) == 0
    from codingpath import __version__

    assert page.read_text() == f"Intro\n\n```\n$ codingpath --version\ncodingpath {__version__}\n```\n\nAfter\n"
    assert docs_output.main(["--check", str(page)]) == 0


@pytest.mark.parametrize("command", registered_commands())
def test_every_command_has_a_page_that_shows_its_help(command):
    """The page's Options section is the command's --help, run and compared like every transcript, so
    the options reference is the help itself and a new or changed option fails until the page shows it."""
    page = page_of(command)
    assert page.exists(), f"`codingpath {command}` has no page: write {page.relative_to(ROOT)}"
    text = page.read_text(encoding="utf-8")
    assert text.startswith(f"# `codingpath {command}`\n"), f"{page.name} must start with its command as title"
    options = text.split("\n## Options\n", 1)
    assert len(options) == 2, f"{page.name} has no '## Options' section"
    helps = [t for t in RUNNABLE if t.path == page and t.steps[0].command == f"codingpath {command} --help"]
    assert helps and f"$ codingpath {command} --help" in options[1], (
        f"{page.name}'s Options section must hold the transcript `$ codingpath {command} --help`")


def test_every_command_page_is_for_a_registered_command():
    pages = {path.name for path in COMMAND_PAGES.glob("*.md")} - PAGES_NOT_COMMANDS
    assert pages == {page_of(command).name for command in registered_commands()}


def test_the_readme_and_the_index_link_every_command_page():
    readme, index = README.read_text(encoding="utf-8"), (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    for command in registered_commands():
        page = page_of(command).relative_to(ROOT).as_posix()
        assert f"](docs/{page.removeprefix('docs/')})" in readme, f"README's command table lacks {page}"
        assert f"]({page.removeprefix('docs/')})" in index, f"docs/index.md lacks {page}"


def test_the_readme_is_a_front_page_with_the_quick_start_first():
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) < README_MAX_LINES, f"README.md has {len(lines)} lines; move detail to docs/"
    sections = [line for line in lines if line.startswith("## ")]
    assert sections[0] == "## Quick start"
    start = lines.index("## Quick start")
    opening = next(i for i in range(start, len(lines)) if lines[i].startswith("```"))
    closing = next(i for i in range(opening + 1, len(lines)) if lines[i].startswith("```"))
    commands = [line for line in lines[opening + 1:closing] if line.strip() and not line.lstrip().startswith("#")]
    assert len(commands) == 2, "the Quick start block holds exactly two commands (CI and tools run them)"
    assert "codingpath next --profile examples/" in commands[0]
    assert "pytest" in commands[1]
    assert "never \"will be hired or promoted\"" in README.read_text(encoding="utf-8")


def _anchor(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


@pytest.mark.parametrize("path", docs_output.documentation_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_link_between_pages_leads_somewhere(path):
    text = path.read_text(encoding="utf-8")
    prose = re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)
    for target in re.findall(r"\]\(([^)\s]+)\)", prose):
        if re.match(r"[a-z]+:", target):
            continue
        file, _, anchor = target.partition("#")
        linked = (path.parent / file).resolve() if file else path
        assert linked.exists(), f"{path.name}: link to {target} leads nowhere"
        if anchor and linked.suffix == ".md":
            headings = re.findall(r"^#+ (.+)$", linked.read_text(encoding="utf-8"), re.M)
            assert anchor in {_anchor(h) for h in headings}, f"{path.name}: no heading for #{anchor} in {file}"


@pytest.mark.parametrize("path", [p for p in docs_output.documentation_files() if "```mermaid" in p.read_text()],
                         ids=lambda p: p.relative_to(ROOT).as_posix())
def test_a_drawn_diagram_is_output_shown_on_the_same_page(path, printed):
    """A ```mermaid block (what GitHub draws) repeats lines a transcript on its page prints."""
    text = path.read_text(encoding="utf-8")
    output = {line for t in RUNNABLE if t.path == path for i in range(len(t.steps)) for line in printed[t, i]}
    for block in re.findall(r"^```mermaid\n(.*?)^```", text, re.M | re.S):
        missing = [line for line in block.splitlines() if line not in output]
        assert not missing, f"{path.name}: the diagram has lines no command on the page prints: {missing}"


def test_the_planning_internals_example_prints_what_the_page_shows(monkeypatch):
    """docs/planning-internals.md shows a search from the inside: its Python, then what it prints."""
    import contextlib
    import io
    import re

    text = (ROOT / "docs" / "planning-internals.md").read_text(encoding="utf-8")
    code, shown = re.search(r"```python\n(.*?)```\n\nprints\n\n```\n(.*?)```", text, re.S).groups()
    monkeypatch.chdir(ROOT)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "planning-internals.md", "exec"), {})  # noqa: S102 - the page's own example
    assert out.getvalue() == shown
