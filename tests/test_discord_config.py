"""/config end to end: the real bot (`python -m bot`) against the stand-in, its settings in a
real SQLite database in the state folder; a restart keeps them."""

from __future__ import annotations

import asyncio
import re

import pytest
import pytest_asyncio

from bot.settings import Settings
from bot.storage import GuildSettings, open_store
from tests.discord_fixtures import (
    CHANNEL,
    CHINESE,
    EPHEMERAL,
    MANAGE_SERVER,
    ask_in_channel,
    card_text,
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
    LOCKED_CHANNEL,
    QUESTION_CHANNEL,
    DiscordStandIn,
    guild,
    interaction_payload,
    message_payload,
    user,
)

pytestmark = pytest.mark.asyncio(loop_scope="module")
BOOLEAN, INTEGER, NUMBER, STRING = 5, 4, 10, 3


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def state(tmp_path_factory):
    return tmp_path_factory.mktemp("config")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(standin, state):
    process = await start_bot(standin, state / "state", state / "bot.log")
    yield process
    assert await process.stop() == 0, process.log()


async def stored(state) -> dict[int, GuildSettings]:
    store = await open_store(Settings(state_dir=state / "state"))
    try:
        return await store.all_guild_settings()
    finally:
        await store.close()


async def test_the_group_is_for_server_managers_and_never_in_dms(standin, bot):
    put = await standin.wait_for(lambda r: r.method == "PUT" and r.path.endswith(f"/guilds/{GUILD_ID}/commands"))
    group = next(c for c in put.body if c["name"] == "config")
    assert int(group["default_member_permissions"]) == MANAGE_SERVER
    assert group["contexts"] == [0] and group["dm_permission"] is False
    assert group["name_localizations"] == {"zh-CN": "设置", "zh-TW": "設定"}
    subcommands = {o["name"]: o for o in group["options"]}
    assert set(subcommands) == {"channels", "language", "ratelimit", "log", "show", "reset"}
    assert [o["name"] for o in subcommands["channels"]["options"]] == ["add", "remove"]
    assert [c["value"] for c in subcommands["language"]["options"][0]["choices"]] == ["auto", "zh", "zh-TW", "en"]


async def test_a_member_without_manage_server_is_refused_at_run_time(standin, bot, state):
    callback = await config(standin, "language", permissions=0, lang=(STRING, "zh"))
    assert "Manage Server" in private_text(callback)
    assert GUILD_ID not in await stored(state)


async def stays_silent_in(standin: DiscordStandIn, channel_id: int, text: str) -> bool:
    """Whether the bot leaves `text` in `channel_id` unanswered (it has answered a later question)."""
    mark = standin.mark()
    question = message_payload(channel_id, content=text)
    await standin.dispatch("MESSAGE_CREATE", question)
    await ask_in_channel(standin, QUESTION_CHANNEL, "what is R1?")
    await ask_in_channel(standin, QUESTION_CHANNEL, "what is V2?")  # two rounds: the first had its turn
    return not any(r.method == "POST" and r.body and str((r.body.get("message_reference") or {})
                   .get("message_id")) == question["id"] for r in standin.requests[mark:])


async def answer_in(standin: DiscordStandIn, channel_id: int, text: str = "V3 有多少参数?") -> str:
    return card_text((await ask_in_channel(standin, channel_id, text))[1])


async def test_adding_and_removing_a_channel(standin, bot, state):
    assert await stays_silent_in(standin, CHAT_CHANNEL, "V3 有多少参数?")
    text = private_text(await config(standin, "channels", "add", channel=(CHANNEL, CHAT_CHANNEL)))
    assert text == f"Question channels: <#{QUESTION_CHANNEL}>, <#{CHAT_CHANNEL}>"
    assert (await stored(state))[GUILD_ID].channels == (QUESTION_CHANNEL, CHAT_CHANNEL)
    assert "671B" in await answer_in(standin, CHAT_CHANNEL)

    text = private_text(await config(standin, "channels", "remove", channel=(CHANNEL, CHAT_CHANNEL)))
    assert text == f"Question channels: <#{QUESTION_CHANNEL}>"
    assert await stays_silent_in(standin, CHAT_CHANNEL, "V3 有多少参数?")


async def test_a_channel_the_bot_cannot_send_in_is_refused_by_name(standin, bot, state):
    text = private_text(await config(standin, "channels", "add", channel=(CHANNEL, LOCKED_CHANNEL)))
    # Discord takes Embed Links away with Send Messages; the operator learns both.
    assert text == (f"I can't use <#{LOCKED_CHANNEL}>: I'm missing Send Messages, Embed Links there. "
                    "Nothing was changed.")
    assert (await stored(state))[GUILD_ID].channels == (QUESTION_CHANNEL,)
    zh = private_text(await config(standin, "channels", "add", locale="zh-CN", channel=(CHANNEL, LOCKED_CHANNEL)))
    assert "发送消息" in zh


async def test_language_decides_replies_the_question_does_not(standin, bot, state):
    # From now on the server's language answers, the admin's English locale notwithstanding.
    assert private_text(await config(standin, "language", lang=(STRING, "zh"))) == "回复语言: 中文"
    _, reply = await ask_in_channel(standin, QUESTION_CHANNEL, "when was R1 released?")
    assert CHINESE.search(card_text(reply))
    assert private_text(await config(standin, "language", lang=(STRING, "auto"))).startswith("Reply language: auto")
    _, reply = await ask_in_channel(standin, QUESTION_CHANNEL, "when was R1 released?")
    assert not CHINESE.search(card_text(reply))


async def test_a_choice_of_traditional_chinese_is_honoured(standin, bot, state):
    # confirmed as the server's replies will be, the admin's English locale notwithstanding
    assert private_text(await config(standin, "language", lang=(STRING, "zh-TW"))) == "回覆語言: 繁體中文(臺灣用語)"
    assert (await stored(state))[GUILD_ID].language == "zh-TW"
    for question in ("when was R1 released?", "V3 有多大", "DeepSeek-V2 有多少參數?"):  # English, shared, Traditional
        _, reply = await ask_in_channel(standin, QUESTION_CHANNEL, question)
        shown = card_text(reply) + reply["embeds"][0]["footer"]["text"]
        assert "來源:《DeepSeek 模型發展脈絡全解析》" in shown and not re.search("[时间发释亿参数来节]", shown), shown
    _, reply = await ask_in_channel(standin, QUESTION_CHANNEL, "V3 有多少参数")  # written in Simplified: so answered
    assert "参数量" in card_text(reply)
    await config(standin, "language", lang=(STRING, "auto"))


async def test_log_setting_and_the_settings_card(standin, bot, state):
    assert private_text(await config(standin, "log", enabled=(BOOLEAN, False))) == "Record unanswered questions: off"
    callback = await config(standin, "show")
    assert callback["data"]["flags"] & EPHEMERAL
    fields = {f["name"]: f["value"] for f in callback["data"]["embeds"][0]["fields"]}
    assert fields["Record unanswered questions"] == "off\n*set on this server*"
    assert fields["Question channels"] == f"<#{QUESTION_CHANNEL}>\n*set on this server*"
    assert fields["Rate limit per user"] == "4 at once, then one every 0 s\n*operator's default*"
    assert fields["Reply language"].endswith("*set on this server*")  # auto, chosen explicitly above


async def test_rate_limit_is_clamped_to_the_operators_and_applies(standin, bot, state):
    # The operator allows 4 at once and sets no refill (RATE_LIMIT_REFILL_SECONDS=0 in the tests).
    text = private_text(await config(standin, "ratelimit", burst=(INTEGER, 9), refill_seconds=(NUMBER, 60)))
    assert text == ("Rate limit per user: 4 at once, then one every 60 s"
                    " (the operator allows at most 4 at once and one every 0 s)")
    text = private_text(await config(standin, "ratelimit", burst=(INTEGER, 1), refill_seconds=(NUMBER, 60)))
    assert text == "Rate limit per user: 1 at once, then one every 60 s"
    assert (await stored(state))[GUILD_ID].rate_burst == 1
    mention = f"<@{BOT_ID}> what is V3?"
    bot_user = user(BOT_ID, "deepseek-qa", bot=True)
    _, answer = await ask_in_channel(standin, CHAT_CHANNEL, mention, mentions=[bot_user])
    assert answer.get("embeds")
    _, note = await ask_in_channel(standin, CHAT_CHANNEL, mention, mentions=[bot_user])  # the same user, too soon
    wait = re.search(r"ask again in (\d+) s", note["content"])
    assert wait and 30 <= int(wait[1]) <= 60 and not note.get("embeds")  # the server's 60 s; the operator's is 0


async def test_reset_asks_first_then_goes_back_to_the_defaults(standin, bot, state):
    callback = await config(standin, "reset")
    assert "Reset every setting" in private_text(callback)
    [button] = custom_ids(callback["data"])
    assert GUILD_ID in await stored(state)  # nothing happens before the click
    message = message_payload(QUESTION_CHANNEL, author=user(BOT_ID, "deepseek-qa", bot=True),
                              content=callback["data"]["content"], components=callback["data"]["components"])
    refused = interaction_payload(3, {"custom_id": button, "component_type": 2}, message=message, permissions=0)
    assert "Manage Server" in private_text(await run_interaction(standin, refused))
    assert GUILD_ID in await stored(state)
    clicked = interaction_payload(3, {"custom_id": button, "component_type": 2}, message=message)
    standin.note_click(int(clicked["id"]), int(message["id"]))
    done = await run_interaction(standin, clicked)
    assert done["type"] == 7 and done["data"]["content"].startswith("Done") and done["data"]["components"] == []
    assert GUILD_ID not in await stored(state)
    fields = (await config(standin, "show"))["data"]["embeds"][0]["fields"]
    assert all(f["value"].endswith("*operator's default*") for f in fields)


async def test_settings_survive_a_restart(standin, bot, state):
    await config(standin, "channels", "add", channel=(CHANNEL, CHAT_CHANNEL))
    assert await bot.stop() == 0
    restarted = await start_bot(standin, state / "state", state / "bot.log")
    try:
        assert "671B" in await answer_in(standin, CHAT_CHANNEL)
    finally:
        assert await restarted.stop() == 0


async def test_leaving_a_server_deletes_its_settings_but_an_outage_does_not(standin, state):
    restarted = await start_bot(standin, state / "state", state / "bot.log")
    try:
        await standin.dispatch("GUILD_DELETE", {"id": str(GUILD_ID), "unavailable": True})
        await standin.dispatch("GUILD_CREATE", guild(GUILD_ID))
        await config(standin, "show")  # the bot has handled both events by now
        assert GUILD_ID in await stored(state)
        await standin.dispatch("GUILD_DELETE", {"id": str(GUILD_ID)})
        # the removal is its own event task, which a busy machine may finish after the next interaction
        for _ in range(100):
            if GUILD_ID not in await stored(state):
                break
            await asyncio.sleep(0.1)
        await standin.dispatch("GUILD_CREATE", guild(GUILD_ID))  # invited again: it starts afresh
        await config(standin, "show")
        assert GUILD_ID not in await stored(state), restarted.log()
    finally:
        assert await restarted.stop() == 0, restarted.log()


async def test_without_the_message_content_intent_channels_are_explained_not_added(standin, tmp_path):
    process = await start_bot(standin, tmp_path / "state", tmp_path / "bot.log",
                              QUESTION_CHANNEL_IDS="", MESSAGE_CONTENT_INTENT="false")
    try:
        assert not standin.identify["intents"] & (1 << 15)  # it does not ask for what it may not have
        text = private_text(await config(standin, "channels", "add", channel=(CHANNEL, CHAT_CHANNEL)))
        assert text.startswith("Question channels need Discord's Message Content intent")
        assert "MESSAGE_CONTENT_INTENT=true" in text and text.count(". ") == 0
    finally:
        assert await process.stop() == 0
    assert GUILD_ID not in await stored(tmp_path)
