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


def _answer_columns() -> list[Column]:
    """What is kept of one answer (bot.insights.MissRecord): never who asked."""
    return [
        Column("guild_id", BigInteger),  # NULL in a DM
        Column("day", String(10), nullable=False),  # ISO date: day granularity only
        Column("kind", String(16), nullable=False),
        Column("question", Text, nullable=False),
        Column("lang", String(4), nullable=False),
        Column("intent", String(16), nullable=False),
        Column("models", Text, nullable=False),  # comma-separated model ids
        Column("field", String(32)),
        Column("selector", Text),
        Column("reason", Text),
        Column("note", Text),
        Column("knowledge_version", String(16), nullable=False),
    ]


# Since version 3: declines and near misses, one row each.
miss_log = Table("miss_log", metadata, *_answer_columns())
# Since version 3: one vote per (user, answer); `voter` is a keyed hash of both, never the user's id.
votes = Table("votes", metadata, Column("voter", String(64), primary_key=True), *_answer_columns())
# Since version 3: records past the daily bound, counted without their text (DMs: guild_id 0).
miss_overflow = Table(
    "miss_overflow",
    metadata,
    Column("guild_id", BigInteger, primary_key=True, autoincrement=False),
    Column("day", String(10), primary_key=True),
    Column("dropped", Integer, nullable=False),
)

_ANSWER_COLUMNS_SQL = ("guild_id BIGINT, day VARCHAR(10) NOT NULL, kind VARCHAR(16) NOT NULL, question TEXT NOT NULL, "
                       "lang VARCHAR(4) NOT NULL, intent VARCHAR(16) NOT NULL, models TEXT NOT NULL, "
                       "field VARCHAR(32), selector TEXT, reason TEXT, note TEXT, "
                       "knowledge_version VARCHAR(16) NOT NULL")

# Each version's statements, in the SQL that SQLite and PostgreSQL share.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (  # 1: per-server question channels, language and rate limit
        "CREATE TABLE guild_settings (guild_id BIGINT PRIMARY KEY, channels TEXT, language VARCHAR(4), "
        "rate_burst INTEGER, rate_refill_seconds DOUBLE PRECISION)",
    ),
    (  # 2: whether the server's unanswered questions may be recorded for the maintainers
        "ALTER TABLE guild_settings ADD COLUMN log_enabled BOOLEAN",
    ),
    (  # 3: the miss log, the votes on answers, and what the daily bound counted without keeping
        f"CREATE TABLE miss_log ({_ANSWER_COLUMNS_SQL})",
        "CREATE INDEX miss_log_guild_day ON miss_log (guild_id, day)",
        f"CREATE TABLE votes (voter VARCHAR(64) PRIMARY KEY, {_ANSWER_COLUMNS_SQL})",
        "CREATE INDEX votes_guild_day ON votes (guild_id, day)",
        "CREATE TABLE miss_overflow (guild_id BIGINT NOT NULL, day VARCHAR(10) NOT NULL, dropped INTEGER NOT NULL, "
        "PRIMARY KEY (guild_id, day))",
    ),
)
LATEST = len(MIGRATIONS)
