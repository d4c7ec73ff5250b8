"""Step 2: the reply language. Chinese when the question has Chinese characters, else English."""

from __future__ import annotations

from bot.core.normalise import has_chinese


def reply_language(text: str, fallback: str = "en") -> str:
    if has_chinese(text):
        return "zh"
    if any(c.isalpha() and c.isascii() for c in text):
        return "en"
    return fallback
