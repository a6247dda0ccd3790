#!/usr/bin/env bash
# The oldest-versions job: the whole suite against the oldest release of every dependency that
# pyproject.toml allows (pinned in constraints/oldest.txt), in a virtual environment of its own.
#   usage: bash scripts/test-oldest.sh [PYTEST_ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
venv=$(mktemp -d)/venv
trap 'rm -rf "$(dirname "$venv")"' EXIT
chmod 755 "$(dirname "$venv")"  # the permission tests run the installed command as 'nobody'
python3 -m venv "$venv"
# -c pins every named dependency to its floor; pip refuses if a floor no longer satisfies a bound.
PIP_CONSTRAINT= "$venv/bin/pip" install -q -c constraints/oldest.txt '.[test]'
"$venv/bin/pip" freeze | grep -iE '^(typer|rich|pydantic|pyyaml|pytest|hypothesis)==' | tr '\n' ' '
echo
# Byte-for-byte transcripts are written under the newest rich and Typer, which lay out help and
# tables differently from older releases; tests of Typer's private per-run coercion need a Typer
# that has it. Everything else must pass as it does on the newest.
"$venv/bin/python" -m pytest -q -m "not exact_output and not typer_private" "$@"
