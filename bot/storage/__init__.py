"""Per-server state in a database: SQLite in the state folder by default, PostgreSQL when
DATABASE_URL is set. Callers use `open_store` and `GuildConfig`, never knowing which.

Imported only by the Discord adapter and `python -m bot db`: the console never loads it."""

from .guild_settings import LANGUAGES, Defaults, GuildConfig, GuildSettings, RateLimit
from .schema import LATEST
from .store import StorageError, Store, connect, open_store

__all__ = ["LANGUAGES", "LATEST", "Defaults", "GuildConfig", "GuildSettings", "RateLimit", "StorageError",
           "Store", "connect", "open_store"]
