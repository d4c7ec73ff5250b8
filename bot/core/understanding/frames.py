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

from bot.core import ranking
from bot.core.cues import Cues
from bot.core.dates import date_prefix
from bot.core.describe import Describer
from bot.core.knowledge import KnowledgeBase
from bot.core.linker import Linker, Links
from bot.core.memory import Context
from bot.core.normalise import has_chinese, tokens_of
from bot.core.operators import Operators
from bot.core.query import Query
from bot.core.search import FactSearch
from bot.core.selection import amount, parse, select
from bot.core.understanding.described import DescribedQuestions
from bot.core.understanding.named import NamedQuestions
from bot.core.understanding.scope import Coverage, for_variants
from bot.core.understanding.selected import neighbour, relation, selected

AMOUNT = re.compile(r"(?<![0-9.])([0-9]+(?:\.[0-9]+)?)\s*")


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
        return self._about_unnamed(rest, context, links)

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

    # --- no model named -------------------------------------------------------------------------
    def _about_unnamed(self, rest: str, context: Context | None, links: Links) -> Query:
        cues = self.cues
        fields = cues.fields_in(rest)
        tags = cues.tags_in(rest)
        superlative = cues.superlative_in(rest)
        asks_one = rest in cues.which_one
        asks_list = rest in cues.list

        if rest in cues.requests and not (asks_list or asks_one):
            return Query("none", reason="out-of-scope")
        # "时间线" holds the release-date cue "时间"; the timeline is the release dates, so that one is fine.
        if rest in cues.timeline and set(fields) <= {"released"}:
            return selected(self.kb, "timeline")
        when = date_prefix(rest)
        if threshold := self._amount(rest):
            return selected(self.kb, f"params{threshold}")
        if rest in cues.compare and (described := self.described.frame(rest, [], context)):
            return described  # "the FP8 one vs the RL one, which is newer?"
        if superlative and (picked := self._superlative_query(superlative, rest, tags, fields, when, context)):
            return picked
        if when and set(fields) <= {"released"}:
            relative = cues.relative_in(rest)  # "before 2024", "2024 年之后"
            return selected(self.kb, f"date{'<' if relative == 'before' else '>' if relative else ':'}{when}")
        if rest in cues.undisclosed and (asks_list or asks_one) and fields:
            return selected(self.kb, f"undisclosed:{fields[0]}")
        if self._about_family(rest, fields, tags):
            return selected(self.kb, "family")
        if described := self.described.frame(rest, [], context):
            return described
        if asks_one or (links.foreign and not tags):
            among = [m.id for m in self.kb.models if set(tags) <= set(m.tags)] if tags else None
            found = self.search.best(rest, among, min_terms=1 if links.foreign else 2)
            if found:
                return Query("list", (found,), selector="search")
        if tags and (asks_list or asks_one or not context):
            return selected(self.kb, f"tag:{tags[0]}")
        if asks_list and (found := self.search.containing(rest)):
            return Query("list", tuple(found), selector="search")
        if asks_list and (rest in cues.list_all or not self._leftover(rest)):
            return selected(self.kb, "all")
        if context and len(context.models) == 1 and (rest in cues.pronouns or rest in cues.switch):
            model = context.models[0]
            if kind := cues.relation_in(rest):  # "what is it based on?"
                return relation(self.kb, model, kind)
            if (relative := cues.relative_in(rest)) and (next_one := neighbour(self.kb, model, relative)):
                return Query("list", (next_one,), selector=f"{relative}:{model}")  # "and after that?"
        if context and (fields or rest in cues.pronouns or rest in cues.switch or rest in cues.tell_more):
            if fields:
                return Query("field", context.models, field=fields[0], also=self._also(rest, fields[0]))
            if rest in cues.compare and len(context.models) > 1:
                return Query("compare", context.models)
            if context.intent == "field" and rest in cues.switch:
                return Query("field", context.models, field=context.field)
            return Query("model" if len(context.models) == 1 else "compare", context.models)
        if fields or rest in cues.pronouns:
            return Query("none", reason="no-model", suggestions=tuple(links.suggestions))
        if rest in cues.help and len(rest) <= 24:
            return Query("none", reason="help")
        return Query("none", reason="out-of-scope", suggestions=tuple(links.suggestions))

    def _about_family(self, rest: str, fields: list[str], tags: list[str]) -> bool:
        """"what is DeepSeek?", "deepseek 全家桶": the brand itself, not one of its models."""
        if rest in self.cues.family or ("deepseek" in tokens_of(rest) and rest in self.cues.list):
            return not tags  # "DeepSeek 的模型有哪些"
        brand_only = "deepseek" in tokens_of(rest) and not fields and not tags
        # "what's the cheapest deepseek model" is not "what is DeepSeek": no English word left unexplained; nor is
        # "is deepseek going public?", which asks yes or no of something else
        unexplained = {w for w in self._leftover(rest) if w.isascii()}
        checks = self.operators.asks_yes_no(rest) and rest not in self.cues.overview
        return brand_only and not unexplained and not checks and (rest in self.cues.overview
                                                                  or not self._leftover(rest))

    def _leftover(self, rest: str) -> set[str]:
        """Words that are neither cue words nor stop words: what would narrow a list down."""
        words = set(tokens_of(rest)) - self.cues.words - self.cues.stopwords["en"] - self.cues.stopwords["zh"]
        for cue in (*self.cues.list.words, *self.cues.which_one.words, *self.cues.overview.words):
            if has_chinese(cue):
                words -= set(cue)
        return {w for w in words if w != "deepseek"}

    def _superlative_query(self, kind: str, rest: str, tags: list[str], fields: list[str], when: str | None,
                           context: Context | None) -> Query | None:
        """"the largest model", "which one is newer?" (of the models just compared), "the last one in 2024"."""
        cues = self.cues
        # the models of the last answer; one model and the one before it ("R1 …", "V3 呢?", "哪个更早?")
        recent = () if not context else context.models if len(context.models) > 1 else (
            *context.models, *context.earlier)
        talked_about = recent if len(recent) > 1 and (rest in cues.which_one or rest in cues.pronouns) else None
        if talked_about:
            chosen = self._superlative(kind, tags, talked_about)
            return Query("list", (chosen,), selector=f"{kind}:among") if chosen else None
        chosen = self._superlative(kind, tags, tuple(select(self.kb, f"date:{when}")) if when else None)
        if not chosen:
            return None
        implied = {"largest": "parameters", "smallest": "parameters"}.get(kind, "released")
        # with a date given, "released" belongs to the filter, not to the question
        extra = [f for f in fields if f != implied and not (when and f == "released")]
        if (not extra and implied == "released" and implied in cues.strong_fields_in(rest) and not when
                and rest not in cues.which_one):
            extra = [implied]  # "the first open-source code model: which day?" asks its date
        if extra and rest not in cues.list:
            return Query("field", (chosen,), field=extra[0], selector=kind)
        return Query("list", (chosen,), selector=kind)

    def _superlative(self, kind: str, tags: list[str], among: tuple[str, ...] | None = None) -> str | None:
        tagged = [m for m in self.kb.models if set(tags) <= set(m.tags)] or list(self.kb.models)
        chosen = ranking.pick((m for m in tagged if among is None or m.id in among), kind)
        return chosen.id if chosen else None

    def _amount(self, rest: str) -> str | None:
        """">200" / "<10" (billions) for "more than 200B parameters", "超过 2000 亿"."""
        more, less = self.cues.more.find(rest), self.cues.less.find(rest)
        if not (more or less):
            return None
        cue = more or less
        units = sorted(self.cues.units.items(), key=lambda kv: -len(kv[0]))
        for match in AMOUNT.finditer(rest, cue.start()):
            after = rest[match.end():]
            unit = next((size for name, size in units if (after.startswith(name)
                         and not after[len(name):len(name) + 1].isalpha())
                         or (after.startswith(name) and has_chinese(name))), None)
            if unit is None and not self.cues.fields["parameters"].find(rest):
                continue
            billions = float(match.group(1)) * (unit or 1.0)
            return f"{'>' if more else '<'}{amount(billions)}"
        return None

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
