"""Command line: `python -m bot [run|chat|ask|check|sync|timeline|report|log|db]`.

With no command: the Discord bot when DISCORD_TOKEN is set, else the console chat.
The console paths never import discord.py, so they start fast."""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import signal
import sys
from pathlib import Path

from bot.settings import Settings, SettingsError, load_settings


def _engine(settings: Settings):
    from bot.core.engine import Engine
    from bot.core.knowledge import KnowledgeError

    try:
        return Engine.from_folder(settings.knowledge_dir)
    except KnowledgeError as exc:
        print(f"knowledge error: {exc}", file=sys.stderr)
        raise SystemExit(2) from None


def cmd_check(args, settings: Settings) -> int:
    from bot.core.knowledge import KnowledgeError, load_knowledge

    try:
        kb = load_knowledge(settings.knowledge_dir)
    except KnowledgeError as exc:
        print(f"knowledge error: {exc}", file=sys.stderr)
        return 1
    print(f"ok: {len(kb.models)} models, {sum(len(m.aliases) for m in kb.models)} aliases "
          f"in {settings.knowledge_dir}")
    return 0


def cmd_ask(args, settings: Settings) -> int:
    from bot.render.traditional import Converted

    engine = _engine(settings)
    traditional = Converted(settings.state_dir)  # the strings of Traditional replies, converted when first needed
    if args.jsonl:
        from bot.adapters.batch import run_jsonl

        run_jsonl(engine, sys.stdin.buffer, sys.stdout.buffer, traditional)
        return 0
    text = " ".join(args.question)
    if not text:
        print("ask needs a question, e.g.: python -m bot ask \"V3 有多少参数?\"", file=sys.stderr)
        return 2
    from bot.core.language import writes_traditional
    from bot.render.contract import to_contract

    answer = engine.ask(text, lang=args.lang)
    shown = to_contract(answer, traditional(engine.kb) if writes_traditional(text) else None)
    print(json.dumps(shown, ensure_ascii=False, indent=2) if args.json else shown["text"])
    return 0


def cmd_chat(args, settings: Settings, *, hint: str | None = None) -> int:
    from bot.adapters.console import chat

    engine = _engine(settings)
    if not (args and args.record):
        return chat(engine, lang=args.lang if args else None, hint=hint, state_dir=settings.state_dir)
    from bot.adapters.console_log import ConsoleLog
    from bot.storage import StorageError

    try:
        log = ConsoleLog(settings, engine)
    except StorageError as exc:
        print(f"storage error: {exc}", file=sys.stderr)
        return 1 if exc.transient else 2
    try:
        return chat(engine, lang=args.lang, state_dir=settings.state_dir, log=log)
    finally:
        log.close()


def cmd_run(args, settings: Settings) -> int:
    if not settings.discord_token:
        hint = ("No DISCORD_TOKEN set: this is the local console chat. "
                "Put a token in .env (see .env.example) to connect to Discord.")
        return cmd_chat(None, settings, hint=hint)
    # Until the bot's own handlers are in place, SIGTERM stops it as Ctrl-C does: quietly, exit 0.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        from bot.adapters.discord_app import run

        return run(settings, _engine(settings))
    except KeyboardInterrupt:
        return 0


def cmd_sync(args, settings: Settings) -> int:
    if not settings.discord_token:
        print("sync needs DISCORD_TOKEN (see .env.example)", file=sys.stderr)
        return 2
    from bot.adapters.discord_app import sync

    return sync(settings, _engine(settings))


def cmd_timeline(args, settings: Settings) -> int:
    from bot.render.timeline import write_timeline

    try:
        path = write_timeline(_engine(settings).kb, Path(args.output), lang=args.lang or settings.default_lang[:2])
    except OSError as exc:
        print(f"cannot write the picture to {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(path)
    return 0


def _miss_summary(args, settings: Settings, first_day):
    """What the report reads (counts, bot.insights.summary), how many more records the daily bound only counted,
    and how many are older than the period: from the bot's database (grouped there), or a JSON Lines file
    (--from)."""
    from bot.insights import read_jsonl, since, summarise

    if args.from_file:
        records = read_jsonl(args.from_file)
        chosen = list(since(records, first_day))
        return summarise(chosen), 0, len(records) - len(chosen)

    async def read(store):
        earlier = await store.records_before(first_day) if first_day else 0
        return await store.miss_summary(first_day), await store.dropped(first_day), earlier

    return _with_store(settings, read)


def _no_database(settings: Settings) -> bool:
    """SQLite in the state directory, not created yet (by the Discord bot's first start, or `chat --record`)."""
    return not settings.database_url and not (settings.state_dir / "bot.db").exists()


def _with_store(settings: Settings, use):
    """`use(store)` on the bot's database as it stands (never created or upgraded here)."""
    import asyncio

    from bot.insights import RecordError
    from bot.storage import LATEST, StorageError, connect

    if _no_database(settings):
        raise RecordError(f"no database in {settings.state_dir} yet: the Discord bot creates it on first start, "
                          "`python -m bot chat --record` too; or give records with --from FILE.jsonl")

    async def run():
        store = connect(settings)
        try:
            version = await store.version()
            store.refuse_newer(version)
            if version < LATEST:
                raise RecordError(f"{store.where}: schema {version}, behind {LATEST}: run `python -m bot db upgrade`")
            return await use(store)
        finally:
            await store.close()

    try:
        return asyncio.run(run())
    except StorageError as exc:
        raise RecordError(f"storage error: {exc}") from None


def cmd_report(args, settings: Settings) -> int:
    import datetime as dt

    from bot import insights

    engine = _engine(settings)
    try:
        first_day = insights.first_day(args.since, dt.date.today())
        summary, dropped, earlier = _miss_summary(args, settings, first_day)
        report = insights.report_from(summary, engine, first_day, dropped=dropped, earlier=earlier)
    except insights.RecordError as exc:
        print(f"report error: {exc}", file=sys.stderr)
        return 2
    source = f" --from {args.from_file}" if args.from_file else ""
    hint = f"{_this_python()} -m bot report{source} --since {args.since} --apply"
    if args.apply:
        return _apply(report, args.apply, settings.knowledge_dir)
    if args.format == "json":
        out = json.dumps(insights.to_json(report), ensure_ascii=False, indent=2) + "\n"
    elif args.format == "html":
        from bot.insights.chart import satisfaction_png

        votes = any(report.votes.values())
        out = insights.to_html(report, satisfaction_png(insights.chart_tables(report)) if votes else None, hint)
    else:
        out = insights.to_text(report, hint)
    if args.output:
        try:
            Path(args.output).write_text(out, encoding="utf-8")
        except OSError as exc:
            print(f"report error: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        print(f"report written: {args.output}")
    else:
        sys.stdout.write(out)
    return 0


def _this_python() -> str:
    """This Python as a command typed from here: `.venv/bin/python` in the project, as the docs write it."""
    try:
        return str(Path(sys.executable).relative_to(Path.cwd()))
    except ValueError:
        return sys.executable


def _apply(report, suggestion_id: str, folder: Path) -> int:
    from bot.insights import EditError, apply_edit

    suggestion = report.suggestion(suggestion_id)
    if suggestion is None:
        print(f"no suggestion {suggestion_id!r} in this report (same --from and --since as the report?)",
              file=sys.stderr)
        return 1
    try:
        diff = apply_edit(folder, suggestion.edit)
    except (EditError, OSError) as exc:
        print(f"not applied: {exc}", file=sys.stderr)
        return 1
    print(f"applied {suggestion.id}: {suggestion.edit.describe()}; the knowledge check passes. "
          "A running bot picks it up on its next reload.")
    print(diff, end="")
    return 0
def cmd_log(args, settings: Settings) -> int:
    from bot.insights import RecordError

    if _no_database(settings):
        print(f"nothing to delete: no database in {settings.state_dir} (nothing was recorded)")
        return 0
    try:
        deleted = _with_store(settings, lambda store: store.purge_guild(args.guild))
    except RecordError as exc:
        print(f"log error: {exc}", file=sys.stderr)
        return 2
    print(f"deleted {deleted} records of server {args.guild}")
    return 0


def cmd_db(args, settings: Settings) -> int:
    import asyncio

    from bot.storage import LATEST, StorageError, connect

    async def run() -> int:
        store = connect(settings)
        try:
            if args.action == "upgrade":
                before, after = await store.upgrade()
                print(f"{store.where}: schema {before} -> {after}" if after > before
                      else f"{store.where}: schema {after}, already the latest")
                return 0
            if args.action == "backup":
                target = Path(args.folder)
                await store.backup(target / "bot.db")
                kept = [target / "bot.db"]
                if (key := settings.state_dir / "voter.key").exists():  # without it, a restored vote is a new voter
                    shutil.copy2(key, target / "voter.key")
                    kept.append(target / "voter.key")
                print(f"backed up {store.where} to {', '.join(map(str, kept))}")
                return 0
            version = await store.version()
            store.refuse_newer(version)
            if version < LATEST:
                print(f"{store.where}: schema {version}, behind {LATEST}: the bot upgrades it on start, "
                      "or run `python -m bot db upgrade`")
                return 1
            print(f"ok: {store.where} ({store.backend}), schema {version}")
            return 0
        finally:
            await store.close()

    if args.action != "upgrade" and _no_database(settings):
        print(f"no database yet in {settings.state_dir}: the Discord bot creates it on first start, "
              "`python -m bot chat --record` too", file=sys.stderr)
        return 1
    if args.action == "backup" and not args.folder:
        print("db backup needs a folder to write into, e.g.: python -m bot db backup backups/2026-03-14",
              file=sys.stderr)
        return 2
    try:
        return asyncio.run(run())
    except StorageError as exc:
        print(f"storage error: {exc}", file=sys.stderr)
        return 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__.splitlines()[0])
    parser.add_argument("--knowledge", metavar="DIR", help="answer from another knowledge folder")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="Discord bot with DISCORD_TOKEN, else the console chat (default)")
    chat = sub.add_parser("chat", help="interactive console chat")
    chat.add_argument("--lang", choices=("zh", "en"), help="force the reply language")
    chat.add_argument("--record", action="store_true",
                      help="keep what the chat cannot answer in the bot's database, for `report` (never who asked)")
    ask = sub.add_parser("ask", help="answer one question, or a batch with --jsonl")
    ask.add_argument("question", nargs="*")
    ask.add_argument("--lang", choices=("zh", "en"), help="force the reply language")
    form = ask.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print the answer object")
    form.add_argument("--jsonl", action="store_true", help="batch: JSON lines on stdin (see CONTRACT)")
    check = sub.add_parser("check", help="validate the knowledge folder and exit")
    check.add_argument("--knowledge", metavar="DIR", default=argparse.SUPPRESS, help="the folder to check")
    sub.add_parser("sync", help="sync the slash commands to Discord and exit")
    timeline = sub.add_parser("timeline", help="write the lineage picture as a PNG")
    timeline.add_argument("-o", "--output", default="timeline.png")
    timeline.add_argument("--lang", choices=("zh", "en"))
    report = sub.add_parser("report", help="the maintainer's report: failed questions and suggested edits")
    report.add_argument("--since", default="7d", help="7d, 4w, an ISO date or all (default 7d)")
    report.add_argument("--format", choices=("text", "json", "html"), default="text")
    report.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE")
    report.add_argument("--from", dest="from_file", metavar="FILE.jsonl",
                        help="read the records from a JSON Lines file instead of the bot's database")
    report.add_argument("--apply", metavar="SUGGESTION_ID", help="write one suggested edit into the knowledge")
    log = sub.add_parser("log", help="the miss log and votes in the bot's database")
    log.add_argument("action", choices=("purge",), help="purge: delete one server's records")
    log.add_argument("--guild", type=int, required=True, metavar="ID", help="the server id")
    db = sub.add_parser("db", help="the settings database (BOT_STATE_DIR/bot.db or DATABASE_URL)")
    db.add_argument("action", choices=("upgrade", "check", "backup"),
                    help="upgrade: apply the missing migrations; check: report the schema version; "
                         "backup: a consistent copy of bot.db (SQLite), with voter.key, into FOLDER")
    db.add_argument("folder", nargs="?", metavar="FOLDER", help="backup: where the copy goes (created if need be)")
    return parser


COMMANDS = {"run": cmd_run, "chat": cmd_chat, "ask": cmd_ask, "check": cmd_check,
            "sync": cmd_sync, "timeline": cmd_timeline, "report": cmd_report, "log": cmd_log,
            "db": cmd_db}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings()
        if args.knowledge:  # the option wins over KNOWLEDGE_DIR, with the same checks
            settings = load_settings({**os.environ, "KNOWLEDGE_DIR": args.knowledge}, dotenv=False)
    except SettingsError as exc:
        print(f"setting error: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        return COMMANDS[args.command or "run"](args, settings)
    except BrokenPipeError:  # the reader stopped early (`| head -1`): end quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing left to flush at exit
        return 128 + signal.SIGPIPE

