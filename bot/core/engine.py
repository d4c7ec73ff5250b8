"""The question-answering engine: text in, answer out. One engine serves the console,
the batch contract and every Discord path; it imports nothing from discord."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from bot.core.answers import Composer
from bot.core.intents import Understanding
from bot.core.knowledge import KnowledgeBase, KnowledgeError, load_knowledge
from bot.core.language import reply_language
from bot.core.memory import ConversationMemory, Context
from bot.core.query import Query
from bot.render.cards import to_embed, to_text

log = logging.getLogger(__name__)
MAX_QUESTION_CHARS = 500


@dataclass(frozen=True)
class Answer:
    query: Query
    lang: str
    text: str
    card: dict

    def to_contract(self) -> dict:
        return {
            "lang": self.lang,
            "intent": self.query.intent,
            "models": list(self.query.models),
            "field": self.query.field if self.query.intent == "field" else None,
            "text": self.text,
            "card": self.card,
        }


class Engine:
    def __init__(self, kb: KnowledgeBase, memory: ConversationMemory | None = None):
        self.memory = memory or ConversationMemory()
        self._use(kb)

    @classmethod
    def from_folder(cls, folder: Path | str) -> Engine:
        return cls(load_knowledge(folder))

    def _use(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.understanding = Understanding(kb)
        self.composer = Composer(kb)

    def reload(self) -> str | None:
        """Read the knowledge folder again; on error keep the last good knowledge and say why."""
        try:
            self._use(load_knowledge(self.kb.folder))
        except KnowledgeError as exc:
            log.error("knowledge reload failed, keeping the last good knowledge:\n%s", exc)
            return str(exc)
        return None

    def ask(self, text: str, conversation: str | None = None, lang: str | None = None) -> Answer:
        lang = lang or reply_language(text)
        text = text[:MAX_QUESTION_CHARS]
        context = self.memory.get(conversation)
        query = self.understanding.understand(text, context)
        if query.intent != "none":
            self.memory.remember(conversation, Context(query.models, query.intent, query.field))
        return self.answer(query, lang)

    def answer(self, query: Query, lang: str) -> Answer:
        reply = self.composer.compose(query, lang)
        return Answer(query, lang, to_text(reply), to_embed(reply))
