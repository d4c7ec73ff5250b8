"""The database behind the storage interface: SQLite in the state folder, or PostgreSQL.

SQLAlchemy's async Core speaks to both (aiosqlite and asyncpg underneath), so every query
below is written once; only opening the database differs."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import delete, event, func, insert, inspect, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from bot.settings import Settings

if TYPE_CHECKING:
    from bot.insights.records import MissRecord

from .guild_settings import GuildSettings
from .schema import LATEST, MIGRATIONS, guild_settings, miss_log, miss_overflow, schema_version, votes

DB_FILE = "bot.db"
CONNECT_TIMEOUT_SECONDS = 5
_MIGRATION_LOCK = 0x6473_7162  # PostgreSQL advisory lock: one process migrates at a time


class StorageError(RuntimeError):
    """The database cannot be opened, read or written; the message names it and why.
    `transient`: the server could not be reached, which a retry may fix (not a setting to change)."""

    def __init__(self, message: str, *, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient


class Store:
    """Per-server state. Every method is one transaction; a returned write is committed."""

    def __init__(self, engine: AsyncEngine, where: str) -> None:
        self._engine = engine
        self.where = where  # for messages: the file, or the URL without its password

    @property
    def backend(self) -> str:
        return self._engine.dialect.name  # "sqlite" or "postgresql"

    async def close(self) -> None:
        await self._engine.dispose()

    # -- schema -----------------------------------------------------------------------------

    async def version(self) -> int:
        """The schema version of the database; 0 for an empty one."""
        async with self._transaction() as conn:
            return await _read_version(conn)

    async def upgrade(self, target: int = LATEST) -> tuple[int, int]:
        """Apply the migrations after the database's version up to `target`; (before, after)."""
        async with self._transaction() as conn:
            if self.backend == "postgresql":
                await conn.execute(select(func.pg_advisory_xact_lock(_MIGRATION_LOCK)))
            before = await _read_version(conn)
            self.refuse_newer(before)
            for number in range(before + 1, target + 1):
                for statement in MIGRATIONS[number - 1]:
                    await conn.execute(text(statement))
            if before == 0:
                await conn.run_sync(schema_version.create, checkfirst=True)
                await conn.execute(insert(schema_version).values(version=target))
            elif target > before:
                await conn.execute(update(schema_version).values(version=target))
        return before, max(before, target)

    def refuse_newer(self, version: int) -> None:
        """Raise if `version` comes from a newer bot: its data may not fit this code."""
        if version > LATEST:
            raise StorageError(f"{self.where} was written by a newer version of the bot (schema {version}; "
                               f"this one knows up to {LATEST}): upgrade the bot or restore a backup")

    # -- per-server settings ----------------------------------------------------------------

    async def all_guild_settings(self) -> dict[int, GuildSettings]:
        async with self._transaction() as conn:
            rows = (await conn.execute(select(guild_settings))).mappings()
            return {row["guild_id"]: _from_row(row) for row in rows}

    async def save_guild_settings(self, guild_id: int, values: GuildSettings) -> None:
        row = _to_row(values)
        async with self._transaction() as conn:
            changed = await conn.execute(update(guild_settings).where(guild_settings.c.guild_id == guild_id)
                                         .values(**row))
            if not changed.rowcount:
                await conn.execute(insert(guild_settings).values(guild_id=guild_id, **row))

    async def delete_guild(self, guild_id: int) -> None:
        """Forget everything kept for a server."""
        async with self._transaction() as conn:
            await conn.execute(delete(guild_settings).where(guild_settings.c.guild_id == guild_id))

    # -- the miss log and the votes -----------------------------------------------------------

    async def add_miss(self, record: MissRecord) -> None:
        async with self._transaction() as conn:
            await conn.execute(insert(miss_log).values(**_record_row(record)))

    async def save_vote(self, voter: str, record: MissRecord) -> None:
        """One vote per voter (a keyed hash of user and answer): a second vote replaces the first."""
        async with self._transaction() as conn:
            await conn.execute(delete(votes).where(votes.c.voter == voter))
            await conn.execute(insert(votes).values(voter=voter, **_record_row(record)))

    async def set_vote_note(self, voter: str, note: str) -> bool:
        """The note of a vote already kept; False when there is none (it was purged meanwhile)."""
        async with self._transaction() as conn:
            changed = await conn.execute(update(votes).where(votes.c.voter == voter).values(note=note))
            return bool(changed.rowcount)

    async def records_on(self, guild_id: int | None, day: dt.date) -> int:
        """How many records a server (None: the DMs) has for `day`, miss log and votes together."""
        async with self._transaction() as conn:
            total = 0
            for table in (miss_log, votes):
                where = table.c.guild_id.is_(None) if guild_id is None else table.c.guild_id == guild_id
                total += (await conn.execute(select(func.count()).select_from(table)
                                             .where(where, table.c.day == day.isoformat()))).scalar() or 0
            return total

    async def count_dropped(self, guild_id: int | None, day: dt.date) -> None:
        """One more record past the daily bound, counted without its text."""
        key = (miss_overflow.c.guild_id == (guild_id or 0), miss_overflow.c.day == day.isoformat())
        async with self._transaction() as conn:
            changed = await conn.execute(update(miss_overflow).where(*key).values(dropped=miss_overflow.c.dropped + 1))
            if not changed.rowcount:
                await conn.execute(insert(miss_overflow).values(guild_id=guild_id or 0, day=day.isoformat(), dropped=1))

    async def dropped(self, first_day: dt.date | None = None) -> int:
        async with self._transaction() as conn:
            query = select(func.coalesce(func.sum(miss_overflow.c.dropped), 0))
            if first_day is not None:
                query = query.where(miss_overflow.c.day >= first_day.isoformat())
            return int((await conn.execute(query)).scalar() or 0)

    async def miss_records(self, first_day: dt.date | None = None) -> list[MissRecord]:
        """The miss log and the votes (as upvote/downvote records), from `first_day` on."""
        async with self._transaction() as conn:
            records = []
            for table in (miss_log, votes):
                query = select(*(c for c in table.c if c.name != "voter"))
                if first_day is not None:
                    query = query.where(table.c.day >= first_day.isoformat())
                records += [_record_from(row) for row in (await conn.execute(query)).mappings()]
            return records

    async def purge_guild(self, guild_id: int) -> int:
        """Delete every record of a server; how many there were."""
        async with self._transaction() as conn:
            deleted = 0
            for table in (miss_log, votes, miss_overflow):
                deleted += (await conn.execute(delete(table).where(table.c.guild_id == guild_id))).rowcount or 0
            return deleted

    async def purge_before(self, day: dt.date) -> int:
        """Delete every record older than `day`; how many there were."""
        async with self._transaction() as conn:
            deleted = 0
            for table in (miss_log, votes, miss_overflow):
                deleted += (await conn.execute(delete(table).where(table.c.day < day.isoformat()))).rowcount or 0
            return deleted

    # -- plumbing ---------------------------------------------------------------------------

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[AsyncConnection]:
        try:
            async with self._engine.begin() as conn:
                yield conn
        except (TimeoutError, OSError) as exc:  # the server, not the query
            raise StorageError(f"{self.where}: cannot connect ({_reason(exc)})", transient=True) from None
        except SQLAlchemyError as exc:
            raise StorageError(f"{self.where}: {_reason(exc)}") from None


# SQLite's own words, and what they mean for the operator.
_SQLITE_HINTS = {
    "unable to open database file": "cannot create or open it (is the state folder read-only?)",
    "attempt to write a readonly database": "it is read-only",
    "database or disk is full": "cannot write: the disk is full",
    "disk I/O error": "cannot write: disk I/O error (is the disk full?)",
}


def _reason(exc: BaseException) -> str:
    cause = getattr(exc, "orig", None) or exc
    message = str(cause).strip().splitlines()[0] if str(cause).strip() else type(cause).__name__
    message = message.removeprefix("<class '").split("'>: ", 1)[-1]
    return _SQLITE_HINTS.get(message, message)


async def _read_version(conn: AsyncConnection) -> int:
    if not await conn.run_sync(lambda sync: inspect(sync).has_table(schema_version.name)):
        return 0
    return (await conn.execute(select(func.max(schema_version.c.version)))).scalar() or 0


def _from_row(row) -> GuildSettings:
    channels = row["channels"]
    return GuildSettings(
        channels=None if channels is None else tuple(json.loads(channels)),
        language=row["language"],
        rate_burst=row["rate_burst"],
        rate_refill_seconds=row["rate_refill_seconds"],
        log_enabled=row["log_enabled"],
    )


def _to_row(values: GuildSettings) -> dict:
    return {
        "channels": None if values.channels is None else json.dumps(list(values.channels)),
        "language": values.language,
        "rate_burst": values.rate_burst,
        "rate_refill_seconds": values.rate_refill_seconds,
        "log_enabled": values.log_enabled,
    }


def _record_row(record: MissRecord) -> dict:
    return {"guild_id": record.guild_id, "day": record.day.isoformat(), "kind": record.kind,
            "question": record.question, "lang": record.lang, "intent": record.intent,
            "models": ",".join(record.models), "field": record.field, "selector": record.selector,
            "reason": record.reason, "note": record.note, "knowledge_version": record.knowledge_version}


def _record_from(row) -> MissRecord:
    from bot.insights.records import MissRecord  # only where records are read: `db check` stays light

    return MissRecord(**{**row, "models": tuple(m for m in row["models"].split(",") if m),
                         "day": dt.date.fromisoformat(row["day"])})


# -- opening ---------------------------------------------------------------------------------

def connect(settings: Settings) -> Store:
    """The store the settings name, not yet touched (opening is lazy; errors come on first use)."""
    if settings.database_url:
        return _postgresql(settings.database_url)
    return _sqlite(settings.state_dir / DB_FILE)


async def open_store(settings: Settings) -> Store:
    """The store, its schema brought up to date: what the bot does at start."""
    store = connect(settings)
    try:
        await store.upgrade()
    except StorageError:
        await store.close()
        raise
    return store


def _postgresql(url: str) -> Store:
    try:
        parsed = make_url(url).set(drivername="postgresql+asyncpg")
        engine = create_async_engine(parsed, pool_pre_ping=True,
                                     connect_args={"timeout": CONNECT_TIMEOUT_SECONDS})
    except (ArgumentError, ValueError) as exc:
        raise StorageError(f"DATABASE_URL: {exc}") from None
    return Store(engine, "PostgreSQL " + parsed.set(drivername="postgresql").render_as_string(hide_password=True))


def _sqlite(path: Path) -> Store:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"cannot create the state folder {path.parent}: {exc.strerror}") from None
    engine = create_async_engine(f"sqlite+aiosqlite:///{path}")

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(connection, _record) -> None:
        # Transactions are begun below, so schema changes are atomic too (pysqlite would not).
        connection.isolation_level = None
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
        cursor.execute("PRAGMA synchronous=FULL")  # a committed change survives a crash
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return Store(engine, str(path))
