"""Fuzzy lookup of a name among many aliases, through a character n-gram index.

The index narrows the aliases to those sharing enough trigrams with the query; rapidfuzz
scores only those. A match is accepted only when it is clearly ahead of the best alias of
any other model (RoboDanny's extract_or_exact rule), so near ties are offered, not guessed."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

GRAM = 3


def _grams(text: str) -> set[str]:
    padded = f" {text} "
    return {padded[i: i + GRAM] for i in range(len(padded) - GRAM + 1)}


@dataclass(frozen=True)
class Hit:
    alias: str
    model: str
    score: float


class FuzzyIndex:
    def __init__(self, aliases: dict[str, str], min_length: int = 5):
        """`aliases`: alias text (normalised) -> model id; shorter aliases are exact-only."""
        self._aliases = [a for a in aliases if len(a) >= min_length]
        self._model = dict(aliases)
        self._postings: dict[str, list[int]] = defaultdict(list)
        for i, alias in enumerate(self._aliases):
            for gram in _grams(alias):
                self._postings[gram].append(i)
        # A gram shared by most aliases ("dee", "eep") narrows nothing; skip it when the index is large.
        self._common = max(64, len(self._aliases) // 20)

    def __len__(self) -> int:
        return len(self._aliases)

    def candidates(self, query: str, limit: int = 64) -> list[str]:
        counts: Counter[int] = Counter()
        grams = _grams(query)
        for gram in grams:
            posting = self._postings.get(gram)
            if posting and len(posting) <= self._common:
                counts.update(posting)
        if not counts:  # every gram was common (or absent): fall back to the common ones
            for gram in grams:
                counts.update(self._postings.get(gram, ()))
        return [self._aliases[i] for i, _ in counts.most_common(limit)]

    def top_per_model(self, query: str, cutoff: float = 60.0, models: int = 3) -> list[Hit]:
        """The best alias of each of the `models` best models, best first."""
        best: dict[str, Hit] = {}
        for alias, score, _ in process.extract(query, self.candidates(query), scorer=fuzz.ratio,
                                               score_cutoff=cutoff, limit=None):
            model = self._model[alias]
            if model not in best or score > best[model].score:
                best[model] = Hit(alias, model, score)
        return sorted(best.values(), key=lambda h: -h.score)[:models]

    def match(self, query: str, accept: float = 85.0, margin: float = 6.0) -> tuple[Hit | None, list[Hit]]:
        """(accepted hit or None, near misses worth offering as "did you mean")."""
        hits = self.top_per_model(query)
        if not hits:
            return None, []
        top = hits[0]
        runner_up = hits[1].score if len(hits) > 1 else 0.0
        if top.score >= accept and top.score - runner_up >= margin:
            return top, []
        return None, [h for h in hits if h.score >= 70.0]
