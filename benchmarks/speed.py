"""Engine latency on the real knowledge, beside the peer baselines on the same questions."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from benchmarks.timing import render, summary_ms, time_each


@dataclass
class SpeedRow:
    name: str
    median_ms: float
    p99_ms: float
    per_second: float  # one plain pass over all questions, in order


def measure(name: str, questions: list[dict], ask: Callable[[dict], object], repeat: int) -> SpeedRow:
    for q in questions:  # warm caches (OpenCC tables, regexes) before timing
        ask(q)
    start = time.perf_counter()
    for q in questions:
        ask(q)
    elapsed = time.perf_counter() - start
    median, p99 = summary_ms(time_each(ask, questions, repeat=repeat))
    return SpeedRow(name, median, p99, len(questions) / elapsed)


def table(rows: list[SpeedRow]) -> str:
    return render(["answerer", "median", "p99", "questions/s"],
                  [[r.name, f"{r.median_ms:.3f} ms", f"{r.p99_ms:.3f} ms", f"{r.per_second:,.0f}"] for r in rows])
