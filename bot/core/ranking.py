"""Ranking models by what the article states: total parameters, parameters active per token, or
release date.

A model the article gives no figure for is never ranked, only named as unranked."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bot.core.knowledge import Model


def _size(m: Model) -> Any:
    return m.total_b


def _active(m: Model) -> Any:
    return m.active_b


def _date(m: Model) -> Any:
    return m.released


# what each kind of question ranks by; "after" / "before" are neighbours in time
FIGURE = {"largest": _size, "smallest": _size, "most-active": _active, "least-active": _active,
          "newest": _date, "earliest": _date, "after": _date, "before": _date}
# the kinds that rank, and whether the best comes first from the top of the figure
DESCENDING = {"largest": True, "smallest": False, "most-active": True, "least-active": False,
              "newest": True, "earliest": False}
BEST = {kind: max if descending else min for kind, descending in DESCENDING.items()}
SIZES = ("largest", "smallest", "most-active", "least-active")
PLAIN = ("largest", "smallest", "newest", "earliest")  # the superlatives the intents answer on their own


def field_of(kind: str) -> str:
    """The fact a ranking reads: the parameters for a size, else the release date."""
    return "parameters" if kind in SIZES else "released"


def unranked(models: Iterable[Model], kind: str) -> list[Model]:
    """The models without the figure `kind` ranks by."""
    return [m for m in models if not FIGURE[kind](m)]


def ordered(models: Iterable[Model], kind: str) -> list[Model]:
    """The models the article gives the figure for, best first (ties keep the article's order)."""
    ranked = [m for m in models if FIGURE[kind](m)]
    return sorted(ranked, key=FIGURE[kind], reverse=DESCENDING[kind]) if ranked else []


def pick(models: Iterable[Model], kind: str) -> Model | None:
    """The largest / newest / ... of `models`, among those the article gives the figure for."""
    ranked = ordered(models, kind)
    return ranked[0] if ranked else None
