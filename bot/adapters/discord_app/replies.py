"""Sending to an interaction, whether or not it has been answered yet, never pinging."""

from __future__ import annotations

import logging
from typing import Any

import discord

from .question_text import reply_lang
from .translations import note

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()


def chosen_lang(client: Any, guild_id: int | None, text: str, locale: discord.Locale | None = None) -> str:
    """The reply language: the question's own, else the server's choice, else (auto) the user's locale."""
    chosen = client.config.language(guild_id)
    if chosen != "auto":
        return reply_lang(text, None, chosen)
    return reply_lang(text, locale, client.settings.default_lang)


def interaction_lang(interaction: discord.Interaction, text: str = "") -> str:
    return chosen_lang(interaction.client, interaction.guild_id, text, interaction.locale)


async def send(interaction: discord.Interaction, **message: Any) -> None:
    """Respond to the interaction, or follow up if it was already responded to (deferred)."""
    message.setdefault("allowed_mentions", NO_MENTIONS)
    if interaction.response.is_done():
        await interaction.followup.send(**message)
    else:
        await interaction.response.send_message(**message)


async def send_note(interaction: discord.Interaction, key: str, lang: str, **values: object) -> None:
    """A short message only the user sees."""
    await send(interaction, content=note(key, lang, **values), ephemeral=True)


async def report_error(interaction: discord.Interaction, error: BaseException) -> None:
    """Log the failure and tell the user in one ephemeral line; a failure here is only logged."""
    log.error("interaction %s failed", _describe(interaction), exc_info=error)
    try:
        await send_note(interaction, "error", interaction_lang(interaction))
    except discord.HTTPException as exc:
        log.warning("could not report the error to the user: %s", exc)


def _describe(interaction: discord.Interaction) -> str:
    name = interaction.command.qualified_name if interaction.command else None
    custom_id = (interaction.data or {}).get("custom_id")
    return f"{interaction.type.name} {name or custom_id or ''} by user {interaction.user.id}"
