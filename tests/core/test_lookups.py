"""Words people use: a high-school equivalency is high school; a track word keeps a role lookup on
its track."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from codingpath.catalog import tracks_named
from codingpath.cli import app
from codingpath.models import Profile


@pytest.mark.parametrize("written", ["GED", "ged", "HSE", "HiSET", "high school"])
def test_a_high_school_equivalency_is_high_school(written):
    assert Profile.model_validate({"education": written}).education.level == "high-school"
    assert Profile.model_validate({"education": {"level": written}}).education.level == "high-school"


def test_a_ged_profile_runs_next(tmp_path):
    profile = tmp_path / "ged.yaml"
    profile.write_text("name: Gail\neducation: GED\n")
    result = CliRunner().invoke(app, ["next", "--profile", str(profile), "--format", "json"])
    assert result.exit_code == 0, result.output


def test_track_words():
    assert tracks_named("Medical Biller") == ("billing",)
    assert tracks_named("coding auditor") == ("coding", "audit")
    assert tracks_named("Practice Manager") == ()


def test_a_biller_is_never_offered_a_coding_role(bundled_data):
    for text in ("medical biller", "biller", "billing specialist", "senior biller"):
        for rid in bundled_data.suggest_role(text):
            assert "billing" in bundled_data.roles[rid].tracks, (text, rid)
        assert "medical-coder" not in bundled_data.role_hint(text)


def test_an_unknown_billing_role_points_to_the_billing_track():
    result = CliRunner().invoke(app, ["role", "medical biller"])
    assert result.exit_code == 2
    assert "unknown role 'medical biller'" in result.output
    assert "codingpath roles --track billing" in result.output
    assert "medical-coder" not in result.output


def test_a_typo_still_finds_the_role(bundled_data):
    assert bundled_data.role_hint("coding manger") == "; did you mean 'coding-manager'?"
