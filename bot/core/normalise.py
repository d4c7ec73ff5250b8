"""Step 1: fold the many ways people type the same thing into one form.

NFKC (full-width `ｖ３`), Traditional -> Simplified Chinese (OpenCC's table, shipped),
lower case, dash and punctuation variants, glued or spaced version codes
(`coderv2`, `v 3`), and a brand typo (`deepsek`) folded to the brand."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RE = re.compile(f"[{CJK}]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")  # half of a character, which no text encoding carries
# Everything that is neither a letter, a digit, CJK, '.', '+' nor space separates words.
_SEPARATORS = re.compile(rf"[^a-z0-9{CJK}.+\s]")
_LOOSE_DOT = re.compile(r"(?<![0-9])\.|\.(?![0-9])")
_SPACED_VERSION = re.compile(r"(?<![a-z0-9])(v|vl|r)\s+(\d)")
_GLUED_VERSION = re.compile(r"([a-z]{3,}?)(vl|v)(\d)")
_DIGIT = re.compile(r"\d")
_ARROW = re.compile(r"[-=]+>|<[-=]+")
_GLUED_NUMBER = re.compile(r"(?<![a-z0-9])([a-z]{3,})(\d)")
_SCRIPT_BOUNDARY = re.compile(rf"(?<=[{CJK}])(?=[a-z0-9])|(?<=[a-z0-9])(?=[{CJK}])")
TOKEN_RE = re.compile(rf"[a-z0-9][a-z0-9.+]*|[{CJK}]")
# a number in Chinese numerals before a unit of size ("六千多亿", "两百亿"): written in digits, as the figures are
_CHINESE_NUMBER = re.compile(r"[零一二两三四五六七八九十百千]+(?=多?[亿万])")
# a year of this decade in two digits: "23年", "'24" (the models came out in 2023-2025)
_SHORT_YEAR = re.compile(r"(?<![0-9.])'?(2\d)(?=\s*年)|(?<![0-9a-z])'(2\d)(?![0-9])")
# an A-not-A question ("快不快", "有没有", "开不开源"): it asks, and negates nothing
A_NOT_A = re.compile(r"([\u4e00-\u9fff]{1,2})[不没]\1")
# Cantonese A-not-A ("可唔可以", "支唔支持"): Mandarin's ("可不可以"), which the readers know
_CANTONESE_A_NOT_A = re.compile(r"([\u4e00-\u9fff]{1,2})唔\1")
_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_PLACES = {"十": 10, "百": 100, "千": 1000}


def _in_digits(numeral: str) -> str:
    """"六千" -> "6000", "七百五十" -> "750", "十二" -> "12"."""
    total, digit = 0, None
    for ch in numeral:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * _PLACES[ch]
            digit = None
    return str(total + (digit or 0))


def _folding_table() -> dict[int, int]:
    """OpenCC's Traditional -> Simplified table (t2s), character by character, as `traditional.txt` ships it (a
    test checks it against OpenCC): the Taiwan words ("程式碼") are the lexicon's to fold (normalise.replace), and
    OpenCC's phrase tables would also rewrite words that mean something else ("呼叫" to "调用"). Shipped, not
    loaded from OpenCC, which would add 3.5 MB and 18 ms to every process that reads Chinese."""
    pairs = Path(__file__).with_name("traditional.txt").read_text(encoding="utf-8").split()
    return {ord(pair[0]): ord(pair[1]) for pair in pairs}


TO_SIMPLIFIED = _folding_table()


def to_simplified(text: str) -> str:
    """Traditional -> Simplified, character by character."""
    return text.translate(TO_SIMPLIFIED)


def has_chinese(text: str) -> bool:
    return CJK_RE.search(text) is not None


def simplified(text: str) -> str:
    """NFKC and Traditional -> Simplified Chinese; the case and every other character as typed (but half
    characters, dropped)."""
    text = unicodedata.normalize("NFKC", _SURROGATE.sub("", text))
    return to_simplified(text)


def fold(text: str) -> str:
    """Script-level folding only: NFKC, controls, Traditional -> Simplified, lower case."""
    return simplified(_CONTROL.sub(" ", unicodedata.normalize("NFKC", text))).lower()


def _whole_words(key: str) -> re.Pattern:
    """Latin keys match whole words only ("ds" is DeepSeek, "words" stays words)."""
    escaped = re.escape(key)
    return re.compile(escaped if has_chinese(key) else rf"(?<![a-z0-9]){escaped}(?![a-z0-9])")


class Normaliser:
    """Turns user text (and aliases, and cues) into one comparable form."""

    def __init__(self, replace: dict[str, str], split_prefixes: Iterable[str],
                 short_brands: dict[str, str] | None = None,
                 name_starts: tuple[Iterable[str], Iterable[str]] = ((), ())):
        """`short_brands` ({"ds": "deepseek"}) are read as the brand where glued to the start of a model's name
        ("dsv3", "dscoder"): `name_starts` holds the letters that take a version ("v", "r") and the words."""
        keys = sorted(((self._basic(k), v) for k, v in replace.items()), key=lambda kv: -len(kv[0]))
        self._replace = [(_whole_words(key), value) for key, value in keys]
        # most texts hold none of the keys: one search for the bare keys tells (a plain alternation of words,
        # which the regex engine scans for fast), and the replacements, word-bounded, run in turn only then
        self._any_replaced = re.compile("|".join(re.escape(key) for key, _ in keys) or "(?!)")
        self._brands = tuple(split_prefixes)
        alternation = "|".join(re.escape(b) for b in self._brands) or "(?!)"
        self._glued_brand = re.compile(rf"(?<![a-z0-9])({alternation})(?=[a-z0-9])")
        self._short = {k.lower(): v for k, v in (short_brands or {}).items()}
        letters, words = (sorted(map(re.escape, group), key=len, reverse=True) for group in name_starts)
        starts = "|".join([*(rf"{w}" for w in words), *(rf"{v}\d" for v in letters)])
        self._glued_short = re.compile(rf"(?<![a-z0-9])({'|'.join(map(re.escape, self._short))})(?={starts})") \
            if self._short and starts else None
        # cues and aliases are normalised more than once while the engine is built; questions repeat too
        self._cached = lru_cache(maxsize=4096)(self._normalise)

    @staticmethod
    def _basic(text: str) -> str:
        text = fold(text)
        if "唔" in text:
            text = _CANTONESE_A_NOT_A.sub(r"\1不\1", text)
        if "亿" in text or "万" in text:
            text = _CHINESE_NUMBER.sub(lambda m: _in_digits(m.group()), text)
        if "2" in text:
            text = _SHORT_YEAR.sub(lambda m: f"20{m.group(1) or m.group(2)}", text)
        text = text.replace("%", " percent ")  # a word, as the lexicon can name it (the article gives no share)
        if ">" in text or "<" in text:  # "V3 > R1?", "models >100B": words, as the lexicon names them (not arrows)
            text = _ARROW.sub(" ", text).replace(">", " more than ").replace("<", " less than ")
        text = _SEPARATORS.sub(" ", text)
        if "." in text:
            text = _LOOSE_DOT.sub(" ", text)
        return " ".join(_SCRIPT_BOUNDARY.sub(" ", text).split())

    def __call__(self, text: str) -> str:
        return self._cached(text)

    def forget(self) -> None:
        """Drop what was normalised while the engine was built (every cue word): questions fill it again."""
        self._cached.cache_clear()

    def _normalise(self, text: str) -> str:
        text = f" {self._basic(text)} "
        if self._glued_short:  # "dsv3" -> "deepseek v3"
            text = self._glued_short.sub(lambda m: self._short[m.group(1)] + " ", text)
        if self._any_replaced.search(text):
            for old, new in self._replace:
                text = old.sub(new, text)
        text = " ".join(self._fix_brand_typo(word) for word in text.split())
        if any(brand in text for brand in self._brands):
            text = self._glued_brand.sub(r"\1 ", text)
        if _DIGIT.search(text):  # each of these splits or joins a version's number
            text = _GLUED_VERSION.sub(r"\1 \2\3", text)
            text = _GLUED_NUMBER.sub(r"\1 \2", text)
            text = _SPACED_VERSION.sub(r"\1\2", text)
        return " ".join(text.split())

    def _fix_brand_typo(self, word: str) -> str:
        # "deepsek", "deepseak", "jaunus": a word this close to a brand is the brand.
        for brand in self._brands:  # a ratio of 85 needs lengths within 15% of both together: most words are not
            if abs(len(word) - len(brand)) <= 0.15 * (len(word) + len(brand)) and word != brand \
                    and not word.startswith(brand) and fuzz.ratio(word, brand) >= 85:
                return brand
        return word


def tokens_of(normalised: str) -> list[str]:
    return TOKEN_RE.findall(normalised)
