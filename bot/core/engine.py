"""The question-answering engine: text in, answer out. One engine serves the console,
the batch contract and every Discord path; it imports nothing from discord."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path

from bot.core import ranking
from bot.core.answers import Composer
from bot.core.knowledge import KnowledgeBase, KnowledgeError, load_knowledge
from bot.core.language import reply_language
from bot.core.memory import Context, ConversationMemory
from bot.core.query import Query
from bot.core.reply import Reply
from bot.core.selection import parse, select
from bot.core.sources import Source, merged, source_of
from bot.core.understanding import Part, Understanding
from bot.core.understanding.reading import MAX_PARTS

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
    """What the engine answers: the parse, the reply language, the composed reply (rendered as text, an
    embed or the contract's object outside the core: bot.render) and the article's passages it rests on."""
    query: Query  # the first part's, for a message that asks several things
    lang: str
    reply: Reply
    source: Source | None  # None for a reply that states nothing from the article
    parts: tuple[Answer, ...] = ()  # each question of a message that asks several, in the order asked

    @property
    def queries(self) -> tuple[Query, ...]:
        """The parse of each question answered (one, unless the message asked several)."""
        return tuple(a.query for a in self.parts) or (self.query,)


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
        kb.normaliser.forget()  # the cue words normalised while building: ~0.6 MB no question reads again

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
        parts = self.understanding.read(text[:MAX_QUESTION_CHARS], self.memory.get(conversation))
        if len(parts) == 1:
            return self.answer(parts[0].query, lang, conversation)
        return self.answer_parts(parts, lang, conversation)

    def answer(self, query: Query, lang: str, conversation: str | None = None) -> Answer:
        """The answer to `query`; with a `conversation`, its follow-up memory keeps what the answer was about,
        whether the query came from a question or from a command (/model, /compare, /models)."""
        self._remember(conversation, query)
        return Answer(query, lang, self.composer.compose(query, lang), source_of(self.kb, query))

    def answer_parts(self, parts: list[Part], lang: str, conversation: str | None = None) -> Answer:
        """One reply to a message that asks several things: each part answered in the order asked, up to
        MAX_PARTS; the ones past them named as left for another message. The memory keeps the last one."""
        asked = parts[:MAX_PARTS]
        for part in asked:
            self._remember(conversation, part.query)
        answered = tuple(Answer(p.query, lang, self.composer.compose(p.query, lang, brief=True),
                                source_of(self.kb, p.query)) for p in asked)
        reply = self.composer.together([(p.text, p.query) for p in asked], [p.text for p in parts[MAX_PARTS:]], lang)
        return Answer(asked[0].query, lang, reply, merged([a.source for a in answered if a.source]), answered)

    def _remember(self, conversation: str | None, query: Query) -> None:
        if conversation is None or query.intent == "none" or not query.models:
            return  # an answer about no model leaves the memory as it was
        kind, _, among = (query.selector or "").partition(":")
        picks = among == "among" or kind == "pick"
        group = query.models if picks else ()
        if picked := self._picked(query):
            # "which is bigger?" or "which one is MoE?" after a comparison, then "how big is it?": the one it picked
            query = replace(query, intent="list", models=(picked,))
        context = self.memory.get(conversation)
        # the models of this answer, whatever its kind; a pick among the models just talked about keeps the others
        # beside it ("which one is bigger?" then "how big is it?" or "and which is older?"), and so does more about
        # the same model ("how big is it?" then "and the other one?")
        keeps = context and (picks or set(query.models) <= set(context.models))
        before = (*context.models, *context.earlier) if keeps else context.models if context else ()
        # (a pick's others first: "VL2 or Janus-Pro, which can make images?" then "what's the other one good at?")
        before = (*group, *before) if picked else before
        # one of the models just compared, asked about alone, keeps them together for "前者", "the latter", "both"
        compared = (context.group or (context.models if len(context.models) > 1 else ())) if context else ()
        group = group or (compared if set(query.models) < set(compared) else ())
        earlier = tuple(dict.fromkeys(m for m in before if m not in query.models))
        self.memory.remember(conversation, Context(query.models, query.intent, query.field, earlier, query.selector,
                                                   group))

    def _picked(self, query: Query) -> str | None:
        """The one model a comparison picks: by a ranking ("which is bigger?"), or the only one a tag, a date or a
        figure holds for ("which one is MoE?")."""
        if query.intent != "compare":
            return None
        kind, _, value = (query.selector or "").partition(":")
        models = [self.kb.by_id[m] for m in query.models]
        if value == "among":
            return picked.id if (picked := ranking.pick(models, kind)) else None
        held = [m.id for m in models if parse(value).filters[0].passes(m)] if kind == "pick" else []
        return held[0] if len(held) == 1 else None

    def listing(self, selector: str) -> Query:
        """The list query of a selector (a /models filter, the timeline) with the models it lists."""
        return Query("list", tuple(select(self.kb, selector)), selector=selector)

    def source(self, queries: tuple[Query, ...], lang: str) -> Reply | None:
        """The article's own passages behind the answers to `queries` (labels in `lang`), or None."""
        return self.composer.source(queries, lang)

    def answer_again(self, queries: tuple[Query, ...], lang: str) -> Answer:
        """An answer shown again from its parse alone (a button under a card, after a restart too): the
        parts of a message that asked several, each under its own title, or the one answer."""
        if len(queries) == 1:
            return self.answer(queries[0], lang)
        return self.answer_parts([Part("", q) for q in queries], lang)

    # --- entry points for commands and buttons -------------------------------------------------
    def help(self, lang: str) -> Answer:
        return self.answer(Query("none", reason="help"), lang)

    def not_covered(self, name: str, lang: str) -> Answer:
        """The decline for a model name the article does not cover (what it does cover, listed)."""
        return self.answer(Query("none", reason=f"unknown-model:{name[:40]}"), lang)

    @staticmethod
    def is_answerable(answer: Answer) -> bool:
        """Whether the reply answers something (any of the parts of a message that asks several)."""
        return any(a.query.intent != "none" for a in (answer.parts or (answer,)))

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
