"""👍 / 👎 per intent and per model over the period, from the records of kind upvote and downvote; beside them
the answers people asked again in other words (kind rephrased), a 👎 nobody clicked."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from bot.insights.summary import Tally

COUNTED = ("upvote", "downvote", "rephrased")


@dataclass(frozen=True)
class Votes:
    key: str  # an intent, or a model id
    up: int
    down: int
    rephrased: int = 0

    @property
    def share_up(self) -> float | None:
        return self.up / (self.up + self.down) if self.up + self.down else None


def _rows(counts: dict[str, Counter]) -> list[Votes]:
    rows = [Votes(key, c["upvote"], c["downvote"], c["rephrased"]) for key, c in counts.items()]
    return sorted(rows, key=lambda v: (-(v.up + v.down + v.rephrased), v.key))


def satisfaction(tallies: Iterable[Tally]) -> dict[str, list[Votes]]:
    """{"by_intent": [...], "by_model": [...]}, the most voted first."""
    by_intent: dict[str, Counter] = {}
    by_model: dict[str, Counter] = {}
    for tally in tallies:
        r = tally.record
        if r.kind not in COUNTED:
            continue
        by_intent.setdefault(r.intent, Counter())[r.kind] += tally.count
        for model in r.models:
            by_model.setdefault(model, Counter())[r.kind] += tally.count
    return {"by_intent": _rows(by_intent), "by_model": _rows(by_model)}
