"""👍 and 👎 under an answer card, and the "what did you expect?" form of a 👎.

The buttons are DynamicItems, so a click is handled after a restart too: the custom id carries
the vote, the language, the answer's id and (when it fits) the answer's query."""

from __future__ import annotations

import re
from typing import Any

import discord

from bot.core.query import Query
from bot.insights.records import MAX_NOTE_CHARS

from .keys import CUSTOM_ID_LIMIT, compact_key, expand_key
from .replies import report_error, send_note
from .translations import engine_lang, note

NOTE_TIMEOUT_SECONDS = 15 * 60
VOTE_ID = re.compile(r"qa:vote:(?P<vote>up|down):(?P<lang>zh-TW|zh|en):(?P<answer>[0-9a-f]+)(?::(?P<key>.+))?")


class VoteButton(discord.ui.DynamicItem[discord.ui.Button], template=VOTE_ID):
    def __init__(self, up: bool, lang: str, answer_id: str, query: Query | None) -> None:
        custom_id = f"qa:vote:{'up' if up else 'down'}:{lang}:{answer_id}"
        if query is not None and len(with_key := f"{custom_id}:{compact_key(query)}") <= CUSTOM_ID_LIMIT:
            custom_id = with_key  # else a vote after a restart is kept without the parse
        super().__init__(discord.ui.Button(style=discord.ButtonStyle.secondary, emoji="👍" if up else "👎",
                                           custom_id=custom_id))
        self.up, self.lang, self.answer_id, self.query = up, lang, answer_id, query

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> VoteButton:
        query = expand_key(match["key"]) if match["key"] else None
        return cls(match["vote"] == "up", match["lang"], match["answer"], query)

    async def callback(self, interaction: discord.Interaction) -> None:
        client: Any = interaction.client
        try:
            shown = client.miss_log.record(_card_title(interaction), client.engine.answer(
                self.query or Query("none"), engine_lang(self.lang)), interaction.guild_id)
            client.miss_log.vote(interaction.user.id, self.answer_id, self.up, interaction.guild_id, shown,
                                 parse_known=self.query is not None)
            if self.up:
                await send_note(interaction, "vote_thanks", self.lang)
            else:  # a modal must be the first response to the click
                await interaction.response.send_modal(NoteForm(self.lang, self.answer_id))
        except Exception as exc:  # discord.py would only log it; the user gets a note as well
            await report_error(interaction, exc)


class NoteForm(discord.ui.Modal):
    """"What did you expect?": optional, at most MAX_NOTE_CHARS characters."""

    def __init__(self, lang: str, answer_id: str) -> None:
        super().__init__(title=note("vote_form_title", lang), timeout=NOTE_TIMEOUT_SECONDS,
                         custom_id=f"qa:note:{answer_id}")
        self.lang, self.answer_id = lang, answer_id
        self.expected: discord.ui.TextInput = discord.ui.TextInput(
            label=note("vote_form_label", lang), style=discord.TextStyle.paragraph, required=False,
            max_length=MAX_NOTE_CHARS)
        self.add_item(self.expected)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        client: Any = interaction.client
        client.miss_log.note(interaction.user.id, self.answer_id, interaction.guild_id, self.expected.value or "")
        await send_note(interaction, "vote_thanks", self.lang)

    async def on_error(self, interaction: discord.Interaction, error: Exception, /) -> None:
        await report_error(interaction, error)


def vote_buttons(lang: str, answer_id: str, query: Query) -> list[VoteButton]:
    return [VoteButton(True, lang, answer_id, query), VoteButton(False, lang, answer_id, query)]


def answer_id_of(message: discord.Message | None) -> str | None:
    """The answer id the vote buttons on `message` carry, if any."""
    for row in getattr(message, "components", None) or []:
        for component in getattr(row, "children", []):
            if found := VOTE_ID.fullmatch(getattr(component, "custom_id", "") or ""):
                return found["answer"]
    return None


def _card_title(interaction: discord.Interaction) -> str:
    """After a restart the question is no longer known: the card's title stands in for it."""
    embeds = interaction.message.embeds if interaction.message else []
    return (embeds[0].title if embeds and embeds[0].title else "") or "?"
