"""A loopback stand-in of Discord for end-to-end tests: an aiohttp server on 127.0.0.1 that
speaks just enough of the REST API and the gateway for discord.py to log in, connect, sync
commands, receive messages and interactions, and answer them.

The real bot reaches it through DISCORD_API_BASE and DISCORD_GATEWAY_URL. Every REST call is
recorded, so a test sends an event and then waits for the request it expects, and checked
against Discord's OpenAPI spec (../shared/discord-spec): `spec_problems` lists what Discord
would reject. Several processes may connect as shards: each server's events go to shard
(guild_id >> 22) % shard_count, as on Discord."""

from __future__ import annotations

import asyncio
import itertools
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from aiohttp import WSMsgType, web

BOT_ID = 900000000000000001  # the bot user; its application has the same id, as on Discord
GUILD_ID = 910000000000000001  # shard 0 of 2
OTHER_GUILD_ID = 910000000004194306  # shard 1 of 2
QUESTION_CHANNEL = 920000000000000001
CHAT_CHANNEL = 920000000000000002
LOCKED_CHANNEL = 920000000000000003  # the bot may read but not write here: every post is 403
OTHER_GUILD_CHANNEL = 920000000000000011
GUILD_CHANNELS = {
    GUILD_ID: {QUESTION_CHANNEL: "ask-deepseek", CHAT_CHANNEL: "general", LOCKED_CHANNEL: "announcements"},
    OTHER_GUILD_ID: {OTHER_GUILD_CHANNEL: "questions"},
}
SEND_MESSAGES = 1 << 11
# @everyone: view channel, send messages, embed links, read message history
EVERYONE_PERMISSIONS = (1 << 10) | SEND_MESSAGES | (1 << 14) | (1 << 16)
SPEC_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "discord-spec"
DM_CHANNEL = 930000000000000001
USER_ID = 940000000000000001
OTHER_USER_ID = 940000000000000002
API_PATH = "/api/v10"
TIMESTAMP = "2025-02-08T12:00:00.000000+00:00"

# Sequential snowflakes, far above the fixed ids so nothing collides.
_snowflakes = itertools.count(990000000000000001)


def snowflake() -> int:
    return next(_snowflakes)


def user(user_id: int = USER_ID, name: str = "asker", *, bot: bool = False) -> dict[str, Any]:
    return {"id": str(user_id), "username": name, "global_name": name, "discriminator": "0",
            "avatar": None, "bot": bot}


def _json(data: Any, status: int = 200) -> web.Response:
    # discord.py parses a body as JSON only for exactly this content type (no charset).
    headers = {"Content-Type": "application/json"}
    return web.Response(status=status, body=json.dumps(data).encode(), headers=headers)


@cache
def _spec_checker() -> Any:
    """Discord's spec checker, from the shared folder beside the clone (as in CI)."""
    sys.path.insert(0, str(SPEC_DIR))
    try:
        from spec_check import SpecChecker
    finally:
        sys.path.remove(str(SPEC_DIR))
    return SpecChecker(str(SPEC_DIR / "discord-openapi.json.gz"))


def shard_of(guild_id: int, shard_count: int) -> int:
    return (guild_id >> 22) % shard_count


@dataclass
class Recorded:
    method: str
    path: str
    body: Any
    query: dict[str, str] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)  # attachment name -> bytes


class DiscordStandIn:
    def __init__(self, guilds: dict[int, dict[int, str]] | None = None, *, check_spec: bool = True) -> None:
        self.guilds = guilds or GUILD_CHANNELS  # server id -> its text channels (id -> name)
        self.check_spec = check_spec  # off in benchmarks: validation would compete with the bot for the CPU
        self.requests: list[Recorded] = []
        self.identify: dict[str, Any] | None = None  # the last IDENTIFY
        self.identified = asyncio.Event()
        self.spec_problems: list[str] = []  # requests Discord would reject, with why
        self.messages: dict[int, dict[str, Any]] = {}  # every message the bot posted, by id
        self._changed = asyncio.Condition()
        self._sockets: dict[int, web.WebSocketResponse] = {}  # by shard id
        self.shard_count = 1
        self._seq = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.port = 0
        self.rate_limit_next_post = False  # answer the next message post with one 429
        self._clicked: dict[int, int] = {}  # interaction id -> the message its component sat on

    # -- life cycle -------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", API_PATH + "/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        for ws in list(self._sockets.values()):
            if not ws.closed:
                await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}{API_PATH}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    def reset_connection(self) -> None:
        """Before a restart of the bot: wait for a fresh IDENTIFY."""
        self.identified = asyncio.Event()
        self.identify = None

    # -- waiting ----------------------------------------------------------------------------

    async def wait_for(self, predicate: Callable[[Recorded], bool], timeout: float = 10.0) -> Recorded:
        """The first recorded request (past or future) that satisfies `predicate`."""

        def found() -> Recorded | None:
            return next((r for r in self.requests if predicate(r)), None)

        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: found() is not None), timeout)
        return found()  # type: ignore[return-value]

    async def wait_for_post(self, channel_id: int, timeout: float = 10.0, after: int = 0) -> dict[str, Any]:
        """The body of the next message the bot posts in `channel_id`, among requests after index `after`."""
        path = f"{API_PATH}/channels/{channel_id}/messages"

        def is_post(r: Recorded) -> bool:
            return r.method == "POST" and r.path == path and self.requests.index(r) >= after

        return (await self.wait_for(is_post, timeout)).body

    async def wait_for_callback(self, interaction_id: int, timeout: float = 10.0) -> dict[str, Any]:
        prefix = f"{API_PATH}/interactions/{interaction_id}/"
        return (await self.wait_for(lambda r: r.path.startswith(prefix), timeout)).body

    async def wait_for_followup(self, token: str, timeout: float = 10.0) -> dict[str, Any]:
        path = f"{API_PATH}/webhooks/{BOT_ID}/{token}"
        return (await self.wait_for(lambda r: r.method == "POST" and r.path == path, timeout)).body

    def mark(self) -> int:
        """An index into the request log: wait_for_post(after=mark) sees only later requests."""
        return len(self.requests)

    # -- gateway ----------------------------------------------------------------------------

    async def dispatch(self, event: str, data: dict[str, Any], *, shard: int | None = None) -> None:
        """Send an event to the shard that serves its server (DMs: shard 0)."""
        if shard is None:
            guild_id = data.get("guild_id") or (data.get("id") if event.startswith("GUILD_") else None)
            shard = shard_of(int(guild_id), self.shard_count) if guild_id else 0
        ws = self._sockets.get(shard)
        assert ws is not None and not ws.closed, f"no bot is connected as shard {shard}"
        await ws.send_json({"op": 0, "t": event, "s": next(self._seq), "d": data})

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_json({"op": 10, "d": {"heartbeat_interval": 41250}})
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                break
            payload = json.loads(msg.data)
            if payload["op"] == 1:  # heartbeat
                await ws.send_json({"op": 11})
            elif payload["op"] == 2:  # identify
                shard_id, self.shard_count = payload["d"].get("shard", [0, 1])
                self._sockets[shard_id] = ws
                self.identify = payload["d"]
                await self._ready(shard_id)
                self.identified.set()
        return ws

    async def _ready(self, shard_id: int) -> None:
        """READY for the shard that identified, then its servers, as Discord does."""
        guilds = [g for g in self.guilds if shard_of(g, self.shard_count) == shard_id]
        await self.dispatch("READY", {
            "v": 10, "user": user(BOT_ID, "deepseek-qa", bot=True), "session_id": f"standin-session-{shard_id}",
            "resume_gateway_url": self.gateway_url, "guilds": [{"id": str(g), "unavailable": True} for g in guilds],
            "application": {"id": str(BOT_ID), "flags": 0}, "shard": [shard_id, self.shard_count],
        }, shard=shard_id)
        for guild_id in guilds:
            await self.dispatch("GUILD_CREATE", guild(guild_id, self.guilds[guild_id]), shard=shard_id)

    # -- REST -------------------------------------------------------------------------------

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        is_json = request.can_read_body and request.content_type == "application/json"
        body = await request.json() if is_json else None
        files: dict[str, bytes] = {}
        if request.content_type.startswith("multipart/"):  # a message with attachments
            async for part in (await request.multipart()):
                if part.name == "payload_json":
                    body = json.loads(await part.text())
                elif part.filename:
                    files[part.filename] = bytes(await part.read())
        record = Recorded(request.method, request.path, body, dict(request.query), files)
        self._check_spec(record)
        response = self._respond(record)
        async with self._changed:
            self.requests.append(record)
            self._changed.notify_all()
        return response

    def _check_spec(self, r: Recorded) -> None:
        if not self.check_spec or r.body is None:
            return
        checker = _spec_checker()
        path = r.path[len(API_PATH):]
        self.spec_problems += [f"{r.method} {path}: {v}" for v in checker.check(r.method, path, r.body)
                               if v.level == "error"]

    def _respond(self, r: Recorded) -> web.StreamResponse:
        parts = r.path[len(API_PATH):].strip("/").split("/")
        if r.method == "GET" and parts == ["users", "@me"]:
            return _json(user(BOT_ID, "deepseek-qa", bot=True))
        if r.method == "GET" and parts == ["oauth2", "applications", "@me"]:
            return _json(application())
        if r.method == "GET" and parts[0] == "gateway":
            return _json({"url": self.gateway_url, "shards": 1,
                          "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0,
                                                  "max_concurrency": 1}})
        if r.method == "PUT" and parts[0] == "applications" and parts[-1] == "commands":
            return _json([{**c, "id": str(snowflake()), "application_id": str(BOT_ID), "version": "1"}
                          for c in r.body])
        if parts[0] == "channels" and parts[-1] == "typing":
            return web.Response(status=204)
        if r.method == "POST" and parts[0] == "channels" and parts[-1] == "messages":
            channel_id = int(parts[1])
            if channel_id == LOCKED_CHANNEL:
                return _json({"message": "Missing Permissions", "code": 50013}, status=403)
            if self.rate_limit_next_post:
                self.rate_limit_next_post = False
                return _json({"message": "You are being rate limited.", "retry_after": 0.05, "global": False},
                             status=429)
            return _json(self._posted(channel_id, r.body))
        if r.method == "POST" and parts[0] == "interactions" and parts[-1] == "callback":
            return _json(self._callback(int(parts[1]), r.body))
        if parts[0] == "webhooks":
            return _json(self._posted(QUESTION_CHANNEL, r.body or {}))
        return _json({"message": f"stand-in has no route for {r.method} {r.path}", "code": 0}, status=404)

    def _posted(self, channel_id: int, body: dict[str, Any]) -> dict[str, Any]:
        message = message_payload(
            channel_id, author=user(BOT_ID, "deepseek-qa", bot=True), content=body.get("content") or "",
            embeds=body.get("embeds") or [], components=body.get("components") or [],
        )
        self.messages[int(message["id"])] = message
        return message

    def _callback(self, interaction_id: int, body: dict[str, Any]) -> dict[str, Any]:
        kind, data = body["type"], body.get("data") or {}
        interaction = {"id": str(interaction_id), "type": kind,
                       "response_message_loading": kind == 5,
                       "response_message_ephemeral": bool(data.get("flags", 0) & 64)}
        if kind == 8:  # autocomplete choices: no message
            return {"interaction": interaction}
        message_id = self._clicked.pop(interaction_id, None)
        message = message_payload(QUESTION_CHANNEL, author=user(BOT_ID, "deepseek-qa", bot=True),
                                  content=data.get("content") or "", embeds=data.get("embeds") or [],
                                  components=data.get("components") or [], message_id=message_id)
        # discord.py routes later clicks by this id: it must be the message that was clicked.
        interaction["response_message_id"] = message["id"]
        return {"interaction": interaction, "resource": {"type": kind, "message": message}}

    def note_click(self, interaction_id: int, message_id: int) -> None:
        self._clicked[interaction_id] = message_id


# -- payloads ------------------------------------------------------------------------------

def application() -> dict[str, Any]:
    return {"id": str(BOT_ID), "name": "deepseek-qa", "icon": None, "description": "", "bot_public": True,
            "bot_require_code_grant": False, "verify_key": "0" * 64, "flags": 0,
            "owner": user(OTHER_USER_ID, "owner"), "team": None, "summary": ""}


def many_guilds(servers: int, channels: int = 30) -> dict[int, dict[int, str]]:
    """For scale: the test guild, then made-up servers (spread over shards) of `channels` text
    channels each, `servers` in all."""
    extra = {GUILD_ID + (k << 22): {snowflake(): f"channel-{c}" for c in range(channels)} for k in range(1, servers)}
    return {GUILD_ID: GUILD_CHANNELS[GUILD_ID], **extra}


def channel(channel_id: int, name: str, guild_id: int = GUILD_ID) -> dict[str, Any]:
    overwrites = []
    if channel_id == LOCKED_CHANNEL:  # @everyone (the bot too) may not send here
        overwrites = [{"id": str(guild_id), "type": 0, "allow": "0", "deny": str(SEND_MESSAGES)}]
    return {"id": str(channel_id), "type": 0, "name": name, "position": 0, "guild_id": str(guild_id),
            "permission_overwrites": overwrites, "nsfw": False, "parent_id": None, "topic": None}


def guild(guild_id: int = GUILD_ID, channels: dict[int, str] | None = None) -> dict[str, Any]:
    channels = GUILD_CHANNELS[guild_id] if channels is None else channels
    return {
        "id": str(guild_id), "name": f"Stand-in Guild {guild_id}", "icon": None, "owner_id": str(OTHER_USER_ID),
        "unavailable": False, "large": False, "member_count": 3, "features": [], "emojis": [], "stickers": [],
        "roles": [{"id": str(guild_id), "name": "@everyone", "permissions": str(EVERYONE_PERMISSIONS),
                   "position": 0, "color": 0, "hoist": False, "managed": False, "mentionable": False}],
        "channels": [channel(c, name, guild_id) for c, name in channels.items()],
        "members": [{"user": user(BOT_ID, "deepseek-qa", bot=True), "roles": [], "joined_at": TIMESTAMP,
                     "deaf": False, "mute": False, "flags": 0}],
        "threads": [], "voice_states": [], "presences": [], "stage_instances": [],
        "guild_scheduled_events": [], "joined_at": TIMESTAMP, "verification_level": 0,
        "default_message_notifications": 0, "explicit_content_filter": 0, "mfa_level": 0,
        "premium_tier": 0, "preferred_locale": "en-US", "nsfw_level": 0,
    }


def message_payload(
    channel_id: int,
    *,
    author: dict[str, Any] | None = None,
    content: str = "",
    mentions: list[dict[str, Any]] | None = None,
    embeds: list[dict[str, Any]] | None = None,
    components: list[dict[str, Any]] | None = None,
    message_id: int | None = None,
    in_guild: bool = True,
    guild_id: int = GUILD_ID,
) -> dict[str, Any]:
    message = {
        "id": str(message_id or snowflake()), "channel_id": str(channel_id), "author": author or user(),
        "content": content, "timestamp": TIMESTAMP, "edited_timestamp": None, "tts": False,
        "mention_everyone": False, "mentions": mentions or [], "mention_roles": [], "attachments": [],
        "embeds": embeds or [], "pinned": False, "type": 0, "flags": 0, "components": components or [],
    }
    if in_guild:
        message["guild_id"] = str(guild_id)
        message["member"] = {"roles": [], "joined_at": TIMESTAMP, "deaf": False, "mute": False, "flags": 0}
    return message


def interaction_payload(
    kind: int,
    data: dict[str, Any],
    *,
    locale: str = "en-US",
    message: dict[str, Any] | None = None,
    user_id: int = USER_ID,
    guild_id: int = GUILD_ID,
    permissions: int = 2147483647,  # the member's, in that channel (Manage Server is 1 << 5)
) -> dict[str, Any]:
    channel_id, name = next(iter(GUILD_CHANNELS[guild_id].items()))
    payload = {
        "id": str(snowflake()), "application_id": str(BOT_ID), "type": kind, "data": data,
        "guild_id": str(guild_id), "channel_id": str(channel_id),
        "channel": {**channel(channel_id, name, guild_id)},
        "member": {"user": user(user_id), "roles": [], "joined_at": TIMESTAMP, "deaf": False, "mute": False,
                   "flags": 0, "permissions": str(permissions)},
        "token": f"token-{snowflake()}", "version": 1, "locale": locale, "guild_locale": "en-US",
        "app_permissions": "2147483647", "entitlements": [],
        "authorizing_integration_owners": {"0": str(guild_id)},
        "context": 0, "attachment_size_limit": 26214400,
    }
    if message is not None:
        payload["message"] = message
    return payload


def command(name: str, /, **options: Any) -> dict[str, Any]:
    """Application command data, as Discord sends it when the user runs /name option=value."""
    return {"id": str(snowflake()), "name": name, "type": 1,
            "options": [{"name": k, "type": 3, "value": v} for k, v in options.items()]}


def autocomplete(name: str, focused: str, /, **options: Any) -> dict[str, Any]:
    data = command(name, **options)
    for option in data["options"]:
        if option["name"] == focused:
            option["focused"] = True
    return data


def subcommand(*path: str, options: dict[str, tuple[int, Any]] | None = None,
               resolved: dict[str, Any] | None = None) -> dict[str, Any]:
    """Data of a subcommand such as /config channels add channel:#x: `path` ("config", "channels",
    "add"), options as name -> (option type, value), and Discord's resolved objects."""
    leaf: list[dict[str, Any]] = [{"name": k, "type": t, "value": v} for k, (t, v) in (options or {}).items()]
    for depth, name in reversed(list(enumerate(path[1:], start=1))):
        kind = 1 if depth == len(path) - 1 else 2  # subcommand, or subcommand group
        leaf = [{"name": name, "type": kind, "options": leaf}]
    data: dict[str, Any] = {"id": str(snowflake()), "name": path[0], "type": 1, "options": leaf}
    if resolved:
        data["resolved"] = resolved
    return data


def resolved_channel(channel_id: int, guild_id: int = GUILD_ID) -> dict[str, Any]:
    """`resolved` for a channel option, as Discord sends it."""
    name = GUILD_CHANNELS[guild_id][channel_id]
    return {"channels": {str(channel_id): {"id": str(channel_id), "name": name, "type": 0,
                                           "permissions": "2147483647", "parent_id": None}}}
