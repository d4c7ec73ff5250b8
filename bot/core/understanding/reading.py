"""A message read in stages, the one entry point of understanding:

    segment -> acts -> units -> (resolve -> frames -> claims) per part -> scope

In: a message as typed and the conversation's context. Out: its `Part`s in the order asked, each with
its Query: the questions it asks (answered or declined by name), or, when it asks nothing, the one
thing it says (a name, a claim, small talk)."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core import ranking
from bot.core.claims import FIELDS, Claims, Evidence
from bot.core.cues import lexicon_texts
from bot.core.dates import date_spans, month_spans
from bot.core.knowledge import KnowledgeBase
from bot.core.memory import Context
from bot.core.normalise import has_chinese
from bot.core.query import Query
from bot.core.selection import parse
from bot.core.understanding.acts import Act, Acts
from bot.core.understanding.clauses import Clauses
from bot.core.understanding.frames import Framer
from bot.core.understanding.resolve import Discourse, References
from bot.core.understanding.scope import Part, kept
from bot.core.understanding.segment import Clause, Segmenter
from bot.core.understanding.units import Unit, Units

MAX_PARTS = 3  # answered in one reply; the others are named as left for another message
_MAX_CUTS = 6  # places a question may start after chatter in one clause, tried in order
_OWN_SUBJECT = 2  # words no frame reads that make a question about something else ("mount everest")
# the checks the operators read in a claim (a tag, a date, a figure, one model ranked against another)
# (a rank: each of the ranking's kinds, "newest" to "least-active")
_STRUCTURED_CHECKS = ("check:tag:", "check:!tag:", "check:date", "check:params", "check:active", "check:gap",
                      *(f"check:{kind}" for kind in ranking.DESCENDING))
_RANKED = re.compile(rf"^check:.*(?:{'|'.join(map(re.escape, ranking.DESCENDING))})")  # a rank claimed of one model
_OF = re.compile(r"\b(?:for|of|about|on)(?:\s+the)?\s*$", re.IGNORECASE)  # words just before the name of whose it is
_PRONOUN = {True: "它", False: "it"}  # the subject a question leaves out, said (by whether it is in Chinese)


class Understanding:
    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        message = kb.lexicon["message"]
        self.framer = Framer(kb)
        self.linker, self.cues = self.framer.linker, self.framer.cues
        self.clauses = Clauses(self.framer)
        self.acts = Acts(message)
        self.segmenter = Segmenter(message, lambda text: bool(self.clauses.names(text)), self._says_nothing,
                                   kb.lexicon["operators"]["check"]["starts"], self.clauses.names_only,
                                   self.clauses.says_it)
        asks_what = self.framer.operators.asks_what
        self.units = Units(self.clauses, self.segmenter, self.acts.asks,
                           lambda text: self.clauses.normalised(self.acts.masked(text)) in asks_what,
                           self.acts.asks_which_is_right,
                           lambda text: self.references.plural(self.clauses.normalised(text)))
        # a claim's telling words: not the words that ask, check or pass a claim on ("真的吗", "legit", "听说")
        said = [w for w in lexicon_texts(message, skip=["acts"]) if has_chinese(w)]
        self.references = References(kb)
        self.claims = Claims(kb, self.cues, self.cues.search_ignores | {w[i:i + 2] for w in said
                                                                         for i in range(len(w) - 1)})

    def _says_nothing(self, text: str) -> bool:
        """Words that ask nothing, name no model and hold no cue: "吃了没", "技术这块不太懂"."""
        return not (self.acts.asks(text) or self.clauses.names(text) or self.clauses.cued(text))

    def read(self, text: str, context: Context | None = None) -> list[Part]:
        """Every part the message asks, in order, each framed; at least one."""
        self.framer.forget()
        clauses = self.segmenter.split(text)
        acts = self.acts.continued([self.acts.of(clause, self.segmenter.without_joiner, self._says_nothing)
                                    for clause in clauses])
        stated = self._telling_sentences(clauses, acts)
        acts = [self._referred(act, context) for act in acts]
        discourse = Discourse(context)
        parts, told = [], []
        # a problem reported (an error, a how-to): what is told around it is the problem's context
        reported = any(a.kind == "out-of-scope" and a.detail in ("error", "howto") for a in acts)
        # a sentence the asker tells of themselves in ("我看 DeepSeek 有两个多模态模型,一个 VL2 一个 Janus-Pro")
        own_sentences = {a.sentence for a in acts if a.kind == "self"}
        units = self.units.of(acts)
        asked_sentences = {u.sentence for u in units if u.question}
        for n, unit in enumerate(units):
            talked_about = set(discourse.context.models) if discourse.context else set()
            query = discourse.after(self._part(unit, discourse, n > 0))
            if parts and self._offers_another_way(unit.text) and (parts[-1].query.intent == "none" or (
                    query.intent == parts[-1].query.intent == "field" and query.field == parts[-1].query.field
                    and query.models == parts[-1].query.models)):
                # "Is this a typo mistake, or does the public version only support V3?", "Is Coder useful for
                # debugging, or is it just fancy autocomplete?": one question asked two ways, answered as one
                query = parts[-1].query
            named = bool(self.clauses.names(unit.text))
            overview = self.clauses.normalised(unit.text) in self.cues.overview or unit.kind == "statement"
            own = self.segmenter.without_joiner(unit.text)
            # a question word before the name can be a story's ("突然好奇为啥大家都说 R1 …"); after it, it asks
            named_first = (starts := self.clauses.name_starts(own)) and self.acts.asks_after(own, starts[0])
            outright = unit.question or self.acts.asks_outright(own) or bool(named_first)
            idle = (query.intent == "model" and not named and not overview and set(query.models) <= talked_about
                    ) or (not outright and _aside(query))
            if parts and self.acts.restates(own) and _restated(parts[-1].query, query, named):
                # the question before, asked again in other words: this wording is the one read, unless it only
                # gives the figures of what the one before checked ("V3 bigger than R1? like 671 vs 660?")
                if parts[-1].query.selector and not (query.selector or "").startswith("check:"):
                    query = parts[-1].query
                parts.pop()
                told.pop()
            parts.append(Part(unit.text, query, named, idle, outright and self._about_something(unit.text, query),
                              own != unit.text, unit.sentence))
            told.append(self._told(unit, own, query, named=named, overview=overview, outright=outright,
                                   reported=reported) or (unit.sentence in own_sentences and not outright
                                                          and self._only_named(own, query))
                        # "quiz: 'which model has the most parameters?' I said V3, my friend says R1. who's right?":
                        # the question asked before settles it
                        or (self.acts.asks_which_is_right(own) and not all(told))
                        or (unit.kind in ("statement", "ask") and not unit.question and unit.sentence in stated
                            and bool(asked_sentences) and not self.acts.asks(own)))
        if any(not t for t in told):  # context told beside a question is chatter beside it
            parts = [replace(p, idle=True, asked=False) if t else p for p, t in zip(parts, told, strict=True)]
        return kept(_overviews_beside_a_fact(parts))

    def _telling_sentences(self, clauses: list[Clause], acts: list[Act]) -> set[int]:
        """The sentences a full stop ends that tell something (a statement, or what the asker says of themselves):
        what they say by their words beside a question asked is told too ("their first public model was DeepSeek
        Coder, back in late 2023. What was its paper called?", "楼主是写后端的,就自己整理了一下时间线。…到底哪个先
        出来?"); not a name alone, which asks for its card ("janus pro. plus …")."""
        stopped = {c.sentence for c in clauses if c.stated}
        return {a.sentence for a in acts if a.sentence in stopped and (a.kind == "self" or (
            a.kind == "statement" and not self.clauses.asks_by_its_words(self.segmenter.without_joiner(a.text))
            and not self.clauses.names_only(a.text)))}

    def _told(self, unit: Unit, own: str, query: Query, *, named: bool, overview: bool, outright: bool,
              reported: bool) -> bool:
        """A part that tells context rather than asks: with no question form and words beyond a question's, in the
        first person ("I'm writing a blog post comparing how labs approach vision-language"), naming no model and
        asking nothing where no frame answers it or it says what someone said ("老板要求每个模型都写一句意义",
        "another says it never had a single release date"; not "anything from dec 2024 through jan 2025", a list
        asked by its words), a figure stated of a model or passed on, or what names a model around a problem
        reported ("Searched the hub for VL2 and only see R1 distills. Does LM Studio support VL2?"); around a
        problem, also a model's card asked by no question word ("model 'deepseek-v3'. any idea?"); someone's
        question passed on, which the article cannot answer ("我妈问我 DeepSeek 是不是一夜之间冒出来的"). `own`: the
        part's words without its joining word; `overview`: it asks for an overview in so many words."""
        asks = self.acts.asks(own)
        if reported and ((query.intent == "model" and not asks and not overview) or not (
                outright or asks or named or self.clauses.normalised(own) in self.cues.list)):
            # (and what is said around it with no question form, naming no model, "版本已经是最新的了"; not models
            # asked for by a word of a list: "where can i download r1 weights — oh and models that don't use moe")
            return True
        if query.intent == "none" and self.acts.passes_on_a_question(own):
            return True  # someone's question the article cannot answer, passed on ("我妈问我 DeepSeek 是不是…")
        if not (outright or asks) and (query.reason or "").startswith("topic:") and (
                self.acts.tells_what_was_seen(own) or self.acts.first_person(own)):
            return True  # a topic the article does not hold, told with no question form ("前几天看到 R1 的新闻,…")
        if not (outright or asks) and self.acts.says_it_is_known(own):
            return True  # what the asker has already ("Coder、V2、V3 的论文我都找到了,…DeepSeekMath 的呢?")
        if not (outright or asks or named) and self.acts.tells_what_was_seen(own):
            return True  # what the asker thinks or heard, naming no model ("right around Lunar New Year I think")
        if outright or unit.kind != "ask":
            return False
        if self._premise(own, query) or (query.intent == "list" and query.selector == "all" and not named):
            return True  # (a list of everything, asked by no question form beside a question, is how to answer it:
            # "Which of them use MoE? Just the list is fine")
        if query.intent == "list" and (query.selector or "").startswith("tag:") and "&" not in query.selector \
                and not named and not self._asks_for_models(own):
            return True  # a kind said with no word of a list, beside the question: "同样是写代码的,Coder 和 Coder V2 …"
        if (query.selector or "").startswith("check:tag:") and not asks:
            return True  # a kind stated with no question form, before what is asked: "VL2 和 Janus-Pro 都算多模态,
            # 两者能力上有啥区别?"
        if self.clauses.only_describes(own):
            return False
        unasked = not (named or asks) and (query.intent == "none" or self.acts.passes_on(own))
        return self.acts.first_person(own) or unasked or self._states_a_figure(own) or (reported and named)

    def _asks_for_models(self, text: str) -> bool:
        """It asks for models in so many words ("which models", "哪些", "all the", "list")."""
        normalised = self.clauses.normalised(text)
        return normalised in self.cues.list or normalised in self.cues.which_one or bool(
            self.cues.superlative_in(normalised)) or normalised in self.framer.operators.sort or bool(
            self.cues.the_model.find(normalised))  # ("MoE models", "开源的模型": a list in so many words)

    def _only_named(self, text: str, query: Query) -> bool:
        """It names models and asks nothing of them: no fact, no comparison asked by its words ("一个 VL2 一个
        Janus-Pro", "mainly V3 and R1")."""
        return bool(self.clauses.names(text)) and query.intent in ("model", "compare") and \
            not (self.acts.asks(text) or self.clauses.compares(text) or self.cues.strong_fields_in(
                self.clauses.normalised(text)))

    def _premise(self, text: str, query: Query) -> bool:
        """A model's figure or date stated with no question form, what the asker already knows ("V3 号称每 token 只
        激活 370 亿参数,总参数 6710 亿。那为什么…", "So far I have DeepSeek Coder on Nov 2 2023"); not a model described
        by one, nor a comparison asked ("那个 671B 的和 R1 比一下")."""
        c = self.clauses
        if (query.selector or "").startswith("check:"):
            return False  # a claim checked by its own words ("r1 dropped jan 20th 2025 correct and also …")
        return (bool(c.names(text)) or query.intent == "field") and c.states_a_figure_of_its_own(text) and \
            not c.describes_or_compares(text)

    def _referred(self, act: Act, context: Context | None) -> Act:
        """A clause that only refers to a model talked about ("那另一个呢", "and the latter?"), by that model's name: so
        it is the subject of the question after it ("那另一个呢,啥时候出的?")."""
        named = self.references.named(act.text, context)
        return replace(act, text=named) if named != act.text and self.clauses.names_only(named) else act

    def understand(self, text: str, context: Context | None = None) -> Query:
        """The query of the message's first part (what the maintainer's report groups by)."""
        return self.read(text, context)[0].query

    def _part(self, unit: Unit, discourse: Discourse, later: bool) -> Query:
        """The query of one part, read in what the message said before it (`later`: it is not the first)."""
        if unit.about and self._its_field_told(unit):
            # "looking for the DeepSeekMath paper, what's it called?": "it" is the paper told of, not the model
            unit = replace(unit, text=f"{unit.about} {unit.text}", about=None)
        if unit.about and (referred := self._referents(unit.about, discourse.context)):
            discourse.refer_to(referred)
        unit = replace(unit, text=self.references.named(unit.text, discourse.context))
        if not self.clauses.names(unit.text) and (widened := self.references.widened(unit.text, discourse.context)):
            discourse.context = widened  # "their papers?": every model of the pick, not the one picked
        if discourse.uncovered and self._about_the_uncovered(unit):
            return discourse.uncovered  # "what's V3.2-Exp? what even is it": the article does not cover it either
        if discourse.act and not self.clauses.names(unit.text) and (
                not self.clauses.cued(unit.text) or self._asks_of_the_problem(unit.text)):
            # "getting CUDA out of memory with VL2, any idea why?", "…报 KeyError,是不是版本太低了": the error, still
            return discourse.act
        if unit.about and self.acts.asks_which_is_right(unit.text) and (
                stated := self._frame(replace(unit, text=unit.about, about=None), discourse.context)).intent == "field":
            # "V3 的参数量有人说 671B 有人说 37B,到底哪个对": the fact stated, asked rather than checked
            return replace(stated, selector=None)
        query = self._frame(unit, discourse.context)
        if query.intent == "list" and query.selector == "all" and discourse.context and \
                self.references.plural(unit.text) and not self.clauses.names(unit.text):
            # "which came out in 2025? list them with their dates": they are the models just talked about
            models, picked = discourse.context.models, parse(discourse.context.selector or "")
            # (the filters that picked them where they did, else those models by name)
            query = replace(query, models=models, selector=discourse.context.selector
                            if picked and picked.filters and not (picked.rank or picked.count)
                            else f"is:{','.join(models)}")
        if later and discourse.context and query.intent in ("list", "none") and \
                self.clauses.subjectless_check(unit.text):
            # "R1 是开源的吗,是 2024 年 12 月发布的吗": the second question's subject is the first's
            query = self._frame(replace(unit, text=f"{_PRONOUN[has_chinese(unit.text)]} {unit.text}"),
                                discourse.context)
        if discourse.act and unit.question and (query.intent == "model" or (
                (query.selector or "").startswith("check:tag:") and not self.clauses.names(unit.text)
                and not self.clauses.says_it(unit.text))) \
                and self.clauses.normalised(unit.text) not in self.cues.overview:
            # "convert_hf_to_gguf.py fails for deepseek-vl2-small … Is VL2 supported at all?", "V3 输出全是乱码,是不是
            # MoE 的问题?": a yes/no of the model right after a problem reported, asking no fact of it, is the problem's
            return discourse.act
        if query.reason == "out-of-scope" and discourse.uncovered:
            return discourse.uncovered  # "… to JanusFlow, how much improvement could we expect?": the same decline
        if query.reason == "out-of-scope" and unit.about and self.acts.a_not_a(unit.text):
            # "v3 生成速度咋样,快不快": a bare A-not-A question is about what was said before it, declined as such
            together = self._frame(replace(unit, text=f"{unit.about} {unit.text}", about=None), discourse.context)
            query = together if together.intent == "none" and together.reason != "out-of-scope" else query
        if query.reason == "out-of-scope" and unit.about and self.clauses.normalised(unit.text) in self.cues.which_one \
                and not self.clauses.names(unit.about):
            # "the whole 'broke the high-investment narrative' thing — which model was that about?": the model told of
            together = self._frame(replace(unit, text=f"{unit.text} {unit.about}", about=None), discourse.context)
            query = together if together.intent != "none" else query
        query = self._after_chatter(unit, query, discourse.context) or query
        return self._guessed(unit, query, discourse.context) or self._verified(unit, query) or query

    def _guessed(self, unit: Unit, query: Query, context: Context | None) -> Query | None:
        """"which model is the largest? is it V3?", "最新的模型是哪个?是 R1 吗?": a guess at the rank just asked,
        checked of the model guessed."""
        kind = (context.selector or "") if context else ""
        if not (context and context.intent == "list" and kind in ranking.PLAIN and query.intent == "model"
                and unit.question and self.acts.asks(unit.text)):
            return None
        return Query("field", query.models, field=ranking.field_of(kind), selector=f"check:{kind}")

    def _offers_another_way(self, text: str) -> bool:
        """It opens with "or" ("or does …", "还是说 …"): the question before, asked another way."""
        found = self.framer.operators.either.find(self.clauses.normalised(text))
        return bool(found) and found.start() == 0

    def _its_field_told(self, unit: Unit) -> bool:
        """The clause "it" refers to names a model and a field of it; the question asks no field of its own."""
        told, asked = self.clauses.normalised(unit.about or ""), self.clauses.normalised(unit.text)
        return self.clauses.says_it(unit.text) and bool(self.clauses.names(unit.about or "")) \
            and bool(self.cues.strong_fields_in(told)) and not self.cues.strong_fields_in(asked)

    def _after_chatter(self, unit: Unit, query: Query, context: Context | None) -> Query | None:
        """A question typed straight after chatter in one clause ("在家闲着没事coder v2 是开源的吗", "i'm a designer,
        nowhere near this topic does r1 use RL?"), declined for the chatter's words: read from where a model's
        name or a question word starts, when that reads as a question the article answers; a topic the article
        does not hold counts only in the question ("was reading a thread … When was DeepSeek-V3 released?")."""
        topic = (query.reason or "").startswith("topic:")
        if query.intent != "none" or query.suggestions or not (
                topic or query.reason in ("out-of-scope", "no-model") or (query.reason or "").startswith("beyond:")):
            return None
        names = set(self.clauses.name_starts(unit.text))
        starts = sorted({*names, *self.acts.question_starts(unit.text)} - {0})
        for start in starts[:_MAX_CUTS]:
            before, rest = unit.text[:start], unit.text[start:]
            if self.acts.asks(before) or self.acts.has_act(before) or self.clauses.names(before) or (
                    self.clauses.says_it(before) and len(before.split()) <= 2):
                # the question starts before: "how fast is v3 inference", "could you add … like Janus pro"; or
                # a model named before is its subject ("V3 has no MoE layers, right?"), or "it" is ("so it can't
                # read any documents or picture, right?")
                return None
            if topic and self.cues.topic_in(self.clauses.normalised(rest)):
                return None  # the topic word is what is asked: "my boss asked me what v3 costs"
            if topic and start in names and (done := self.cues.beyond.find(told := self.clauses.normalised(before))) \
                    and (done.end() == len(told) or _OF.search(before)):
                # the topic is what is done to the model named next: "本地部署 R1 32B 蒸馏版需要什么配置"; or the topic
                # is the model's, named after "for" or "of": "the $5.6M training cost claim for V3 is BS?"
                return None
            if not (unit.question or self.acts.asks_outright(rest)) or self.clauses.names_only(rest):
                continue  # "my boss hates v3" asks nothing
            framed = self._frame(replace(unit, text=rest), context)
            if framed.intent != "none":
                return framed
        return None

    def _frame(self, unit: Unit, context: Context | None) -> Query:
        if unit.kind == "smalltalk":
            return Query("none", reason="help" if unit.detail == "help" else f"smalltalk:{unit.detail}")
        if unit.kind == "out-of-scope":
            framed = self.framer.frame(unit.text, context)
            if (framed.reason or "").startswith("unknown-model:"):
                return framed  # "when will R2 come out?": the article does not cover R2, whatever is asked
            return Query("none", reason=f"act:{unit.detail}", about=tuple(self.clauses.names(unit.text)))
        text = self._own_words(unit.text)
        if unit.kind == "check":
            query = self.framer.frame(_as_question(text), context)
            if (query.selector or "").startswith(_STRUCTURED_CHECKS):
                return query
            return self._kind_claimed(text, context) or query
        query = self.framer.frame(text, context)
        said = unit.kind == "statement" and query.intent == "model"  # the card of what a claim was said of
        if (unit.question or said) and self._claims_by_its_mark(text, query):
            # "Janus-Pro 居然能文生图?", "so V2 came out on May 7, 2024?": a yes or no asked by the question
            # mark alone; checked, where the words make a claim the operators read; so is a claim said and
            # nothing asked ("oh sure, and V2 is dense too lol")
            checked = self.framer.frame(_as_question(text), context)
            if (checked.selector or "").startswith(_STRUCTURED_CHECKS):
                return checked
        return query

    def _kind_claimed(self, text: str, context: Context | None) -> Query | None:
        """The opposite of a kind a claim says of a model, checked, whatever it says besides of topics the
        article does not hold or of other makers' models ("R1 其实是闭源的,只给 API 用", "R1 is closed source,
        OpenAI-style")."""
        normalised = self.clauses.normalised(text)
        links = self.linker.link(normalised)
        if len(links.models) != 1 or not (links.foreign or self.cues.beyond.find(normalised)):
            return None
        # the claim up to the kind's opposite it says ("r1 其实是闭源的", "r1 is closed source"), the rest another
        # matter: that much is false of a model of the kind, whatever the rest says (a kind itself is not checked
        # by half: "R1 got its reasoning from supervised fine-tuning on a massive hand-labelled dataset")
        kinds = [m for group in self.cues.tag_opposites.values() if (m := group.find(normalised))]
        if not kinds:
            return None
        end = min(m.end() for m in kinds)
        after = normalised[end:].strip().removeprefix("的").strip()
        if self.segmenter.without_joiner(after) != after:
            return None  # a second claim joined to it ("… and has a free API"): not checked by half
        checked = self.framer.frame(_as_question(normalised[:end]), context)
        return checked if (checked.selector or "").startswith(("check:tag:", "check:!tag:")) else None

    def _claims_by_its_mark(self, text: str, query: Query) -> bool:
        """A question with no question word whose answer would only list what it claims (an overview), or
        that states a date or a figure."""
        normalised = self.clauses.normalised(text)
        if normalised in self.framer.operators.asks_what:
            return False
        stated = bool(self.cues.figure.search(normalised) or date_spans(normalised) or month_spans(normalised))
        # ("VL2 是 MoE 架构的?": a kind said of it, with no question word)
        tagged = query.intent == "field" and bool(self.cues.tags_in(normalised)) and not self.acts.asks(text)
        # ("Janus-Pro 比 R1 早发布?", "Janus-Pro came out before R1?": one model set against another)
        compared = len(query.models) > 1 and bool(self.framer.operators.comparative.find(normalised)
                                                  or self.cues.relative_in(normalised))
        return stated or tagged or compared or query.intent == "model" or (query.reason or "").startswith("beyond:")

    def _own_words(self, text: str) -> str:
        """The clause without the joining word that opens it where the rest asks by its own words ("also, is
        r1 open source"); the word stays where it asks the question before again ("and llm?", "那 V3 呢")."""
        own = self.segmenter.without_joiner(text)
        return own if self.acts.asks(own) else text

    def _verified(self, unit: Unit, query: Query) -> Query | None:
        """A claim about one model that no structured check reads ("R1 really matches o1, right?"), checked
        against the article's sentences: a claim always gets a verdict; a yes/no question only where the
        article's sentence settles it ("is R1 good for writing novels?" stays declined)."""
        if title := self._title_claimed(unit, query):
            return title
        models = query.models or query.about
        links = self.linker.link(self.clauses.normalised(unit.text))
        if len(models) != 1 or len(links.models) > 1:
            return None
        if _RANKED.search(query.selector or "") and (evidence := self.claims.check(models[0], links.rest)) and \
                evidence.verdict != "unknown":
            # "DeepSeek Coder 是第一个开源的代码大模型?": the article's own words, where they settle it, rather than a
            # rank among the models it describes ("首个开源代码大模型" is its claim of the world; "V2 是第二代", not the
            # first-gen MoE model)
            return _checked_text(models, evidence)
        if (query.selector or "").startswith("check:tag:") and links.foreign:
            # "Coder V2 写代码跟 GPT4-Turbo 差不多,真的吗": beside another maker's model, the tag is not what is claimed
            # but the comparison, which the article's sentence settles where it can
            evidence = self.claims.check(models[0], links.rest)
            return None if evidence is None else _checked_text(models, evidence)
        if (query.selector or "").startswith("check:tag:") and (
                evidence := self.claims.check(models[0], links.rest)) and evidence.verdict == "no":
            return _checked_text(models, evidence)  # the kind holds, the rest is refuted: "V2 是第一代 MoE 模型吗"
        if not self._open_claim(unit, query):
            return None
        # how good a model is ("V3 is the best model ever, true?"): what the article says of its standing
        quality = query.reason == "topic:quality"
        evidence = self.claims.check(models[0], links.rest, ("significance",) if quality else FIELDS)
        if evidence is None and quality:  # in words the sentences do not hold
            return Query("field", models, field="significance", selector="check:text:unknown:0:0")
        if evidence is None or not (unit.kind == "check" or evidence.verdict != "unknown"
                                    or quality):
            return None  # a question the article does not settle keeps its own answer (or decline)
        return _checked_text(models, evidence)

    def _title_claimed(self, unit: Unit, query: Query) -> Query | None:
        """"V3 的论文叫 DeepSeek-V3 Technical Report, 对吧", "is R1's paper titled '… with Longtermism'?": a paper's
        title claimed of one model, right where it is that model's, wrong where it is another's."""
        models, normalised = query.models or query.about, self.clauses.normalised(unit.text)
        operators = self.framer.operators
        claims = unit.kind == "check" or (
            (unit.question or operators.asks_yes_no(normalised)) and normalised not in operators.asks_what)
        if len(models) != 1 or not claims or (query.selector or "").startswith("check:undisclosed:"):
            return None  # (a paper said to be missing is checked as such: "V3 has no paper, right?")
        # the whole title, else words of it claimed of the paper ("does the V2 paper title call it economical?")
        paper = normalised in self.cues.fields["paper"]
        verdict = self.claims.title(models[0], unit.text) or (
            self.claims.title_words(models[0], unit.text) if paper else None)
        if verdict is None and paper and unit.kind == "check" and \
                self.claims.check(models[0], self.linker.link(normalised).rest) is None:
            # that it has a paper, and nothing more ("is it true DeepSeekMoE has its own paper?"): whether the
            # article gives one (DeepSeekMath's: "暂未查询到公开论文", no public paper found)
            verdict = "yes" if self.kb.by_id[models[0]].paper_title else "no"
        return Query("field", models, field="paper", selector=f"check:text:{verdict}:0:0") if verdict else None

    def _open_claim(self, unit: Unit, query: Query) -> bool:
        """A claim, or a yes/no question asking no fact by name, that the frames answered with no structured
        check: a fact, an overview, or a decline of words the article does not use."""
        normalised, operators = self.clauses.normalised(unit.text), self.framer.operators
        yes_no = operators.asks_yes_no(normalised) or (  # "真能跟 GPT4-Turbo 一个水平?"
            unit.question and normalised not in operators.asks_what)
        if not (unit.kind == "check" or (yes_no and not self.cues.strong_fields_in(normalised))):
            return False  # "the 37B one, how big is it?" asks a fact by name
        if (query.selector or "").startswith("check:") or query.intent in ("list", "compare"):
            return False
        # a claim of how good a model is, or a yes/no question of it ("R1 是全世界最强的", "V3 beats everything",
        # "R1 真的是世界第一吗") gets its verdict too
        quality = query.reason == "topic:quality"
        return query.intent != "none" or (query.reason or "").startswith("beyond:") or quality

    def _states_a_figure(self, text: str) -> bool:
        """Words that state a figure or a date of a model, or that someone said, asking nothing by their form
        ("DeepSeek-Coder is trained on 2T tokens", "one person says 2024"; not "anything from dec 2024 through jan
        2025", a list asked by its words): told, not asked, beside a question."""
        if self.acts.asks(text) or not (self.clauses.names(text) or self.acts.passes_on(text)):
            return False
        return self.clauses.states_a_figure(text)

    def _about_something(self, text: str, query: Query) -> bool:
        """A question no frame reads that asks about something all the same ("How tall is Mount Everest?"; not
        "anyone?", "有知道的吗"): declined by name beside the other questions, never dropped as chatter."""
        if query.reason != "out-of-scope":
            return False
        links = self.linker.link(self.clauses.normalised(self.segmenter.without_joiner(text)))
        # one word of its own is how a follow-on asks ("what changed", "which ones have no figure")
        return len(self.framer.coverage.unexplained(links.rest, None)) >= _OWN_SUBJECT

    def _asks_of_the_problem(self, text: str) -> bool:
        """A yes/no question with no subject of its own after a problem reported asks of the problem ("是不是版本太
        低了"; not "is it open source?", which says "it" of a model)."""
        normalised, cues = self.clauses.normalised(text), self.cues
        # (not one that picks models by a date, a tag or a rank: "2024年底发布的模型救救孩子吧")
        picks = bool(date_spans(normalised) or cues.tags_in(normalised) or cues.superlative_in(normalised)
                     or normalised in cues.list)
        return self.framer.operators.asks_yes_no(normalised) and not self.clauses.says_it(text) and not picks

    def _about_the_uncovered(self, unit: Unit) -> bool:
        """A part that names no covered model of its own and needs a subject ("what even is it", "the original
        one, not pro"), asks yes or no of none ("会做成多模态吗") or checks a claim of none ("群里说新版写代码也强了,
        是真的吗"), or compares or relates it with the model named before it ("比 Coder V2 强多少", "what changed
        compared to the january R1?", "跟 Janus-Pro 什么关系")."""
        text = unit.text
        named, normalised = self.clauses.names(text), self.clauses.normalised(text)
        if not named and (unit.kind == "check" or self.clauses.subjectless_check(text)):
            return True
        return (not named and self.clauses.incomplete(text)) or (len(named) == 1 and bool(
            self.framer.operators.comparative.find(normalised) or normalised in self.cues.compare
            or self.cues.relation_in(normalised)))

    def _referents(self, text: str, context: Context | None) -> tuple[str, ...]:
        """The models a clause names or describes ("I've been reading about V3", "the first open-source code
        model", "the one on par with o1"): what "it" in the question after it means."""
        links = self.linker.link(self.clauses.normalised(text))
        if links.models:
            return tuple(links.models)
        if (framed := self.framer.frame(text, context)).intent != "none" and \
                len(framed.models) < len(self.kb.models):  # (words about every model describe none of them)
            return framed.models
        described = self.framer.describer.resolve(links.rest, links.foreign)
        return described.models if described and not described.candidates else ()


def _restated(before: Query, query: Query, named: bool) -> bool:
    """A part that restates the one before: of the same models, or giving the figures of what it checked, naming none
    ("V2 is way bigger than DeepSeek LLM right? like 236B vs 67B"), or asking what it asked of another maker's model
    of DeepSeek's ("anything like GPT-4V, i.e. a model that understands images?")."""
    if query.intent == "none":
        return False
    figures_of_a_check = not named and (before.selector or "").startswith("check:")
    declined = before.intent == "none" and not before.models and (before.reason or "").startswith("unknown-model:")
    return figures_of_a_check or declined or set(before.models or before.about) == set(query.models)


def _aside(query: Query) -> bool:
    """A decline of words no frame reads: said without a question mark or a question's form ("my friend kept
    hyping R1 and I had no clue what he meant", "刚才那个回答很有用"), it is chatter beside a part that asks."""
    return query.intent == "none" and not query.suggestions and (
        query.reason in ("no-model", "act:error", "act:howto", "act:future") or (query.reason or "").startswith(
            "beyond:"))


def _as_question(claim: str) -> str:
    """A claim to check, as the yes/no question it is ("V3 has 671B params" -> "… right?"; "VL2 不是 MoE" -> "… 对吧",
    as "… 吗" would ask whether it is)."""
    return f"{claim} 对吧" if has_chinese(claim) else f"{claim}, right"


def _checked_text(models: tuple[str, ...], evidence: Evidence) -> Query:
    """A claim checked against the article's sentences: the verdict, and where each language's sentence is."""
    where = f"{evidence.sentence['zh']}:{evidence.sentence['en']}"
    return Query("field", models, field=evidence.field, selector=f"check:text:{evidence.verdict}:{where}")


def _overviews_beside_a_fact(parts: list[Part]) -> list[Part]:
    """A model's card asked by a part that does not name it, or "this model" asked of with nothing before to refer
    to, beside a part that names a model and asks a fact of it, is chatter beside that part: "这俩数字到底是什么关系,
    V3 的参数量到底应该怎么说?", "想了解一下这个模型的来历:DeepSeek Coder 最早是什么时候提出的?" (not "tell me about
    it. and when was it released?": neither names it)."""
    facts = {m for p in parts if p.names and not p.idle and p.query.intent in ("field", "compare")
             for m in p.query.models}

    def aside(p: Part) -> bool:
        return (p.query.intent == "model" and not p.names and set(p.query.models) <= facts) or (
            p.query.reason == "no-model" and bool(facts))

    return [replace(p, idle=True, asked=False) if aside(p) else p for p in parts]
