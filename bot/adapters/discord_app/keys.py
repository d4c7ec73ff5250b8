"""A query as a short key, to ride in a component's custom id (Discord allows 100 characters)."""

from __future__ import annotations

from bot.core.query import Query

CUSTOM_ID_LIMIT = 100  # Discord's limit on a component custom id
_MODEL_PREFIX = "deepseek-"  # most ids share it; abbreviated so compare keys fit in a custom id


def compact_key(query: Query) -> str:
    return query.to_key().replace(_MODEL_PREFIX, "~")


def expand_key(key: str) -> Query:
    return Query.from_key(key.replace("~", _MODEL_PREFIX))
