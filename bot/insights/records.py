"""What the miss log holds: one plain record per failed, doubted, re-asked or voted answer.

A record never holds who asked: no user id, no name. The question is the text as cleaned for
answering (mentions and markdown already removed). Besides the parse the answer came from, a
record keeps what was asked as the report groups it (`asked`, `about`, `uncovered`, `wording`: see
bot/insights/asked.py); records from before those columns have them None and are read when reported.
Records are also read from a JSON Lines file, one record per line (`MissRecord.to_dict()` is the
line's form)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

KINDS = ("decline", "downvote", "near-miss", "rephrased", "upvote")
# what the report groups; upvotes only count as votes. "rephrased": the same person asked again soon after, in
# other words, and got another answer (bot/adapters/rephrasings.py): the first answer was probably a miss
FAILURES = ("decline", "downvote", "near-miss", "rephrased")
MAX_NOTE_CHARS = 200


class RecordError(ValueError):
    """A record (or a line of a records file) is malformed; the message says where and why."""


@dataclass(frozen=True)
class MissRecord:
    question: str  # cleaned for answering
    lang: str  # the reply language, "zh" or "en"
    intent: str  # the parse the answer came from (bot.core.query.Query)
    models: tuple[str, ...] = ()
    field: str | None = None
    selector: str | None = None
    reason: str | None = None  # why it declined, for intent "none"
    kind: str = "decline"  # one of KINDS
    note: str | None = None  # "what did you expect?", at most MAX_NOTE_CHARS
    guild_id: int | None = None  # None in a DM or the console
    day: dt.date = dt.date.min
    knowledge_version: str = ""
    about: tuple[str, ...] = ()  # the models asked about: an answer's models, a decline's (Query.about)
    # What was asked, as the report groups it (bot.insights.asked); None: not read yet (an older record)
    asked: str | None = None  # its class ("topic:price", "act:future", "unknown-model"...); "" when none
    uncovered: str | None = None  # a model the article does not cover, or a variant, normalised ("r2", "v2 lite")
    wording: str | None = None  # for asked "": the question normalised, covered models' names cut out
    rephrasing: str | None = None  # kind "rephrased": the question as asked again
    rephrasing_parse: str | None = None  # and the parse of its answer (bot.core.query.Query.to_key)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise RecordError(f"kind {self.kind!r} is not one of {', '.join(KINDS)}")
        if self.lang not in ("zh", "en"):
            raise RecordError(f"lang {self.lang!r} is not zh or en")
        if not isinstance(self.question, str) or not self.question.strip():
            raise RecordError("question is empty")
        if self.note is not None:
            object.__setattr__(self, "note", str(self.note)[:MAX_NOTE_CHARS])

    @classmethod
    def from_answer(cls, question: str, answer, *, kind: str, day: dt.date, guild_id: int | None = None,
                    knowledge_version: str = "", note: str | None = None) -> MissRecord:
        """The record of an engine Answer (bot.core.engine.Answer) to `question`."""
        q = answer.query
        return cls(question, answer.lang, q.intent, tuple(q.models), q.field, q.selector, q.reason, kind, note,
                   guild_id, day, knowledge_version, tuple(q.about or q.models))

    def to_dict(self) -> dict:
        return {**asdict(self), "models": list(self.models), "about": list(self.about), "day": self.day.isoformat()}

    @classmethod
    def from_dict(cls, data: dict) -> MissRecord:
        if not isinstance(data, dict):
            raise RecordError("expected a JSON object")
        unknown = set(data) - set(cls.__dataclass_fields__)
        if unknown:
            raise RecordError(f"unknown keys {', '.join(sorted(unknown))}")
        try:
            day = dt.date.fromisoformat(str(data.get("day", "")))
        except ValueError:
            raise RecordError(f"day {data.get('day')!r} is not an ISO date (YYYY-MM-DD)") from None
        models, about = data.get("models") or [], data.get("about") or []
        for key, ids in (("models", models), ("about", about)):
            if not isinstance(ids, list) or not all(isinstance(m, str) for m in ids):
                raise RecordError(f"{key} must be a list of model ids")
        guild = data.get("guild_id")
        if guild is not None and (isinstance(guild, bool) or not isinstance(guild, int)):
            raise RecordError(f"guild_id {guild!r} is not a number")
        try:
            return cls(**{**data, "models": tuple(models), "about": tuple(about), "day": day})
        except TypeError as exc:
            raise RecordError(str(exc)) from None


def read_jsonl(path: Path | str) -> list[MissRecord]:
    """Every record of a JSON Lines file; a bad line stops with its line number."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise RecordError(f"{path}: cannot read: {exc}") from None
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            records.append(MissRecord.from_dict(json.loads(line)))
        except (json.JSONDecodeError, RecordError) as exc:
            raise RecordError(f"{path}, line {number}: {exc}") from None
    return records


def write_jsonl(records: Iterable[MissRecord], path: Path | str) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")


def since(records: Iterable[MissRecord], first_day: dt.date | None) -> Iterator[MissRecord]:
    return (r for r in records if first_day is None or r.day >= first_day)


def knowledge_version(folder: Path | str) -> str:
    """A short hash of the knowledge files' content: which knowledge an answer came from."""
    digest = hashlib.sha256()
    for path in sorted(Path(folder).rglob("*.yaml")):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def first_day(spec: str, today: dt.date) -> dt.date | None:
    """The first day of a period: "7d" (the last 7 days, today included), "4w", an ISO date, or "all"."""
    spec = spec.strip().lower()
    if spec == "all":
        return None
    if spec[:-1].isdigit() and spec[-1:] in ("d", "w") and int(spec[:-1]) > 0:
        return today - dt.timedelta(days=int(spec[:-1]) * (7 if spec[-1] == "w" else 1) - 1)
    try:
        return dt.date.fromisoformat(spec)
    except ValueError:
        raise RecordError(f"--since {spec!r}: expected 7d, 4w, an ISO date (YYYY-MM-DD) or all") from None
