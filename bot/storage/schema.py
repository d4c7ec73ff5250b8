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
        "reply_language",  # auto | zh | zh-TW | en; since version 4 (`language`, too narrow for zh-TW, is left unused)
        "rate_burst",
        "rate_refill_seconds",
        "log_enabled",  # since version 2
    ),
    primary_key="guild_id",
)


# What is kept of one answer (bot.insights.MissRecord): never who asked.
ANSWER_COLUMNS = (
    "guild_id",  # NULL in a DM
    "day",  # ISO date: day granularity only
    "kind", "question", "lang", "intent",
    "models",  # comma-separated model ids
    "field", "selector", "reason", "note", "knowledge_version",
    # since version 5: what was asked, as the report groups it (bot.insights.asked), and a rephrasing
    "about",  # comma-separated model ids
    "asked", "uncovered", "wording", "rephrasing", "rephrasing_parse",
)
# Since version 3: declines and near misses (since version 5, rephrasings too), one row each.
miss_log = Table("miss_log", ANSWER_COLUMNS)
# Since version 3: one vote per (user, answer); `voter` is a keyed hash of both, never the user's id.
votes = Table("votes", ("voter", *ANSWER_COLUMNS), primary_key="voter")
# Since version 3: records past the daily bound, counted without their text (DMs: guild_id 0).
miss_overflow = Table("miss_overflow", ("guild_id", "day", "dropped"))

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
    (  # 4: the reply language may be zh-TW, longer than the first column allowed; what a server chose is kept
        "ALTER TABLE guild_settings ADD COLUMN reply_language VARCHAR(8)",
        "UPDATE guild_settings SET reply_language = language",
    ),
    (  # 5: what each record asked (its class, models and uncovered name, or its wording), so the report groups
       # in the database; and the question asked again of a rephrasing with its parse. Older rows keep NULL.
        *(f"ALTER TABLE {table} ADD COLUMN {column}" for table in ("miss_log", "votes") for column in (
            "about TEXT NOT NULL DEFAULT ''", "asked TEXT", "uncovered TEXT", "wording TEXT", "rephrasing TEXT",
            "rephrasing_parse TEXT")),
    ),
)
LATEST = len(MIGRATIONS)
# Where the version is kept; created with the first migration a database gets.
VERSION_TABLE = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"
