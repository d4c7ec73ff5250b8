"""The components under an answer card, and what clicking them does.

Every button is a DynamicItem: its custom id carries all it needs (the resolved query and
a language), so a click is answered even after a restart, with no per-message state."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Callable
from typing import Any

import discord

from bot.core.engine import Engine
from bot.core.query import Query
from bot.render.cards import to_embed
from bot.render.timeline_files import filename, with_image

from .feedback import VoteButton, answer_id_of, vote_buttons
from .keys import CUSTOM_ID_LIMIT, compact_keys, expand_keys
from .replies import interaction_lang, report_error, send, send_note
from .translations import TRADITIONAL, engine_lang, in_script, note, other_lang, shown

log = logging.getLogger(__name__)

MAX_PICKS = 5  # one row of "did you mean" buttons


class LanguageButton(
    discord.ui.DynamicItem[discord.ui.Button],
    template=re.compile(r"qa:lang:(?P<lang>zh-TW|zh|en):(?P<key>.+)"),
):
    """Shows the same answer (every part of it) in the other language, in place."""

    def __init__(self, key: str, lang: str) -> None:
        # `lang` is the language this button switches to; its label is written in that language.
        super().__init__(
            discord.ui.Button(
                label=note("switch_to", other_lang(lang)),
                style=discord.ButtonStyle.secondary,
                emoji="🌐",
                custom_id=f"qa:lang:{lang}:{key}",
            )
        )
        self.queries = expand_keys(key)
        self.lang = lang

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> LanguageButton:
        return cls(match["key"], match["lang"])

    async def callback(self, interaction: discord.Interaction) -> None:
        # back to Chinese from English: in the script the one who clicks reads (their locale, the server's choice)
        lang = TRADITIONAL if self.lang == "zh" and interaction_lang(interaction) == TRADITIONAL else self.lang
        await show_answer(interaction, lambda engine: engine.answer_again(self.queries, engine_lang(lang)), lang)


class PickButton(
    discord.ui.DynamicItem[discord.ui.Button],
    template=re.compile(r"qa:pick:(?P<lang>zh-TW|zh|en):(?P<model>[\w.-]+)"),
):
    """One "did you mean" candidate; choosing it answers with that model's card."""

    def __init__(self, model_id: str, lang: str, label: str | None = None) -> None:
        super().__init__(
            discord.ui.Button(
                label=(label or model_id)[:80],
                style=discord.ButtonStyle.primary,
                custom_id=f"qa:pick:{lang}:{model_id}",
            )
        )
        self.model_id = model_id
        self.lang = lang

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> PickButton:
        return cls(match["model"], match["lang"], getattr(item, "label", None))

    async def callback(self, interaction: discord.Interaction) -> None:
        query = Query(intent="model", models=(self.model_id,))
        await show_answer(interaction, lambda engine: engine.answer(query, engine_lang(self.lang)), self.lang)


class SourceButton(
    discord.ui.DynamicItem[discord.ui.Button],
    template=re.compile(r"qa:src:(?P<lang>zh-TW|zh|en):(?P<key>.+)"),
):
    """Shows the clicker alone the article's own passages the answer (every part of it) came from."""

    def __init__(self, key: str, lang: str) -> None:
        super().__init__(
            discord.ui.Button(
                label=note("source", lang),
                style=discord.ButtonStyle.secondary,
                emoji="📜",
                custom_id=f"qa:src:{lang}:{key}",
            )
        )
        self.queries = expand_keys(key)
        self.lang = lang

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> SourceButton:
        return cls(match["key"], match["lang"])

    async def callback(self, interaction: discord.Interaction) -> None:
        engine = interaction.client.engine  # type: ignore[attr-defined]
        try:
            source = engine.source(self.queries, engine_lang(self.lang))  # the article's own characters
            if source is None:
                await send_note(interaction, "no_source", self.lang)
                return
            await send(interaction, embed=discord.Embed.from_dict(to_embed(source)), ephemeral=True)
        except Exception as exc:  # discord.py would only log it; the user gets a note as well
            await report_error(interaction, exc)


class TimelineButton(
    discord.ui.DynamicItem[discord.ui.Button],
    template=re.compile(r"qa:timeline:(?P<lang>zh-TW|zh|en)"),
):
    """Offered under the family card: the lineage as a picture, in place of the card."""

    def __init__(self, lang: str) -> None:
        super().__init__(
            discord.ui.Button(
                label=note("timeline_button", lang),
                style=discord.ButtonStyle.secondary,
                emoji="🕒",
                custom_id=f"qa:timeline:{lang}",
            )
        )
        self.lang = lang

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> TimelineButton:
        return cls(match["lang"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await show_answer(interaction, lambda engine: engine.answer(engine.listing("timeline"), engine_lang(self.lang)),
                          self.lang)


DYNAMIC_ITEMS = (LanguageButton, PickButton, SourceButton, TimelineButton, VoteButton)


def answer_view(answer: Any, engine: Any, answer_id: str | None = None,
                lang: str | None = None) -> discord.ui.View | None:
    """Buttons for an answer shown in `lang` (its own by default): its "did you mean" candidates (a row of
    their own), then the language switch, the article's passage, the timeline and, with an `answer_id`,
    👍 and 👎 (at most five)."""
    lang = lang or answer.lang
    view = discord.ui.View(timeout=None)
    for model_id in answer.query.suggestions[:MAX_PICKS]:
        view.add_item(PickButton(model_id, lang, in_script(model_label(engine, model_id, answer.lang), lang)))
    key = compact_keys(answer.queries)  # the parts of a message that asked several, each shown again
    buttons: list[discord.ui.DynamicItem[discord.ui.Button]] = []
    if key is not None and Engine.is_answerable(answer):
        buttons.append(LanguageButton(key, other_lang(lang)))
    if key is not None and answer.source is not None:
        buttons.append(SourceButton(key, lang))
    if answer.query.selector == "family":
        buttons.append(TimelineButton(lang))
    if answer_id is not None:
        buttons += vote_buttons(lang, answer_id, answer.query)
    for button in buttons:
        if len(button.custom_id) <= CUSTOM_ID_LIMIT:
            view.add_item(button)
        else:  # three parts may not fit: the card holds them all, the buttons that would show one go
            log.info("answer key too long for a button: %s", button.custom_id)
    return view if view.children else None


def model_label(engine: Any, model_id: str, lang: str) -> str:
    """The model's display name in `lang`, falling back to its id."""
    model = engine.kb.by_id.get(model_id)
    return model.name[lang] if model else model_id


def answer_message(answer: Any, engine: Any, answer_id: str | None = None,
                   lang: str | None = None) -> dict[str, Any]:
    """Keyword arguments for sending an answer shown in `lang` (its own by default; zh-TW: in Traditional):
    its card, its buttons, and never a ping."""
    lang = lang or answer.lang
    message: dict[str, Any] = {
        "embed": discord.Embed.from_dict(to_embed(shown(answer.reply, lang))),
        "allowed_mentions": discord.AllowedMentions.none(),
    }
    view = answer_view(answer, engine, answer_id, lang)
    if view is not None:
        message["view"] = view
    return message


async def answer_content(answer: Any, client: Any, answer_id: str | None = None, lang: str | None = None
                         ) -> dict[str, Any]:
    """`answer_message`, plus the timeline picture as an attachment when the answer is the timeline."""
    message = answer_message(answer, client.engine, answer_id, lang)
    if answer.query.selector == "timeline":
        png = await client.pictures.png(client.engine.kb, answer.lang)
        message["embed"] = discord.Embed.from_dict(with_image(message["embed"].to_dict(), answer.lang))
        message["files"] = [discord.File(io.BytesIO(png), filename=filename(answer.lang))]
    return message


async def show_answer(interaction: discord.Interaction, ask: Callable[[Any], Any], lang: str) -> None:
    """Replace the clicked message's card (and buttons) with the answer `ask(engine)` gives, shown in `lang`."""
    client = interaction.client
    try:
        # the votes stay with the question the card answers, whichever button changed the card
        answer_id = answer_id_of(interaction.message)
        message = await answer_content(ask(client.engine), client, answer_id, lang)  # type: ignore[attr-defined]
        message.setdefault("view", None)  # an answer without buttons clears the old ones
        message["attachments"] = message.pop("files", [])  # an edit replaces the old picture, if any
        await interaction.response.edit_message(**message)
    except Exception as exc:  # discord.py would only log it; the user gets a note as well
        await report_error(interaction, exc)
