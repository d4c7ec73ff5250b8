"""Traditional Chinese replies, with Taiwan phrasing, without OpenCC's Simplified-to-Taiwan tables
in the bot's process.

The bot's Chinese is written once, in Simplified: its phrases (bot.core.phrases), the knowledge's
texts, and what each adapter says itself. Those fixed strings are converted once per version of
them by a child process (`python -m bot.render.traditional`: OpenCC's s2twp tables weigh about
40 MB) and kept in the state directory as `traditional-<hash>.json`. The bot holds the converted
strings alone and writes a reply in Traditional by replacing, longest first, the fixed strings it
is made of; each of their characters is a fixed string too, so what code puts together from them
(dates, counts) is converted as well. The article's passages (the 原文 / Source card) are never
converted: they are the article's own characters."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from bot.core.knowledge import KnowledgeBase
from bot.core.normalise import CJK_RE
from bot.core.phrases import PHRASES
from bot.core.reply import Reply

log = logging.getLogger(__name__)

CHILD_TIMEOUT_S = 60.0
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
# Words OpenCC's Taiwan phrases get wrong here, converted by character alone: a model's 参数 (parameters)
# is 參數 in Taiwan too, where s2twp writes 引數 (a function's argument); 开源代码 is cut 开/源代码 (開原始碼).
CHARACTERS_ONLY = ("参数", "开源")


class Traditional:
    """Simplified -> Traditional for the bot's fixed strings."""

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table
        lengths: dict[str, set[int]] = {}
        for simplified in table:
            lengths.setdefault(simplified[0], set()).add(len(simplified))
        self._lengths = {first: sorted(found, reverse=True) for first, found in lengths.items()}

    def __len__(self) -> int:
        return len(self.table)

    def convert(self, text: str) -> str:
        """`text` with every fixed string in it replaced by its Traditional form, the longest first."""
        out, i = [], 0
        while i < len(text):
            for length in self._lengths.get(text[i], ()):
                found = self.table.get(text[i:i + length])
                if found is not None:
                    out.append(found)
                    i += length
                    break
            else:
                out.append(text[i])
                i += 1
        return "".join(out)

    def reply(self, reply: Reply) -> Reply:
        """The whole reply in Traditional: title, description, list, fields and footer."""
        convert = self.convert
        return replace(reply, title=convert(reply.title), description=convert(reply.description),
                       fields=tuple((convert(name), convert(value), inline) for name, value, inline in reply.fields),
                       footer=convert(reply.footer), bullets=tuple(convert(b) for b in reply.bullets))


# --- the fixed strings --------------------------------------------------------------------------------
def fixed_strings(kb: KnowledgeBase, *own: Iterable[str]) -> list[str]:
    """Every Chinese string a reply is made of: the phrases, the knowledge's Chinese texts and `own`
    (what an adapter says itself), templates cut at their {placeholders}, and each of their characters."""
    texts = {part for template in (*PHRASES["zh"].values(), *(t for group in own for t in group))
             for part in _PLACEHOLDER.split(template)}
    texts |= set(_chinese_of(kb))
    texts |= {ch for text in texts for ch in CJK_RE.findall(text)}
    return sorted(t for t in texts if CJK_RE.search(t))


def _chinese_of(value: object) -> Iterator[str]:
    """The Chinese texts of the knowledge: the "zh" side of every bilingual text, at any depth."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _chinese_of(getattr(value, f.name))
    elif isinstance(value, dict):
        if isinstance(value.get("zh"), str):
            yield value["zh"]
        for item in value.values():
            yield from _chinese_of(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _chinese_of(item)


def version(strings: list[str]) -> str:
    return hashlib.sha256("\0".join(strings).encode()).hexdigest()[:16]


def cache_path(state_dir: Path, strings: list[str]) -> Path:
    return state_dir / f"traditional-{version(strings)}.json"


# --- converting them, outside the bot's process -------------------------------------------------------
CHILD = (sys.executable, "-m", "bot.render.traditional")


def load(state_dir: Path, strings: list[str]) -> Traditional:
    """The converted strings from the state directory, converted by a child process first if need be.
    Raises OSError, ValueError or subprocess.SubprocessError (the caller says what it falls back to)."""
    path = cache_path(state_dir, strings)
    try:
        return Traditional(read(path, strings))
    except (OSError, ValueError):
        pass  # not converted yet (or unreadable): convert now
    done = subprocess.run(CHILD, input=json.dumps(strings), capture_output=True, text=True,
                          timeout=CHILD_TIMEOUT_S, check=False)
    return Traditional(_kept(path, strings, done.returncode, done.stdout, done.stderr))


async def load_async(state_dir: Path, strings: list[str]) -> Traditional:
    """`load` for an event loop: the child process is awaited, never waited for."""
    import asyncio  # here: the console path never starts an event loop, and asyncio costs it 20 ms

    path = cache_path(state_dir, strings)
    try:
        return Traditional(read(path, strings))
    except (OSError, ValueError):
        pass
    child = await asyncio.create_subprocess_exec(*CHILD, stdin=asyncio.subprocess.PIPE,
                                                 stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        out, err = await asyncio.wait_for(child.communicate(json.dumps(strings).encode()), CHILD_TIMEOUT_S)
    except TimeoutError:
        child.kill()
        await child.wait()
        raise
    return Traditional(_kept(path, strings, child.returncode or 0, out.decode(), err.decode(errors="replace")))


def read(path: Path, strings: list[str]) -> dict[str, str]:
    table = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(table, dict) or set(table) != set(strings):
        raise ValueError(f"{path}: not the strings of this version")
    return table


def _kept(path: Path, strings: list[str], code: int, out: str, err: str) -> dict[str, str]:
    """The child's conversion as a table, kept in the state directory (whole or not at all; the tables of
    earlier versions dropped). A state directory that cannot be written costs the cache, not the table."""
    if code:
        raise ValueError((err.strip().splitlines() or [f"exit code {code}"])[-1])
    table = dict(zip(strings, json.loads(out), strict=True))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, draft = tempfile.mkstemp(dir=path.parent, prefix=".traditional-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            json.dump(table, file, ensure_ascii=False)
        os.replace(draft, path)
        for old in path.parent.glob("traditional-*.json"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("the Traditional Chinese strings are not cached in %s: %s", path.parent, exc)
    return table


class Converted:
    """The Traditional strings for the knowledge in use, for a process that answers one line at a time (the
    console, `ask`): loaded, or converted, when first needed and again once the knowledge changed."""

    def __init__(self, state_dir: Path, *own: Iterable[str]) -> None:
        self.state_dir, self.own = state_dir, own
        self._for: tuple[int, Traditional | None] | None = None

    def __call__(self, kb: KnowledgeBase) -> Traditional | None:
        if self._for is None or self._for[0] != id(kb):
            try:
                table: Traditional | None = load(self.state_dir, fixed_strings(kb, *self.own))
            except (OSError, ValueError, subprocess.SubprocessError) as exc:
                log.warning("Traditional Chinese is answered in Simplified: %s", exc)
                table = None
            self._for = (id(kb), table)
        return self._for[1]


def convert_all(strings: list[str]) -> list[str]:
    """OpenCC's Simplified -> Traditional (Taiwan phrasing), in the child process."""
    import opencc

    phrased, by_character = opencc.OpenCC("s2twp").convert, opencc.OpenCC("s2tw").convert
    pattern = re.compile("|".join(map(re.escape, CHARACTERS_ONLY)))

    def convert(text: str) -> str:
        parts = pattern.split(text)
        kept = [by_character(m) for m in pattern.findall(text)]
        return "".join(phrased(p) + (kept[i] if i < len(kept) else "") for i, p in enumerate(parts))

    return [convert(text) for text in strings]


def main() -> int:
    """`python -m bot.render.traditional`: a JSON list of Simplified strings on stdin, their Traditional
    forms on stdout, in the same order."""
    try:
        strings = json.load(sys.stdin)
        print(json.dumps(convert_all(strings), ensure_ascii=False))
    except (ValueError, ImportError) as exc:
        print(f"not converted: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
