"""The timeline picture for Discord replies, drawn in a child process and kept on disk.

The plotting library weighs about 100 MB; the bot's own process never loads it. The first
request for a knowledge version (and, for the Chinese picture, the first after a font is installed)
runs `python -m bot.render.timeline`, which writes both languages into the state directory; every
later request (and every restart) reads the file."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from bot.core.knowledge import KnowledgeBase
from bot.render.timeline_files import cached_path

CHILD_TIMEOUT_S = 120.0  # a stuck child is killed; the user gets the error note


class PictureError(RuntimeError):
    """The picture could not be drawn; the message says why in one line."""


class TimelinePictures:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._drawing = asyncio.Lock()  # one child at a time: it draws both languages at once

    async def png(self, kb: KnowledgeBase, lang: str) -> bytes:
        path = cached_path(self.folder, kb, lang)
        if not path.is_file():
            async with self._drawing:
                if not path.is_file():  # another request may have drawn it meanwhile
                    await self._draw(kb.folder)
            if not path.is_file():
                raise PictureError("the knowledge or the fonts changed while the picture was drawn")
        return path.read_bytes()

    async def _draw(self, knowledge: Path) -> None:
        child = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.render.timeline", str(knowledge), str(self.folder),
            stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
        )
        try:
            _, err = await asyncio.wait_for(child.communicate(), CHILD_TIMEOUT_S)
        except TimeoutError:
            child.kill()
            await child.wait()
            raise PictureError(f"drawing the timeline took over {CHILD_TIMEOUT_S:.0f} s") from None
        if child.returncode:
            lines = err.decode(errors="replace").strip().splitlines() or [f"exit code {child.returncode}"]
            raise PictureError(lines[-1])
