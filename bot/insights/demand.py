"""The demand for models the article does not cover: questions naming a DeepSeek model it does not cover
(V2.5, V3-0324, V3.1, R1-0528, R2...) or a variant of a covered one it does not describe (V2-Lite,
R1-Distill-Qwen-32B...), counted by name and by week, so a maintainer sees which new source is worth
adding. Another company's models (GPT-4) are left out: no source of DeepSeek's would answer them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.insights.asked import Reader
from bot.insights.summary import UncoveredRow


@dataclass
class Demand:
    key: str  # the name normalised, without the brand ("r2")
    kind: str  # "model": a DeepSeek model the article does not cover; "variant": of a covered model
    count: int = 0
    weeks: Counter = field(default_factory=Counter)  # ISO week ("2026-W11") -> questions
    typed: Counter = field(default_factory=Counter)  # the name as people typed it -> questions
    closest: str | None = None  # the covered model: the variant's, or the nearest by name

    @property
    def name(self) -> str:
        """The name as most people typed it."""
        return sorted(self.typed.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def week_of(day) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def demand(rows: Iterable[UncoveredRow], reader: Reader) -> list[Demand]:
    """Each name asked about, the most asked first."""
    found: dict[str, Demand] = {}
    for row in rows:
        kind, _, detail = (row.reason or "").partition(":")
        if kind == "unknown-model":
            typed, closest = detail, None
        elif kind == "variant":  # declined, "variant:<model>:<field>:<as typed>"; answered, "variant:<as typed>"
            parts = detail.split(":", 2)
            closest, typed = (parts[0], parts[2]) if len(parts) == 3 else (None, detail)
        else:
            continue
        if kind == "unknown-model" and row.asked is None and not reader.is_deepseek(typed):
            continue  # a record not read yet, naming another company's model
        key = row.uncovered or reader.name_key(typed)
        entry = found.get(key)
        if entry is None:
            entry = found[key] = Demand(key, "model" if kind == "unknown-model" else "variant",
                                        closest=closest or reader.closest(typed))
        entry.count += row.count
        entry.weeks[week_of(row.day)] += row.count
        entry.typed[typed] += row.count
    return sorted(found.values(), key=lambda d: (-d.count, d.key))
