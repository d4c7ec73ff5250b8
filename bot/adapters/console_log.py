"""`python -m bot chat --record`: the console keeps its own misses in the bot's database, with the
miss log the Discord bot uses, so a maintainer can try the loop (ask, `python -m bot report`,
`--apply`, ask again) without Discord.

The same rules as in Discord: only declines, near misses and rephrasings, the question as typed (never who
asked; the console counts as a direct message: no server id), the day without the time, at most
the daily bound, deleted after LOG_RETENTION_DAYS (checked when the chat starts). Off by default:
without --record the console loads no database."""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

from bot.adapters.miss_log import MissLog
from bot.settings import Settings
from bot.storage import Defaults, GuildConfig, open_store


class ConsoleLog:
    """The miss log of one console chat; writes are done before the next line is read."""

    def __init__(self, settings: Settings, engine: Any) -> None:
        self._loop = asyncio.new_event_loop()
        try:
            self._store = self._loop.run_until_complete(open_store(settings))  # created and upgraded if need be
        except BaseException:
            self._loop.close()
            raise
        self.where = self._store.where
        self._log = MissLog(self._store, GuildConfig(Defaults(log_enabled=True)), engine, settings)
        self._answers = itertools.count(1)
        self._loop.run_until_complete(self._log.purge_expired())

    def answered(self, question: str, answer: Any) -> None:
        """Keep the answer to `question` if it is a miss (a decline, a near miss), as Discord does."""
        async def keep() -> None:
            # the console is one person in one place: a question asked again in other words is heard as in Discord
            self._log.answered(question, answer, None, f"console-{next(self._answers)}", asker=("console", 0))
            await self._log.drain()

        self._loop.run_until_complete(keep())

    def close(self) -> None:
        self._loop.run_until_complete(self._store.close())
        self._loop.close()
