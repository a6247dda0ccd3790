"""The shared words: one definition, which the models re-export and the core reads without pydantic."""

from __future__ import annotations

import subprocess
import sys
from typing import get_args

from codingpath import models, taxonomy


def test_the_models_export_the_same_words():
    shared = set(taxonomy.__all__) & set(models.__all__)
    assert shared >= {"TIERS", "TRACKS", "EDUCATION_LEVELS", "Tier", "Track", "EducationLevel"}
    for name in shared:
        assert getattr(models, name) is getattr(taxonomy, name), name


def test_each_tuple_lists_its_literal_in_order():
    assert taxonomy.TIERS == get_args(taxonomy.Tier) == ("entry", "mid", "advanced", "master")
    assert taxonomy.TRACKS == get_args(taxonomy.Track)
    assert taxonomy.EDUCATION_LEVELS == get_args(taxonomy.EducationLevel)
    assert taxonomy.EDUCATION_LEVELS.index("associate") < taxonomy.EDUCATION_LEVELS.index("bachelor")


def test_the_high_school_equivalents_are_written_as_a_profile_compares_them():
    assert all(word == word.strip().lower() for word in taxonomy.HIGH_SCHOOL_EQUIVALENTS)
    assert "ged" in taxonomy.HIGH_SCHOOL_EQUIVALENTS


def test_reading_the_words_loads_no_pydantic():
    code = "import sys, codingpath.taxonomy\nprint('pydantic' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False", result.stderr
