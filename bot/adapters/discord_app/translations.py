"""Chinese for everything the adapter itself says: command names, option names and their
descriptions (through discord.py's Translator), and the short notes the bot sends; and the
language a reply is shown in: "en", "zh" or "zh-TW" (Traditional characters, Taiwan phrasing).

Simplified Chinese is written here once; Traditional is derived from it by OpenCC with Taiwan
phrasing, with the engine's phrases and the knowledge's texts, so the two never drift apart.
OpenCC's Simplified-to-Taiwan dictionaries take about 40 MB, far too much to keep in the bot for
a few hundred fixed strings, so a child process converts them once per version of the strings
and the state directory keeps them (bot.render.traditional)."""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path
from typing import Any

import discord
from discord import app_commands

from bot.core.reply import Reply
from bot.render import traditional

log = logging.getLogger(__name__)

TRADITIONAL = "zh-TW"  # a reply in Chinese, written in Traditional characters with Taiwan phrasing
# Discord locales that read Traditional characters (discord.py lists zh-TW; a zh-HK it would pass through as is)
TRADITIONAL_LOCALES = ("zh-TW", "zh-HK")

# English command text (as declared in commands.py) -> Simplified Chinese.
# Discord requires names to be lower case, without spaces, at most 32 characters.
NAMES_ZH: dict[str, str] = {
    "ask": "提问",
    "model": "模型",
    "models": "模型列表",
    "compare": "比较",
    "help": "帮助",
    "timeline": "时间线",
    "question": "问题",
    "name": "名称",
    "filter": "筛选",
    "a": "第一个",
    "b": "第二个",
    "config": "设置",
    "channels": "频道",
    "add": "添加",
    "remove": "移除",
    "channel": "频道",
    "language": "语言",
    "lang": "语言",
    "ratelimit": "频率限制",
    "burst": "连续次数",
    "refill_seconds": "恢复秒数",
    "log": "记录",
    "enabled": "启用",
    "show": "查看",
    "reset": "重置",
}

DESCRIPTIONS_ZH: dict[str, str] = {
    "Ask a question about the DeepSeek models": "就 DeepSeek 模型提一个问题",
    "Your question, in Chinese or English": "你的问题,中文或英文",
    "Overview card of one model": "查看一个模型的概览卡片",
    "Model name, e.g. R1, V3 or Janus-Pro": "模型名称,例如 R1、V3 或 Janus-Pro",
    "List the models, optionally filtered": "列出模型,可按条件筛选",
    "A tag or year to filter by": "按标签或年份筛选",
    "Compare two models side by side": "并排比较两个模型",
    "First model": "第一个模型",
    "Second model": "第二个模型",
    "What this bot can answer": "这个机器人能回答什么",
    "The lineage of the models as a picture": "以图片查看模型的发展脉络",
    "Set the bot up for this server": "为本服务器设置机器人",
    "Channels where every message is read as a question": "每条消息都当作提问的频道",
    "Read every message in a channel as a question": "把一个频道的每条消息都当作提问",
    "Stop reading a channel's messages as questions": "不再把一个频道的消息当作提问",
    "A text channel": "一个文字频道",
    "Reply language when the question does not decide it": "问题本身看不出语言时的回复语言",
    "auto follows each user's Discord language; zh-TW: Traditional characters":
        "auto 跟随每位用户的 Discord 语言;zh-TW:繁体字",
    "How many questions each user may ask": "每位用户可以提多少问题",
    "Questions a user may ask at once": "一位用户可以连续提的问题数",
    "Seconds until one more question is allowed": "再提一个问题前要等的秒数",
    "Whether unanswered questions may be recorded for the maintainers": "是否允许为维护者记录未回答的问题",
    "true: may be recorded; false: never": "true:允许记录;false:从不记录",
    "This server's settings and where each comes from": "本服务器的设置及每项的来源",
    "Back to the operator's defaults (asks first)": "恢复为运营者的默认设置(会先确认)",
}

# Notes the bot sends itself (the answers are the engine's). {seconds} etc. are filled in.
NOTES: dict[str, dict[str, str]] = {
    "rate_limited": {
        "en": "You're asking faster than I answer: you can ask again in {seconds} s.",
        "zh": "提问太快了,请 {seconds} 秒后再问。",
    },
    "too_long": {
        "en": "That message is too long to be a question (at most {limit} characters). "
              "Please ask it in one or two sentences.",
        "zh": "这条消息太长了,不像一个问题(最多 {limit} 个字符)。请用一两句话提问。",
    },
    "empty": {
        "en": "Ask me about a DeepSeek model, e.g. \"How many parameters does V3 have?\"",
        "zh": "可以问我 DeepSeek 模型的问题,例如「V3 有多少参数?」",
    },
    "unknown_filter": {
        "en": "Unknown filter \"{name}\". Pick one of the suggestions, or leave it empty for all models.",
        "zh": "未知的筛选条件「{name}」。请从建议中选择,或留空以列出全部模型。",
    },
    "error": {
        "en": "Something went wrong while answering. It has been logged; please try again.",
        "zh": "回答时出了点问题,已记录下来,请再试一次。",
    },
    "switch_to": {"en": "中文", "zh": "English"},
    "vote_thanks": {"en": "Thanks for the feedback!", "zh": "谢谢你的反馈!"},
    "vote_form_title": {"en": "What did you expect?", "zh": "你期望的回答是什么?"},
    "vote_form_label": {"en": "Optional, at most 200 characters", "zh": "可选,最多 200 个字符"},
    "data_kept": {
        "en": "What the bot keeps (unanswered or re-asked questions and 👍/👎, never who asked), for how long, and "
              "how to opt out: docs/data.md in the bot's repository.",
        "zh": "机器人保存哪些数据(未回答或被换个说法重问的问题和 👍/👎,从不记录提问者)、保存多久、如何关闭:"
              "见机器人代码仓库的 docs/data.md。",
    },
    "source": {"en": "原文 / Source", "zh": "原文 / Source"},
    "timeline_button": {"en": "Timeline", "zh": "时间线"},
    "no_source": {"en": "This answer quotes nothing from the article.", "zh": "这个回答没有引用文章原文。"},
    # /config
    "config_not_allowed": {
        "en": "Only members with the Manage Server permission can change the bot's settings.",
        "zh": "只有拥有「管理服务器」权限的成员才能更改机器人的设置。",
    },
    "config_intent_off": {
        "en": "Question channels need Discord's Message Content intent: the bot's operator must switch it on "
              "(developer portal, Bot tab) and set MESSAGE_CONTENT_INTENT=true; nothing was changed.",
        "zh": "提问频道需要 Discord 的 Message Content 权限:请机器人的运营者在开发者门户的 Bot 页打开它,"
              "并设置 MESSAGE_CONTENT_INTENT=true;设置没有改动。",
    },
    "config_missing": {
        "en": "I can't use {channel}: I'm missing {permissions} there. Nothing was changed.",
        "zh": "无法使用 {channel}:我在那里缺少「{permissions}」权限。设置没有改动。",
    },
    "config_clamped": {
        "en": " (the operator allows at most {burst} at once and one every {seconds:g} s)",
        "zh": "(运营者最多允许连续 {burst} 个、每 {seconds:g} 秒一个)",
    },
    "config_title": {"en": "Settings for this server", "zh": "本服务器的设置"},
    "config_reset_ask": {
        "en": "Reset every setting of this server to the operator's defaults?",
        "zh": "要把本服务器的所有设置恢复为运营者的默认值吗?",
    },
    "config_reset_button": {"en": "Reset", "zh": "重置"},
    "config_reset_done": {
        "en": "Done: this server now uses the operator's defaults.",
        "zh": "已完成:本服务器现在使用运营者的默认设置。",
    },
    "config_from_server": {"en": "set on this server", "zh": "本服务器设置"},
    "config_from_operator": {"en": "operator's default", "zh": "运营者的默认值"},
    "config_channels": {"en": "Question channels", "zh": "提问频道"},
    "config_language": {"en": "Reply language", "zh": "回复语言"},
    "config_rate_limit": {"en": "Rate limit per user", "zh": "每位用户的频率限制"},
    "config_log": {"en": "Record unanswered questions", "zh": "记录未回答的问题"},
    "config_none": {"en": "none", "zh": "无"},
    "config_lang_auto": {"en": "auto (each user's Discord language)", "zh": "自动(跟随用户的 Discord 语言)"},
    "config_lang_zh": {"en": "Chinese", "zh": "中文"},
    "config_lang_zh-TW": {"en": "Chinese in Traditional characters (Taiwan)", "zh": "繁体中文(台湾用语)"},
    "config_lang_en": {"en": "English", "zh": "英文"},
    "config_rate": {
        "en": "{burst} at once, then one every {seconds:g} s",
        "zh": "连续 {burst} 个,之后每 {seconds:g} 秒一个",
    },
    "config_on": {"en": "on", "zh": "开"},
    "config_off": {"en": "off", "zh": "关"},
    # Discord's names for the permissions a question channel needs
    "perm_view_channel": {"en": "View Channel", "zh": "查看频道"},
    "perm_send_messages": {"en": "Send Messages", "zh": "发送消息"},
    "perm_read_message_history": {"en": "Read Message History", "zh": "阅读消息历史记录"},
    "perm_embed_links": {"en": "Embed Links", "zh": "嵌入链接"},
}


def note(key: str, lang: str, **values: object) -> str:
    """A note in `lang` ("en", "zh" or "zh-TW")."""
    return in_script(NOTES[key][engine_lang(lang)], lang).format(**values)


def engine_lang(lang: str) -> str:
    """The engine's language for a shown one: zh-TW is Chinese, written in Traditional once composed."""
    return "zh" if lang == TRADITIONAL else lang


def other_lang(lang: str, chinese: str = "zh") -> str:
    """The language the 🌐 button switches to: English from Chinese, else `chinese` (zh or zh-TW)."""
    return "en" if lang in ("zh", TRADITIONAL) else chinese


# -- Traditional Chinese: the strings converted outside the process, loaded here ------------------------

_converted: traditional.Traditional | None = None  # None until loaded, or when it could not be


def in_script(text: str, lang: str) -> str:
    """`text` (Simplified, or English) as shown in `lang`: converted to Traditional for zh-TW."""
    return _converted.convert(text) if lang == TRADITIONAL and _converted is not None else text


def shown(reply: Reply, lang: str) -> Reply:
    """An engine reply as shown in `lang`: the whole reply in Traditional for zh-TW."""
    return _converted.reply(reply) if lang == TRADITIONAL and _converted is not None else reply


def simplified_only(text: str) -> bool:
    """Whether Chinese `text` has a character of the bot's own strings that Traditional writes otherwise
    (参, 发, 么): written in Simplified. Unknown (False) until the Traditional strings are loaded."""
    return _converted is not None and _converted.convert(text) != text


def own_strings() -> list[str]:
    """What the adapter says itself in Chinese, to be converted with the engine's strings."""
    return [*NAMES_ZH.values(), *DESCRIPTIONS_ZH.values(), *(n["zh"] for n in NOTES.values())]


async def load_traditional(kb: Any, state_dir: Path) -> None:
    """The Traditional strings of this knowledge and this adapter: from the state directory, or converted
    by a child process first. Without them, zh-TW sees Simplified replies and English command names."""
    global _converted
    try:
        _converted = await traditional.load_async(state_dir, traditional.fixed_strings(kb, own_strings()))
    except (OSError, ValueError, TimeoutError, subprocess.SubprocessError) as exc:
        log.warning("no Traditional Chinese (zh-TW sees Simplified replies and English command names): %s", exc)


_NAME_LOCATIONS = (
    app_commands.TranslationContextLocation.command_name,
    app_commands.TranslationContextLocation.group_name,
    app_commands.TranslationContextLocation.parameter_name,
)


class ChineseTranslator(app_commands.Translator):
    """Supplies zh-CN and zh-TW names and descriptions for the command tree (zh-TW once the Traditional
    strings of `kb` are loaded, from `state_dir` or converted first)."""

    def __init__(self, kb: Any, state_dir: Path) -> None:
        self.kb, self.state_dir = kb, state_dir

    async def load(self) -> None:
        await load_traditional(self.kb, self.state_dir)

    async def translate(
        self,
        string: app_commands.locale_str,
        locale: discord.Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        table = NAMES_ZH if context.location in _NAME_LOCATIONS else DESCRIPTIONS_ZH
        simplified = table.get(string.message)
        if simplified is None or locale is discord.Locale.chinese:
            return simplified
        if locale is discord.Locale.taiwan_chinese and _converted is not None:
            return _converted.convert(simplified)
        return None
