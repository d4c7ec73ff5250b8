"""The Discord adapter: `run` connects and answers until stopped, `sync` syncs the commands."""

from __future__ import annotations

import asyncio
import logging
import signal
from typing import Any

import discord

from bot.settings import Settings
from bot.storage import GuildConfig, StorageError, open_store

from .client import apply_endpoints, create_client, operator_defaults
from .command_sync import sync_if_changed

log = logging.getLogger(__name__)

__all__ = ["run", "sync"]


def run(settings: Settings, engine: Any) -> int:
    """Connect and answer until SIGTERM or Ctrl-C; the exit code for the process."""
    apply_endpoints(settings)
    return asyncio.run(_run(settings, engine))


def sync(settings: Settings, engine: Any) -> int:
    """Sync the command tree to DISCORD_GUILD_IDS (or globally), then exit."""
    apply_endpoints(settings)
    return asyncio.run(_sync(settings, engine))


async def _run(settings: Settings, engine: Any) -> int:
    try:
        store = await open_store(settings)
    except StorageError as exc:
        log.error("storage error: %s", exc)
        return 2
    try:
        config = await GuildConfig.load(store, operator_defaults(settings))
        return await _serve(settings, engine, config)
    except StorageError as exc:
        log.error("storage error: %s", exc)
        return 2
    finally:
        await store.close()


async def _serve(settings: Settings, engine: Any, config: GuildConfig) -> int:
    client = create_client(settings, engine, config=config)
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, lambda s=signum: _stop(client, s))
    try:
        async with client:
            await client.start(settings.discord_token or "")
    except discord.LoginFailure:
        log.error("DISCORD_TOKEN was rejected by Discord: copy the token again from the Bot tab")
        return 2
    except discord.PrivilegedIntentsRequired:
        log.error("QUESTION_CHANNEL_IDS needs the Message Content intent: enable it on the Bot tab, "
                  "or leave QUESTION_CHANNEL_IDS empty")
        return 2
    log.info("disconnected cleanly")
    return 0


_closing: set[asyncio.Task] = set()  # keeps the close task referenced until it finishes


def _stop(client: discord.Client, signum: int) -> None:
    log.info("received %s, closing the connection", signal.Signals(signum).name)
    task = asyncio.ensure_future(client.close())
    _closing.add(task)
    task.add_done_callback(_closing.discard)


async def _sync(settings: Settings, engine: Any) -> int:
    client = create_client(settings, engine, sync_on_start=False)
    try:
        async with client:
            await client.login(settings.discord_token or "")
            await sync_if_changed(client.tree, client.application_id, settings.guild_ids,  # type: ignore[attr-defined]
                                  settings.state_dir, force=True)
    except discord.LoginFailure:
        log.error("DISCORD_TOKEN was rejected by Discord: copy the token again from the Bot tab")
        return 2
    except discord.HTTPException as exc:
        log.error("command sync failed: %s %s", exc.status, exc.text)
        return 1
    return 0
