"""What a question asked, as the maintainer's report groups it, read from the parse the engine made of it.

A decline the engine recognised by its kind is grouped by that kind (`asked`) and the models asked about,
whatever its wording and language:

- what the question does that the article cannot hold: `act:future`, `act:howto`, `act:error`, `act:request`;
- a topic beyond the article, by kind: `topic:price`, `topic:running`, ... (lexicon.yaml, `beyond_article`);
- a model the article does not cover: `unknown-model` for DeepSeek's own (read by the family's naming pattern:
  V3.1, R2, R1-0528), `foreign-model` for another company's (GPT-4) or a name nothing reads; `uncovered` holds the
  name, normalised without the brand ("r2", "v3.1"), so "DeepSeek-R2" and "r2" are one;
- a fact of a variant the article does not describe: `variant:<field>` ("V2-Lite 多大": `variant:parameters`),
  the covered model in `about`, the variant in `uncovered`;
- small talk: `smalltalk:<kind>`.

What the engine did not recognise (no model, out of scope, a named model asked something the article does not
say: `beyond`) and every answer (a 👎, a near miss, a rephrasing: the parse is what the bot answered, not what
was asked) is grouped by its wording: `asked` is "" and `wording` the text the wording groups compare."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from bot.core.normalise import tokens_of
from bot.insights.records import MissRecord

BY_WORDING = ""  # `asked` of a record its wording groups
OWN_CLASSES = ("act", "topic", "smalltalk", "help")  # reasons that are a class of their own, whole
MAX_NAME_CHARS = 80


class Reader:
    """Reads records with the engine's current knowledge (a hot reload included)."""

    def __init__(self, engine: Any) -> None:
        self._engine = engine

    def read(self, record: MissRecord) -> MissRecord:
        """The record with what was asked filled in, from its parse."""
        kind, _, detail = (record.reason or "").partition(":")
        about, uncovered = record.about, None
        if record.intent != "none":
            asked = BY_WORDING
            if kind == "variant":  # the covered model's card, with a note on the variant ("V2-Lite 是什么")
                uncovered = self.name_key(detail)
        elif kind in OWN_CLASSES:
            asked = record.reason or ""
        elif kind == "unknown-model":
            asked = "unknown-model" if self.is_deepseek(detail) else "foreign-model"
            uncovered = self.name_key(detail)
        elif kind == "variant" and detail.count(":") >= 2:
            model, asked_field, typed = detail.split(":", 2)
            asked = f"variant:{asked_field}" if asked_field else "variant"
            about, uncovered = (model,), self.name_key(typed)
        else:  # no-model, out-of-scope, beyond:<model>
            asked = BY_WORDING
        wording = self.wording(record.question) if asked == BY_WORDING else None
        return replace(record, asked=asked, about=about, uncovered=uncovered, wording=wording)

    def wording(self, question: str) -> str:
        """What a question says besides the names of models the bot knows, as tokens: "V3 几时出的" and
        "R1 几时出的" are one wording, "ds3 什么时候发布" keeps its unknown "ds3"."""
        normalised = self._engine.kb.normaliser(question)
        return " ".join(tokens_of(self._engine.understanding.linker.link(normalised).rest or normalised))

    def content_words(self, question: str) -> set[str]:
        """The wording's words less stop words: what two wordings of one question share."""
        stop = self._engine.understanding.cues.stopwords
        return {t for t in self.wording(question).split() if t not in stop["en"] and t not in stop["zh"]}

    def name_key(self, name: str) -> str:
        """A name as one key however typed: normalised, without the brand ("DeepSeek-R2" and "r2": "r2")."""
        kb = self._engine.kb
        brands = {kb.normaliser(b) for b in kb.lexicon["names"]["brands"]}
        tokens = kb.normaliser(name).split()
        while len(tokens) > 1 and tokens[0] in brands:
            tokens = tokens[1:]
        return " ".join(tokens)[:MAX_NAME_CHARS] or name.strip().lower()[:MAX_NAME_CHARS]

    def is_deepseek(self, name: str) -> bool:
        """Whether the family's naming pattern reads `name` as a DeepSeek model (not another company's)."""
        kb = self._engine.kb
        return bool(self._engine.understanding.linker.link(kb.normaliser(name), name).unknown)

    def closest(self, name: str) -> str | None:
        """The covered model closest to a DeepSeek name by the naming pattern ("R2" -> R1), if any."""
        kb = self._engine.kb
        links = self._engine.understanding.linker.link(kb.normaliser(name), name)
        return next(iter(links.near or links.models), None)
