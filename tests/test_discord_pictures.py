"""The bot's timeline pictures: drawn by one child process on first request (both languages
at once), kept in the state directory by knowledge version, reused without a child from then
on and across restarts; a failing child is one clear error."""

from __future__ import annotations

import asyncio
import os
import shutil

import pytest

from bot.adapters.discord_app import pictures
from bot.adapters.discord_app.pictures import PictureError, TimelinePictures
from bot.core.knowledge import load_knowledge
from bot.render import timeline
from tests.conftest import KNOWLEDGE


@pytest.fixture
def children(monkeypatch) -> list[tuple]:
    """The child processes started (they still run for real)."""
    started: list[tuple] = []
    real = asyncio.create_subprocess_exec

    async def spy(*args, **kwargs):
        started.append(args)
        return await real(*args, **kwargs)

    monkeypatch.setattr(pictures.asyncio, "create_subprocess_exec", spy)
    return started


async def test_one_child_draws_both_languages_then_the_files_are_reused(kb, tmp_path, children):
    cache = TimelinePictures(tmp_path)
    en, zh = await asyncio.gather(cache.png(kb, "en"), cache.png(kb, "zh"))
    assert len(children) == 1 and children[0][1:3] == ("-m", "bot.render.timeline")
    assert en == timeline.cached_path(tmp_path, kb, "en").read_bytes()
    assert en.startswith(b"\x89PNG") and zh.startswith(b"\x89PNG")

    timeline.cached_path(tmp_path, kb, "en").write_bytes(b"\x89PNG kept from before the restart")
    restarted = TimelinePictures(tmp_path)
    assert await restarted.png(kb, "en") == b"\x89PNG kept from before the restart"
    assert await restarted.png(load_knowledge(KNOWLEDGE), "zh") == zh  # same content, same file
    assert len(children) == 1


async def test_a_child_that_fails_is_one_clear_error(kb, tmp_path, children):
    broken = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, broken)
    edited = load_knowledge(broken)
    (broken / "article.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    with pytest.raises(PictureError, match=r"^timeline not drawn: ") as error:
        await TimelinePictures(tmp_path / "pictures").png(edited, "en")
    assert "\n" not in str(error.value) and len(children) == 1


async def test_the_chinese_picture_is_drawn_again_once_a_font_is_installed(kb, tmp_path, children, monkeypatch):
    fonts = tmp_path / "data" / "fonts"
    fonts.mkdir(parents=True)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    cache = TimelinePictures(tmp_path / "pictures")
    await cache.png(kb, "zh")
    (fonts / "NotoSansCJK-Regular.ttc").write_bytes(b"a font installed")
    os.utime(fonts, ns=(1, 1))
    await cache.png(kb, "zh")
    assert len(children) == 2  # the picture drawn without the font is not served again
    await cache.png(kb, "en")
    assert len(children) == 2  # the English one needs no new font
    kept = sorted(p.name for p in (tmp_path / "pictures").iterdir())
    assert len(kept) == 2 and kept == sorted(timeline.cached_path(tmp_path / "pictures", kb, lang).name
                                             for lang in timeline.LANGS)  # the older Chinese picture dropped
