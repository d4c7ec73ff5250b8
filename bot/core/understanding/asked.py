"""What one part of a message asks, read once from its cue words: the rules that frame it all test the same
reading instead of reading the text again each."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.cues import Cues
from bot.core.dates import date_prefix


@dataclass(frozen=True)
class Asked:
    rest: str  # the part's normalised words with the model names cut out
    fields: tuple[str, ...]  # the fields asked for or only hinted at, strongest evidence first
    strong_fields: tuple[str, ...]  # the fields asked for in so many words ("when", "参数")
    tags: tuple[str, ...]  # the tags it names ("moe", "open-source")
    superlative: str | None  # "largest", "newest", ...
    relative: str | None  # "before" or "after"
    date: str | None  # the date it names ("2024", "2024-05")
    asks_list: bool  # "which models", "list"
    asks_one: bool  # "which one"

    @classmethod
    def read(cls, cues: Cues, rest: str) -> Asked:
        fields, strong = cues.fields_in(rest), cues.strong_fields_in(rest)
        paper, out = cues.fields["paper"].find(rest), cues.weak_fields["released"].find(rest)
        if "released" in strong and paper and out and paper.start() < out.start():
            # the paper is what came out: its date is asked ("when did the LLM paper come out", "V3 论文什么时候发表的")
            fields, strong = [f for f in fields if f != "paper"], [f for f in strong if f != "paper"]
        return cls(rest, tuple(fields), tuple(strong), tuple(cues.tags_in(rest)),
                   cues.superlative_in(rest), cues.relative_in(rest), date_prefix(rest),
                   rest in cues.list and rest not in cues.list_values,  # (not "有哪些规模": the sizes of one)
                   rest in cues.which_one)

    def also(self, first: str | None) -> tuple[str, ...]:
        """The fields asked in so many words besides the first ("V3 多大,什么时候发布的"): every part answered."""
        return tuple(f for f in self.strong_fields if f != first)
