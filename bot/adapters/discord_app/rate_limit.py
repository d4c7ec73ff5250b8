"""The one place where a server's rate limit meets the limiter.

A server chooses a token bucket (burst, refill_seconds) never looser than the operator's.
Today's limiter is the per-user cooldown: a bucket of one question refilled after
COOLDOWN_SECONDS. So the operator's limit is (1, COOLDOWN_SECONDS), and a server's limit
reaches the cooldown as its refill_seconds."""

from __future__ import annotations

from typing import Any

from bot.settings import Settings
from bot.storage import RateLimit


def operator_limit(settings: Settings) -> RateLimit:
    return RateLimit(burst=1, refill_seconds=settings.cooldown_seconds)


def wait_seconds(client: Any, guild_id: int | None, user_id: int) -> float:
    """Seconds before the user may ask again under the server's limit; 0: now."""
    return client.cooldown.remaining(user_id, client.config.rate_limit(guild_id).refill_seconds)
