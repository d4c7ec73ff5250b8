"""Relations between models, exactly as the model files state them (kind, models, text):
"DeepSeekMath 的底座是什么", "which models use the DeepSeekMoE idea". Nothing here knows a model."""

from __future__ import annotations

from bot.core.knowledge import KnowledgeBase, Model, Relation


def stated(kb: KnowledgeBase, model: str, kind: str) -> list[tuple[Model, Relation]]:
    """Every relation of `kind` the files state with `model` on either side, as (the model stating it, relation)."""
    return [(m, r) for m in kb.models for r in m.relations
            if r.kind == kind and (m.id == model or model in r.models)]


def related(kb: KnowledgeBase, model: str, kind: str) -> list[str]:
    """The models on the other side of `model`'s relations of `kind`; the model itself when the other side
    is not one of the article's models (DeepSeekMath's base); none when no such relation is stated."""
    found = stated(kb, model, kind)
    others = [mid for m, r in found for mid in (r.models if m.id == model else (m.id,)) if mid != model]
    return list(dict.fromkeys(others)) or ([model] if found else [])
