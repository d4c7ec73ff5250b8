"""The few engine calls the Discord layer needs beyond ask/answer, in one place.

Each uses the engine's own method when it has one; the fallbacks here read the same
knowledge base (names, aliases, tags, dates), so there is still one source of truth."""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz, process

from bot.core.normalise import tokens_of
from bot.core.query import Query

FUZZY_CUTOFF = 60.0
FUZZY_MIN_CHARS = 3  # short codes (r1, v3) only match exactly or as a prefix


def complete(engine: Any, text: str, limit: int = 25) -> list[tuple[str, str]]:
    """(display name, model id) for what is typed: exact, then prefix, then fuzzy matches."""
    if hasattr(engine, "complete"):
        return engine.complete(text, limit=limit)
    kb = engine.kb
    names = _names(kb)
    typed = " ".join(tokens_of(kb.normaliser(text)))
    if not typed:
        ranked = [m.id for m in kb.models]
    else:
        exact = [mid for alias, mid in names if alias == typed]
        prefix = [mid for alias, mid in names if alias.startswith(typed)]
        fuzzy = [] if len(typed) < FUZZY_MIN_CHARS else [names[i][1] for _, _, i in process.extract(
            typed, [alias for alias, _ in names], scorer=fuzz.WRatio, score_cutoff=FUZZY_CUTOFF, limit=None)]
        ranked = exact + prefix + fuzzy
    seen: dict[str, None] = dict.fromkeys(ranked)  # first occurrence wins, order kept
    return [(_display(kb.by_id[mid]), mid) for mid in list(seen)[:limit]]


def resolve_model(engine: Any, name: str) -> str | None:
    """The model id for a typed name, alias or id; None when it is not exactly one model."""
    if hasattr(engine, "resolve_model"):
        return engine.resolve_model(name)
    kb = engine.kb
    if name in kb.by_id:
        return name
    return kb.alias_keys().get(tuple(tokens_of(kb.normaliser(name))))


def filters(engine: Any, lang: str) -> list[tuple[str, str]]:
    """(label, list selector) pairs for /models: every tag, then every release year."""
    if hasattr(engine, "filters"):
        return engine.filters(lang)
    kb = engine.kb
    tags = dict.fromkeys(tag for m in kb.models for tag in m.tags)
    years = sorted({m.released.year for m in kb.models if m.released})
    return [(kb.tag_name(tag, lang), f"tag:{tag}") for tag in tags] + [(str(y), f"year:{y}") for y in years]


def help_answer(engine: Any, lang: str) -> Any:
    if hasattr(engine, "help"):
        return engine.help(lang)
    return engine.answer(Query(intent="none", reason="help"), lang)


def is_answerable(engine: Any, answer: Any) -> bool:
    if hasattr(engine, "is_answerable"):
        return engine.is_answerable(answer)
    return answer.query.intent != "none"


def _display(model: Any) -> str:
    en, zh = model.name["en"], model.name["zh"]
    return en if en == zh else f"{en} / {zh}"


_NAMES: dict[int, tuple[Any, list[tuple[str, str]]]] = {}


def _names(kb: Any) -> list[tuple[str, str]]:
    """Every normalised name and alias -> model id, built once per loaded knowledge base."""
    hit = _NAMES.get(id(kb))
    if hit is not None and hit[0] is kb:
        return hit[1]
    pairs = [
        (" ".join(tokens_of(kb.normaliser(alias))), m.id)
        for m in kb.models
        for alias in (m.name["en"], m.name["zh"], m.id, *m.aliases)
    ]
    names = list(dict.fromkeys(pairs))
    _NAMES.clear()  # after a reload only the new knowledge matters
    _NAMES[id(kb)] = (kb, names)
    return names
