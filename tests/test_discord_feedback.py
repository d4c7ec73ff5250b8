"""Feedback and the miss log end to end: the real bot (`python -m bot`) against the stand-in, its
records in a real SQLite database in the state folder, read back through the storage interface."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import shutil
import sqlite3
import subprocess
import sys

import pytest
import pytest_asyncio

from bot.insights import MissRecord
from bot.settings import Settings
from bot.storage import connect, open_store
from tests.conftest import KNOWLEDGE, ROOT
from tests.discord_fixtures import (
    EPHEMERAL,
    card_text,
    click,
    config,
    custom_ids,
    private_text,
    run_interaction,
    start_bot,
)
from tests.discord_standin import (
    BOT_ID,
    CHAT_CHANNEL,
    GUILD_ID,
    OTHER_GUILD_CHANNEL,
    OTHER_GUILD_ID,
    OTHER_USER_ID,
    QUESTION_CHANNEL,
    USER_ID,
    DiscordStandIn,
    command,
    interaction_payload,
    message_payload,
    user,
)
from tests.test_insights import ds3_burst

pytestmark = pytest.mark.asyncio(loop_scope="module")
BOOLEAN = 5
NEW_USER = 940000000000000003  # no conversation yet: no earlier answer for a follow-up to lean on
TODAY = dt.date.today()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def state(tmp_path_factory):
    folder = tmp_path_factory.mktemp("feedback")
    shutil.copytree(KNOWLEDGE, folder / "knowledge")  # --apply edits this copy, never the project's
    return folder


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(standin, state):
    process = await start_bot(standin, state / "state", state / "bot.log", KNOWLEDGE_DIR=str(state / "knowledge"))
    yield process
    assert await process.stop() == 0, process.log()


async def records(state) -> list[MissRecord]:
    store = connect(Settings(state_dir=state / "state"))
    try:
        return await store.miss_records()
    finally:
        await store.close()


async def records_until(state, predicate, timeout: float = 10.0) -> list[MissRecord]:
    """The records, once `predicate` holds for them (the bot writes after replying)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        found = await records(state)
        if predicate(found) or asyncio.get_running_loop().time() > deadline:
            return found
        await asyncio.sleep(0.1)


async def mention(standin: DiscordStandIn, text: str, channel: int = CHAT_CHANNEL, guild_id: int = GUILD_ID,
                  author: int = USER_ID) -> tuple[dict, dict]:
    mark = standin.mark()
    question = message_payload(channel, content=f"<@{BOT_ID}> {text}", author=user(author),
                               mentions=[user(BOT_ID, "deepseek-qa", bot=True)], guild_id=guild_id)
    await standin.dispatch("MESSAGE_CREATE", question)
    reply = await standin.wait_for_post(channel, after=mark)
    return question, standin.messages[max(standin.messages)] | {"embeds": reply.get("embeds", [])}


def votes_of(message: dict) -> list[str]:
    return [c for c in custom_ids(message) if c.startswith("qa:vote:")]


async def test_a_declined_mention_is_recorded_without_who_asked(standin, bot, state):
    _, reply = await mention(standin, "**ds3** 什么时候发布")
    up, down = votes_of(reply)
    assert up.startswith("qa:vote:up:zh:") and down.startswith("qa:vote:down:zh:")
    assert all(len(c) <= 100 for c in custom_ids(reply))
    [kept] = await records_until(state, lambda r: len(r) == 1)
    assert (kept.kind, kept.question, kept.lang, kept.intent, kept.guild_id, kept.day) == (
        "decline", "ds3 什么时候发布", "zh", "none", GUILD_ID, TODAY)  # cleaned: no mention, no markdown
    assert kept.reason and len(kept.knowledge_version) == 12
    # chat in a question channel that the bot stays quiet on is not recorded
    await standin.dispatch("MESSAGE_CREATE", message_payload(QUESTION_CHANNEL, content="anyone up for lunch?"))
    await mention(standin, "V3 有多少参数?")  # answered: kept in memory for its votes, not logged
    assert [r.question for r in await records_until(state, lambda r: len(r) > 1, timeout=1)] == ["ds3 什么时候发布"]
    raw = sqlite3.connect(state / "state" / "bot.db").execute("SELECT * FROM miss_log").fetchall()
    assert str(USER_ID) not in json.dumps(raw) and "asker" not in json.dumps(raw)


async def test_a_downvote_with_a_note_then_an_upvote_is_one_vote(standin, bot, state):
    _, reply = await mention(standin, "V3 有多少参数?")
    up, down = votes_of(reply)
    form = await click(standin, reply, down)
    assert form["type"] == 9 and form["data"]["title"] == "你期望的回答是什么?"  # a modal, the first response
    [text_input] = [c for row in form["data"]["components"] for c in row["components"]]
    assert text_input["max_length"] == 200 and text_input["required"] is False
    submitted = interaction_payload(5, {"custom_id": form["data"]["custom_id"], "components": [
        {"type": 1, "components": [{"type": 4, "custom_id": text_input["custom_id"], "value": "激活参数是多少"}]}]})
    assert private_text(await run_interaction(standin, submitted)) == "谢谢你的反馈!"

    def votes(found):
        return [r for r in found if r.kind in ("upvote", "downvote")]

    [vote] = votes(await records_until(state, lambda r: any(v.note for v in votes(r))))
    assert (vote.kind, vote.note, vote.question, vote.intent, vote.models, vote.field) == (
        "downvote", "激活参数是多少", "V3 有多少参数?", "field", ("deepseek-v3",), "parameters")

    thanks = await click(standin, reply, up)  # the same user changes their mind
    assert thanks["type"] == 4 and thanks["data"]["flags"] & EPHEMERAL
    [vote] = votes(await records_until(state, lambda r: [v.kind for v in votes(r)] == ["upvote"]))
    assert (vote.kind, vote.note) == ("upvote", None)

    other = interaction_payload(3, {"custom_id": down, "component_type": 2}, message=reply, user_id=OTHER_USER_ID)
    standin.note_click(int(other["id"]), int(reply["id"]))
    assert (await run_interaction(standin, other))["type"] == 9  # another user: another vote
    found = votes(await records_until(state, lambda r: len(votes(r)) == 2))
    assert sorted(v.kind for v in found) == ["downvote", "upvote"]
    raw = sqlite3.connect(state / "state" / "bot.db").execute("SELECT * FROM votes").fetchall()
    assert not any(str(u) in json.dumps(raw) for u in (USER_ID, OTHER_USER_ID))


async def test_a_server_with_logging_off_records_nothing(standin, bot, state):
    assert private_text(await config(standin, "log", guild_id=OTHER_GUILD_ID, enabled=(BOOLEAN, False))).endswith("off")
    _, reply = await mention(standin, "ds3 什么时候发布", channel=OTHER_GUILD_CHANNEL, guild_id=OTHER_GUILD_ID)
    assert votes_of(reply) == []  # nothing would be kept: no votes offered
    await mention(standin, "ds4 什么时候发布", author=NEW_USER)  # logging on here: written after the other
    found = await records_until(state, lambda r: any(x.question == "ds4 什么时候发布" for x in r))
    assert any(r.question == "ds4 什么时候发布" for r in found)
    assert not any(r.guild_id == OTHER_GUILD_ID for r in found)


async def test_a_near_miss_asked_with_ask_is_recorded_and_votable(standin, bot, state):
    payload = interaction_payload(2, command("ask", question="deepseek codr when"), user_id=NEW_USER)
    await standin.dispatch("INTERACTION_CREATE", payload)
    card = await standin.wait_for_followup(payload["token"])
    assert "DeepSeek Coder" in card_text(card) and len(votes_of(card)) == 2  # answered, and open to votes
    found = await records_until(state, lambda r: any(x.kind == "near-miss" for x in r))
    [near] = [r for r in found if r.kind == "near-miss"]
    assert (near.question, near.intent, near.models) == ("deepseek codr when", "field", ("deepseek-coder",))


async def test_report_over_the_database_and_apply_make_the_bot_answer(standin, bot, state):
    for question in ds3_burst():
        await mention(standin, question, author=NEW_USER)
    await records_until(state, lambda r: sum(x.kind == "decline" for x in r) >= 52)

    def report(*args: str) -> subprocess.CompletedProcess:
        env = {"BOT_STATE_DIR": str(state / "state"), "DATABASE_URL": "", "PATH": "/usr/bin:/bin"}
        return subprocess.run([sys.executable, "-m", "bot", "--knowledge", str(state / "knowledge"), "report",
                               "--since", "all", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=120)

    done = report("--format", "json")
    assert done.returncode == 0, done.stderr
    group = json.loads(done.stdout)["groups"][0]
    # the burst, and the two declines asked before it: "ds3 什么时候发布" and "ds4 什么时候发布"
    assert group["count"] == 52 and group["servers"] == [str(GUILD_ID)] and group["kinds"] == {"decline": 52}
    suggestion = group["suggestions"][0]
    assert (suggestion["kind"], suggestion["value"], suggestion["target"]) == ("alias", "ds3", "deepseek-v3")
    assert json.loads(done.stdout)["satisfaction"]["by_intent"] == [
        {"intent": "field", "up": 1, "down": 1, "rephrased": 0}]

    applied = report("--apply", suggestion["id"])
    assert applied.returncode == 0, applied.stderr
    for _ in range(40):  # the running bot's hot reload (every 10 s) picks the edit up
        _, reply = await mention(standin, "ds3 什么时候发布", author=NEW_USER)
        if reply["embeds"] and "2024" in card_text(reply):
            break
        await asyncio.sleep(0.5)
    assert "2024" in card_text(reply)


async def test_guild_delete_and_log_purge_delete_a_servers_records(standin, bot, state):
    assert any(r.guild_id == GUILD_ID for r in await records(state))
    await standin.dispatch("GUILD_DELETE", {"id": str(GUILD_ID)})
    await records_until(state, lambda r: not any(x.guild_id == GUILD_ID for x in r))
    assert not any(r.guild_id == GUILD_ID for r in await records(state))

    store = await open_store(Settings(state_dir=state / "state"))
    try:
        await store.add_miss(MissRecord("r9 是什么", "zh", "none", guild_id=OTHER_GUILD_ID, day=TODAY))
    finally:
        await store.close()
    env = {"BOT_STATE_DIR": str(state / "state"), "DATABASE_URL": "", "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "bot", "log", "purge", "--guild", str(OTHER_GUILD_ID)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == f"deleted 1 records of server {OTHER_GUILD_ID}"
    assert not any(r.guild_id == OTHER_GUILD_ID for r in await records(state))


async def test_retention_deletes_old_records_at_start(standin, tmp_path):
    store = await open_store(Settings(state_dir=tmp_path / "state"))
    try:
        for days in (0, 5, 6, 40):
            await store.add_miss(MissRecord(f"{days} days ago", "en", "none", guild_id=GUILD_ID,
                                            day=TODAY - dt.timedelta(days=days)))
    finally:
        await store.close()
    process = await start_bot(standin, tmp_path / "state", tmp_path / "bot.log", LOG_RETENTION_DAYS="5")
    try:
        kept = await records_until(tmp_path, lambda r: len(r) == 2)
        assert sorted(r.question for r in kept) == ["0 days ago", "5 days ago"]
    finally:
        assert await process.stop() == 0
