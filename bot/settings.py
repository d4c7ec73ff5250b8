"""Typed settings from the environment (and `.env`), each documented in `.env.example`.

A missing or malformed value stops start-up with one line naming the setting."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_KNOWLEDGE_DIR = PROJECT_ROOT / "knowledge"
DEFAULT_API_BASE = "https://discord.com/api/v10"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
MAX_SNOWFLAKE = 2**64 - 1  # Discord ids are unsigned 64-bit integers


class SettingsError(ValueError):
    """A setting is missing or malformed; the message names it."""


@dataclass(frozen=True)
class Settings:
    discord_token: str | None = None
    guild_ids: tuple[int, ...] = ()
    question_channel_ids: tuple[int, ...] = ()
    default_lang: str = "en"
    log_level: str = "INFO"
    shard_count: int | None = None
    shard_ids: tuple[int, ...] = ()
    api_base: str = DEFAULT_API_BASE
    gateway_url: str | None = None
    knowledge_dir: Path = DEFAULT_KNOWLEDGE_DIR
    state_dir: Path = PROJECT_ROOT / ".bot-state"
    rate_limit_burst: int = 4
    rate_limit_refill_seconds: float = 5.0
    login_timeout_seconds: float = 30.0
    # Whether the privileged Message Content intent is switched on in the developer portal;
    # None: on exactly when QUESTION_CHANNEL_IDS is set.
    message_content_intent: bool | None = None
    database_url: str | None = None  # postgresql://…; None: SQLite in state_dir
    log_retention_days: int = 30  # miss log and votes older than this are deleted

    def __post_init__(self) -> None:
        if self.message_content_intent is None:
            object.__setattr__(self, "message_content_intent", bool(self.question_channel_ids))


def _ids(name: str, raw: str) -> tuple[int, ...]:
    ids = []
    for part in raw.split(","):
        part = part.strip()
        if not part:
            continue
        if not (part.isascii() and part.isdigit() and len(part) <= 20) or int(part) > MAX_SNOWFLAKE:
            raise SettingsError(f"{name}: {part[:30]!r} is not a numeric id (expected a comma-separated list "
                                "of ids: digits 0-9, at most 20 of them)")
        ids.append(int(part))
    return tuple(ids)


def _choice(name: str, raw: str, allowed: tuple[str, ...]) -> str:
    if raw not in allowed:
        raise SettingsError(f"{name}: {raw!r} is not one of {', '.join(allowed)}")
    return raw


def _number(name: str, raw: str, kind: type[int] | type[float], minimum: int = 0) -> int | float:
    try:
        value = kind(raw) if raw.isascii() else math.nan
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise SettingsError(f"{name}: {raw!r} is not a number")
    if value < minimum:
        raise SettingsError(f"{name}: must be at least {minimum}")
    return value


def _url(name: str, raw: str) -> str:
    try:
        parts = urlsplit(raw)
        parts.port  # noqa: B018 - raises on a port that is not a number or out of range
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https", "ws", "wss") or not parts.hostname:
        raise SettingsError(f"{name}: {raw!r} is not a URL (expected http(s)://host/... or ws(s)://host/...)")
    return raw.rstrip("/")


def _flag(name: str, raw: str) -> bool:
    value = raw.lower()
    if value not in ("true", "false", "1", "0", "yes", "no"):
        raise SettingsError(f"{name}: {raw!r} is not true or false")
    return value in ("true", "1", "yes")


def _database_url(name: str, raw: str) -> str:
    try:
        parts = urlsplit(raw)
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError as exc:
        raise SettingsError(f"{name}: malformed URL ({exc})") from None
    if parts.scheme not in ("postgresql", "postgres"):
        raise SettingsError(f"{name}: expected postgresql://user:password@host:port/database, "
                            f"not a {parts.scheme or 'schemeless'} URL")
    if not parts.hostname and "host" not in parse_qs(parts.query):
        raise SettingsError(f"{name}: the URL names no host")
    return raw


def load_settings(env: dict[str, str] | None = None, *, dotenv: bool = True) -> Settings:
    """Read settings from `env` (default: the process environment, after loading `.env`)."""
    if env is None:
        if dotenv:
            from dotenv import load_dotenv

            load_dotenv(PROJECT_ROOT / ".env", override=False)
        env = dict(os.environ)

    def get(name: str) -> str:
        return (env.get(name) or "").strip()

    values: dict = {}
    if token := get("DISCORD_TOKEN"):
        values["discord_token"] = token
    if raw := get("DISCORD_GUILD_IDS"):
        values["guild_ids"] = _ids("DISCORD_GUILD_IDS", raw)
    if raw := get("QUESTION_CHANNEL_IDS"):
        values["question_channel_ids"] = _ids("QUESTION_CHANNEL_IDS", raw)
    if raw := get("DEFAULT_LANG"):
        values["default_lang"] = _choice("DEFAULT_LANG", raw.lower().replace("zh-tw", "zh-TW"), ("en", "zh", "zh-TW"))
    if raw := get("LOG_LEVEL"):
        values["log_level"] = _choice("LOG_LEVEL", raw.upper(), LOG_LEVELS)
    if raw := get("SHARD_COUNT"):
        values["shard_count"] = int(_number("SHARD_COUNT", raw, int, minimum=1))
    if raw := get("SHARD_IDS"):
        values["shard_ids"] = _ids("SHARD_IDS", raw)
        if "shard_count" not in values:
            raise SettingsError("SHARD_IDS: needs SHARD_COUNT as well")
        if any(i >= values["shard_count"] for i in values["shard_ids"]):
            raise SettingsError("SHARD_IDS: every id must be below SHARD_COUNT")
    if raw := get("DISCORD_API_BASE"):
        values["api_base"] = _url("DISCORD_API_BASE", raw)
    if raw := get("DISCORD_GATEWAY_URL"):
        values["gateway_url"] = _url("DISCORD_GATEWAY_URL", raw)
    if raw := get("KNOWLEDGE_DIR"):
        path = Path(raw).expanduser()
        if not path.is_dir():
            raise SettingsError(f"KNOWLEDGE_DIR: {raw!r} is not a folder")
        values["knowledge_dir"] = path
    if raw := get("BOT_STATE_DIR"):
        values["state_dir"] = Path(raw).expanduser()
    if raw := get("RATE_LIMIT_BURST"):
        values["rate_limit_burst"] = int(_number("RATE_LIMIT_BURST", raw, int, minimum=1))
    if raw := get("RATE_LIMIT_REFILL_SECONDS"):
        values["rate_limit_refill_seconds"] = float(_number("RATE_LIMIT_REFILL_SECONDS", raw, float))
    if raw := get("LOGIN_TIMEOUT_SECONDS"):
        values["login_timeout_seconds"] = float(_number("LOGIN_TIMEOUT_SECONDS", raw, float, minimum=1))
    if raw := get("MESSAGE_CONTENT_INTENT"):
        values["message_content_intent"] = _flag("MESSAGE_CONTENT_INTENT", raw)
        if not values["message_content_intent"] and values.get("question_channel_ids"):
            raise SettingsError("MESSAGE_CONTENT_INTENT: QUESTION_CHANNEL_IDS needs it true "
                                "(question channels are read with the Message Content intent)")
    if raw := get("DATABASE_URL"):
        values["database_url"] = _database_url("DATABASE_URL", raw)
    if raw := get("LOG_RETENTION_DAYS"):
        values["log_retention_days"] = int(_number("LOG_RETENTION_DAYS", raw, int, minimum=1))
    return Settings(**values)
