"""kill -9 of the real bot in the middle of /config writes: the database opens afterwards and
holds every change the bot had confirmed to the admin. SQLite and PostgreSQL."""

from __future__ import annotations

import signal

import pytest

from bot.settings import Settings
from bot.storage import open_store
from tests.discord_fixtures import config, private_text, start_bot
from tests.discord_standin import GUILD_ID, DiscordStandIn, interaction_payload, subcommand

INTEGER, NUMBER = 4, 10


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
async def test_kill_9_keeps_every_confirmed_setting(backend, tmp_path, request):
    database_url = request.getfixturevalue("postgres_url") if backend == "postgresql" else ""
    standin = DiscordStandIn()
    await standin.start()
    bot = await start_bot(standin, tmp_path / "state", tmp_path / "bot.log", DATABASE_URL=database_url)
    try:
        for seconds in range(1, 31):  # each confirmation is an acknowledged write
            text = private_text(await config(standin, "ratelimit", burst=(INTEGER, 1),
                                             refill_seconds=(NUMBER, seconds)))
            assert text.endswith(f"one every {seconds} s")
        confirmed = seconds
        unconfirmed = interaction_payload(2, subcommand("config", "ratelimit", options={
            "burst": (INTEGER, 1), "refill_seconds": (NUMBER, confirmed + 1)}))
        await standin.dispatch("INTERACTION_CREATE", unconfirmed)
        bot.process.send_signal(signal.SIGKILL)  # while that write may be under way
        await bot.process.wait()
    finally:
        await bot.stop()
        await standin.stop()
    assert bot.process.returncode == -signal.SIGKILL

    store = await open_store(Settings(state_dir=tmp_path / "state", database_url=database_url or None))
    try:
        kept = (await store.all_guild_settings())[GUILD_ID]
    finally:
        await store.close()
    assert kept.rate_refill_seconds in (confirmed, confirmed + 1)
