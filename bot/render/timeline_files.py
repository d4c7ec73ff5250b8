"""The timeline pictures' names: the attachment a card shows, and the file each picture is kept in,
keyed by the knowledge version and, for the Chinese one, by the installed fonts. Shared by the child
that draws them (`bot.render.timeline`) and the Discord bot that attaches them, which so never loads
the drawing code."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from bot.core.knowledge import KnowledgeBase

# Fonts that hold the Chinese glyphs, best first; Debian's fonts-noto-cjk gives the first ones
# (the timeline draws with the first one installed; the report's HTML names them all).
CJK_FONT_NAMES = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Serif CJK SC", "Noto Sans SC",
                  "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
                  "Droid Sans Fallback", "AR PL UMing CN", "SimHei", "Microsoft YaHei", "PingFang SC")


def filename(lang: str) -> str:
    """The attachment name Discord shows; the embed refers to it as attachment://<name>."""
    return f"deepseek-timeline-{lang}.png"


def with_image(card: dict, lang: str) -> dict:
    """A copy of an embed dict that shows the attached timeline picture."""
    return {**card, "image": {"url": f"attachment://{filename(lang)}"}}


def knowledge_version(kb: KnowledgeBase) -> str:
    # The knowledge's content, not the object: a reload that changes nothing keeps the picture.
    return hashlib.sha256(repr((kb.article, kb.models, kb.lexicon.get("tags"))).encode()).hexdigest()[:16]


def font_folders() -> list[Path]:
    """Where fonts are installed: fontconfig's folders and those matplotlib searches besides them."""
    home = Path.home()
    data = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    windows = [Path(os.environ[name]) / sub for name, sub in (("WINDIR", "Fonts"),
                                                               ("LOCALAPPDATA", "Microsoft/Windows/Fonts"))
               if os.environ.get(name)]
    return [Path(p) for p in ("/usr/share/fonts", "/usr/local/share/fonts", "/usr/X11R6/lib/X11/fonts",
                              "/usr/X11/lib/X11/fonts", "/opt/local/share/fonts", "/Library/Fonts",
                              "/Network/Library/Fonts", "/System/Library/Fonts")] + [
        data / "fonts", home / ".fonts", home / "Library" / "Fonts", *windows]


def fonts_version() -> str:
    """A fingerprint of the font folders (each folder's path and time; no font is opened): installing a
    font (fonts-noto-cjk) changes it, so the Chinese picture is drawn again, with that font."""
    state = []
    for root in font_folders():
        for folder, _, _ in os.walk(root):
            try:
                state.append((folder, os.stat(folder).st_mtime_ns))
            except OSError:  # gone meanwhile
                continue
    return hashlib.sha256(repr(sorted(state)).encode()).hexdigest()[:8]


def cached_path(folder: Path, kb: KnowledgeBase, lang: str) -> Path:
    """Where the picture of this knowledge in `lang` is kept, across restarts. The Chinese one is keyed by
    the fonts too: it is drawn with English labels where no font has the Chinese glyphs, and with them
    once one is installed; the English one needs only matplotlib's own font."""
    fonts = f"-{fonts_version()}" if lang == "zh" else ""
    return folder / f"timeline-{knowledge_version(kb)}{fonts}-{lang}.png"
