"""Failed questions, grouped by what was asked first, by wording second.

A record the engine recognised by what it asks (bot.insights.asked: a topic beyond the article, a
future version, a model the article does not cover...) joins the group of its class and models,
whatever its wording and language: the database has already counted them together (GROUP BY).

The others (nothing recognised, and the answers people voted down or asked again) are grouped by
wording: the engine's normalised text less the names of models the bot knows, as token sets (each
Chinese character a token), two wordings near-identical when they share at least half their tokens
(Jaccard) and rapidfuzz's token_set_ratio says so; linked wordings form a group (single linkage).
Not every wording is compared with every other: a set-similarity join's prefix filter (tokens in
order of rarity; two sets sharing half their tokens share one of their rarest) gives each wording
its candidates, at most CANDIDATES of them, so the time grows about linearly with the wordings; the
same words in another order are one wording without a comparison."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from bot.insights.records import FAILURES
from bot.insights.summary import ServerRow, Tally

SIMILAR = 80.0  # token_set_ratio to call two wordings near-identical
SHARED = 0.5  # and at least this share of their tokens in common (Jaccard)
CANDIDATES = 16  # wordings compared with each one at most, the latest first: bounds the work per wording
EXAMPLES = 3
FREQUENT = 10


@dataclass
class Group:
    # (class, models, name) of a group by what was asked; None for a group by wording
    asked: tuple[str, tuple[str, ...], str | None] | None = None
    count: int = 0
    direct: int = 0  # records asked with no server: in a direct message, or in the console (`chat --record`)
    server_ids: set[int] = field(default_factory=set)
    _languages: Counter = field(default_factory=Counter)
    _kinds: Counter = field(default_factory=Counter)
    wordings: Counter = field(default_factory=Counter)  # question as asked -> records
    note_counts: Counter = field(default_factory=Counter)
    parses: Counter = field(default_factory=Counter)  # (intent, models, field, selector, reason) -> records
    rephrasings: Counter = field(default_factory=Counter)  # (question asked again, its parse key) -> records
    recorded: dict[str, tuple] = field(default_factory=dict)  # question -> (intent, models, field) recorded

    def add(self, tally: Tally) -> None:
        r, n = tally.record, tally.count
        self.count += n
        self.direct += tally.direct
        self._languages[r.lang] += n
        self._kinds[r.kind] += n
        self.wordings[r.question] += n
        if r.note:
            self.note_counts[r.note] += n
        self.parses[(r.intent, r.models, r.field, r.selector, r.reason)] += n
        if r.rephrasing:
            self.rephrasings[(r.rephrasing, r.rephrasing_parse or "")] += n
        self.recorded.setdefault(r.question, (r.intent, r.models, r.field))

    @property
    def servers(self) -> list[int]:
        return sorted(self.server_ids)

    @property
    def languages(self) -> dict[str, int]:
        return dict(_ranked(self._languages))

    @property
    def kinds(self) -> dict[str, int]:
        return dict(_ranked(self._kinds))

    @property
    def questions(self) -> list[str]:
        """Distinct questions as asked, the most frequent first."""
        return [q for q, _ in _ranked(self.wordings)]

    @property
    def examples(self) -> list[str]:
        return self.questions[:EXAMPLES]

    @property
    def frequent(self) -> list[tuple[str, int]]:
        return _ranked(self.wordings)[:FREQUENT]

    @property
    def notes(self) -> list[str]:
        return list(self.note_counts.elements())

    @property
    def distinct_notes(self) -> list[str]:
        """The "what did you expect?" notes of the 👎, each once, the most frequent first."""
        return [note for note, _ in _ranked(self.note_counts)]

    @property
    def parse(self) -> tuple:
        return _ranked(self.parses)[0][0]


def _ranked(counts: Counter) -> list:
    """The most frequent first; ties in the order of their keys, so a report reads the same whatever order
    the database returned the rows in."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))


def cluster(tallies: Iterable[Tally], servers: Iterable[ServerRow] = ()) -> list[Group]:
    """The failed tallies (declines, downvotes, near misses, rephrasings) grouped, largest group first. Each tally
    is read already (its `asked` and, for a group by wording, its `wording` set); `servers` are the database's
    rows of where each group, or each question grouped by wording, was asked."""
    by_asked: dict[tuple, Group] = {}
    by_text: dict[str, list[Tally]] = {}
    for tally in tallies:
        r = tally.record
        if r.kind not in FAILURES:
            continue
        if r.asked:
            by_asked.setdefault((r.asked, r.about, r.uncovered), Group((r.asked, r.about, r.uncovered))).add(tally)
        else:
            by_text.setdefault(r.wording or r.question.strip().lower(), []).append(tally)
    groups = list(by_asked.values())
    by_question: dict[str, Group] = {}
    for texts in _linked(list(by_text)):
        group = Group()
        for text in texts:
            for tally in by_text[text]:
                group.add(tally)
                by_question.setdefault(tally.record.question, group)
        groups.append(group)
    for group in by_asked.values():  # a record the database held unread is found by its question
        for question in group.wordings:
            by_question.setdefault(question, group)
    for row in servers:
        group = (by_question.get(row.question) if row.question is not None
                 else by_asked.get((row.asked, row.about, row.uncovered)))
        if group is not None:  # else only upvotes were asked there
            group.server_ids.add(row.guild_id)
    return sorted(groups, key=lambda g: (-g.count, g.questions[0]))


def _linked(texts: list[str]) -> list[list[str]]:
    """The wordings in groups of near-identical ones (single linkage), each group in the order given."""
    by_tokens: dict[frozenset, list[int]] = {}  # the same words in another order: one wording, no comparison
    for i, text in enumerate(texts):
        by_tokens.setdefault(frozenset(text.split()), []).append(i)
    sets = list(by_tokens)
    rarity = Counter(token for s in sets for token in s)
    parent = list(range(len(sets)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index: dict[str, list[int]] = {}
    for i, tokens in enumerate(sets):
        ranked = sorted(tokens, key=lambda t: (rarity[t], t))
        # two sets with a Jaccard share of at least SHARED have one of these tokens in common
        prefix = ranked[:len(ranked) - math.ceil(SHARED * len(ranked)) + 1]
        tried = 0
        for token in prefix:  # the rarest first: the likeliest to be shared by a near-identical wording only
            bucket = index.setdefault(token, [])
            for j in reversed(bucket):
                if tried >= CANDIDATES:
                    break
                if root(i) != root(j):
                    tried += 1
                    if _similar(tokens, sets[j]) and fuzz.token_set_ratio(
                            texts[by_tokens[tokens][0]], texts[by_tokens[sets[j]][0]]) >= SIMILAR:
                        parent[root(j)] = root(i)
            bucket.append(i)
    found: dict[int, list[str]] = {}
    for i, tokens in enumerate(sets):
        found.setdefault(root(i), []).extend(texts[k] for k in by_tokens[tokens])
    return list(found.values())


def _similar(a: frozenset, b: frozenset) -> bool:
    small, large = sorted((len(a), len(b)))
    if small < SHARED * large:  # too different in size to share half their words
        return False
    return bool(large) and len(a & b) / len(a | b) >= SHARED
