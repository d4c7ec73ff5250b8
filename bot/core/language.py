"""Step 2: the reply language. Chinese when the question has Chinese characters, else English;
and whether the Chinese is written in Traditional characters (read from the question as typed:
normalising folds it to Simplified)."""

from __future__ import annotations

from bot.core.normalise import has_chinese, to_simplified

# Characters the Traditional-to-Simplified folding changes that Simplified text writes as well (OpenCC's own
# Simplified output holds them): no sign of Traditional. A test derives them from OpenCC.
SIMPLIFIED_TOO = frozenset("苧")
_NO_SIGN = {ord(c): None for c in SIMPLIFIED_TOO}


def reply_language(text: str, fallback: str = "en") -> str:
    if has_chinese(text):
        return "zh"
    if any(c.isalpha() and c.isascii() for c in text):
        return "en"
    return fallback


def writes_traditional(text: str) -> bool:
    """Whether `text` (as typed) is written in Traditional characters: it has one that folding to Simplified
    changes (參, 麼, 個) and that Simplified does not write too."""
    text = text.translate(_NO_SIGN)
    return to_simplified(text) != text
