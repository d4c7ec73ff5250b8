"""Near-identical wordings of failed questions, grouped.

Questions are compared by their wording (the caller's function: the engine's normalised text, so
`DS3`, `ｄｓ３` and `ds3` are one word and Traditional is Simplified, less the names of models the
bot knows) as token sets, each Chinese character a token: rapidfuzz's
token_set_ratio, plus a shared-token share so that a short question ("v3") does not glue every
longer one that contains it into one group. Linked questions form a group (single linkage)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from bot.core.normalise import tokens_of
from bot.insights.records import FAILURES, MissRecord

SIMILAR = 80.0  # token_set_ratio to call two wordings near-identical
SHARED = 0.5  # and at least this share of their tokens in common (Jaccard)
EXAMPLES = 3


@dataclass
class Group:
    records: list[MissRecord] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.records)

    @property
    def servers(self) -> list[int]:
        return sorted({r.guild_id for r in self.records if r.guild_id is not None})

    @property
    def direct(self) -> int:
        """Records asked with no server: in a direct message, or in the console (`chat --record`)."""
        return sum(r.guild_id is None for r in self.records)

    @property
    def languages(self) -> dict[str, int]:
        return dict(Counter(r.lang for r in self.records).most_common())

    @property
    def kinds(self) -> dict[str, int]:
        return dict(Counter(r.kind for r in self.records).most_common())

    @property
    def questions(self) -> list[str]:
        """Distinct questions as asked, the most frequent first."""
        return [q for q, _ in Counter(r.question for r in self.records).most_common()]

    @property
    def examples(self) -> list[str]:
        return self.questions[:EXAMPLES]

    @property
    def notes(self) -> list[str]:
        return [r.note for r in self.records if r.note]

    @property
    def distinct_notes(self) -> list[str]:
        """The "what did you expect?" notes of the 👎, each once, the most frequent first."""
        return [note for note, _ in Counter(self.notes).most_common()]


def _similar(a: str, b: str) -> bool:
    sa, sb = set(a.split()), set(b.split())
    return len(sa & sb) / len(sa | sb) >= SHARED


def cluster(records: Iterable[MissRecord], wording: Callable[[str], str]) -> list[Group]:
    """The failed records (declines, downvotes, near misses) grouped by wording, largest group first."""
    by_text: dict[str, list[MissRecord]] = {}
    for record in records:
        if record.kind in FAILURES:
            key = " ".join(tokens_of(wording(record.question))) or record.question.strip().lower()
            by_text.setdefault(key, []).append(record)
    texts = list(by_text)
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, text in enumerate(texts):
        for _, _, j in process.extract(text, texts[i + 1:], scorer=fuzz.token_set_ratio, score_cutoff=SIMILAR,
                                       limit=None):
            if _similar(text, texts[i + 1 + j]):
                parent[root(i + 1 + j)] = root(i)
    groups: dict[int, Group] = {}
    for i, text in enumerate(texts):
        groups.setdefault(root(i), Group()).records.extend(by_text[text])
    return sorted(groups.values(), key=lambda g: (-g.count, g.questions[0]))
