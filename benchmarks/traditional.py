"""What Traditional Chinese adds to the running bot, beside converting in its own process, in the same
run: each in a fresh process that has loaded the engine and answered a Simplified question (the floor),
the RSS added by the first Traditional question (folded to Simplified by the shipped table) and its reply:
read from the converted strings in the state directory (what the bot does once a child process has
converted them), or by loading OpenCC's Simplified-to-Taiwan converter instead (s2twp, the peer); and what
Python allocated for it (tracemalloc)."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from benchmarks.timing import render

# Loads the engine, then one way of writing Traditional; prints the RSS before and after (MB), and what
# Python allocated for it (MB).
_MEASURE = """
import json, sys, tracemalloc
from pathlib import Path
from bot.core.engine import Engine
from bot.render import traditional

def rss():
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024

engine = Engine.from_folder(sys.argv[1])
strings = traditional.fixed_strings(engine.kb)
engine.ask("DeepSeek-V2 有多少参数?")
before = rss()
tracemalloc.start()
reply = engine.ask("DeepSeek-V2 有多少參數?").reply
if sys.argv[2] == "strings":
    converted = traditional.load(Path(sys.argv[3]), strings)
    converted.reply(reply)
else:
    import opencc
    converter = opencc.OpenCC("s2twp")
    converter.convert(reply.description)
allocated = tracemalloc.get_traced_memory()[0] / 2**20
print(json.dumps({"before": before, "after": rss(), "allocated": allocated, "strings": len(strings)}))
"""


@dataclass
class TraditionalRow:
    way: str
    floor_mb: float  # the process with the engine loaded, after a Simplified question
    added_mb: float
    allocated_mb: float  # by Python objects (tracemalloc); OpenCC's tables live outside Python's heap
    strings: int


WAYS = {"strings": "converted strings, read from the state directory (the bot)",
        "opencc": "OpenCC s2twp loaded in the process (peer)"}


def run(knowledge: Path) -> list[TraditionalRow]:
    with tempfile.TemporaryDirectory() as state:
        from bot.core.knowledge import load_knowledge
        from bot.render import traditional

        traditional.load(Path(state), traditional.fixed_strings(load_knowledge(knowledge)))  # the child converts
        rows = []
        for way, label in WAYS.items():
            done = subprocess.run([sys.executable, "-c", _MEASURE, str(knowledge), way, state], capture_output=True,
                                  text=True, timeout=120, check=True)
            got = json.loads(done.stdout)
            rows.append(TraditionalRow(label, got["before"], got["after"] - got["before"], got["allocated"],
                                       got["strings"]))
    return rows


def table(rows: list[TraditionalRow]) -> str:
    shown = render(["Traditional Chinese replies", "RSS with the engine", "RSS added", "Python objects"],
                   [[r.way, f"{r.floor_mb:.1f} MB", f"{r.added_mb:+.1f} MB", f"{r.allocated_mb:.2f} MB"]
                    for r in rows])
    return f"{shown}\n\n{rows[0].strings} fixed strings converted (the phrases, the knowledge, their characters)"
