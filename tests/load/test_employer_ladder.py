"""An employer's ladder (examples/employer-ladder) loaded over the bundled data with --data or
CODINGPATH_DATA: same id replaces the whole entry, new ids are added, every command sees it."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import EXAMPLES, TODAY, run_installed
from typer.testing import CliRunner

from codingpath.cli import app
from codingpath.engine import evaluate_role, standing_of
from codingpath.load.data import load_catalog
from codingpath.load.profiles import load_profile

runner = CliRunner()
LADDER = EXAMPLES / "employer-ladder"
ARI = str(LADDER / "profile.yaml")
POLICY = "https://intranet.example-health.org/hr/policies/coding-career-ladder"


@pytest.fixture(scope="module")
def ladder():
    return load_catalog(LADDER, use_env=False)


def test_new_ids_are_added_and_the_same_id_replaces_the_whole_entry(ladder, bundled_data):
    assert set(ladder.roles) == set(bundled_data.roles) | {"coder-i", "coder-iii"}
    assert set(ladder.credentials) == set(bundled_data.credentials)  # the same credentials, by id
    bundled, employer = bundled_data.roles["coder-ii"], ladder.roles["coder-ii"]
    assert bundled.requirements.experience[0].years == 3 and employer.requirements.experience[0].years == 2
    # Whole: nothing of the bundled entry is left over (its sources, leads_to, aliases).
    assert [s.url for s in employer.requirements.sources] == [POLICY]
    assert employer.leads_to == ("coder-iii", "coding-auditor")
    assert employer.aliases == ("Coder 2", "Coder Level II")
    # Bundled roles that lead to coder-ii now lead to the employer's.
    assert "coder-ii" in ladder.roles["medical-coder"].leads_to


def test_every_employer_requirement_is_sourced_as_its_own_policy(ladder):
    for rid in ("coder-i", "coder-ii", "coder-iii"):
        req = ladder.roles[rid].requirements
        assert req.confidence == "confirmed" and [s.url for s in req.sources] == [POLICY]
        assert "Example Health's own policy" in req.note
        assert all(c in ladder.credentials for group in req.credentials for c in group)


def test_the_ladder_is_climbed_in_order(ladder):
    assert ladder.roles["coder-i"].leads_to == ("coder-ii",)
    assert "coder-iii" in ladder.roles["coder-ii"].leads_to
    assert [r.id for r in ladder.leads_from("coder-iii")] == ["coder-ii"]
    assert [ladder.roles[r].title for r in ("coder-i", "coder-ii", "coder-iii")] == ["Coder I", "Coder II", "Coder III"]
    assert ladder.role_id("Coder Level III") == "coder-iii" and ladder.role_id("coder 1") == "coder-i"


def test_the_example_profile_is_short_of_coder_iii_only_in_time_as_coder_ii(ladder):
    person = load_profile(ARI, ladder, TODAY).profile
    standing = standing_of(person, ladder, TODAY)
    result = evaluate_role(ladder.roles["coder-iii"], standing)
    assert result.status == "gap"
    assert [g.message for g in result.gaps] == ["needs 2 years of time as Coder II; has 1 year 9 months (3 months short)"]
    assert evaluate_role(ladder.roles["coder-i"], standing).status == "eligible"


def test_without_the_ladder_the_profile_names_unknown_roles():
    result = runner.invoke(app, ["next", "--profile", ARI])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"error: {ARI}:12:11: experience[0].role: unknown role 'coder-i'; did you mean 'coder-ii'?")


# (arguments, something in the output that only the ladder gives)
COMMANDS = [
    (("next", "--profile", ARI, "--format", "json"), '"id": "coder-iii"'),
    (("roles", "--tier", "mid", "--format", "json"), '"id": "coder-iii"'),
    (("roadmap", "--format", "json"), '"id": "coder-iii"'),
    (("graph", "--format", "json"), '"id": "coder-iii"'),
    (("renewals", "--profile", ARI, "--format", "json"), '"name": "Ari Novak"'),  # its roles need the ladder
    (("init", "-", "--no-input", "--current-role", "Coder III"), "current_role: coder-iii"),
]


@pytest.mark.parametrize(("args", "expected"), COMMANDS, ids=[c[0][0] for c in COMMANDS])
@pytest.mark.parametrize("how", ["--data", "CODINGPATH_DATA"])
def test_every_command_reads_the_ladder_by_option_or_environment(args, expected, how):
    if how == "--data":
        result = runner.invoke(app, [*args, "--data", str(LADDER)])
    else:
        result = runner.invoke(app, list(args), env={"CODINGPATH_DATA": str(LADDER)})
    assert result.exit_code == 0, result.output
    assert expected in result.stdout
    if "--format" in args:
        json.loads(result.stdout)


def test_data_check_accepts_the_ladder():
    result = runner.invoke(app, ["data", "check", "--data", str(LADDER)])
    assert result.exit_code == 0, result.output
    assert "0 errors" in result.stdout and "51 roles" in result.stdout


def test_a_mistake_in_an_overlay_is_located_in_the_employer_file(tmp_path):
    broken = tmp_path / "roles.yaml"
    broken.write_text((LADDER / "roles.yaml").read_text().replace("leads_to: [coder-ii]", "leads_to: [coder-2]"))
    result = runner.invoke(app, ["roles", "--data", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == (f"error: {broken}:27:16: roles[0].leads_to[0]: unknown role 'coder-2'; "
                             "did you mean 'coder-i'?\n")


def test_the_installed_command_plans_on_the_ladder_from_another_directory(tmp_path):
    copy = tmp_path / "ladder"
    shutil.copytree(LADDER, copy)
    result = run_installed("next", "--profile", "ladder/profile.yaml", "--data", "ladder", "--format", "json",
                           cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    roles = {r["id"]: r for r in json.loads(result.stdout)["roles"]}
    assert roles["coder-iii"]["status"] == "gap"
    assert roles["coder-iii"]["gaps"][0]["message"].startswith("needs 2 years of time as Coder II")
