"""The catalogue is complete, current and honestly labelled; its ladder can be climbed; and
`data check` catches what would break those promises (with overlays that do)."""

from __future__ import annotations

import json
import runpy
from pathlib import Path

import pytest
from conftest import ROOT, TODAY, run_installed
from typer.testing import CliRunner

from codingpath.catalog import Catalog
from codingpath.cli import app
from codingpath.engine import evaluate_credential, standing_of
from codingpath.facts import iter_sourced
from codingpath.load.crosscheck import unclimbable_edges, unused_credentials, unused_tracks
from codingpath.load.data import load_catalog
from codingpath.load.datacheck import body_domains, body_of_url, check_data
from codingpath.models import TRACKS, Profile

runner = CliRunner()

NEW_CREDENTIALS = ["CPC-P", "CCDS-O", "CTR", "CEMC", "CGSC", "CANPC", "CASCC", "CIRCC", "COBGC", "CPEDC",
                   "CCC", "CEDC", "CGIC", "CHONC", "CUC"]
SPECIALTIES = [c for c in NEW_CREDENTIALS if c not in ("CPC-P", "CCDS-O", "CTR")]
NEW_ROLES = ["health-information-technician", "health-data-analyst", "cancer-registrar",
             "release-of-information-specialist", "cdi-manager", "outpatient-cdi-specialist", "privacy-officer",
             "privacy-specialist", "payer-coder", "revenue-integrity-analyst"]
CAREER_GUIDES = {"AAPC-MAP", "CHART", "HIM-DIR", "OTHER-LADDERS"}


def invoke(*args: str):
    return runner.invoke(app, list(args))


# -- CCDS, as ACDIS publishes it --------------------------------------------------------------------

def ccds_verdict(catalog: Catalog, credential: str, cdi_years: float) -> bool:
    profile = Profile.model_validate({
        "education": "associate", "credentials": [credential],
        "experience": [{"role": "clinical-documentation-improvement-specialist", "years": cdi_years}]})
    return evaluate_credential(catalog.credentials["CCDS"], standing_of(profile, catalog, TODAY)).eligible


@pytest.mark.parametrize(("credential", "years", "eligible"), [
    ("CCS", 2, False),   # a CCS holder needs three years of CDI, not two
    ("CCS", 3, True),
    ("CCS-P", 2.9, False),
    ("RHIT", 2, True),   # the two-year route is for RN, RHIA, RHIT, MD, DO
    ("RHIA", 1.9, False),
])
def test_ccds_eligibility_follows_acdis(bundled_data: Catalog, credential: str, years: float, eligible: bool):
    assert ccds_verdict(bundled_data, credential, years) is eligible


def test_ccds_degree_route_needs_the_coursework_and_three_years(bundled_data: Catalog):
    def verdict(training: list[str], years: float) -> bool:
        profile = Profile.model_validate({
            "education": "associate", "training": training,
            "experience": [{"role": "clinical-documentation-improvement-specialist", "years": years}]})
        return evaluate_credential(bundled_data.credentials["CCDS"], standing_of(profile, bundled_data, TODAY)).eligible

    both = ["college-anatomy-physiology", "college-medical-terminology"]
    assert not verdict([], 3)           # an associate degree in any field is not enough
    assert not verdict(both, 2)
    assert verdict(both, 3)
    ccds = bundled_data.credentials["CCDS"]
    assert ccds.eligibility.confidence == "confirmed"
    assert any("acdis.org" in s.url for s in ccds.eligibility.sources)


# -- the catalogue is complete ----------------------------------------------------------------------

def test_credentials_command_lists_every_new_id():
    result = invoke("credentials", "--format", "json")
    assert result.exit_code == 0, result.output
    ids = {c["id"] for c in json.loads(result.stdout)["credentials"]}
    assert set(NEW_CREDENTIALS) <= ids


def test_roles_command_lists_every_new_id():
    result = invoke("roles", "--format", "json")
    assert result.exit_code == 0, result.output
    ids = {r["id"] for r in json.loads(result.stdout)["roles"]}
    assert set(NEW_ROLES) <= ids


def test_renewal_counts_credential_specific_ceus(bundled_data: Catalog):
    for cid in ("CDEO", "CPMA", "CPCO", "CPPM"):
        assert bundled_data.credentials[cid].renewal.specific_ceus == 16, cid
    for cid in SPECIALTIES:
        specialty = bundled_data.credentials[cid]
        assert specialty.body == "AAPC" and not specialty.eligibility.routes
        # AAPC's table: 8 specialty CEUs per specialty credential, 16 for CIRCC
        assert specialty.renewal.specific_ceus == (16 if cid == "CIRCC" else 8), cid
    assert bundled_data.credentials["CTR"].renewal.ceus == 20


def test_cpc_p_is_kept_for_holders_but_never_offered(bundled_data: Catalog):
    cpc_p = bundled_data.credentials["CPC-P"]
    assert not cpc_p.offered and cpc_p.status.confidence == "unconfirmed"
    payer = bundled_data.roles["payer-coder"]
    assert any("CPC-P" in group and "CPC" in group for group in payer.requirements.credentials)
    assert payer.preferred_credentials == ("CPC",)


def test_new_roles_have_their_credentials_and_tracks(bundled_data: Catalog):
    roles = bundled_data.roles
    assert roles["health-information-technician"].tier == "entry"
    assert "RHIT" in roles["health-information-technician"].preferred_credentials
    assert "CHDA" in roles["health-data-analyst"].preferred_credentials
    assert "CTR" in roles["cancer-registrar"].preferred_credentials
    assert "CHPS" in roles["privacy-officer"].preferred_credentials
    assert "cdi-manager" in roles["clinical-documentation-improvement-specialist"].leads_to
    assert "cdi-manager" in roles["outpatient-cdi-specialist"].leads_to
    assert roles["outpatient-cdi-specialist"].tier == roles["clinical-documentation-improvement-specialist"].tier
    for role_id in NEW_ROLES:
        assert roles[role_id].requirements.sources, role_id
    assert unused_tracks(bundled_data) == []  # privacy and data now have roles
    assert unused_credentials(bundled_data) == []


# -- the labels are honest --------------------------------------------------------------------------

def test_career_guides_are_undated_with_a_retrieval_month(bundled_data: Catalog):
    seen = set()
    for role in bundled_data.roles.values():
        for _, block in iter_sourced(role):
            for source in block.sources:
                if source.url in CAREER_GUIDES:
                    seen.add(source.url)
                    assert source.as_of == "undated" and source.retrieved, (role.id, source.url)
    assert seen == CAREER_GUIDES


def test_labels_the_review_found_over_claimed(bundled_data: Catalog):
    credentials = bundled_data.credentials
    assert credentials["CPC"].recommended.confidence == "third-party"
    assert not any("aapc.com" in s.url for s in credentials["CPC"].recommended.sources)
    assert bundled_data.roles["coding-director"].requirements.confidence == "unconfirmed"
    for cid in ("CIC", "CPMA", "COC"):
        exam = credentials[cid].exam
        assert exam.confidence == "confirmed" and any("aapc.com" in s.url for s in exam.sources), cid
    assert "code sets, not a job title" in credentials["CPC"].apprentice.note


def test_occupation_figures_are_the_newest_sourced(bundled_data: Catalog):
    managers = bundled_data.occupations["11-9111"]
    assert (managers.median_pay_usd, managers.pay_year, managers.employment) == (110680, 2023, 562700)
    assert "+29%" in managers.outlook and managers.provenance.confidence == "confirmed"
    records = bundled_data.occupations["29-2072"]
    assert "Earlier editions" not in records.provenance.note and "broader occupation" in records.provenance.note
    assert bundled_data.occupations["29-9021"].median_pay_usd == 58250


def test_body_domains(bundled_data: Catalog):
    domains = body_domains(bundled_data)
    assert body_of_url("https://www.aapc.com:443/certification/cpco.aspx", domains) == "AAPC"
    assert body_of_url("https://cms-test.ahima.org/x", domains) == "AHIMA"
    assert body_of_url("http://www.ctrexam.org/eligibility/index.htm", domains) == "NCRA"
    assert body_of_url("https://mbc-bv6.pages.dev/certifications/cpc", domains) is None
    assert body_of_url("https://notaapc.com/x", domains) is None
    assert body_of_url("CHART", domains) is None


# -- education steps --------------------------------------------------------------------------------

def test_education_steps_for_a_working_adult(bundled_data: Catalog):
    by_key = {(p.level, p.from_level): p for p in bundled_data.education}
    equivalency = by_key[("high-school", "none")]
    assert equivalency.kind == "equivalency" and "GED" in equivalency.name and equivalency.years <= 1
    certificate = by_key[("bachelor", "bachelor")]
    assert certificate.kind == "certificate" and certificate.cahiim_accredited
    for program in bundled_data.education:
        assert program.part_time is not None and program.part_time.years > program.years, program
        assert program.part_time.confidence != "confirmed"  # nobody publishes part-time durations


def test_rhia_post_baccalaureate_route(bundled_data: Catalog):
    rhia = bundled_data.credentials["RHIA"]
    assert any("post-baccalaureate" in route.description for route in rhia.eligibility.routes)

    def verdict(education: dict) -> tuple[bool, list[str]]:
        result = evaluate_credential(rhia, standing_of(Profile.model_validate({"education": education}),
                                                       bundled_data, TODAY))
        return result.eligible, [gap.message for gap in result.missing]

    assert verdict({"level": "bachelor", "field": "biology"}) == (
        False, ["needs a bachelor's degree from a CAHIIM-accredited HIM programme"])
    assert verdict({"level": "bachelor", "cahiim_accredited": True}) == (True, [])


# -- the ladder -------------------------------------------------------------------------------------

def test_billing_and_clerical_roles_lead_into_coding(bundled_data: Catalog):
    coding_entry = {r.id for r in bundled_data.roles.values() if "coding" in r.tracks and r.tier == "entry"}
    for role_id in ("insurance-claims-specialist", "payment-poster", "claims-edit-specialist",
                    "collection-specialist", "medical-records-clerk"):
        assert set(bundled_data.roles[role_id].leads_to) & coding_entry, role_id


def test_management_and_director_paths(bundled_data: Catalog):
    roles = bundled_data.roles
    assert {"coding-director", "compliance-officer"} <= set(roles["coding-manager"].leads_to)
    assert "coding-manager" in roles["coding-supervisor"].leads_to
    # coding management counts as audit experience, with its sources
    credit = roles["coding-manager"].credited_tracks
    assert credit.tracks == ("audit",) and credit.sources
    for role_id in ("consulting-firm-owner", "college-professor"):
        assert roles[role_id].stepping_stone is False and not roles[role_id].leads_to


def test_preferred_credentials_stay_apart_from_required(bundled_data: Catalog):
    for role_id, preferred in [("coding-auditor", "CPMA"), ("compliance-officer", "CPCO"),
                               ("physician-coder", "CPC"), ("inpatient-coder", "CCS")]:
        role = bundled_data.roles[role_id]
        assert preferred in role.preferred_credentials, role_id
    assert not any("CPMA" in group for group in bundled_data.roles["coding-auditor"].requirements.credentials)


def test_every_bundled_edge_is_climbable(bundled_data: Catalog):
    assert unclimbable_edges(bundled_data) == []


# -- data check: the new rules, on overlays that break them -----------------------------------------

def overlay_role(role_id: str, tier: str, tracks: str, leads_to: str, *, extra: str = "", sources: str = "") -> str:
    return f"""\
  - id: {role_id}
    title: {role_id.replace("-", " ").title()}
    tier: {tier}
    tracks: [{tracks}]
    summary: A role on an employer's ladder.
    leads_to: [{leads_to}]
{extra}    requirements:
      education: high-school
      confidence: confirmed
      sources:
        - {sources or '{url: "https://intranet.example/ladder", as_of: "2026-01"}'}
"""


def findings(tmp_path: Path, kind: str) -> list[str]:
    report = check_data(tmp_path, TODAY)
    assert report.validated
    return [f.problem.message for f in report.findings if f.kind == kind]


def test_an_unclimbable_edge_is_reported_and_fails_strict(tmp_path: Path):
    # A billing lead straight into coding management: billing time never gives coding years.
    (tmp_path / "roles.yaml").write_text("roles:\n" + overlay_role("billing-lead", "entry", "billing", "coding-manager"))
    found = findings(tmp_path, "unclimbable")
    assert len(found) == 1
    assert found[0].startswith("billing-lead -> coding-manager cannot be climbed: coding-manager needs 5 years "
                               "of coding experience")
    result = invoke("data", "check", "--data", str(tmp_path), "--strict", "--format", "json")
    assert result.exit_code == 1
    assert any(p["kind"] == "unclimbable" and p["field"] == "roles[0].leads_to[0]"
               for p in json.loads(result.stdout)["problems"])
    assert invoke("data", "check", "--data", str(tmp_path)).exit_code == 0  # a warning without --strict


def test_a_destination_that_leads_on_is_reported(tmp_path: Path):
    (tmp_path / "roles.yaml").write_text("roles:\n" + overlay_role(
        "firm-partner", "master", "coding, management", "", extra="    stepping_stone: false\n").replace(
        "leads_to: []", "leads_to: [coding-director]").replace("tier: master", "tier: advanced"))
    assert findings(tmp_path, "stepping-stone") == [
        "role 'firm-partner' is not a stepping stone, yet leads to coding-director"]


def test_a_credential_no_role_uses_is_reported(tmp_path: Path):
    bundled = (ROOT / "data" / "credentials.yaml").read_text()
    cpb = bundled[bundled.index("  - id: CPB\n"):bundled.index("  - id: CIC\n")]
    (tmp_path / "credentials.yaml").write_text("credentials:\n" + cpb.replace("id: CPB", "id: CPB-X"))
    assert findings(tmp_path, "unused-credential") == ["no role requires or prefers CPB-X: no advice can point to it"]


def test_a_track_no_role_carries_is_reported(bundled_data: Catalog):
    coding_only = {k: r for k, r in bundled_data.roles.items() if r.tracks == ("coding",)}
    catalog = Catalog(bundled_data.credentials, coding_only, bundled_data.trainings, bundled_data.education,
                      bundled_data.occupations)
    assert unused_tracks(catalog) == [t for t in TRACKS if t != "coding"]


def test_confirmed_on_a_third_party_page_is_over_labelled(tmp_path: Path):
    bundled = (ROOT / "data" / "credentials.yaml").read_text()
    crc = bundled[bundled.index("  - id: CRC\n"):bundled.index("  - id: CPB\n")]
    relabelled = crc.replace("      confidence: third-party\n      sources:\n        - {url: \"https://open-exam-prep",
                             "      confidence: confirmed\n      sources:\n        - {url: \"https://open-exam-prep")
    assert relabelled != crc
    (tmp_path / "credentials.yaml").write_text("credentials:\n" + relabelled)
    assert findings(tmp_path, "over-labelled") == [
        "CRC fee: labelled confirmed, but no source is on a certifying body's own page; label it third-party"]
    # An employer's own ladder page confirms the employer's roles: not over-labelled.
    (tmp_path / "credentials.yaml").unlink()
    (tmp_path / "roles.yaml").write_text("roles:\n" + overlay_role("coder-one", "entry", "coding", ""))
    assert findings(tmp_path, "over-labelled") == []


def test_a_source_dated_after_its_retrieval_is_an_error(tmp_path: Path):
    (tmp_path / "roles.yaml").write_text("roles:\n" + overlay_role(
        "coder-one", "entry", "coding", "",
        sources='{url: "https://intranet.example/ladder", as_of: "2026-10", retrieved: "2026-09"}'))
    report = check_data(tmp_path, TODAY)
    [finding] = [f for f in report.findings if f.kind == "after-retrieval"]
    assert finding.problem.severity == "error" and report.failed()
    assert finding.problem.message == ("coder-one requirements: source dated 2026-10, after it was retrieved "
                                       "(2026-09); a page cannot state a later date")


def test_bundled_data_passes_data_check_strict():
    result = invoke("data", "check", "--strict", "--format", "json")
    assert result.exit_code == 0, result.output
    counts = json.loads(result.stdout)["counts"]
    assert counts["errors"] == 0 and counts["warnings"] == 0


def test_installed_data_check_strict():
    result = run_installed("data", "check", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Checked 33 credentials, 49 roles")


# -- the docs page ----------------------------------------------------------------------------------

def test_data_page_is_current():
    script = runpy.run_path(str(ROOT / "scripts" / "data-page.py"))
    page = script["render_page"](load_catalog(use_env=False))
    assert (ROOT / "docs" / "data.md").read_text(encoding="utf-8") == page, "run python scripts/data-page.py"
    for cid in NEW_CREDENTIALS:
        assert f"\n| {cid} |" in page, cid
    for role_id in NEW_ROLES:
        assert f"\n| {role_id} |" in page, role_id
