"""The miss log and the votes in the storage interface, on both real databases."""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections import Counter
from dataclasses import replace

import pytest

from bot.insights import MissRecord, report_from, summarise, to_json
from bot.insights.asked import Reader
from bot.settings import Settings
from bot.storage import LATEST, GuildSettings, connect, open_store
from bot.storage.schema import miss_log
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


async def test_version_3_records_are_kept_and_read_by_the_report_when_upgraded(settings, engine):
    store = connect(settings)
    try:
        assert await store.upgrade(target=3) == (0, 3)
        await store._run(miss_log.insert(guild_id=GUILD, day=TODAY.isoformat(), kind="decline",
                                         question="R2 什么时候发布", lang="zh", intent="none", models="",
                                         reason="unknown-model:R2", knowledge_version="abc123").execute)
    finally:
        await store.close()
    store = await open_store(settings)
    try:
        assert await store.version() == LATEST >= 4
        [old] = await store.miss_records()
        assert (old.question, old.reason, old.about, old.asked, old.uncovered) == (
            "R2 什么时候发布", "unknown-model:R2", (), None, None)  # kept as it was: not read yet
        summary = await store.miss_summary()
    finally:
        await store.close()
    data = to_json(report_from(summary, engine, today=TODAY))
    [group] = data["groups"]
    assert group["asked"] == {"class": "unknown-model", "models": [], "name": "r2"} and group["servers"] == [str(GUILD)]
    assert [(d["name"], d["count"]) for d in data["demand"]["names"]] == [("R2", 1)]


async def test_the_database_counts_what_the_report_reads_as_memory_does(settings, engine):
    reader = Reader(engine)
    asked = [("what does deepseek v3 cost per token?", GUILD), ("deepseek v3 每个 token 多少钱", OTHER),
             ("deepseek v3 price per token??", None), ("ds3 什么时候发布", GUILD), ("ds3 什么时候发布", GUILD),
             ("ds3 什么时候发布", OTHER), ("V3.1 参数多少", GUILD), ("V2-Lite 多大", None), ("gpt-4 vs v3", GUILD)]
    records = [reader.read(MissRecord.from_answer(q, engine.ask(q), kind="decline", day=TODAY, guild_id=g))
               for q, g in asked]
    records.append(replace(records[0], day=TODAY - dt.timedelta(days=8)))  # before the period
    vote = reader.read(MissRecord.from_answer("v3", engine.ask("v3"), kind="downvote", day=TODAY, guild_id=OTHER))
    store = await open_store(settings)
    try:
        for r in records:
            await store.add_miss(r)
        await store.save_vote("voter-a", vote)
        summary = await store.miss_summary(TODAY - dt.timedelta(days=6))
    finally:
        await store.close()
    expected = summarise([*records[:-1], vote])
    assert Counter(summary.tallies) == Counter(expected.tallies) and len(summary.tallies) == 8  # ds3 three times: one
    assert set(summary.servers) == set(expected.servers)
    assert Counter(summary.uncovered) == Counter(expected.uncovered)
    # GPT-4 is not DeepSeek's: not in the demand
    assert {(u.uncovered, u.count) for u in summary.uncovered} == {("v3.1", 1), ("v2 lite", 1)}
    price = next(t for t in summary.tallies if t.record.asked == "topic:price" and t.direct)
    assert price.record.about == ("deepseek-v3",) and price.count == price.direct == 1
