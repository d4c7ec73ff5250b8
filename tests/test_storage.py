"""The storage interface on both real databases: SQLite in a folder, PostgreSQL from pgserver."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import tracemalloc
from pathlib import Path
from types import SimpleNamespace

import pytest

from bot.adapters.discord_app.channel_questions import in_question_channel
from bot.adapters.discord_app.config_commands import setting_lines
from bot.settings import Settings
from bot.storage import (
    LATEST,
    Defaults,
    GuildConfig,
    GuildSettings,
    RateLimit,
    StorageError,
    connect,
    open_store,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(params=["sqlite", "postgresql"])
def settings(request, tmp_path) -> Settings:
    if request.param == "sqlite":
        return Settings(state_dir=tmp_path / "state")
    return Settings(state_dir=tmp_path / "state", database_url=request.getfixturevalue("postgres_url"))


async def test_a_new_database_is_created_at_the_latest_schema(settings):
    store = await open_store(settings)
    try:
        assert store.backend == ("postgresql" if settings.database_url else "sqlite")
        assert await store.version() == LATEST
        assert await store.all_guild_settings() == {}
        assert await store.upgrade() == (LATEST, LATEST)  # a second start changes nothing
    finally:
        await store.close()
    if not settings.database_url:
        assert (settings.state_dir / "bot.db").is_file()


async def test_sqlite_runs_in_wal_mode(tmp_path):
    store = await open_store(Settings(state_dir=tmp_path))
    try:
        assert await store._run(lambda db: db.execute_sql("PRAGMA journal_mode").fetchone()[0]) == "wal"
    finally:
        await store.close()


async def test_settings_survive_a_reopen_and_reset_deletes_them(settings):
    defaults = Defaults(channels=(1,), rate_limit=RateLimit(4, 5.0))
    store = await open_store(settings)
    config = await GuildConfig.load(store, defaults)
    await config.update(10, channels=(11, 12), language="zh")
    await config.update(10, rate_burst=2, rate_refill_seconds=9.5, log_enabled=False)
    await config.update(20, language="en")
    await config.reset(20)
    await store.close()

    store = await open_store(settings)
    try:
        reloaded = await GuildConfig.load(store, defaults)
        assert reloaded.chosen(10) == GuildSettings((11, 12), "zh", 2, 9.5, False)
        assert reloaded.channels(10) == (11, 12) and reloaded.language(10) == "zh"
        assert reloaded.rate_limit(10) == RateLimit(2, 9.5) and not reloaded.log_enabled(10)
        assert reloaded.chosen(20).is_default() and 20 not in await store.all_guild_settings()
        assert reloaded.channels(30) == (1,) and reloaded.language(30) == "auto" and reloaded.log_enabled(30)
    finally:
        await store.close()


async def test_ids_beyond_32_bits_and_an_emptied_channel_list_are_kept(settings):
    store = await open_store(settings)
    try:
        guild, channel = 1_234_567_890_123_456_789, 987_654_321_098_765_432
        await store.save_guild_settings(guild, GuildSettings(channels=(channel,)))
        await store.save_guild_settings(guild + 1, GuildSettings(channels=()))
        kept = await store.all_guild_settings()
        assert kept[guild].channels == (channel,)
        assert kept[guild + 1].channels == ()  # none at all, not the operator's default
    finally:
        await store.close()


SNOWFLAKES = tuple(1_100_000_000_000_000_000 + n for n in range(30))  # a server's 30 channels


async def test_a_servers_channels_are_tested_shown_and_reloaded_whole(settings):
    store = await open_store(settings)
    config = await GuildConfig.load(store, Defaults(channels=(5,)))
    await config.update(1, channels=SNOWFLAKES, language="en")
    await config.update(2, channels=())
    await store.close()

    store = await open_store(settings)
    try:
        config = await GuildConfig.load(store, Defaults(channels=(5,)))
        assert config.chosen(1) == GuildSettings(SNOWFLAKES, "en") and config.channels(1) == SNOWFLAKES
        assert all(config.is_question_channel(1, c) for c in SNOWFLAKES)
        assert not config.is_question_channel(1, 5) and not config.is_question_channel(1, SNOWFLAKES[-1] + 1)
        assert config.channels(2) == () and not config.is_question_channel(2, 5)  # emptied, not the default
        assert config.is_question_channel(3, 5) and config.is_question_channel(None, 5)  # the operator's
        _, shown, chosen = setting_lines(config, 1, "en")["channels"]  # what /config show lists
        assert shown == ", ".join(f"<#{c}>" for c in SNOWFLAKES) and chosen
        await config.update(1, channels=SNOWFLAKES[:2])
        assert config.is_question_channel(1, SNOWFLAKES[1]) and not config.is_question_channel(1, SNOWFLAKES[2])
        await config.reset(1)
        assert config.channels(1) == (5,) and config.chosen(1).is_default()
    finally:
        await store.close()


def test_a_thread_under_a_question_channel_is_one_too():
    config = GuildConfig(Defaults(), {1: GuildSettings(channels=SNOWFLAKES)})
    guild = SimpleNamespace(id=1)

    def message(channel_id: int, parent_id: int | None = None) -> SimpleNamespace:
        return SimpleNamespace(guild=guild, channel=SimpleNamespace(id=channel_id, parent_id=parent_id))

    assert in_question_channel(message(SNOWFLAKES[3]), config)
    assert in_question_channel(message(7, parent_id=SNOWFLAKES[3]), config)
    assert not in_question_channel(message(7, parent_id=8), config) and not in_question_channel(message(7), config)


def test_a_server_with_30_channels_costs_well_under_a_kilobyte():
    """Its 30 channel ids held as Python ints in a tuple cost about 1.5 KB a server in all; as one
    array of 64-bit ids (240 bytes), about 0.5 KB."""
    servers = 200
    tracemalloc.start()
    try:
        chosen = {g: GuildSettings(tuple(c + g for c in SNOWFLAKES), "en") for g in range(1, servers + 1)}
        config = GuildConfig(Defaults(), chosen)
        del chosen
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert held / servers < 700
    assert config.channels(servers) == tuple(c + servers for c in SNOWFLAKES)


def test_a_server_rate_limit_is_never_looser_than_the_operators():
    config = GuildConfig(Defaults(rate_limit=RateLimit(4, 5.0)), {
        1: GuildSettings(rate_burst=10, rate_refill_seconds=1.0),
        2: GuildSettings(rate_burst=2, rate_refill_seconds=30.0),
    })
    assert config.rate_limit(1) == RateLimit(4, 5.0)
    assert config.rate_limit(2) == RateLimit(2, 30.0)
    assert config.rate_limit(3) == RateLimit(4, 5.0)


async def test_version_1_database_is_upgraded_with_its_data_kept(settings):
    store = connect(settings)
    try:
        assert await store.upgrade(target=1) == (0, 1)
        columns = "guild_id, channels, language, rate_burst, rate_refill_seconds"
        await store._run(lambda db: db.execute_sql(
            f"INSERT INTO guild_settings ({columns}) VALUES (7, '[70, 71]', 'zh', 2, 8.0)"))
        with pytest.raises(StorageError):  # version 1 has no log column yet
            await store.save_guild_settings(7, GuildSettings(log_enabled=False))
    finally:
        await store.close()

    store = await open_store(settings)  # what the bot does at start
    try:
        assert await store.version() == LATEST
        assert (await store.all_guild_settings())[7] == GuildSettings((70, 71), "zh", 2, 8.0, None)
        await store.save_guild_settings(7, GuildSettings((70, 71), "zh", 2, 8.0, False))
        assert (await store.all_guild_settings())[7].log_enabled is False
    finally:
        await store.close()


async def test_version_3_database_keeps_each_servers_language_and_takes_traditional_chinese(settings):
    store = connect(settings)
    try:
        assert await store.upgrade(target=3) == (0, 3)
        await store._run(lambda db: db.execute_sql(
            "INSERT INTO guild_settings (guild_id, channels, language) VALUES (7, NULL, 'zh'), (8, NULL, 'auto')"))
    finally:
        await store.close()
    store = await open_store(settings)
    try:
        kept = await store.all_guild_settings()
        assert (kept[7].language, kept[8].language) == ("zh", "auto")
        await store.save_guild_settings(9, GuildSettings(language="zh-TW"))  # too long for the first column
        assert (await store.all_guild_settings())[9] == GuildSettings(language="zh-TW")
    finally:
        await store.close()


async def test_a_database_from_a_newer_version_is_refused(settings):
    store = await open_store(settings)
    await store._run(lambda db: db.execute_sql("UPDATE schema_version SET version = 99"))
    await store.close()
    with pytest.raises(StorageError, match=rf"newer version of the bot \(schema 99; this one knows up to {LATEST}\)"):
        await open_store(settings)


# -- durability ------------------------------------------------------------------------------

WRITER = """
import asyncio
from bot.settings import load_settings
from bot.storage import GuildSettings, open_store

async def main():
    store = await open_store(load_settings(dotenv=False))
    number = 0
    while True:
        number += 1
        await store.save_guild_settings(number, GuildSettings(channels=(number,), language="zh"))
        print(number, flush=True)  # acknowledged: the write has returned

asyncio.run(main())
"""


async def test_kill_9_during_writes_keeps_every_acknowledged_change(settings):
    env = {**os.environ, "BOT_STATE_DIR": str(settings.state_dir), "DATABASE_URL": settings.database_url or ""}
    child = await asyncio.create_subprocess_exec(sys.executable, "-c", WRITER, cwd=ROOT, env=env,
                                                 stdout=asyncio.subprocess.PIPE)
    acknowledged = 0
    try:
        while acknowledged < 40:
            line = await asyncio.wait_for(child.stdout.readline(), 30)
            assert line, "the writer stopped before it was killed"
            acknowledged = int(line)
    finally:
        child.send_signal(signal.SIGKILL)  # in the middle of the next write
        await child.wait()
    assert child.returncode == -signal.SIGKILL

    store = await open_store(settings)
    try:
        kept = await store.all_guild_settings()
    finally:
        await store.close()
    assert all(kept[n] == GuildSettings(channels=(n,), language="zh") for n in range(1, acknowledged + 1))


async def test_reads_come_from_memory_and_a_failed_write_changes_nothing(settings):
    store = connect(settings)
    await store.upgrade(target=1)  # a database without the log column: every write fails
    statements: list[str] = []
    store._db.query_hooks.append(lambda query: statements.append(query.sql))
    try:
        config = GuildConfig(Defaults(channels=(5,)), {}, store)
        with pytest.raises(StorageError):
            await config.update(1, language="zh")
        assert config.language(1) == "auto"  # memory follows the database, not the attempt
        await store.upgrade()
        await config.update(1, language="zh")
        assert any("guild_settings" in s for s in statements)
        statements.clear()
        for _ in range(100):  # what the question path reads for every message
            config.channels(1), config.language(1), config.rate_limit(1), config.log_enabled(1)
        assert statements == [] and config.language(1) == "zh"
    finally:
        await store.close()
