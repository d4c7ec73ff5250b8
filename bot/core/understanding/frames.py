"""Stage 3, frames: one asking part of a message -> a Query (models, filters, order, take, the fact
projected, a claim to check), from the names it holds and its cue words.

In: the part's words (chatter already gone) and the context it is read in (the conversation, or the
part before it in the same message). Out: a Query; intent "none" with a reason when the part asks
something the article does not hold.

The order of the rules is the order a careful reader would apply them: names first, then
what is asked about them; with no name, a filter, a superlative, a described model, or the
model talked about just before."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import replace

from bot.core.cues import Cues
from bot.core.describe import Describer
from bot.core.knowledge import KnowledgeBase
from bot.core.linker import Linker, Links
from bot.core.memory import Context
from bot.core.normalise import tokens_of
from bot.core.operators import Operators
from bot.core.query import Query
from bot.core.search import FactSearch
from bot.core.selection import parse
from bot.core.understanding.described import DescribedQuestions
from bot.core.understanding.named import NamedQuestions
from bot.core.understanding.scope import Coverage, for_variants
from bot.core.understanding.unnamed import UnnamedQuestions


class Framer:
    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.cues = Cues(kb.lexicon, kb.normaliser)
        self.linker = Linker(kb, self.cues.words)
        self.search = FactSearch(kb, self.cues.stopwords, self.cues.search_ignores)
        self.operators = Operators(kb, self.cues)
        self.describer = Describer(kb, self.cues, self.search)
        self.coverage = Coverage(kb, self.cues)
        self.named = NamedQuestions(kb, self.cues, self.coverage, self.operators)
        self.described = DescribedQuestions(self.cues, self.describer, self.operators, self.named)
        self.unnamed = UnnamedQuestions(kb, self.cues, self.search, self.operators, self.described)

    def frame(self, text: str, context: Context | None = None) -> Query:
        found: list[Links] = []
        query = self._understand(text, context, found)
        if query.intent != "none" and set(found[-1].doubtful) & set(query.models):
            query = replace(query, near_miss=True)
        return for_variants(query, found[-1]) if found else query

    def _understand(self, text: str, context: Context | None, found: list[Links]) -> Query:
        """The query; `found` gets the links it was read from."""
        normalised = self.kb.normaliser(text)
        links = self.linker.link(normalised, text)
        if ((context and not links.models and links.rest in self.cues.switch)
                or (links.models and (links.rest in self.cues.compare or self.cues.superlative_in(links.rest)))):
            # "那 MoE 呢?", "llm vs v2": a word that names a model once the brand is put before it
            links = self.linker.link(self.linker.with_brand(normalised))
        if not (links.models or links.foreign or links.unknown) and (branded := self._named_with_brand(
                normalised, links.rest)):
            links = branded
        found.append(links)
        if links.models:  # mend typos only in questions clearly about a model: "lunch" is not "launch"
            links.rest = self.cues.spell(links.rest)
        rest = links.rest
        if (topic := self.cues.topic_in(rest)) and not links.unknown and not self.operators.computes(links.models,
                                                                                                     rest):
            # pricing, API, hardware, licences, news...: never answer another question instead
            return Query("none", reason=f"topic:{topic}", about=tuple(links.models))
        if links.foreign and not links.models and not links.unknown and (
                described := self.described.frame(rest, links.foreign, context)):
            return described
        if links.unknown or (links.foreign and not links.models):
            return self._not_covered(links, rest, text)
        if operated := self.operators.understand(links.models, rest, context, tuple(links.foreign)):
            if (operated.selector or "").startswith("check:") and not _figures_only(operated.selector) and any(
                    self.coverage.unexplained(rest, model) for model in links.models):
                # "deepseek math 能做高考数学题吗" checks more than the article's claim: never say yes to it
                return Query("none", reason=f"beyond:{links.models[0]}", about=tuple(links.models))
            if (operated.selector or "").startswith("check:relation:"):  # "蒸馏" claims the relation, asks no size
                rest = functools.reduce(lambda text, group: group.strip(text), self.cues.relations.values(), rest)
            if operated.intent == "field" and (also := self._also(rest, operated.field)):
                return replace(operated, also=also)  # "is v2 moe? and when did it come out": each part answered
            if (not links.models and operated.intent == "list" and len(operated.models) == 1
                    and self.cues.strong_fields_in(rest) and rest not in self.cues.list
                    and rest not in self.cues.which_one and not self.cues.superlative_in(rest)):
                # "the open-source reasoning model from Jan 2025: why does it matter?": one model, a field of it
                return self.named.frame(list(operated.models), rest, context)
            return operated
        if links.models:
            if rest in self.cues.compare and (marked := self.describer.figure_models(rest) if rest not in
                                              self.cues.described else self.describer.marked_models(rest)):
                # "那个 671B 的和 R1 比一下", "那个 FP8 训练的模型和 R1 哪个更新": a figure only one model has names
                # it; so does a tag only one model carries, where the question says it describes a model
                links.models += [mid for _, mid, _ in marked if mid not in links.models]
            if links.foreign and len(links.models) == 1 and rest in self.cues.compare:
                # "R1 vs o1": what the article says against other models is in the features; it never
                # compares R1 with ChatGPT
                if not self.describer.names_other_models(links.models[0], links.foreign):
                    # the decline names what the article does not: "o3" of "openai o3", not OpenAI
                    links.foreign = [n for n in links.foreign
                                     if not self.describer.names_other_models(links.models[0], [n])]
                    return self._not_covered(links, rest, text)
                return Query("field", tuple(links.models), field="features")
            return self.named.frame(links.models, rest, context)
        return self.unnamed.frame(rest, context, links)

    def _named_with_brand(self, normalised: str, rest: str) -> Links | None:
        """"deepseek 的 llm 有多大", "moe 是什么": a word that names a model after the brand, asked like a model.

        The brand must be in the message, or the word must be a tag ("moe", "math") whose model the article
        names after it; "which llm is best" and "which models use moe" stay as they are."""
        cues = self.cues
        words = self.linker.brandable(normalised)
        if not words or not ("deepseek" in tokens_of(rest) or all(cues.tags_in(w) for w in words)):
            return None
        branded = self.linker.link(self.linker.with_brand(normalised))
        rest, fields = branded.rest, cues.strong_fields_in(branded.rest)
        if not (rest in cues.overview or fields) or (rest in cues.which_one and not fields) or (
                rest in cues.list or rest in cues.described or cues.superlative_in(rest) or cues.tags_in(rest)):
            return None
        return branded

    def _also(self, rest: str, first: str | None) -> tuple[str, ...]:
        """The fields asked in so many words besides the first ("V3 多大,什么时候发布的"): every part answered."""
        return tuple(f for f in self.cues.strong_fields_in(rest) if f != first)

    def _not_covered(self, links: Links, rest: str, text: str) -> Query:
        names = links.unknown + links.foreign
        if rest in self.cues.which_one and not links.unknown and self.describer.by_other_model(rest, links.foreign):
            found = self.search.best(rest)
            if found:
                return Query("list", (found,), selector="search")
        return Query("none", reason=f"unknown-model:{_as_typed(text, names[0])}")


def _as_typed(text: str, name: str) -> str:
    """The name as the user wrote it ("GPT-4"), found from its normalised tokens ("gpt 4")."""
    # only spaces, dashes, dots and underscores between the words: no markdown or mention syntax is echoed
    pattern = r"[\s\-_.·]*".join(re.escape(token) for token in tokens_of(name))
    found = re.search(pattern, unicodedata.normalize("NFKC", text), re.IGNORECASE)
    return found.group() if found else name


def _figures_only(selector: str) -> bool:
    """A check of sizes and dates only ("full R1 is ~660B and the distilled ones go down to 1.5B"): the figures
    decide it, whatever other words say of the model."""
    claims = parse(selector.removeprefix("check:"))
    return bool(claims and claims.filters) and not claims.rank and all(
        f.kind in ("params", "active", "date") for f in claims.filters)
