"""Command line: `python -m bot [run|chat|ask|check|sync|timeline|db]`.

With no command: the Discord bot when DISCORD_TOKEN is set, else the console chat.
The console paths never import discord.py, so they start fast."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
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
    engine = _engine(settings)
    if args.jsonl:
        from bot.core.batch import run_jsonl

        run_jsonl(engine, sys.stdin, sys.stdout)
        return 0
    text = " ".join(args.question)
    if not text:
        print("ask needs a question, e.g.: python -m bot ask \"V3 有多少参数?\"", file=sys.stderr)
        return 2
    answer = engine.ask(text, lang=args.lang)
    if args.json:
        print(json.dumps(answer.to_contract(), ensure_ascii=False, indent=2))
    else:
        print(answer.text)
    return 0


def cmd_chat(args, settings: Settings, *, hint: str | None = None) -> int:
    from bot.adapters.console import chat

    return chat(_engine(settings), lang=args.lang if args else None, hint=hint)


def cmd_run(args, settings: Settings) -> int:
    if not settings.discord_token:
        hint = ("No DISCORD_TOKEN set: this is the local console chat. "
                "Put a token in .env (see .env.example) to connect to Discord.")
        return cmd_chat(None, settings, hint=hint)
    from bot.adapters.discord_app import run

    return run(settings, _engine(settings))


def cmd_sync(args, settings: Settings) -> int:
    if not settings.discord_token:
        print("sync needs DISCORD_TOKEN (see .env.example)", file=sys.stderr)
        return 2
    from bot.adapters.discord_app import sync

    return sync(settings, _engine(settings))


def cmd_timeline(args, settings: Settings) -> int:
    from bot.timeline import write_timeline

    path = write_timeline(_engine(settings).kb, Path(args.output), lang=args.lang or settings.default_lang)
    print(path)
    return 0


def cmd_db(args, settings: Settings) -> int:
    from bot.storage import LATEST, StorageError, connect

    async def run() -> int:
        store = connect(settings)
        try:
            if args.action == "upgrade":
                before, after = await store.upgrade()
                print(f"{store.where}: schema {before} -> {after}" if after > before
                      else f"{store.where}: schema {after}, already the latest")
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

    if args.action == "check" and not settings.database_url and not (settings.state_dir / "bot.db").exists():
        print(f"no database yet in {settings.state_dir}: the bot creates it on first start", file=sys.stderr)
        return 1
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
    db = sub.add_parser("db", help="the settings database (BOT_STATE_DIR/bot.db or DATABASE_URL)")
    db.add_argument("action", choices=("upgrade", "check"),
                    help="upgrade: apply the missing migrations; check: report the schema version")
    return parser


COMMANDS = {"run": cmd_run, "chat": cmd_chat, "ask": cmd_ask, "check": cmd_check,
            "sync": cmd_sync, "timeline": cmd_timeline, "db": cmd_db}


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
    return COMMANDS[args.command or "run"](args, settings)

