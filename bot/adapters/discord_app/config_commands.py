"""/config: a server's own settings, for members with Manage Server.

Discord shows the group only to those members (default_member_permissions) and never in DMs;
each use checks the permission again, since a server can override who sees a command. Every
change is stored before it is confirmed, privately, with the new value."""

from __future__ import annotations

import re
from typing import Any, Literal

import discord
from discord import app_commands

from bot.storage import GuildConfig, RateLimit

from .replies import interaction_lang, send, send_note
from .translations import note

# What the bot needs in a question channel: to see it, read the message replied to, answer with a card.
CHANNEL_PERMISSIONS = ("view_channel", "send_messages", "read_message_history", "embed_links")


def _config(interaction: discord.Interaction) -> GuildConfig:
    return interaction.client.config  # type: ignore[attr-defined]


def _is_admin(interaction: discord.Interaction) -> bool:
    return interaction.guild is not None and interaction.permissions.manage_guild


class AdminGroup(app_commands.Group):
    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        if not _is_admin(interaction):
            raise app_commands.MissingPermissions(["manage_guild"])
        return True


config = AdminGroup(
    name="config", description="Set the bot up for this server",
    guild_only=True, allowed_contexts=app_commands.AppCommandContext(guild=True, dm_channel=False,
                                                                     private_channel=False),
    default_permissions=discord.Permissions(manage_guild=True),
)
channels = AdminGroup(name="channels", description="Channels where every message is read as a question",
                      parent=config)


# -- what the settings say -------------------------------------------------------------------

def setting_lines(config: GuildConfig, guild_id: int, lang: str) -> dict[str, tuple[str, str, bool]]:
    """For each setting: its label, its value in force, and whether this server chose it."""
    chosen = config.chosen(guild_id)
    limit = config.rate_limit(guild_id)
    shown = config.channels(guild_id)
    return {
        "channels": (note("config_channels", lang),
                     ", ".join(f"<#{c}>" for c in shown) or note("config_none", lang), chosen.channels is not None),
        "language": (note("config_language", lang), note(f"config_lang_{config.language(guild_id)}", lang),
                     chosen.language is not None),
        "rate_limit": (note("config_rate_limit", lang),
                       note("config_rate", lang, burst=limit.burst, seconds=limit.refill_seconds),
                       chosen.rate_burst is not None or chosen.rate_refill_seconds is not None),
        "log": (note("config_log", lang), note("config_on" if config.log_enabled(guild_id) else "config_off", lang),
                chosen.log_enabled is not None),
    }


async def _confirm(interaction: discord.Interaction, setting: str, extra: str = "") -> None:
    lang = interaction_lang(interaction)
    label, value, _ = setting_lines(_config(interaction), interaction.guild_id or 0, lang)[setting]
    await send(interaction, content=f"{label}: {value}{extra}", ephemeral=True)


# -- the commands ----------------------------------------------------------------------------

@channels.command(name="add", description="Read every message in a channel as a question")
@app_commands.describe(channel="A text channel")
async def channels_add(interaction: discord.Interaction, channel: discord.TextChannel) -> None:
    lang = interaction_lang(interaction)
    if not interaction.client.settings.message_content_intent:  # type: ignore[attr-defined]
        await send_note(interaction, "config_intent_off", lang)
        return
    allowed = channel.permissions_for(channel.guild.me)
    missing = [note(f"perm_{name}", lang) for name in CHANNEL_PERMISSIONS if not getattr(allowed, name)]
    if missing:
        await send_note(interaction, "config_missing", lang, channel=channel.mention, permissions=", ".join(missing))
        return
    await _set_channels(interaction, [*_own_channels(interaction), channel.id])


@channels.command(name="remove", description="Stop reading a channel's messages as questions")
@app_commands.describe(channel="A text channel")
async def channels_remove(interaction: discord.Interaction, channel: discord.TextChannel) -> None:
    await _set_channels(interaction, [c for c in _own_channels(interaction) if c != channel.id])


def _own_channels(interaction: discord.Interaction) -> list[int]:
    """The channels in force that belong to this server (the operator's list spans every server)."""
    guild = interaction.guild
    assert guild is not None
    return [c for c in _config(interaction).channels(guild.id) if guild.get_channel_or_thread(c) is not None]


async def _set_channels(interaction: discord.Interaction, ids: list[int]) -> None:
    await _config(interaction).update(interaction.guild_id or 0, channels=tuple(dict.fromkeys(ids)))
    await _confirm(interaction, "channels")


@config.command(name="language", description="Reply language when the question does not decide it")
@app_commands.describe(lang="auto follows each user's Discord language; zh-TW: Traditional characters")
async def language(interaction: discord.Interaction, lang: Literal["auto", "zh", "zh-TW", "en"]) -> None:
    await _config(interaction).update(interaction.guild_id or 0, language=lang)
    await _confirm(interaction, "language")


@config.command(name="ratelimit", description="How many questions each user may ask")
@app_commands.describe(burst="Questions a user may ask at once",
                       refill_seconds="Seconds until one more question is allowed")
async def ratelimit(
    interaction: discord.Interaction,
    burst: app_commands.Range[int, 1, 100],
    refill_seconds: app_commands.Range[float, 0, 86400],
) -> None:
    ceiling = _config(interaction).defaults.rate_limit
    asked = RateLimit(burst, refill_seconds)
    kept = asked.within(ceiling)
    await _config(interaction).update(interaction.guild_id or 0, rate_burst=kept.burst,
                                      rate_refill_seconds=kept.refill_seconds)
    extra = "" if kept == asked else note("config_clamped", interaction_lang(interaction),
                                          burst=ceiling.burst, seconds=ceiling.refill_seconds)
    await _confirm(interaction, "rate_limit", extra)


@config.command(name="log", description="Whether unanswered questions may be recorded for the maintainers")
@app_commands.describe(enabled="true: may be recorded; false: never")
async def log(interaction: discord.Interaction, enabled: bool) -> None:
    await _config(interaction).update(interaction.guild_id or 0, log_enabled=enabled)
    await _confirm(interaction, "log")


@config.command(name="show", description="This server's settings and where each comes from")
async def show(interaction: discord.Interaction) -> None:
    lang = interaction_lang(interaction)
    card = discord.Embed(title=note("config_title", lang), color=discord.Color.blurple())
    for label, value, own in setting_lines(_config(interaction), interaction.guild_id or 0, lang).values():
        source = note("config_from_server" if own else "config_from_operator", lang)
        card.add_field(name=label, value=f"{value}\n*{source}*", inline=False)
    await send(interaction, embed=card, ephemeral=True)


@config.command(name="reset", description="Back to the operator's defaults (asks first)")
async def reset(interaction: discord.Interaction) -> None:
    lang = interaction_lang(interaction)
    view = discord.ui.View(timeout=None)
    view.add_item(ResetButton(interaction.guild_id or 0, lang))
    await send(interaction, content=note("config_reset_ask", lang), view=view, ephemeral=True)


class ResetButton(
    discord.ui.DynamicItem[discord.ui.Button],
    template=re.compile(r"config:reset:(?P<guild>\d+):(?P<lang>zh-TW|zh|en)"),
):
    """The confirmation of /config reset; it carries the server, so it works after a restart."""

    def __init__(self, guild_id: int, lang: str) -> None:
        super().__init__(discord.ui.Button(label=note("config_reset_button", lang), style=discord.ButtonStyle.danger,
                                           custom_id=f"config:reset:{guild_id}:{lang}"))
        self.guild_id = guild_id
        self.lang = lang

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> ResetButton:
        return cls(int(match["guild"]), match["lang"])

    async def callback(self, interaction: discord.Interaction) -> None:
        if not _is_admin(interaction) or interaction.guild_id != self.guild_id:
            await send_note(interaction, "config_not_allowed", self.lang)
            return
        await _config(interaction).reset(self.guild_id)
        await interaction.response.edit_message(content=note("config_reset_done", self.lang), view=None)
