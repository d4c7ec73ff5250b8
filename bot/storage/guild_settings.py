"""Per-server settings: what a server chose, the operator's defaults, and the values in force.

GuildConfig keeps every server's choices in memory (loaded at start, updated on each write),
so the question path reads them without a query. It holds each server's question channels as
one array of 64-bit ids (240 bytes for 30 channels, not 30 Python ints in a tuple: about 1.2 KB),
and hands out GuildSettings, whose channels are a tuple, only when asked for them."""

from __future__ import annotations

import asyncio
from array import array
from dataclasses import dataclass, fields, replace
from typing import Any, Protocol

LANGUAGES = ("auto", "zh", "zh-TW", "en")  # zh-TW: Chinese in Traditional characters


@dataclass(frozen=True)
class RateLimit:
    """Questions per user: `burst` at once, then one more every `refill_seconds`."""

    burst: int
    refill_seconds: float

    def within(self, ceiling: RateLimit) -> RateLimit:
        """This limit, made never looser than `ceiling`."""
        return RateLimit(min(self.burst, ceiling.burst), max(self.refill_seconds, ceiling.refill_seconds))


@dataclass(frozen=True, slots=True)
class GuildSettings:
    """What one server chose; None everywhere means the operator's default."""

    channels: tuple[int, ...] | None = None
    language: str | None = None
    rate_burst: int | None = None
    rate_refill_seconds: float | None = None
    log_enabled: bool | None = None

    def is_default(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))


_UNSET = GuildSettings()


@dataclass(frozen=True)
class Defaults:
    """The operator's defaults, from the environment."""

    channels: tuple[int, ...] = ()
    language: str = "auto"
    rate_limit: RateLimit = RateLimit(1, 0.0)
    log_enabled: bool = True


class SettingsStore(Protocol):
    """What GuildConfig needs of a store (bot.storage.store.Store has it): no import of the store here,
    which imports these settings."""

    async def all_guild_settings(self) -> dict[int, GuildSettings]: ...

    async def save_guild_settings(self, guild_id: int, values: GuildSettings) -> None: ...

    async def delete_guild(self, guild_id: int) -> None: ...


class GuildConfig:
    """Every server's settings, in memory, written through to the store (when there is one)."""

    def __init__(self, defaults: Defaults, chosen: dict[int, GuildSettings] | None = None,
                 store: SettingsStore | None = None) -> None:
        self.defaults = defaults
        self._chosen: dict[int, GuildSettings] = {}  # what each server chose, but its channels
        self._channels: dict[int, array] = {}  # the servers that chose their channels: the ids
        for guild_id, settings in (chosen or {}).items():
            self._keep(guild_id, settings)
        self._store = store
        self._write = asyncio.Lock()  # one read-modify-write at a time

    @classmethod
    async def load(cls, store: SettingsStore, defaults: Defaults) -> GuildConfig:
        return cls(defaults, await store.all_guild_settings(), store)

    def chosen(self, guild_id: int | None) -> GuildSettings:
        own = self._own(guild_id)
        channels = self._channels.get(guild_id) if guild_id else None
        return own if channels is None else replace(own, channels=tuple(channels))

    def _own(self, guild_id: int | None) -> GuildSettings:
        """What a server chose, but its channels (None there): cheap, for the question path."""
        return self._chosen.get(guild_id, _UNSET) if guild_id else _UNSET

    def _keep(self, guild_id: int, settings: GuildSettings) -> None:
        if settings.channels is None:
            self._channels.pop(guild_id, None)
        else:
            self._channels[guild_id] = array("Q", settings.channels)
        self._chosen[guild_id] = replace(settings, channels=None)

    # -- the values in force ----------------------------------------------------------------

    def channels(self, guild_id: int | None) -> tuple[int, ...]:
        return tuple(self._channels_in_force(guild_id))

    def is_question_channel(self, guild_id: int | None, channel_id: int) -> bool:
        """Whether every message in `channel_id` is read as a question (the question path: no copy)."""
        return channel_id in self._channels_in_force(guild_id)

    def _channels_in_force(self, guild_id: int | None) -> array | tuple[int, ...]:
        """The server's own ids (the array, not copied), else the operator's."""
        own = self._channels.get(guild_id) if guild_id else None
        return self.defaults.channels if own is None else own

    def language(self, guild_id: int | None) -> str:
        return self._own(guild_id).language or self.defaults.language

    def rate_limit(self, guild_id: int | None) -> RateLimit:
        own, ceiling = self._own(guild_id), self.defaults.rate_limit
        return RateLimit(own.rate_burst or ceiling.burst,
                         ceiling.refill_seconds if own.rate_refill_seconds is None
                         else own.rate_refill_seconds).within(ceiling)

    def log_enabled(self, guild_id: int | None) -> bool:
        own = self._own(guild_id).log_enabled
        return self.defaults.log_enabled if own is None else own

    # -- changes ----------------------------------------------------------------------------

    async def update(self, guild_id: int, **changes: Any) -> GuildSettings:
        """Store the changed values for a server; memory changes only once the store has them."""
        async with self._write:
            new = replace(self.chosen(guild_id), **changes)
            if self._store is not None:
                await self._store.save_guild_settings(guild_id, new)
            self._keep(guild_id, new)
            return new

    async def reset(self, guild_id: int) -> None:
        """Back to the operator's defaults: the server's row is deleted."""
        async with self._write:
            if self._store is not None:
                await self._store.delete_guild(guild_id)
            self._chosen.pop(guild_id, None)
            self._channels.pop(guild_id, None)
