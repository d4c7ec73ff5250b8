"""Per-user cooldown on questions and commands.

The clock is injectable so tests step time by hand instead of sleeping."""

from __future__ import annotations

import time
from collections.abc import Callable


class Cooldown:
    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self._clock = clock
        self._last: dict[int, float] = {}
        # Users already told to wait in the current window: in a busy channel one note is
        # enough, a note under every message would be its own kind of spam.
        self._warned: set[int] = set()

    def remaining(self, user_id: int, seconds: float | None = None) -> float:
        """Seconds until the user may ask again (after `seconds`, default the operator's); 0: now."""
        seconds = self.seconds if seconds is None else seconds
        last = self._last.get(user_id)
        if seconds <= 0 or last is None:
            return 0.0
        return max(0.0, seconds - (self._clock() - last))

    def start(self, user_id: int) -> None:
        """The user is being answered: their window starts now (a server may wait longer than 0)."""
        now = self._clock()
        self._last[user_id] = now
        self._warned.discard(user_id)
        if len(self._last) > 10_000:  # keep memory bounded on very large servers
            self._forget_older_than(now - self.seconds)

    def first_warning(self, user_id: int) -> bool:
        """True the first time a user is told to wait within one window."""
        if user_id in self._warned:
            return False
        self._warned.add(user_id)
        return True

    def _forget_older_than(self, cutoff: float) -> None:
        for user_id in [u for u, t in self._last.items() if t < cutoff]:
            del self._last[user_id]
            self._warned.discard(user_id)
