"""The article's own passages an answer came from: what the Source button, `/source` and the
contract's `source` show (bot.render.contract), so anyone can check an answer against the Chinese original."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core import ranking
from bot.core.knowledge import SOURCE_KEYS, KnowledgeBase, Model, NotCovered, Relation
from bot.core.query import Query
from bot.core.relations import stated

BY_SIZE = (*ranking.SIZES, "params", "active")  # rankings and filters by a parameter count
BY_DATE = ("newest", "earliest", "after", "before", "later", "earlier", "date", "date<", "date>")
COMPARED = ("released", "parameters", "features", "paper")  # what a comparison card shows


@dataclass(frozen=True)
class Passage:
    section: int
    heading: str  # the section's heading line, so a passage says whose it is
    text: str  # the article's lines, verbatim, one per line


@dataclass(frozen=True)
class Source:
    article: str  # the article's Chinese title
    date: str
    passages: tuple[Passage, ...]
    dated_by: str = ""  # whose date it is: the page that reposted the post


def quote(m: Model, key: str) -> str:
    """The article's words of one of the model's lines, without the line's label ("参数量:"): a piece of the
    article, character for character."""
    line = m.source[key]
    label, colon, words = line.partition(":")
    words = words.strip() if colon and len(label) <= 6 else line
    if key == "paper" and "》" in words:  # the title; what follows it is the paper's summary, quoted on its own
        words = words[:words.index("》") + 1]
    return words


def tag_line(m: Model, tag: str) -> str | None:
    """The field whose line holds the words that back the model's tag, or None when it has no such tag."""
    quote = m.tag_quotes.get(tag, {}).get("zh")
    return next((k for k, line in m.source.items() if k != "heading" and quote and quote in line), None)


def mention(kb: KnowledgeBase, query: Query) -> tuple[NotCovered, Model, Relation] | None:
    """For a declined name the article mentions only in another model's relation: that entry, model
    and relation (DeepSeek-Coder-v1.5 7B, named only as DeepSeekMath's base)."""
    kind, _, name = (query.reason or "").partition(":")
    entry = kb.uncovered(name) if kind == "unknown-model" else None
    if entry is None or entry.mentioned_by is None:
        return None
    model = kb.by_id[entry.mentioned_by]
    return entry, model, next(r for r in model.relations if entry.name in r.names)


def source_of(kb: KnowledgeBase, query: Query) -> Source | None:
    """The passages behind the answer to `query`; None when it states nothing from the article."""
    if query.intent == "none":
        found = mention(kb, query)
        lines = {found[1].id: [k for k, line in found[1].source.items() if found[0].name in line]} if found else {}
    elif relation := _relation_asked(query):
        lines = {}  # the line that states each relation, in the section of the model that states it
        for m, r in stated(kb, *relation):
            lines.setdefault(m.id, []).extend(k for k, line in m.source.items() if r.quote and r.quote in line)
        lines = lines or {mid: _keys(kb.by_id[mid], query) for mid in query.models}
    else:
        lines = {mid: _keys(kb.by_id[mid], query) for mid in query.models}
    passages = tuple(Passage(m.section, m.source["heading"], "\n".join(m.source[k] for k in keys))
                     for m, keys in ((kb.by_id[mid], keys) for mid, keys in lines.items()) if keys)
    if not passages:
        return None
    return Source(kb.article.title["zh"], kb.article.published.isoformat(), passages, kb.article.dated_by["en"])


def _relation_asked(query: Query) -> tuple[str, str] | None:
    """(model, kind) of a relation card ("relation:deepseek-math:based_on") or a claimed relation checked
    ("check:relation:based_on:…" of the model asked)."""
    selector = query.selector or ""
    if selector.startswith("relation:"):
        model, _, kind = selector.removeprefix("relation:").partition(":")
        return model, kind
    if selector.startswith("check:relation:") and query.models:
        return query.models[0], selector.removeprefix("check:relation:").partition(":")[0]
    return None


def _compared(selector: str | None) -> list[str]:
    """The lines a comparison rests on: those its card shows, or for a difference ("diff:released", after a
    claim: "check:earliest&diff:released") only the facts the difference and the claim read."""
    parts = [part.partition(":") for part in (selector or "").split("&")]
    if parts[0][2] == "among":  # "which came out first?" after a comparison: the figure it ranks by
        return [ranking.field_of(parts[0][0])]
    if not any(kind == "diff" for kind, _, _ in parts):
        return list(COMPARED)
    keys = [ranking.field_of(value) if kind == "check" else value for kind, _, value in parts]
    return list(dict.fromkeys(k for key in keys for k in (("released", "parameters") if key == "both" else (key,))))


def _keys(m: Model, query: Query) -> list[str]:
    """Which lines of a model's section the answer rests on."""
    # a combined selection ("undisclosed:parameters&count", "tag:moe&largest*2") rests on its first filter
    kind, _, value = (query.selector or "").split("&")[0].partition(":")
    if query.intent == "model":
        return [k for k in SOURCE_KEYS if k != "heading"]
    if query.intent == "compare":
        return _compared(query.selector)
    ranked_by = ["parameters"] if kind.startswith(BY_SIZE) else ["released"] if kind.startswith(BY_DATE) else []
    if query.intent == "field":
        return list(dict.fromkeys([query.field, *query.also, *ranked_by]))
    if kind == "tag":  # the line whose words back the tag
        return [key] if (key := tag_line(m, value)) else []
    if kind == "undisclosed":
        return [value]
    if kind == "search":
        return ["features"]
    return ranked_by or ["released", "parameters"]  # a list card shows each model's date and size


def merged(found: list[Source]) -> Source | None:
    """The passages behind several answers, one per section, each line once."""
    if not found:
        return None
    by_section: dict[int, tuple[str, list[str]]] = {}
    for passage in (p for source in found for p in source.passages):
        lines = by_section.setdefault(passage.section, (passage.heading, []))[1]
        lines += [line for line in passage.text.splitlines() if line not in lines]
    return Source(found[0].article, found[0].date, tuple(
        Passage(section, heading, "\n".join(lines)) for section, (heading, lines) in sorted(by_section.items())),
                  found[0].dated_by)
