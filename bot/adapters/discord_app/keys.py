"""A query as a short key, to ride in a component's custom id (Discord allows 100 characters)."""

from __future__ import annotations

from bot.core.query import Query

CUSTOM_ID_LIMIT = 100  # Discord's limit on a component custom id
_MODEL_PREFIX = "deepseek-"  # most ids share it; abbreviated so compare keys fit in a custom id
_PART_SEPARATOR = ";"  # between the keys of the parts of a message that asked several things


def compact_key(query: Query) -> str:
    return query.to_key().replace(_MODEL_PREFIX, "~")


def expand_key(key: str) -> Query:
    return Query.from_key(key.replace("~", _MODEL_PREFIX))


def compact_keys(queries: tuple[Query, ...]) -> str | None:
    """The keys of an answer's parts, in order; None when one holds the separator (a typed name)."""
    keys = [compact_key(q) for q in queries]
    return None if any(_PART_SEPARATOR in k for k in keys) else _PART_SEPARATOR.join(keys)


def expand_keys(key: str) -> tuple[Query, ...]:
    return tuple(expand_key(k) for k in key.split(_PART_SEPARATOR))
