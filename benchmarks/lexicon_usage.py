"""Lexicon hygiene: for each lexicon entry, how many labelled questions hold it (a tab-separated table).

`python -m benchmarks.lexicon_usage > usage.tsv` from the project root. An entry only one question
holds may exist only to make that question pass: review it, keep it where it is a real class (with two
other wordings a person would write, tested), else remove it. docs/lexicon-review.tsv is the last review."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

from benchmarks.accuracy import load_questions
from bot.core.cues import NOT_CUES
from bot.core.knowledge import load_knowledge
from bot.core.normalise import has_chinese

ROOT = Path(__file__).resolve().parent.parent
SETS = [*sorted((ROOT / "benchmarks").glob("questions.*.yaml")), ROOT.parent / "shared" / "eval" / "questions.dev.yaml"]


def entries(node: object, path: str = "") -> Iterator[tuple[str, str]]:
    """(section path, entry) for every cue text of the lexicon; names and patterns left out."""
    if isinstance(node, dict):
        for key, value in node.items():
            inner = f"{path}.{key}" if path else str(key)
            if inner.split(".")[0] in NOT_CUES:
                continue
            if has_chinese(str(key)):  # "第二: 2"
                yield inner, str(key)
            yield from entries(value, inner)
    elif isinstance(node, list):
        for item in node:
            yield from entries(item, path)
    elif isinstance(node, str):
        yield path, node


def main() -> int:
    kb = load_knowledge(ROOT / "knowledge")
    asked = [(path.name, q["id"], kb.normaliser(q["text"])) for path in SETS if path.is_file()
             for q in load_questions(path)]
    print("section\tentry\tcount\texamples")
    for section, entry in entries(kb.lexicon):
        word = kb.normaliser(entry)
        if not word.strip():
            continue
        pattern = re.compile(re.escape(word) if has_chinese(word) else rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])")
        hits = [q for q in asked if pattern.search(q[2])]
        examples = " | ".join(f"{name}:{qid}:{text[:60]}" for name, qid, text in hits[:2])
        print(f"{section}\t{entry}\t{len(hits)}\t{examples}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
