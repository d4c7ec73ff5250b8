"""The answer contract's object (../shared/eval/CONTRACT.md, and docs/contract.md for `source` and `selector`
keys): an engine Answer as `python -m bot ask --json` and `--jsonl` print it."""

from __future__ import annotations

from bot.core.engine import Answer
from bot.core.sources import Source
from bot.render.cards import to_embed, to_text
from bot.render.traditional import Traditional


def to_contract(answer: Answer, traditional: Traditional | None = None) -> dict:
    """The answer object; with `traditional`, a Chinese reply's text and card in Traditional characters
    (a question written in them: `lang` stays "zh", the passages of `source` the article's own)."""
    query = answer.query
    reply = traditional.reply(answer.reply) if traditional is not None and answer.lang == "zh" else answer.reply
    return {
        "lang": answer.lang,
        "intent": query.intent,
        "models": list(query.models),
        "field": query.field if query.intent == "field" else None,
        # how a list was chosen, or what a field or comparison checks or computes (docs/contract.md: "selector")
        "selector": query.selector if query.intent in ("list", "field", "compare") else None,
        "text": to_text(reply),
        "card": to_embed(reply),
        "source": source_object(answer.source),
    }


def source_object(source: Source | None) -> dict | None:
    """The article's passages an answer rests on, as the contract's `source` key; None for a decline."""
    if source is None:
        return None
    return {"article": source.article, "date": source.date,
            "passages": [{"section": p.section, "heading": p.heading, "text": p.text} for p in source.passages]}
