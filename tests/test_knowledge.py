"""Loading validates every file and names the file, the entry and the key of each problem."""

import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from contextlib import contextmanager

import pytest
import yaml

from bot.core.engine import Engine
from bot.core.knowledge import SOURCE_KEYS, KnowledgeError, load_knowledge
from bot.core.normalise import tokens_of
from bot.render.cards import to_text
from tests.conftest import ARTICLE, KNOWLEDGE, ROOT


@pytest.fixture
def folder(tmp_path):
    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, copy)
    return copy


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(folder):
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(folder)
    return str(caught.value)


def test_the_article_and_all_ten_models_load(kb):
    assert [m.id for m in kb.models] == [
        "deepseek-coder", "deepseek-llm", "deepseek-moe", "deepseek-v2", "deepseek-math",
        "deepseek-coder-v2", "deepseek-vl2", "deepseek-v3", "deepseek-r1", "janus-pro"]
    assert kb.article.published.isoformat() == "2025-02-08"
    v3 = kb.by_id["deepseek-v3"]
    assert (v3.released.isoformat(), v3.total_b, v3.active_b) == ("2024-12-26", 671, 37)
    assert kb.by_id["deepseek-r1"].distilled_b == (1.5, 70)
    assert [b for _, b in kb.by_id["janus-pro"].variants] == [1, 7]
    assert kb.by_id["deepseek-math"].paper_title is None
    assert kb.by_id["deepseek-math"].relations[0].names == ("DeepSeek-Coder-v1.5 7B",)


def test_undisclosed_facts_are_null_with_the_articles_words(kb):
    for mid in ("deepseek-moe", "deepseek-math", "deepseek-coder-v2", "deepseek-vl2"):
        model = kb.by_id[mid]
        assert model.released is None and "未" in model.released_text["zh"]
        # DeepSeekMoE's is no withheld date but an idea with no single one (issue 16): the article gives none
        assert ("no single date: the article does not give one" if mid == "deepseek-moe" else "not disclosed") \
            in model.released_text["en"]


def test_broken_yaml_names_file_and_line(folder):
    (folder / "models" / "deepseek-v3.yaml").write_text("id: deepseek-v3\nname: {zh: [\n", encoding="utf-8")
    message = problems(folder)
    assert "deepseek-v3.yaml" in message and "broken YAML (line" in message


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("family: moe", "family: moe\ncolour: red", "deepseek-v3: unknown key 'colour'"),
    ("  en: technical innovation leads a leap in performance\n", "", "deepseek-v3: headline: missing language 'en'"),
    ("date: 2024-12-26", "date: 2024-13-26", "deepseek-v3: released.date: '2024-13-26' is not an ISO date"),
    ("tags:\n", "tags:\n  robotics: {zh: 采用创新的 MoE 架构, en: x}\n",
     "tag 'robotics' is not defined in lexicon.yaml"),
    ("fp8: {zh: \"FP8 混合精度训练\"", "fp8: {zh: \"FP16 混合精度训练\"",
     "deepseek-v3: tags.fp8: the quote is not in this model's passages (source)"),
    ("  paper: \"论文链接:《DeepSeek-V3 Technical Report》\"\n", "",
     "deepseek-v3: source: missing the article's paper line"),
    ("  zh: 技术创新引领性能飞跃", "  zh: 技术创新引领未来",
     "deepseek-v3: headline: the article's heading of this section has no such subtitle"),
    ("  zh: 采用创新的 MoE 架构和 FP8", "  zh: 采用先进的 MoE 架构和 FP8",
     "deepseek-v3: features.zh: is not the article's text of this section"),
    ("aliases: [deepseek v3,", "aliases: [deepseek vl, deepseek v3,",
     "deepseek-v3: aliases: 'deepseek vl' names a model the article does not cover (lexicon not_covered: DeepSeek-VL)"),
    ("aliases: [deepseek v3,", "aliases: [GPT-4, deepseek v3,",
     "deepseek-v3: aliases: 'GPT-4' names a model the article does not cover (lexicon foreign_models)"),
    ("tags:\n  moe:", "tags: [moe]\nold_tags:\n  moe:",
     "deepseek-v3: tags: expected a mapping, got a list"),
    ("aliases: [deepseek v3,", "aliases: [r1, deepseek v3,", "deepseek-v3: aliases: 'r1' is also an alias of"),
    ("total_b: 671", "total_b: lots", "deepseek-v3: parameters.total_b: 'lots' is not a positive number"),
])
def test_each_kind_of_mistake_is_named(folder, old, new, expected):
    edit(folder / "models" / "deepseek-v3.yaml", old, new)
    message = problems(folder)
    assert expected in message and "deepseek-v3.yaml" in message


def test_a_spelling_variant_of_another_models_alias_is_caught(folder):
    edit(folder / "models" / "deepseek-v3.yaml", "aliases: [deepseek v3,", "aliases: [DeepSeek-V2, deepseek v3,")
    assert "is also an alias of deepseek-v2" in problems(folder)


def test_lexicon_problems_are_named(folder):
    edit(folder / "lexicon.yaml", "tags:\n", "tagz: []\ntags:\n")
    assert "lexicon.yaml: unknown key 'tagz'" in problems(folder)


def test_a_word_listed_twice_in_one_group_is_named(folder):
    edit(folder / "lexicon.yaml", "chatter: [hey, hi,", "chatter: [hey, hi, hey,")
    # the same word in two groups is fine ("first half" is a period too)
    edit(folder / "lexicon.yaml", "    released: [", "    released: [first half, ")
    assert problems(folder).splitlines() == [f"{folder / 'lexicon.yaml'}: chatter: 'hey' is listed twice"]


def test_all_problems_are_reported_at_once(folder):
    edit(folder / "models" / "deepseek-v3.yaml", "family: moe", "family: robots")
    edit(folder / "models" / "janus-pro.yaml", "date: 2025-01-28", "date: soon")
    message = problems(folder)
    assert "deepseek-v3: family" in message and "janus-pro: released.date" in message


def test_reload_keeps_the_last_good_knowledge(folder):
    engine = Engine.from_folder(folder)
    (folder / "lexicon.yaml").write_text("tags: [\n", encoding="utf-8")
    error = engine.reload()
    assert error and "lexicon.yaml" in error
    assert "671" in to_text(engine.ask("V3 有多少参数?").reply)


def test_reload_picks_up_a_fixed_fact(folder):
    engine = Engine.from_folder(folder)
    edit(folder / "models" / "deepseek-v3.yaml", "aliases: [deepseek v3,", "aliases: [dsv3 flagship, deepseek v3,")
    assert engine.reload() is None
    assert engine.ask("dsv3 flagship").query.models == ("deepseek-v3",)


def run_bot(*args, prefix=()):
    return subprocess.run([*prefix, sys.executable, "-m", "bot", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=60, env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)})


def test_check_command_passes_on_the_shipped_knowledge():
    result = run_bot("check")
    assert result.returncode == 0 and "ok: 10 models" in result.stdout


def test_check_command_fails_clearly_on_a_broken_folder(folder):
    edit(folder / "models" / "deepseek-r1.yaml", "family: reasoning", "family: magic")
    result = run_bot("check", "--knowledge", str(folder))
    assert result.returncode == 1
    assert "deepseek-r1: family: 'magic' is not one of" in result.stderr
    assert "Traceback" not in result.stderr


def test_ask_over_another_knowledge_folder(folder):
    edit(folder / "models" / "deepseek-v3.yaml", "总参数高达 6710 亿(671B)", "总参数高达 9990 亿(999B)")
    result = run_bot("--knowledge", str(folder), "ask", "V3 有多少参数?")
    assert result.returncode == 0 and "999B" in result.stdout


def test_a_broken_folder_stops_ask_with_one_clear_message(folder):
    (folder / "article.yaml").write_text(":\n  - [", encoding="utf-8")
    result = run_bot("--knowledge", str(folder), "ask", "r1")
    assert result.returncode == 2 and "knowledge error" in result.stderr and "Traceback" not in result.stderr


def test_a_cue_yaml_reads_as_a_boolean_is_caught(folder):
    where = yaml.safe_load((folder / "lexicon.yaml").read_text(encoding="utf-8"))["undisclosed"].index("no")
    edit(folder / "lexicon.yaml", 'not published, "no", without', "not published, no, without")
    assert f"lexicon.yaml: undisclosed[{where}]: False is not text; quote it" in problems(folder)


def test_refresh_reloads_only_after_an_edit_and_survives_a_broken_one(folder):
    engine = Engine.from_folder(folder)
    kb = engine.kb
    assert engine.refresh() is None and engine.kb is kb  # nothing changed: nothing reloaded
    edit(folder / "models" / "deepseek-v3.yaml", "aliases: [deepseek v3,", "aliases: [dsv3 flagship, deepseek v3,")
    assert engine.refresh() is None and engine.kb is not kb
    assert engine.ask("dsv3 flagship").query.models == ("deepseek-v3",)
    (folder / "models" / "deepseek-r1.yaml").write_text("id: [", encoding="utf-8")
    assert "deepseek-r1.yaml" in engine.refresh()
    assert engine.refresh() is None  # reported once
    assert "660" in to_text(engine.ask("R1 的参数规模").reply)  # the last good knowledge still answers


def test_console_reports_a_broken_edit_and_keeps_answering(folder, capsys):
    from bot.adapters.console import handle

    engine = Engine.from_folder(folder)
    (folder / "lexicon.yaml").write_text("tags: [\n", encoding="utf-8")
    assert "671" in handle(engine, "V3 有多少参数?")
    assert "lexicon.yaml" in capsys.readouterr().err


def test_every_tag_is_backed_by_the_articles_own_words(kb):
    article = "".join(ARTICLE.read_text("utf-8").split())
    for m in kb.models:
        assert m.tags, m.id
        for tag, quote in m.tag_quotes.items():
            assert "".join(quote["zh"].split()) in article, (m.id, tag)
    tagged = {tag: {m.id for m in kb.models if tag in m.tags}
              for tag in ("strong-at-math", "open-source", "general", "code")}
    assert tagged["strong-at-math"] == {"deepseek-math", "deepseek-v3", "deepseek-r1"}
    assert tagged["open-source"] == {"deepseek-coder", "deepseek-v2", "deepseek-coder-v2", "deepseek-r1"}
    assert tagged["general"] == {"deepseek-llm"}
    assert tagged["code"] == {"deepseek-coder", "deepseek-coder-v2"}


def test_every_passage_is_a_line_of_the_article_verbatim(kb):
    lines = set(ARTICLE.read_text("utf-8").splitlines())
    for m in kb.models:
        assert list(m.source) == list(SOURCE_KEYS), m.id
        assert all(line in lines for line in m.source.values()), m.id
        assert m.source["heading"].startswith("一二三四五六七八九十"[m.section - 1] + "、"), m.id


def test_a_subtitle_only_where_the_article_has_one(kb):
    for m in kb.models:
        has_subtitle = ":" in m.source["heading"]
        assert (m.headline is not None) == has_subtitle, m.id
        if m.headline:
            assert m.source["heading"].endswith(m.headline["zh"]), m.id


@pytest.mark.parametrize(("model", "old", "new", "expected"), [
    ("deepseek-r1", "models: []", "models: [deepseek-v9]", "relations: unknown model 'deepseek-v9'"),
    # the section on DeepSeekMath names DeepSeek-Coder-v1.5 7B, never section 1's DeepSeek Coder
    ("deepseek-math", "models: []", "models: [deepseek-coder]",
     "relations: 'deepseek-coder': the relation's quote never names DeepSeek Coder"),
    # DeepSeekMoE's section names DeepSeek-V2 only as an example of a size: no relation may say more (issue 16)
    ("deepseek-moe", "# no relations", "relations:\n  - kind: based_on\n    models: [deepseek-v2]\n"
     "    quote: DeepSeek-V2 基于 DeepSeekMoE\n    text: {zh: x, en: x}\n#",
     "relations[0].quote: is not in this model's passages (source), character for character"),
    ("deepseek-moe", "# no relations", "relations:\n  - kind: based_on\n    models: [deepseek-v3]\n"
     "    quote: 采用混合专家(MoE)架构\n    text: {zh: x, en: x}\n#",
     "relations: 'deepseek-v3': the relation's quote never names DeepSeek-V3"),
    ("deepseek-math", "names: [DeepSeek-Coder-v1.5 7B]", "names: [DeepSeek-Coder-v1.5 33B]",
     "relations[0].names: 'DeepSeek-Coder-v1.5 33B' is not named in the relation's quote"),
    # the quote is the article's characters: "得到参数" for the article's "得到的参数" is ours, not a quote
    ("deepseek-r1", "quote: 通过蒸馏得到的参数", "quote: 通过蒸馏得到参数",
     "relations[0].quote: is not in this model's passages (source), character for character"),
    ("deepseek-moe", "example: {model: deepseek-v2,", "example: {model: deepseek-v9,",
     "parameters.example: unknown model 'deepseek-v9'"),
])
def test_relations_name_only_what_the_section_names(folder, model, old, new, expected):
    edit(folder / "models" / f"{model}.yaml", old, new)
    message = problems(folder)
    assert f"{model}.yaml: {model}: {expected}" in message


def test_a_not_covered_name_must_point_to_the_relation_that_mentions_it(folder):
    edit(folder / "lexicon.yaml", "mentioned_by: deepseek-math", "mentioned_by: deepseek-coder")
    assert ("not_covered[2].mentioned_by: 'deepseek-coder' is not a model with a relation naming "
            "'DeepSeek-Coder-v1.5 7B'") in problems(folder)


def test_check_command_fails_on_an_alias_the_article_does_not_cover(folder):
    edit(folder / "models" / "janus-pro.yaml", "aliases: [janus-pro,", "aliases: [janus, janus-pro,")
    result = run_bot("check", "--knowledge", str(folder))
    assert result.returncode == 1
    assert "janus-pro: aliases: 'janus' names a model the article does not cover (lexicon not_covered: Janus)" \
        in result.stderr


def test_no_shipped_alias_names_a_model_the_article_does_not_cover(kb):
    outside = {tuple(tokens_of(kb.normaliser(n))) for e in kb.not_covered for n in (e.name, *e.aliases)}
    assert outside.isdisjoint(kb.alias_keys())
    assert {e.name for e in kb.not_covered} >= {"DeepSeek-VL", "Janus", "DeepSeek-Coder-v1.5 7B"}


def test_deepseekmoe_gives_an_example_size_and_is_never_ranked_by_it(engine):
    moe = engine.kb.by_id["deepseek-moe"]
    assert moe.total_b is None and moe.size_example == ("deepseek-v2", 236)
    assert "236" in to_text(engine.ask("DeepSeekMoE 的参数量").reply)
    assert "not disclosed" not in to_text(engine.ask("how many parameters does DeepSeekMoE have").reply)
    assert "deepseek-moe" not in engine.ask("models with more than 200B parameters").query.models
    assert to_text(engine.ask("which is bigger, DeepSeekMoE or V2?").reply).count("Larger") == 0


# Words that carry the article's strength, and English that keeps it (neither weaker nor stronger).
STRENGTH = {"重大变革": ("major transformation",), "暂未": ("so far", "yet"), "未明确统一时间": ("no single date",),
            "质变": ("qualitative leap",), "革新": ("transformed",),
            "出色": ("excel",), "卓越": ("excel",), "优秀": ("excellent",), "突出": ("outstanding",),
            "全新": ("brand-new",), "显著": ("marked", "remarkable"), "极大": ("greatly",), "大幅": ("greatly",),
            "基于 Transformer 架构优化": ("built on an optimised Transformer",)}


def test_english_keeps_the_strength_of_the_chinese(kb):
    for m in kb.models:
        texts = [m.headline, m.features, m.significance, m.released_text, m.parameters_text, m.paper_summary,
                 m.paper_text, *m.tag_quotes.values(), *(r.text for r in m.relations)]
        for text in filter(None, texts):
            for zh, english in STRENGTH.items():
                if zh in text["zh"]:
                    assert any(e in text["en"] for e in english), (m.id, zh, text["en"])


# Words that say less than "not disclosed": none found so far, no single date for an idea that runs through models.
NOT_WITHHELD = {"暂未查询到": "not disclosed", "未明确统一时间": "not disclosed"}


def test_english_says_no_more_than_the_chinese(kb):
    for m in kb.models:
        for text in filter(None, [m.released_text, m.parameters_text, m.paper_text]):
            for zh, stronger in NOT_WITHHELD.items():
                if zh in text["zh"]:
                    assert stronger not in text["en"], (m.id, text["en"])


@pytest.mark.parametrize(("question", "said"), [
    ("when was DeepSeekMoE released", "no single date"), ("DeepSeekMoE release date?", "no single date"),
    ("deepseekmath paper?", "not given (no public paper has been found so far)"),
    ("what's the title of the deepseekmath paper", "so far"),
])
def test_an_idea_with_no_single_date_and_a_paper_not_found_are_said_so(engine, question, said):
    text = to_text(engine.ask(question).reply)
    assert said in text and "not disclosed" not in text.split("\n")[2]


@pytest.mark.parametrize("question", [
    "the smallest model", "models with fewer than 10B parameters", "which is smaller, janus pro or deepseek llm?",
    "参数最小的模型", "list all models"])
def test_sizes_read_from_model_names_are_labelled_wherever_a_card_ranks_or_lists_them(engine, question):
    text = to_text(engine.ask(question).reply)
    assert "Janus-Pro" in text and ("from the model names" in text or "取自模型名称" in text)


# --- hostile files -------------------------------------------------------------------------------

BOMB = "".join(f"lol{i}: &l{i} [{', '.join([f'*l{i - 1}' if i else 'lol'] * 10)}]\n" for i in range(10))


def test_an_alias_bomb_is_refused_without_expanding_it(folder):
    # ten levels of ten aliases: 10**10 strings once expanded; walking them would never end
    (folder / "lexicon.yaml").write_text(BOMB + (folder / "lexicon.yaml").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    result = run_bot("check", "--knowledge", str(folder))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [f"knowledge error: {folder / 'lexicon.yaml'}: broken YAML (line 1, "
                                          "column 7): anchors and aliases (&, *) are not allowed; write the value out"]


def test_an_empty_article_is_named(folder):
    (folder / "article.yaml").write_text("# nothing yet\n", encoding="utf-8")
    assert problems(folder).endswith("article.yaml: expected a mapping")


@pytest.mark.parametrize(("old", "new", "expected"), [
    ('fp8: {zh: "FP8 混合精度训练",', "fp8: {zh: [[FP8]],", "deepseek-v3: tags.fp8.zh: a list is not text"),
    ("zh: 技术创新引领性能飞跃", "zh: 42", "deepseek-v3: headline.zh: 42 is not text; quote it"),
    ("aliases: [deepseek v3,", "aliases: {v3: yes}\nx: [deepseek v3,",
     "deepseek-v3: aliases: expected a list, got a mapping"),
    ('title: "DeepSeek-V3 Technical Report"', "title: [a, b]", "deepseek-v3: paper.title: a list is not text"),
    ("name: {zh: DeepSeek-V3, en: DeepSeek-V3}", "name: [DeepSeek-V3]",
     "deepseek-v3: name: expected a mapping, got a list"),
])
def test_a_wrong_type_in_a_model_is_a_named_error(folder, old, new, expected):
    edit(folder / "models" / "deepseek-v3.yaml", old, new)
    message = problems(folder)
    assert expected in message and "deepseek-v3.yaml" in message


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("split_prefixes: [deepseek, janus]", "split_prefixes: {deepseek: janus}",
     "lexicon.yaml: normalise.split_prefixes: expected a list, got a mapping"),
    ("tags:\n  code:", "tags: [code]\nold_tags:\n  code:", "lexicon.yaml: tags: expected a mapping, got a list"),
    ("    b: 1\n", "    b: one\n", "lexicon.yaml: numbers.units.b: 'one' is not a number"),
])
def test_a_wrong_type_in_the_lexicon_is_a_named_error(folder, old, new, expected):
    edit(folder / "lexicon.yaml", old, new)
    assert expected in problems(folder)


def test_fifos_sockets_and_folders_among_the_models_are_skipped(folder):
    models = folder / "models"
    os.mkfifo(models / "pipe.yaml")  # opening it to read would wait for a writer forever
    (models / "folder.yaml").mkdir()
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(models / "s.yaml"))
        result = run_bot("check", "--knowledge", str(folder))
    assert result.returncode == 0 and "ok: 10 models" in result.stdout, result.stderr


def test_a_fifo_in_place_of_the_lexicon_is_named(folder):
    (folder / "lexicon.yaml").unlink()
    os.mkfifo(folder / "lexicon.yaml")
    result = run_bot("check", "--knowledge", str(folder))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{folder / 'lexicon.yaml'}: not a regular file" in result.stderr


def unprivileged():
    """A command prefix under which file permissions apply. Root ignores them unless it gives up
    the capabilities that override them (setpriv, from util-linux)."""
    if os.geteuid() != 0:
        return ()
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: permissions cannot be made to apply")
    return ("setpriv", "--bounding-set=-dac_override,-dac_read_search")


def test_unreadable_files_and_folders_are_named():
    prefix = unprivileged()
    with tempfile.TemporaryDirectory() as tmp:  # outside pytest's own folder, which others cannot enter
        os.chmod(tmp, 0o755)
        folder = shutil.copytree(KNOWLEDGE, os.path.join(tmp, "knowledge"))
        os.chmod(os.path.join(folder, "models", "deepseek-v3.yaml"), 0)
        os.mkdir(os.path.join(folder, "drafts"), 0)  # not read at all: no problem
        result = run_bot("check", "--knowledge", folder, prefix=prefix)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert "deepseek-v3.yaml: cannot read: [Errno 13] Permission denied" in result.stderr
        os.chmod(os.path.join(folder, "models"), 0)
        result = run_bot("check", "--knowledge", folder, prefix=prefix)
        assert f"{os.path.join(folder, 'models')}: cannot read the folder: Permission denied" in result.stderr
        os.chmod(os.path.join(folder, "models"), 0o755)


@contextmanager
def bounded(seconds):
    """Fail instead of hanging: a blocking open of a FIFO is interrupted by the alarm."""
    def give_up(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_refresh_survives_any_error_logs_it_once_and_keeps_checking(folder, caplog):
    engine = Engine.from_folder(folder)
    models = folder / "models"
    with bounded(30), caplog.at_level(logging.ERROR):
        os.mkfifo(models / "pipe.yaml")
        (models / "loop.yaml").symlink_to(models / "loop.yaml")  # stat: too many levels of symbolic links
        assert engine.refresh() is None  # neither is a model file: nothing to report
        edit(folder / "lexicon.yaml", "  all_cues:", "  every_cue:")  # not caught by the checks: a KeyError later
        error = engine.refresh()
        assert "KeyError: 'all_cues'" in error
        assert engine.refresh() is None and engine.refresh() is None
        assert len([r for r in caplog.records if "all_cues" in r.getMessage()]) == 1  # logged once
        assert "671" in to_text(engine.ask("V3 有多少参数?").reply)  # the last good knowledge still answers
        edit(folder / "lexicon.yaml", "  every_cue:", "  all_cues:")
        edit(models / "deepseek-v3.yaml", "aliases: [deepseek v3,", "aliases: [dsv3 flagship, deepseek v3,")
        assert engine.refresh() is None  # still checking: the fix is picked up
    assert engine.ask("dsv3 flagship").query.models == ("deepseek-v3",)


# --- two texts: the card's and the article's (issue 16) -------------------------------------------

def test_the_knowledge_holds_the_article_character_for_character(kb):
    assert (KNOWLEDGE / "article.zh.txt").read_bytes() == ARTICLE.read_bytes()
    assert kb.article.text == ARTICLE.read_text("utf-8")


@pytest.mark.parametrize(("old", "new", "expected"), [
    # a passage with our figures added is ours, not the article's line
    ('parameters: "参数量:总参数高达 6710 亿,每 token', 'parameters: "参数量:总参数高达 6710 亿(671B),每 token',
     "deepseek-v3: source.parameters: is not a line of the article, character for character"),
    # a tag quote with the spacing changed is not the article's characters either
    ('fp8: {zh: "FP8 混合精度训练"', 'fp8: {zh: "FP8混合精度训练"',
     "deepseek-v3: tags.fp8: the quote is not in this model's passages (source), character for character"),
    ('strong-at-math: {zh: "能处理复杂数学问题"', 'strong-at-math: {zh: "能处理复杂的数学问题"',
     "deepseek-v3: tags.strong-at-math: the quote is not in this model's passages (source)"),
])
def test_check_fails_on_any_quote_that_is_not_the_articles_characters(folder, old, new, expected):
    edit(folder / "models" / "deepseek-v3.yaml", old, new)
    result = run_bot("check", "--knowledge", str(folder))
    assert result.returncode == 1 and expected in result.stderr


def test_check_fails_without_the_article_or_with_another_intro(folder):
    (folder / "article.zh.txt").unlink()
    assert "article.zh.txt: cannot read the article" in problems(folder)
    shutil.copy(ARTICLE, folder / "article.zh.txt")
    edit(folder / "article.yaml", "DeepSeek 凭借持续", "DeepSeek 依靠持续")
    assert "article.yaml: intro.zh: is not the article's words, character for character" in problems(folder)


@pytest.mark.parametrize(("question", "quoted", "card"), [
    ("V3 是 671B 吗", "原文:“总参数高达 6710 亿,每 token 激活 370 亿参数”", "6710 亿(671B)"),
    ("V2 有 2360 亿参数对吗", "原文:“总参数达到 2360 亿”", "2360 亿(236B)"),
    ("is janus pro 7B?", "(original: “推出了 Janus-Pro-1B 和 Janus-Pro-7B 两个模型”)", "Janus-Pro-7B"),
    ("R1 是 2025 年 1 月 20 日发布的吗", "原文:“2025 年 1 月 20 日”", "2025 年 1 月 20 日"),
])
def test_a_check_quotes_the_articles_line_and_the_card_may_add_figures(engine, question, quoted, card):
    text = to_text(engine.ask(question).reply)
    assert quoted in text and card in text
    article = ARTICLE.read_text("utf-8")
    for zh in re.findall(r"(?:原文:|original: )“([^”]*)”", text):
        assert zh in article, zh


@pytest.mark.parametrize("question", ["DeepSeekMath 的底座是什么", "is deepseekmath based on coder v1.5?",
                                      "R1 有蒸馏的小模型吗", "r1 distilled into smaller models?"])
def test_a_relation_is_quoted_and_sourced_by_the_sentence_that_states_it(engine, question):
    answer = engine.ask(question)
    passages = [p.text for p in answer.source.passages]
    relation = next(r for m in engine.kb.models for r in m.relations if r.quote and any(r.quote in p for p in passages))
    assert relation.quote in ARTICLE.read_text("utf-8")
    assert all(line in ARTICLE.read_text("utf-8").splitlines() for p in passages for line in p.splitlines())


def test_deepseekmoe_states_no_relation_and_v2_is_not_said_to_be_built_on_it(engine, kb):
    assert kb.by_id["deepseek-moe"].relations == ()
    for question in ("V2 是基于 DeepSeekMoE 的吗", "is deepseek v2 built on top of deepseekmoe?",
                     "was DeepSeek-V2 based on DeepSeekMoE?"):
        text = to_text(engine.ask(question).reply)
        assert text.split("\n")[2].startswith(("The article does not", "文章没有")), text


@pytest.mark.parametrize(("question", "line"), [
    ("what is deepseek?", "DeepSeekMoE — Released: not given in the article"),
    ("which models use MoE?", "DeepSeekMoE — Released: not given in the article"),
    ("DeepSeek 的模型有哪些", "DeepSeekMoE — 提出时间:文章未给出"),
])
def test_a_list_says_the_article_gives_no_date_not_that_one_is_withheld(engine, question, line):
    assert line in to_text(engine.ask(question).reply)
