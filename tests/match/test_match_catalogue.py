"""The posting catalogue (tests/postings/) against the real data: every requirement a recruiter reads
in each posting is extracted as such, and each example profile gets the expected verdict; the same
through the command line, and through the installed executable for a few."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from conftest import EXAMPLES, TODAY, persona, run_installed
from posting_catalogue import FRESH, HOLDOUT, PROFILES, catalogue, compare, extracted_key
from typer.testing import CliRunner

from codingpath.cli import app
from codingpath.match import evaluate_posting, extract_requirements, read_posting

CATALOGUE = catalogue()
HELD_OUT = catalogue(HOLDOUT) + catalogue(FRESH)
EVERY = CATALOGUE + HELD_OUT
KINDS_OF_JOB = ("inpatient", "outpatient", "profee", "risk-adjustment", "auditor", "cdi", "supervisor", "manager",
                "director", "him", "registrar", "remote", "payer")


def test_the_catalogue_covers_twenty_postings_of_every_kind_and_format():
    names = [entry.posting.name for entry in CATALOGUE]
    assert len(names) >= 20
    for kind in KINDS_OF_JOB:
        assert any(kind in name for name in names), kind
    assert Counter(entry.posting.suffix for entry in CATALOGUE).keys() >= {".txt", ".md", ".html"}


@pytest.mark.parametrize("entry", EVERY, ids=lambda e: e.posting.stem)
def test_every_requirement_is_extracted_as_a_recruiter_reads_it(entry, bundled_data):
    """Exactly, for the development catalogue; for the held-out postings, with the differences
    recorded when they were measured (a change either way should be looked at and recorded)."""
    extraction = extract_requirements(read_posting(str(entry.posting)), bundled_data)
    matched, missed, extra = compare(entry.requirements, tuple(extracted_key(r) for r in extraction.requirements))
    assert (sorted(missed, key=repr), sorted(extra, key=repr)) == (sorted(entry.missed, key=repr),
                                                                   sorted(entry.extra, key=repr))
    assert extraction.title == entry.title
    for requirement in extraction.requirements:  # each with the sentence it came from, on its line
        line = entry.posting.read_text(encoding="utf-8").splitlines()[requirement.line - 1]
        assert requirement.text and any(word in line for word in requirement.text.split() if len(word) >= 3)


@pytest.mark.parametrize("entry", EVERY, ids=lambda e: e.posting.stem)
def test_each_example_profile_gets_the_expected_verdict(entry, bundled_data):
    extraction = extract_requirements(read_posting(str(entry.posting)), bundled_data)
    verdicts = {name: evaluate_posting(extraction, persona(name, bundled_data), bundled_data, TODAY).verdict
                for name in PROFILES}
    assert verdicts == entry.verdicts_now


def test_the_development_catalogue_has_no_known_difference():
    assert all(not (e.missed or e.extra or e.verdicts_given) for e in CATALOGUE)


def test_the_role_a_posting_resembles_agrees_with_a_recruiter_for_most_postings(bundled_data):
    agree = sum(evaluate_posting(extract_requirements(read_posting(str(e.posting)), bundled_data),
                                 persona("newcomer", bundled_data), bundled_data, TODAY).resembles == e.resembles
                for e in CATALOGUE)
    assert agree >= 0.8 * len(CATALOGUE)


def test_the_verdicts_span_every_outcome():
    seen = {verdict for entry in CATALOGUE for verdict in entry.verdicts.values()}
    assert seen == {"meets", "meets-required", "gaps"}


@pytest.mark.parametrize("entry", CATALOGUE, ids=lambda e: e.posting.stem)
def test_the_command_gives_the_verdict_and_the_json_fields(entry):
    profile = "experienced-coder"
    result = CliRunner().invoke(app, ["match", str(entry.posting), "--profile", str(EXAMPLES / f"{profile}.yaml"),
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["verdict"] == entry.verdicts[profile]
    assert {"requirements", "verdict", "gaps", "resembles", "unchecked"} <= payload.keys()
    for item in payload["requirements"]:
        assert item["kind"] in ("credential", "experience", "education", "other")
        assert isinstance(item["required"], bool) and item["text"] and isinstance(item["parsed"], dict)
    assert len(payload["gaps"]) == sum(item["status"] == "gap" for item in payload["requirements"])
    assert [u["parsed"]["name"] for u in payload["unchecked"]] == [
        r["parsed"]["name"] for r in payload["requirements"] if r["kind"] == "other"]


@pytest.mark.parametrize(("posting", "profile", "fmt", "expected"), [
    ("coding-auditor-profee.txt", "experienced-coder", "json", '"verdict": "meets"'),
    ("coding-supervisor.md", "director-candidate", "table", "meets the required items"),
    ("cdi-specialist.html", "director-candidate", "markdown", "the fastest planned route takes"),
    ("him-director.html", "experienced-coder", "csv", "needs RHIA"),
])
def test_the_installed_command_matches_a_posting(tmp_path, posting, profile, fmt, expected):
    from posting_catalogue import POSTINGS

    result = run_installed("match", str(POSTINGS / posting), "--profile", str(EXAMPLES / f"{profile}.yaml"),
                           "--format", fmt, cwd=tmp_path, env={"COLUMNS": "80"})
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout
    assert result.stderr == ""
