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
    re.compile(rf"(?<![0-9])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mn>{_MONTH})\s+(?P<y>20\d\d)(?![0-9])"),
    re.compile(r"(?<![0-9])(?P<y>20\d\d)(?![0-9])"),
)


def _prefix(match: re.Match) -> str | None:
    parts = match.groupdict()
    month = MONTHS[parts["mn"]] if parts.get("mn") else int(parts["m"]) if parts.get("m") else None
    day = int(parts["d"]) if parts.get("d") else None
    if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
        return None
    text = parts.get("y") or "-"  # no year: "--MM" or "--MM-DD", a month or a day of any year
    if month:
        text += f"-{month:02d}"
        if day:
            text += f"-{day:02d}"
    return text


def date_prefix(normalised: str) -> str | None:
    """The most precise date the text names, as an ISO prefix: "2024", "2024-12" or "2024-12-26"."""
    return max((text for _, _, text in date_spans(normalised)), key=len, default=None)


def _spans(normalised: str, patterns) -> list[tuple[int, int, str]]:
    """Every date the patterns find, the longest writing first ("26 dec 2024" before "dec 2024"): a date
    inside a longer one is not a date again. In order of position: (start, end, ISO prefix)."""
    matches = sorted((m for pattern in patterns for m in pattern.finditer(normalised)),
                     key=lambda m: (m.start() - m.end(), m.start()))
    found: list[tuple[int, int, str]] = []
    for match in matches:
        if not any(s < match.end() and match.start() < e for s, e, _ in found) and (text := _prefix(match)):
            found.append((match.start(), match.end(), text))
    return sorted(found)


def date_spans(normalised: str) -> list[tuple[int, int, str]]:
    """Every date the text names, in order: (start, end, ISO prefix); "between May 2024 and Jan 2025"."""
    return _spans(normalised, _PATTERNS)


# a month (and a day) with no year: "in December", "1 月", "on jan 20th", "1 月 28 号" (a year beside it
# makes it a date above; a year said relative to now, "去年 12 月", gives none: the month of any year)
_MONTH_ONLY = (
    re.compile(rf"(?<![a-z])(?P<mn>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![0-9])(?!\s*20\d\d)"),
    re.compile(rf"(?<![0-9])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mn>{_MONTH})(?![a-z])(?!\s*20\d\d)"),
    re.compile(r"(?<![0-9])(?<![0-9]年)(?<![0-9]年 )(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"),
    re.compile(rf"(?<![a-z])(?:in|on|during|of)\s+(?P<mn>{_MONTH})(?![a-z])(?!\s*\d)"),
    re.compile(r"(?<![0-9])(?<![0-9]年)(?<![0-9]年 )(?P<m>\d{1,2})\s*月(?!\s*\d)"),
)


def month_spans(normalised: str) -> list[tuple[int, int, str]]:
    """Months (and days) named without a year, as "--MM" or "--MM-DD": "was R1 released in January?",
    "R1 是 1 月 20 日发布的吗"."""
    return _spans(normalised, _MONTH_ONLY)
