"""The rules for a part that names models (and makes none of the operators' queries): two or more named are
compared or asked one field of together; of one, what is asked about it, tried in order, the first rule that
reads the part deciding. The order decides the answers: a relation before a field, a field before the
question asked again, an overview last."""

from __future__ import annotations

from collections.abc import Callable

from bot.core.cues import Cues
from bot.core.knowledge import KnowledgeBase
from bot.core.memory import Context
from bot.core.operators import Operators
from bot.core.query import Query
from bot.core.relations import related
from bot.core.search import FactSearch
from bot.core.understanding.asked import Asked
from bot.core.understanding.scope import Coverage
from bot.core.understanding.selected import neighbour, relation, selected

Rule = Callable[[str, Asked, Context | None], Query | None]


class NamedQuestions:
    def __init__(self, kb: KnowledgeBase, cues: Cues, coverage: Coverage, operators: Operators, search: FactSearch):
        self.kb, self.cues, self.coverage, self.operators, self.search = kb, cues, coverage, operators, search
        self._rules: tuple[Rule, ...] = (self._neighbours, self._related, self._compared_with_the_last,
                                         self._field, self._asked_again, self._beyond, self._in_its_features)

    def frame(self, models: list[str], rest: str, context: Context | None) -> Query:
        asked = Asked.read(self.cues, rest)
        if len(models) >= 2:
            return self._several(models, asked, context)
        model = models[0]
        for rule in self._rules:
            if (query := rule(model, asked, context)) is not None:
                return query
        return Query("model", (model,))

    def _several(self, models: list[str], asked: Asked, context: Context | None) -> Query:
        """"V2 and V3: when?", "and R1 and V2?", "which is bigger, V2 or V3?", "which of them is MoE?"."""
        cues, rest, fields = self.cues, asked.rest, asked.fields
        if rest in cues.which_one and not asked.superlative and (picked := self.operators.picked(rest)):
            return Query("compare", tuple(models), selector=f"pick:{picked.key}")  # "V2 和 V3 哪个是 MoE"
        if fields and rest not in cues.compare and not asked.superlative:
            return Query("field", tuple(models), field=fields[0], also=asked.also(fields[0]))
        if (context and context.intent == "field" and rest in cues.switch
                and rest not in cues.compare and not asked.superlative):
            return Query("field", tuple(models), field=context.field)  # "and R1 and V2?"
        # "which is bigger, V2 or V3?": the comparison, with the answer to "which" on top; "compare their
        # sizes" ranks them by it
        ranked_by = {"parameters": "largest", "released": "newest"}.get(fields[0]) if fields else None
        return Query("compare", tuple(models), selector=asked.superlative or ranked_by)

    def _neighbours(self, model: str, asked: Asked, context: Context | None) -> Query | None:
        """"which models came after V2?" asks for all of them, "what came after V3?" for the next one."""
        relative = asked.relative
        if not relative or not (asked.asks_one or asked.asks_list or set(asked.fields) <= {"released"}):
            return None
        every = "later" if relative == "after" else "earlier"
        if asked.asks_list or not (next_one := neighbour(self.kb, model, relative)):
            return selected(self.kb, f"{every}:{model}")
        return Query("list", (next_one,), selector=f"{relative}:{model}")

    def _related(self, model: str, asked: Asked, context: Context | None) -> Query | None:
        """"what is R1 distilled into?", "基于 DeepSeekMoE 的理念": the models it is related to."""
        if not (kinds := self.cues.relations_in(asked.rest)) or asked.strong_fields:
            return None
        # of the relations named, the one the files state for this model; else the one they do state ("哪些模型
        # 基于 DeepSeekMoE": the article's example of the idea), the card quoting it
        stated = [k for k in (*kinds, *self.cues.relations) if related(self.kb, model, k)]
        return relation(self.kb, model, stated[0] if stated else kinds[0])

    def _compared_with_the_last(self, model: str, asked: Asked, context: Context | None) -> Query | None:
        """"compare it with R1", "那和 V3 比呢", "它和 DeepSeek Coder 谁先出的": this model beside the ones talked
        about, ranked where a rank word asks."""
        cues, rest = self.cues, asked.rest
        if not context or model in context.models:
            return None
        # (or opened by what it is compared with, the subject left out: "跟 LLM 比谁早?", "vs V2?")
        implied = bool((opening := self.operators.compared_with.find(rest)) and opening.start() == 0)
        # (a rank word with "it", or of the two, compares too: "ok and V3 — which one of the two is newer?", "那 V3
        # 呢,两个哪个新"; not "and the original coder?", which names one)
        if (rest in cues.compare and (rest in cues.pronouns or rest in cues.switch or implied)) or (
                asked.superlative and (rest in cues.pronouns or rest in cues.plural)):
            return Query("compare", (*context.models, model), selector=asked.superlative)
        return None

    def _field(self, model: str, asked: Asked, context: Context | None) -> Query | None:
        """"how big is V3?", "V3 多大,什么时候发布的": the fields asked."""
        if not (fields := asked.fields):
            return None
        rest = asked.rest
        if self.coverage.unexplained(rest, model) and (
                not asked.strong_fields or rest in self.cues.fit or self.operators.asks_yes_no(rest)):
            # a hint ("trained") must account for the rest; so must a use asked of the model ("is R1 good for
            # writing novels?", "janus pro 擅长做表情包吗"): the features answer another question
            return Query("none", reason=f"beyond:{model}", about=(model,))
        return Query("field", (model,), field=fields[0], also=asked.also(fields[0]))

    def _asked_again(self, model: str, asked: Asked, context: Context | None) -> Query | None:
        """"v2 size?" then "r1?"; "is it open source?" then "what about v3?": the last question, of this model."""
        if not context or not self._asks_again(asked.rest, model) or (
                asked.rest in self.cues.overview and asked.rest not in self.cues.same_fact):
            return None
        if context.intent == "field":
            checked = context.selector if (context.selector or "").startswith("check:") else None
            return Query("field", (model,), field=context.field, selector=checked)
        if context.intent == "compare":
            return Query("compare", tuple(dict.fromkeys((*context.models, model))))
        return None

    def _asks_again(self, rest: str, model: str) -> bool:
        """"r1?", "那 V3 呢", "and what about r1": the same question again, of this model; not
        "还有 vl2 能识别手写字吗", which asks something else with a switch word before it."""
        return not rest or (rest in self.cues.switch and not self.coverage.unexplained(
            self.cues.switch.strip(rest), model))

    def _in_its_features(self, model: str, asked: Asked, context: Context | None) -> Query | None:
        """"what languages does Coder support?", "Janus-Pro 用什么框架处理?" asked with no field's word and nothing
        beyond the article (the rule before): what the question names is in the model's features, so they answer
        it rather than the overview."""
        rest = asked.rest
        if asked.asks_list or asked.asks_one or rest not in self.operators.asks_what or rest in self.cues.overview:
            return None  # ("哪些模型采用了 deepseekmoe 的思路" asks for models)
        if self.search.in_features(model, rest):
            return Query("field", (model,), field="features")
        return None

    def _beyond(self, model: str, asked: Asked, context: Context | None) -> Query | None:
        """"is R1 banned in Italy?": an overview would answer another question ("what is R1, thx in advance"
        asks for the overview in so many words)."""
        if asked.rest not in self.cues.overview and self.coverage.unexplained(asked.rest, model):
            return Query("none", reason=f"beyond:{model}", about=(model,))
        return None
