"""The console adapter: a local chat over the same engine, with the Discord commands.

Lines starting with `/` are commands (`/help`, `/model NAME`, `/models [FILTER]`,
`/compare A B`, `/timeline`); anything else is a question. Ctrl-D or Ctrl-C ends it.
A timeline answer also writes the lineage picture and says where."""

from __future__ import annotations

import sys
from typing import BinaryIO, TextIO

from bot.core.engine import Answer, Engine
from bot.core.language import reply_language
from bot.core.query import Query
from bot.timeline import save_for_console

CONVERSATION = "console"
PROMPT = "you> "


def handle(engine: Engine, line: str, lang: str | None = None) -> str:
    """The reply to one console line: a command or a question."""
    line = line.strip()
    if not line:
        return ""
    if error := engine.refresh():
        print(f"knowledge error (still answering from the last good knowledge):\n{error}", file=sys.stderr)
    reply_lang = lang or reply_language(line)
    if not line.startswith("/"):
        answer = engine.ask(line, conversation=CONVERSATION, lang=lang)
    else:
        command, _, argument = line[1:].partition(" ")
        argument = argument.strip()
        answer = _command(engine, command.lower(), argument, lang or reply_language(argument, reply_lang))
    if not isinstance(answer, Answer):
        return answer
    if answer.query.selector == "timeline":
        return f"{answer.text}\n\n{save_for_console(engine.kb, answer.lang)}"
    return answer.text


def _command(engine: Engine, command: str, argument: str, lang: str) -> Answer | str:
    if command == "help":
        return engine.help(lang)
    if command == "model":
        model = engine.resolve_model(argument)
        if model is None:
            names = ", ".join(label for label, _ in engine.complete(argument, limit=5))
            return f"Unknown model {argument!r}. Try one of: {names}" if argument else "Usage: /model NAME"
        return engine.answer(Query("model", (model,)), lang)
    if command == "models":
        filters = {label.lower(): selector for label, selector in engine.filters(lang)}
        selector = filters.get(argument.lower()) or (f"tag:{argument}" if argument else "all")
        if selector not in filters.values():
            return "Filters: " + ", ".join(label for label, _ in engine.filters(lang))
        return engine.answer(Query("list", selector=selector), lang)
    if command == "compare":
        names = [part for part in argument.replace(",", " ").split() if part]
        models = [engine.resolve_model(name) for name in names]
        if len(models) < 2 or None in models:
            return "Usage: /compare A B   (for example: /compare v2 v3)"
        return engine.answer(Query("compare", tuple(dict.fromkeys(models))), lang)
    if command == "timeline":
        return engine.answer(Query("list", selector="timeline"), lang)
    return f"Unknown command /{command}. Commands: /help /model /models /compare /timeline"


def chat(engine: Engine, lang: str | None = None, hint: str | None = None,
         stdin: BinaryIO | None = None, stdout: TextIO = sys.stdout) -> int:
    """Read lines as bytes and decode each one here: bytes that are not UTF-8 become U+FFFD,
    whatever the locale, and never end the chat."""
    stdin = stdin or sys.stdin.buffer
    if hint:
        print(hint, file=stdout)
    print("Ask about the DeepSeek models in English or Chinese; /help for commands, Ctrl-D to quit.",
          file=stdout)
    interactive = stdin.isatty()
    while True:
        if interactive:
            print(PROMPT, end="", file=stdout, flush=True)
        try:
            line = stdin.readline()
        except KeyboardInterrupt:
            line = b""
        if not line:
            print("", file=stdout)
            return 0
        if reply := handle(engine, line.decode("utf-8", errors="replace"), lang):
            print(reply + "\n", file=stdout, flush=True)
