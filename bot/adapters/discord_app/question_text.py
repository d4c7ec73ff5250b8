"""What a Discord message becomes before the engine reads it, and which language answers it.

Discord text carries mention tokens, markdown and sometimes invisible control characters.
The engine should see the question a person would read, and nothing in it should reach the
card in a form that pings or breaks the layout."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

import discord

from bot.core.language import writes_traditional
from bot.core.normalise import has_chinese

from .translations import TRADITIONAL, TRADITIONAL_LOCALES, simplified_only

# Discord's own limit for a message: a chatty message with its question at the end is read whole.
MAX_QUESTION_CHARS = 2000

_MENTION = re.compile(r"<(@!?|@&|#)(\d{15,20})>")
_EMOJI_OR_TIMESTAMP = re.compile(r"<a?:(\w+):\d+>|<t:-?\d+(?::\w)?>")
_SLASH_COMMAND = re.compile(r"</([\w -]+):\d+>")
_MASKED_LINK = re.compile(r"\[([^\]\n]*)\]\(<?[^)\s]*>?\)")
_LINE_MARKUP = re.compile(r"^\s*(?:>>>|>|-#|#{1,3}|[-*+]|\d+\.)\s+", re.MULTILINE)
_INLINE_MARKUP = re.compile(r"[*`~|\\]")
_BROADCAST = re.compile(r"@(everyone|here)\b")


def reply_lang(text: str, locale: discord.Locale | None, default: str) -> str:
    """Chinese text gets Chinese; otherwise the user's Discord locale decides; else the default ("en", "zh"
    or "zh-TW"). Chinese written in Traditional characters gets them; in characters both scripts share
    ("V3 有多大"), those the locale (zh-TW, zh-HK) or the default prefers."""
    preferred = default if locale is None else TRADITIONAL if locale.value in TRADITIONAL_LOCALES \
        else "zh" if locale.value.startswith("zh") else "en"
    if has_chinese(text):
        if writes_traditional(text) or (preferred == TRADITIONAL and not simplified_only(text)):
            return TRADITIONAL
        return "zh"
    return preferred


def clean_question(
    text: str,
    *,
    names: Mapping[int, str] | None = None,
    drop_ids: frozenset[int] = frozenset(),
) -> str:
    """The question as plain text: mentions become names (or vanish for `drop_ids`, the bot
    itself), markdown and control characters go, whitespace collapses; line breaks stay, as they
    end sentences (the engine reads each question of a message)."""
    names = names or {}

    def mention(match: re.Match[str]) -> str:
        target = int(match.group(2))
        if target in drop_ids:
            return " "
        name = names.get(target)
        return f" {name} " if name else " "

    text = _MENTION.sub(mention, text)
    text = _EMOJI_OR_TIMESTAMP.sub(lambda m: f" {m.group(1) or ''} ", text)
    text = _SLASH_COMMAND.sub(r"/\1", text)
    text = _MASKED_LINK.sub(r"\1", text)
    text = _LINE_MARKUP.sub("", text)
    text = _INLINE_MARKUP.sub("", text)
    text = text.replace("__", "")
    text = _BROADCAST.sub(r"\1", text)
    text = "".join(_visible(ch) for ch in text)
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def _visible(ch: str) -> str:
    if ch == "\n":
        return ch
    category = unicodedata.category(ch)
    if category == "Cc":  # tabs and raw control bytes read as a space
        return " "
    if category in ("Cf", "Co", "Cs", "Cn"):  # zero-width, bidi overrides, private use
        return ""
    return ch


def is_too_long(text: str) -> bool:
    return len(text) > MAX_QUESTION_CHARS
