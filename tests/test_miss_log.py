"""The Discord side of the miss log over a real SQLite store: the daily bound, the opt-out, DMs."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.adapters import miss_log as miss_log_module
from bot.adapters.miss_log import MissLog
from bot.adapters.rephrasings import WINDOW_SECONDS, Rephrasings
from bot.core.query import Query
from bot.settings import Settings
from bot.storage import Defaults, GuildConfig, GuildSettings, open_store

GUILD, QUIET = 910000000000000001, 910000000004194306


@pytest.fixture
async def setup(tmp_path, engine):
    settings = Settings(state_dir=tmp_path)
    store = await open_store(settings)
    config = GuildConfig(Defaults(), {QUIET: GuildSettings(log_enabled=False)}, store)
    yield MissLog(store, config, engine, settings), store, engine
    await store.close()


async def test_past_the_daily_bound_records_are_counted_not_kept(setup, monkeypatch):
    log, store, engine = setup
    monkeypatch.setattr(miss_log_module, "DAILY_LIMIT", 3)
    for n in range(5):
        log.answered(f"ds{n} 什么时候发布", engine.ask(f"ds{n} 什么时候发布"), GUILD, log.answer_id(n))
        await log.drain()
    assert await store.records_on(GUILD, dt.date.today()) == 3
    assert await store.dropped() == 2
    assert [r.question for r in await store.miss_records()] == ["ds0 什么时候发布", "ds1 什么时候发布",
                                                                "ds2 什么时候发布"]


async def test_answers_are_not_logged_and_a_quiet_server_keeps_nothing(setup):
    log, store, engine = setup
    log.answered("V3 有多少参数", engine.ask("V3 有多少参数"), GUILD, log.answer_id(1))  # answered: no record
    log.answered("ds3 什么时候发布", engine.ask("ds3 什么时候发布"), QUIET, log.answer_id(2))
    log.vote(7, log.answer_id(2), False, QUIET, log.record("?", engine.help("en"), QUIET))
    log.answered("ds3 什么时候发布", engine.ask("ds3 什么时候发布"), None, log.answer_id(3))  # a DM: the default
    await log.drain()
    [kept] = await store.miss_records()
    assert (kept.question, kept.guild_id, kept.kind) == ("ds3 什么时候发布", None, "decline")


async def test_a_vote_names_the_remembered_question_and_after_a_restart_the_cards_title(setup):
    log, store, engine = setup
    declined = engine.ask("ds3 什么时候发布")
    log.answered("ds3 什么时候发布", declined, GUILD, log.answer_id(1))
    picked = engine.answer(Query("model", ("deepseek-v3",)), "zh")  # "did you mean" V3: the card changed
    log.vote(7, log.answer_id(1), True, GUILD, log.record("DeepSeek-V3", picked, GUILD))
    log.vote(8, log.answer_id(1), False, GUILD, log.record("?", engine.answer(Query("none"), "zh"), GUILD),
             parse_known=False)  # a button too long to carry the parse: the remembered one
    log.vote(7, "0123456789ab", False, GUILD, log.record("DeepSeek-V3", picked, GUILD))  # no longer remembered
    await log.drain()
    kept = sorted((r.kind, r.question, r.intent, r.models) for r in await store.miss_records())
    assert kept == [("decline", "ds3 什么时候发布", "none", ()),
                    ("downvote", "DeepSeek-V3", "model", ("deepseek-v3",)),
                    ("downvote", "ds3 什么时候发布", "none", ()),
                    ("upvote", "ds3 什么时候发布", "model", ("deepseek-v3",))]
    assert log.answer_id(1) == log.answer_id(1) != log.answer_id(2) and len(log.answer_id(1)) == 12


async def test_a_near_miss_is_kept_as_one(setup):
    log, store, engine = setup
    log.answered("deepseek codr when", engine.ask("deepseek codr when"), GUILD, log.answer_id(1))
    await log.drain()
    [kept] = await store.miss_records()
    assert (kept.kind, kept.models) == ("near-miss", ("deepseek-coder",))


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_a_rephrasing_is_heard_within_the_window_from_the_same_person_in_the_same_channel(setup):
    log, store, engine = setup
    clock = Clock()
    log._rephrasings = Rephrasings(engine, clock)

    def ask(question: str, asker: tuple[int, int], guild: int = GUILD) -> None:
        log.answered(question, engine.ask(question), guild, log.answer_id(hash(question)), asker=asker)

    wrong, again = "deepseek v3 per token", "deepseek v3 cost per token"
    ask(wrong, (1, 10))
    ask(again, (2, 10))  # another person
    ask(again, (1, 11))  # another channel
    clock.now += WINDOW_SECONDS + 1
    ask(again, (1, 10))  # too late
    ask(wrong, (3, 10))
    clock.now += WINDOW_SECONDS - 1
    ask(again, (3, 10))  # in time: heard
    ask("v3 有多重", (4, 10))  # V3's card: not what was asked
    ask("v3 有多少参数", (4, 10))  # the same again, answered another way: heard
    ask(wrong, (5, 10), guild=QUIET)
    ask(again, (5, 10), guild=QUIET)  # logging off: nothing
    await log.drain()
    heard = sorted((r.question, r.rephrasing, r.kind) for r in await store.miss_records() if r.kind == "rephrased")
    assert heard == [("deepseek v3 per token", again, "rephrased"), ("v3 有多重", "v3 有多少参数", "rephrased")]
    assert all(len(key) == 64 and not key.isdigit() for key in log._rephrasings._last)  # HMACs, not user ids
    clock.now += WINDOW_SECONDS + 1
    ask("r1", (6, 10))
    assert len(log._rephrasings._last) == 1  # the others' answers are gone from memory
