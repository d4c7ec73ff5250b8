"""👍 / 👎 per intent and per model over the period, from the records of kind upvote and downvote."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from bot.insights.records import MissRecord


@dataclass(frozen=True)
class Votes:
    key: str  # an intent, or a model id
    up: int
    down: int

    @property
    def share_up(self) -> float | None:
        return self.up / (self.up + self.down) if self.up + self.down else None


def _rows(counts: dict[str, Counter]) -> list[Votes]:
    rows = [Votes(key, c["upvote"], c["downvote"]) for key, c in counts.items()]
    return sorted(rows, key=lambda v: (-(v.up + v.down), v.key))


def satisfaction(records: Iterable[MissRecord]) -> dict[str, list[Votes]]:
    """{"by_intent": [...], "by_model": [...]}, the most voted first."""
    by_intent: dict[str, Counter] = {}
    by_model: dict[str, Counter] = {}
    for r in records:
        if r.kind not in ("upvote", "downvote"):
            continue
        by_intent.setdefault(r.intent, Counter())[r.kind] += 1
        for model in r.models:
            by_model.setdefault(model, Counter())[r.kind] += 1
    return {"by_intent": _rows(by_intent), "by_model": _rows(by_model)}
