"""Shell completion: role ids, credential ids, tiers and tracks from the data (and an employer's)."""

from __future__ import annotations

import subprocess
import sys
from types import SimpleNamespace

import pytest
from conftest import EXAMPLES, run_installed

from codingpath.cli.completion import (
    complete_credential,
    complete_role,
    complete_tier,
    complete_track,
    data_entries,
)
from codingpath.models import TIERS, TRACKS

LADDER = EXAMPLES / "employer-ladder"
NO_PARAMS = SimpleNamespace(params={})


@pytest.fixture(autouse=True)
def _fresh_cache():
    data_entries.cache_clear()
    yield
    data_entries.cache_clear()


def values(choices) -> list[str]:
    return [value for value, _ in choices]


def test_every_role_and_credential_id_completes_with_its_title(bundled_data):
    assert set(values(complete_role(NO_PARAMS, ""))) == set(bundled_data.roles)
    assert set(values(complete_credential(NO_PARAMS, ""))) == set(bundled_data.credentials)
    assert dict(complete_role(NO_PARAMS, "coding-man")) == {"coding-manager": "Coding Manager"}
    assert values(complete_credential(NO_PARAMS, "cc")) == ["CCA", "CCC", "CCDS", "CCDS-O", "CCS", "CCS-P"]  # any case
    assert dict(complete_credential(NO_PARAMS, "rhia")) == {"RHIA": bundled_data.credentials["RHIA"].name}


def test_tiers_in_order_and_tracks_come_from_the_roles(bundled_data):
    assert values(complete_tier(NO_PARAMS, "")) == list(TIERS)
    entry = len(bundled_data.roles_in_tier("entry"))
    assert complete_tier(NO_PARAMS, "e") == [("entry", f"{entry} roles")]
    used = {t for r in bundled_data.roles.values() for t in r.tracks}
    assert set(values(complete_track(NO_PARAMS, ""))) == used and used <= set(TRACKS)
    assert values(complete_track(NO_PARAMS, "comp")) == ["compliance"]


def test_an_employer_overlay_adds_its_roles_from_data_or_the_environment(monkeypatch):
    from_option = values(complete_role(SimpleNamespace(params={"data": LADDER}), "coder-i"))
    assert from_option == ["coder-i", "coder-ii", "coder-iii"]
    assert values(complete_role(NO_PARAMS, "coder-i")) == ["coder-ii"]  # only the bundled one
    monkeypatch.setenv("CODINGPATH_DATA", str(LADDER))
    assert values(complete_role(NO_PARAMS, "coder-i")) == ["coder-i", "coder-ii", "coder-iii"]


def test_a_broken_overlay_completes_nothing_instead_of_failing(tmp_path):
    (tmp_path / "roles.yaml").write_text("roles: [ {id: x\n")
    assert complete_role(SimpleNamespace(params={"data": tmp_path}), "") == []


def test_completion_reads_the_data_without_importing_pydantic():
    code = ("import sys; from codingpath.cli.completion import complete_role;"
            "assert complete_role(None, 'coding-ma');"
            "print(sorted(m for m in ('pydantic', 'codingpath.catalog', 'codingpath.models') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "[]\n"


def complete_bash(words: str, **env: str):
    """What bash would offer after `words` (Typer's own completion protocol, as the shell calls it)."""
    parts = words.split(" ")
    return run_installed(env={"_CODINGPATH_COMPLETE": "complete_bash", "COMP_WORDS": words,
                              "COMP_CWORD": str(len(parts) - 1), **env})


def test_bash_completes_tiers_tracks_roles_and_credentials_through_the_installed_command():
    tiers = complete_bash("codingpath roles --tier ")
    assert tiers.returncode == 0 and tiers.stdout.split() == list(TIERS)
    assert complete_bash("codingpath graph --track aud").stdout.split() == ["audit"]
    assert complete_bash("codingpath init --target-role coding-d").stdout.split() == ["coding-director"]
    assert complete_bash("codingpath init -c CCS").stdout.split() == ["CCS", "CCS-P"]
    ladder = complete_bash(f"codingpath init --data {LADDER} --current-role coder-i")
    assert ladder.stdout.split() == ["coder-i", "coder-ii", "coder-iii"]


def test_zsh_gets_the_titles_as_descriptions():
    result = run_installed(env={"_CODINGPATH_COMPLETE": "complete_zsh",
                                "_TYPER_COMPLETE_ARGS": "codingpath init --target-role coding-dir"})
    assert result.returncode == 0
    assert '"coding-director":"Coding Director"' in result.stdout


def test_the_completion_script_is_offered_for_each_shell():
    for shell in ("bash", "zsh", "fish"):
        result = run_installed("--show-completion", shell)
        assert result.returncode == 0, result.stderr
        assert "_CODINGPATH_COMPLETE" in result.stdout


HOSTILE_OVERLAY = """\
roles:
  - {id: "zz-$(touch PWNED)", title: "Shell"}
  - {id: "zz-glob*", title: "Glob"}
  - {id: "zz-ok", title: "Ok\\e]0;TITLE\\a\\e[2J"}
credentials:
  - {id: "ZZ;rm", name: "Semicolon"}
  - {id: "ZZ-OK", name: "Fine"}
"""


def test_completion_offers_only_ids_that_match_the_id_grammar(tmp_path):
    (tmp_path / "roles.yaml").write_text(HOSTILE_OVERLAY)
    (tmp_path / "credentials.yaml").write_text(HOSTILE_OVERLAY)
    context = SimpleNamespace(params={"data": tmp_path})
    assert complete_role(context, "zz") == [("zz-ok", "Ok\\x1b]0;TITLE\\x07\\x1b[2J")]
    assert values(complete_credential(context, "ZZ")) == ["ZZ-OK"]


def test_hostile_completion_reaches_neither_the_shell_nor_the_terminal(tmp_path):
    (tmp_path / "roles.yaml").write_text(HOSTILE_OVERLAY)
    bash = complete_bash(f"codingpath init --data {tmp_path} --current-role zz", )
    assert bash.returncode == 0 and bash.stdout.split() == ["zz-ok"]
    zsh = run_installed(env={"_CODINGPATH_COMPLETE": "complete_zsh",
                             "_TYPER_COMPLETE_ARGS": f"codingpath init --data {tmp_path} --current-role zz"})
    assert "\x1b" not in zsh.stdout and "\x07" not in zsh.stdout and "PWNED" not in zsh.stdout
    assert not (tmp_path / "PWNED").exists()
