"""The iCalendar writer on its own: folding at exactly 75 octets, TEXT escaping, and the lines of
an event (a UTC stamp, an all-day date and the day after, one alarm per reminder). The renewal
calendar built from a profile is tested in test_renewals.py."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from codingpath.render.ics import PRODID, Event, calendar, escape_text, fold

STAMP = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def physical_lines(text: str) -> list[str]:
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    return text.split("\r\n")[:-1]


def logical_lines(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")[:-1]


@pytest.mark.parametrize("length", [0, 1, 74, 75])
def test_a_line_of_at_most_75_octets_is_left_alone(length: int):
    assert fold("x" * length) == "x" * length


def test_the_76th_octet_starts_a_continuation_line_with_a_space():
    assert fold("x" * 76) == "x" * 75 + "\r\n x"


def test_a_continuation_line_holds_74_octets_after_its_space():
    parts = fold("y" * 300).split("\r\n")
    assert [len(p) for p in parts] == [75, 75, 75, 75, 4]
    assert all(p.startswith(" ") for p in parts[1:])
    assert "".join(p.removeprefix(" ") for p in parts) == "y" * 300


def test_a_multibyte_character_is_never_cut_across_the_fold():
    line = "x" * 74 + "é" + "z"  # é is 2 octets: octets 75 and 76, so it cannot end the first line
    first, second = fold(line).split("\r\n")
    assert first == "x" * 74 and len(first.encode("utf-8")) == 74
    assert second == " éz"
    assert fold("x" * 73 + "é") == "x" * 73 + "é"  # exactly 75 octets: no fold


def test_four_octet_characters_fold_whole():
    line = "🩺" * 40  # 160 octets
    parts = fold(line).split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert "".join(p.removeprefix(" ") for p in parts) == line
    assert len(parts[0].encode("utf-8")) == 72  # 18 whole characters; a 19th would need octets 73-76


@pytest.mark.parametrize(("raw", "escaped"), [
    ("plain words", "plain words"),
    ("a\\b", "a\\\\b"),  # the backslash first, so the escapes added after are not doubled
    ("CCS; CPC, RHIT", "CCS\\; CPC\\, RHIT"),
    ("one\ntwo\r\nthree\rfour", "one\\ntwo\\nthree\\nfour"),
    ("tab\tstays", "tab\tstays"),
    ("bell\x07 escape\x1b[2J nul\x00 c1\x9b del\x7f", "bell escape[2J nul c1 del"),
])
def test_text_values_are_escaped_and_controls_dropped(raw: str, escaped: str):
    assert escape_text(raw) == escaped


def test_an_empty_calendar_is_still_a_valid_vcalendar():
    assert physical_lines(calendar([])) == [
        "BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
        "END:VCALENDAR"]


def test_an_event_is_all_day_with_its_stamp_in_utc():
    lines = logical_lines(calendar([Event("cpc-2027@codingpath", "CPC renewal", date(2027, 12, 31), STAMP)]))
    event = lines[lines.index("BEGIN:VEVENT"):lines.index("END:VEVENT") + 1]
    assert event == [
        "BEGIN:VEVENT",
        "UID:cpc-2027@codingpath",
        "DTSTAMP:20261123T093000Z",
        "DTSTART;VALUE=DATE:20271231",
        "DTEND;VALUE=DATE:20280101",  # the day after, across the year's end
        "SUMMARY:CPC renewal",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]  # no DESCRIPTION line when there is no description, no alarm when none is asked for


def test_a_stamp_in_another_zone_is_written_as_utc():
    east = datetime(2026, 11, 23, 1, 0, tzinfo=timezone(timedelta(hours=5)))
    lines = logical_lines(calendar([Event("u", "s", date(2027, 1, 1), east)]))
    assert "DTSTAMP:20261122T200000Z" in lines


def test_each_reminder_is_a_display_alarm_that_many_days_before():
    event = Event("u@codingpath", "RHIT renewal, AHIMA", date(2027, 6, 30), STAMP, "Log 20 CEUs; then renew",
                  (90, 30))
    lines = logical_lines(calendar([event]))
    assert "DESCRIPTION:Log 20 CEUs\\; then renew" in lines
    alarms = [i for i, line in enumerate(lines) if line == "BEGIN:VALARM"]
    assert len(alarms) == 2
    assert lines[alarms[0]:alarms[0] + 5] == [
        "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:RHIT renewal\\, AHIMA in 90 days", "TRIGGER:-P90D", "END:VALARM"]
    assert lines[alarms[1] + 3] == "TRIGGER:-P30D"


def test_every_line_of_a_long_calendar_is_folded_and_crlf_ended():
    event = Event("u" * 100 + "@codingpath", "Renouvellement " * 10, date(2027, 3, 1), STAMP, "é" * 200, (7,))
    text = calendar([event, event])
    assert all(len(line.encode("utf-8")) <= 75 for line in physical_lines(text))
    assert logical_lines(text).count("BEGIN:VEVENT") == 2
    assert f"UID:{'u' * 100}@codingpath" in logical_lines(text)


def test_a_custom_product_id_is_written():
    assert "PRODID:-//example//test//EN" in logical_lines(calendar([], prodid="-//example//test//EN"))
