"""Messages read as questions: mentions of the bot, DMs, and the configured question channels."""

from __future__ import annotations

import logging
import math
from typing import Any

import discord

from bot.storage import GuildConfig

from .question_text import MAX_QUESTION_CHARS, clean_question, is_too_long
from .rate_limit import wait_seconds
from .replies import NO_MENTIONS, chosen_lang
from .translations import engine_lang, note
from .views import answer_content

log = logging.getLogger(__name__)


def in_question_channel(message: discord.Message, config: GuildConfig) -> bool:
    channel, guild_id = message.channel, message.guild and message.guild.id
    # A thread opened under a question channel is part of that conversation space.
    parent_id = getattr(channel, "parent_id", None)
    return config.is_question_channel(guild_id, channel.id) or (
        parent_id is not None and config.is_question_channel(guild_id, parent_id))


def question_from(message: discord.Message, bot_id: int) -> str:
    names: dict[int, str] = {user.id: user.display_name for user in message.mentions}
    names.update({role.id: role.name for role in message.role_mentions})
    names.update({channel.id: f"#{channel.name}" for channel in message.channel_mentions})
    return clean_question(message.content, names=names, drop_ids=frozenset({bot_id}))


async def handle_message(client: Any, message: discord.Message) -> None:
    """Answer `message` if it is meant for the bot; never raise."""
    me = client.user
    if me is None or message.author.bot or message.author.id == me.id:
        return
    addressed = message.guild is None or me in message.mentions
    if not addressed and not in_question_channel(message, client.config):
        return
    try:
        await _answer(client, message, addressed=addressed)
    except discord.Forbidden as exc:
        log.warning("no permission to answer in channel %s: %s", message.channel.id, exc.text)
    except discord.HTTPException as exc:
        log.warning("Discord refused the answer in channel %s: %s %s",
                    message.channel.id, exc.status, exc.text)
    except Exception:
        log.exception("failed to answer message %s in channel %s", message.id, message.channel.id)
        if addressed:
            await _reply(message, content=note("error", client.settings.default_lang), quiet=True)


async def _answer(client: Any, message: discord.Message, *, addressed: bool) -> None:
    text = question_from(message, client.user.id)
    guild_id = message.guild.id if message.guild else None
    lang = chosen_lang(client, guild_id, text)
    if not text or is_too_long(text):
        # In a question channel this is just chat; only a direct address deserves a note.
        if addressed:
            key = "too_long" if text else "empty"
            await _reply(message, content=note(key, lang, limit=MAX_QUESTION_CHARS))
        return

    user_id = message.author.id

    def ask() -> Any:
        return client.engine.ask(text, conversation=f"{user_id}:{message.channel.id}", lang=engine_lang(lang))

    answer = None
    if not addressed:
        answer = ask()
        if not client.engine.is_answerable(answer):
            return  # a question channel hears chat too: stay out of it
    wait = wait_seconds(client, guild_id, user_id)
    if wait:
        # Addressed to the bot: never dropped without a word (once per channel until allowed again).
        if addressed and client.rate_limit.first_refusal(user_id, message.channel.id):
            await _reply(message, content=note("rate_limited", lang, seconds=math.ceil(wait)))
        return
    await _show_typing(message.channel)
    answer = answer or ask()
    answer_id = client.miss_log.answer_id(message.id) if client.miss_log.enabled(guild_id) else None
    await _reply(message, **await answer_content(answer, client, answer_id, lang))
    if answer_id is not None:
        # after the reply: it never waits for this
        client.miss_log.answered(text, answer, guild_id, answer_id, asker=(user_id, message.channel.id))


async def _show_typing(channel: discord.abc.Messageable) -> None:
    try:
        await channel.typing()  # one trigger: the answer follows within milliseconds
    except discord.HTTPException as exc:
        log.debug("typing indicator refused in %s: %s", getattr(channel, "id", "?"), exc)


async def _reply(message: discord.Message, *, quiet: bool = False, **content: Any) -> None:
    content.setdefault("allowed_mentions", NO_MENTIONS)
    # A reply to a message deleted meanwhile still goes out, just without the reference.
    reference = message.to_reference(fail_if_not_exists=False)
    try:
        await message.channel.send(reference=reference, mention_author=False, **content)
    except discord.HTTPException:
        if not quiet:
            raise
        log.warning("could not send a note in channel %s", message.channel.id)
