"""The question-answering engine: text in, answer out. One engine serves the console,
the batch contract and every Discord path; it imports nothing from discord."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from bot.core.answers import Composer
from bot.core.knowledge import KnowledgeBase, KnowledgeError, load_knowledge
from bot.core.language import reply_language
from bot.core.memory import Context, ConversationMemory
from bot.core.query import Query
from bot.core.reply import Reply
from bot.core.sources import Source, merged, source_of
from bot.core.understanding import Part, Understanding
from bot.core.understanding.reading import MAX_PARTS
from bot.render.cards import to_embed, to_text

log = logging.getLogger(__name__)
MAX_QUESTION_CHARS = 2000  # Discord's own limit for a message; past it, the rest is not read


def _files_state(folder: Path) -> tuple:
    """Each knowledge file's path, time and size: cheap to compare, and never opens a file."""
    state = []
    for path in folder.rglob("*.yaml"):
        try:
            info = path.stat()
        except OSError:  # a broken link or a link loop: noted as such, so fixing it counts as a change
            state.append((str(path), 0, -1))
        else:
            state.append((str(path), info.st_mtime_ns, info.st_size))
    return tuple(sorted(state))


@dataclass(frozen=True)
class Answer:
    query: Query
    lang: str
    text: str
    card: dict
    source: Source | None = None  # the article's passages it came from; None for a decline
    parts: tuple[Answer, ...] = ()  # each question of a message that asks several, in order

    def to_contract(self) -> dict:
        contract = {
            **_described(self.query),
            "lang": self.lang,
            "text": self.text,
            "card": self.card,
            "source": self.source.to_contract() if self.source else None,
        }
        if self.parts:  # the top level describes the first part (CONTRACT.md)
            contract["parts"] = [{**_described(p.query), "text": p.text} for p in self.parts]
        return contract


def _described(query: Query) -> dict:
    return {
        "intent": query.intent,
        "models": list(query.models),
        "field": query.field if query.intent == "field" else None,
        # how a list was chosen, or what a field or comparison checks or computes (README: "selector")
        "selector": query.selector if query.intent in ("list", "field", "compare") else None,
    }


@dataclass(frozen=True)
class Rendered:
    text: str
    card: dict


class Engine:
    def __init__(self, kb: KnowledgeBase, memory: ConversationMemory | None = None):
        self.memory = memory or ConversationMemory()
        self._use(kb)

    @classmethod
    def from_folder(cls, folder: Path | str) -> Engine:
        return cls(load_knowledge(folder))

    def _use(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._seen = _files_state(kb.folder)
        self.understanding = Understanding(kb)
        self.composer = Composer(kb)

    def reload(self) -> str | None:
        """Read the knowledge folder again; on any error keep the last good knowledge and say why."""
        try:
            self._use(load_knowledge(self.kb.folder))
        except Exception as exc:  # whatever a broken folder raises, the bot keeps answering
            error = str(exc) if isinstance(exc, KnowledgeError) else f"{self.kb.folder}: {type(exc).__name__}: {exc}"
            log.error("knowledge reload failed, keeping the last good knowledge:\n%s", error)
            return error
        return None

    def refresh(self) -> str | None:
        """Reload when a knowledge file changed since the last load (a cheap stat of each file).

        A broken edit is reported once and the last good knowledge stays in use."""
        try:
            state = _files_state(self.kb.folder)
        except Exception as exc:  # the folder went away or cannot be listed: note it and keep checking
            state = (repr(exc),)
        if state == self._seen:
            return None
        error = self.reload()
        self._seen = state
        return error

    def ask(self, text: str, conversation: str | None = None, lang: str | None = None) -> Answer:
        lang = lang or reply_language(text)
        text = text[:MAX_QUESTION_CHARS]
        context = self.memory.get(conversation)
        parts = self.understanding.read(text, context)
        for part in parts:
            context = self._remembered(conversation, part.query, context)
        if len(parts) == 1:
            return self.answer(parts[0].query, lang)
        return self.answer_parts(parts, lang)

    def _remembered(self, conversation: str | None, query: Query, context: Context | None) -> Context | None:
        """The context after an answer: its models, whatever its kind (an answer about no model leaves it as
        it was); a pick among the models just talked about keeps the others beside it ("which one is bigger?"
        then "how big is it?" or "and which is older?")."""
        if query.intent == "none" or not query.models:
            return context
        before = ((*context.models, *context.earlier) if (query.selector or "").endswith(":among")
                  else context.models) if context else ()
        earlier = tuple(dict.fromkeys(m for m in before if m not in query.models))
        context = Context(query.models, query.intent, query.field, earlier, query.selector)
        self.memory.remember(conversation, context)
        return context

    def answer(self, query: Query, lang: str) -> Answer:
        return self._answer(query, self.composer.compose(query, lang), lang)

    def _answer(self, query: Query, reply: Reply, lang: str, parts: tuple[Answer, ...] = ()) -> Answer:
        return Answer(query, lang, to_text(reply), to_embed(reply), source_of(self.kb, query), parts)

    def answer_parts(self, parts: list[Part], lang: str) -> Answer:
        """One reply to a message that asks several things: each part answered in the order asked, up to
        MAX_PARTS; the ones past them named as left for another message."""
        asked = parts[:MAX_PARTS]
        answered = [self._answer(p.query, self.composer.compose(p.query, lang, brief=True), lang) for p in asked]
        reply = self.composer.together([(p.text, p.query) for p in asked], [p.text for p in parts[MAX_PARTS:]], lang)
        source = merged([a.source for a in answered if a.source])
        return Answer(answered[0].query, lang, to_text(reply), to_embed(reply), source, tuple(answered))

    def source(self, query: Query, lang: str) -> Rendered | None:
        """The article's own passages behind the answer to `query` (labels in `lang`), or None."""
        reply = self.composer.source(query, lang)
        return Rendered(to_text(reply), to_embed(reply)) if reply else None

    # --- entry points for commands and buttons -------------------------------------------------
    def help(self, lang: str) -> Answer:
        return self.answer(Query("none", reason="help"), lang)

    def not_covered(self, name: str, lang: str) -> Answer:
        """The decline for a model name the article does not cover (what it does cover, listed)."""
        return self.answer(Query("none", reason=f"unknown-model:{name[:40]}"), lang)

    @staticmethod
    def is_answerable(answer: Answer) -> bool:
        return answer.query.intent != "none"

    def resolve_model(self, name: str) -> str | None:
        """The model a typed name means (id, alias, display name or a clear typo), else None."""
        if name in self.kb.by_id:
            return name
        typed = self.kb.normaliser(name[:MAX_QUESTION_CHARS])
        links = self.understanding.linker.link(typed)
        if len(links.models) == 1 and not links.unknown:
            return links.models[0]
        prefixed = {mid for alias, mid in self._names() if typed and alias.startswith(typed)}
        return prefixed.pop() if len(prefixed) == 1 else None

    def _names(self) -> list[tuple[str, str]]:
        """(normalised display name or alias, model id) for every model."""
        return [(self.kb.normaliser(name), m.id) for m in self.kb.models
                for name in (m.name["en"], m.name["zh"], *m.aliases)]

    def complete(self, text: str, limit: int = 25) -> list[tuple[str, str]]:
        """(display name, model id) choices for autocomplete: exact, then prefix, then fuzzy."""
        typed = self.kb.normaliser(text[:100])
        ranked: dict[str, int] = {m.id: 3 for m in self.kb.models} if not typed else {}
        for name, mid in self._names():
            tier = 0 if name == typed else 1 if name.startswith(typed) else 2 if typed in name else None
            if tier is not None:
                ranked[mid] = min(ranked.get(mid, tier), tier)
        for hit in self.understanding.linker.index.top_per_model(typed, cutoff=50, models=limit):
            ranked.setdefault(hit.model, 3)
        order = sorted(ranked, key=lambda mid: (ranked[mid], self.kb.by_id[mid].section))
        return [(self._choice_label(mid), mid) for mid in order[:limit]]

    def _choice_label(self, mid: str) -> str:
        m = self.kb.by_id[mid]
        return m.name["en"] if m.name["en"] == m.name["zh"] else f"{m.name['en']} / {m.name['zh']}"

    def filters(self, lang: str) -> list[tuple[str, str]]:
        """(label, selector) for every list filter: all, each tag, each release year."""
        years = sorted({m.released.year for m in self.kb.models if m.released})
        return ([(self.composer.list_title("all", lang), "all")]
                + [(self.kb.tag_name(tag, lang), f"tag:{tag}") for tag in self.kb.lexicon["tags"]]
                + [(str(year), f"date:{year}") for year in years])
