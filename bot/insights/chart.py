"""The satisfaction chart: 👍 / 👎 bars per intent and per model, as a PNG.

Drawn by matplotlib in a child process (`python -m bot.insights.chart`, JSON in on stdin, PNG out
on stdout), so no process that answers questions ever imports the plotting library."""

from __future__ import annotations

import io
import json
import logging
import subprocess
import sys

log = logging.getLogger(__name__)
TIMEOUT_S = 60


def satisfaction_png(tables: dict[str, list[tuple[str, int, int]]]) -> bytes | None:
    """The chart of {"by_intent": [(intent, up, down)], "by_model": [...]}; None (and a log line)
    when the child process cannot draw it."""
    try:
        done = subprocess.run([sys.executable, "-m", "bot.insights.chart"], input=json.dumps(tables).encode(),
                              capture_output=True, timeout=TIMEOUT_S, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.warning("satisfaction chart not drawn: %s", exc)
        return None
    if done.returncode != 0 or not done.stdout.startswith(b"\x89PNG"):
        log.warning("satisfaction chart not drawn: %s", done.stderr.decode(errors="replace").strip()[-300:])
        return None
    return done.stdout


def _draw(tables: dict[str, list[list]]) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.ticker import MaxNLocator

    panels = [(title, rows) for title, rows in (("per intent", tables.get("by_intent") or []),
                                                ("per model", tables.get("by_model") or [])) if rows]
    fig, axes = plt.subplots(1, max(len(panels), 1), figsize=(10, 0.4 * max([len(r) for _, r in panels] or [1]) + 1.6),
                             dpi=100, squeeze=False)
    for ax, (title, rows) in zip(axes[0], panels, strict=False):
        labels = [str(r[0]) for r in rows][::-1]
        up = [r[1] for r in rows][::-1]
        down = [r[2] for r in rows][::-1]
        ax.barh(labels, up, color="#2e7d32", label="up")
        ax.barh(labels, down, left=up, color="#c62828", label="down")
        ax.set_title(f"Votes {title}")
        ax.set_xlabel("votes")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.legend(loc="lower right")
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format="png")
    plt.close(fig)
    return out.getvalue()


if __name__ == "__main__":
    sys.stdout.buffer.write(_draw(json.load(sys.stdin)))
