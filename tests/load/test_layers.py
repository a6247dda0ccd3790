"""`load.layers`: which data files a run reads, found without importing the models."""

from __future__ import annotations

import subprocess
import sys

import pytest

from codingpath.errors import DataError
from codingpath.load.layers import DATA_ENV, bundled_data_dir, data_files, data_layers


def test_the_bundled_data_alone_by_default(monkeypatch):
    monkeypatch.delenv(DATA_ENV, raising=False)
    assert data_layers() == [bundled_data_dir()]
    assert [p.name for p in data_files(data_layers())] == ["credentials.yaml", "roles.yaml"]


def test_an_overlay_adds_only_the_files_it_holds(tmp_path, monkeypatch):
    monkeypatch.delenv(DATA_ENV, raising=False)
    (tmp_path / "roles.yaml").write_text("roles: []\n")
    layers = data_layers(tmp_path)
    assert layers == [bundled_data_dir(), tmp_path]
    assert data_files(layers)[-1] == tmp_path / "roles.yaml" and len(data_files(layers)) == 3


def test_the_overlay_comes_from_the_environment_unless_told_not_to(tmp_path, monkeypatch):
    (tmp_path / "credentials.yaml").write_text("credentials: []\n")
    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    assert data_layers()[-1] == tmp_path
    assert data_layers(use_env=False) == [bundled_data_dir()]


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: p / "missing", "is not a directory of career data"),
    (lambda p: p, "holds neither credentials.yaml nor roles.yaml"),
])
def test_an_overlay_that_is_no_data_is_refused_by_name(tmp_path, make, message):
    with pytest.raises(DataError, match=message) as raised:
        data_layers(make(tmp_path))
    assert raised.value.problems[0].file == str(make(tmp_path))


def test_finding_the_files_imports_neither_pydantic_nor_yaml():
    code = ("import sys; from codingpath.load.layers import data_files, data_layers; data_files(data_layers());"
            "print(sorted(m for m in ('pydantic', 'yaml') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
