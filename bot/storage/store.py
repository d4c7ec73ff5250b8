"""The database behind the storage interface: SQLite in the state folder, or PostgreSQL.

peewee's query builder speaks to both, so every query below is written once; only opening
the database and running a transaction differ. SQLite (the standard library's sqlite3)
blocks, so its transactions run in the store's own worker thread, one at a time, in order:
the event loop never waits on the disk. PostgreSQL runs on the event loop through peewee's
asyncio bridge over asyncpg, imported only when DATABASE_URL names one."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urlsplit, urlunsplit

from peewee import (
    SQL,
    Case,
    Database,
    OperationalError,
    PeeweeException,
    PostgresqlDatabase,
    SqliteDatabase,
    Table,
    fn,
)

from bot.settings import Settings

if TYPE_CHECKING:
    from bot.insights.records import MissRecord
    from bot.insights.summary import Summary

from .guild_settings import GuildSettings
from .schema import (
    ANSWER_COLUMNS,
    LATEST,
    MIGRATIONS,
    VERSION_TABLE,
    guild_settings,
    miss_log,
    miss_overflow,
    schema_version,
    votes,
)

DB_FILE = "bot.db"
CONNECT_TIMEOUT_SECONDS = 5
_MIGRATION_LOCK = 0x6473_7162  # PostgreSQL advisory lock: one process migrates at a time
T = TypeVar("T")


class StorageError(RuntimeError):
    """The database cannot be opened, read or written; the message names it and why.
    `transient`: the server could not be reached, which a retry may fix (not a setting to change)."""

    def __init__(self, message: str, *, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient


class Store:
    """Per-server state. Every method is one transaction; a returned write is committed."""

    def __init__(self, db: Database, where: str, errors: tuple[type[Exception], ...] = ()) -> None:
        self._db = db
        self.where = where  # for messages: the file, or the URL without its password
        self._errors = (PeeweeException, *errors)  # what the driver raises beside peewee's own
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="storage")

    @property
    def backend(self) -> str:
        return "postgresql" if isinstance(self._db, PostgresqlDatabase) else "sqlite"

    async def close(self) -> None:
        if self.backend == "postgresql":
            await self._db.close_pool()  # type: ignore[attr-defined]
        else:
            await asyncio.get_running_loop().run_in_executor(self._thread, self._db.close)
        self._thread.shutdown()

    # -- schema -----------------------------------------------------------------------------

    async def version(self) -> int:
        """The schema version of the database; 0 for an empty one."""
        return await self._run(_read_version)

    async def upgrade(self, target: int = LATEST) -> tuple[int, int]:
        """Apply the migrations after the database's version up to `target`; (before, after)."""
        def apply(db: Database) -> tuple[int, int]:
            if self.backend == "postgresql":
                db.execute_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
            before = _read_version(db)
            self.refuse_newer(before)
            for number in range(before + 1, target + 1):
                for statement in MIGRATIONS[number - 1]:
                    db.execute_sql(statement)
            if before == 0:
                db.execute_sql(VERSION_TABLE)
                schema_version.insert(version=target).execute(db)
            elif target > before:
                schema_version.update(version=target).execute(db)
            return before, max(before, target)

        return await self._run(apply)

    def refuse_newer(self, version: int) -> None:
        """Raise if `version` comes from a newer bot: its data may not fit this code."""
        if version > LATEST:
            raise StorageError(f"{self.where} was written by a newer version of the bot (schema {version}; "
                               f"this one knows up to {LATEST}): upgrade the bot or restore a backup")

    # -- per-server settings ----------------------------------------------------------------

    async def all_guild_settings(self) -> dict[int, GuildSettings]:
        return await self._run(lambda db: {row["guild_id"]: _from_row(row)
                                           for row in guild_settings.select().iterator(db)})

    async def save_guild_settings(self, guild_id: int, values: GuildSettings) -> None:
        row = _to_row(values)

        def save(db: Database) -> None:
            if not guild_settings.update(**row).where(guild_settings.guild_id == guild_id).execute(db):
                guild_settings.insert(guild_id=guild_id, **row).execute(db)

        await self._run(save)

    async def delete_guild(self, guild_id: int) -> None:
        """Forget everything kept for a server."""
        await self._run(guild_settings.delete().where(guild_settings.guild_id == guild_id).execute)

    # -- the miss log and the votes -----------------------------------------------------------

    async def add_miss(self, record: MissRecord) -> None:
        await self._run(miss_log.insert(**_record_row(record)).execute)

    async def save_vote(self, voter: str, record: MissRecord) -> None:
        """One vote per voter (a keyed hash of user and answer): a second vote replaces the first."""
        def save(db: Database) -> None:
            votes.delete().where(votes.voter == voter).execute(db)
            votes.insert(voter=voter, **_record_row(record)).execute(db)

        await self._run(save)

    async def set_vote_note(self, voter: str, note: str) -> bool:
        """The note of a vote already kept; False when there is none (it was purged meanwhile)."""
        return bool(await self._run(votes.update(note=note).where(votes.voter == voter).execute))

    async def records_on(self, guild_id: int | None, day: dt.date) -> int:
        """How many records a server (None: the DMs) has for `day`, miss log and votes together."""
        def count(db: Database) -> int:
            return sum(table.select(fn.COUNT(SQL("*"))).where(
                (table.guild_id.is_null() if guild_id is None else table.guild_id == guild_id)
                & (table.day == day.isoformat())).scalar(db) or 0 for table in (miss_log, votes))

        return await self._run(count)

    async def count_dropped(self, guild_id: int | None, day: dt.date) -> None:
        """One more record past the daily bound, counted without its text."""
        key = (miss_overflow.guild_id == (guild_id or 0)) & (miss_overflow.day == day.isoformat())

        def count(db: Database) -> None:
            if not miss_overflow.update(dropped=miss_overflow.dropped + 1).where(key).execute(db):
                miss_overflow.insert(guild_id=guild_id or 0, day=day.isoformat(), dropped=1).execute(db)

        await self._run(count)

    async def dropped(self, first_day: dt.date | None = None) -> int:
        """Records past the daily bounds, from `first_day` on."""
        query = miss_overflow.select(fn.COALESCE(fn.SUM(miss_overflow.dropped), 0))
        if first_day is not None:
            query = query.where(miss_overflow.day >= first_day.isoformat())
        return int(await self._run(query.scalar) or 0)

    async def records_before(self, day: dt.date) -> int:
        """How many records (miss log and votes) are older than `day`: what a report from `day` on leaves out."""
        def count(db: Database) -> int:
            return sum(table.select(fn.COUNT(SQL("*"))).where(table.day < day.isoformat()).scalar(db) or 0
                       for table in (miss_log, votes))

        return await self._run(count)

    async def miss_records(self, first_day: dt.date | None = None) -> list[MissRecord]:
        """The miss log and the votes (as upvote/downvote records), from `first_day` on."""
        def read(db: Database) -> list[MissRecord]:
            records = []
            for table in (miss_log, votes):
                query = table.select(*(getattr(table, c) for c in ANSWER_COLUMNS))  # never the voter
                if first_day is not None:
                    query = query.where(table.day >= first_day.isoformat())
                records += [_record_from(row) for row in query.execute(db)]
            return records

        return await self._run(read)

    async def miss_summary(self, first_day: dt.date | None = None) -> Summary:
        """What the report reads, from `first_day` on, counted by the database (GROUP BY): each distinct question
        with its parse and what it asked, the servers each group was asked in, the uncovered names per day."""
        from bot.insights.summary import ASKING, TALLIED, ServerRow, Summary, Tally, UncoveredRow

        def period(table: Table, query):
            return query if first_day is None else query.where(table.day >= first_day.isoformat())

        def read(db: Database) -> Summary:
            summary = Summary()
            for table in (miss_log, votes):
                columns = [getattr(table, c) for c in TALLIED]
                direct = fn.SUM(Case(None, [(table.guild_id.is_null(), SQL("1"))], SQL("0")))
                query = period(table, table.select(*columns, fn.COUNT(SQL("*")).alias("n"), direct.alias("direct")))
                for row in query.group_by(*columns).dicts().execute(db):
                    count, direct_count = row.pop("n"), int(row.pop("direct"))
                    summary.tallies.append(Tally(_record_from(row), count, direct_count))
                # a group by wording is found by its question (so is a row not read yet); the others by what was asked
                question = Case(None, [(table.asked.is_null() | (table.asked == ""), table.question)], None)
                where = [table.asked, table.about, table.uncovered, question, table.guild_id]
                query = period(table, table.select(*where).where(table.guild_id.is_null(False)))
                # by position: PostgreSQL does not take the CASE with its parameters as the one selected
                by_position = [SQL(str(n)) for n in range(1, len(where) + 1)]
                summary.servers += [ServerRow(a, _ids(b), n, q, g) for a, b, n, q, g in
                                    query.group_by(*by_position).tuples().execute(db)]
            uncovered = [miss_log.asked, miss_log.uncovered, miss_log.intent, miss_log.reason, miss_log.day]
            names = (miss_log.uncovered.is_null(False) & (miss_log.asked != "foreign-model")) | (
                miss_log.asked.is_null() & (miss_log.reason.startswith("unknown-model:")
                                            | miss_log.reason.startswith("variant:")))
            query = period(miss_log, miss_log.select(*uncovered, fn.COUNT(SQL("*"))).where(
                names & miss_log.kind.in_(ASKING)))
            summary.uncovered = [UncoveredRow(a, n, i, r, dt.date.fromisoformat(d), c)
                             for a, n, i, r, d, c in query.group_by(*uncovered).tuples().execute(db)]
            return summary

        return await self._run(read)

    async def purge_guild(self, guild_id: int) -> int:
        """Delete every record of a server; how many there were."""
        return await self._purge(lambda table: table.guild_id == guild_id)

    async def purge_before(self, day: dt.date) -> int:
        """Delete every record older than `day`; how many there were."""
        return await self._purge(lambda table: table.day < day.isoformat())

    async def _purge(self, which: Callable[[Table], object]) -> int:
        return await self._run(lambda db: sum(table.delete().where(which(table)).execute(db)
                                              for table in (miss_log, votes, miss_overflow)))

    # -- backups ----------------------------------------------------------------------------

    async def backup(self, target: Path) -> None:
        """A consistent copy of the SQLite database at `target`, taken while the bot may be writing (SQLite's
        online backup: what is still in the write-ahead log is included). PostgreSQL has pg_dump for this."""
        if self.backend == "postgresql":
            raise StorageError(f"{self.where}: back PostgreSQL up with pg_dump (docs/operating.md, Backups)")

        def copy(db: Database) -> None:
            target.parent.mkdir(parents=True, exist_ok=True)
            copied = sqlite3.connect(target)
            try:
                db.connection().backup(copied)
            finally:
                copied.close()

        try:
            await asyncio.get_running_loop().run_in_executor(self._thread, self._connected, copy)
        except (OSError, sqlite3.Error) as exc:
            raise StorageError(f"cannot back {self.where} up to {target}: {exc}") from None

    def _connected(self, work: Callable[[Database], T]) -> T:
        """`work(db)` on the open connection, outside a transaction (a backup reads a snapshot of its own)."""
        self._connect()
        return work(self._db)

    # -- plumbing ---------------------------------------------------------------------------

    async def _run(self, work: Callable[[Database], T]) -> T:
        """`work(db)` in one transaction: on the event loop for PostgreSQL, in the store's thread for SQLite."""
        if self.backend == "postgresql":
            return await self._db.run(self._transaction, work)  # type: ignore[attr-defined]
        return await asyncio.get_running_loop().run_in_executor(self._thread, self._transaction, work)

    def _transaction(self, work: Callable[[Database], T]) -> T:
        db = self._db
        try:
            self._connect()
            with db.atomic():
                return work(db)
        except self._errors as exc:
            with suppress(*self._errors):
                db.close()  # the next transaction starts from a fresh connection
            raise StorageError(f"{self.where}: {_reason(exc)}") from None

    def _connect(self) -> None:
        if self.backend == "sqlite":
            self._db.connect(reuse_if_open=True)
            return
        try:
            self._db.connect()  # this task's connection from the pool; reused, or a new one
        except (OSError, OperationalError) as exc:  # the server, not the query
            raise StorageError(f"{self.where}: cannot connect ({_reason(exc)})", transient=True) from None


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
    return _SQLITE_HINTS.get(message, message)


def _read_version(db: Database) -> int:
    if not db.table_exists(schema_version.__name__):
        return 0
    return schema_version.select(fn.MAX(schema_version.version)).scalar(db) or 0


def _from_row(row: dict) -> GuildSettings:
    channels, log_enabled = row["channels"], row["log_enabled"]
    return GuildSettings(
        channels=None if channels is None else tuple(json.loads(channels)),
        language=row["reply_language"],
        rate_burst=row["rate_burst"],
        rate_refill_seconds=row["rate_refill_seconds"],
        log_enabled=None if log_enabled is None else bool(log_enabled),  # SQLite keeps 0 or 1
    )


def _to_row(values: GuildSettings) -> dict:
    return {
        "channels": None if values.channels is None else json.dumps(list(values.channels)),
        "reply_language": values.language,
        "rate_burst": values.rate_burst,
        "rate_refill_seconds": values.rate_refill_seconds,
        "log_enabled": values.log_enabled,
    }


def _record_row(record: MissRecord) -> dict:
    return {"guild_id": record.guild_id, "day": record.day.isoformat(), "kind": record.kind,
            "question": record.question, "lang": record.lang, "intent": record.intent,
            "models": ",".join(record.models), "field": record.field, "selector": record.selector,
            "reason": record.reason, "note": record.note, "knowledge_version": record.knowledge_version,
            "about": ",".join(record.about), "asked": record.asked, "uncovered": record.uncovered,
            "wording": record.wording, "rephrasing": record.rephrasing, "rephrasing_parse": record.rephrasing_parse}


def _ids(text: str | None) -> tuple[str, ...]:
    return tuple(m for m in (text or "").split(",") if m)


def _record_from(row: dict) -> MissRecord:
    from bot.insights.records import MissRecord  # only where records are read: `db check` stays light

    day = row.get("day")
    return MissRecord(**{**row, "models": _ids(row["models"]), "about": _ids(row["about"]),
                         "day": dt.date.fromisoformat(day) if day else dt.date.min})


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
    import asyncpg
    from playhouse.pwasyncio import AsyncPostgresqlDatabase

    parts = urlsplit(url)
    user, at, host = parts.netloc.rpartition("@")
    shown = parts._replace(scheme="postgresql", netloc=f"{user.split(':', 1)[0]}:***{at}{host}" if ":" in user
                           else parts.netloc)
    db = AsyncPostgresqlDatabase(url, acquire_timeout=CONNECT_TIMEOUT_SECONDS)
    return Store(db, f"PostgreSQL {urlunsplit(shown)}", (asyncpg.PostgresError, asyncpg.InterfaceError, OSError))


def _sqlite(path: Path) -> Store:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"cannot create the state folder {path.parent}: {exc.strerror}") from None
    db = SqliteDatabase(
        str(path),
        pragmas={"journal_mode": "wal",  # readers never block the writer
                 "synchronous": "full",  # a committed change survives a crash
                 # 64 KiB of page cache, not SQLite's 2 MB: the bot reads every row once, at start,
                 # and then writes one row at a time (2 MB held for nothing at 2,500 servers)
                 "cache_size": -64},
        timeout=5,  # wait up to 5 s for another writer
        lock_type="IMMEDIATE",  # a transaction takes the write lock when it begins, so it never has to retry
    )
    return Store(db, str(path))
