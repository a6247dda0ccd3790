"""A small iCalendar (RFC 5545) writer: all-day events with reminders, nothing more.

What the RFC asks and this does: CRLF line ends (3.1), content lines folded at 75 octets without
splitting a UTF-8 character (3.1), TEXT values with backslash, semicolon, comma and newline escaped
(3.3.11), a UID and a DTSTAMP in UTC on every event (3.6.1), DATE values for all-day events (3.3.4).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from .escape import ics_text

__all__ = ["PRODID", "Event", "calendar", "escape_text", "fold"]

PRODID = "-//codingpath//renewals//EN"
_LIMIT = 75  # octets per content line, excluding the CRLF


@dataclass(frozen=True)
class Event:
    """An all-day event on `start`, with display alarms `alarm_days` days before it."""

    uid: str
    summary: str
    start: date
    stamp: datetime
    description: str = ""
    alarm_days: tuple[int, ...] = ()


def escape_text(value: str) -> str:
    """Escape a TEXT value: backslash first, then ; , and newlines (CR LF, CR or LF) as \\n;
    control characters, which TEXT may not hold, dropped."""
    return ics_text(value)


def fold(line: str) -> str:
    """Fold one content line into chunks of at most 75 octets, continuation lines starting with a space."""
    data = line.encode("utf-8")
    if len(data) <= _LIMIT:
        return line
    parts, start, limit = [], 0, _LIMIT
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # never cut inside a UTF-8 sequence
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, _LIMIT - 1  # the leading space of a continuation counts
    return "\r\n ".join(parts)


def _utc(moment: datetime) -> str:
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y%m%dT%H%M%SZ")


def calendar(events: list[Event], prodid: str = PRODID) -> str:
    """A VCALENDAR holding `events`, as text with CRLF line ends."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{prodid}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{_utc(event.stamp)}",
            f"DTSTART;VALUE=DATE:{event.start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{event.start + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape_text(event.summary)}",
        ]
        if event.description:
            lines.append(f"DESCRIPTION:{escape_text(event.description)}")
        lines.append("TRANSP:TRANSPARENT")
        for days in event.alarm_days:
            lines += [
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                f"DESCRIPTION:{escape_text(event.summary)} in {days} days",
                f"TRIGGER:-P{days}D",
                "END:VALARM",
            ]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
