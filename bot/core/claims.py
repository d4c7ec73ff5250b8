"""A claim about one model checked against the article's sentences, as fact verification does it (supported,
refuted, or not enough information, with the sentence that settles it): "does r1 really match openai o1?",
"coder v2 is on par with GPT4-Turbo for code, right?", "DeepSeekMath was trained on like 50B tokens?".

A tag, a date, a figure, a relation or a ranking claimed is the operators' (a structured check); this reads
the rest. In: the model and the claim's words (normalised, names cut out). Out: `Evidence`: the verdict, the
field, and in each language the sentence of that field closest to the claim. The claim's telling terms (its
words less cue, check and stop words) all in one sentence: supported. A count the claim gives that the
article gives otherwise ("50B tokens" where it says 5000 亿 token): refuted. Anything else: the article does
not say, with the closest sentence, so the asker can judge."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.core.cues import Cues, alternation
from bot.core.knowledge import KnowledgeBase, Model
from bot.core.normalise import tokens_of
from bot.core.search import stem, terms_of

_SENTENCE = re.compile(r"(?<=[。;；!！?？])|(?<=[.;!?])\s+")
RELEVANT = 0.5  # a yes/no question whose terms the closest sentence holds less of is not about what it says
COUNT_TOLERANCE = 0.05
TITLE_WORDS, TITLE_SHARE = 2, 0.75  # a paper title claimed: its own words (this many at least), most of it said
TITLE_SPELLING = 85  # how close a word of a claimed title must be to the title's


@dataclass(frozen=True)
class Evidence:
    verdict: str  # "yes", "no" or "unknown"
    field: str
    sentence: dict[str, int]  # language -> index of the closest sentence among the field's (`sentences`)
    share: float  # how much of the claim's terms the closest sentence holds


def _field_text(m: Model, field: str, lang: str) -> str:
    if field == "paper":
        return " ".join(x for x in (m.paper_title or "", (m.paper_summary or {}).get(lang, "")) if x)
    return {"features": m.features, "significance": m.significance, "parameters": m.parameters_text}[field][lang]


def sentences(m: Model, field: str, lang: str) -> tuple[str, ...]:
    """The sentences of one field of a model, as the card shows them."""
    return tuple(s.strip() for s in _SENTENCE.split(_field_text(m, field, lang)) if s.strip())


FIELDS = ("features", "significance", "parameters", "paper")


class Claims:

    def __init__(self, kb: KnowledgeBase, cues: Cues, ignore: frozenset[str]):
        """`ignore`: cue words, which say what is asked, never what is claimed."""
        # the models' own names say which model, never what is claimed of it ("and llm?")
        names = {token for key in kb.alias_keys() for token in key}
        self.kb, self.cues, self._ignore, self._names = kb, cues, frozenset(ignore | names), frozenset(names)
        self._titles = {m.id: frozenset(tokens_of(kb.normaliser(m.paper_title))) for m in kb.models if m.paper_title}
        self._group = {kb.normaliser(w): group for group, words in kb.lexicon["claim_synonyms"].items() for w in words}
        self._synonym = re.compile(alternation(self._group))
        self._groups = frozenset(self._group.values())  # a group's name is a term, even where it is a cue word
        self._opposite = {stem(kb.normaliser(a)): stem(kb.normaliser(b))
                          for a, b in kb.lexicon.get("claim_opposites", {}).items()}
        self._of_itself = {stem(kb.normaliser(g)) for g in kb.lexicon.get("claim_of_itself", [])}
        # (field, language, index, terms, counts) of every sentence of every model
        self._index = {m.id: [(field, lang, i, self._terms(s), self._counts(s))
                              for field in FIELDS for lang in ("zh", "en")
                              for i, s in enumerate(sentences(m, field, lang))] for m in kb.models}

    def _terms(self, text: str) -> frozenset[str]:
        return frozenset(terms_of(self._synonyms(self.kb.normaliser(text)), self.cues.stopwords,
                                  self._ignore - self._groups))

    def _synonyms(self, normalised: str) -> str:
        """Each word of a synonym group as the group's name ("on par", "掰手腕", "持平" -> "match")."""
        return self._synonym.sub(lambda m: f" {self._group[m.group()]} ", normalised)

    def _counts(self, text: str) -> tuple[tuple[str, float], ...]:
        """What a text counts, and how many: "5000 亿 token" is ("token", 5e11)."""
        return tuple((match["what"].removesuffix("s"), float(match["n"]) * self.cues.units.get(match["unit"] or "",
                                                                                                  1e-9) * 1e9)
                     for match in self.cues.counted.finditer(self.kb.normaliser(text)))

    def _opposed(self, terms: frozenset[str], index: list) -> tuple | None:
        """The sentence that says the opposite amount of what the claim says ("a huge pile of labelled data" where
        it says "only a little labelled data"), of something the claim names too."""
        opposite = {self._opposite[t] for t in terms if t in self._opposite}
        others = terms - set(self._opposite)
        # (with nothing else claimed, what is said of the model itself: "V2 是第一代的吗" against "第二代")
        alone = not others and opposite <= self._of_itself
        return next((s for s in index if opposite and opposite <= s[3] and (others & s[3] or alone)), None)

    def title(self, model: str, claim: str) -> str | None:
        """"V3 的论文叫 DeepSeek-V3 Technical Report, 没错吧": "yes" where the claim holds the model's paper title,
        "no" where it holds another model's; None where it holds no title."""
        said = set(tokens_of(self.kb.normaliser(claim)))

        def hears(word: str) -> bool:  # the title's word, or one typed a letter off (the article's "Uniffed")
            return word in said or (len(word) > 4 and any(fuzz.ratio(word, w) >= TITLE_SPELLING for w in said))

        def holds(title: frozenset[str]) -> bool:  # every word of the title but the model's name, and most of it
            if len(title - self._names - said) > 1:
                return False  # more than one word missing: no title, whatever the spelling
            own, heard = title - self._names, {w for w in title if hears(w)}
            return len(own) >= TITLE_WORDS and own <= heard and len(heard) >= TITLE_SHARE * len(title)

        holding = [model_id for model_id, title in self._titles.items() if holds(title)]
        return ("yes" if model in holding else "no") if holding else None

    def title_words(self, model: str, claim: str) -> str | None:
        """"does the V2 paper title call it economical?", "MoE 论文标题里有 Expert Specialization 吧": words of a
        paper title claimed of a model's paper: "yes" where its title holds them all; "unknown" where the article
        gives it no paper; "no" where they are another model's title's; None where it holds no title's words."""
        # (not cue words: "R1 technical report?" asks for the paper, it claims no title)
        stop = self.cues.stopwords["en"]
        said = {w for w in tokens_of(self.kb.normaliser(claim)) if w.isascii() and w not in stop} - self._ignore
        if model not in self._titles:  # a title quoted for a paper the article has not found
            return "unknown" if said and (any(mark in claim for mark in '"“《') or _SINGLE_QUOTED.search(claim)) \
                else None
        claimed = said & frozenset().union(*self._titles.values())
        if not claimed:
            return None
        if claimed <= self._titles[model]:
            # (a title quoted in full with words of its own is another title: "…in LLMs via Supervised Fine-Tuning》")
            quoted = {w for q in _QUOTED.finditer(claim) for w in tokens_of(self.kb.normaliser(q[1] or q[2]))
                      if w.isascii()}
            return "no" if quoted - self._titles[model] - stop - self._names else "yes"
        # another model's title ("is the V3 paper titled Scaling Open-Source Language Models?")
        return "no" if any(claimed <= title for title in self._titles.values()) else None

    def check(self, model: str, claim: str, fields: tuple[str, ...] = FIELDS) -> Evidence | None:
        """The verdict on `claim` about `model`, read in the sentences of `fields`, or None when it claims nothing
        words could settle (only cue words: "does it have a paper?")."""
        # the figures of a count are the count's ("500B token"), not words of the claim
        terms, counts = self._terms(self.cues.counted.sub(" ", self.kb.normaliser(claim))), self._counts(claim)
        if not terms and not counts:
            return None
        index = [s for s in self._index[model] if s[0] in fields]
        share = {s[:3]: len(terms & s[3]) / len(terms) if terms else 0.0 for s in index}
        refuting = next((s for s in index if _contradicts(counts, s[4])), None) or self._opposed(terms, index)
        stating = next((s for s in index if counts and _states(counts, s[4])), None)
        best = refuting or stating or max(index, key=lambda s: (share[s[:3]], s[1] == "en"))
        # (in each language, the sentence that says the opposite where one does; else the closest)
        opposite = {self._opposite[t] for t in terms if t in self._opposite}
        closest = {lang: max((s for s in index if s[0] == best[0] and s[1] == lang),
                             key=lambda s: (bool(opposite) and opposite <= s[3], share[s[:3]],
                                            len(set(s[4]) & set(best[4]))))[2]
                   for lang in ("zh", "en")}
        verdict = "no" if refuting else _verdict(bool(terms), counts, share[stating[:3]] if stating else None,
                                                  share[best[:3]])
        return Evidence(verdict, best[0], closest, share[best[:3]])


_SINGLE_QUOTED = re.compile(r"(?<![A-Za-z])'([^']{8,})'(?![A-Za-z])")  # a title in single quotes, not "DeepSeek's"
# what is quoted, in double quotes, title marks or single quotes
_QUOTED = re.compile(rf"[“\"《「『]([^”\"》」』]{{8,}})[”\"》」』]|{_SINGLE_QUOTED.pattern}")


def _verdict(worded: bool, counts: tuple, stating_share: float | None, best_share: float) -> str:
    """Supported when a sentence states the counts claimed (and holds enough of the claim's words, if it has
    any), or, with no count, holds every word; else the article does not say."""
    if counts:
        return "yes" if stating_share is not None and (not worded or stating_share >= RELEVANT) else "unknown"
    return "yes" if best_share == 1.0 else "unknown"


def _states(claimed: tuple[tuple[str, float], ...], stated: tuple[tuple[str, float], ...]) -> bool:
    return all(any(w == what and abs(v - value) <= COUNT_TOLERANCE * v for w, v in stated) for what, value in claimed)


def _contradicts(claimed: tuple[tuple[str, float], ...], stated: tuple[tuple[str, float], ...]) -> bool:
    """The sentence counts the same thing the claim counts, and never as many."""
    return any(theirs and not any(abs(v - value) <= COUNT_TOLERANCE * v for v in theirs)
               for what, value in claimed for theirs in [[v for w, v in stated if w == what]])
