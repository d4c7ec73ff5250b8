"""Syncing the command tree to Discord, and remembering what was synced.

Discord rate-limits command syncs hard, so start-up syncs only when the translated payload
(or where it goes) changed since the last sync; `python -m bot sync` always syncs."""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

import discord
from discord import app_commands

log = logging.getLogger(__name__)

STATE_FILE = "command-sync.json"


async def tree_payload(
    tree: app_commands.CommandTree, guild: discord.abc.Snowflake | None = None
) -> list[dict]:
    """Exactly what tree.sync() would send for `guild` (None: the global commands)."""
    translator = tree.translator
    commands = tree.get_commands(guild=guild)
    if translator is None:
        return [command.to_dict(tree) for command in commands]
    return [await command.get_translated_payload(tree, translator) for command in commands]


async def payload_digest(
    tree: app_commands.CommandTree, application_id: int | None, guild_ids: tuple[int, ...]
) -> str:
    targets = [discord.Object(g) for g in guild_ids] or [None]
    payload = {
        "application": application_id,
        "targets": {str(t.id if t else "global"): await tree_payload(tree, t) for t in targets},
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


async def sync_commands(tree: app_commands.CommandTree, guild_ids: tuple[int, ...]) -> int:
    """Sync to each test guild, or globally; returns how many commands Discord now has."""
    if not guild_ids:
        synced = await tree.sync()
        log.info("synced %d commands globally (they can take up to an hour to show)", len(synced))
        return len(synced)
    count = 0
    for guild_id in guild_ids:
        synced = await tree.sync(guild=discord.Object(guild_id))
        log.info("synced %d commands to guild %s", len(synced), guild_id)
        count = len(synced)
    return count


def _state_path(state_dir: Path) -> Path:
    return state_dir / STATE_FILE


def last_digest(state_dir: Path) -> str | None:
    try:
        return json.loads(_state_path(state_dir).read_text(encoding="utf-8")).get("digest")
    except (OSError, ValueError, AttributeError):
        return None  # no state, or unreadable state: a sync will rewrite it


def remember_digest(state_dir: Path, digest: str) -> None:
    try:
        state_dir.mkdir(parents=True, exist_ok=True)
        _state_path(state_dir).write_text(json.dumps({"digest": digest}) + "\n", encoding="utf-8")
    except OSError as exc:
        log.warning("could not record the command sync in %s: %s", state_dir, exc)


async def sync_if_changed(
    tree: app_commands.CommandTree, application_id: int | None, guild_ids: tuple[int, ...], state_dir: Path,
    *, force: bool = False,
) -> bool:
    """Sync when forced or when the commands changed; True if a sync happened. Errors are logged."""
    digest = await payload_digest(tree, application_id, guild_ids)
    if not force and digest == last_digest(state_dir):
        log.info("slash commands unchanged since the last sync; not syncing")
        return False
    try:
        await sync_commands(tree, guild_ids)
    except discord.HTTPException as exc:
        # The bot still answers messages; commands keep their last synced shape.
        log.error("command sync failed: %s %s", exc.status, exc.text)
        if force:
            raise
        return False
    remember_digest(state_dir, digest)
    return True
