"""The miss log and the votes in the storage interface, on both real databases."""

from __future__ import annotations

import datetime as dt
import os
import stat

import pytest

from bot.insights import MissRecord
from bot.settings import Settings
from bot.storage import LATEST, GuildSettings, connect, open_store
from bot.storage.voter_key import voter_key

TODAY = dt.date.today()
GUILD, OTHER = 910000000000000001, 910000000004194306


@pytest.fixture(params=["sqlite", "postgresql"])
def settings(request, tmp_path) -> Settings:
    if request.param == "sqlite":
        return Settings(state_dir=tmp_path / "state")
    return Settings(state_dir=tmp_path / "state", database_url=request.getfixturevalue("postgres_url"))


def record(question: str = "ds3 什么时候发布", kind: str = "decline", guild: int | None = GUILD,
           day: dt.date = TODAY, **extra) -> MissRecord:
    return MissRecord(question, "zh", extra.pop("intent", "none"), kind=kind, guild_id=guild, day=day,
                      knowledge_version="abc123", **extra)


async def test_version_2_database_is_upgraded_to_the_miss_log_with_its_settings_kept(settings):
    store = connect(settings)
    try:
        assert await store.upgrade(target=2) == (0, 2)
        await store._run(lambda db: db.execute_sql(
            f"INSERT INTO guild_settings (guild_id, language, log_enabled) VALUES ({GUILD}, 'zh', FALSE)"))
    finally:
        await store.close()
    store = await open_store(settings)
    try:
        assert await store.version() == LATEST >= 3
        assert (await store.all_guild_settings())[GUILD] == GuildSettings(language="zh", log_enabled=False)
        await store.add_miss(record())
        assert await store.miss_records() == [record()]
    finally:
        await store.close()


async def test_one_vote_per_voter_and_its_note(settings):
    store = await open_store(settings)
    try:
        down = record("V3 有多少参数", "downvote", intent="field", models=("deepseek-v3",), field="parameters")
        await store.save_vote("voter-a", down)
        assert await store.set_vote_note("voter-a", "the active parameters")
        await store.save_vote("voter-a", record("V3 有多少参数", "upvote", intent="field", models=("deepseek-v3",),
                                                field="parameters"))  # the same user changes their mind
        await store.save_vote("voter-b", down)
        kinds = sorted((r.kind, r.note) for r in await store.miss_records())
        assert kinds == [("downvote", None), ("upvote", None)]
        assert not await store.set_vote_note("voter-c", "nobody voted")
        assert [r.models for r in await store.miss_records()] == [("deepseek-v3",)] * 2
    finally:
        await store.close()


async def test_purges_by_server_and_by_age_and_the_daily_count(settings):
    store = await open_store(settings)
    try:
        old = TODAY - dt.timedelta(days=31)
        for r in (record(), record(guild=OTHER), record(day=old), record(guild=None)):
            await store.add_miss(r)
        await store.save_vote("v", record(kind="upvote", day=old))
        await store.count_dropped(GUILD, TODAY)
        await store.count_dropped(GUILD, TODAY)
        assert await store.records_on(GUILD, TODAY) == 1 and await store.records_on(None, TODAY) == 1
        assert await store.dropped() == 2
        assert await store.miss_records(first_day=TODAY) == [record(), record(guild=OTHER), record(guild=None)]
        assert await store.records_before(TODAY) == 2  # what a report from today on leaves out: miss log and votes
        assert await store.purge_before(TODAY - dt.timedelta(days=30)) == 2  # the old decline and the old vote
        assert await store.purge_guild(GUILD) == 2  # its record and its count of dropped ones
        assert await store.miss_records() == [record(guild=OTHER), record(guild=None)]
        cursor = await store._run(lambda db: db.execute_sql("SELECT * FROM votes"))
        assert not any("user" in c[0] or "name" in c[0] for c in cursor.description)
    finally:
        await store.close()


def test_the_voter_key_is_made_once_and_readable_only_by_its_owner(tmp_path):
    key = voter_key(tmp_path / "state")
    assert len(key) == 32 and voter_key(tmp_path / "state") == key
    assert stat.S_IMODE(os.stat(tmp_path / "state" / "voter.key").st_mode) == 0o600
