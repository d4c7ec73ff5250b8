"""`python -m bot report` over a large miss log: a busy bot's week, in the bot's own SQLite database.

A week of a busy bot: 2,500 servers, each allowed up to 2,000 records a day. The records are generated
from questions the engine really reads (each distinct question parsed once, its record read as the miss
log reads it): declines it recognises by what they ask (prices, downloads, future versions, models the
article does not cover, variants) in English and Chinese; bursts of one typo'd question it cannot read;
chatter, each message in its own words (random words and characters, so the wording fallback has many
distinct wordings to group); 👍, 👎 and rephrasings. They are written with one INSERT per table into a
database the bot created (`open_store`), and the report is timed as a maintainer runs it: `python -m bot
report --since all --format json` in a child process, from start to exit.

Beside it, in the same run: the same database's GROUP BY (`Store.miss_summary`, what the report reads)
beside reading every record (`Store.miss_records`, what the report read before), and, up to 20,000 records
(it grows with the square), the former grouping (every wording against every other with rapidfuzz's token set
ratio) on the same wordings. Also alone: `python -m benchmarks.report_scale [--sizes 5000 20000 200000]`."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

from benchmarks.timing import render

ROOT = Path(__file__).resolve().parent.parent
SIZES = (5_000, 20_000, 200_000)
QUICK_SIZES = (2_000,)
SERVERS = 2_500
DAYS = 7
TARGET_S = 10.0
PAIRWISE_MAX = 20_000  # the former grouping is timed up to this many records (it grows with the square)

# What people ask that the engine recognises, with the share of records each class gets
RECOGNISED = [
    "what does deepseek v3 cost per token?", "deepseek v3 每个 token 多少钱", "how much is r1 per million tokens",
    "R1 的 API 价格是多少", "how do i run r1 locally", "怎么在本地部署 R1", "can i download janus pro",
    "when will R2 come out?", "R2 什么时候发布", "is deepseek v4 coming", "what is V3.1", "V3.1 参数多少",
    "V3-0324 好用吗", "R1-0528 是什么", "V2.5 什么时候发布的", "V2-Lite 多大", "R1-Distill-Qwen-32B 多少参数",
    "gpt-4 vs v3", "what license is v3 under", "V3 可以商用吗", "r1 context length", "R1 上下文多长",
    "what gpu do i need for v3", "r1 error 500 help", "deepseek stock price", "tell me a joke",
]
BURSTS = ["ds3 什么时候发布", "dsr1 参数多少", "deepseek codr when", "v3 有多重"]  # typos and phrasings it misreads
ANSWERED = ["V3 有多少参数", "r1", "deepseek v3 per token", "what is janus pro", "which models are moe"]
WORDS = ["hello", "thanks", "anyone", "here", "help", "please", "what", "why", "how", "when", "bot", "cool", "nice",
         "weird", "slow", "fast", "today", "tomorrow", "question", "answer", "model", "chat", "code", "python", "rust",
         "server", "discord", "channel", "wrong", "right", "maybe", "think", "know", "love", "hate", "works", "broken",
         "again", "later", "sorry", "lol", "ok", "yes", "no", "good", "bad", "great", "test", "ping", "hi", "hey"]
HANZI = ("你好谢谢有人在吗帮忙为什么怎么今天明天问题回答模型聊天代码服务器频道错误正确可能知道喜欢好坏测试早上晚上"
         "大家一下这个那个")


@dataclass
class Row:
    records: int
    report_s: float
    grouped_s: float  # the database's GROUP BY: what the report reads
    every_s: float  # reading every record, as the report did before
    pairwise_s: float | None  # the former grouping, on the same wordings
    groups: int
    rows_read: int  # tallies and server rows the GROUP BY returned


def records(engine, count: int, seed: int = 7) -> list:
    """`count` records as the miss log keeps them, from questions the engine reads."""
    from bot.insights.asked import Reader
    from bot.insights.records import MissRecord

    rng = random.Random(seed)
    reader = Reader(engine)
    today = dt.date.today()
    parsed: dict[tuple[str, str], object] = {}

    def read(question: str, kind: str):
        if (question, kind) not in parsed:
            parsed[(question, kind)] = reader.read(MissRecord.from_answer(question, engine.ask(question), kind=kind,
                                                                          day=today, knowledge_version="bench"))
        return parsed[(question, kind)]

    def chatter(n: int) -> str:
        if n % 2:
            return "".join(rng.choices(HANZI, k=rng.randint(5, 12)))
        return " ".join(rng.choices(WORDS, k=rng.randint(4, 9)))

    again = "deepseek v3 cost per token"
    out = []
    for n in range(count):
        roll = rng.random()
        if roll < 0.45:
            record = read(rng.choice(RECOGNISED), "decline")
        elif roll < 0.60:
            record = read(rng.choice(BURSTS), "decline")
        elif roll < 0.85:  # chatter addressed to the bot: each message its own words
            question = chatter(n)
            record = reader.read(MissRecord(question, "zh" if n % 2 else "en", "none", reason="out-of-scope",
                                            knowledge_version="bench"))
        elif roll < 0.93:
            record = read(rng.choice(ANSWERED), rng.choice(("upvote", "downvote")))
        else:  # V3's card, then the same asked again: declined as a price
            record = replace(read("deepseek v3 per token", "rephrased"), rephrasing=again,
                             rephrasing_parse=engine.ask(again).query.to_key())
        day = today - dt.timedelta(days=rng.randrange(DAYS))
        guild = None if rng.random() < 0.05 else 910000000000000000 + rng.randrange(SERVERS)
        out.append(replace(record, guild_id=guild, day=day))
    return out


def write(state: Path, found: list) -> None:
    """The records into the bot's database, created as the bot creates it; votes in their own table."""
    from bot.settings import Settings
    from bot.storage import open_store
    from bot.storage.schema import ANSWER_COLUMNS
    from bot.storage.store import _record_row

    async def create() -> None:
        store = await open_store(Settings(state_dir=state))
        await store.close()

    asyncio.run(create())
    db = sqlite3.connect(state / "bot.db")
    columns = ", ".join(ANSWER_COLUMNS)
    marks = ", ".join("?" for _ in ANSWER_COLUMNS)
    votes = [r for r in found if r.kind in ("upvote", "downvote")]
    misses = [r for r in found if r.kind not in ("upvote", "downvote")]
    with db:
        db.executemany(f"INSERT INTO miss_log ({columns}) VALUES ({marks})",
                       [tuple(_record_row(r)[c] for c in ANSWER_COLUMNS) for r in misses])
        db.executemany(f"INSERT INTO votes (voter, {columns}) VALUES (?, {marks})",
                       [(f"v{n}", *(_record_row(r)[c] for c in ANSWER_COLUMNS)) for n, r in enumerate(votes)])
    db.close()


def time_report(state: Path, out: Path) -> tuple[float, int]:
    env = {"BOT_STATE_DIR": str(state), "DATABASE_URL": "", "PATH": "/usr/bin:/bin", "LOG_LEVEL": "WARNING"}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "bot", "report", "--since", "all", "--format", "json", "-o", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"bot report failed: {done.stderr.strip()[-500:]}")
    import json

    return seconds, json.loads(out.read_text(encoding="utf-8"))["groups_total"]


def time_reads(state: Path) -> tuple[float, float, int]:
    from bot.settings import Settings
    from bot.storage import connect

    async def run() -> tuple[float, float, int]:
        store = connect(Settings(state_dir=state))
        try:
            start = time.perf_counter()
            summary = await store.miss_summary()
            grouped = time.perf_counter() - start
            start = time.perf_counter()
            await store.miss_records()
            return grouped, time.perf_counter() - start, len(summary.tallies) + len(summary.servers)
        finally:
            await store.close()

    return asyncio.run(run())


def time_pairwise(engine, found: list) -> float:
    """The former grouping: each failed wording's token set against every later one (rapidfuzz's process.extract
    with token_set_ratio), as bot/insights/clusters.py did before it grouped by what was asked."""
    from rapidfuzz import fuzz, process

    from bot.insights.asked import Reader
    from bot.insights.records import FAILURES

    reader = Reader(engine)
    texts = list(dict.fromkeys(reader.wording(r.question) or r.question for r in found if r.kind in FAILURES))
    start = time.perf_counter()
    for i, text in enumerate(texts):
        process.extract(text, texts[i + 1:], scorer=fuzz.token_set_ratio, score_cutoff=80.0, limit=None)
    return time.perf_counter() - start


def run(sizes: tuple[int, ...] = SIZES) -> list[Row]:
    from bot.core.engine import Engine

    engine = Engine.from_folder(ROOT / "knowledge")
    rows = []
    for size in sizes:
        found = records(engine, size)
        with tempfile.TemporaryDirectory() as folder:
            state = Path(folder) / "state"
            write(state, found)
            report_s, groups = time_report(state, Path(folder) / "report.json")
            grouped_s, every_s, rows_read = time_reads(state)
        pairwise = time_pairwise(engine, found) if size <= PAIRWISE_MAX else None
        rows.append(Row(size, report_s, grouped_s, every_s, pairwise, groups, rows_read))
    return rows


def table(rows: list[Row]) -> str:
    header = ["records (SQLite)", "`bot report` s", "GROUP BY read s", "rows read", "every record read s",
              "former pairwise grouping s", "groups"]
    return render(header, [[f"{r.records:,}", f"{r.report_s:.2f}", f"{r.grouped_s:.2f}", f"{r.rows_read:,}",
                            f"{r.every_s:.2f}", "-" if r.pairwise_s is None else f"{r.pairwise_s:.2f}",
                            f"{r.groups:,}"] for r in rows])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    args = ap.parse_args(argv)
    rows = run(tuple(args.sizes))
    print(table(rows))
    big = rows[-1]
    met = "met" if big.report_s < TARGET_S else "NOT met"
    print(f"\n[{met}] {big.records:,} records: bot report < {TARGET_S:g} s: {big.report_s:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
