"""Question text cleaning, reply language and the Discord settings."""

from __future__ import annotations

import discord
import pytest
from discord.enums import try_enum

from bot.adapters.discord_app import translations
from bot.adapters.discord_app.question_text import MAX_QUESTION_CHARS, clean_question, is_too_long, reply_lang
from bot.render import traditional
from bot.settings import SettingsError, load_settings

BOT = 900000000000000001
FRIEND = 940000000000000002


@pytest.mark.parametrize(("raw", "clean"), [
    (f"<@{BOT}> V3 有多少参数?", "V3 有多少参数?"),
    (f"<@!{BOT}>   what is **R1**?", "what is R1?"),
    (f"<@{FRIEND}> asked: `v3` ~~vs~~ ||v2||", "Ann asked: v3 vs v2"),
    ("@everyone @here compare v2 and v3", "everyone here compare v2 and v3"),
    ("> quoted\n# heading\n- item r1", "quoted\nheading\nitem r1"),  # line breaks end sentences: kept
    ("when was v3 released\n\n\n  and how big is it  ", "when was v3 released\nand how big is it"),
    ("what\u200b is\u202e r1\x00\x07?", "what is r1 ?"),
    ("[click](https://example.com) <:pepe:123456789012345678> <t:1700000000:R>", "click pepe"),
    ("<@&123456789012345678> v3", "v3"),
])
def test_clean_question(raw: str, clean: str):
    assert clean_question(raw, names={FRIEND: "Ann"}, drop_ids=frozenset({BOT})) == clean


def test_a_mention_name_cannot_smuggle_markup_or_pings():
    cleaned = clean_question(f"<@{FRIEND}> hi", names={FRIEND: "**@everyone**"})
    assert cleaned == "everyone hi"


def test_long_input_is_flagged_and_never_crashes():
    assert is_too_long("v3 " * MAX_QUESTION_CHARS)
    assert not is_too_long("v3 " * 10)
    assert clean_question("\x00" * 100_000) == ""


@pytest.fixture(scope="module")
def traditional_strings(kb, tmp_path_factory):
    """The Traditional strings as the bot loads them at start (converted by the child process)."""
    return traditional.load(tmp_path_factory.mktemp("state"), traditional.fixed_strings(kb, translations.own_strings()))


@pytest.mark.parametrize(("text", "locale", "default", "lang"), [
    ("V3 有多少参数", discord.Locale.american_english, "en", "zh"),
    ("how big is V3", discord.Locale.chinese, "en", "zh"),
    ("how big is V3", discord.Locale.taiwan_chinese, "en", "zh-TW"),
    ("how big is V3", try_enum(discord.Locale, "zh-HK"), "en", "zh-TW"),  # Discord's value, passed through
    ("how big is V3", discord.Locale.french, "zh", "en"),
    ("how big is V3", None, "zh", "zh"),
    ("how big is V3", None, "zh-TW", "zh-TW"),  # the server chose Traditional
    ("V3 有多少參數", discord.Locale.american_english, "en", "zh-TW"),  # written in Traditional characters
    ("V3 有多少參數", None, "zh", "zh-TW"),
    ("V3 有多大", discord.Locale.taiwan_chinese, "en", "zh-TW"),  # characters both scripts share: the locale's
    ("V3 有多大", discord.Locale.chinese, "en", "zh"),
    ("V3 有多大", None, "zh-TW", "zh-TW"),
    ("V3 有多少参数", discord.Locale.taiwan_chinese, "en", "zh"),  # written in Simplified: answered so
    ("V3 有多少参数", None, "zh-TW", "zh"),
])
def test_reply_language(text, locale, default, lang, traditional_strings, monkeypatch):
    monkeypatch.setattr(translations, "_converted", traditional_strings)
    assert reply_lang(text, locale, default) == lang


def test_discord_settings_parse_and_fail_with_one_line_naming_the_setting():
    settings = load_settings({
        "DISCORD_TOKEN": "t", "DISCORD_GUILD_IDS": "1, 2", "QUESTION_CHANNEL_IDS": "3",
        "SHARD_COUNT": "4", "SHARD_IDS": "0,3", "DISCORD_API_BASE": "http://127.0.0.1:9/api/v10/",
        "DISCORD_GATEWAY_URL": "ws://127.0.0.1:9/gateway",
    }, dotenv=False)
    assert settings.guild_ids == (1, 2) and settings.question_channel_ids == (3,)
    assert settings.shard_count == 4 and settings.shard_ids == (0, 3)
    assert settings.api_base == "http://127.0.0.1:9/api/v10"
    for env, name in [({"DISCORD_GUILD_IDS": "12,abc"}, "DISCORD_GUILD_IDS"),
                      ({"SHARD_COUNT": "2", "SHARD_IDS": "5"}, "SHARD_IDS"),
                      ({"DISCORD_GATEWAY_URL": "gateway"}, "DISCORD_GATEWAY_URL")]:
        with pytest.raises(SettingsError) as error:
            load_settings(env, dotenv=False)
        assert str(error.value).startswith(name) and "\n" not in str(error.value)
