"""Stage 4, resolve: what "it", "they", "这两个", or a question with no subject at all refers to.

In: each part of a message in turn, and the conversation's context before the message. Out: the context
the part is read in (the models it refers to: the part before it in the message, else the conversation),
and for a part that refers to a model the article does not cover ("what's V3.2-Exp? what even is it",
"Coder-V3 是啥,比 Coder V2 强多少") the decline it shares with the part that named it.

The frames stage reads a context as the models "it" means; here the bookkeeping of which context that is,
part after part, and the words that pick among the models talked about (`References`: "the other one", "前者" /
"the latter", "their" / "它们")."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.core.cues import alternation
from bot.core.knowledge import KnowledgeBase
from bot.core.memory import Context
from bot.core.query import Query


@dataclass
class Discourse:
    context: Context | None  # what the next part refers to
    uncovered: Query | None = None  # the decline of the last part, when it named a model the article does not cover
    act: Query | None = None  # the decline of the last part, when it was an act the article cannot hold (an error)

    def refer_to(self, models: tuple[str, ...]) -> None:
        """A clause before the question named or described these ("I've been reading about V3, when …")."""
        self.context = Context(models, "model", None)
        self.uncovered = None

    def after(self, query: Query) -> Query:
        """Take in a part's answer; a decline with nothing of its own is about what the message was about."""
        if query.intent == "none" and not query.about and self.context and not (query.reason or "").startswith(
                "unknown-model:"):
            query = replace(query, about=self.context.models)  # "… ? can i use it commercially?": still it
        if query.models and query.intent != "none":  # the next part may say "it" of these
            self.context = Context(query.models, query.intent, query.field,
                                   self.context.models if self.context else (), query.selector)
        elif query.about:
            self.context = Context(query.about, "model", None)
        self.uncovered = query if (query.reason or "").startswith("unknown-model:") else None
        self.act = query if (query.reason or "").startswith("act:") else None
        return query


class References:
    """Words that pick among the models talked about (the lexicon's `followup`: other, former, latter, plural)."""

    def __init__(self, kb: KnowledgeBase):
        followup, self.kb = kb.lexicon["followup"], kb

        def words(key: str) -> re.Pattern:
            return re.compile(alternation(followup[key], loose=True), re.IGNORECASE)

        self._other, self._plural = words("other"), words("plural")
        # "那它的 V2 版呢?", "and its v2?": the version of the family of the model talked about
        self._its_version = re.compile(rf"(?:{alternation(followup['it'], loose=True)})\s*(?P<v>v\s?\d+(?:\.\d+)?)"
                                       r"(?:\s*(?:版本|版|version))?", re.IGNORECASE)
        self._aliases = kb.alias_keys()
        self._which_of_two = {"former": (words("former"), 0), "latter": (words("latter"), -1)}
        self._original = words("original")
        self._it = re.compile(rf"(?<![a-z])(?:{alternation(followup['it'], loose=True)})(?![a-z])", re.IGNORECASE)

    def named(self, text: str, context: Context | None) -> str:
        """"what about the other one?", "另一个呢": the model talked about before the last one, by its name; "前者",
        "the latter": of the two just talked about, the one named first or last, "the original one" the one the other
        is a later version of; "it" after a list, the one model talked about before it; "its V2": that version of
        its family."""
        if not context:
            return text
        two = context.group or context.models
        for pattern, index in self._which_of_two.values():
            if len(two) == 2 and (found := pattern.search(text)):
                return self._name_at(text, found, two[index])
        if len(two) == 2 and (found := self._original.search(text)) and (first := self._came_from(*two)):
            return self._name_at(text, found, first)
        others = [m for m in context.earlier if m not in context.models] if len(context.models) == 1 else []
        if others and (found := self._other.search(text)):
            return self._name_at(text, found, others[0])
        if len(context.models) > 2 and len(context.earlier) == 1 and not self._plural.search(text) and (
                found := self._it.search(text)):
            # "1. what is DeepSeekMoE 2. which models use MoE 3. what's its paper": "its", one model, is the one
            # talked about before the list, not every model of it
            return self._name_at(text, found, context.earlier[0])
        if len(context.models) == 1 and (found := self._its_version.search(text)) and (
                version := self._version_of(context.models[0], found["v"].replace(" ", "").lower())):
            return self._name_at(text, found, version)
        return text

    def _came_from(self, a: str, b: str) -> str | None:
        """Of two models, the one the other is a later version of by its name (DeepSeek Coder, of it and
        DeepSeek-Coder V2), or None."""
        name_a, name_b = (self.kb.normaliser(self.kb.by_id[m].name["en"]) for m in (a, b))
        return a if name_b.startswith(f"{name_a} ") else b if name_a.startswith(f"{name_b} ") else None

    def _version_of(self, model: str, version: str) -> str | None:
        """Another version of the model's family ("coder" and "v2": DeepSeek-Coder V2), or None."""
        families = [key[0] for key, m in self._aliases.items() if m == model and len(key) == 1]
        found = next((self._aliases[(f, version)] for f in families if (f, version) in self._aliases), None)
        return found if found != model else None

    def plural(self, text: str) -> bool:
        """It says "they", "它们", "both" of the models talked about."""
        return bool(self._plural.search(text))

    def widened(self, text: str, context: Context | None) -> Context | None:
        """"their papers?", "它们的论文呢" after a pick among a few: the few, not the one picked; after talk of one
        model and then another ("V2 多大", "V3 呢"), the two. None where the text says no such word."""
        if not context or not self._plural.search(text):
            return None
        group = context.group or (context.models if len(context.models) > 1
                                  else (*context.models, *context.earlier[:1]))
        return replace(context, models=tuple(group), earlier=(), group=()) if len(group) > 1 else None

    def _name_at(self, text: str, found: re.Match, model: str) -> str:
        return f"{text[:found.start()]}{self.kb.by_id[model].name['en']}{text[found.end():]}"
