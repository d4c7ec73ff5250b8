"""What a clause holds, as the later stages ask it: the models it names, whether it only names them, only
describes one, needs a subject from the clause before it, or asks by its cue words alone.

In: a clause's text (as typed). Out: yes or no, or the models. One place for these tests, so the units,
resolve and scope stages read a clause alike."""

from __future__ import annotations

import re

from bot.core.cues import CueSet
from bot.core.dates import date_spans
from bot.core.normalise import tokens_of
from bot.core.understanding.frames import Framer

_FILTERS = ("tag:", "date", "undisclosed:", "params", "family")  # a list of its own: no subject needed
_RANKED_REACH = 6  # characters from a ranking word to the "model" it ranks ("最早的三个模型")
_POSITION = re.compile(r"[@*]\d")  # a rank's position or count: "smallest@2", "earliest*3"


_AMONG = re.compile(r"(?:模型|的)\s*(?:里|中|之中|当中|里面)\s*$")  # "用了 MoE 的模型里": among those


class Clauses:
    def __init__(self, framer: Framer):
        self.framer, self.kb, self.cues, self.linker = framer, framer.kb, framer.cues, framer.linker
        self._exclude = self.cues.cue_set(self.kb.lexicon["operators"]["exclude"])
        self._adds = self.cues.cue_set(self.kb.lexicon["message"]["adds"])
        surfaces = {a.lower() for m in self.kb.models for a in (*m.aliases, m.name["en"], m.name["zh"], m.id)}
        self._name_start = re.compile("|".join(re.escape(a) for a in sorted(surfaces, key=len, reverse=True)),
                                      re.IGNORECASE)

    def normalised(self, text: str) -> str:
        return self.kb.normaliser(text)

    def names(self, text: str) -> list[str]:
        """The covered models the clause names."""
        return list(self.linker.link(self.normalised(text)).models)

    def names_only(self, text: str) -> bool:
        """It names models and asks nothing of them ("V3", "r1 and v3", "V2 or V3?", "那 V3 呢")."""
        links = self.linker.link(self.normalised(text))
        return bool(links.models) and self._nothing_else(links.rest)

    def names_uncovered_only(self, text: str) -> bool:
        """It only names a model the article does not cover ("DeepSeek-V2.5,", "R1-0528")."""
        links = self.linker.link(self.normalised(text))
        return bool(links.unknown) and not links.models and self._nothing_else(links.rest)

    def _nothing_else(self, rest: str) -> bool:
        """The words beside the names say nothing: a switch word ("那 … 呢") and stop words."""
        return set(tokens_of(self.cues.switch.strip(rest))) <= self.cues.stopwords["en"] | self.cues.stopwords["zh"]

    def only_adds_names(self, text: str) -> bool:
        """It only adds models to what was said before it ("plus V3, R1 and Janus-Pro", "外加 V3")."""
        return self._opens_with_names_after(self._adds, text)

    def only_not_meant(self, text: str) -> bool:
        """It only names a model it does not mean ("…, not VL2", "…,不是初代 Coder 的"): a correction, no question."""
        return self._opens_with_names_after(self.cues.not_meant, text)

    def _opens_with_names_after(self, opening: CueSet, text: str) -> bool:
        normalised = self.normalised(text)
        found = opening.find(normalised)
        return bool(found) and found.start() == 0 and self.names_only(normalised[found.end():])

    def only_describes(self, text: str) -> bool:
        """Every word is a name, a cue or a word of a description ("the 67b llm", "models released in 2024"),
        with no chatter ("friends", "写论文需要"): such a clause says what the question after it is about."""
        return self.framer.coverage.describes(self.linker.link(self.normalised(text)).rest)

    def compares(self, text: str) -> bool:
        """It asks by its words for a comparison ("V2 和 V3 对比一下")."""
        return self.normalised(text) in self.cues.compare

    def explained(self, text: str) -> bool:
        """Every word is accounted for: a name, a cue, chatter or a word of the model's facts ("简单介绍 DeepSeek
        Coder"; not "发现 V2 和 V3 中间隔了挺久", a story)."""
        links = self.linker.link(self.normalised(text))
        return not self.framer.coverage.unexplained(links.rest, links.models[0] if links.models else None)

    def described_model(self, text: str) -> str | None:
        """The name of the one model the clause describes and names no other way ("那个代码能力跟 GPT4-Turbo 差不多的
        模型", "the one whose paper is about expert specialization"); None where it names a model or fits several."""
        normalised = self.normalised(text)
        links = self.linker.link(normalised)
        if links.models or not self.cues.described.find(normalised):
            return None
        found = self.framer.describer.resolve(links.rest, links.foreign)
        if not found or found.candidates or len(found.models) != 1:
            return None
        return self.kb.by_id[found.models[0]].name["en"]

    def opens_with_description(self, text: str) -> bool:
        """It opens with the words of a description ("the one whose paper …", "那个…")."""
        found = self.cues.described.find(self.normalised(text))
        return bool(found) and found.start() == 0

    def states_a_figure(self, text: str) -> bool:
        """It holds a figure, a count or a date ("671B", "5 billion tokens", "in 2024")."""
        normalised = self.normalised(text)
        return bool(self.cues.figure.search(normalised) or self.cues.counted.search(normalised)
                    or date_spans(normalised))

    def states_a_figure_of_its_own(self, text: str) -> bool:
        """It holds a figure, a count or a date besides the models' names ("V3 号称每 token 只激活 370 亿参数", "LLM on
        Nov 29 2023"; not "deepseek llm 67b release date")."""
        return self.states_a_figure(self.linker.link(self.normalised(text)).rest)

    def describes_or_compares(self, text: str) -> bool:
        """It holds the words of a description or a comparison ("那个 671B 的", "和 R1 比一下", "vs")."""
        return self.normalised(text) in self.cues.described or self.compares(text)

    def name_starts(self, text: str) -> list[int]:
        """Where a model's name, as the knowledge spells it, starts in the text as typed."""
        return [m.start() for m in self._name_start.finditer(text)]

    def leaves_out(self, text: str) -> bool:
        """It names models to leave out of the question after it ("除了 R1", "other than V3,")."""
        normalised = self.normalised(text)
        return bool(self._exclude.find(normalised)) and bool(self.linker.link(normalised).models)

    def scopes(self, text: str) -> bool:
        """It says among which models the question after it asks ("用了 MoE 的模型里", "2024 年发布的当中")."""
        return not self.names(text) and bool(_AMONG.search(text))

    def says_it(self, text: str) -> bool:
        """It refers back: "it", "its", "它", "这两个"."""
        return self.normalised(text) in self.cues.pronouns

    def says_it_alone(self, text: str) -> bool:
        """It says "it" of one model ("it", "its", "它"), not "the model" or "这两个"."""
        return self.normalised(text) in self.cues.it

    def incomplete(self, text: str) -> bool:
        """A question that needs what was said before it: it says "it", or holds nothing but cue words and asks
        nothing alone ("when was it proposed?", "which is bigger"); not "what is the capital of France", nor
        "any vision models?", a list of its own."""
        normalised = self.normalised(text)
        links = self.linker.link(normalised)
        if self.says_it(text):  # unless a description of its own says what "it" is ("the 671b model - when was it out")
            described = self.framer.describer.resolve(links.rest, links.foreign)
            return not (described and not described.candidates and (described.by_figure or links.foreign))
        compares = normalised in self.cues.compare or self.framer.operators.comparative.find(normalised)
        if (links.foreign or links.unknown) and not compares:
            return False  # "how many parameters does GPT-4 have": its own subject (not "跟 Janus 有什么不一样")
        if not self.only_describes(text):
            return False
        # a ranking or a pick ("which came first", "哪个在编程方面更强大") is among what was named just before
        query = self.framer.frame(text)
        # ... but not a rank by position or a count ("参数第二少的模型是哪个", "the two oldest models"): those rank
        # every model
        selector = (query.selector or "").lstrip("!")
        if query.intent == "list" and _POSITION.search(selector):
            return False
        own_list = query.intent == "list" and selector.startswith(_FILTERS)
        return not own_list or bool(self.cues.which_one.find(normalised))

    def cued(self, text: str) -> bool:
        """The words ask for a fact, a list or a kind of model ("the largest model", "哪些模型", "最早的三个模型")."""
        normalised, cues = self.normalised(text), self.cues
        # a ranking word just before "model" ("最早的三个模型", "the newest model"; not "最近老板让我调研国产大模型")
        models = [m.start() for m in cues.the_model.find_all(normalised)]
        ranked = any(0 <= start - found.end() <= _RANKED_REACH for group in cues.superlative.values()
                     for found in group.find_all(normalised) for start in models)
        return bool(cues.strong_fields_in(normalised) or cues.tags_in(normalised) or normalised in cues.list
                    or normalised in cues.which_one or normalised in cues.described or ranked
                    or normalised in cues.overview or date_spans(normalised))  # "anything released late 2023"

    def asks_by_its_words(self, text: str) -> bool:
        """A clause with no question form that still asks, by its cue words, for a fact, a list or a comparison
        ("janus pro paper title", "release date for deepseek-vl2", "DeepSeek-VL2 的参数量"), names a model the
        article does not cover or a variant of one ("V3.1 vs V3"), or says "it" of a fact ("还有它的论文标题")."""
        query = self.framer.frame(text)
        if query.reason == "no-model":
            return self.says_it(text)
        if not self.names(text) and not self.cued(text):  # "first time poster": a ranking word is no question
            return False
        if query.intent == "list" and (query.selector or "").lstrip("!").startswith("tag:") and not self.names(text):
            # "MoE models", "多模态模型"; not a story that says a kind's word ("MoE 这词都快被说烂了")
            return self.only_describes(text)
        overview = self.normalised(text) in self.cues.overview  # "还有,简单介绍 DeepSeek Coder"
        return query.intent in ("field", "list", "compare") or (query.intent == "model" and overview) or (
            query.reason or "").startswith(("unknown-model:", "variant:", "topic:"))

    def asks_a_field(self, text: str) -> bool:
        """It holds a field's word ("the paper title", "参数量")."""
        return bool(self.cues.strong_fields_in(self.normalised(text)))

    def names_a_field(self, text: str) -> bool:
        """It holds a field's word, a weak one too ("what's the full title")."""
        return bool(self.cues.fields_in(self.normalised(text)))

    def needs_a_subject(self, text: str) -> bool:
        """It asks a fact of no model ("release date", "参数量"); not "models over 100B params", a list of its own."""
        return self.framer.frame(text).reason == "no-model"

    def asks_a_fact(self, text: str) -> bool:
        """It asks a fact of a model by its words ("release date of DeepSeek Coder")."""
        return bool(self.names(text)) and self.framer.frame(text).intent == "field"

    def subjectless_check(self, text: str) -> bool:
        """A yes/no question that names nothing it is about ("是 2024 年发布的吗"; "was it out in 2024" says it)."""
        normalised = self.normalised(text)
        links = self.linker.link(normalised)
        return not (links.models or links.foreign or links.unknown or self.says_it(text)) \
            and normalised not in self.cues.list and normalised not in self.cues.which_one \
            and self.framer.operators.asks_yes_no(normalised)
