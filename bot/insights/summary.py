"""What the report reads of the miss log: counts, not records.

The database computes it with GROUP BY (bot.storage.Store.miss_summary), so a report over a busy
bot's week (many shards writing to one PostgreSQL) reads distinct questions with their counts, the
servers each group was asked in, and the names of uncovered models per day; `summarise` computes the
same from records in memory (a JSON Lines file, tests)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from bot.insights.records import MissRecord

# The columns a tally keeps: what was asked, the question, its parse, kind, language and note; not the day,
# the server or the knowledge version (counted apart, or not needed by the report)
TALLIED = ("asked", "about", "uncovered", "wording", "question", "lang", "kind", "intent", "models", "field",
           "selector", "reason", "note", "rephrasing", "rephrasing_parse")
# The kinds that count as questions asked in the demand for uncovered models (a vote is on a question already
# counted)
ASKING = ("decline", "near-miss", "rephrased")


@dataclass(frozen=True)
class Tally:
    record: MissRecord  # one distinct combination of TALLIED; its day, server and knowledge version are not kept
    count: int
    direct: int = 0  # of those, asked with no server (a DM, the console)


@dataclass(frozen=True)
class ServerRow:
    """A server a group was asked in: the group's class, models and name, or (for a group by wording, or a record
    not read yet: `asked` None or "") the question."""
    asked: str | None
    about: tuple[str, ...]
    uncovered: str | None
    question: str | None
    guild_id: int


@dataclass(frozen=True)
class UncoveredRow:
    """Questions naming a model the article does not cover, or a variant, on one day."""
    asked: str | None
    uncovered: str | None
    intent: str
    reason: str | None
    day: dt.date
    count: int


@dataclass(repr=False)
class Summary:
    tallies: list[Tally] = field(default_factory=list)
    servers: list[ServerRow] = field(default_factory=list)
    uncovered: list[UncoveredRow] = field(default_factory=list)

    def __repr__(self) -> str:
        # short: asyncio writes the repr of a finished task's result when it restores its signal handlers
        return f"Summary({len(self.tallies)} tallies, {len(self.servers)} servers, {len(self.uncovered)} uncovered)"


def by_wording(asked: str | None) -> bool:
    """Whether a record with this stored `asked` is grouped by its question (or not read yet)."""
    return not asked


def names_a_model(record: MissRecord) -> bool:
    """The demand's filter, as the database applies it: a named model or variant (another company's left out),
    or a record not read yet whose reason may name one."""
    if record.kind not in ASKING:
        return False
    if record.asked is None:
        return (record.reason or "").startswith(("unknown-model:", "variant:"))
    return record.uncovered is not None and record.asked != "foreign-model"


def summarise(records: Iterable[MissRecord]) -> Summary:
    """The summary of records in memory: what the database's GROUP BY gives."""
    tallies: Counter[MissRecord] = Counter()
    direct: Counter[MissRecord] = Counter()
    servers: dict[ServerRow, None] = {}
    uncovered: Counter[tuple] = Counter()
    for r in records:
        key = replace(r, guild_id=None, day=dt.date.min, knowledge_version="")
        tallies[key] += 1
        direct[key] += r.guild_id is None
        if r.guild_id is not None:
            question = r.question if by_wording(r.asked) else None
            servers[ServerRow(r.asked, r.about, r.uncovered, question, r.guild_id)] = None
        if names_a_model(r):
            uncovered[(r.asked, r.uncovered, r.intent, r.reason, r.day)] += 1
    return Summary([Tally(k, n, direct[k]) for k, n in tallies.items()], list(servers),
                   [UncoveredRow(*k, n) for k, n in uncovered.items()])
