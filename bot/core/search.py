"""Find the model a question describes without naming it ("which model uses FP8?",
"哪个模型的代码能力和 GPT4-Turbo 相当"): term overlap with each model's facts, weighted by
how rare the term is, accepted only when one model is clearly ahead."""

from __future__ import annotations

import math
from collections import Counter
from itertools import pairwise

from bot.core.knowledge import KnowledgeBase
from bot.core.normalise import CJK_RE, tokens_of

MIN_SCORE = 1.5
LEAD = 1.5


INFLECTIONS = ("es", "s", "ed", "ing")


def stem(word: str) -> str:
    """A word without its inflection, so "decouples" and "decoupled", "generate" and "generating" meet; never a
    prefix of it: "transformed" is "transform", "Transformer" stays "transformer" (a word of its own)."""
    if len(word) <= 3 or word.endswith("ss"):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    base = next((word[:-len(end)] for end in INFLECTIONS if word.endswith(end) and len(word) - len(end) >= 3), word)
    if base != word and base.endswith("i"):
        return base[:-1] + "y"  # "unified" / "unifies" -> "unify"
    if len(base) > 3 and (base.endswith("e") or (base[-1] == base[-2] and base[-1] not in "aeiouls")):
        base = base[:-1]  # "decouple" / "decoupl-ed", "stopp-ed"
    return base


def terms_of(normalised: str, stopwords: dict[str, set[str]], ignore: frozenset[str] = frozenset()) -> set[str]:
    """English words and Chinese character pairs (Chinese has no spaces to split on), less `ignore`."""
    tokens = tokens_of(normalised)
    # Inflections fold (decouples/decoupled); other words stay apart (transformed/Transformer).
    terms = {stem(t) for t in tokens
             if not CJK_RE.match(t) and len(t) > 1 and t not in stopwords["en"] and t not in ignore}
    run: list[str] = []
    for t in [*tokens, " "]:
        if CJK_RE.match(t):
            run.append(t)
            continue
        light = stopwords.get("zh_light", set())
        for a, b in pairwise(run):
            if a not in stopwords["zh"] and b not in stopwords["zh"] and a + b not in ignore and not (
                    a in light and b in light):
                terms.add(a + b)
        run = []
    return terms


def phrases_of(normalised: str, stopwords: dict[str, set[str]], ignore: frozenset[str] = frozenset()) -> set[str]:
    """English words side by side ("labelled data", "second generation"): a phrase one model's facts hold can tell
    it where each word alone is everyone's ("generation")."""
    words = [stem(t) if not CJK_RE.match(t) and len(t) > 1 and t not in stopwords["en"] and t not in ignore else None
             for t in tokens_of(normalised)]
    return {f"{a} {b}" for a, b in pairwise(words) if a and b}


class FactSearch:
    def __init__(self, kb: KnowledgeBase, stopwords: dict[str, set[str]], cue_words: frozenset[str]):
        """`cue_words` say what is asked ("compare", "参数"), never what a model is: not searched for."""
        self._stopwords = stopwords
        self._cue_words = cue_words
        # (an ordinal before a generation is a phrase of a model's, though the ordinal asks for a rank elsewhere:
        # "the second-generation open-source MoE model")
        operators = kb.lexicon["operators"]
        said = {kb.normaliser(str(w)) for w in (*operators["ordinals"], *operators["generation"])}
        self._phrase_ignore = cue_words - said
        self._docs: dict[str, set[str]] = {}
        phrases: dict[str, set[str]] = {}
        # each model's features alone: what a question about its features may name ("what languages does it support")
        self._features = {m.id: terms_of(kb.normaliser(" ".join(m.features.values())), stopwords) for m in kb.models}
        for m in kb.models:
            # (where the article gives no date, what it says instead describes the model: DeepSeekMoE "runs through
            # some of the models")
            parts = [m.features, m.significance, m.parameters_text, *([m.headline] if m.headline else []),
                     *([m.released_text] if m.released is None else [])]
            text = kb.normaliser(" ".join([*(p[lang] for p in parts for lang in ("zh", "en")), m.paper_title or ""]))
            self._docs[m.id] = terms_of(text, stopwords)
            phrases[m.id] = phrases_of(text, stopwords)
        # a phrase tells only where one model's facts hold it: those alone are kept
        told = Counter(phrase for held in phrases.values() for phrase in held)
        for model, held in phrases.items():
            self._docs[model] |= {phrase for phrase in held if told[phrase] == 1}
        df = Counter(term for terms in self._docs.values() for term in terms)
        n = len(self._docs)
        self._idf = {term: math.log((n + 1) / (count + 0.5)) for term, count in df.items()}

    def in_features(self, model: str, normalised_question: str) -> bool:
        """Whether the question names what the model's features say ("what languages does Coder support": its
        features say it "supports many programming languages")."""
        return bool(terms_of(normalised_question, self._stopwords) & self._features[model])

    def containing(self, normalised_question: str) -> list[str]:
        """Every model whose facts hold all the question's telling terms ("which models are open source")."""
        terms = terms_of(normalised_question, self._stopwords, self._cue_words)
        if not terms:
            return []
        found = [mid for mid, doc in self._docs.items() if terms <= doc]
        return found if len(found) < len(self._docs) else []

    def best(self, normalised_question: str, among: list[str] | None = None, min_terms: int = 1) -> str | None:
        """The model the question describes; `min_terms`: how many of its terms the facts must hold."""
        terms = terms_of(normalised_question, self._stopwords, self._cue_words) | phrases_of(
            normalised_question, self._stopwords, self._phrase_ignore)
        # Squared weights let one rare, telling term ("fp8") outweigh a few common ones.
        scores = sorted(((sum(self._idf[t] ** 2 for t in terms & self._docs[mid]), mid)
                         for mid in (among or self._docs)), reverse=True)
        held = terms & self._docs[scores[0][1]] if scores else set()
        if not scores or scores[0][0] < MIN_SCORE or len(held) + sum(" " in t for t in held) < min_terms:  # a phrase: 2
            return None
        if len(scores) > 1 and scores[0][0] < LEAD * scores[1][0]:
            return None
        return scores[0][1]
