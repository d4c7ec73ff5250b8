"""Dates written in a question: "2024-12-26", "2024 年 12 月", "December 26, 2024", "Nov 2023"."""

from __future__ import annotations

import calendar
import re

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))

_PATTERNS = (
    re.compile(r"(?<![0-9])(?P<y>20\d\d)\s*年\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*[日号])?"),
    re.compile(r"(?<![0-9])(?P<y>20\d\d)\s+(?P<m>\d{1,2})(?:\s+(?P<d>\d{1,2}))?(?![0-9])"),
    re.compile(rf"(?<![a-z])(?P<mn>{_MONTH})\s+(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<y>20\d\d)(?![0-9])"),
    re.compile(rf"(?<![0-9])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mn>{_MONTH})\s+(?P<y>20\d\d)(?![0-9])"),
    re.compile(r"(?<![0-9])(?P<y>20\d\d)(?![0-9])"),
)


def _prefix(match: re.Match) -> str | None:
    parts = match.groupdict()
    month = MONTHS[parts["mn"]] if parts.get("mn") else int(parts["m"]) if parts.get("m") else None
    day = int(parts["d"]) if parts.get("d") else None
    if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
        return None
    text = parts["y"]
    if month:
        text += f"-{month:02d}"
        if day:
            text += f"-{day:02d}"
    return text


def date_prefix(normalised: str) -> str | None:
    """The most precise date the text names, as an ISO prefix: "2024", "2024-12" or "2024-12-26"."""
    for pattern in _PATTERNS:
        for match in pattern.finditer(normalised):
            if text := _prefix(match):
                return text
    return None


def date_spans(normalised: str) -> list[tuple[int, int, str]]:
    """Every date the text names, in order: (start, end, ISO prefix); "between May 2024 and Jan 2025"."""
    found: list[tuple[int, int, str]] = []
    for pattern in _PATTERNS:  # the most precise patterns first; a year inside a date is not a date again
        for match in pattern.finditer(normalised):
            if not any(s < match.end() and match.start() < e for s, e, _ in found) and (text := _prefix(match)):
                found.append((match.start(), match.end(), text))
    return sorted(found)


# a month (and a day) with no year: "in December", "1 月", "on jan 20th", "1 月 28 号" (a year beside it
# makes it a date above)
_MONTH_ONLY = (
    re.compile(rf"(?<![a-z])(?P<mn>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![0-9])(?!\s*20\d\d)"),
    re.compile(r"(?<![0-9年])(?<!年 )(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"),
    re.compile(rf"(?<![a-z])(?:in|on|during|of)\s+(?P<mn>{_MONTH})(?![a-z])(?!\s*\d)"),
    re.compile(r"(?<![0-9年])(?<!年 )(?P<m>\d{1,2})\s*月(?!\s*\d)"),
)


def month_spans(normalised: str) -> list[tuple[int, int, str]]:
    """Months (and days) named without a year, as "--MM" or "--MM-DD": "was R1 released in January?",
    "R1 是 1 月 20 日发布的吗"."""
    found: list[tuple[int, int, str]] = []
    for pattern in _MONTH_ONLY:
        for match in pattern.finditer(normalised):
            parts = match.groupdict()
            month = MONTHS[parts["mn"]] if parts.get("mn") else int(parts["m"])
            day = int(parts["d"]) if parts.get("d") else None
            taken = any(s < match.end() and match.start() < e for s, e, _ in found)
            if 1 <= month <= 12 and (day is None or 1 <= day <= 31) and not taken:
                found.append((match.start(), match.end(), f"--{month:02d}" + (f"-{day:02d}" if day else "")))
    return sorted(found)
