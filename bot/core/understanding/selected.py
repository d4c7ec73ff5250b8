"""Queries whose models the knowledge selects: a selector's list, the model just before or after one, the
models one is related to."""

from __future__ import annotations

from bot.core.knowledge import KnowledgeBase
from bot.core.query import Query
from bot.core.selection import select


def selected(kb: KnowledgeBase, selector: str) -> Query:
    return Query("list", tuple(select(kb, selector)), selector=selector)


def neighbour(kb: KnowledgeBase, model: str, direction: str) -> str | None:
    """The model released right after (`direction` "after") or right before a model."""
    every = select(kb, f"{'later' if direction == 'after' else 'earlier'}:{model}")
    return (every[0] if direction == "after" else every[-1]) if every else None


def relation(kb: KnowledgeBase, model: str, kind: str) -> Query:
    """The links the files state; of one model's own link to a model outside the article's list ("what is
    DeepSeekMath built on?": DeepSeek-Coder-v1.5 7B), a fact of that model: the field whose line states it."""
    query = selected(kb, f"relation:{model}:{kind}")
    m = kb.by_id[model]
    quoted = [r.quote for r in m.relations if r.kind == kind and r.quote and not r.models]
    line = next((key for key, text in m.source.items() if key != "heading" and any(q in text for q in quoted)),
                None)
    return Query("field", (model,), field=line, selector=query.selector) if line else query
