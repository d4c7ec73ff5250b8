"""The Discord client: intents, endpoints, start-up, and the events it listens to."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import discord
import yarl
from discord.http import Route

from bot.adapters.miss_log import MissLog
from bot.settings import Settings
from bot.storage import Defaults, GuildConfig, Store

from .channel_questions import handle_message
from .command_sync import sync_if_changed
from .commands import build_tree
from .config_commands import ResetButton
from .pictures import TimelinePictures
from .rate_limit import RateLimiter, operator_limit
from .translations import ChineseTranslator, load_traditional
from .views import DYNAMIC_ITEMS

log = logging.getLogger(__name__)
KNOWLEDGE_CHECK_SECONDS = 10
# The bot never joins voice: discord.py's warnings about its missing voice libraries are noise.
discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False


def make_intents(settings: Settings) -> discord.Intents:
    """Only what the bot needs. Mentions, DMs and slash commands work without the privileged
    message content intent; only question channels (every message read) need it."""
    intents = discord.Intents.none()
    intents.guilds = True  # guild and channel cache, for replies and threads
    intents.guild_messages = True  # messages that mention the bot (and question channels)
    intents.dm_messages = True
    intents.message_content = bool(settings.message_content_intent)
    return intents


def operator_defaults(settings: Settings) -> Defaults:
    """The environment's settings, as every server's defaults."""
    return Defaults(channels=settings.question_channel_ids, rate_limit=operator_limit(settings))


def apply_endpoints(settings: Settings) -> None:
    """Point discord.py's REST and gateway at the configured ones (a proxy or a stand-in)."""
    Route.BASE = settings.api_base
    if settings.gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.gateway_url)


class QuestionBotMixin:
    """Shared by the plain and the auto-sharded client."""

    def __init__(
        self, settings: Settings, engine: Any, *, config: GuildConfig | None = None, store: Store | None = None,
        sync_on_start: bool = True, **options: Any,
    ) -> None:
        super().__init__(  # type: ignore[call-arg]
            intents=make_intents(settings),
            allowed_mentions=discord.AllowedMentions.none(),
            # Caches the bot never reads: replies refer to a message by id, and permissions come
            # from the roles and overwrites in the guild cache plus the bot's own member, which
            # discord.py always keeps.
            max_messages=None,
            member_cache_flags=discord.MemberCacheFlags.none(),
            chunk_guilds_at_startup=False,
            **options,
        )
        self.settings = settings
        self.engine = engine
        # Per-server settings, in memory; without a database (sync, unit tests) nothing is kept.
        self.config = config or GuildConfig(operator_defaults(settings))
        self.miss_log = MissLog(store, self.config, engine, settings)  # without a store nothing is kept
        self.rate_limit = RateLimiter(settings.rate_limit_burst, settings.rate_limit_refill_seconds)
        self.pictures = TimelinePictures(settings.state_dir / "pictures")
        self.tree = build_tree(self, settings.guild_ids)  # type: ignore[arg-type]
        self.sync_on_start = sync_on_start

    async def setup_hook(self) -> None:
        await self.tree.set_translator(ChineseTranslator(self.engine.kb, self.settings.state_dir))  # loads zh-TW
        self.add_dynamic_items(*DYNAMIC_ITEMS, ResetButton)  # type: ignore[attr-defined]
        self._refresher = asyncio.create_task(self._refresh_knowledge())
        self._purger = asyncio.create_task(self.miss_log.purge_old())  # at start, then daily
        if self.sync_on_start:
            await sync_if_changed(
                self.tree, self.application_id, self.settings.guild_ids, self.settings.state_dir  # type: ignore[attr-defined]
            )

    async def _refresh_knowledge(self) -> None:
        """Pick up edits to knowledge/ while running; a broken edit keeps the last good knowledge. The
        Traditional strings of new knowledge are converted (by a child process) after it is in use."""
        while True:
            await asyncio.sleep(KNOWLEDGE_CHECK_SECONDS)
            kb = self.engine.kb
            self.engine.refresh()  # type: ignore[attr-defined]
            if self.engine.kb is not kb:
                await load_traditional(self.engine.kb, self.settings.state_dir)

    async def on_ready(self) -> None:
        user = self.user  # type: ignore[attr-defined]
        log.info("connected as %s (id %s) to %d guilds", user, user.id, len(self.guilds))  # type: ignore[attr-defined]

    async def on_guild_remove(self, guild: discord.Guild) -> None:
        # discord.py sends this for a GUILD_DELETE without `unavailable`: the bot was removed,
        # not an outage. What the server set is deleted with it.
        await self.config.reset(guild.id)
        await self.miss_log.forget_guild(guild.id)
        log.info("removed from guild %s: its settings and records are deleted", guild.id)

    async def on_message(self, message: discord.Message) -> None:
        await handle_message(self, message)

    async def on_error(self, event_method: str, /, *args: Any, **kwargs: Any) -> None:
        log.exception("error in %s; the bot keeps running", event_method)


class QuestionBot(QuestionBotMixin, discord.Client):
    pass


class ShardedQuestionBot(QuestionBotMixin, discord.AutoShardedClient):
    pass


def create_client(settings: Settings, engine: Any, **options: Any) -> discord.Client:
    """The plain client, or the auto-sharded one when shard settings are given."""
    if settings.shard_count:
        return ShardedQuestionBot(
            settings, engine,
            shard_count=settings.shard_count,
            shard_ids=list(settings.shard_ids) or None,
            **options,
        )
    return QuestionBot(settings, engine, **options)
