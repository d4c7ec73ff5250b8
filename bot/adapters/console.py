"""The console adapter: a local chat over the same engine, with the Discord commands.

Lines starting with `/` are commands (`/help`, `/ask QUESTION`, `/model NAME`, `/models [FILTER]`,
`/compare A B`, `/timeline`, and `/source`: the article's passage behind the last answer);
anything else is a question; a command's answer is followed up like a question's ("/model v2", then
"when was it released?"). Ctrl-D or Ctrl-C ends it. A timeline answer also writes the
lineage picture under the state directory and says where (and, once, when Chinese labels can't be drawn)."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

from bot.core.engine import MAX_QUESTION_CHARS, Answer, Engine
from bot.core.language import reply_language, writes_traditional
from bot.core.normalise import has_chinese
from bot.core.query import Query
from bot.render.cards import to_text
from bot.render.timeline import has_chinese_font, save_for_console, say_timeline
from bot.render.traditional import Converted, Traditional
from bot.settings import Settings

if TYPE_CHECKING:  # imported by `chat --record` alone: the console loads no database otherwise
    from bot.adapters.console_log import ConsoleLog

CONVERSATION = "console"
PROMPT = "you> "
DEFAULT_STATE_DIR = Settings().state_dir
# What the console says itself, in the reply language (the answers are the engine's).
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "greeting": "Ask about the DeepSeek models in English or Chinese; /help for commands, Ctrl-D to quit.",
        "recording": "Recording what this chat cannot answer (never who asked) in {where}, for the "
                     "maintainer's report (`bot report`).",
        "console_only": "In this console: /source shows the article's passage behind the last answer; Ctrl-D quits.",
        "usage_ask": "Usage: /ask QUESTION",
        "usage_model": "Usage: /model NAME",
        "usage_compare": "Usage: /compare A B   (for example: /compare v2 v3)",
        "filters": "Filters: {filters}",
        "source_first": "Ask something first: /source shows the article's passage behind the last answer.",
        "source_none": "The last answer quotes nothing from the article.",
        "unknown_command": "Unknown command /{command}. Commands: /help /ask /model /models /compare /timeline /source",
    },
    "zh": {
        "greeting": "用中文或英文询问 DeepSeek 模型;/help 查看命令,Ctrl-D 退出。",
        "recording": "本次对话中无法回答的问题会记录在 {where}(从不记录提问者),供维护者报告(`bot report`)查看。",
        "console_only": "控制台中:/source 显示上一个回答所依据的文章原文;Ctrl-D 退出。",
        "usage_ask": "用法:/ask 问题",
        "usage_model": "用法:/model 名称",
        "usage_compare": "用法:/compare A B   (例如:/compare v2 v3)",
        "filters": "筛选条件:{filters}",
        "source_first": "请先提问:/source 显示上一个回答所依据的文章原文。",
        "source_none": "上一个回答没有引用文章原文。",
        "unknown_command": "未知命令 /{command}。命令:/help /ask /model /models /compare /timeline /source",
    },
}


def say_console(lang: str, key: str, **values: object) -> str:
    return WORDS[lang][key].format(**values)


@dataclass
class Session:
    """What one console chat remembers between lines besides the engine's follow-up memory."""
    last: Answer | None = None
    told_font: bool = False
    state_dir: Path = DEFAULT_STATE_DIR  # pictures are saved under it, each with a new name
    log: ConsoleLog | None = None  # `chat --record`: the misses are kept for the maintainer's report
    traditional: Converted = field(init=False)  # the strings of replies in Traditional, converted when first needed
    in_traditional: bool = False  # the chat's last Chinese question was written in Traditional characters

    def __post_init__(self) -> None:
        self.traditional = Converted(self.state_dir, WORDS["zh"].values())


def handle(engine: Engine, line: str, lang: str | None = None, session: Session | None = None) -> str:
    """The reply to one console line: a command or a question."""
    session = session or Session()
    line = line.strip()
    if not line:
        return ""
    if error := engine.refresh():
        print(f"knowledge error (still answering from the last good knowledge):\n{error}", file=sys.stderr)
    reply_lang = lang or reply_language(line)
    if not line.startswith("/"):
        question = line
        answer = engine.ask(line, conversation=CONVERSATION, lang=lang)
    else:
        command, _, argument = line[1:].partition(" ")
        question = argument = argument.strip()  # what was typed into the command, as Discord keeps it
        answer = _command(engine, command.lower(), argument, lang or reply_language(argument, reply_lang), session)
    if not isinstance(answer, Answer):
        return answer
    session.last = answer
    if session.log is not None and question:
        session.log.answered(question[:MAX_QUESTION_CHARS], answer)
    table = _script(engine, line, session) if answer.lang == "zh" else None
    text = to_text(table.reply(answer.reply) if table else answer.reply)
    if answer.query.selector == "timeline":
        return f"{text}\n\n{_timeline(engine, answer.lang, session)}"
    if answer.query.reason == "help":
        return f"{text}\n\n{say_console(answer.lang, 'console_only')}"
    return text


def _script(engine: Engine, line: str, session: Session) -> Traditional | None:
    """The Traditional strings when the reply is to be written in them, else None: a question written in
    Traditional characters is answered in them (the /source passages stay the article's), and so is one in
    characters both scripts share ("那 V3 呢?") after it; one in Simplified ends that."""
    if writes_traditional(line):
        session.in_traditional = True
    elif session.in_traditional and has_chinese(line):
        table = session.traditional(engine.kb)
        session.in_traditional = table is not None and table.convert(line) == line  # no Simplified-only character
    return session.traditional(engine.kb) if session.in_traditional else None


def _timeline(engine: Engine, lang: str, session: Session) -> str:
    saved = save_for_console(engine.kb, lang, session.state_dir / "pictures")
    if lang != "zh" or session.told_font or has_chinese_font():
        return saved
    session.told_font = True  # said once, plainly, instead of a log line in the middle of the chat
    return f"{saved}\n{say_timeline(lang, 'no_cjk_font')}"


def _command(engine: Engine, command: str, argument: str, lang: str, session: Session) -> Answer | str:
    if command == "help":
        return engine.help(lang)
    if command == "ask":
        if not argument:
            return say_console(lang, "usage_ask")
        return engine.ask(argument, conversation=CONVERSATION, lang=lang)
    if command == "source":
        last = session.last
        source = engine.source(last.queries, last.lang) if last else None
        if source is None:
            return say_console(lang, "source_first" if last is None else "source_none")
        return to_text(source)
    if command == "model":
        if not argument:
            return say_console(lang, "usage_model")
        model = engine.resolve_model(argument)
        if model is None:
            return engine.not_covered(argument, lang)
        return engine.answer(Query("model", (model,)), lang, CONVERSATION)
    if command == "models":
        filters = {label.lower(): selector for label, selector in engine.filters(lang)}
        selector = filters.get(argument.lower()) or (f"tag:{argument}" if argument else "all")
        if selector not in filters.values():
            return say_console(lang, "filters", filters=", ".join(label for label, _ in engine.filters(lang)))
        return engine.answer(engine.listing(selector), lang, CONVERSATION)
    if command == "compare":
        names = [part for part in argument.replace(",", " ").split() if part]
        models = [engine.resolve_model(name) for name in names]
        if len(models) < 2 or None in models:
            return say_console(lang, "usage_compare")
        return engine.answer(Query("compare", tuple(dict.fromkeys(models))), lang, CONVERSATION)
    if command == "timeline":
        return engine.answer(engine.listing("timeline"), lang, CONVERSATION)
    return say_console(lang, "unknown_command", command=command)


def chat(engine: Engine, lang: str | None = None, hint: str | None = None, stdin: BinaryIO | None = None,
         stdout: TextIO = sys.stdout, state_dir: Path = DEFAULT_STATE_DIR, log: ConsoleLog | None = None) -> int:
    """Read lines as bytes and decode each one here: bytes that are not UTF-8 become U+FFFD,
    whatever the locale, and never end the chat. With a `log`, the misses are recorded."""
    stdin = stdin or sys.stdin.buffer
    if hint:
        print(hint, file=stdout)
    print(say_console(lang or "en", "greeting"), file=stdout)
    if log is not None:
        print(say_console(lang or "en", "recording", where=log.where), file=stdout)
    # the console says what matters itself (a missing Chinese font, once); log lines would cut into the chat
    logger = logging.getLogger("bot")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        return _loop(engine, lang, stdin, stdout, Session(state_dir=state_dir, log=log))
    finally:
        logger.setLevel(level)


def _loop(engine: Engine, lang: str | None, stdin: BinaryIO, stdout: TextIO, session: Session) -> int:
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
        if reply := handle(engine, line.decode("utf-8", errors="replace"), lang, session):
            print(reply + "\n", file=stdout, flush=True)
