"""A composed reply, before it becomes plain text or a Discord embed."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Reply:
    title: str
    description: str = ""
    fields: tuple[tuple[str, str, bool], ...] = ()  # (name, value, inline)
    family: str | None = None  # colour of the card
    footer: str = ""
    url: str | None = None
    bullets: tuple[str, ...] = field(default=())  # list items, shown under the description
