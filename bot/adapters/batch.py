"""The answer contract's batch mode (`python -m bot ask --jsonl`, see CONTRACT.md).

Input is read as bytes and decoded line by line, so one bad line (not UTF-8, nested too deep,
an id JSON cannot carry) gets its own error object and the next line is answered. Output is
always valid UTF-8 JSON, whatever the locale."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from typing import Any, BinaryIO

from bot.core.engine import Engine
from bot.core.language import writes_traditional
from bot.render.contract import to_contract
from bot.render.traditional import Converted

log = logging.getLogger(__name__)


class _BadLine(ValueError):
    pass


def _question(raw: bytes) -> dict[str, Any]:
    try:
        item = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise _BadLine(f"not UTF-8 text (byte {exc.start})") from None
    except RecursionError:
        raise _BadLine("nested too deeply") from None
    except ValueError as exc:
        raise _BadLine(str(exc)) from None
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise _BadLine("expected an object with a text string")
    try:  # what is echoed back must be JSON and UTF-8 again: no NaN, no 1e400, no lone surrogate
        json.dumps(item, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except (ValueError, RecursionError):
        raise _BadLine("holds a value JSON output cannot carry (NaN, Infinity or a lone surrogate)") from None
    return item


def run_jsonl(engine: Engine, lines: Iterable[bytes], out: BinaryIO, traditional: Converted | None = None) -> None:
    """Answer each line; with `traditional`, a question written in Traditional characters is answered in them."""
    for position, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            item = _question(raw)
        except _BadLine as exc:
            result = {"id": str(position), "error": f"line {position}: not a valid question object: {exc}"}
        else:
            result = {"id": item.get("id", str(position)), **_answered(engine, item, position, traditional)}
        out.write(json.dumps(result, ensure_ascii=False).encode("utf-8") + b"\n")
        out.flush()


def _answered(engine: Engine, item: dict[str, Any], position: int, traditional: Converted | None) -> dict:
    """The contract's object for one question; whatever goes wrong inside answering it is that line's error
    (and logged), never the end of the run."""
    try:
        conversation = item.get("conversation")
        answer = engine.ask(item["text"], conversation=None if conversation is None else str(conversation))
        script = traditional(engine.kb) if traditional and writes_traditional(item["text"]) else None
        return to_contract(answer, script)
    except Exception as exc:  # a defect for that one question: say so on its line and answer the next
        log.exception("line %d: the question could not be answered", position)
        return {"error": f"line {position}: the question could not be answered ({type(exc).__name__})"}
