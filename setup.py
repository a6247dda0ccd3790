"""The one thing pyproject.toml cannot say: every package setuptools finds under src/ (a new
subpackage is never left out of the wheel) plus `codingpath.data`, which `package-dir` maps to
data/ at the repository root. A `packages.find` table in pyproject.toml would replace this list
and drop the data."""

from setuptools import find_packages, setup

setup(packages=[*find_packages("src", include=["codingpath", "codingpath.*"]), "codingpath.data"])
