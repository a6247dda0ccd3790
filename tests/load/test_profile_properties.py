"""Property tests (hypothesis, bounded): whatever a profile holds, a result or a message, never a traceback.

- any YAML-ish value and any near-valid profile gives a LoadedProfile or a ProfileError with located
  problems; through the CLI, `check` exits 0/1 and `next` exits 0/2 with `error:` lines;
- any bytes at all read as a profile do the same;
- a valid profile survives model_dump -> YAML text -> load unchanged.
"""

from __future__ import annotations

import json
import string
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import TODAY, installed_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from codingpath.catalog import Catalog
from codingpath.cli import app
from codingpath.errors import InputError, Problem
from codingpath.load.data import load_catalog
from codingpath.load.profiles import LoadedProfile, profile_from_data, profile_from_text
from codingpath.load.yamlio import decode, parse_yaml
from codingpath.models import EDUCATION_LEVELS, Profile
from codingpath.records import as_record

CATALOG: Catalog = load_catalog(use_env=False)
CREDENTIALS = sorted(CATALOG.credentials)
ROLES = sorted(CATALOG.roles)
TRAININGS = sorted(CATALOG.trainings)
FIELDS = list(Profile.model_fields)

BOUNDED = settings(
    max_examples=100, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
FEW = settings(BOUNDED, max_examples=25)

runner = CliRunner()

# -- strategies -----------------------------------------------------------------------------------

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**12, max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.sampled_from(["", "2021-06", "2021-13", "2021-06-15", "CPC", "cpc-a", "medical coder", "yes", "~"]),
)
yamlish = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.text(max_size=12), children, max_size=4)),
    max_leaves=20,
)
some_date = st.one_of(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)).map(lambda d: f"{d:%Y-%m}"),
    st.sampled_from(["2021", "last year", "2021-00", "2021-02-30", 2021, 0, -1.5, None]),
)
credential_id = st.one_of(st.sampled_from(CREDENTIALS), st.sampled_from(["CPC-A", "coc-a", "CPX", "RN", "", " cpc "]))
role_id = st.one_of(st.sampled_from(ROLES), st.sampled_from(["Medical Coder", "medcal-coder", "nurse", ""]))
years = st.one_of(st.floats(min_value=-5, max_value=80), st.sampled_from(["three", None, float("nan")]))


def maybe(value: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly the plausible value, sometimes any YAML-ish value in its place."""
    return st.one_of(value, value, value, yamlish)


held = st.one_of(credential_id, st.fixed_dictionaries(
    {"id": maybe(credential_id)}, optional={"earned": maybe(some_date), "apprentice": maybe(st.booleans())}))
experience_entry = st.fixed_dictionaries(
    {"role": maybe(role_id)},
    optional={"years": maybe(years), "start": maybe(some_date), "end": maybe(some_date)},
)
ceu = st.fixed_dictionaries({"date": maybe(some_date), "hours": maybe(st.floats(-1, 300))},
                            optional={"credential": maybe(credential_id), "description": st.text(max_size=20)})
near_valid_profile = st.fixed_dictionaries({}, optional={
    "name": maybe(st.text(max_size=20)),
    "education": maybe(st.one_of(st.sampled_from([*EDUCATION_LEVELS, "bachelors", "phd"]),
                                 st.fixed_dictionaries({"level": st.sampled_from(EDUCATION_LEVELS)},
                                                       optional={"cahiim_accredited": maybe(st.booleans())}))),
    "credentials": maybe(st.lists(held, max_size=4)),
    "experience": maybe(st.lists(experience_entry, max_size=4)),
    "training": maybe(st.lists(st.one_of(st.sampled_from(TRAININGS), st.text(max_size=10)), max_size=2)),
    "current_role": maybe(role_id),
    "target_role": maybe(role_id),
    "ceus": maybe(st.lists(ceu, max_size=3)),
    "credentail": st.just(["CPC"]),  # a misspelt key, sometimes
})
any_profile = st.one_of(near_valid_profile, near_valid_profile, yamlish)

# bytes: anything, and text made of the characters that matter to YAML
yaml_chars = st.text(alphabet=string.ascii_letters[:6] + string.digits[:3] + " \n\t-:[]{},&*!|>'\"%@`#?~\\\x00\x07\ufeff",
                     max_size=200)
any_bytes = st.one_of(st.binary(max_size=500), yaml_chars.map(lambda t: t.encode("utf-8", "surrogatepass")))


def past_month(draw: Any, earliest: date = date(1980, 1, 1)) -> date:
    day = draw(st.dates(min_value=earliest, max_value=TODAY))
    return day.replace(day=1)


@st.composite
def valid_profiles(draw: Any) -> Profile:
    """Profiles that must load without errors: canonical ids, past dates, no duplicates."""
    credentials = []
    for cid in draw(st.lists(st.sampled_from(CREDENTIALS), unique=True, max_size=3)):
        apprentice = CATALOG.credentials[cid].apprentice is not None and draw(st.booleans())
        earned = draw(st.none() | st.dates(min_value=date(1990, 1, 1), max_value=TODAY))
        credentials.append({"id": cid, "earned": earned, "apprentice": apprentice})
    experience = []
    for role in draw(st.lists(st.sampled_from(ROLES), max_size=3)):
        if draw(st.booleans()):
            experience.append({"role": role, "years": draw(st.floats(min_value=0, max_value=15).map(lambda y: round(y, 2)))})
        else:
            start = past_month(draw)
            end = draw(st.none() | st.dates(min_value=start, max_value=TODAY).map(lambda d: d.replace(day=1)))
            experience.append({"role": role, "start": start, "end": end})
    data = {
        "name": draw(st.none() | st.text(string.ascii_letters + " '-", min_size=1, max_size=20)),
        "education": {"level": draw(st.sampled_from(EDUCATION_LEVELS)), "field": None,
                      "cahiim_accredited": draw(st.booleans())},
        "credentials": credentials,
        "experience": experience,
        "training": draw(st.lists(st.sampled_from(TRAININGS), unique=True, max_size=2)),
        "current_role": draw(st.none() | st.sampled_from([e["role"] for e in experience] or [None])),
        "target_role": draw(st.none() | st.sampled_from(ROLES)),
        "ceus": [{"date": draw(st.dates(min_value=date(2020, 1, 1), max_value=TODAY)), "hours": 2.0,
                  "description": None, "credential": c["id"]} for c in credentials[:1]],
    }
    return Profile.model_validate(data)


# -- helpers ----------------------------------------------------------------------------------------

def load_or_problems(data: Any) -> LoadedProfile | list[Problem]:
    try:
        return profile_from_data(data, "p.yaml", CATALOG, TODAY)
    except InputError as exc:
        assert exc.problems, "an error without a located problem"
        assert_one_line_each(exc.problems)
        assert any(p.severity == "error" for p in exc.problems)
        return exc.problems


def assert_one_line_each(problems: list[Problem]) -> None:
    """Every problem names the file and prints as one line, whatever odd text the input held."""
    assert problems
    for p in problems:
        assert p.file == "p.yaml" and p.message
        assert len(str(p).splitlines()) == 1, repr(str(p))


def as_yaml(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def assert_cli_handles(path: Path, *, check_only: bool = False) -> None:
    """`check` exits 0/1 with a JSON report; `next` exits 0 with JSON or 2 with `error:` lines."""
    result = runner.invoke(app, ["check", str(path), "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    assert report["files"][0]["ok"] is (result.exit_code == 0)
    if check_only:
        return
    result = runner.invoke(app, ["next", "--profile", str(path), "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 2), result.output
    if result.exit_code == 0:
        json.loads(result.stdout)
    else:
        assert result.stdout == ""
        assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr
        assert all(line.startswith(("error: ", "warning: ")) for line in result.stderr.splitlines())
    assert "Traceback" not in result.stderr


@pytest.fixture(autouse=True)
def _fast_catalog(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI runs below load the bundled data once, not on every example."""
    from codingpath.cli import checks, explore

    monkeypatch.setattr(checks, "load_data", lambda data: CATALOG)
    monkeypatch.setattr(explore, "load_data", lambda data: CATALOG, raising=False)  # only a speed-up


# -- properties ----------------------------------------------------------------------------------------

@BOUNDED
@given(any_profile)
def test_any_profile_data_gives_a_profile_or_located_problems(data: Any):
    load_or_problems(data)


@BOUNDED
@given(any_profile)
def test_any_profile_text_gives_a_profile_or_located_problems(data: Any):
    try:
        profile_from_text(as_yaml(data), "p.yaml", CATALOG, TODAY)
    except InputError as exc:
        assert_one_line_each(exc.problems)


@BOUNDED
@given(any_bytes)
def test_any_bytes_read_as_a_profile_give_a_profile_or_a_message(raw: bytes):
    try:
        document = parse_yaml(decode(raw, "p.yaml"), "p.yaml")
    except InputError as exc:
        assert_one_line_each(exc.problems)
        return
    load_or_problems(document.data)


@FEW
@given(any_profile)
def test_the_cli_handles_any_profile(tmp_path: Path, data: Any):
    path = tmp_path / "p.yaml"
    path.write_text(as_yaml(data), encoding="utf-8")
    assert_cli_handles(path)


@FEW
@given(any_bytes)
def test_the_cli_handles_any_bytes(tmp_path: Path, raw: bytes):
    path = tmp_path / "p.yaml"
    path.write_bytes(raw)
    assert_cli_handles(path)


@BOUNDED
@given(valid_profiles())
def test_a_valid_profile_round_trips_through_yaml(profile: Profile):
    text = as_yaml(profile.model_dump())
    loaded = profile_from_text(text, "p.yaml", CATALOG, TODAY)
    assert loaded.profile == as_record(profile)
    assert all(w.severity == "warning" for w in loaded.warnings)


@FEW
@given(valid_profiles())
def test_a_valid_profile_passes_check(tmp_path: Path, profile: Profile):
    path = tmp_path / "p.yaml"
    path.write_text(as_yaml(profile.model_dump()), encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stdout
    assert json.loads(result.stdout)["errors"] == 0


@pytest.mark.parametrize("raw", [
    b"\x89PNG\r\n\x1a\n\x00\x00",
    "name: Jos\u00e9\n".encode("latin-1"),
    b"[" * 100_000,
    b"a: &a [" + b"*a," * 10 + b"]\n",
    b"- " * 30_000 + b"x\n",
])
def test_the_installed_command_reads_hostile_bytes_from_stdin(raw: bytes):
    """A handful through the real executable and standard input: a message and exit 2, never a crash."""
    result = subprocess.run([*installed_command(), "next", "--profile", "-"], input=raw, capture_output=True,
                            timeout=60, check=False)
    stderr = result.stderr.decode()
    assert result.returncode == 2, stderr
    assert result.stdout == b""
    assert stderr.startswith("error: <stdin>") and "Traceback" not in stderr
