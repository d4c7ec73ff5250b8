"""Stage 3, frames: one asking part of a message -> a Query (models, filters, order, take, the fact
projected, a claim to check), from the names it holds and its cue words.

In: the part's words (chatter already gone) and the context it is read in (the conversation, or the
part before it in the same message). Out: a Query; intent "none" with a reason when the part asks
something the article does not hold.

The order of the rules is the order a careful reader would apply them: names first, then
what is asked about them; with no name, a filter, a superlative, a described model, or the
model talked about just before. Here the names are linked and the first rules tried (a topic beyond the
article, a name it does not cover, the operators); the rules for a part that names models are in named.py,
for one that names none in unnamed.py, for a model named by its description in described.py."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
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
from bot.core.understanding.asked import Asked
from bot.core.understanding.described import DescribedQuestions
from bot.core.understanding.named import NamedQuestions
from bot.core.understanding.scope import Coverage, for_variants
from bot.core.understanding.unnamed import UnnamedQuestions

Rule = Callable[[str, Links, Context | None], Query | None]



class Framer:
    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.cues = Cues(kb.lexicon, kb.normaliser)
        self.linker = Linker(kb, self.cues.words)
        self.search = FactSearch(kb, self.cues.stopwords, self.cues.search_ignores)
        self.operators = Operators(kb, self.cues)
        self.describer = Describer(kb, self.cues, self.search)
        self.coverage = Coverage(kb, self.cues)
        self.named = NamedQuestions(kb, self.cues, self.coverage, self.operators, self.search)
        self.described = DescribedQuestions(self.cues, self.describer, self.operators, self.named)
        self.unnamed = UnnamedQuestions(kb, self.cues, self.search, self.operators, self.described)
        # the order decides the answers: a topic beyond the article before anything it names, the names it
        # does not cover before the operators, the operators before the plain questions about a model
        self._rules: tuple[Rule, ...] = (self._off_topic, self._described_by_another, self._not_in_the_article,
                                         self._operated, self._named)
        # a message's clauses are framed alone many times while it is read (does it ask by its words? is it a
        # claim?): each once (forgotten with each message, so nothing is reused across questions)
        self._framed_alone = functools.lru_cache(maxsize=256)(self._frame)

    def forget(self) -> None:
        """A new message: nothing framed or linked for the one before is reused."""
        self._framed_alone.cache_clear()
        self.linker.forget()

    def frame(self, text: str, context: Context | None = None) -> Query:
        return self._framed_alone(text) if context is None else self._frame(text, context)

    def _frame(self, text: str, context: Context | None = None) -> Query:
        links = self._link(text, context)
        query = self._understand(text, links, context)
        if query.intent != "none" and set(links.doubtful) & set(query.models):
            query = replace(query, near_miss=True)
        return for_variants(query, links, self.kb.lexicon["names"]["distill"])

    # --- the names it holds ---------------------------------------------------------------------
    def _link(self, text: str, context: Context | None) -> Links:
        """The models the part names, and its other words (`rest`), mended of typos when it names a model."""
        normalised = self.kb.normaliser(text)
        links = self.linker.link(normalised, text)
        if self._may_name_after_the_brand(links, context):
            # "那 MoE 呢?", "llm vs v2": a word that names a model once the brand is put before it
            links = self.linker.link(self.linker.with_brand(normalised), text)
        if not (links.models or links.foreign or links.unknown) and (branded := self._named_with_brand(
                normalised, links.rest)):
            links = branded
        if (it := self._it_compared(normalised, links, context)) is not None:
            links = self.linker.link(it)
        if links.models:  # mend typos only in questions clearly about a model: "lunch" is not "launch"
            links = replace(links, rest=self.cues.spell(links.rest))
        if len(links.models) > 1 and (meant := [m for m in links.models if m not in self._not_meant(normalised)]):
            links = replace(links, models=meant)
        return links

    def _not_meant(self, normalised: str) -> set[str]:
        """"the paper of V3, not R1", "不是问 V2,是问 V3 的参数": the models named just after "not" (a word such as
        "the" between), not "是不是" nor "not sure"."""
        away = set()
        for found in self.cues.not_meant.find_all(normalised):
            if normalised[:found.start()].endswith("是"):
                continue
            words = normalised[found.end():].split()[:5]
            if words and words[0] in self.cues.before_name:
                words = words[1:]
            after = self.linker.link(" ".join(words))
            if after.models and after.rest.split()[:1] != words[:1]:  # a name first
                away.add(after.models[0])
        return away

    def _it_compared(self, normalised: str, links: Links, context: Context | None) -> str | None:
        """"is R1 bigger than it?", "那它比 R1 大吗", "R1 是在它之后发布的吗", "它跟 o1 比怎么样": "it" compared with
        a model named (the article's or another's), as the name of the model talked about, where it stands (which
        of the two is claimed of is the one first)."""
        if not (context and len(context.models) == 1):
            return None
        name = self.kb.normaliser(self.kb.by_id[context.models[0]].name["en"])
        if not (it := self.cues.pronouns.find(normalised)):
            # no "it", one other maker's model compared, nothing else named: the model talked about, first
            # ("Coder V2 的论文标题是啥?代码能力跟 GPT4-Turbo 比怎么样?")
            alone = len(links.foreign) == 1 and not (links.models or links.unknown) and links.rest in self.cues.compare
            return f"{name} {normalised}" if alone else None
        if links.rest in self.cues.described:  # a description says no "it": "那个和 o1 打平的模型", "那个 671B 的"
            return None
        compared = self.operators.comparative.find(links.rest) or self.cues.relative_in(links.rest)
        other = len(links.models) == 1 and links.models[0] not in context.models
        foreign = links.foreign and not links.models and not links.unknown
        if not ((other and compared) or foreign):
            return None
        return f"{normalised[:it.start()]} {name} {normalised[it.end():]}"

    def _may_name_after_the_brand(self, links: Links, context: Context | None) -> bool:
        """A switch word after a conversation ("那 MoE 呢?"), or a comparison or a superlative beside a model
        ("llm vs v2")."""
        rest = links.rest
        if not links.models:  # ("跟 LLM 比谁早?" after Coder: compared with the model talked about)
            return bool(context) and (rest in self.cues.switch or rest in self.cues.compare)
        # (not a tag word before "model", a kind of model: "is V3 the largest MoE model?", "V2 (the MoE one) vs V3")
        # (nor a word a kind of thing, "open-source code LLM", "an LLM": "was Coder the first open-source code LLM?")
        # (nor what "which one" is asked to be: "V2 vs V3, which one is MoE?", "哪个是 MoE")
        kind = any(re.search(rf"(?<![a-z]){re.escape(w)}\s*(?:models?|ones?|的?模型)(?![a-z])", rest)
                   or re.search(rf"(?<![a-z])(?:code|source|an?|any|another|other)\s+{re.escape(w)}(?![a-z])", rest)
                   or re.search(rf"(?:which(?: one)?|哪个|哪一个|谁)\s*(?:is|are|was|uses?|has|是|用了?|有)\s*"
                                rf"(?:an?\s+|the\s+)?{re.escape(w)}(?![a-z])", rest)
                   for w in self.linker.brandable(rest))
        compared = self.operators.comparative.find(rest) and not self.operators.exclude.find(rest)  # not "other than"
        return (rest in self.cues.compare or bool(self.cues.superlative_in(rest))
                or bool(compared)) and not kind  # ("LLM 比 Coder 晚出来大概一个月?")

    def _named_with_brand(self, normalised: str, rest: str) -> Links | None:
        """"deepseek 的 llm 有多大", "moe 是什么", "LLM 有多少参数": a word that names a model after the brand, asked
        like a model.

        The brand must be in the message, or the word must be a tag ("moe", "math") whose model the article
        names after it; "which llm is best" and "which models use moe" stay as they are."""
        words = self.linker.brandable(normalised)
        # (or the word opens the part and a fact of it is asked: "LLM 有多少参数?", "llm paper title?")
        opens = normalised.split()[:1] == words[:1] and bool(self.cues.strong_fields_in(rest))
        if not words or not ("deepseek" in tokens_of(rest) or all(self.cues.tags_in(w) for w in words) or opens):
            return None
        if rest in self.cues.pronouns:  # "它是不是 MoE 架构": "it" is the subject, "MoE" what is asked of it
            return None
        branded = self.linker.link(self.linker.with_brand(normalised))
        return branded if self._asked_like_a_model(branded.rest) else None

    def _asked_like_a_model(self, rest: str) -> bool:
        """An overview or a field asked; not "which one", a list, a description, a superlative or a tag."""
        cues, fields = self.cues, self.cues.strong_fields_in(rest)
        if not (rest in cues.overview or fields) or (rest in cues.which_one and not fields):
            return False
        return not (rest in cues.list or rest in cues.described or cues.superlative_in(rest) or cues.tags_in(rest))

    # --- what it asks of them -------------------------------------------------------------------
    def _understand(self, text: str, links: Links, context: Context | None) -> Query:
        """The query of the first rule that reads the part; else the rules for a part that names no model."""
        for rule in self._rules:
            if (query := rule(text, links, context)) is not None:
                return query
        return self.unnamed.frame(links.rest, context, links)

    def _off_topic(self, text: str, links: Links, context: Context | None) -> Query | None:
        """"how much does V3 cost?": pricing, API, hardware, licences, news...: never answer another question
        instead."""
        rest = links.rest
        if (topic := self.cues.topic_in(rest)) and not links.unknown and not self.operators.computes(
                links.models, rest) and not self._denies_a_kind(links, context):
            return Query("none", reason=f"topic:{topic}", about=tuple(links.models))
        return None

    def _denies_a_kind(self, links: Links, context: Context | None) -> bool:
        """A claim of one model that denies a kind the article gives it is answered no, whatever topic beyond the
        article it adds ("听说 R1 其实是闭源的,只能调 API?"). (Other words the article does not account for still
        decline a claim: "Coder V2 吊打闭源模型?" claims nothing of its being closed.)"""
        if len(links.models) != 1:
            return False
        operated = self.operators.understand(links.models, links.rest, context, tuple(links.foreign))
        claims = parse((operated.selector or "").removeprefix("check:")) if operated and (
            operated.selector or "").startswith("check:") else None
        model = self.kb.by_id[links.models[0]]
        return bool(claims) and any(f.kind == "tag" and f.verdict(model) == "no" for f in claims.filters)

    def _described_by_another(self, text: str, links: Links, context: Context | None) -> Query | None:
        """"the one on par with o1: how big?": a model described by one the article does not cover."""
        if links.foreign and not links.models and not links.unknown:
            return self.described.frame(links.rest, links.foreign, context)
        return None

    def _not_in_the_article(self, text: str, links: Links, context: Context | None) -> Query | None:
        """"what is GPT-4?", "v3 0324": models the article does not cover."""
        if links.unknown or (links.foreign and not links.models):
            return self._not_covered(links, links.rest, text)
        return None

    def _operated(self, text: str, links: Links, context: Context | None) -> Query | None:
        """"which models are not MoE", "is V3 bigger than R1?", "how many days between V3 and R1": the
        operators' query."""
        rest = links.rest
        if not (links.models or links.foreign or (context and context.models)) and self._asks_of_it(rest):
            return Query("none", reason="no-model")  # "is it open source?" with no model talked about: which one?
        operated = self.operators.understand(links.models, rest, context, tuple(links.foreign))
        if operated is None:
            return None
        if self._checks_beyond(operated, links):
            # "deepseek math 能做高考数学题吗" checks more than the article's claim: never say yes to it
            return Query("none", reason=f"beyond:{links.models[0]}", about=tuple(links.models))
        if (operated.selector or "").startswith("check:relation:"):  # "蒸馏" claims the relation, asks no size
            rest = functools.reduce(lambda words, group: group.strip(words), self.cues.relations.values(), rest)
        asked = Asked.read(self.cues, rest)
        if operated.intent == "field" and (also := asked.also(operated.field)):
            return replace(operated, also=also)  # "is v2 moe? and when did it come out": each part answered
        if not links.models and self._selects_one_to_ask_of(operated, asked):
            # (figures that chose the model describe it: "the one with 7B and 67B versions — what's its paper?")
            described = self.cues.fields["parameters"].strip(self.cues.figure.sub(" ", rest))
            asks = described if self.cues.figure.search(rest) and self.cues.strong_fields_in(described) else rest
            return self.named.frame(list(operated.models), asks, context)
        return operated

    def _asks_of_it(self, rest: str) -> bool:
        """A yes/no question whose subject is "it" ("is it open source?", "它能生成图片吗"; not "want to get it
        right: the most recent model in 2024?")."""
        it = self.cues.it.find(rest)
        opening = rest[:it.start()].split() if it else []
        return bool(it) and self.operators.asks_yes_no(rest) and (
            not opening or (len(opening) == 1 and opening[0] in self.operators.check_starts))

    @staticmethod
    def _selects_one_to_ask_of(operated: Query, asked: Asked) -> bool:
        """"the open-source reasoning model from Jan 2025: why does it matter?": one model, a field of it."""
        return (operated.intent == "list" and len(operated.models) == 1 and bool(asked.strong_fields)
                and not (asked.asks_list or asked.asks_one or asked.superlative))

    def _checks_beyond(self, operated: Query, links: Links) -> bool:
        """A check of a claim with words the article does not account for, unless its figures decide it."""
        return (operated.selector or "").startswith("check:") and not _figures_only(operated.selector) and any(
            self.coverage.unexplained(links.rest, model) for model in links.models)

    def _named(self, text: str, links: Links, context: Context | None) -> Query | None:
        """"what is R1?", "R1 vs o1", "那个 671B 的和 R1 比一下": the models named, and the ones described beside
        them."""
        if not links.models:
            return None
        if links.rest in self.cues.compare:
            links = self._add_described(links)
            if links.foreign and len(links.models) == 1:
                return self._against_another(links, text)
        return self.named.frame(links.models, links.rest, context)

    def _add_described(self, links: Links) -> Links:
        """"那个 671B 的和 R1 比一下", "那个 FP8 训练的模型和 R1 哪个更新": a figure only one model has names it; so
        does a tag only one model carries, where the question says it describes a model."""
        rest = links.rest
        marked = (self.describer.figure_models(rest) if rest not in self.cues.described
                  else self.describer.marked_models(rest))
        return replace(links, models=[*links.models, *(mid for _, mid, _ in marked if mid not in links.models)])

    def _against_another(self, links: Links, text: str) -> Query:
        """"R1 vs o1": what the article says against other models is in the features; it never compares R1 with
        ChatGPT."""
        model = links.models[0]
        if self.describer.names_other_models(model, links.foreign):
            return Query("field", tuple(links.models), field="features")
        # the decline names what the article does not: "o3" of "openai o3", not OpenAI
        not_named = [n for n in links.foreign if not self.describer.names_other_models(model, [n])]
        return self._not_covered(replace(links, foreign=not_named), links.rest, text)

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
    # (letters and digits glued when it was read may have been typed apart: "vl7b" from "deepseek-vl-7b")
    pattern = r"[\s\-_.·]*".join(re.escape(run) for token in tokens_of(name)
                                  for run in re.findall(r"[a-z]+|\d+(?:\.\d+)?|[^a-z\d]+", token))
    found = re.search(pattern, unicodedata.normalize("NFKC", text), re.IGNORECASE)
    return found.group() if found else name


def _figures_only(selector: str) -> bool:
    """A check of sizes and dates only ("full R1 is ~660B and the distilled ones go down to 1.5B"): the figures
    decide it, whatever other words say of the model."""
    if selector.startswith("check:gap:"):
        return True  # a gap between two dates ("V3 比 V2 晚了七个多月"): the days decide it
    claims = parse(selector.removeprefix("check:"))
    return bool(claims and claims.filters) and not claims.rank and all(
        f.kind in ("params", "active", "date") for f in claims.filters)
