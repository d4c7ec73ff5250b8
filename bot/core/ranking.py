"""Ranking models by what the article states: total parameters or release date.

A model the article gives no figure for is never ranked, only named as unranked."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bot.core.knowledge import Model


def _size(m: Model) -> Any:
    return m.total_b


def _date(m: Model) -> Any:
    return m.released


# what each kind of question ranks by; "after" / "before" are neighbours in time
FIGURE = {"largest": _size, "smallest": _size, "newest": _date, "earliest": _date, "after": _date, "before": _date}
BEST = {"largest": max, "smallest": min, "newest": max, "earliest": min}


def unranked(models: Iterable[Model], kind: str) -> list[Model]:
    """The models without the figure `kind` ranks by."""
    return [m for m in models if not FIGURE[kind](m)]


def pick(models: Iterable[Model], kind: str) -> Model | None:
    """The largest / newest / ... of `models`, among those the article gives the figure for."""
    ranked = [m for m in models if FIGURE[kind](m)]
    return BEST[kind](ranked, key=FIGURE[kind]) if ranked else None
