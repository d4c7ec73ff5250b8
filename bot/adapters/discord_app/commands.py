"""The slash commands: /ask, /model, /models, /compare, /timeline, /help.

Each callback translates the interaction into an engine call and the answer back into a
card; the engine does all the understanding. Names and descriptions are declared in English
here and localised by translations.ChineseTranslator."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

import discord
from discord import app_commands

from bot.core.query import Query

from . import config_commands
from .question_text import MAX_QUESTION_CHARS, clean_question
from .rate_limit import wait_seconds
from .replies import interaction_lang, report_error, send, send_note
from .translations import engine_lang, in_script, note
from .views import answer_content

MAX_CHOICES = 25  # Discord rejects more autocomplete choices than this
CHOICE_LIMIT = 100  # characters in a choice's name and value


def _engine(interaction: discord.Interaction) -> Any:
    return interaction.client.engine  # type: ignore[attr-defined]


async def _send_answer(interaction: discord.Interaction, answer: Any, lang: str, *, question: str | None = None,
                       ephemeral: bool = False) -> None:
    """The answer's card, shown in `lang`; with the `question` it answers (as cleaned), 👍/👎 too, and the
    miss log."""
    miss_log = interaction.client.miss_log  # type: ignore[attr-defined]
    answer_id = miss_log.answer_id(interaction.id) if question and miss_log.enabled(interaction.guild_id) else None
    await send(interaction, **await answer_content(answer, interaction.client, answer_id, lang), ephemeral=ephemeral)
    if answer_id is not None:
        miss_log.answered(question, answer, interaction.guild_id, answer_id,  # after the reply: never waited for
                          asker=(interaction.user.id, interaction.channel_id or 0))


def _typed(interaction: discord.Interaction) -> str:
    """What the user typed into a command's options, as a question: "r9", "v2 v3"."""
    options = (interaction.data or {}).get("options", [])
    typed = clean_question(" ".join(str(o.get("value", "")) for o in options))
    return typed or f"/{(interaction.data or {}).get('name', '')}"


async def _not_covered(interaction: discord.Interaction, name: str, lang: str) -> None:
    """A name the article does not cover: say so and list what it covers, to the user alone."""
    name = clean_question(name)
    answer = _engine(interaction).not_covered(name, engine_lang(lang))
    await _send_answer(interaction, answer, lang, question=name, ephemeral=True)


def _conversation(interaction: discord.Interaction) -> str:
    """One user in one channel, as for a message: a command's answer is followed up like a question's."""
    return f"{interaction.user.id}:{interaction.channel_id}"


async def _send_query(interaction: discord.Interaction, query: Query, lang: str) -> None:
    answer = _engine(interaction).answer(query, engine_lang(lang), _conversation(interaction))
    await _send_answer(interaction, answer, lang, question=_typed(interaction))


# -- autocomplete --------------------------------------------------------------------------

async def complete_model(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    return [
        app_commands.Choice(name=name[:CHOICE_LIMIT], value=model_id)
        for name, model_id in _engine(interaction).complete(current[:CHOICE_LIMIT], limit=MAX_CHOICES)
    ][:MAX_CHOICES]


def _filters(interaction: discord.Interaction, typed: str) -> list[tuple[str, str]]:
    """(label, selector) for every filter, the labels as the user reads them."""
    lang = interaction_lang(interaction, typed)
    return [(in_script(label, lang), selector) for label, selector in _engine(interaction).filters(engine_lang(lang))]


async def complete_filter(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    typed = current.casefold().strip()
    return [
        app_commands.Choice(name=label[:CHOICE_LIMIT], value=selector[:CHOICE_LIMIT])
        for label, selector in _filters(interaction, current)
        if typed in label.casefold() or typed in selector.casefold()
    ][:MAX_CHOICES]


def _selector(interaction: discord.Interaction, typed: str | None) -> str | None:
    """The selector for what the user typed or picked: a selector itself, or a label."""
    if not typed or not typed.strip():
        return "all"
    wanted = typed.casefold().strip()
    for label, selector in _filters(interaction, typed):
        if wanted in (label.casefold(), selector.casefold()):
            return selector
    return None


# -- commands ------------------------------------------------------------------------------

@app_commands.command(name="ask", description="Ask a question about the DeepSeek models")
@app_commands.describe(question="Your question, in Chinese or English")
async def ask(
    interaction: discord.Interaction, question: app_commands.Range[str, 1, MAX_QUESTION_CHARS]
) -> None:
    text = clean_question(question)
    lang = interaction_lang(interaction, text)
    if not text:
        await send_note(interaction, "empty", lang)
        return
    # Free text is the one path that may grow slow; deferring keeps the 3-second promise.
    await interaction.response.defer(thinking=True)
    answer = _engine(interaction).ask(text, conversation=_conversation(interaction), lang=engine_lang(lang))
    await _send_answer(interaction, answer, lang, question=text)


@app_commands.command(name="model", description="Overview card of one model")
@app_commands.describe(name="Model name, e.g. R1, V3 or Janus-Pro")
@app_commands.autocomplete(name=complete_model)
async def model(interaction: discord.Interaction, name: app_commands.Range[str, 1, CHOICE_LIMIT]) -> None:
    lang = interaction_lang(interaction, name)
    model_id = _resolve(interaction, name)
    if model_id is None:
        await _not_covered(interaction, name, lang)
        return
    await _send_query(interaction, Query(intent="model", models=(model_id,)), lang)


@app_commands.command(name="models", description="List the models, optionally filtered")
@app_commands.describe(filter="A tag or year to filter by")
@app_commands.autocomplete(filter=complete_filter)
async def models(interaction: discord.Interaction, filter: str | None = None) -> None:
    lang = interaction_lang(interaction, filter or "")
    selector = _selector(interaction, filter)
    if selector is None:
        await send_note(interaction, "unknown_filter", lang, name=clean_question(filter or "")[:40])
        return
    await _send_query(interaction, _engine(interaction).listing(selector), lang)


@app_commands.command(name="compare", description="Compare two models side by side")
@app_commands.describe(a="First model", b="Second model")
@app_commands.autocomplete(a=complete_model, b=complete_model)
async def compare(
    interaction: discord.Interaction,
    a: app_commands.Range[str, 1, CHOICE_LIMIT],
    b: app_commands.Range[str, 1, CHOICE_LIMIT],
) -> None:
    lang = interaction_lang(interaction, a + b)
    ids = []
    for name in (a, b):
        model_id = _resolve(interaction, name)
        if model_id is None:
            await _not_covered(interaction, name, lang)
            return
        ids.append(model_id)
    await _send_query(interaction, Query(intent="compare", models=tuple(ids)), lang)


@app_commands.command(name="help", description="What this bot can answer")
async def help_(interaction: discord.Interaction) -> None:
    lang = interaction_lang(interaction)
    answer = _engine(interaction).help(engine_lang(lang))
    description = f"{answer.reply.description}\n\n{note('data_kept', engine_lang(lang))}".strip()  # docs/data.md
    await _send_answer(interaction, replace(answer, reply=replace(answer.reply, description=description)), lang)


@app_commands.command(name="timeline", description="The lineage of the models as a picture")
async def timeline(interaction: discord.Interaction) -> None:
    lang = interaction_lang(interaction)
    await interaction.response.defer(thinking=True)  # a first, uncached picture may take a second
    await _send_query(interaction, _engine(interaction).listing("timeline"), lang)


COMMANDS = (ask, model, models, compare, timeline, help_)  # what everyone may use, as /help lists it


def _resolve(interaction: discord.Interaction, name: str) -> str | None:
    return _engine(interaction).resolve_model(name.strip())


# -- the tree ------------------------------------------------------------------------------

class QuestionTree(app_commands.CommandTree):
    """The command tree with the shared rate limit and one error path for every command."""

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        if interaction.type is discord.InteractionType.autocomplete:
            return True  # suggestions while typing are not questions
        if (interaction.data or {}).get("name") == config_commands.config.name:
            return True  # an admin setting the bot up is not asking questions
        wait = wait_seconds(self.client, interaction.guild_id, interaction.user.id)
        if wait:
            # Every refused command gets its note: it is private, and Discord expects an answer.
            text = " ".join(str(o.get("value", "")) for o in (interaction.data or {}).get("options", []))
            await send_note(interaction, "rate_limited", interaction_lang(interaction, text),
                            seconds=math.ceil(wait))
            return False
        return True

    async def on_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError, /
    ) -> None:
        if isinstance(error, app_commands.MissingPermissions):
            await send_note(interaction, "config_not_allowed", interaction_lang(interaction))
            return
        await report_error(interaction, getattr(error, "original", error))


def build_tree(client: discord.Client, guild_ids: tuple[int, ...] = ()) -> QuestionTree:
    """The real command tree; with `guild_ids` the commands are also copied to those test guilds."""
    tree = QuestionTree(client, allowed_contexts=app_commands.AppCommandContext(guild=True, dm_channel=True))
    for command in (*COMMANDS, config_commands.config):  # /config: server managers only
        tree.add_command(command)
    for guild_id in guild_ids:
        tree.copy_global_to(guild=discord.Object(guild_id))
    return tree

