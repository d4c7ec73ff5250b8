"""A gap claimed between two models' release dates: "V3 比 V2 晚了七个多月", "R1 came out about a week before
Janus-Pro", "LLM 跟 Coder 是同一天发布的?".

In: a question's normalised words (names cut out). Out: a `Gap`, the range of days it claims and which of the two
(the first named or the second) it says came out later, or None when it claims no gap. `holds` checks it against
the dates; the lexicon's `operators.gap` holds the words (units, numbers, how loosely a figure is given)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from bot.core.cues import Cues, alternation

_ABOUT = 0.3  # "about a week": this share either side
_EXACT = {1: 1, 7: 3}  # slack in days for a count of days or weeks given as such ("8 days", "two weeks")
# for months, of one month: half below, a whole one above, as whole months are counted ("seven months": 6.5 to 8;
# V2 to V3, 7.65 months, is "seven months" to a person counting them and "eight" rounded); for years, of the span
# claimed ("a year": 9 to 18 months)
_LOOSE_MONTHS = (0.5, 1.0)
_LOOSE_YEARS = (0.25, 0.5)


@dataclasses.dataclass(frozen=True)
class Gap:
    low: float  # days
    high: float
    later: str | None  # "first" or "second": which model the claim says came out later; None: either

    @property
    def selector(self) -> str:
        return f"check:gap:{self.low:g}:{self.high:g}:{self.later or 'either'}"

    @classmethod
    def of(cls, selector: str) -> Gap:
        low, high, later = selector.removeprefix("check:gap:").split(":")
        return cls(float(low), float(high), None if later == "either" else later)

    def holds(self, first: dt.date, second: dt.date) -> bool:
        """Whether the dates of the first and second model named are as far apart as claimed, in that order."""
        days = (first - second).days
        if self.later and days and (days > 0) != (self.later == "first"):
            return False
        return self.low <= abs(days) <= self.high


def _slack(n: float, unit: float, side: int) -> float:
    """Days below (side 0) or above (side 1) a span given as such that still count as it."""
    if int(unit) in _EXACT:
        return _EXACT[int(unit)]
    return unit * _LOOSE_MONTHS[side] if unit < 365 else n * unit * _LOOSE_YEARS[side]


class Gaps:
    def __init__(self, lexicon: dict, cues: Cues):
        gap = lexicon["gap"]
        norm = cues.normaliser
        self._units = {norm(str(w)): float(v) for w, v in gap["units"].items()}
        self._numbers = {norm(str(w)): float(v) for w, v in gap["numbers"].items()}
        number = rf"(?P<n>\d+(?:\.\d+)?|{alternation(self._numbers)})"
        unit = f"(?P<unit>{alternation(self._units)})"
        self._span = re.compile(rf"(?<![0-9a-z]){number}\s*(?:个)?\s*(?P<more>{alternation(gap['more'])})?\s*{unit}"
                                r"(?![a-z])")
        self._about = cues.cue_set(gap["about"])
        self._less, self._over = cues.less, cues.more
        self._same = cues.cue_set(gap["same"])
        self._later, self._earlier = cues.cue_set(gap["later"]), cues.cue_set(gap["earlier"])

    def claimed(self, rest: str) -> Gap | None:
        """The gap the words claim, or None."""
        if self._same.find(rest):
            return Gap(0, 0, None)
        span = self._span.search(rest)
        if not span or (span["unit"] == "月" and not ("个" in span.group() or span["more"])):
            return None  # (a month of the year, "5 月", is no gap; "七个多月" is)
        n = float(span["n"]) if span["n"][0].isdigit() else self._numbers[span["n"]]
        unit = self._units[span["unit"]]
        if n * unit > 3 * 365:  # a year ("2024 年") is no gap
            return None
        if span["more"]:  # "七个多月": more than seven, less than eight
            low, high = n * unit, (n + 1) * unit
        elif self._less.find(rest):  # "不到一个月", "less than a week"
            low, high = 0, n * unit
        elif self._over.find(rest):  # "超过半年", "more than two months"
            low, high = n * unit, float("inf")
        elif self._about.find(rest):
            low, high = n * unit * (1 - _ABOUT), n * unit * (1 + _ABOUT)
        else:
            low, high = n * unit - _slack(n, unit, 0), n * unit + _slack(n, unit, 1)
        return Gap(round(max(low, 0), 1), round(high, 1), self._which_later(rest))

    def _which_later(self, rest: str) -> str | None:
        """"A 比 B 晚", "A came out a week after B": the first named is the later; "before", "早": the second."""
        later, earlier = self._later.find(rest), self._earlier.find(rest)
        if later and not earlier:
            return "first"
        if earlier and not later:
            return "second"
        return None
