"""A part that names a model by what the article says of it ("the FP8 one: how big?", "那个 671B 的和 R1 比一下"):
once the description is resolved to the model, the part is answered as if it named it."""

from __future__ import annotations

import functools

from bot.core.cues import Cues
from bot.core.describe import Described, Describer
from bot.core.memory import Context
from bot.core.operators import Operators
from bot.core.query import Query
from bot.core.understanding.asked import Asked
from bot.core.understanding.named import NamedQuestions


class DescribedQuestions:
    def __init__(self, cues: Cues, describer: Describer, operators: Operators, named: NamedQuestions):
        self.cues, self.describer, self.operators, self.named = cues, describer, operators, named

    def frame(self, rest: str, foreign: list[str], context: Context | None) -> Query | None:
        """The query of a part about a described model; None when the part describes none, or asks nothing of it."""
        asked = Asked.read(self.cues, rest)
        if not self._asks_of_a_description(asked, foreign, context):
            return None
        described = self.describer.resolve(rest, foreign)
        if described is None:
            return None
        if described.candidates:  # the article describes more than one model so: offer them
            return Query("none", reason="no-model", suggestions=described.models)
        if len(described.models) > 1:
            return self._several(described, asked, context)
        # described by a model it is compared with ("the one that matches o1"): the comparison is the description's,
        # not one with the model talked about before
        return self._one(described, None if foreign else context)

    def _asks_of_a_description(self, asked: Asked, foreign: list[str], context: Context | None) -> bool:
        cues, rest = self.cues, asked.rest
        asks = (asked.strong_fields or rest in cues.compare or asked.superlative or cues.relation_in(rest)
                or ((foreign or rest in cues.described) and not asked.asks_one))  # "the fp8 one, is it …?"
        if asked.asks_list or not asks:
            return False
        # "how big is it?" is about the model before; "那个用 FP8 的呢" describes another
        if not (context and rest in cues.pronouns and rest not in cues.described):
            return True
        # ... and so does a description of its own before "its" ("the 67b llm, what's its paper?"): by a figure
        # or by a model it is compared with
        described = self.describer.resolve(rest, foreign)
        return bool(described and not described.candidates and (described.by_figure or foreign))

    def _several(self, described: Described, asked: Asked, context: Context | None) -> Query | None:
        """"the 671b one vs the 236b one": how far apart, which is newer."""
        if not (asked.rest in self.cues.compare or asked.superlative):
            return None
        return (self.operators.understand(list(described.models), asked.rest, context)
                or Query("compare", described.models, selector=asked.superlative))

    def _one(self, described: Described, context: Context | None) -> Query:
        """From here on the described model is a named one: checks and differences too."""
        cues, rest = self.cues, described.rest
        stripped = cues.fields["parameters"].strip(cues.figure.sub(" ", rest)) if described.by_figure else rest
        if described.by_figure and rest in cues.overview and set(cues.fields_in(stripped)) <= {"parameters"}:
            # "tell me about the one that has 7B and 67B base/chat versions": its sizes described it; its card is asked
            return Query("model", described.models)
        if described.by_figure and (cues.fields_in(stripped) or rest in cues.which_one):
            # "37B active params, when?", "which one has 1B and 7B versions?", "2360 亿参数的那个,为啥…": the
            # figures described it; what is asked is in the other words
            rest = stripped
        elif rest in cues.described and cues.strong_fields_in(rest):
            # "那个视觉语言的 MoE 模型有论文吗": the kinds described it, a field is asked of it (no kind claimed)
            rest = functools.reduce(lambda words, tag: tag.strip(words), cues.tags.values(), rest)
        models = list(described.models)
        return self.operators.understand(models, rest, context) or self.named.frame(models, rest, context)
