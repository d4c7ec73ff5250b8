"""Chinese for everything the adapter itself says: command names, option names and their
descriptions (through discord.py's Translator), and the short notes the bot sends.

Simplified Chinese is written here once; Traditional Chinese (zh-TW) is derived from it by
OpenCC with Taiwan phrasing, so the two never drift apart. OpenCC's Simplified-to-Taiwan
dictionaries take about 40 MB, far too much to keep in the bot for a few dozen fixed strings,
so a child process converts them once, when the translator loads."""

from __future__ import annotations

import asyncio
import json
import logging
import sys

import discord
from discord import app_commands

log = logging.getLogger(__name__)

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
    "source": {"en": "原文 / Source", "zh": "原文 / Source"},
    "timeline_button": {"en": "Timeline", "zh": "时间线"},
    "no_source": {"en": "This answer quotes nothing from the article.", "zh": "这个回答没有引用文章原文。"},
}


def note(key: str, lang: str, **values: object) -> str:
    return NOTES[key][lang].format(**values)


CHILD_TIMEOUT_S = 60.0
_TO_TAIWAN = ("import json, sys, opencc; convert = opencc.OpenCC('s2twp').convert; "
              "json.dump([convert(text) for text in json.load(sys.stdin)], sys.stdout)")


async def to_taiwan(texts: list[str]) -> dict[str, str]:
    """Simplified -> Traditional Chinese with Taiwan phrasing, converted in a child process."""
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-c", _TO_TAIWAN,
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        out, err = await asyncio.wait_for(child.communicate(json.dumps(texts).encode()), CHILD_TIMEOUT_S)
    except TimeoutError:
        child.kill()
        await child.wait()
        raise
    if child.returncode:
        raise RuntimeError((err.decode(errors="replace").strip().splitlines() or ["no output"])[-1])
    return dict(zip(texts, json.loads(out), strict=True))


_NAME_LOCATIONS = (
    app_commands.TranslationContextLocation.command_name,
    app_commands.TranslationContextLocation.group_name,
    app_commands.TranslationContextLocation.parameter_name,
)


class ChineseTranslator(app_commands.Translator):
    """Supplies zh-CN and zh-TW names and descriptions for the command tree."""

    def __init__(self) -> None:
        self.taiwan: dict[str, str] = {}  # Simplified -> Traditional, filled by load()

    async def load(self) -> None:
        try:
            self.taiwan = await to_taiwan([*NAMES_ZH.values(), *DESCRIPTIONS_ZH.values()])
        except (OSError, RuntimeError, ValueError, TimeoutError) as exc:
            log.warning("commands get no Traditional Chinese names (zh-TW sees English): %s", exc)

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
        if locale is discord.Locale.taiwan_chinese:
            return self.taiwan.get(simplified)
        return None
