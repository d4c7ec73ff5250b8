"""Rephrasings heard as implicit misses: in a channel, people who get the wrong thing rarely vote; they ask
again in other words.

When the same person asks again in the same channel within WINDOW_SECONDS of an answer, with a question that
repeats what the first one asked (its words besides model names, less stop words: half of the shorter one's at
least) about the same models (or the first answer's were a typo's near miss), and gets a different answer, the
first answer was probably a miss: its record comes back as kind "rephrased", with the second wording and the
second answer's parse. Only an answer counts as missed: a decline is in the miss log already.

The same models alone are not enough: "V3 有多少参数?" then "V3 什么时候发布?" is a follow-up, not a
rephrasing. Nor are the same words about other models: "V3 有多少参数" then "R1 有多少参数" asks again of
another model.

Who asked is never kept: each person's last answer in each channel is held in memory only, under an HMAC of
(user, channel) keyed like the votes' (bot/storage/voter_key.py), and dropped after WINDOW_SECONDS; at most
MAX_ASKERS at once."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from bot.insights.asked import Reader
from bot.insights.records import MissRecord

WINDOW_SECONDS = 90.0
MAX_ASKERS = 10_000
SHARED = 0.5  # of the shorter question's words, besides model names and stop words


@dataclass(frozen=True)
class _Asked:
    at: float
    question: str
    parses: tuple  # each part's query
    about: frozenset[str]
    near_miss: bool
    record: MissRecord  # what would be kept of the answer


class Rephrasings:
    def __init__(self, engine: Any, clock: Callable[[], float] = time.monotonic) -> None:
        self._reader = Reader(engine)
        self._clock = clock
        self._last: OrderedDict[str, _Asked] = OrderedDict()  # asker's key -> their last answer, oldest first

    def after(self, asker: str, question: str, answer: Any, record: MissRecord) -> MissRecord | None:
        """Note `answer` (recorded as `record`) to `question` by `asker` (a keyed hash of user and channel); the
        record of their previous answer as a probable miss when this question rephrases it, else None."""
        now = self._clock()
        while self._last and next(iter(self._last.values())).at < now - WINDOW_SECONDS:
            self._last.popitem(last=False)
        parts = answer.parts or (answer,)
        this = _Asked(now, question, tuple(p.query for p in parts),
                      frozenset(m for p in parts for m in (*p.query.models, *p.query.about)),
                      any(p.query.near_miss for p in parts), record)
        before = self._last.pop(asker, None)
        self._last[asker] = this
        while len(self._last) > MAX_ASKERS:
            self._last.popitem(last=False)
        if before is None or not self._rephrases(before, this):
            return None
        return replace(before.record, kind="rephrased", rephrasing=question,
                       rephrasing_parse=this.parses[0].to_key(), day=record.day)

    def forget(self, guild_id: int) -> None:
        """Drop what is held of a server's askers (the bot was removed from it)."""
        self._last = OrderedDict((k, a) for k, a in self._last.items() if a.record.guild_id != guild_id)

    def _rephrases(self, before: _Asked, this: _Asked) -> bool:
        if all(q.intent == "none" for q in before.parses) or before.parses == this.parses:
            return False  # a decline is logged already; the same answer again is no sign of a miss
        if before.about != this.about and not before.near_miss:
            return False
        first, second = self._reader.content_words(before.question), self._reader.content_words(this.question)
        shared = len(first & second)
        return shared > 0 and shared >= SHARED * min(len(first), len(second))
