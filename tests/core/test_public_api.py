"""The library without the command: the names codingpath/__init__.py promises, on the real data."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import EXAMPLES, TODAY

import codingpath


def test_the_public_api_answers_the_questions_the_command_does():
    catalog = codingpath.load_catalog(use_env=False)
    jane = codingpath.load_profile(str(EXAMPLES / "experienced-coder.yaml"), catalog, TODAY).profile
    results = codingpath.next_roles(jane, catalog, TODAY)
    assert any(r.status == "eligible" for r in results)
    plan = codingpath.plan_route(jane, catalog, "coding-manager", start=TODAY)
    assert plan.target.id == "coding-manager"
    assert callable(codingpath.evaluate_team)
    assert set(codingpath.__all__) >= {"load_catalog", "load_profile", "next_roles", "plan_route", "evaluate_team"}


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        codingpath.nope  # noqa: B018


def test_importing_the_package_loads_no_data_layer():
    code = "import sys, codingpath; print(sorted(m for m in ('pydantic', 'yaml', 'rich', 'typer') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
