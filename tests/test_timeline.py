"""The timeline picture: a valid, small, repeatable PNG in both languages, every model on it,
undated models in their own lane, English labels when no Chinese font, and no plotting
library on the question paths."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import shutil
import struct
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from bot.core.knowledge import load_knowledge
from bot.core.normalise import has_chinese
from bot.render import timeline, timeline_files
from tests.conftest import KNOWLEDGE

ROOT = Path(__file__).resolve().parents[1]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(autouse=True)
def fresh_cache():
    timeline._cache.clear()
    yield
    timeline._cache.clear()


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def no_cjk_font() -> str | None:
    return None


def render_without_glyph_warnings(kb, lang: str, **kwargs) -> bytes:
    # matplotlib warns "Glyph ... missing from font(s)" when it would draw a box.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = timeline.render_timeline(kb, lang, **kwargs)
    missing = [str(w.message) for w in caught if "missing from" in str(w.message)]
    assert not missing, missing
    return data


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_both_languages_render_a_small_valid_png(kb, lang):
    data = render_without_glyph_warnings(kb, lang)
    width, height = png_size(data)
    assert (width, height) == (1300, 780)
    assert len(data) < 1024 * 1024 < timeline.DISCORD_UPLOAD_LIMIT


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_second_render_is_the_same_bytes_even_when_drawn_again(kb, lang):
    first = timeline.render_timeline(kb, lang)
    assert timeline.render_timeline(kb, lang) is first  # reused from the cache
    timeline._cache.clear()
    assert timeline.render_timeline(kb, lang) == first  # drawn again: identical


def test_cache_holds_one_picture_per_language_and_survives_a_reload(kb):
    timeline.render_timeline(kb, "en")
    timeline.render_timeline(kb, "zh")
    timeline.render_timeline(load_knowledge(ROOT / "knowledge"), "en")  # same content, new object
    assert len(timeline._cache) == 2


def test_every_model_is_on_the_picture_in_the_reply_language(kb):
    for lang in ("en", "zh"):
        plan = timeline.layout(kb, lang)
        ids = {mark.model for mark in plan.marks}
        assert {m.id for m in kb.models} <= ids
        labels = plan.labels()
        for m in kb.models:
            assert m.name[lang] in labels
        assert plan.footer.count(kb.article.source) == 1
        assert kb.article.published.isoformat() in plan.footer
    assert has_chinese(timeline.layout(kb, "zh").title)
    assert not any(has_chinese(text) for text in timeline.layout(kb, "en").labels())


def test_undated_models_are_in_their_own_lane_and_dated_ones_on_the_axis(kb):
    plan = timeline.layout(kb, "en")
    by_id = {mark.model: mark for mark in plan.marks}
    for m in kb.models:
        assert by_id[m.id].date == m.released
    undated = sorted(mark.lane for mark in plan.marks if mark.date is None)
    assert undated == list(range(len(undated)))  # one slot each, no two on top of each other
    assert {"deepseek-moe", "deepseek-math", "deepseek-coder-v2", "deepseek-vl2"} <= {
        mark.model for mark in plan.marks if mark.date is None}
    assert plan.title == "The DeepSeek lineage, 2023-11 to 2025-01"


def test_the_relations_the_article_states_are_arrows_and_no_others(kb):
    arrows = {(a.kind, a.source, a.target) for a in timeline.layout(kb, "en").arrows}
    # DeepSeekMath's base is DeepSeek-Coder-v1.5 7B, not a model of the article: no arrow into it;
    # DeepSeekMoE's section names DeepSeek-V2 only as an example of a size: no arrow (issue 16)
    assert arrows == {("distilled", "deepseek-r1", f"{timeline.DISTILLED}:deepseek-r1")}


def test_sizes_are_written_where_the_article_gives_them(kb):
    sizes = {mark.model: mark.size_label for mark in timeline.layout(kb, "en").marks}
    assert sizes["deepseek-v2"] == "236B"
    assert sizes["deepseek-llm"] == "7B / 67B"
    assert sizes["deepseek-v3"].startswith("671B")
    assert sizes["deepseek-coder"] == ""  # not disclosed: nothing invented


def test_without_a_chinese_font_the_chinese_picture_has_english_labels(kb, caplog):
    plan, fonts = timeline._fonts_for(kb, "zh", None)
    assert len(fonts) == 1  # the Latin font only
    assert plan.lang == "en"
    assert not any(has_chinese(text) for text in plan.labels())
    assert "English labels" in caplog.text
    data = render_without_glyph_warnings(kb, "zh", find_font=no_cjk_font)
    png_size(data)
    assert data == timeline.render_timeline(kb, "en")  # exactly the English picture


def test_with_a_chinese_font_the_labels_are_chinese(kb):
    if not cjk_font_installed():
        pytest.skip("no CJK font installed (optional: fonts-noto-cjk)")
    plan, fonts = timeline._fonts_for(kb, "zh", timeline.find_cjk_font())
    assert plan.lang == "zh" and len(fonts) == 2
    assert timeline.render_timeline(kb, "zh") != timeline.render_timeline(kb, "en")


@functools.cache
def cjk_font_installed() -> bool:
    """Whether the machine has a wanted Chinese font, asked of the font files themselves (not of the
    code under test, nor of matplotlib's cached list of fonts)."""
    from matplotlib import font_manager

    names = set()
    for path in font_manager.findSystemFonts():
        with contextlib.suppress(Exception):
            names.add(font_manager.get_font(path).family_name)
    return bool(names & set(timeline.CJK_FONT_NAMES))


def test_the_picture_is_kept_by_the_font_it_was_drawn_with(kb):
    """A picture drawn with English labels for want of a Chinese font is not served once the font is there."""
    if not cjk_font_installed():
        pytest.skip("no CJK font installed (optional: fonts-noto-cjk)")
    without = timeline.render_timeline(kb, "zh", find_font=no_cjk_font)
    assert without == timeline.render_timeline(kb, "en")
    assert timeline.render_timeline(kb, "zh") != without


def test_the_chinese_pictures_file_is_keyed_by_the_installed_fonts(kb, tmp_path, monkeypatch):
    fonts = tmp_path / "data" / "fonts"
    fonts.mkdir(parents=True)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    zh, en = (timeline_files.cached_path(tmp_path, kb, lang) for lang in ("zh", "en"))
    assert timeline_files.cached_path(tmp_path, kb, "zh") == zh  # the same fonts: the same file
    (fonts / "NotoSansCJK-Regular.ttc").write_bytes(b"a font installed")
    os.utime(fonts, ns=(1, 1))  # a new time for the folder, however coarse the file system's clock
    assert timeline_files.cached_path(tmp_path, kb, "zh") != zh  # drawn again, with the new font
    assert timeline_files.cached_path(tmp_path, kb, "en") == en  # English needs matplotlib's own font only


def test_a_font_installed_after_matplotlib_cached_its_font_list_is_found(kb, tmp_path):
    """matplotlib writes its list of fonts on its first use and reads it from then on: a Chinese font
    installed later is missing from it. The drawing child finds it all the same."""
    if not cjk_font_installed():
        pytest.skip("no CJK font installed (optional: fonts-noto-cjk)")
    env = {**os.environ, "MPLCONFIGDIR": str(tmp_path / "mpl")}

    def python(code: str) -> str:
        done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    listed = "from matplotlib import font_manager as f; print(any('CJK' in x.name for x in f.fontManager.ttflist))"
    assert python(listed) == "True"
    [cache] = (tmp_path / "mpl").glob("fontlist-*.json")
    fonts = json.loads(cache.read_text(encoding="utf-8"))  # as written before the font was installed:
    fonts["ttflist"] = [f for f in fonts["ttflist"] if "CJK" not in f["name"]]
    cache.write_text(json.dumps(fonts), encoding="utf-8")
    assert python(listed) == "False"  # stale, as on the newcomer's machine
    assert python("from bot.render import timeline; print(timeline.find_cjk_font())").endswith((".ttc", ".otf", ".ttf"))
    done = subprocess.run([sys.executable, "-m", "bot.render.timeline", str(ROOT / "knowledge"), str(tmp_path / "p")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    drawn = {lang: timeline.cached_path(tmp_path / "p", kb, lang).read_bytes() for lang in timeline.LANGS}
    assert drawn["zh"] != drawn["en"]  # Chinese labels, not the English fallback


def test_write_timeline_and_discord_attachment_names(kb, tmp_path):
    path = timeline.write_timeline(kb, tmp_path / "out" / "t.png", lang="en")
    assert path.read_bytes() == timeline.render_timeline(kb, "en")
    card = {"title": "x"}
    assert timeline_files.with_image(card, "zh") == {
        "title": "x", "image": {"url": "attachment://deepseek-timeline-zh.png"}}
    assert card == {"title": "x"}  # the engine's card is left as it was


def test_question_paths_do_not_import_matplotlib():
    code = ("import sys\n"
            "from bot import cli\n"
            "cli.main(['ask', 'r1'])\n"
            "cli.main(['ask', 'show me the timeline'])\n"
            "from bot.adapters import console\n"
            "assert 'matplotlib' not in sys.modules, 'matplotlib imported'\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "DeepSeek-R1" in result.stdout


def test_the_discord_bot_never_loads_the_drawing_code():
    code = ("import sys\n"
            "import bot.adapters.discord_app\n"
            "assert 'bot.render.timeline' not in sys.modules, 'drawing code imported'\n"
            "assert 'matplotlib' not in sys.modules, 'matplotlib imported'\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_console_saves_each_picture_under_the_state_dir_with_a_new_name(kb, tmp_path, monkeypatch):
    from bot.adapters.console import Session, handle
    from bot.core.engine import Engine

    # The old fixed name in the temp folder, pointing elsewhere: it must not be followed.
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (tmp_path / "tmp" / timeline_files.filename("en")).symlink_to(victim)

    engine, state = Engine(kb), tmp_path / "state"
    saved = []
    for line, lang in (("/timeline", "en"), ("show me the timeline", "en"), ("DeepSeek 的发展脉络", "zh")):
        reply = handle(engine, line, session=Session(state_dir=state))
        [path] = [Path(word) for word in reply.split() if word.startswith(str(state))]
        assert path.parent == state / "pictures" and path.name.startswith(f"timeline-{lang}-")
        assert path.read_bytes() == timeline.render_timeline(kb, lang)
        saved.append(path)
    assert len(set(saved)) == 3  # a new file each time, never an existing path
    assert victim.read_text() == "keep me"
    assert "pictures" not in handle(engine, "r1", session=Session(state_dir=state))


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_timeline_onto_a_folder_or_an_unwritable_path_is_one_line(tmp_path):
    (tmp_path / "file").write_text("")
    for target in (tmp_path, tmp_path / "file" / "t.png", Path("/proc/t.png")):
        done = run_cli("bot", "timeline", "-o", str(target))
        assert done.returncode == 1, done
        assert done.stderr.startswith(f"cannot write the picture to {target}: ")
        assert len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["file"]  # nothing half-written left behind


def test_the_child_entry_draws_both_pictures_into_the_cache_and_drops_older_ones(kb, tmp_path):
    (tmp_path / "timeline-0123456789abcdef-en.png").write_bytes(b"an earlier knowledge version")
    (tmp_path / "timeline-en-k3j_x9q1.png").write_bytes(b"saved by the console: not the cache's")
    done = run_cli("bot.render.timeline", str(ROOT / "knowledge"), str(tmp_path))
    assert done.returncode == 0, done.stderr
    version, fonts = timeline.knowledge_version(kb), timeline.fonts_version()
    assert {p.name for p in tmp_path.iterdir()} == {
        f"timeline-{version}-en.png", f"timeline-{version}-{fonts}-zh.png", "timeline-en-k3j_x9q1.png"}
    for lang in timeline.LANGS:
        assert timeline.cached_path(tmp_path, kb, lang).read_bytes() == timeline.render_timeline(kb, lang)
    for args in ((), (str(tmp_path / "no-such-folder"), str(tmp_path))):
        done = run_cli("bot.render.timeline", *args)
        assert done.returncode and len(done.stderr.splitlines()) == 1, done


@pytest.mark.parametrize("question", ["show me the timeline", "DeepSeek 的发展脉络", "模型时间线", "时间线"])
def test_the_issue_questions_ask_for_the_timeline(engine, question):
    assert engine.ask(question).query.selector == "timeline"


# --- the pictures in docs/ (issue 16) --------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_pictures_in_docs_are_drawn_from_the_current_knowledge(kb, lang):
    from PIL import Image

    shown = Image.open(ROOT / "docs" / f"timeline-{lang}.png").text.get("Description")
    assert shown == timeline.layout_digest(timeline.layout(kb, lang)), (
        f"docs/timeline-{lang}.png is stale: python -m bot timeline -o docs/timeline-{lang}.png --lang {lang}")


def test_a_relation_added_makes_the_docs_pictures_stale(tmp_path, kb):
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    path = folder / "models" / "deepseek-coder-v2.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "aliases:", "relations:\n  - kind: based_on\n    models: []\n    names: [GPT4-Turbo]\n"
        "    quote: 达到了与 GPT4-Turbo 相当的性能\n    text: {zh: x, en: x}\naliases:"), encoding="utf-8")
    edited = load_knowledge(folder)
    for lang in ("en", "zh"):
        assert timeline.layout_digest(timeline.layout(edited, lang)) != timeline.layout_digest(
            timeline.layout(kb, lang))


@pytest.mark.parametrize(("lang", "ours", "repost"), [("en", "families as we group them, not the article's",
                                                      "(date of the repost)"),
                                                     ("zh", "我们按家族所作的分组,并非文章的分类", "(转载日期)")])
def test_the_family_rows_are_labelled_as_ours_and_the_date_as_the_reposts(kb, lang, ours, repost):
    plan = timeline.layout(kb, lang)
    assert ours in plan.size_note and repost in plan.footer
