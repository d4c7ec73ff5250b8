"""The answer contract's batch mode (`python -m bot ask --jsonl`, see CONTRACT.md)."""

from __future__ import annotations

import json
from typing import TextIO

from bot.core.engine import Engine


def run_jsonl(engine: Engine, lines: TextIO, out: TextIO) -> None:
    for position, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            item = json.loads(raw)
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise ValueError("expected an object with a text string")
        except ValueError as exc:
            result = {"id": str(position), "error": f"line {position}: not a valid question object: {exc}"}
        else:
            conversation = item.get("conversation")
            answer = engine.ask(item["text"], conversation=None if conversation is None else str(conversation))
            result = {"id": item.get("id", str(position)), **answer.to_contract()}
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()
