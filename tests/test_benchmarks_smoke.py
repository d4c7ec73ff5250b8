"""The benchmarks still run: `python -m benchmarks.run --quick` prints every table and writes
the plot, and the benchmarks that start the real bot against the stand-in (throughput, memory)
complete. No timing or size is asserted (machines are noisy); the real figures are in docs/benchmarks.md."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from benchmarks import bare_client, discord_throughput, memory, traditional
from bot.adapters.discord_app.client import make_intents
from bot.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def test_quick_run_prints_the_tables_with_the_baselines_and_writes_the_plot(tmp_path: Path):
    plot = tmp_path / "scaling.png"
    done = subprocess.run([sys.executable, "-m", "benchmarks.run", "--quick", "--plot", str(plot),
                           "--skip", "discord", "memory"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for heading in ("## Accuracy on questions.fresh.yaml", "## Robustness", "## Active learning",
                    "## The maintainer's report over a large miss log", "## Speed",
                    "## Matching as knowledge grows", "## Start-up", "## Targets"):
        assert heading in out
    for name in ("deepseek-qa-bot", "tag bot (WRatio)", "BM25 (sections)", "extractOne median",
                 '.venv/bin/python -c "import discord"', "held-out, perturbed with forms B (never seen)",
                 "`bot report` s", "former pairwise grouping s", "wrapped", "joined", "claims zh"):
        assert name in out
    assert plot.read_bytes().startswith(b"\x89PNG")


def test_discord_throughput_answers_every_question_through_the_standin():
    row = discord_throughput.run(["what is V3?", "R1 是什么时候发布的?"], count=6)
    assert row.replies == 6 and not row.errors


def test_discord_throughput_with_the_channel_from_the_database_and_many_servers():
    row = discord_throughput.run(["what is V3?"], count=4, channels_from="database", servers=50)
    assert row.replies == 4 and not row.errors
def test_the_traditional_chinese_benchmark_measures_the_strings_beside_opencc_in_the_process():
    rows = traditional.run(ROOT / "knowledge")
    assert [r.way.split(",")[0] for r in rows] == ["converted strings", "OpenCC s2twp loaded in the process (peer)"]
    assert "RSS added" in traditional.table(rows) and rows[0].strings > 100


def test_memory_benchmark_measures_the_bot_beside_a_bare_client_with_the_same_intents():
    assert bare_client.intents() == make_intents(Settings(question_channel_ids=(1,)))
    rows = memory.run((3,))  # both must see all three servers before they are measured
    assert [r.servers for r in rows] == [3]
    assert rows[0].bare_mb > 20 and rows[0].bot_mb > rows[0].bare_mb
    assert "bare discord.py RSS" in memory.table(rows)


def test_the_full_run_writes_no_tracked_file():
    """`benchmarks.run` without options puts its plot under build/, which git ignores; the docs show
    docs/bench-scaling.png, replaced only on purpose."""
    from benchmarks.run import ROOT as RUN_ROOT
    from benchmarks.run import parser

    plot = parser().parse_args([]).plot.relative_to(RUN_ROOT)
    assert plot.parts[0] == "build" and "build/" in (RUN_ROOT / ".gitignore").read_text(encoding="utf-8").split()


def test_lexicon_usage_counts_the_labelled_questions_that_hold_each_entry():
    done = subprocess.run([sys.executable, "-m", "benchmarks.lexicon_usage"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    rows = {(r[0], r[1]): int(r[2]) for r in (line.split("\t") for line in done.stdout.splitlines()[1:])}
    assert rows[("fields.paper.cues", "论文")] > 10 and ("fields.paper.cues", "题目") not in rows
