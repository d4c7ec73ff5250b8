"""Stage 4, resolve: what "it", "they", "这两个", or a question with no subject at all refers to.

In: each part of a message in turn, and the conversation's context before the message. Out: the context
the part is read in (the models it refers to: the part before it in the message, else the conversation),
and for a part that refers to a model the article does not cover ("what's V3.2-Exp? what even is it",
"Coder-V3 是啥,比 Coder V2 强多少") the decline it shares with the part that named it.

The frames stage reads a context as the models "it" means; here only the bookkeeping of which context
that is, part after part."""

from __future__ import annotations

from dataclasses import dataclass, replace

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
