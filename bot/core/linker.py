"""Step 3: find the models a question names.

A name read by the pattern of DeepSeek's naming (bot/core/names.py) first: a covered model, a variant
of one the article does not describe ("V2-Lite"), or a DeepSeek model it does not cover ("V3.1",
"R1-Zero", "deepseek-chat"); then exact aliases, longest first, on token boundaries (so `v2` is
DeepSeek-V2, never Coder-V2 or VL2); then fuzzy matching for longer unknown words only. Names of
other companies' models (GPT-4, Llama 3) are recognised as such, so they never snap to the nearest
DeepSeek model."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz import fuzz

from bot.core.fuzzy_index import FuzzyIndex, Hit
from bot.core.knowledge import KnowledgeBase
from bot.core.names import SIZE, Names, Typed
from bot.core.normalise import TOKEN_RE, has_chinese, tokens_of

FUZZY_SPAN = 3
FUZZY_MIN_CHARS = 5
ACCEPT = 85.0  # the fuzzy index's own acceptance score
MARGIN = 15.0  # how far ahead of the runner-up the words after the brand must be
AFTER_BRAND = 65.0  # how close the words after the brand must be to the name's ("coedr" and "coder": 80)
_VERSION_NUMBER = re.compile(r"v?\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Links:
    models: list[str] = field(default_factory=list)  # in the order named, without repeats
    foreign: list[str] = field(default_factory=list)  # names of models the article does not cover
    unknown: list[str] = field(default_factory=list)  # DeepSeek models the article does not cover ("v3 0324")
    near: list[str] = field(default_factory=list)  # for those, the closest covered model by name
    variants: list[tuple[str, str]] = field(default_factory=list)  # (covered model, the variant as typed: "V2-Lite")
    suggestions: list[str] = field(default_factory=list)  # near misses
    doubtful: list[str] = field(default_factory=list)  # models taken from a typo not clearly ahead of the next
    rest: str = ""  # the normalised text with the DeepSeek names cut out

    def add(self, model: str) -> None:
        if model not in self.models:
            self.models.append(model)


class Linker:
    def __init__(self, kb: KnowledgeBase, cue_words: set[str]):
        self._aliases = kb.alias_keys()
        self._alias_tokens = {token for key in self._aliases for token in key}  # "v1" is in "coder v1"

        # models the article does not cover, DeepSeek's own included ("janus", "deepseek vl")
        outside = [*kb.lexicon["foreign_models"], *(n for e in kb.not_covered for n in (e.name, *e.aliases))]
        self._foreign = {tuple(tokens_of(kb.normaliser(name))) for name in outside}
        # every Chinese character is a token, so a Chinese name is long: try spans up to the longest one
        self._longest = max(len(key) for key in (*self._aliases, *self._foreign))
        self.names = Names(kb)
        self._kb = kb
        self._cue_words = cue_words
        self._brands = set(kb.lexicon["normalise"]["split_prefixes"])
        self._listing = {kb.normaliser(w) for w in kb.lexicon["names"]["listed_with"]}
        self._families = set(kb.lexicon["names"]["families"])
        self._letters = str.maketrans(kb.lexicon["normalise"].get("letter_digits") or {})
        self.index = FuzzyIndex({" ".join(k): m for k, m in self._aliases.items()
                                 if not has_chinese(" ".join(k))}, min_length=FUZZY_MIN_CHARS)

        # a message's clauses and parts are linked many times while it is understood, the same texts again and
        # again: each once (forgotten with each message, so nothing is reused across questions and timings stay
        # honest)
        self._linked = lru_cache(maxsize=256)(self._link)
        # those texts overlap (a clause, its part, the message): the same words are matched fuzzily once
        self._fuzzy_match = lru_cache(maxsize=1024)(self.index.match)

    def forget(self) -> None:
        """A new message: nothing linked for the one before is reused."""
        self._linked.cache_clear()
        self._fuzzy_match.cache_clear()

    def link(self, normalised: str, text: str | None = None) -> Links:
        """The names in `normalised`; `text`, the question as typed, tells "V2-Lite" from "is V2 lite?" and
        gives a variant's name as the person wrote it."""
        return self._linked(normalised, text)

    def _link(self, normalised: str, text: str | None) -> Links:
        spans = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(normalised)]
        typed = Typed.find(text, [t for _, _, t in spans]) if text is not None else None
        tokens = [self._as_letters(t) for _, _, t in spans]
        links = Links()
        cut: list[tuple[int, int]] = []
        named: set[int] = set()  # the tokens of the names found so far
        i = 0
        while i < len(tokens):
            foreign_before, names_before = len(links.foreign), len(links.models) + len(links.unknown)
            taken = (self._named(tokens, i, typed, links) or self._exact(tokens, i, links)
                     or self._fuzzy(tokens, i, links) or self._listed(tokens, i, typed, named, links))
            if taken and len(links.foreign) > foreign_before and (sized := _its_size(tokens, i + taken)):
                # "Llama 2 70B", "Qwen2.5-72B": the size is the other model's, no figure of the one asked about
                cut.append((spans[i + taken + sized - 1][0], spans[i + taken + sized - 1][1]))
                taken += sized
            elif taken and len(links.foreign) > foreign_before and SIZE.fullmatch(tokens[i + taken - 1]):
                cut.append(spans[i + taken - 1][:2])  # ("Coder-v1.5 7B": a size in the other model's own name)
            if taken:
                if len(links.foreign) == foreign_before:  # foreign names stay: they describe ("on par with o1")
                    cut.append((spans[i][0], spans[i + taken - 1][1]))
                if len(links.models) + len(links.unknown) > names_before:  # (a name, not another company's model)
                    named.update(range(i, i + taken))
                i += taken
            else:
                i += 1
        return replace(links, rest=_cut_out(normalised, cut))

    def _listed(self, tokens: list[str], i: int, typed: Typed | None, named: set[int], links: Links) -> int:
        """"V3 和 LLM", "Coder、Coder V2、Math", "Math 和 Coder": a word that names a model after the brand, listed
        beside a name (by a listing word, or after it by a list's mark as typed), is that model."""
        brands = self._brands_of(tokens[i]) if tokens[i] in self._families else []
        if not brands:
            return 0

        def name_starts(k: int) -> bool:
            return k < len(tokens) and bool(self._alias_at(tokens, k) or self.names.read(tokens, k, typed))

        def marked(k: int) -> bool:  # a list's mark typed between tokens k-1 and k
            return typed is not None and typed.separated(k)

        listing = {k for k in (i - 1, i + 1) if 0 <= k < len(tokens) and tokens[k] in self._listing}
        left = i - 2 in named if i - 1 in listing else i - 1 in named and marked(i)
        # (before a name only by a listing word, or by "、": "as a local LLM, R1 …" names no DeepSeek LLM)
        right = (i + 1 in listing and name_starts(i + 2)) or (
            typed is not None and typed.enumerated(i + 1) and name_starts(i + 1))
        if left or right:
            links.add(self._aliases[(brands[0], tokens[i])])
            return 1
        return 0

    def _as_letters(self, token: str) -> str:
        """"pr0" -> "pro", "c0der" -> "coder": a digit for a letter, where the word then is a word of a model's
        name and was none before; a real version ("v3", "r1", "vl2", "7b") is a word of a name already."""
        if token in self._alias_tokens or not any(c.isalpha() for c in token):
            return token
        letters = token.translate(self._letters)
        return letters if letters.isalpha() and letters in self._alias_tokens else token

    def with_brand(self, normalised: str) -> str:
        """The text with the brand put before each word that names a model with it ("moe" -> "deepseek moe")."""
        words = normalised.split()
        # a brand already there is not put twice ("janus pro" stays, never "janus janus pro")
        return " ".join(next((f"{b} {t}" for b in self._brands_of(t) if not (i and words[i - 1] == b)), t)
                        for i, t in enumerate(words))

    def brandable(self, normalised: str) -> list[str]:
        """The words that name a model once the brand is put before them ("llm", "moe", "math")."""
        return [t for t in normalised.split() if self._brands_of(t)]

    def _brands_of(self, token: str) -> list[str]:
        return [b for b in self._brands if (b, token) in self._aliases and (token,) not in self._aliases
                and token.isalpha()]

    def _named(self, tokens: list[str], i: int, typed: Typed | None, links: Links) -> int:
        """A name the pattern of DeepSeek's naming reads at token i, where it reaches at least as far as an alias."""
        name = self.names.read(tokens, i, typed)
        if name is None or name.length < self._alias_at(tokens, i):
            return 0
        span = tokens[i: i + name.length]
        if name.kind == "other" and (listed := self._listed_at(tokens, i)) >= name.length and (
                entry := self._kb.uncovered(" ".join(tokens[i: i + listed]))) and entry.mentioned_by:
            return 0  # a name the article only mentions ("built on DeepSeek-Coder-v1.5 7B"): the lexicon's entry
        if name.kind == "other":
            links.unknown.append(" ".join(span))
            if name.model:
                links.near.append(name.model)
            return name.length
        links.add(name.model)
        if name.kind == "variant":
            links.variants.append((name.model, typed.between(i, i + name.length) if typed else " ".join(span)))
        return name.length

    def _exact(self, tokens: list[str], i: int, links: Links) -> int:
        for n in range(min(self._longest, len(tokens) - i), 0, -1):
            key = tuple(tokens[i: i + n])
            if key in self._aliases:
                # "ds coder 2": an overlapping name that reaches further ("coder 2") is the one meant
                for j in range(i + 1, i + n):
                    if (further := self._alias_at(tokens, j)) and j + further > i + n:
                        links.add(self._aliases[tuple(tokens[j: j + further])])
                        return j - i + further
                links.add(self._aliases[key])
                return n
            if key in self._foreign:
                links.foreign.append(" ".join(key))
                return n
        return 0

    def _listed_at(self, tokens: list[str], i: int) -> int:
        """The length of the longest name of the lexicon's other models starting at token i, or 0."""
        return next((n for n in range(min(self._longest, len(tokens) - i), 0, -1)
                     if tuple(tokens[i: i + n]) in self._foreign), 0)

    def _alias_at(self, tokens: list[str], i: int) -> int:
        """The length of the longest alias starting at token i, or 0."""
        return next((n for n in range(min(self._longest, len(tokens) - i), 0, -1)
                     if tuple(tokens[i: i + n]) in self._aliases), 0)

    def _fuzzy(self, tokens: list[str], i: int, links: Links) -> int:
        if not (self._fuzzy_candidate(tokens[i]) or tokens[i] in self._brands):
            return 0
        best = None
        for n in range(min(FUZZY_SPAN, len(tokens) - i), 0, -1):
            span = tokens[i: i + n]
            # a span is a name typed wrong only if its words are not question words ("deepseek model")
            if len(" ".join(span)) < FUZZY_MIN_CHARS or self._names_unknown_version(span) or not all(
                    self._fuzzy_candidate(t) or t in self._brands or _version_like(t) for t in span):
                continue
            hit, near = self._fuzzy_match(" ".join(span))
            if hit and not self._close_after_brand(span, hit):
                hit = None  # "deepseek eat" is no "deepseek math": the brand alone made them look close
            hit = hit or self._same_version(span) or self._clear_after_brand(span, near)
            if hit and (best is None or hit.score > best[0].score):
                best = (hit, n)
            for miss in near:
                if miss.model not in links.suggestions:
                    links.suggestions.append(miss.model)
        if best is None:
            return 0
        links.add(best[0].model)
        if self._lead(best[0], " ".join(tokens[i: i + best[1]])) < MARGIN:
            links.doubtful.append(best[0].model)
        return best[1]

    def _lead(self, hit: Hit, typed: str) -> float:
        """How far the accepted model is ahead of the next best model for what was typed."""
        others = [h.score for h in self.index.top_per_model(typed) if h.model != hit.model]
        return hit.score - max(others, default=0.0)

    def _names_unknown_version(self, span: list[str]) -> bool:
        """"deepseek r2" is R2, a model the article lacks: it must not fuzz into "deepseek 2"."""
        return any((name := self.names.read(span, k)) and name.kind == "other" for k in range(len(span)))

    def _same_version(self, span: list[str]) -> Hit | None:
        """"deepseek coedr v2": the version is typed right and decides; the words around it may be typos."""
        versions = [t for t in span if _version_like(t)]
        if not versions or len(versions) == len(span):
            return None
        words = " ".join(t for t in span if not _version_like(t))
        scored = sorted(
            ((fuzz.ratio(words, " ".join(t for t in hit.alias.split() if not _version_like(t))), hit)
             for hit in self.index.top_per_model(" ".join(span), cutoff=60.0, models=6)
             if [t for t in hit.alias.split() if _version_like(t)] == versions),
            key=lambda pair: -pair[0])
        if not scored or scored[0][0] < ACCEPT:
            return None
        runner_up = scored[1][0] if len(scored) > 1 else 0.0
        return scored[0][1] if scored[0][0] - runner_up >= MARGIN else None

    def _close_after_brand(self, span: list[str], hit: Hit) -> bool:
        """What follows the brand is itself close to what follows it in the name ("deepseek coedr": "coder")."""
        if span[0] not in self._brands or len(span) < 2 or not hit.alias.startswith(span[0] + " "):
            return True
        return fuzz.ratio(" ".join(span[1:]), hit.alias.removeprefix(span[0] + " ")) >= AFTER_BRAND

    def _clear_after_brand(self, span: list[str], near: list[Hit]) -> Hit | None:
        """The shared brand ("deepseek ...") makes every alias look close: judge the lead on what follows it."""
        if span[0] not in self._brands or len(span) < 2 or not near or near[0].score < ACCEPT:
            return None
        brand = span[0] + " "
        typed = " ".join(span[1:])

        def after_brand(hit: Hit) -> float:
            return fuzz.ratio(typed, hit.alias.removeprefix(brand))

        runner_up = after_brand(near[1]) if len(near) > 1 else 0.0
        # (and close itself: "deepseek eat" is no "deepseek math", however far behind "moe" is)
        best = after_brand(near[0])
        return near[0] if best >= AFTER_BRAND and best - runner_up >= MARGIN else None

    def _fuzzy_candidate(self, token: str) -> bool:
        # Only words that are not ordinary question words may be typos of a name.
        return len(token) >= 3 and token.isascii() and token not in self._cue_words and not token.isdigit()


def _its_size(tokens: list[str], j: int) -> int:
    """How many tokens from j give a model's version and then its size ("2 70b", "2.5 72b", "70b"), or 0."""
    version = int(j < len(tokens) and bool(_VERSION_NUMBER.fullmatch(tokens[j])))
    return version + 1 if j + version < len(tokens) and SIZE.fullmatch(tokens[j + version]) else 0


def _version_like(token: str) -> bool:
    return token.isascii() and any(c.isdigit() for c in token) and len(token) <= 4


def _cut_out(text: str, cut: list[tuple[int, int]]) -> str:
    out, last = [], 0
    for start, end in cut:
        out.append(text[last:start])
        out.append(" ")
        last = end
    out.append(text[last:])
    return " ".join("".join(out).split())
