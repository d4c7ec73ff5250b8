"""End to end: the real bot, started as `python -m bot`, against the loopback Discord stand-in."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_asyncio

from tests.discord_fixtures import (
    CHINESE,
    BotProcess,
    ask_in_channel,
    card_text,
    click,
    custom_ids,
    pings_nobody,
    run_interaction,
    start_bot,
)
from tests.discord_standin import (
    BOT_ID,
    CHAT_CHANNEL,
    DM_CHANNEL,
    GUILD_ID,
    LOCKED_CHANNEL,
    OTHER_USER_ID,
    QUESTION_CHANNEL,
    DiscordStandIn,
    autocomplete,
    command,
    interaction_payload,
    message_payload,
    user,
)

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(standin: DiscordStandIn, tmp_path_factory):
    folder = tmp_path_factory.mktemp("bot")
    process = await start_bot(standin, folder / "state", folder / "bot.log")
    yield process
    assert await process.stop() == 0, process.log()


async def test_connects_asking_only_for_needed_intents(standin: DiscordStandIn, bot: BotProcess):
    # guilds (1) + guild messages (512) + DMs (4096) + message content (32768), as question channels are set
    assert standin.identify is not None
    assert standin.identify["intents"] == 1 + 512 + 4096 + 32768


async def test_syncs_localised_commands_to_the_test_guild(standin: DiscordStandIn, bot: BotProcess):
    guild_commands = f"/applications/{BOT_ID}/guilds/{GUILD_ID}/commands"
    put = await standin.wait_for(lambda r: r.method == "PUT" and r.path.endswith(guild_commands))
    by_name = {c["name"]: c for c in put.body}
    assert set(by_name) == {"ask", "model", "models", "compare", "timeline", "help", "config"}
    assert by_name["compare"]["name_localizations"]["zh-CN"] == "比较"
    assert by_name["compare"]["name_localizations"]["zh-TW"] == "比較"
    assert [o["name"] for o in by_name["compare"]["options"]] == ["a", "b"]
    assert by_name["model"]["options"][0]["autocomplete"] is True


async def test_answers_a_question_channel_message_with_a_card(standin: DiscordStandIn, bot: BotProcess):
    question, reply = await ask_in_channel(standin, QUESTION_CHANNEL, "V3 有多少参数?")
    assert "671B" in card_text(reply)
    assert str(reply["message_reference"]["message_id"]) == question["id"]
    assert pings_nobody(reply)
    assert any(cid.startswith("qa:lang:en:") for cid in custom_ids(reply))


async def test_stays_silent_on_chat_and_bots_in_a_question_channel(standin: DiscordStandIn, bot: BotProcess):
    mark = standin.mark()
    chat = message_payload(QUESTION_CHANNEL, content="anyone up for lunch?")
    other_bot = message_payload(QUESTION_CHANNEL, content="what is V3?", author=user(OTHER_USER_ID, bot=True))
    await standin.dispatch("MESSAGE_CREATE", chat)
    await standin.dispatch("MESSAGE_CREATE", other_bot)
    question, reply = await ask_in_channel(standin, QUESTION_CHANNEL, "when was R1 released?")
    assert str(reply["message_reference"]["message_id"]) == question["id"]
    replied_to = [str(r.body["message_reference"]["message_id"]) for r in standin.requests[mark:]
                  if r.method == "POST" and r.path.endswith("/messages")]
    assert chat["id"] not in replied_to and other_bot["id"] not in replied_to


async def test_answers_a_mention_without_echoing_it(standin: DiscordStandIn, bot: BotProcess):
    bot_user = user(BOT_ID, "deepseek-qa", bot=True)
    _, reply = await ask_in_channel(standin, CHAT_CHANNEL, f"<@{BOT_ID}> what is **R1**? @everyone",
                                    mentions=[bot_user])
    assert "R1" in card_text(reply)
    assert f"<@{BOT_ID}>" not in str(reply) and "@everyone" not in str(reply)
    assert pings_nobody(reply)


async def test_answers_a_dm(standin: DiscordStandIn, bot: BotProcess):
    _, reply = await ask_in_channel(standin, DM_CHANNEL, "when was janus pro released?", in_guild=False)
    assert "Janus" in card_text(reply)


async def test_declines_politely_when_mentioned_with_an_unanswerable_question(standin, bot):
    _, reply = await ask_in_channel(standin, CHAT_CHANNEL, f"<@{BOT_ID}> will it rain tomorrow?",
                                    mentions=[user(BOT_ID, "deepseek-qa", bot=True)])
    assert reply["embeds"] and pings_nobody(reply)


async def test_a_very_long_mention_gets_a_short_notice(standin: DiscordStandIn, bot: BotProcess):
    _, reply = await ask_in_channel(standin, CHAT_CHANNEL, f"<@{BOT_ID}> " + "V3 " * 700,
                                    mentions=[user(BOT_ID, "deepseek-qa", bot=True)])
    assert "too long" in reply["content"] and not reply.get("embeds")


async def test_survives_missing_permissions_and_rate_limits(standin: DiscordStandIn, bot: BotProcess):
    mark = standin.mark()
    locked = message_payload(LOCKED_CHANNEL, content=f"<@{BOT_ID}> what is V3?",
                             mentions=[user(BOT_ID, "deepseek-qa", bot=True)])
    await standin.dispatch("MESSAGE_CREATE", locked)
    await standin.wait_for_post(LOCKED_CHANNEL, after=mark)  # refused with 403
    standin.rate_limit_next_post = True
    _, reply = await ask_in_channel(standin, QUESTION_CHANNEL, "what is DeepSeek-V2?")
    assert "V2" in card_text(reply)
    assert "no permission to answer in channel" in bot.log()


async def test_slash_model_r1(standin: DiscordStandIn, bot: BotProcess):
    callback = await run_interaction(standin, interaction_payload(2, command("model", name="r1")))
    assert callback["type"] == 4
    assert "R1" in callback["data"]["embeds"][0]["title"]
    assert pings_nobody(callback["data"])


async def test_slash_compare_v2_v3(standin: DiscordStandIn, bot: BotProcess):
    callback = await run_interaction(standin, interaction_payload(2, command("compare", a="v2", b="v3")))
    text = card_text(callback["data"])
    assert "V2" in text and "V3" in text


async def test_slash_ask_follows_the_chinese_locale(standin: DiscordStandIn, bot: BotProcess):
    question = command("ask", question="how many parameters does V3 have")
    payload = interaction_payload(2, question, locale="zh-CN")
    deferred = await run_interaction(standin, payload)
    assert deferred["type"] == 5
    followup = await standin.wait_for_followup(payload["token"])
    assert "671B" in card_text(followup) and CHINESE.search(card_text(followup))


async def test_autocompletes_jan_to_janus_pro(standin: DiscordStandIn, bot: BotProcess):
    typing = autocomplete("model", "name", name="jan")
    callback = await run_interaction(standin, interaction_payload(4, typing))
    assert callback["type"] == 8
    choices = callback["data"]["choices"]
    assert choices[0]["value"] == "janus-pro" and "Janus-Pro" in choices[0]["name"]
    assert len(choices) <= 25


async def test_language_button_switches_the_card(standin: DiscordStandIn, bot: BotProcess):
    _, reply = await ask_in_channel(standin, QUESTION_CHANNEL, "V3 是什么时候发布的?")
    assert CHINESE.search(reply["embeds"][0]["title"])
    posted = standin.messages[max(standin.messages)]
    button = next(cid for cid in custom_ids(reply) if cid.startswith("qa:lang:"))
    callback = await click(standin, posted, button)
    assert callback["type"] == 7  # the clicked message is updated in place
    assert not CHINESE.search(callback["data"]["embeds"][0]["title"])
    assert any(cid.startswith("qa:lang:zh:") for cid in custom_ids(callback["data"]))


def loaded_libraries(bot: BotProcess) -> str:
    return Path(f"/proc/{bot.process.pid}/maps").read_text()


async def test_a_timeline_question_is_answered_with_the_picture_drawn_outside(standin, bot: BotProcess):
    pictures = bot.log_path.parent / "state" / "pictures"
    assert not pictures.exists()  # nothing drawn until asked
    mark = standin.mark()
    _, reply = await ask_in_channel(standin, QUESTION_CHANNEL, "show me the timeline",
                                    author=user(OTHER_USER_ID + 1))
    assert reply["embeds"][0]["image"]["url"] == "attachment://deepseek-timeline-en.png"
    [posted] = [r for r in standin.requests[mark:] if r.files]
    assert posted.files["deepseek-timeline-en.png"].startswith(b"\x89PNG\r\n\x1a\n")
    assert sorted(p.name.rsplit("-", 1)[-1] for p in pictures.iterdir()) == ["en.png", "zh.png"]
    assert posted.files["deepseek-timeline-en.png"] == next(pictures.glob("*-en.png")).read_bytes()
    maps = loaded_libraries(bot)
    assert "rapidfuzz" in maps  # the engine's compiled libraries show here; the plotting one never does
    assert "matplotlib" not in maps


async def test_a_yes_no_check_answers_first_and_switches_language_through_its_button(standin, bot):
    _, reply = await ask_in_channel(standin, QUESTION_CHANNEL, "V3 是开源的吗?", author=user(OTHER_USER_ID + 3))
    assert reply["embeds"][0]["description"].startswith("文章没有说 DeepSeek-V3 属于「开源」")
    posted = standin.messages[max(standin.messages)]
    button = next(cid for cid in custom_ids(reply) if cid.startswith("qa:lang:"))
    callback = await click(standin, posted, button)
    assert callback["data"]["embeds"][0]["description"].startswith("The article does not say that of DeepSeek-V3")
    assert pings_nobody(reply)


async def test_source_button_shows_the_articles_passage_to_the_clicker_alone(standin, bot):
    _, reply = await ask_in_channel(standin, QUESTION_CHANNEL, "V3 有多少参数?", author=user(OTHER_USER_ID + 2))
    posted = standin.messages[max(standin.messages)]
    button = next(cid for cid in custom_ids(reply) if cid.startswith("qa:src:"))
    callback = await click(standin, posted, button)
    assert callback["type"] == 4 and callback["data"]["flags"] & 64  # a new message, ephemeral
    shown = card_text(callback["data"]) + callback["data"]["embeds"][0]["footer"]["text"]
    assert "参数量:总参数高达 6710 亿,每 token 激活 370 亿参数" in shown
    assert "第 8 节" in shown and "2025-02-08" in shown
    assert pings_nobody(callback["data"])
    assert standin.spec_problems == []  # Discord accepts every request the bot sent


async def test_a_message_with_two_questions_gets_both_answered_in_one_card(standin: DiscordStandIn, bot: BotProcess):
    _, reply = await ask_in_channel(standin, QUESTION_CHANNEL,
                                    "hey all, new here 👋\nwhen did V3 come out?\nand how big is it? thanks!")
    text = card_text(reply)
    assert "December 26, 2024" in text and "671" in text and pings_nobody(reply)


async def test_small_talk_gets_small_talk_and_is_left_alone_in_a_question_channel(standin: DiscordStandIn,
                                                                                   bot: BotProcess):
    mark = standin.mark()
    thanks = message_payload(QUESTION_CHANNEL, content="thanks, that helped!")
    await standin.dispatch("MESSAGE_CREATE", thanks)
    _, reply = await ask_in_channel(standin, CHAT_CHANNEL, f"<@{BOT_ID}> thanks!",
                                    mentions=[user(BOT_ID, "deepseek-qa", bot=True)])
    assert "welcome" in card_text(reply) and "Janus-Pro" not in card_text(reply)  # no list of models
    replied_to = [str(r.body["message_reference"]["message_id"]) for r in standin.requests[mark:]
                  if r.method == "POST" and r.path.endswith("/messages")]
    assert thanks["id"] not in replied_to  # unaddressed thanks in a question channel: not the bot's to answer


async def test_a_question_in_traditional_characters_is_answered_in_them_but_the_passages(standin, bot):
    _, reply = await ask_in_channel(standin, QUESTION_CHANNEL, "DeepSeek-V2 有多少參數?",
                                    author=user(OTHER_USER_ID + 4))
    shown = card_text(reply) + reply["embeds"][0]["footer"]["text"]
    assert shown.startswith("DeepSeek-V2 · 參數量") and "總參數達到 2360 億" in shown and "第 4 節" in shown
    assert not set("参数总亿节发论") & set(shown)  # no Simplified-only character of the bot's own strings
    posted = standin.messages[max(standin.messages)]
    buttons = custom_ids(reply)
    assert any(cid.startswith("qa:lang:en:") for cid in buttons)
    source = await click(standin, posted, next(cid for cid in buttons if cid.startswith("qa:src:zh-TW:")))
    assert "参数量:总参数达到 2360 亿" in card_text(source["data"])  # the article's own characters
    english = await click(standin, posted, next(cid for cid in buttons if cid.startswith("qa:lang:")))
    assert english["data"]["embeds"][0]["title"] == "DeepSeek-V2 · Parameters"


@pytest.mark.parametrize(("locale", "title"), [("zh-TW", "DeepSeek-V3:技術創新引領效能飛躍"),
                                               ("zh-HK", "DeepSeek-V3:技術創新引領效能飛躍"),
                                               ("zh-CN", "DeepSeek-V3:技术创新引领性能飞跃")])
async def test_a_slash_command_from_a_traditional_chinese_locale_is_answered_in_traditional(
        standin: DiscordStandIn, bot: BotProcess, locale, title):
    callback = await run_interaction(standin, interaction_payload(2, command("model", name="v3"), locale=locale))
    assert callback["data"]["embeds"][0]["title"] == title
    if locale != "zh-CN":
        assert "參數量" in card_text(callback["data"]) and "参数量" not in card_text(callback["data"])
        assert any(cid.startswith("qa:lang:en:") for cid in custom_ids(callback["data"]))
