"""Does the parse account for the question? An overview answers "what is R1?", not "is R1 banned in
Italy?": an English word that is no cue, no polite chatter and not in the model's own facts is an
important word left unexplained, and the bot declines rather than answer something else.

Chinese has no spaces to find such words by; there the lexicon's `beyond_article` topics decide."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from bot.core.cues import Cues
from bot.core.dates import MONTHS
from bot.core.knowledge import KnowledgeBase
from bot.core.normalise import tokens_of
from bot.core.search import _stem


class Coverage:
    def __init__(self, kb: KnowledgeBase, cues: Cues):
        # a topic word of its own ("price", "github") is never explained, nor taken for a typo of a known word
        topics = {w for w in cues.beyond.words if " " not in w}
        self._known = (cues.words | cues.stopwords["en"] | set(kb.lexicon["normalise"]["split_prefixes"])
                       | set(MONTHS)) - topics
        self._spellable = [w for w in self._known if len(w) >= 4]
        self._facts = {m.id: {_stem(t) for t in tokens_of(kb.normaliser(" ".join(
            [*(t["en"] for t in (m.features, m.significance, m.headline, m.parameters_text, m.released_text) if t),
             m.paper_title or "", *m.aliases])))} for m in kb.models}

    def unexplained(self, rest: str, model: str) -> set[str]:
        """The words of `rest` (a question about `model`, names cut out) that nothing accounts for."""
        words = {t for t in tokens_of(rest) if t.isascii() and t.isalpha() and len(t) > 1} - self._known
        return {w for w in words if _stem(w) not in self._facts[model] and not self._typo(w)}

    def _typo(self, word: str) -> bool:
        """"wen", "relased": a word this close to a known one is that word mistyped, not a new topic."""
        return process.extractOne(word, self._spellable, scorer=fuzz.ratio, score_cutoff=85) is not None
