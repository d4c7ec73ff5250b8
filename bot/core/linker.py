"""Step 3: find the models a question names.

Exact aliases first, longest first, on token boundaries (so `v2` is DeepSeek-V2, never
Coder-V2 or VL2); then fuzzy matching for longer unknown words only. Names of models the
article does not cover (GPT-4, Llama 3) and DeepSeek versions it does not have (V4) are
recognised as such, so they never snap to the nearest DeepSeek model."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.core.fuzzy_index import FuzzyIndex
from bot.core.knowledge import KnowledgeBase
from bot.core.normalise import TOKEN_RE, has_chinese, tokens_of

MAX_SPAN = 5  # longest alias, in tokens, tried for an exact match
FUZZY_SPAN = 3
FUZZY_MIN_CHARS = 5


@dataclass
class Links:
    models: list[str] = field(default_factory=list)  # in the order named, without repeats
    foreign: list[str] = field(default_factory=list)  # names of models the article does not cover
    unknown: list[str] = field(default_factory=list)  # DeepSeek versions the article does not have
    suggestions: list[str] = field(default_factory=list)  # near misses
    rest: str = ""  # the normalised text with the DeepSeek names cut out

    def add(self, model: str) -> None:
        if model not in self.models:
            self.models.append(model)


class Linker:
    def __init__(self, kb: KnowledgeBase, cue_words: set[str]):
        self._aliases = kb.alias_keys()
        self._foreign = {tuple(tokens_of(kb.normaliser(name))) for name in kb.lexicon["foreign_models"]}
        self._unknown_version = re.compile(kb.lexicon["unknown_version_pattern"])
        self._cue_words = cue_words
        self.index = FuzzyIndex({" ".join(k): m for k, m in self._aliases.items()
                                 if not has_chinese(" ".join(k))}, min_length=FUZZY_MIN_CHARS)

    def link(self, normalised: str) -> Links:
        spans = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(normalised)]
        tokens = [t for _, _, t in spans]
        links = Links()
        cut: list[tuple[int, int]] = []
        i = 0
        while i < len(tokens):
            foreign_before = len(links.foreign)
            taken = self._exact(tokens, i, links) or self._fuzzy(tokens, i, links)
            if taken:
                if len(links.foreign) == foreign_before:  # foreign names stay: they describe ("on par with o1")
                    cut.append((spans[i][0], spans[i + taken - 1][1]))
                i += taken
            else:
                i += 1
        links.rest = _cut_out(normalised, cut)
        return links

    def _exact(self, tokens: list[str], i: int, links: Links) -> int:
        for n in range(min(MAX_SPAN, len(tokens) - i), 0, -1):
            key = tuple(tokens[i: i + n])
            if key in self._aliases:
                links.add(self._aliases[key])
                return n
            if key in self._foreign:
                links.foreign.append(" ".join(key))
                return n
            if n <= 2 and self._unknown_version.match(" ".join(key)):
                links.unknown.append(" ".join(key))
                return n
        return 0

    def _fuzzy(self, tokens: list[str], i: int, links: Links) -> int:
        if not self._fuzzy_candidate(tokens[i]):
            return 0
        best = None
        for n in range(min(FUZZY_SPAN, len(tokens) - i), 0, -1):
            span = tokens[i: i + n]
            if any(has_chinese(t) for t in span) or len(" ".join(span)) < FUZZY_MIN_CHARS:
                continue
            hit, near = self.index.match(" ".join(span))
            if hit and (best is None or hit.score > best[0].score):
                best = (hit, n)
            for miss in near:
                if miss.model not in links.suggestions:
                    links.suggestions.append(miss.model)
        if best is None:
            return 0
        links.add(best[0].model)
        return best[1]

    def _fuzzy_candidate(self, token: str) -> bool:
        # Only words that are not ordinary question words may be typos of a name.
        return len(token) >= 4 and token.isascii() and token not in self._cue_words and not token.isdigit()


def _cut_out(text: str, cut: list[tuple[int, int]]) -> str:
    out, last = [], 0
    for start, end in cut:
        out.append(text[last:start])
        out.append(" ")
        last = end
    out.append(text[last:])
    return " ".join("".join(out).split())
