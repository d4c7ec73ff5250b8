"""Memory of the running bot beside a bare discord.py client with the same intents, in the
same run: RSS once each has received every GUILD_CREATE from the loopback stand-in, at 1
server and at many servers of 30 channels each, every server with its own stored settings
(the bot loads them all into memory at start).

Both run as their own processes (`python -m bot`, `python -m benchmarks.bare_client`) against
the same stand-in; "started" means the client fired on_ready, which discord.py does once the
last guild has arrived."""

from __future__ import annotations

import asyncio
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.timing import render
from bot.settings import Settings
from bot.storage import GuildSettings, open_store
from tests.discord_fixtures import PROJECT_ROOT, bot_env
from tests.discord_standin import DiscordStandIn, many_guilds

READY_TIMEOUT_S = 300.0
SETTLE_S = 1.0  # let the last events finish before reading the RSS


@dataclass
class MemoryRow:
    servers: int
    bot_mb: float
    bare_mb: float

    @property
    def extra_mb(self) -> float:
        return self.bot_mb - self.bare_mb


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        kb = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    return kb / 1024.0


async def seed_settings(state: Path, guilds: dict[int, dict[int, str]]) -> None:
    """Every server has chosen its question channels and language: one stored row each."""
    store = await open_store(Settings(state_dir=state))
    try:
        for guild_id, channels in guilds.items():
            await store.save_guild_settings(guild_id, GuildSettings(channels=tuple(channels), language="en"))
    finally:
        await store.close()


async def _ready_rss(standin: DiscordStandIn, module: str, ready_text: str, folder: Path) -> float:
    """Start `python -m module` against the stand-in; its RSS in MB once `ready_text` is in its output."""
    standin.reset_connection()
    log = folder / f"{module}.log"
    with log.open("wb") as out:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", module, cwd=PROJECT_ROOT, env=bot_env(standin, folder / "state"),
            stdin=asyncio.subprocess.DEVNULL, stdout=out, stderr=out)
    try:
        deadline = time.monotonic() + READY_TIMEOUT_S
        while ready_text not in log.read_text(errors="replace"):
            if process.returncode is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{module} did not get ready:\n{log.read_text(errors='replace')[-2000:]}")
            await asyncio.sleep(0.1)
        await asyncio.sleep(SETTLE_S)
        return rss_mb(process.pid)
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
            await process.wait()


async def _measure(servers: int) -> MemoryRow:
    guilds = many_guilds(servers)
    standin = DiscordStandIn(guilds, check_spec=False)
    await standin.start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            await seed_settings(Path(folder) / "state", guilds)
            ready = f"to {servers} guilds"  # the bot's on_ready log line
            bot = await _ready_rss(standin, "bot", ready, Path(folder))
            bare = await _ready_rss(standin, "benchmarks.bare_client", f"ready {servers}", Path(folder))
    finally:
        await standin.stop()
    return MemoryRow(servers, bot, bare)


def run(server_counts: tuple[int, ...]) -> list[MemoryRow]:
    return [asyncio.run(_measure(n)) for n in server_counts]


def table(rows: list[MemoryRow]) -> str:
    return render(["servers (30 channels each)", "bot RSS", "bare discord.py RSS", "bot - bare"],
                  [[f"{r.servers:,}", f"{r.bot_mb:.1f} MB", f"{r.bare_mb:.1f} MB", f"{r.extra_mb:+.1f} MB"]
                   for r in rows])
