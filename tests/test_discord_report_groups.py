"""What was asked, heard through Discord: the real bot (`python -m bot`) against the stand-in, its miss log in a
real SQLite database, and `python -m bot report` over that database as a maintainer runs it."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import subprocess
import sys

import pytest
import pytest_asyncio

from bot.insights import MissRecord
from bot.settings import Settings
from bot.storage import connect
from tests.conftest import ROOT
from tests.discord_fixtures import card_text, config, private_text, start_bot
from tests.discord_standin import (
    BOT_ID,
    CHAT_CHANNEL,
    GUILD_ID,
    OTHER_GUILD_CHANNEL,
    OTHER_GUILD_ID,
    QUESTION_CHANNEL,
    DiscordStandIn,
    message_payload,
    user,
)

pytestmark = pytest.mark.asyncio(loop_scope="module")
BOOLEAN = 5
ASKERS = [940000000000000100 + n for n in range(10)]
# One question the article cannot answer (a price), in five wordings, English and Chinese
PRICE = ["what does deepseek v3 cost per token?", "deepseek v3 price per token??", "how much is deepseek v3 per token",
         "deepseek v3 每个 token 多少钱", "DeepSeek V3 按 token 怎么收费"]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def state(tmp_path_factory):
    return tmp_path_factory.mktemp("report-groups")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(standin, state):
    process = await start_bot(standin, state / "state", state / "bot.log")
    yield process
    assert await process.stop() == 0, process.log()


async def mention(standin: DiscordStandIn, text: str, author: int, channel: int = CHAT_CHANNEL,
                  guild_id: int = GUILD_ID) -> dict:
    mark = standin.mark()
    await standin.dispatch("MESSAGE_CREATE", message_payload(
        channel, content=f"<@{BOT_ID}> {text}", author=user(author), guild_id=guild_id,
        mentions=[user(BOT_ID, "deepseek-qa", bot=True)]))
    return await standin.wait_for_post(channel, after=mark)


async def records_until(state, predicate, timeout: float = 10.0) -> list[MissRecord]:
    """The records, once `predicate` holds for them (the bot writes after replying)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        store = connect(Settings(state_dir=state / "state"))
        try:
            found = await store.miss_records()
        finally:
            await store.close()
        if predicate(found) or asyncio.get_running_loop().time() > deadline:
            return found
        await asyncio.sleep(0.1)


def report(state, *args: str) -> subprocess.CompletedProcess:
    env = {"BOT_STATE_DIR": str(state / "state"), "DATABASE_URL": "", "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "bot", "report", "--since", "all", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done


async def test_five_wordings_of_one_question_in_two_languages_are_one_group(standin, bot, state):
    for n, question in enumerate(PRICE):
        reply = await mention(standin, question, ASKERS[n], channel=CHAT_CHANNEL if n % 2 else QUESTION_CHANNEL)
        assert "price" in card_text(reply).lower() or "价格" in card_text(reply)  # declined as a price
    await records_until(state, lambda r: len(r) >= 5)
    data = json.loads(report(state, "--format", "json").stdout)
    [group] = [g for g in data["groups"] if g["asked"] and g["asked"]["class"] == "topic:price"]
    assert group["count"] == 5 and group["asked"]["models"] == ["deepseek-v3"]
    assert group["languages"] == {"en": 3, "zh": 2} and sorted(group["examples"] + [
        w["question"] for w in group["frequent"][3:]]) == sorted(PRICE)
    assert group["servers"] == [str(GUILD_ID)] and data["groups_total"] == 1  # nothing else was asked
    assert "asked topic:price about deepseek-v3" in report(state).stdout


async def test_a_rephrasing_after_a_wrong_answer_is_recorded_and_shown(standin, bot, state):
    asker = ASKERS[5]
    wrong = await mention(standin, "deepseek v3 per token", asker)
    assert "DeepSeek-V3" in card_text(wrong)  # V3's card: not what was asked
    await mention(standin, "deepseek v3 cost per token", asker)  # asked again, in other words: declined as a price
    # a follow-up about the same model is no rephrasing, nor the same words about another model
    await mention(standin, "V3 有多少参数?", ASKERS[6])
    await mention(standin, "V3 什么时候发布?", ASKERS[6])
    await mention(standin, "R1 有多少参数?", ASKERS[6])
    found = await records_until(state, lambda r: any(x.kind == "rephrased" for x in r))
    [again] = [r for r in found if r.kind == "rephrased"]
    assert (again.question, again.intent, again.models, again.rephrasing, again.guild_id) == (
        "deepseek v3 per token", "model", ("deepseek-v3",), "deepseek v3 cost per token", GUILD_ID)
    assert again.rephrasing_parse.startswith("none|") and again.rephrasing_parse.endswith("|topic:price")
    raw = json.dumps(sqlite3.connect(state / "state" / "bot.db").execute("SELECT * FROM miss_log").fetchall())
    assert str(asker) not in raw and str(ASKERS[6]) not in raw  # never who asked

    data = json.loads(report(state, "--format", "json").stdout)
    [group] = [g for g in data["groups"] if g["rephrased"]]
    assert group["kinds"] == {"rephrased": 1} and group["examples"] == ["deepseek v3 per token"]
    assert group["rephrased"] == [{"question": "deepseek v3 cost per token", "count": 1, "answer": {
        "intent": "none", "models": [], "field": None, "selector": None, "reason": "topic:price"}}]
    assert {"intent": "model", "up": 0, "down": 0, "rephrased": 1} in data["satisfaction"]["by_intent"]
    text = report(state).stdout
    assert 'asked again as: "deepseek v3 cost per token" (declined (topic:price))' in text
    assert "| model | 0 | 0 | 1 |" in text  # beside the 👍 and 👎
    price = next(g for g in data["groups"] if g["asked"] and g["asked"]["class"] == "topic:price")
    assert price["count"] == 6  # the rephrasing's own decline joined the five


async def test_a_server_with_logging_off_records_nothing(standin, bot, state):
    before = await records_until(state, lambda r: True)
    assert private_text(await config(standin, "log", guild_id=OTHER_GUILD_ID, enabled=(BOOLEAN, False))).endswith("off")
    asker = ASKERS[7]
    for question in ("deepseek v3 per token", "deepseek v3 cost per token", "R2 什么时候发布", "ds3 什么时候发布"):
        await mention(standin, question, asker, channel=OTHER_GUILD_CHANNEL, guild_id=OTHER_GUILD_ID)
    await mention(standin, "R2 什么时候发布", ASKERS[8])  # logging on here: written after the others
    found = await records_until(state, lambda r: len(r) > len(before))
    assert len(found) == len(before) + 1 and not any(r.guild_id == OTHER_GUILD_ID for r in found)
    data = json.loads(report(state, "--format", "json").stdout)
    assert [(d["name"], d["count"]) for d in data["demand"]["names"]] == [("R2", 1)]
