"""renewals: cycles, pooled CEU totals from the data and the sourced body rules, CEUs logged, ICS."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, timedelta

import pytest
from conftest import EXAMPLES, TODAY, run_installed
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from codingpath.cli import app
from codingpath.dates import add_years
from codingpath.load.profiles import profile_from_data
from codingpath.render.ics import Event, calendar, escape_text, fold
from codingpath.render.renewals import renewal_calendar
from codingpath.renewals import POOLING, current_cycle, renewals_of

runner = CliRunner()
CODER = str(EXAMPLES / "experienced-coder.yaml")


def report_for(catalog, data: dict):
    profile = profile_from_data(data, "test.yaml", catalog, TODAY).profile
    return renewals_of(profile, catalog, TODAY)


def by_id(report):
    return {item.credential.id: item for item in report.items}


# -- cycles ---------------------------------------------------------------------------------------

def test_add_years_keeps_the_day_and_moves_29_february_to_the_28th():
    assert add_years(date(2021, 6, 15), 2) == date(2023, 6, 15)
    assert add_years(date(2020, 2, 29), 2) == date(2022, 2, 28)
    assert add_years(date(2020, 2, 29), 4) == date(2024, 2, 29)


def test_current_cycle_is_the_one_containing_today():
    assert current_cycle(date(2021, 6, 15), 2, TODAY) == (date(2025, 6, 15), date(2027, 6, 15))
    # A cycle ending today is still the current one (due today), not the next.
    assert current_cycle(date(2024, 11, 23), 2, TODAY) == (date(2024, 11, 23), TODAY)
    assert current_cycle(date(2024, 11, 22), 2, TODAY) == (date(2026, 11, 22), date(2028, 11, 22))
    # Earned this month: the first cycle.
    assert current_cycle(date(2026, 11, 1), 2, TODAY) == (date(2026, 11, 1), date(2028, 11, 1))


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1990, 1, 1), max_value=TODAY), st.integers(min_value=1, max_value=5))
def test_the_current_cycle_always_holds_today_and_is_whole_cycles_from_earned(earned, years):
    start, end = current_cycle(earned, years, TODAY)
    assert start <= TODAY <= end
    assert end == add_years(start, years)
    assert (start.year - earned.year) % years == 0


# -- CEUs required: the data's single figure, the bodies' pooled totals -------------------------------

def test_the_experienced_coder_needs_36_ceus_for_cpc_and_has_no_date_for_cca(bundled_data):
    report = report_for(bundled_data, {"credentials": [{"id": "CPC", "earned": "2021-06-15"}, "CCA"]})
    items = by_id(report)
    cpc, cca = items["CPC"], items["CCA"]
    assert (cpc.cycle_start, cpc.cycle_end, cpc.days_left) == (date(2025, 6, 15), date(2027, 6, 15), 204)
    assert (cpc.ceus_required, cpc.ceus_logged, cpc.ceus_missing, cpc.status) == (36, 0, 36, "missing")
    assert cpc.pooled_with == () and cpc.pooling is None
    assert (cca.status, cca.ceus_required, cca.cycle_end, cca.ceus_missing) == ("unknown", 20, None, None)
    assert report.warnings == ()


@pytest.mark.parametrize(
    ("held", "total"),
    [
        (["CPC"], 36),
        (["CPC", "CRC"], 40),
        (["CPC", "CRC", "CPB"], 44),
        (["CPC", "CRC", "CPB", "CIC"], 48),
        (["CPC", "CRC", "CPB", "CIC", "CPMA"], 52),
        (["CPC", "CRC", "CPB", "CIC", "CPMA", "CPCO"], 52),
    ],
)
def test_aapc_asks_one_total_by_number_of_credentials(bundled_data, held, total):
    report = report_for(bundled_data, {"credentials": [{"id": c, "earned": "2025-01-10"} for c in held]})
    assert {item.ceus_required for item in report.items} == {total}
    if len(held) > 1:
        assert set(by_id(report)["CPC"].pooled_with) == set(held) - {"CPC"}


@pytest.mark.parametrize(
    ("held", "totals"),
    [
        (["CCS"], {"CCS": 20}),
        (["CCS", "CCS-P"], {"CCS": 30, "CCS-P": 30}),
        (["RHIA", "CDIP"], {"RHIA": 40, "CDIP": 40}),
        (["RHIA", "CCS", "CCS-P"], {"RHIA": 50, "CCS": 50, "CCS-P": 50}),
        (["RHIA", "CDIP", "CHDA", "CHPS"], {"RHIA": 50, "CDIP": 50, "CHDA": 50, "CHPS": 50}),
        # RHIA retires RHIT: only RHIA's own 30 are kept.
        (["RHIT", "RHIA"], {"RHIA": 30}),
        # Different bodies never pool: AAPC and ACDIS keep their own figures.
        (["CPC", "CCS", "CCDS"], {"CPC": 36, "CCS": 20, "CCDS": 30}),
    ],
)
def test_ahima_adds_ten_per_extra_credential_up_to_fifty(bundled_data, held, totals):
    report = report_for(bundled_data, {"credentials": [{"id": c, "earned": "2025-01-10"} for c in held]})
    required = {i.credential.id: i.ceus_required for i in report.items if i.status != "replaced"}
    assert required == totals


def test_a_replaced_credential_is_reported_as_such(bundled_data):
    rhit = by_id(report_for(bundled_data, {"credentials": [
        {"id": "RHIT", "earned": "2015-05-01"}, {"id": "RHIA", "earned": "2019-05-01"}]}))["RHIT"]
    assert (rhit.status, rhit.replaced_by, rhit.ceus_missing, rhit.cycle_end) == ("replaced", "RHIA", None, None)


def test_the_pooling_rules_agree_with_the_data_and_cite_its_sources(bundled_data):
    """The pooled totals are written in code; the data's own notes and sources must say the same."""
    data_urls = {s.url for c in bundled_data.credentials.values() for s in c.renewal.sources}
    aapc = [c for c in bundled_data.credentials.values() if c.body == "AAPC"]
    ahima = [c for c in bundled_data.credentials.values() if c.body == "AHIMA"]
    assert len(aapc) >= 5 and len(ahima) >= 5
    for credential in aapc:
        assert credential.renewal.ceus == 36 == POOLING["AAPC"].total([36])
        assert "AAPC total" in credential.renewal.ceu_note or "40/44/48/52" in credential.renewal.ceu_note
    assert [POOLING["AAPC"].total([36] * n) for n in range(1, 7)] == [36, 40, 44, 48, 52, 52]
    for credential in ahima:
        assert "+10 per additional AHIMA credential (max 50)" in credential.renewal.ceu_note
    for rule in POOLING.values():
        assert rule.body in {c.body for c in bundled_data.credentials.values()}
        assert all(source.url in data_urls for source in rule.sources)


# -- CEUs logged --------------------------------------------------------------------------------------

def test_only_ceus_in_this_cycle_for_this_credential_or_its_pool_count(bundled_data):
    report = report_for(bundled_data, {
        "education": "high-school",
        "credentials": [{"id": "CPC", "earned": "2021-06-15"}, {"id": "CRC", "earned": "2021-06-15"},
                        {"id": "CCS", "earned": "2021-06-15"}],
        "ceus": [
            {"date": "2025-06-14", "hours": 50},                   # the previous cycle
            {"date": "2025-06-15", "hours": 5},                    # first day of this one
            {"date": "2026-01-10", "hours": 7, "credential": "CRC"},  # pooled with CPC
            {"date": "2026-02-01", "hours": 11, "credential": "CCS"},  # another body
        ],
    })
    items = by_id(report)
    assert items["CPC"].ceus_logged == 12 and items["CPC"].ceus_missing == 28
    assert items["CRC"].ceus_logged == 12
    assert items["CCS"].ceus_logged == 16 and items["CCS"].ceus_missing == 4
    assert report.warnings == ()


def test_enough_ceus_make_a_cycle_complete(bundled_data):
    item = report_for(bundled_data, {"credentials": [{"id": "CCS", "earned": "2025-01-10"}],
                                     "ceus": [{"date": "2025-03-01", "hours": 25}]}).items[0]
    assert (item.status, item.ceus_missing) == ("complete", 0)


@pytest.mark.parametrize(("days", "warned"), [(0, True), (90, True), (91, False)])
def test_a_warning_when_the_cycle_ends_within_90_days(bundled_data, days, warned):
    end = TODAY + timedelta(days=days)
    earned = add_years(end, -2)
    report = report_for(bundled_data, {"credentials": [{"id": "CPC", "earned": earned.isoformat()}]})
    item = report.items[0]
    assert item.cycle_end == end and item.due_soon is warned
    expected = (f"CPC: cycle ends {end} (in {days} days); 36 CEUs still missing",) if warned else ()
    assert report.warnings == expected


# -- ICS ----------------------------------------------------------------------------------------------

def unfold(text: str) -> list[str]:
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")  # every line end is CRLF
    physical = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    logical: list[str] = []
    for line in physical:
        if line.startswith(" "):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    return logical


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)


def test_escaping_covers_backslash_semicolon_comma_and_newlines():
    assert escape_text("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf"
    assert unescape(escape_text("a\\b;c,d\ne")) == "a\\b;c,d\ne"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=300))
def test_folding_never_exceeds_75_octets_and_unfolds_to_the_same_text(text):
    line = "DESCRIPTION:" + escape_text(text)
    folded = fold(line)
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


def test_a_calendar_round_trips_text_with_multibyte_characters():
    stamp = date(2026, 11, 23)
    from datetime import datetime

    text = "Réunion; café, naïve\\path\n" + "é" * 80
    ics = calendar([Event("x@codingpath", "CCS, renewal; due", stamp, datetime(2026, 11, 23, tzinfo=UTC),
                          text, (90,))])
    lines = unfold(ics)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    fields: dict[str, str] = {}
    for line in lines:
        fields.setdefault(*line.split(":", 1))  # the event's DESCRIPTION comes before its alarm's
    assert unescape(fields["DESCRIPTION"]) == text
    assert fields["SUMMARY"] == "CCS\\, renewal\\; due"
    assert fields["DTSTART;VALUE=DATE"] == "20261123" and fields["DTEND;VALUE=DATE"] == "20261124"
    assert fields["DTSTAMP"] == "20261123T000000Z"
    assert fields["TRIGGER"] == "-P90D"


def test_renewal_events_have_stable_distinct_uids_and_balanced_blocks(bundled_data):
    data = {"name": "Jane Doe", "credentials": [{"id": "CPC", "earned": "2021-06-15"},
                                                {"id": "CCS", "earned": "2022-01-10"}, "CCA"]}
    first = renewal_calendar(report_for(bundled_data, data))
    assert first == renewal_calendar(report_for(bundled_data, data))
    lines = unfold(first)
    uids = [line[4:] for line in lines if line.startswith("UID:")]
    assert len(uids) == 2 == len(set(uids))  # CCA has no earned date: no event
    assert all(re.fullmatch(r"[0-9a-f]{24}@codingpath", uid) for uid in uids)
    for block in ("VCALENDAR", "VEVENT", "VALARM"):
        assert lines.count(f"BEGIN:{block}") == lines.count(f"END:{block}") > 0
    assert "DTSTART;VALUE=DATE:20270615" in lines and "DTSTART;VALUE=DATE:20280110" in lines
    assert "SUMMARY:CPC renewal due" in lines
    other = renewal_calendar(report_for(bundled_data, {**data, "name": "Someone Else"}))
    assert not set(uids) & {line[4:] for line in unfold(other) if line.startswith("UID:")}


# -- CLI ----------------------------------------------------------------------------------------------

def invoke(*args: str, env: dict | None = None):
    return runner.invoke(app, ["renewals", *args], env=env)


def test_the_table_fits_80_columns_and_names_every_credential(tmp_path):
    profile = tmp_path / "p.yaml"
    profile.write_text(
        "name: Jane Doe\ncredentials:\n  - {id: CPC, earned: 2025-01-10}\n  - {id: CCS-P, earned: 2022-05-01}\n"
        "  - {id: RHIT, earned: 2015-05-01}\n  - {id: RHIA, earned: 2019-05-01}\n  - CDIP\n"
        "ceus:\n  - {date: 2026-02-01, hours: 12}\n"
    )
    result = invoke("--profile", str(profile), env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    rows = {line.split()[0]: line.split() for line in lines if line.strip().split(" ")[0] in
            {"CPC", "CCS-P", "RHIT"}}
    assert rows["CPC"][:6] == ["CPC", "2027-01-10", "36", "12", "24", "due"]
    # One AHIMA deadline for the pooled total, counted from RHIA's earned date (RHIT is retired).
    assert rows["CCS-P"][:7] == ["CCS-P", "+", "2027-05-01", "*", "50", "12", "38"]
    assert "RHIA + CDIP" in result.stdout
    assert rows["RHIT"][-3:] == ["replaced", "by", "RHIA"]
    assert "due soon: CPC: cycle ends 2027-01-10 (in 48 days); 24 CEUs still missing" in result.stdout
    assert "CCS-P, CDIP, RHIA: one AHIMA total" in result.stdout


def test_quiet_keeps_the_table_and_the_warnings_only(tmp_path):
    profile = tmp_path / "p.yaml"
    profile.write_text("credentials:\n  - {id: CPC, earned: 2025-01-10}\n")
    loud = invoke("--profile", str(profile), "--verbose").stdout
    quiet = invoke("--profile", str(profile), "--quiet").stdout
    assert "https://www.aapc.com/medical-coding-education/help/" in loud
    assert "Cycles are counted" in loud and "Cycles are counted" not in quiet
    assert "due soon: CPC" in quiet and "https://" not in quiet


def test_json_contract():
    result = invoke("--profile", CODER, "--format", "json")
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert payload["format_version"] == 1 and payload["as_of"] == "2026-11-23"
    cpc, cca = payload["renewals"]
    assert {k: cpc[k] for k in ("credential", "cycle_end", "ceus_required", "ceus_logged", "ceus_missing",
                               "due_soon", "status")} == {
        "credential": "CPC", "cycle_end": "2027-06-15", "ceus_required": 36, "ceus_logged": 0,
        "ceus_missing": 36, "due_soon": False, "status": "missing"}
    assert cpc["sources"][0]["url"].startswith("https://www.aapc.com/")
    assert cca["status"] == "unknown" and cca["cycle_end"] is None


def test_ics_goes_to_a_file_once_and_is_replaced_only_with_force(tmp_path):
    out = tmp_path / "renewals.ics"
    first = invoke("--profile", CODER, "--format", "ics", "--output", str(out))
    assert first.exit_code == 0, first.output
    assert first.stderr == f"wrote {out} (1 events)\n" and first.stdout == ""
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    again = invoke("--profile", CODER, "--format", "ics", "--output", str(out))
    assert again.exit_code == 2
    assert again.stderr == f"error: {out}: already exists; not overwriting it (use --force to replace it)\n"
    forced = invoke("--profile", CODER, "--format", "ics", "--output", str(out), "--force", "--quiet")
    assert forced.exit_code == 0 and forced.stderr == ""
    assert (tmp_path / "renewals.ics.bak").read_bytes() == out.read_bytes()


def test_an_invalid_profile_is_exit_2_with_the_located_error(tmp_path):
    profile = tmp_path / "bad.yaml"
    profile.write_text("credentials:\n  - CPX\n")
    result = invoke("--profile", str(profile))
    assert result.exit_code == 2
    assert result.stderr == f"error: {profile}:2:5: credentials[0]: unknown credential 'CPX'; did you mean 'CPC'?\n"


def test_the_installed_command_writes_a_calendar_file(tmp_path):
    out = tmp_path / "renewals.ics"
    result = run_installed("renewals", "--profile", CODER, "--format", "ics", "-o", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = unfold(out.read_bytes().decode("utf-8"))
    assert "SUMMARY:CPC renewal due" in lines and "DTSTART;VALUE=DATE:20270615" in lines


def run_on_a_terminal(*args: str, no_color: bool) -> str:
    """The installed command with its output on a pseudo-terminal, as a person sees it."""
    import os
    import pty
    import subprocess

    from conftest import installed_command

    main, child = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80"}
    env.pop("NO_COLOR", None)
    if no_color:
        env["NO_COLOR"] = "1"
    process = subprocess.Popen([*installed_command(), *args], stdout=child, stderr=child, env=env)
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    assert process.wait(timeout=60) == 0
    os.close(main)
    return b"".join(chunks).decode("utf-8")


COLOUR = re.compile(r"\x1b\[[0-9;]*(?:3[0-7]|9[0-7]|38;[25];[0-9;]+)m")


def test_colour_only_on_a_terminal_and_never_with_no_color(tmp_path):
    profile = tmp_path / "p.yaml"
    profile.write_text("credentials:\n  - {id: CPC, earned: 2025-01-10}\n  - {id: CCS, earned: 2020-01-10}\n"
                       "education: high-school\nceus:\n  - {date: 2026-03-01, hours: 30, credential: CCS}\n")
    coloured = run_on_a_terminal("renewals", "--profile", str(profile), no_color=False)
    assert COLOUR.search(coloured), "a terminal gets the status colours"
    plain = run_on_a_terminal("renewals", "--profile", str(profile), no_color=True)
    assert not COLOUR.search(plain) and "due in 48 days" in plain
    piped = run_installed("renewals", "--profile", str(profile), env={"NO_COLOR": ""})
    assert piped.returncode == 0 and "\x1b[" not in piped.stdout
    visible = re.sub(r"\x1b\[[0-9;]*m", "", plain).replace("\r", "")
    assert max(len(line) for line in visible.splitlines()) <= 80
