"""A model named by what the article says about it, resolved the way a name is: "the FP8 one",
"那个 671B 的", "the one with 37B active parameters", "the one on par with o1".

The evidence, strongest first: a figure only one model has (671B, 37B active, 1B) or a tag only
one model carries (FP8, reinforcement learning), the tags named together, how many sizes it comes
in (several models may fit: offered as candidates), a release date only one model has, then the
words of the facts (FactSearch). The described words are cut
from the question, so what is left says what is asked about the model (its date, its paper,
a comparison)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.cues import Cues, alternation
from bot.core.dates import date_prefix
from bot.core.knowledge import KnowledgeBase, Model
from bot.core.search import FactSearch


@dataclass(frozen=True)
class Described:
    models: tuple[str, ...]  # in the order described
    rest: str  # the question without the describing words
    by_figure: bool  # a figure described them: the parameters it names are not what is asked
    candidates: bool = False  # the description fits several models equally: offer them, answer none


def _figures(m: Model) -> set[float]:
    values = {m.total_b, m.active_b, *(b for _, b in m.variants), *(m.distilled_b or ())}
    return {v for v in values if v}


class Describer:
    def __init__(self, kb: KnowledgeBase, cues: Cues, search: FactSearch):
        self.kb, self.cues, self.search = kb, cues, search
        self._figures = {m.id: _figures(m) for m in kb.models}
        carriers = {tag: [m.id for m in kb.models if tag in m.tags] for tag in cues.tags}
        self._own_tags = {tag: owners[0] for tag, owners in carriers.items() if len(owners) == 1}
        # "comes in two sizes", "有两个版本": how many sizes the article gives a model (words from the lexicon)
        self._counts = {kb.normaliser(str(w)): int(n) for w, n in kb.lexicon["operators"]["numbers"].items()}
        self._sizes = re.compile(rf"(?<![a-z0-9])({alternation(self._counts)})\s*"
                                 rf"({alternation(kb.normaliser(w) for w in kb.lexicon['sizes'])})")
        self._facts = {m.id: " ".join(kb.normaliser(t[lang]) for t in (m.features, m.significance, m.parameters_text)
                                      for lang in ("zh", "en")) for m in kb.models}

    def figure_models(self, rest: str) -> list[tuple[int, str, re.Match]]:
        """(position, model, match) for each figure in `rest` that only one model has."""
        found = []
        for match in self.cues.figure.finditer(rest):  # "671b", "37 billion", "6710 亿"
            value = round(self.cues.billions(match), 3)
            owners = [mid for mid, values in self._figures.items() if value in values]
            if len(owners) == 1:
                found.append((match.start(), owners[0], match))
        return found

    def names_other_models(self, model: str, foreign: list[str]) -> bool:
        """Whether the article names every one of these other models in `model`'s facts (R1's: OpenAI's o1;
        "openai o3" is not there, though OpenAI is)."""
        return bool(foreign) and all(re.search(rf"(?<![a-z0-9]){re.escape(name)}(?![a-z0-9])", self._facts[model])
                                     for name in foreign)

    def by_other_model(self, rest: str, foreign: list[str]) -> bool:
        """Whether other models' names describe a DeepSeek model here ("the one on par with o1"): the article
        names them in some model's facts, and the question says it means a model of its own."""
        named = any(self.names_other_models(mid, foreign) for mid in self._facts)
        return named and rest in self.cues.described

    def _tags_named(self, rest: str) -> list[tuple[str, re.Match]]:
        """The tags the text names, leftmost-longest: "视觉语言模型" is vision, not also "语言模型" (LLM's)."""
        found = sorted(((tag, m) for tag, cue_set in self.cues.tags.items() if (m := cue_set.find(rest))),
                       key=lambda hit: (hit[1].start(), -len(hit[1].group())))
        kept: list[tuple[str, re.Match]] = []
        for tag, match in found:
            if all(match.start() >= m.end() for _, m in kept):
                kept.append((tag, match))
        return kept

    def marked_models(self, rest: str) -> list[tuple[int, str, re.Match]]:
        """(position, model, match) for each figure only one model has and each tag only one carries."""
        return self._marked(self.figure_models(rest), self._tags_named(rest))

    def _marked(self, figures: list[tuple[int, str, re.Match]],
                named: list[tuple[str, re.Match]]) -> list[tuple[int, str, re.Match]]:
        own_tags = [(match.start(), self._own_tags[tag], match) for tag, match in named if tag in self._own_tags]
        return sorted(figures + own_tags, key=lambda hit: hit[0])

    def resolve(self, rest: str, foreign: list[str]) -> Described | None:
        figures, named = self.figure_models(rest), self._tags_named(rest)  # each read once
        hits = self._marked(figures, named)
        tags = [tag for tag, _ in named]
        if hits:
            cut = rest
            for _, _, match in hits:
                cut = cut.replace(match.group(), " ")
            return Described(tuple(dict.fromkeys(mid for _, mid, _ in hits)), " ".join(cut.split()), bool(figures))
        among = [m.id for m in self.kb.models if set(tags) <= set(m.tags)] if tags else None
        if among is not None and len(among) == 1:
            return Described((among[0],), rest, False)
        if sizes := self._sizes.search(rest):  # "the one that comes in two sizes": DeepSeek LLM and Janus-Pro both do
            fits = tuple(m.id for m in self.kb.models if len(m.variants) == self._counts[sizes.group(1)])
            if fits:
                return Described(fits, rest, True, candidates=len(fits) > 1)
        when = date_prefix(rest)
        dated = [m.id for m in self.kb.models if when and m.released and m.released.isoformat().startswith(when)]
        if len(dated) == 1:
            return Described((dated[0],), rest, False)  # "the one from May 2024"
        if foreign and not self.by_other_model(rest, foreign):
            return None
        # a question that only names a model's facts in passing is not a description of it: two terms at least
        found = self.search.best(rest, among, min_terms=1 if foreign else 2)  # an other model's name is telling
        return Described((found,), rest, False) if found else None
