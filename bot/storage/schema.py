"""The tables, and the numbered migrations that build them.

A database records the number of the last migration applied to it; start-up applies the
ones after it, in order, in one transaction. A new table or column is a new migration at
the end of MIGRATIONS (never an edit of an old one) plus its shape in the tables below."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, Float, Integer, MetaData, String, Table, Text

metadata = MetaData()

schema_version = Table("schema_version", metadata, Column("version", Integer, nullable=False))

# One row per server that changed something; NULL: the operator's default for that value.
guild_settings = Table(
    "guild_settings",
    metadata,
    Column("guild_id", BigInteger, primary_key=True, autoincrement=False),
    Column("channels", Text),  # JSON list of channel ids
    Column("language", String(4)),  # auto | zh | en
    Column("rate_burst", Integer),
    Column("rate_refill_seconds", Float),
    Column("log_enabled", Boolean),  # since version 2
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
