"""The timeline pictures' names: the attachment a card shows, and the file each knowledge
version's picture is kept in. Shared by the child that draws them (`bot.render.timeline`) and the
Discord bot that attaches them, which so never loads the drawing code."""

from __future__ import annotations

import hashlib
from pathlib import Path

from bot.core.knowledge import KnowledgeBase


def filename(lang: str) -> str:
    """The attachment name Discord shows; the embed refers to it as attachment://<name>."""
    return f"deepseek-timeline-{lang}.png"


def with_image(card: dict, lang: str) -> dict:
    """A copy of an embed dict that shows the attached timeline picture."""
    return {**card, "image": {"url": f"attachment://{filename(lang)}"}}


def knowledge_version(kb: KnowledgeBase) -> str:
    # The knowledge's content, not the object: a reload that changes nothing keeps the picture.
    return hashlib.sha256(repr((kb.article, kb.models, kb.lexicon.get("tags"))).encode()).hexdigest()[:16]


def cached_path(folder: Path, kb: KnowledgeBase, lang: str) -> Path:
    """Where the picture of this knowledge in `lang` is kept, across restarts."""
    return folder / f"timeline-{knowledge_version(kb)}-{lang}.png"
