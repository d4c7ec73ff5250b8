"""Step 5: what each conversation talked about last, bounded in size and in time.

A conversation is one user in one channel; its context is forgotten after `ttl` seconds
of silence, and the least recently used conversations go first when `size` is reached."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Context:
    models: tuple[str, ...]
    intent: str
    field: str | None
    earlier: tuple[str, ...] = ()  # the models of the turn before ("R1 …", "V3 呢?", "哪个更早?")
    selector: str | None = None  # what the answer ranked, checked or computed ("largest": "差多少" is in size)
    group: tuple[str, ...] = ()  # the models a pick was made among ("which came first?", then "their papers?")


class ConversationMemory:
    def __init__(self, size: int = 10_000, ttl: float = 15 * 60,
                 clock: Callable[[], float] = time.monotonic):
        self._size, self._ttl, self._clock = size, ttl, clock
        self._items: OrderedDict[str, tuple[float, Context]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: str | None) -> Context | None:
        if key is None or key not in self._items:
            return None
        stamp, context = self._items[key]
        if self._clock() - stamp > self._ttl:
            del self._items[key]
            return None
        return context

    def remember(self, key: str | None, context: Context) -> None:
        if key is None:
            return
        self._items[key] = (self._clock(), context)
        self._items.move_to_end(key)
        while len(self._items) > self._size:
            self._items.popitem(last=False)
