"""A superlative asked with no model named: "the largest model", "which one is newer?" (of the models just
compared), "the last one in 2024", "the first open-source code model: which day?"."""

from __future__ import annotations

from bot.core import ranking
from bot.core.cues import Cues
from bot.core.knowledge import KnowledgeBase
from bot.core.memory import Context
from bot.core.query import Query
from bot.core.selection import select
from bot.core.understanding.asked import Asked

MAX_COMPARED = 3  # a ranking word after talk of this many models or fewer ranks them, side by side


class Superlatives:
    def __init__(self, kb: KnowledgeBase, cues: Cues):
        self.kb, self.cues = kb, cues

    def frame(self, asked: Asked, context: Context | None) -> Query | None:
        """The model the superlative picks, or the field asked of it; None when it picks none."""
        kind = asked.superlative
        if talked_about := self._talked_about(asked, context):
            chosen = self._pick(kind, asked.tags, talked_about)
            if not chosen:
                return None
            if field := self._field_asked(kind, asked):  # "后出的那个有什么特色?": a fact of the one it picks
                return Query("field", (chosen,), field=field, selector=f"{kind}:among")
            if len(talked_about) <= MAX_COMPARED and not asked.tags and kind in ranking.PLAIN:
                # "which came out first?" after "compare v2 and v3": the one it picks, beside the others
                return Query("compare", talked_about, selector=f"{kind}:among")
            return Query("list", (chosen,), selector=f"{kind}:among")
        chosen = self._pick(kind, asked.tags, tuple(select(self.kb, f"date:{asked.date}")) if asked.date else None)
        if not chosen:
            return None
        if (field := self._field_asked(kind, asked)) and not asked.asks_list:
            return Query("field", (chosen,), field=field, selector=kind)
        return Query("list", (chosen,), selector=kind)

    def _talked_about(self, asked: Asked, context: Context | None) -> tuple[str, ...] | None:
        """"which one is newer?": the models of the last answer; one model and the one before it ("R1 …",
        "V3 呢?", "哪个更早?")."""
        if not context:
            return None
        recent = context.models if len(context.models) > 1 else (*context.models, *context.earlier)
        if len(recent) < 2 or self.cues.every.find(asked.rest):  # "所有模型里最早的": every model
            return None
        if asked.asks_one or asked.rest in self.cues.pronouns:
            return recent
        # a ranking word alone ranks the few just talked about ("which came out first?", "哪个更大"), not "the
        # largest model"
        few = len(recent) <= MAX_COMPARED and not asked.asks_list and not self.cues.the_model.find(asked.rest)
        return recent if few else None

    @staticmethod
    def _field_asked(kind: str, asked: Asked) -> str | None:
        """A field asked of the model picked besides the one the superlative ranks by ("the largest model: when?")."""
        implied = {"largest": "parameters", "smallest": "parameters"}.get(kind, "released")
        # with a date given, "released" belongs to the filter, not to the question
        extra = [f for f in asked.fields if f != implied and not (asked.date and f == "released")]
        if extra:
            return extra[0]
        if implied == "released" and implied in asked.strong_fields and not asked.date and not asked.asks_one:
            return implied  # "the first open-source code model: which day?" asks its date
        return None

    def _pick(self, kind: str, tags: tuple[str, ...], among: tuple[str, ...] | None = None) -> str | None:
        tagged = [m for m in self.kb.models if set(tags) <= set(m.tags)] or list(self.kb.models)
        chosen = ranking.pick((m for m in tagged if among is None or m.id in among), kind)
        return chosen.id if chosen else None
