"""Start-up of the console path: wall time and peak RSS of `python -m bot ask "r1"`, beside
merely importing discord.py (and an empty interpreter, the floor), in the same run."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

COMMANDS = {
    'python -m bot ask "r1"': [sys.executable, "-m", "bot", "ask", "r1"],
    'python -c "import discord"': [sys.executable, "-c", "import discord"],
    'python -c "pass"': [sys.executable, "-c", "pass"],
}
TIMEOUT_S = 60.0


@dataclass
class StartRow:
    command: str
    median_s: float
    peak_rss_mb: float  # the largest of the runs


def run_once(argv: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one run; the console path must not need a token."""
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    start = time.perf_counter()
    errors = tempfile.TemporaryFile()  # a file, not a pipe: a chatty child never blocks on it
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=errors)
    deadline = start + TIMEOUT_S
    while True:  # wait4 gives this child's own peak RSS, which waitpid + getrusage cannot
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            raise RuntimeError(f"{argv} did not finish in {TIMEOUT_S} s")
        time.sleep(0.002)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    with errors:
        if proc.returncode != 0:
            errors.seek(0)
            raise RuntimeError(f"{argv} exited {proc.returncode}: {errors.read().decode()[-400:]}")
    return wall, usage.ru_maxrss / 1024.0  # Linux reports KB


def run(cwd: Path, repeat: int = 5) -> list[StartRow]:
    rows = []
    for name, argv in COMMANDS.items():
        runs = [run_once(argv, cwd) for _ in range(repeat)]
        rows.append(StartRow(name, statistics.median(w for w, _ in runs), max(r for _, r in runs)))
    return rows


def table(rows: list[StartRow]) -> str:
    width = max(len(r.command) for r in rows) + 2
    lines = [f"{'command':<{width}} {'wall (median)':>14} {'peak RSS':>10}"]
    for r in rows:
        lines.append(f"{r.command:<{width}} {1000 * r.median_s:>11.0f} ms {r.peak_rss_mb:>7.1f} MB")
    return "\n".join(lines)
