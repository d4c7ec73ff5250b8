"""Small timing helpers shared by the benchmarks."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterable


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile: p99 of 100 samples is the 99th smallest, never an interpolation."""
    ordered = sorted(values)
    rank = max(1, round(pct / 100.0 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def time_each(fn: Callable[[object], object], items: Iterable[object], repeat: int = 3) -> list[float]:
    """Seconds taken by fn(item) for each item: the fastest of `repeat` rounds, as timeit does,
    so a busy neighbour on a shared machine does not pass for the cost of the code."""
    items = list(items)
    best = [float("inf")] * len(items)
    for _ in range(repeat):
        for k, item in enumerate(items):
            start = time.perf_counter()
            fn(item)
            best[k] = min(best[k], time.perf_counter() - start)
    return best


def summary_ms(seconds: list[float]) -> tuple[float, float]:
    """(median, p99) in milliseconds."""
    return statistics.median(seconds) * 1000.0, percentile(seconds, 99) * 1000.0


def render(header: list[str], rows: list[list[str]]) -> str:
    """A plain-text table: the first column left-aligned, the others right-aligned."""
    widths = [max(len(r[k]) for r in [header, *rows]) for k in range(len(header))]
    return "\n".join("  ".join(cell.ljust(w) if k == 0 else cell.rjust(w)
                               for k, (cell, w) in enumerate(zip(r, widths, strict=True)))
                     for r in [header, *rows])
