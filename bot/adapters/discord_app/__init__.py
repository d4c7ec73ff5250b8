"""The Discord adapter: `run` connects and answers until stopped, `sync` syncs the commands."""

from __future__ import annotations

import asyncio
import logging
import signal
from typing import Any

import aiohttp
import discord

from bot.settings import Settings
from bot.storage import GuildConfig, StorageError, Store, open_store

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
        return _storage_failure(exc)
    try:
        config = await GuildConfig.load(store, operator_defaults(settings))
        return await _serve(settings, engine, config, store)
    except StorageError as exc:
        return _storage_failure(exc)
    finally:
        await store.close()


def _storage_failure(exc: StorageError) -> int:
    """One line; exit 1 when the database server was unreachable (worth a retry), else 2 (fix it)."""
    log.error("storage error: %s", exc)
    return 1 if exc.transient else 2


async def _serve(settings: Settings, engine: Any, config: GuildConfig, store: Store) -> int:
    client = create_client(settings, engine, config=config, store=store)
    loop = asyncio.get_running_loop()
    main = asyncio.current_task()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, lambda s=signum: _stop(main, s))
    try:
        async with client:
            if failure := await _login(client, settings):
                return failure
            await client.connect()
    except asyncio.CancelledError:
        pass  # stopped by a signal, at whatever stage it came
    except discord.PrivilegedIntentsRequired:
        log.error("MESSAGE_CONTENT_INTENT (implied by QUESTION_CHANNEL_IDS) needs the Message Content intent: "
                  "enable it on the Bot tab, or set MESSAGE_CONTENT_INTENT=false and leave QUESTION_CHANNEL_IDS empty")
        return 2
    finally:
        await client.miss_log.drain()  # type: ignore[attr-defined]  # the records being written are kept
    log.info("disconnected cleanly")
    return 0


def _stop(main: asyncio.Task | None, signum: int) -> None:
    """Stop at any stage, login included: leaving `async with client` closes the connection."""
    log.info("received %s, closing the connection", signal.Signals(signum).name)
    if main is not None:
        main.cancel()


async def _login(client: discord.Client, settings: Settings) -> int:
    """Log in (and run the setup hook) within LOGIN_TIMEOUT_SECONDS. 0, or the exit code after one
    line saying what failed and what to check: 2 for a setting to fix, 1 for a failure worth a retry."""
    where = f"Discord at {settings.api_base}"
    check = "check the network, DNS and firewall, and DISCORD_API_BASE if set"
    try:
        await asyncio.wait_for(client.login(settings.discord_token or ""), settings.login_timeout_seconds)
        return 0
    except discord.LoginFailure:
        log.error("DISCORD_TOKEN was rejected by Discord: copy the token again from the Bot tab")
        return 2
    except TimeoutError:
        log.error("%s did not answer within %g s (LOGIN_TIMEOUT_SECONDS); %s", where, settings.login_timeout_seconds,
                  check)
    except (OSError, aiohttp.ClientError) as exc:
        log.error("cannot reach %s: %s; %s", where, exc, check)
    except discord.HTTPException as exc:
        log.error("%s answered HTTP %s; check https://discordstatus.com, and DISCORD_API_BASE if set",
                  where, exc.status)
    except (TypeError, KeyError, ValueError) as exc:  # discord.py read a page that is not the API's JSON
        log.error("%s did not answer like Discord's API (an HTML page or a proxy?); check DISCORD_API_BASE "
                  "(%s: %.100s)", where, type(exc).__name__, exc)
    return 1


async def _sync(settings: Settings, engine: Any) -> int:
    client = create_client(settings, engine, sync_on_start=False)
    try:
        async with client:
            if failure := await _login(client, settings):
                return failure
            await sync_if_changed(client.tree, client.application_id, settings.guild_ids,  # type: ignore[attr-defined]
                                  settings.state_dir, force=True)
    except discord.HTTPException as exc:
        log.error("command sync failed: %s %s", exc.status, exc.text)
        return 1
    return 0
