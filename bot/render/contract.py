"""The answer contract's object (../shared/eval/CONTRACT.md, and docs/contract.md for `source` and `selector`
keys): an engine Answer as `python -m bot ask --json` and `--jsonl` print it."""

from __future__ import annotations

from bot.core.engine import Answer
from bot.core.query import Query
from bot.core.sources import Source
from bot.render.cards import to_embed, to_text
from bot.render.traditional import Traditional


def to_contract(answer: Answer, traditional: Traditional | None = None) -> dict:
    """The answer object; with `traditional`, a Chinese reply's text and card in Traditional characters
    (a question written in them: `lang` stays "zh", the passages of `source` the article's own)."""
    def shown(reply):
        return traditional.reply(reply) if traditional is not None and answer.lang == "zh" else reply

    contract = {
        "lang": answer.lang,
        **_parse(answer.query),
        "text": to_text(shown(answer.reply)),
        "card": to_embed(shown(answer.reply)),
        "source": source_object(answer.source),
    }
    if answer.parts:  # a message that asks several things: the top level describes the first part
        contract["parts"] = [{**_parse(part.query), "text": to_text(shown(part.reply))} for part in answer.parts]
    return contract


def _parse(query: Query) -> dict:
    return {
        "intent": query.intent,
        "models": list(query.models),
        "field": query.field if query.intent == "field" else None,
        # how a list was chosen, or what a field or comparison checks or computes (docs/contract.md: "selector")
        "selector": query.selector if query.intent in ("list", "field", "compare") else None,
    }


def source_object(source: Source | None) -> dict | None:
    """The article's passages an answer rests on, as the contract's `source` key; None for a decline."""
    if source is None:
        return None
    return {"article": source.article, "date": source.date, "dated_by": source.dated_by,
            "passages": [{"section": p.section, "heading": p.heading, "text": p.text} for p in source.passages]}
