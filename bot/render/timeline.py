"""The lineage at a glance: one PNG of every model on a time axis, in the reply language.

`layout()` decides what goes where from the knowledge alone (plain Python, easy to test);
`render_timeline()` draws it with matplotlib. matplotlib is imported only inside the drawing
code, so the console and question paths never pay for it. The Discord bot never draws in its
own process: it runs `python -m bot.render.timeline KNOWLEDGE_DIR PICTURES_DIR`, which writes both
pictures under names keyed by the knowledge version (and the fonts, for the Chinese one), and reuses
those files from then on. A font installed after matplotlib cached its list of fonts is found: when
no wanted font is in the list, the font folders are scanned again."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import logging
import os
import re
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.core.knowledge import KnowledgeBase, Model
from bot.core.phrases import say
from bot.render.cards import FAMILY_COLOURS
from bot.render.timeline_files import CJK_FONT_NAMES, cached_path, fonts_version, knowledge_version

log = logging.getLogger(__name__)

# Words only the picture uses; the engine's own phrases come from bot.core.phrases.
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "The DeepSeek lineage, {start} to {end}",
        "dated": "Release date\n(time axis)",
        "undated": "Date not given\nin the article",
        "based_on": "base model of",
        "distilled": "distilled into",
        "size_note": "Marker area: total parameters as the article gives them; hollow where it gives none. "
                     "Rows and colours: families as we group them, not the article's",
        "source": 'Source: "{title}", {date} ({dated_by}) · {url}',
        "saved": "Timeline picture saved to {path}",
        "no_cjk_font": "No font with Chinese glyphs is installed, so the picture has English labels "
                       "(install one, e.g. fonts-noto-cjk).",
    },
    "zh": {
        "title": "DeepSeek 模型发展脉络({start} 至 {end})",
        "dated": "发布时间\n(时间轴)",
        "undated": "文章未给出\n发布时间",
        "based_on": "作为基础模型",
        "distilled": "蒸馏出",
        "size_note": "圆点面积:文章给出的总参数量;空心表示文章未给出。行与颜色:我们按家族所作的分组,并非文章的分类",
        "source": "来源:《{title}》,{date}({dated_by})· {url}",
        "saved": "时间线图片已保存到 {path}",
        "no_cjk_font": "本机没有含中文字形的字体,图片改用英文标注(可安装 fonts-noto-cjk 等字体)。",
    },
}

LATIN_FONT = "DejaVu Sans"  # ships with matplotlib, so it is always there

DPI = 100
SIZE_IN = (13.0, 7.8)  # 1300 x 780 px: readable in a Discord embed, far below the upload limit
DISCORD_UPLOAD_LIMIT = 10 * 1024 * 1024


def say_timeline(lang: str, key: str, **values: object) -> str:
    return WORDS[lang][key].format(**values)


# --- what goes where ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Mark:
    model: str  # a model id, or DISTILLED for the distilled versions of a model
    label: str
    size_label: str  # the parameter count beside the marker, "" when the article gives none
    family: str
    total_b: float | None
    date: dt.date | None  # None: in the undated lane
    lane: int  # row in the dated panel, or slot in the undated lane


@dataclass(frozen=True)
class Arrow:
    kind: str  # a relation kind from the knowledge
    source: str
    target: str


@dataclass(frozen=True)
class Layout:
    lang: str
    title: str
    footer: str
    lanes: tuple[str, ...]  # families of the dated rows, top to bottom
    marks: tuple[Mark, ...]
    arrows: tuple[Arrow, ...]
    legend: tuple[tuple[str, str], ...]  # (family, name)
    kinds: tuple[tuple[str, str], ...]  # (relation kind, name)
    dated_label: str
    undated_label: str
    size_note: str

    def labels(self) -> list[str]:
        """Every text drawn on the picture, for the glyph check and for tests."""
        texts = [self.title, self.footer, self.dated_label, self.undated_label, self.size_note]
        texts += [m.label for m in self.marks] + [m.size_label for m in self.marks if m.size_label]
        return texts + [name for _, name in self.legend] + [name for _, name in self.kinds]


DISTILLED = "distilled"
# Dated rows top to bottom. Reasoning sits lowest, so the arrow to R1's distilled versions
# (in the undated lane) crosses no label; MoE next, close to DeepSeekMoE below it.
LANE_ORDER = ("code", "general", "vision", "math", "moe", "reasoning")


def _b(value: float) -> str:
    return f"{value:g}B"


def _size_label(m: Model, lang: str) -> str:
    if not m.total_b:
        return ""
    text = " / ".join(_b(b) for _, b in m.variants) if m.variants else _b(m.total_b)
    if m.active_b:
        text += "\n" + say(lang, "b_active", n=f"{m.active_b:g}")
    return text


def _has(m: Model, kind: str) -> bool:
    return any(r.kind == kind for r in m.relations)


def _undated_order(undated: list[Model]) -> list[Model]:
    # Keep arrows short: a model built on another goes first (left, under the early models it comes from).
    based = [m for m in undated if _has(m, "based_on")]
    return based + [m for m in undated if m not in based]


def layout(kb: KnowledgeBase, lang: str) -> Layout:
    dated = sorted((m for m in kb.models if m.released), key=lambda m: (m.released, m.section))
    undated = _undated_order([m for m in kb.models if not m.released])
    families = {m.family for m in dated}
    lanes = tuple(f for f in LANE_ORDER if f in families) + tuple(sorted(families - set(LANE_ORDER)))

    marks = [Mark(m.id, m.name[lang], _size_label(m, lang), m.family, m.total_b, m.released,
                  lanes.index(m.family)) for m in dated]
    marks += [Mark(m.id, m.name[lang], _size_label(m, lang), m.family, m.total_b, None, slot)
              for slot, m in enumerate(undated)]

    arrows: list[Arrow] = []
    for m in kb.models:
        for rel in m.relations:
            if rel.kind == "based_on":
                arrows += [Arrow(rel.kind, source, m.id) for source in rel.models]
            elif rel.kind == "distilled" and m.distilled_b:
                # The distilled versions have no date of their own: they join the undated lane.
                lo, hi = m.distilled_b
                label = say(lang, "b_distilled", lo=f"{lo:g}", hi=f"{hi:g}")
                slot = sum(1 for mark in marks if mark.date is None)
                marks.append(Mark(f"{DISTILLED}:{m.id}", label, "", m.family, None, None, slot))
                arrows.append(Arrow(rel.kind, m.id, f"{DISTILLED}:{m.id}"))

    first, last = dated[0].released, dated[-1].released
    article = kb.article
    used_families = [f for f in FAMILY_COLOURS if any(m.family == f for m in kb.models)]
    return Layout(
        lang=lang,
        title=say_timeline(lang, "title", start=f"{first:%Y-%m}", end=f"{last:%Y-%m}"),
        footer=say_timeline(lang, "source", title=article.title[lang], date=article.published.isoformat(),
                            dated_by=article.dated_by[lang], url=article.source),
        lanes=lanes,
        marks=tuple(marks),
        arrows=tuple(arrows),
        legend=tuple((f, kb.tag_name(f, lang)) for f in used_families),
        kinds=tuple((k, say_timeline(lang, k)) for k in dict.fromkeys(a.kind for a in arrows)),
        dated_label=say_timeline(lang, "dated"),
        undated_label=say_timeline(lang, "undated"),
        size_note=say_timeline(lang, "size_note"),
    )


def layout_digest(plan: Layout) -> str:
    """What a picture shows, as a short hash: the same layout, the same digest."""
    return f"layout {plan.lang} " + hashlib.sha256(repr(plan).encode("utf-8")).hexdigest()[:16]


# --- fonts ----------------------------------------------------------------------------------------
FontLookup = Callable[[], str | None]


def find_cjk_font() -> str | None:
    """The file of an installed font with Chinese glyphs, or None.

    matplotlib keeps its list of fonts on disk from its first drawing on, so a font installed later
    (`apt-get install fonts-noto-cjk`) is not in it: when none of the wanted fonts is, the font folders
    are scanned again and what is new is added (once per change of the folders)."""
    global _scanned
    from matplotlib import font_manager

    manager = font_manager.fontManager
    found = _wanted_font(manager)
    if found is None and _scanned != (version := fonts_version()):
        _scanned = version
        known = {f.fname for f in manager.ttflist}
        for path in font_manager.findSystemFonts():
            if path not in known:
                with contextlib.suppress(OSError, RuntimeError, ValueError):  # a font it cannot read: skipped
                    manager.addfont(path)
        found = _wanted_font(manager)
    return found


_scanned: str | None = None  # the font folders' version when they were last scanned


def _wanted_font(manager) -> str | None:
    by_name = {f.name: f.fname for f in manager.ttflist}
    return next((by_name[name] for name in CJK_FONT_NAMES if name in by_name), None)


def has_chinese_font() -> bool:
    return find_cjk_font() is not None


def _covers(font_files: list[str], texts: list[str]) -> bool:
    """Whether every character of every text has a glyph in one of the fonts."""
    from matplotlib.ft2font import FT2Font

    charmaps = [FT2Font(path).get_charmap() for path in font_files]
    return all(any(ord(ch) in cmap for cmap in charmaps)
               for ch in set("".join(texts)) if not ch.isspace())


def _fonts_for(kb: KnowledgeBase, lang: str, cjk: str | None) -> tuple[Layout, list[str]]:
    """The layout to draw and the font files to draw it with (`cjk`: the Chinese font's file, if any);
    English when Chinese can't be drawn."""
    from matplotlib import font_manager

    latin = font_manager.findfont(LATIN_FONT)
    if lang == "zh":
        chosen = layout(kb, "zh")
        if cjk and _covers([cjk, latin], chosen.labels()):
            return chosen, [cjk, latin]
        log.warning("no font with the Chinese glyphs found (install fonts-noto-cjk); "
                    "drawing the timeline with English labels")
    return layout(kb, "en"), [latin]


# --- drawing --------------------------------------------------------------------------------------
def _colour(family: str) -> str:
    return f"#{FAMILY_COLOURS[family]:06x}"


# Arrow colour and line per relation kind: the colour of the family the relation is about.
KIND_STYLE = {"based_on": (_colour("math"), "-"), "distilled": (_colour("reasoning"), ":")}
DEFAULT_KIND_STYLE = ("#777777", "-")


def _marker_area(total_b: float | None) -> float:
    # Area grows with the parameter count; the square root keeps 7B visible next to 671B.
    return 260.0 if total_b is None else 90.0 + 48.0 * total_b ** 0.5


def _month_ticks(first: dt.date, last: dt.date) -> list[dt.date]:
    ticks, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        ticks.append(dt.date(year, month, 1))
        month += 2
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return ticks


def _draw(plan: Layout, font_files: list[str]) -> bytes:
    import matplotlib

    matplotlib.use("Agg")  # headless: no display needed, the same pixels everywhere
    from matplotlib import dates as mdates
    from matplotlib import font_manager
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import ConnectionPatch

    fonts = []
    for path in font_files:
        font_manager.fontManager.addfont(path)
        fonts.append(font_manager.FontProperties(fname=path).get_name())
    dated = [m for m in plan.marks if m.date]
    undated = [m for m in plan.marks if not m.date]
    start = dt.date(dated[0].date.year, dated[0].date.month, 1)
    end = max(m.date for m in dated)
    x0, x1 = mdates.date2num(start) - 40, mdates.date2num(end) + 75
    rows = len(plan.lanes)
    grey, dark = "#555555", "#222222"

    with matplotlib.rc_context({"font.family": fonts, "font.size": 10.5, "axes.unicode_minus": False}):
        fig = Figure(figsize=SIZE_IN, dpi=DPI, facecolor="white")
        grid = fig.add_gridspec(2, 1, height_ratios=(rows, 1.5), hspace=0.04,
                                left=0.13, right=0.975, top=0.80, bottom=0.115)
        top = fig.add_subplot(grid[0])
        low = fig.add_subplot(grid[1], sharex=top)

        # Dated panel: one row per family, the time axis labelled along its top edge so
        # no arrow runs through a date.
        top.set_xlim(x0, x1)
        top.set_ylim(-0.55, rows - 0.45)
        top.set_yticks([])
        ticks = _month_ticks(start, end)
        top.set_xticks([mdates.date2num(t) for t in ticks], [f"{t:%Y-%m}" for t in ticks])
        top.tick_params(axis="x", labeltop=True, labelbottom=False, length=0, colors="#444444")
        top.grid(axis="x", color="#eeeeee", lw=0.8)
        for i in range(rows):
            top.axhline(i, color="#e6e6e6", lw=0.8, zorder=0)
        for side in ("left", "right", "bottom"):
            top.spines[side].set_visible(False)
        top.spines["top"].set_color("#999999")

        # Undated lane: same width, shaded, no time axis.
        low.set_facecolor("#f4f4f6")
        low.set_ylim(-1.0, 0.5)
        low.set_yticks([])
        low.tick_params(axis="x", labelbottom=False, length=0)
        for spine in low.spines.values():
            spine.set_visible(False)
        for ax, text in ((top, plan.dated_label), (low, plan.undated_label)):
            ax.text(-0.012, 0.5, text, transform=ax.transAxes, ha="right", va="center", color=grey,
                    linespacing=1.3)

        positions: dict[str, tuple[object, float, float]] = {
            m.model: (top, mdates.date2num(m.date), rows - 1 - m.lane) for m in dated}
        # Evenly spread, leaving room on the right for the last label.
        for m in undated:
            positions[m.model] = (low, x0 + (x1 - x0) * (0.07 + 0.8 * m.lane / max(1, len(undated) - 1)), 0.0)

        for m in plan.marks:
            ax, x, y = positions[m.model]
            colour = _colour(m.family)
            if m.model.startswith(DISTILLED):
                # Several sizes, none dated: a small dotted cluster.
                ax.scatter([x - 12, x, x + 12], [y, y, y], s=[45, 80, 125], color="white", edgecolors=colour,
                           linewidths=1.5, linestyles=":", zorder=3)
                radius = 14.0
            else:
                ax.scatter([x], [y], s=_marker_area(m.total_b), color=colour if m.total_b else "white",
                           edgecolors=colour, linewidths=2.0, zorder=3)
                radius = _marker_area(m.total_b) ** 0.5 / 2 + 4
            detail = " · ".join(part for part in (m.date.isoformat() if m.date else "", m.size_label) if part)
            if m.date:
                # Beside the marker in the dated rows; below it in the undated lane, where the
                # arrows leave sideways and upwards.
                ax.annotate(m.label, (x, y), xytext=(radius, 1), textcoords="offset points", ha="left",
                            va="bottom", fontsize=11, fontweight="bold", color=dark)
                ax.annotate(detail, (x, y), xytext=(radius, -1), textcoords="offset points", ha="left",
                            va="top", fontsize=9.5, color=grey)
            else:
                ax.annotate("\n".join(filter(None, (m.label, detail))), (x, y), xytext=(0, -radius),
                            textcoords="offset points", ha="center", va="top", fontsize=11,
                            fontweight="bold", color=dark)

        for arrow in plan.arrows:
            (ax_a, xa, ya), (ax_b, xb, yb) = positions[arrow.source], positions[arrow.target]
            colour, line = KIND_STYLE.get(arrow.kind, DEFAULT_KIND_STYLE)
            fig.add_artist(ConnectionPatch(
                (xa, ya), (xb, yb), coordsA=ax_a.transData, coordsB=ax_b.transData,
                arrowstyle="-|>,head_length=0.5,head_width=0.25", color=colour, lw=1.4, linestyle=line,
                shrinkA=12, shrinkB=14, mutation_scale=12, alpha=0.85, zorder=2))

        fig.text(0.55, 0.955, plan.title, ha="center", va="center", fontsize=17, fontweight="bold",
                 color=dark)
        families = [Line2D([], [], marker="o", linestyle="", markersize=9, color=_colour(f), label=name)
                    for f, name in plan.legend]
        kinds = [Line2D([], [], color=colour, linestyle=line, lw=1.5, label=name)
                 for (colour, line), name in ((KIND_STYLE.get(k, DEFAULT_KIND_STYLE), name)
                                              for k, name in plan.kinds)]
        for handles, y in ((families, 0.908), (kinds, 0.872)):
            fig.legend(handles=handles, loc="center", bbox_to_anchor=(0.55, y), ncol=len(handles),
                       frameon=False, fontsize=9.5, handletextpad=0.4, columnspacing=1.6, handlelength=1.8)
        fig.text(0.13, 0.058, plan.size_note, ha="left", va="center", fontsize=9, color="#666666")
        fig.text(0.13, 0.028, plan.footer, ha="left", va="center", fontsize=9, color="#666666")

        buffer = io.BytesIO()
        # No software version or date in the file, so a second render is byte-identical; the layout's digest
        # says what was drawn, so a picture kept in docs/ is known stale when the knowledge changes it.
        fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None, "Description": layout_digest(plan)})
    return buffer.getvalue()


# --- the cached picture ---------------------------------------------------------------------------
LANGS = ("en", "zh")
_cache: dict[tuple[str, str, str | None], bytes] = {}


def render_timeline(kb: KnowledgeBase, lang: str, *, find_font: FontLookup | None = None) -> bytes:
    """The timeline PNG for `lang` ("zh" or "en"), drawn once per process and font, and reused."""
    cjk = (find_font or find_cjk_font)() if lang == "zh" else None
    key = (lang, knowledge_version(kb), cjk)  # by the font too: one installed meanwhile is drawn with
    if key not in _cache:
        plan, fonts = _fonts_for(kb, lang, cjk)
        _cache[key] = _draw(plan, fonts)
    return _cache[key]


_CACHED_NAME = re.compile(r"timeline-[0-9a-f]{16}(-[0-9a-f]{8})?-[a-z]{2}\.png")


def drop_other_versions(folder: Path, kb: KnowledgeBase) -> None:
    """Remove the cached pictures of earlier knowledge and fonts, so edits do not pile them up."""
    keep = {cached_path(folder, kb, lang).name for lang in LANGS}
    for path in folder.iterdir():
        if _CACHED_NAME.fullmatch(path.name) and path.name not in keep:
            path.unlink(missing_ok=True)


def save_new(folder: Path, lang: str, data: bytes) -> Path:
    """Write `data` to a new file with a unique name in `folder`; never opens an existing path."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=folder, prefix=f"timeline-{lang}-", suffix=".png")
    with os.fdopen(fd, "wb") as file:
        file.write(data)
    os.chmod(name, 0o644)
    return Path(name)


def write_timeline(kb: KnowledgeBase, path: Path, lang: str = "en") -> Path:
    """Write the picture to `path` whole or not at all (a reader never sees half a file)."""
    path = Path(path)
    if path.is_dir():
        raise IsADirectoryError(21, "Is a directory", str(path))
    new = save_new(path.parent, lang, render_timeline(kb, lang))
    try:
        os.replace(new, path)
    except OSError:
        new.unlink(missing_ok=True)
        raise
    return path


def save_for_console(kb: KnowledgeBase, lang: str, folder: Path) -> str:
    """Write the picture under a new name in `folder` and say where, for the console chat."""
    return say_timeline(lang, "saved", path=save_new(folder, lang, render_timeline(kb, lang)))


def main(argv: list[str]) -> int:
    """`python -m bot.render.timeline KNOWLEDGE_DIR PICTURES_DIR`: draw both pictures into the cache."""
    from bot.core.knowledge import KnowledgeError, load_knowledge

    if len(argv) != 2:
        print("usage: python -m bot.render.timeline KNOWLEDGE_DIR PICTURES_DIR", file=sys.stderr)
        return 2
    knowledge, folder = (Path(arg) for arg in argv)
    try:
        kb = load_knowledge(knowledge)
        for lang in LANGS:
            write_timeline(kb, cached_path(folder, kb, lang), lang)
        drop_other_versions(folder, kb)
    except (KnowledgeError, OSError) as exc:
        print(f"timeline not drawn: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
