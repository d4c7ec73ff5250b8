"""Channel questions per second through the real bot, end to end, on loopback, and its memory.

The real bot runs as `python -m bot` against the tests' Discord stand-in (an aiohttp server
on 127.0.0.1 speaking the REST API and the gateway). We send N MESSAGE_CREATE events in a
question channel at once and time until the N-th reply is posted; every question must get
exactly one reply to itself, and the bot's log must hold no error. Each question comes from a
user of its own, so none is taken for a follow-up of the one before.

Three set-ups, side by side: the question channel from the environment (QUESTION_CHANNEL_IDS,
as before there was a database), the same channel set by an admin with /config (kept in the
SQLite database, read from memory on every message), and the latter with 2,500 servers
connected, each with its own stored settings (one shard's worth). benchmarks/memory.py
weighs the same bot."""

from __future__ import annotations

import asyncio
import itertools
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.memory import seed_settings
from tests.discord_fixtures import CHANNEL, config, private_text, start_bot
from tests.discord_standin import (
    API_PATH,
    QUESTION_CHANNEL,
    USER_ID,
    DiscordStandIn,
    many_guilds,
    message_payload,
    user,
)

REPLY_TIMEOUT_S = 120.0  # bounded: a stuck bot ends the benchmark with an error, not a hang


@dataclass
class ThroughputRow:
    questions: int
    replies: int
    seconds: float
    errors: list[str]
    channels_from: str = "environment"
    servers: int = 1

    @property
    def per_second(self) -> float:
        return self.replies / self.seconds if self.seconds else 0.0


def _replies(standin: DiscordStandIn, after: int) -> list[dict]:
    path = f"{API_PATH}/channels/{QUESTION_CHANNEL}/messages"
    return [r.body for r in standin.requests[after:] if r.method == "POST" and r.path == path]


async def _run(texts: list[str], count: int, channels_from: str, servers: int) -> ThroughputRow:
    guilds = many_guilds(servers, channels=1) if servers > 1 else None
    standin = DiscordStandIn(guilds, check_spec=False)
    await standin.start()
    with tempfile.TemporaryDirectory() as folder:
        state = Path(folder) / "state"
        if guilds:
            await seed_settings(state, guilds)
        overrides = {} if channels_from == "environment" else {"QUESTION_CHANNEL_IDS": "",
                                                               "MESSAGE_CONTENT_INTENT": "true"}
        bot = await start_bot(standin, state, Path(folder) / "bot.log", **overrides)
        try:
            if channels_from == "database":  # an admin sets the question channel up
                text = private_text(await config(standin, "channels", "add", channel=(CHANNEL, QUESTION_CHANNEL)))
                assert str(QUESTION_CHANNEL) in text, text
            # Warm up: the first timeline question has both pictures drawn by a child process;
            # after these replies they are files, and the bot is in steady state.
            warm = ["timeline", "时间线", *texts[:3]]
            await _ask(standin, warm, len(warm))
            row = await _ask(standin, list(itertools.islice(itertools.cycle(texts), count)), count)
            row.channels_from, row.servers = channels_from, servers
            return row
        finally:
            code = await bot.stop()
            log = bot.log()
            await standin.stop()
            if code != 0 or "Traceback" in log:
                raise RuntimeError(f"the bot exited {code} or logged an error:\n{log[-2000:]}")


async def _ask(standin: DiscordStandIn, texts: list[str], count: int) -> ThroughputRow:
    mark = standin.mark()
    # each question from a user of its own: none is read as a follow-up of the one before it (a question the
    # bot answers alone may be declined after another: "all the moe ones", then "那个…代码模型是 moe 吗")
    messages = [message_payload(QUESTION_CHANNEL, content=text, author=user(USER_ID + 10 + n))
                for n, text in enumerate(texts)]
    start = time.perf_counter()
    for message in messages:
        await standin.dispatch("MESSAGE_CREATE", message)
    deadline = start + REPLY_TIMEOUT_S
    while len(_replies(standin, mark)) < count and time.perf_counter() < deadline:
        await asyncio.sleep(0.005)
    seconds = time.perf_counter() - start
    replies = _replies(standin, mark)
    asked = sorted(m["id"] for m in messages)
    answered = sorted(str((r.get("message_reference") or {}).get("message_id")) for r in replies)
    errors = [] if answered == asked else [f"{len(replies)} replies to {count} questions, not one each"]
    return ThroughputRow(count, len(replies), seconds, errors)


def run(texts: list[str], count: int = 500, channels_from: str = "environment", servers: int = 1) -> ThroughputRow:
    """`texts`: questions the bot answers (it stays silent on chat, which would never be counted)."""
    return asyncio.run(_run(texts, count, channels_from, servers))


def run_all(texts: list[str], count: int, setups: tuple[tuple[str, int], ...]) -> list[ThroughputRow]:
    return [run(texts, count, channels_from, servers) for channels_from, servers in setups]


def table(rows: list[ThroughputRow]) -> str:
    lines = ["| question channel from | servers | questions -> replies | seconds | questions/s | status |",
             "| --- | ---: | ---: | ---: | ---: | --- |"]
    for row in rows:
        status = "no errors" if not row.errors else "; ".join(row.errors[:3])
        lines.append(f"| {row.channels_from} | {row.servers:,} | {row.questions} -> {row.replies} | "
                     f"{row.seconds:.2f} | {row.per_second:,.0f} | {status} |")
    return "\n".join(lines)
