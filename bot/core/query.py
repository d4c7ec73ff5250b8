"""What a question asks, resolved: the stable hand-off between understanding and answering.

A Query is small and serialisable to a short key, so a Discord button can carry it in its
custom id and answer it again (in another language, or after a restart)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

INTENTS = ("model", "field", "list", "compare", "none")
FIELDS = ("released", "parameters", "features", "significance", "paper")


@dataclass(frozen=True)
class Query:
    intent: str  # one of INTENTS
    models: tuple[str, ...] = ()
    field: str | None = None  # one of FIELDS, for intent "field"
    # For intent "list": how the models were chosen, e.g. "tag:moe", "date:2024", "all",
    # "largest", "newest", "after:deepseek-r1", "params>200", "search".
    selector: str | None = None
    # For intent "none": why, e.g. "unknown-model:GPT-4", "no-model", "out-of-scope".
    reason: str | None = None
    suggestions: tuple[str, ...] = ()  # model ids offered as "did you mean"
    # For intent "none": the models the declined question is about ("how much does V3 cost?"), for the parts
    # after it and the miss log; never the contract's `models`, which stay empty for a decline
    about: tuple[str, ...] = ()
    # For intent "field": the further fields the same message asks ("V3 多大,什么时候发布的"), answered below
    also: tuple[str, ...] = ()
    # A model came from a typo accepted but not clearly ahead of the next model (linker.MARGIN):
    # the miss log keeps such answers as "near misses". Not part of the key, nor of equality.
    near_miss: bool = dataclasses.field(default=False, compare=False)

    def to_key(self) -> str:
        """A compact text form (<= ~90 chars for the ten models) for component custom ids."""
        parts = [self.intent, ",".join(self.models), ",".join((self.field or "", *self.also)), self.selector or ""]
        if self.reason:  # a decline that quotes the article ("coder v1.5") needs its reason
            parts.append(self.reason)
        return "|".join(parts)

    @classmethod
    def from_key(cls, key: str) -> Query:
        intent, models, fields, selector, reason = [*key.split("|", 4), "", "", "", ""][:5]
        if intent not in INTENTS:
            raise ValueError(f"unknown intent in key {key!r}")
        field_, *also = fields.split(",")
        return cls(
            intent=intent,
            models=tuple(m for m in models.split(",") if m),
            field=field_ or None,
            also=tuple(also),
            selector=selector or None,
            reason=reason or None,
        )
