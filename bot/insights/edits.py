"""A suggested knowledge edit: one word added to one flow list (`aliases: [...]`, `cues: [...]`,
`beyond_article: [...]`) of one knowledge file, written surgically into the YAML text so the
file's comments, order and line layout stay as the maintainer left them."""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.core.knowledge import KnowledgeError, load_knowledge

# libyaml's loader where PyYAML has it (its wheels do): a trial reads the lexicon twice, ten times faster so
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class EditError(ValueError):
    """The edit cannot be written, or the knowledge check rejects it; nothing was changed."""


@dataclass(frozen=True)
class Edit:
    file: str  # relative to the knowledge folder, e.g. "models/deepseek-v3.yaml"
    keys: tuple[str, ...]  # the path to the list, e.g. ("fields", "released", "cues")
    value: str

    @property
    def id(self) -> str:
        """Stable: the same edit always has the same id, whatever report it appears in."""
        return hashlib.sha256(f"{self.file}\0{'.'.join(self.keys)}\0{self.value}".encode()).hexdigest()[:8]

    def describe(self) -> str:
        return f"add {self.value!r} to {'.'.join(self.keys)} in {self.file}"


def _scalar(value: str) -> str:
    """The value as a flow-list item: bare when YAML reads it back as the same text, else quoted."""
    try:
        if yaml.load(f"[{value}]", Loader=_LOADER) == [value] and value == value.strip():
            return value
    except yaml.YAMLError:
        pass
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _list_start(text: str, keys: tuple[str, ...]) -> int:
    """The offset of the '[' that opens the flow list at `keys` (block mappings, any indentation)."""
    start, end, indent = 0, len(text), -1
    for key in keys:
        pattern = re.compile(rf"^( *){re.escape(key)}\s*:", re.MULTILINE)
        found = next((m for m in pattern.finditer(text, start, end) if len(m.group(1)) > indent), None)
        if not found:
            raise EditError(f"no key {'.'.join(keys)!r}")
        indent = len(found.group(1))
        start = found.end()
        closing = re.compile(rf"^ {{0,{indent}}}\S", re.MULTILINE).search(text, start, end)
        end = closing.start() if closing else end
    opening = re.compile(r"[ \t]*\[").match(text, start)
    if not opening:
        raise EditError(f"{'.'.join(keys)} is not a flow list [a, b, ...]")
    return opening.end() - 1


def _list_end(text: str, start: int) -> int:
    """The offset of the ']' that closes the flow list opened at `start` (quotes and nesting skipped)."""
    depth, quote, i = 0, None, start
    while i < len(text):
        c = text[i]
        if quote:
            if c == "\\" and quote == '"':
                i += 1
            elif c == quote:
                quote = None
        elif c in "\"'":
            quote = c
        elif c == "#" and text[i - 1] in " \n":
            i = text.find("\n", i)
            if i < 0:
                break
        elif c in "[{":
            depth += 1
        elif c in "]}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise EditError("the list is not closed")


def _lookup(data, keys: tuple[str, ...]):
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def with_item(text: str, keys: tuple[str, ...], value: str) -> str:
    """`text` with `value` appended to the flow list at `keys`; everything else byte for byte."""
    before = _lookup(yaml.load(text, Loader=_LOADER), keys)
    if not isinstance(before, list):
        raise EditError(f"{'.'.join(keys)} is not a list")
    if value in before:
        raise EditError(f"{value!r} is already in {'.'.join(keys)}")
    end = _list_end(text, _list_start(text, keys))
    inside = text[_list_start(text, keys) + 1:end]
    item = _scalar(value)
    edited = text[:end] + (f", {item}" if inside.strip() else item) + text[end:]
    if _lookup(yaml.load(edited, Loader=_LOADER), keys) != [*before, value]:
        raise EditError(f"could not add {value!r} to {'.'.join(keys)} cleanly")
    return edited


def apply_edit(folder: Path | str, edit: Edit) -> str:
    """Write `edit` into the knowledge folder and run the check; return the diff.

    When the check rejects the result, the file is restored byte for byte and EditError says why."""
    path = Path(folder) / edit.file
    original = path.read_text(encoding="utf-8")
    edited = with_item(original, edit.keys, edit.value)
    path.write_text(edited, encoding="utf-8")
    try:
        load_knowledge(folder)
    except KnowledgeError as exc:
        path.write_text(original, encoding="utf-8")
        raise EditError(f"the knowledge check rejects it, nothing changed:\n{exc}") from None
    return "".join(difflib.unified_diff(original.splitlines(keepends=True), edited.splitlines(keepends=True),
                                        f"a/{edit.file}", f"b/{edit.file}", n=0))


def trial_copy(folder: Path | str, edits: list[Edit]) -> Path:
    """A temporary copy of the knowledge folder with `edits` applied (the caller removes it)."""
    copy = Path(tempfile.mkdtemp(prefix="knowledge-trial-"))
    shutil.copytree(folder, copy, dirs_exist_ok=True)
    for edit in edits:
        path = copy / edit.file
        path.write_text(with_item(path.read_text(encoding="utf-8"), edit.keys, edit.value), encoding="utf-8")
    return copy
