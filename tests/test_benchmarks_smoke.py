"""The benchmarks still run: `python -m benchmarks.run --quick` prints every table and writes
the plot. No timing is asserted (machines are noisy); the real figures are in the README."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from benchmarks import discord_throughput

ROOT = Path(__file__).resolve().parent.parent


def test_quick_run_prints_the_tables_with_the_baselines_and_writes_the_plot(tmp_path: Path):
    plot = tmp_path / "scaling.png"
    done = subprocess.run([sys.executable, "-m", "benchmarks.run", "--quick", "--plot", str(plot),
                           "--skip", "discord"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for heading in ("## Accuracy", "## Speed", "## Matching as knowledge grows", "## Start-up", "## Targets"):
        assert heading in out
    for name in ("deepseek-qa-bot", "tag bot (WRatio)", "BM25 (sections)", "extractOne median",
                 'python -c "import discord"'):
        assert name in out
    assert plot.read_bytes().startswith(b"\x89PNG")


def test_discord_throughput_answers_every_question_through_the_standin():
    row = discord_throughput.run(["what is V3?", "R1 是什么时候发布的?"], count=6)
    assert row.replies == 6 and not row.errors


def test_discord_throughput_with_the_channel_from_the_database_and_many_servers():
    row = discord_throughput.run(["what is V3?"], count=4, channels_from="database", servers=50)
    assert row.replies == 4 and not row.errors and row.rss_mb > 0
