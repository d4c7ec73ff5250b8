"""The rules for a part that names no model the article covers (and makes none of the operators' queries),
tried in order, the first rule that reads the part deciding: a request, the timeline, a size bound, a
superlative, a date, the brand itself, a described model, a search of the facts, a tag, every model; then the
models talked about just before; else a decline that says why. The order decides the answers."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.core.cues import Cues
from bot.core.knowledge import KnowledgeBase
from bot.core.linker import Links
from bot.core.memory import Context
from bot.core.normalise import has_chinese, tokens_of
from bot.core.operators import Operators
from bot.core.query import Query
from bot.core.search import FactSearch
from bot.core.selection import amount
from bot.core.understanding.asked import Asked
from bot.core.understanding.described import DescribedQuestions
from bot.core.understanding.selected import neighbour, relation, selected
from bot.core.understanding.superlatives import MAX_COMPARED, Superlatives

AMOUNT = re.compile(r"(?<![0-9.])([0-9]+(?:\.[0-9]+)?)\s*")

Rule = Callable[[Asked, Context | None, Links], Query | None]


class UnnamedQuestions:
    def __init__(self, kb: KnowledgeBase, cues: Cues, search: FactSearch, operators: Operators,
                 described: DescribedQuestions):
        self.kb, self.cues, self.search, self.operators, self.described = kb, cues, search, operators, described
        self.superlatives = Superlatives(kb, cues)
        self._units = sorted(cues.units.items(), key=lambda kv: -len(kv[0]))  # the longest first: "billion", "b"
        self._rules: tuple[Rule, ...] = (
            self._request, self._timeline, self._size_bound, self._described_compared, self._picked_among,
            self._superlative,
            self._dated, self._undisclosed, self._family, self._described, self._searched_one, self._tagged,
            self._searched_list, self._every_model, self._followed_up_in_time, self._followed_up,
            self._without_a_model, self._help)

    def frame(self, rest: str, context: Context | None, links: Links) -> Query:
        asked = Asked.read(self.cues, rest)
        for rule in self._rules:
            if (query := rule(asked, context, links)) is not None:
                return query
        return Query("none", reason="out-of-scope", suggestions=tuple(links.suggestions))

    # --- what the article lists -----------------------------------------------------------------
    def _request(self, asked: Asked, context: Context | None, links: Links) -> Query | None:
        """"write me a poem": work asked of the bot, not a question about the models."""
        if asked.rest in self.cues.requests and not (asked.asks_list or asked.asks_one):
            return Query("none", reason="act:request")  # declined by name, beside the other questions too
        return None

    def _timeline(self, asked: Asked, context: Context | None, links: Links) -> Query | None:
        """"DeepSeek 的发展时间线": every model by its release date."""
        # "时间线" holds the release-date cue "时间"; the timeline is the release dates, so that one is fine.
        if asked.rest in self.cues.timeline and set(asked.fields) <= {"released"} and not (
                asked.superlative and asked.asks_one):  # (not "按时间线排,排在最后面的是哪个": the last one)
            return selected(self.kb, "timeline")
        return None

    def _size_bound(self, asked: Asked, context: Context | None, links: Links) -> Query | None:
        """"models with more than 200B parameters", "超过 2000 亿参数的模型"."""
        if threshold := self._amount(asked.rest):
            return selected(self.kb, f"params{threshold}")
        return None

    def _described_compared(self, asked: Asked, context: Context | None, links: Links) -> Query | None:
        """"the FP8 one vs the RL one, which is newer?": described models compared, before a superlative."""
        return self.described.frame(asked.rest, [], context) if asked.rest in self.cues.compare else None

    def _picked_among(self, asked: Asked, context: Context | None, links: Links) -> Query | None:
        """"这两个哪个是 MoE 架构的?", "which one can make images?" after two or three models compared: the ones a
        tag, a date or a figure picks among them, beside the others (never "which models are MoE?"; after a list,
        "which one of those …" is the list's own pick)."""
        rest = asked.rest
        if not context or context.intent != "compare" or not 2 <= len(context.models) <= MAX_COMPARED \
                or asked.superlative or asked.asks_list \
                or rest not in self.cues.which_one or self.cues.every.find(rest) or self.cues.the_model.find(rest):
            return None
        picked = self.operators.picked(rest)
        return Query("compare", context.models, selector=f"pick:{picked.key}") if picked else None

    def _superlative(self, asked: Asked, context: Context | None, links: Links) -> Query | None:
        """"the largest model", "which one is newer?"."""
        return self.superlatives.frame(asked, context) if asked.superlative else None

    def _dated(self, asked: Asked, context: Context | None, links: Links) -> Query | None:
        """"models from 2024", "before 2024", "2024 年之后"."""
        if not asked.date or not set(asked.fields) <= {"released"}:
            return None
        relative = asked.relative
        return selected(self.kb, f"date{'<' if relative == 'before' else '>' if relative else ':'}{asked.date}")

    def _undisclosed(self, asked: Asked, context: Context | None, links: Links) -> Query | None:
        """"which models have no disclosed size?"."""
        if asked.rest in self.cues.undisclosed and (asked.asks_list or asked.asks_one) and asked.fields:
            return selected(self.kb, f"undisclosed:{asked.fields[0]}")
        return None

    def _family(self, asked: Asked, context: Context | None, links: Links) -> Query | None:
        """"what is DeepSeek?", "deepseek 全家桶": the brand itself, not one of its models."""
        if context and context.models and asked.rest in self.cues.tell_more and \
                "deepseek" not in tokens_of(asked.rest):
            return None  # "V2 vs V3, give me the quick rundown": more of the models just talked about
        return selected(self.kb, "family") if self._about_family(asked) else None

    def _described(self, asked: Asked, context: Context | None, links: Links) -> Query | None:
        """"the FP8 one: how big?": a model named by its description, answered as if named."""
        return self.described.frame(asked.rest, [], context)

    def _searched_one(self, asked: Asked, context: Context | None, links: Links) -> Query | None:
        """"which one is on par with o1?": the one model whose facts the words find."""
        tags = asked.tags
        if not (asked.asks_one or (links.foreign and not tags)):
            return None
        among = [m.id for m in self.kb.models if set(tags) <= set(m.tags)] if tags else None
        found = self.search.best(asked.rest, among, min_terms=1 if links.foreign else 2)
        return Query("list", (found,), selector="search") if found else None

    def _tagged(self, asked: Asked, context: Context | None, links: Links) -> Query | None:
        """"which models use MoE?", "open-source models"; after talk of a model, "any other vision models?" (the
        kind without the models talked about)."""
        if not asked.tags:
            return None
        if context and asked.rest in self.cues.besides:
            return selected(self.kb, "&".join([f"tag:{asked.tags[0]}", *(f"!is:{m}" for m in context.models)]))
        if asked.asks_list or asked.asks_one or not context:
            # every kind named, together ("models that do image understanding AND image generation"), unless one
            # or the other is asked
            either = self.operators.either.find(asked.rest)
            return selected(self.kb, "&".join(f"tag:{t}" for t in (asked.tags[:1] if either else asked.tags)))
        return None

    def _searched_list(self, asked: Asked, context: Context | None, links: Links) -> Query | None:
        """"which models mention reinforcement learning?": the models whose facts hold the words."""
        if asked.asks_list and (found := self.search.containing(asked.rest)):
            return Query("list", tuple(found), selector="search")
        return None

    def _every_model(self, asked: Asked, context: Context | None, links: Links) -> Query | None:
        """"list all models", "有哪些模型": nothing left to narrow the list down (not "它一共出了几个版本", of the
        model talked about)."""
        # ("which models use it" lists models)
        of_it = context is not None and len(context.models) == 1 and asked.rest in self.cues.it and \
            not self.cues.the_model.find(asked.rest)
        if asked.asks_list and not of_it and (asked.rest in self.cues.list_all or not self._leftover(asked.rest)):
            return selected(self.kb, "all")
        return None

    # --- the models talked about just before ----------------------------------------------------
    def _followed_up_in_time(self, asked: Asked, context: Context | None, links: Links) -> Query | None:
        """"what is it based on?", "and after that?": of the one model talked about."""
        cues, rest = self.cues, asked.rest
        if not (context and len(context.models) == 1 and (rest in cues.pronouns or rest in cues.switch)):
            return None
        model = context.models[0]
        if kind := cues.relation_in(rest):
            return relation(self.kb, model, kind)
        if (relative := asked.relative) and (next_one := neighbour(self.kb, model, relative)):
            return Query("list", (next_one,), selector=f"{relative}:{model}")
        return None

    def _followed_up(self, asked: Asked, context: Context | None, links: Links) -> Query | None:
        """"when was it released?", "compare them", "and the size?", "tell me more", "有啥区别": of the models talked
        about."""
        cues, rest, fields = self.cues, asked.rest, asked.fields
        compared = context and len(context.models) > 1 and rest in cues.compare  # "有啥区别" after two were named
        if not (context and (fields or rest in cues.pronouns or rest in cues.switch or rest in cues.tell_more
                             or compared)):
            return None
        if compared and not asked.strong_fields:
            return Query("compare", context.models)  # "两者能力上有啥区别": the difference, whatever it is in
        if fields:
            return Query("field", context.models, field=fields[0], also=asked.also(fields[0]))
        if rest in cues.compare and len(context.models) > 1:
            return Query("compare", context.models)
        if context.intent == "field" and rest in cues.switch:
            return Query("field", context.models, field=context.field)
        return Query("model" if len(context.models) == 1 else "compare", context.models)

    # --- declined -------------------------------------------------------------------------------
    def _without_a_model(self, asked: Asked, context: Context | None, links: Links) -> Query | None:
        """"when was it released?" with nothing talked about: which model?"""
        if asked.fields or asked.rest in self.cues.pronouns:
            return Query("none", reason="no-model", suggestions=tuple(links.suggestions))
        return None

    def _help(self, asked: Asked, context: Context | None, links: Links) -> Query | None:
        """"help", "what can you do?"."""
        return Query("none", reason="help") if asked.rest in self.cues.help and len(asked.rest) <= 24 else None

    # --- what the rules read --------------------------------------------------------------------
    def _about_family(self, asked: Asked) -> bool:
        cues, rest = self.cues, asked.rest
        if rest in cues.family or ("deepseek" in tokens_of(rest) and asked.asks_list):
            return not asked.tags  # "DeepSeek 的模型有哪些"
        brand_only = "deepseek" in tokens_of(rest) and not asked.fields and not asked.tags
        # "what's the cheapest deepseek model" is not "what is DeepSeek": no English word left unexplained; nor is
        # "is deepseek going public?", which asks yes or no of something else
        unexplained = {w for w in self._leftover(rest) if w.isascii()}
        checks = self.operators.asks_yes_no(rest) and rest not in cues.overview
        return brand_only and not unexplained and not checks and (rest in cues.overview or not self._leftover(rest))

    def _leftover(self, rest: str) -> set[str]:
        """Words that are neither cue words nor stop words: what would narrow a list down."""
        words = set(tokens_of(rest)) - self.cues.words - self.cues.stopwords["en"] - self.cues.stopwords["zh"]
        for cue in (*self.cues.list.words, *self.cues.which_one.words, *self.cues.overview.words):
            if has_chinese(cue):
                words -= set(cue)
        return {w for w in words if w != "deepseek"}

    def _amount(self, rest: str) -> str | None:
        """">200" / "<10" (billions) for "more than 200B parameters", "超过 2000 亿"."""
        more, less = self.cues.more.find(rest), self.cues.less.find(rest)
        if not (more or less):
            return None
        cue = more or less
        for match in AMOUNT.finditer(rest, cue.start()):
            unit = self._unit(rest[match.end():])
            if unit is None and not self.cues.fields["parameters"].find(rest):
                continue
            billions = float(match.group(1)) * (unit or 1.0)
            return f"{'>' if more else '<'}{amount(billions)}"
        return None

    def _unit(self, after: str) -> float | None:
        """The size of the unit a figure is written in, from the text right after it ("b", "billion", "亿"): a
        Latin unit as a whole word, a Chinese one as it stands."""
        return next((size for name, size in self._units if after.startswith(name)
                     and (not after[len(name):len(name) + 1].isalpha() or has_chinese(name))), None)
