"""Start-up of the console path: wall time and peak RSS of `.venv/bin/python -m bot ask "r1"`, beside
merely importing discord.py (and an empty interpreter, the floor), in the same run."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from benchmarks.timing import render

COMMANDS = {
    '.venv/bin/python -m bot ask "r1"': [sys.executable, "-m", "bot", "ask", "r1"],
    '.venv/bin/python -c "import discord"': [sys.executable, "-c", "import discord"],
    '.venv/bin/python -c "pass"': [sys.executable, "-c", "pass"],
}
TIMEOUT_S = 60.0


@dataclass
class StartRow:
    command: str
    median_s: float
    peak_rss_mb: float  # the largest of the runs


# Runs one command and reports "wall_seconds peak_rss_kb exit_code". It is a fresh, small
# process on purpose: Linux counts the RSS a child had before exec (a copy of its parent) in
# its peak, so a command forked straight from this big benchmark process would look as big.
_MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
wall = time.perf_counter() - start
print(wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
"""


def run_once(argv: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one run; the console path must not need a token."""
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    out = subprocess.run([sys.executable, "-c", _MEASURE, *argv], cwd=cwd, env=env, capture_output=True,
                         text=True, timeout=TIMEOUT_S, check=True).stdout.split()
    wall, rss_kb, code = float(out[0]), int(out[1]), int(out[2])
    if code != 0:
        raise RuntimeError(f"{argv} exited {code}")
    return wall, rss_kb / 1024.0  # Linux reports KB


def run(cwd: Path, repeat: int = 5) -> list[StartRow]:
    rows = []
    for name, argv in COMMANDS.items():
        runs = [run_once(argv, cwd) for _ in range(repeat)]
        rows.append(StartRow(name, statistics.median(w for w, _ in runs), max(r for _, r in runs)))
    return rows


def table(rows: list[StartRow]) -> str:
    return render(["command", "wall (median)", "peak RSS"],
                  [[r.command, f"{1000 * r.median_s:.0f} ms", f"{r.peak_rss_mb:.1f} MB"] for r in rows])
