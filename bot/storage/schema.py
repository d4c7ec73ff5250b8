"""The tables, and the numbered migrations that build them.

A database records the number of the last migration applied to it; start-up applies the
ones after it, in order, in one transaction. A new table or column is a new migration at
the end of MIGRATIONS (never an edit of an old one) plus its columns in the tables below."""

from __future__ import annotations

from peewee import Table

schema_version = Table("schema_version", ("version",))

# One row per server that changed something; NULL: the operator's default for that value.
guild_settings = Table(
    "guild_settings",
    (
        "guild_id",
        "channels",  # JSON list of channel ids
        "language",  # auto | zh | en
        "rate_burst",
        "rate_refill_seconds",
        "log_enabled",  # since version 2
    ),
    primary_key="guild_id",
)

# Each version's statements, in the SQL that SQLite and PostgreSQL share.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (  # 1: per-server question channels, language and rate limit
        "CREATE TABLE guild_settings (guild_id BIGINT PRIMARY KEY, channels TEXT, language VARCHAR(4), "
        "rate_burst INTEGER, rate_refill_seconds DOUBLE PRECISION)",
    ),
    (  # 2: whether the server's unanswered questions may be recorded for the maintainers
        "ALTER TABLE guild_settings ADD COLUMN log_enabled BOOLEAN",
    ),
)
LATEST = len(MIGRATIONS)
# Where the version is kept; created with the first migration a database gets.
VERSION_TABLE = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"
