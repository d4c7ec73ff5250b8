"""The floor for the memory benchmark: a bare discord.py client with the bot's intents and
nothing else, pointed at the stand-in like the bot. Prints `ready N` once its guilds are in.

Run as `python -m benchmarks.bare_client` with DISCORD_TOKEN, DISCORD_API_BASE and
DISCORD_GATEWAY_URL set; it imports nothing from the bot, so it weighs only discord.py."""

from __future__ import annotations

import asyncio
import os

import discord
import yarl
from discord.http import Route


def intents() -> discord.Intents:
    """The bot's intents with a question channel configured (the heavier case)."""
    chosen = discord.Intents.none()
    chosen.guilds = chosen.guild_messages = chosen.dm_messages = chosen.message_content = True
    return chosen


async def main() -> None:
    Route.BASE = os.environ["DISCORD_API_BASE"]
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(os.environ["DISCORD_GATEWAY_URL"])
    client = discord.Client(intents=intents())

    @client.event
    async def on_ready() -> None:
        print(f"ready {len(client.guilds)}", flush=True)

    async with client:
        await client.start(os.environ["DISCORD_TOKEN"])


if __name__ == "__main__":
    asyncio.run(main())
