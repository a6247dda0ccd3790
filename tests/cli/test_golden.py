"""Every command's output on the example profiles, byte for byte, as kept in tests/golden/.

A difference means a change of output. If it is intended, regenerate with
`python scripts/update-golden.py` and review `git diff tests/golden`.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent


def _golden_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_golden", ROOT / "scripts" / "update-golden.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


golden = _golden_script()
CASES = golden.cases()
INDEX = json.loads(golden.INDEX.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def golden_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One home for every case, so that the catalog cache is built once."""
    return tmp_path_factory.mktemp("golden-home")


@pytest.fixture
def environment(golden_home: Path) -> Iterator[None]:
    """The golden environment (80 columns, a fixed today), over the suite's own."""
    with golden.stable_environment(str(golden_home)):
        yield


def test_every_case_has_a_golden_file_and_no_file_is_stale():
    assert sorted(INDEX) == sorted(case.name for case in CASES)
    kept = {golden.golden_path(case).name for case in CASES} | {"index.json"}
    assert {p.name for p in golden.GOLDEN.glob("*.*") if p.is_file()} == kept


@pytest.mark.exact_output
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_output_is_unchanged(case, environment):
    out = golden.run(case)
    expected = INDEX[case.name]
    assert list(case.args) == expected["args"]
    assert out.stdout == golden.golden_path(case).read_bytes().decode("utf-8")
    assert out.stderr == expected["stderr"]
    assert out.exit_code == expected["exit_code"]
