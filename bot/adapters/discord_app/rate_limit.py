"""A per-user token bucket, shared by channel questions and slash commands.

Each user may ask `burst` questions in a row; one more becomes available every `refill`
seconds. A short burst lets a person ask, read the card and follow up ("v3?") without being
told to wait, while a flood is still held back. The operator's values are the default; a
caller may pass a stricter limit per call (a server's own setting), never a looser one.

The clock is injectable so tests step time by hand instead of sleeping."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.settings import Settings
from bot.storage import RateLimit

MAX_TRACKED_USERS = 10_000  # beyond this the least recently seen user starts again with a full bucket


@dataclass
class _Bucket:
    tokens: float
    stamp: float
    noted: set[int] = field(default_factory=set)  # places told to wait since the last allowed question


class RateLimiter:
    def __init__(self, burst: int, refill: float, *, clock: Callable[[], float] = time.monotonic,
                 max_users: int = MAX_TRACKED_USERS) -> None:
        self.burst = burst
        self.refill = refill  # seconds per question regained; 0 turns the limit off
        self._clock = clock
        self._max_users = max_users
        self._buckets: OrderedDict[int, _Bucket] = OrderedDict()

    def limits(self, burst: int | None = None, refill: float | None = None) -> tuple[int, float]:
        """The limit that applies: the operator's, or a stricter one asked for by the caller."""
        if not self.refill:  # the operator set no limit: any limit asked for is stricter
            return (burst or self.burst), (refill or 0.0)
        return min(burst or self.burst, self.burst), max(refill or 0.0, self.refill)

    def try_acquire(self, key: int, *, burst: int | None = None, refill: float | None = None) -> float:
        """Take one question from `key`'s bucket: 0.0 if allowed, else the seconds until one is."""
        burst, refill = self.limits(burst, refill)
        if not refill:
            return 0.0
        now = self._clock()
        bucket = self._buckets.pop(key, None) or _Bucket(float(burst), now)
        bucket.tokens = min(float(burst), bucket.tokens + (now - bucket.stamp) / refill)
        bucket.stamp = now
        self._buckets[key] = bucket  # most recently seen last
        while len(self._buckets) > self._max_users:
            self._buckets.popitem(last=False)
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            bucket.noted.clear()
            return 0.0
        return (1.0 - bucket.tokens) * refill

    def first_refusal(self, key: int, place: int) -> bool:
        """True the first time `key` is refused in `place` (a channel) since they were last allowed:
        one note per channel is enough; a note under every message would be its own spam."""
        bucket = self._buckets.get(key)
        if bucket is None or place in bucket.noted:
            return False
        bucket.noted.add(place)
        return True


# -- a server's own limit ---------------------------------------------------------------------
# The one place where /config ratelimit meets the limiter: the operator's limit is the ceiling
# of every server's (bot.storage clamps to it too), and each question is counted against the
# limit of the server it was asked in.

def operator_limit(settings: Settings) -> RateLimit:
    return RateLimit(burst=settings.rate_limit_burst, refill_seconds=settings.rate_limit_refill_seconds)


def wait_seconds(client: Any, guild_id: int | None, user_id: int) -> float:
    """Take one question from the user under the server's limit: 0.0 if allowed, else seconds to wait."""
    limit = client.config.rate_limit(guild_id)
    return client.rate_limit.try_acquire(user_id, burst=limit.burst, refill=limit.refill_seconds)
