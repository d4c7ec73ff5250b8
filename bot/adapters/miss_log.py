"""The miss log, from the adapters' side: what is kept of an answer, a decline, a rephrasing and a
vote, in Discord and in the console when asked (`python -m bot chat --record`).

Writes go to the database in the background, after the reply: answering never waits for them,
and a failed write is one log line. Nothing is kept for a server with `/config log` off; a DM
(and the console) follows the operator's default (on). Never a user's id or name: a vote is kept
under a keyed hash of (user, answer), a person's last answer in a channel (to hear a rephrasing,
bot/adapters/rephrasings.py) in memory only, for 90 s, under a keyed hash of (user, channel).
Each kept record carries what was asked, as the report groups it (bot/insights/asked.py)."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections import OrderedDict
from collections.abc import Coroutine
from dataclasses import replace
from typing import Any

from bot.adapters.rephrasings import Rephrasings
from bot.insights.asked import Reader
from bot.insights.records import MissRecord, knowledge_version
from bot.storage import GuildConfig, StorageError, Store
from bot.storage.voter_key import keyed_hash, voter_key

log = logging.getLogger(__name__)

DAILY_LIMIT = 2000  # new records per server per day; past it they are counted, their text not kept
RECENT_ANSWERS = 5000  # answers remembered (in memory) so a vote can name the question
PURGE_EVERY_SECONDS = 24 * 3600
ANSWER_ID_CHARS = 12


class MissLog:
    def __init__(self, store: Store | None, config: GuildConfig, engine: Any, settings: Any) -> None:
        self._store = store  # None: nothing is kept (command sync, unit tests)
        self._config = config
        self._engine = engine
        self._state_dir = settings.state_dir
        self._retention = settings.log_retention_days
        self._key: bytes | None = None
        self._recent: OrderedDict[str, MissRecord] = OrderedDict()
        self._today: dict[tuple[int | None, dt.date], int] = {}  # records kept per server today
        self._version: tuple[int, str] = (0, "")
        self._tasks: set[asyncio.Task] = set()
        self._votes: dict[str, asyncio.Task] = {}  # voter -> the write of their vote, while under way
        self._reader = Reader(engine)
        self._rephrasings = Rephrasings(engine)

    def enabled(self, guild_id: int | None) -> bool:
        return self._store is not None and self._config.log_enabled(guild_id)

    def answer_id(self, question_id: int) -> str:
        """A stable name for the answer to one question (message or interaction id), which the
        vote buttons carry; keyed, so it cannot be traced back to the message."""
        return keyed_hash(self._voter_key(), "answer", question_id)[:ANSWER_ID_CHARS]

    # -- what is recorded ---------------------------------------------------------------------

    def answered(self, question: str, answer: Any, guild_id: int | None, answer_id: str,
                 asker: tuple[object, int] | None = None) -> None:
        """After a reply: remember the answer for its votes; log it when it declined or was a near miss, and the
        asker's previous answer when this question rephrases it. `asker`: (user id, channel id), never kept.
        (The caller replies in a question channel only to what the bot can answer: chat never comes here.)"""
        if not self.enabled(guild_id):
            return
        record = self.record(question, answer, guild_id)
        self._recent[answer_id] = record
        while len(self._recent) > RECENT_ANSWERS:
            self._recent.popitem(last=False)
        kind = "decline" if answer.query.intent == "none" else "near-miss" if answer.query.near_miss else None
        if kind is not None and answer.query.reason != "help":
            self._add(replace(record, kind=kind))
        if asker is not None:
            asked_before = self._rephrasings.after(keyed_hash(self._voter_key(), "asker", *asker), question, answer,
                                                   record)
            if asked_before is not None:
                self._add(asked_before)

    def vote(self, user_id: int, answer_id: str, up: bool, guild_id: int | None, shown: MissRecord,
             parse_known: bool = True) -> None:
        """A 👍 or 👎 on an answer; a second click by the same user replaces the first. `shown`: the
        record of the card as it is now (its parse from the button, the card's title for the question);
        the question as asked replaces the title while the answer is remembered, and the parse too
        when the button could not carry it (`parse_known` False)."""
        if not self.enabled(guild_id):
            return
        asked = self._recent.get(answer_id)
        if asked is not None:
            shown = replace(shown, question=asked.question) if parse_known else asked
        record = self._reader.read(replace(shown, kind="upvote" if up else "downvote", note=None, guild_id=guild_id,
                                           day=dt.date.today()))
        voter = self._voter(user_id, answer_id)
        self._votes[voter] = self._background(self._keep(record, self._store.save_vote(voter, record)))  # type: ignore[union-attr]

    def note(self, user_id: int, answer_id: str, guild_id: int | None, text: str) -> None:
        """The "what did you expect?" of a 👎, once that vote is written."""
        if not (self.enabled(guild_id) and text.strip()):
            return
        voter = self._voter(user_id, answer_id)
        vote = self._votes.get(voter)

        async def after_the_vote() -> None:
            if vote is not None:
                await asyncio.wait({vote})
            await self._store.set_vote_note(voter, text.strip())  # type: ignore[union-attr]

        self._background(after_the_vote())

    def record(self, question: str, answer: Any, guild_id: int | None) -> MissRecord:
        """What would be kept of `answer` to `question` (its kind set when kept)."""
        return MissRecord.from_answer(question or "?", answer, kind="decline", day=dt.date.today(), guild_id=guild_id,
                                      knowledge_version=self._knowledge_version())

    # -- retention ----------------------------------------------------------------------------

    async def purge_old(self) -> None:
        """Delete what is older than LOG_RETENTION_DAYS now, then once a day."""
        while self._store is not None:
            deleted = await self.purge_expired()
            log.info("miss log: %d records older than %d days deleted", deleted, self._retention)
            await asyncio.sleep(PURGE_EVERY_SECONDS)

    async def purge_expired(self) -> int:
        """Delete what is older than LOG_RETENTION_DAYS; how many records that was."""
        if self._store is None:
            return 0
        try:
            return await self._store.purge_before(dt.date.today() - dt.timedelta(days=self._retention))
        except StorageError as exc:
            log.warning("miss log: old records not deleted: %s", exc)
            return 0

    async def forget_guild(self, guild_id: int) -> None:
        if self._store is not None:
            await self._store.purge_guild(guild_id)
        self._today = {k: n for k, n in self._today.items() if k[0] != guild_id}
        self._rephrasings.forget(guild_id)

    async def drain(self) -> None:
        """Wait for the writes under way (at shutdown)."""
        if self._tasks:
            await asyncio.wait(set(self._tasks))

    # -- plumbing -----------------------------------------------------------------------------

    def _knowledge_version(self) -> str:
        kb = self._engine.kb  # replaced by a hot reload: hash the files again only then
        if self._version[0] != id(kb):
            self._version = (id(kb), knowledge_version(kb.folder))
        return self._version[1]

    def _voter_key(self) -> bytes:
        if self._key is None:
            self._key = voter_key(self._state_dir)
        return self._key

    def _voter(self, user_id: int, answer_id: str) -> str:
        return keyed_hash(self._voter_key(), "vote", user_id, answer_id)

    def _add(self, record: MissRecord) -> None:
        """Keep a miss, with what it asked read from its parse (in the background, as the write)."""
        async def add() -> None:
            kept = self._reader.read(record)
            await self._keep(kept, self._store.add_miss(kept))  # type: ignore[union-attr]

        self._background(add())

    async def _keep(self, record: MissRecord, write: Coroutine[Any, Any, None]) -> None:
        """`write`, unless the server reached today's bound: then only a count."""
        store = self._store
        assert store is not None
        key = (record.guild_id, record.day)
        if key not in self._today:
            self._today = {k: n for k, n in self._today.items() if k[1] == record.day}  # yesterday's go
            self._today[key] = await store.records_on(record.guild_id, record.day)
        if self._today[key] >= DAILY_LIMIT:
            write.close()
            await store.count_dropped(record.guild_id, record.day)
            return
        self._today[key] += 1
        await write

    def _background(self, write: Coroutine[Any, Any, Any]) -> asyncio.Task:
        task = asyncio.create_task(self._logged(write))
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task) -> None:
        self._tasks.discard(task)
        self._votes = {voter: t for voter, t in self._votes.items() if t is not task}

    @staticmethod
    async def _logged(write: Coroutine[Any, Any, Any]) -> None:
        try:
            await write
        except StorageError as exc:
            log.warning("miss log: not recorded: %s", exc)
        except Exception:
            log.exception("miss log: not recorded")
