"""Finding the bundled data: the directory the catalog loads, found without pydantic or YAML."""

from __future__ import annotations

import subprocess
import sys

from codingpath.load.bundled import find_bundled_data
from codingpath.load.data import bundled_data_dir


def test_the_bundled_directory_is_the_one_the_catalog_loads():
    found = find_bundled_data()
    assert found is not None and found == bundled_data_dir()
    assert {"roles.yaml", "credentials.yaml"} <= {p.name for p in found.iterdir()}


def test_finding_it_imports_neither_pydantic_nor_yaml():
    code = ("import sys; from codingpath.load.bundled import find_bundled_data; assert find_bundled_data();"
            "print(sorted(m for m in ('pydantic', 'yaml', 'codingpath.models') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "[]\n"
