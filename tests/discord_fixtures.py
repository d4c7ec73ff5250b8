"""Starting the real bot the way `python -m bot` does, against the Discord stand-in."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.discord_standin import (
    GUILD_ID,
    QUESTION_CHANNEL,
    DiscordStandIn,
    interaction_payload,
    message_payload,
    resolved_channel,
    subcommand,
)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 20.0


@dataclass
class BotProcess:
    process: asyncio.subprocess.Process
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    async def stop(self, timeout: float = 10.0) -> int:
        """SIGTERM, as a service manager would send it; the exit code."""
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.process.wait(), timeout)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()
                raise
        return self.process.returncode  # type: ignore[return-value]


def bot_env(standin: DiscordStandIn, state_dir: Path, **overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "SHARD_"))}
    # Every setting is given explicitly (empty = unset) so a developer's .env cannot leak in.
    env.update({
        "DISCORD_TOKEN": "stand-in-token",
        "DISCORD_API_BASE": standin.api_base,
        "DISCORD_GATEWAY_URL": standin.gateway_url,
        "DISCORD_GUILD_IDS": str(GUILD_ID),
        "QUESTION_CHANNEL_IDS": str(QUESTION_CHANNEL),
        "DEFAULT_LANG": "en",
        "LOG_LEVEL": "INFO",
        "SHARD_COUNT": "",
        "SHARD_IDS": "",
        "RATE_LIMIT_BURST": "",
        "RATE_LIMIT_REFILL_SECONDS": "0",
        "MESSAGE_CONTENT_INTENT": "",
        "DATABASE_URL": "",
        "KNOWLEDGE_DIR": "",
        "BOT_STATE_DIR": str(state_dir),
        "PYTHONUNBUFFERED": "1",
    })
    env.update(overrides)
    return env


async def start_bot(standin: DiscordStandIn, state_dir: Path, log_path: Path, *args: str,
                    **overrides: str) -> BotProcess:
    """`python -m bot` as a subprocess; returns once it has identified on the gateway."""
    standin.reset_connection()
    log_file = log_path.open("ab")
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args, cwd=PROJECT_ROOT, env=bot_env(standin, state_dir, **overrides),
        stdin=asyncio.subprocess.DEVNULL, stdout=log_file, stderr=log_file,
    )
    log_file.close()
    bot = BotProcess(process, log_path)
    if args:  # a one-shot command (sync): the caller waits for it to exit
        return bot
    identified = asyncio.create_task(standin.identified.wait())
    exited = asyncio.create_task(process.wait())
    done, _ = await asyncio.wait({identified, exited}, timeout=START_TIMEOUT,
                                 return_when=asyncio.FIRST_COMPLETED)
    for task in (identified, exited):
        task.cancel()
    if identified not in done:
        await bot.stop()
        raise AssertionError(f"the bot did not connect to the stand-in:\n{bot.log()}")
    return bot


def pings_nobody(body: dict) -> bool:
    mentions = body["allowed_mentions"]
    return mentions["parse"] == [] and not mentions.get("replied_user") and not mentions.get("users")


CHINESE = re.compile(r"[\u4e00-\u9fff]")


def card_text(body: dict) -> str:
    embed = body["embeds"][0]
    parts = [embed.get("title", ""), embed.get("description", "")]
    parts += [f"{f['name']} {f['value']}" for f in embed.get("fields", [])]
    return "\n".join(parts)


def custom_ids(body: dict) -> list[str]:
    return [c["custom_id"] for row in body.get("components", []) for c in row["components"]]


async def ask_in_channel(
    standin: DiscordStandIn, channel_id: int, content: str, **extra
) -> tuple[dict, dict]:
    mark = standin.mark()
    message = message_payload(channel_id, content=content, **extra)
    await standin.dispatch("MESSAGE_CREATE", message)
    return message, await standin.wait_for_post(channel_id, after=mark)


async def run_interaction(standin: DiscordStandIn, payload: dict) -> dict:
    await standin.dispatch("INTERACTION_CREATE", payload)
    return await standin.wait_for_callback(int(payload["id"]))


async def click(standin: DiscordStandIn, message: dict, custom_id: str) -> dict:
    """Click the component `custom_id` on `message`; the interaction callback the bot sends."""
    payload = interaction_payload(3, {"custom_id": custom_id, "component_type": 2}, message=message)
    standin.note_click(int(payload["id"]), int(message["id"]))
    return await run_interaction(standin, payload)


CHANNEL = 7  # the option type of a channel
EPHEMERAL = 64
MANAGE_SERVER = 1 << 5


async def config(standin: DiscordStandIn, *path: str, guild_id: int = GUILD_ID, permissions: int = MANAGE_SERVER,
                 locale: str = "en-US", **options: tuple[int, object]) -> dict:
    """Run /config <path> option=(type, value)… in a server as a member with `permissions`;
    the bot's interaction callback."""
    resolved = next((resolved_channel(v, guild_id) for t, v in options.values() if t == CHANNEL), None)
    values = {k: (t, str(v) if t == CHANNEL else v) for k, (t, v) in options.items()}
    data = subcommand("config", *path, options=values, resolved=resolved)
    payload = interaction_payload(2, data, permissions=permissions, locale=locale, guild_id=guild_id)
    return await run_interaction(standin, payload)


def private_text(callback: dict) -> str:
    assert callback["type"] == 4 and callback["data"]["flags"] & EPHEMERAL, callback
    return callback["data"].get("content", "")
