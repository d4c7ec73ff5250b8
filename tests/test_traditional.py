"""Traditional Chinese replies: the fixed strings converted once by a child process and kept in the
state directory; a reply written in Traditional from them, Taiwan phrasing included, but the article's
passages; the console, `ask` and the contract follow a question written in Traditional characters."""

import io
import json
import subprocess
import sys

import opencc
import pytest

from bot.adapters.batch import run_jsonl
from bot.adapters.console import Session, handle
from bot.core.engine import Engine
from bot.core.normalise import CJK_RE
from bot.core.phrases import PHRASES
from bot.render import traditional
from bot.render.cards import to_text
from tests.conftest import KNOWLEDGE, ROOT

QUESTIONS = ["DeepSeek-V2 有多少參數?", "介紹一下 DeepSeek Coder", "哪些模型是開源的", "V3 和 R1 差幾天",
             "GPT-4 是什麼", "2024 年發布了哪些模型", "最大的模型是哪個", "R1 是開源的嗎", "DeepSeekMath 的底座是什麼"]


@pytest.fixture(scope="module")
def converted(kb, tmp_path_factory) -> traditional.Traditional:
    return traditional.load(tmp_path_factory.mktemp("state"), traditional.fixed_strings(kb))


def simplified_left(text: str) -> set[str]:
    """The characters of `text` Traditional writes otherwise."""
    to_traditional = opencc.OpenCC("s2tw").convert
    return {ch for ch in CJK_RE.findall(text) if to_traditional(ch) != ch}


def test_the_fixed_strings_are_the_phrases_the_knowledge_and_their_characters(kb):
    strings = set(traditional.fixed_strings(kb, ["提问太快了,请 {seconds} 秒后再问。"]))
    assert {"文章没有说 ", " 属于「", "」,我不会根据其他模型推测。"} <= strings  # a template, cut at its fields
    assert {kb.by_id["deepseek-v3"].features["zh"], kb.tag_name("moe", "zh"), kb.article.title["zh"]} <= strings
    assert {"提问太快了,请 ", " 秒后再问。", "参", "数"} <= strings
    assert all(CJK_RE.search(s) for s in strings) and not any("{" in s for s in strings)
    assert len(PHRASES["zh"]) < len(strings) < 5000  # the strings, not a dictionary


@pytest.mark.parametrize("question", QUESTIONS)
def test_a_reply_in_traditional_leaves_no_simplified_character(engine, converted, question):
    reply = converted.reply(engine.ask(question).reply)
    assert not simplified_left(to_text(reply)), to_text(reply)


def test_taiwan_phrasing_where_it_fits_and_the_domain_words_kept(engine, converted):
    coder = to_text(converted.reply(engine.ask("介紹一下 DeepSeek Coder").reply))
    assert "程式碼" in coder and "人工智慧" in coder  # Taiwan phrasing, from OpenCC's tables
    assert "開源程式碼大模型" in coder and "開原始碼" not in coder  # not cut 开/源代码
    assert "參數量" in coder and "引數" not in coder  # a model's parameters, not a function's arguments


def test_the_conversion_is_done_once_and_kept_in_the_state_directory(kb, tmp_path, monkeypatch):
    strings = traditional.fixed_strings(kb)
    first = traditional.load(tmp_path, strings)
    [kept] = tmp_path.glob("traditional-*.json")
    assert kept == traditional.cache_path(tmp_path, strings)
    monkeypatch.setattr(traditional, "CHILD", (sys.executable, "-c", "raise SystemExit('no child wanted')"))
    assert traditional.load(tmp_path, strings).table == first.table  # read from the file, no child
    edited = [*strings, "新的文字"]  # the knowledge edited: another version, converted anew (here: refused)
    with pytest.raises(ValueError, match="no child wanted"):
        traditional.load(tmp_path, edited)


def test_a_state_directory_that_cannot_be_written_costs_the_cache_not_the_reply(kb, tmp_path, caplog):
    (tmp_path / "state").write_text("a file where the folder should be")
    table = traditional.load(tmp_path / "state", traditional.fixed_strings(kb))
    assert table.convert("参数量") == "參數量" and "not cached" in caplog.text


def test_without_the_child_chinese_stays_simplified_with_one_warning(engine, tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(traditional, "CHILD", (sys.executable, "-c", "raise SystemExit('opencc is missing')"))
    session = Session(state_dir=tmp_path)
    assert "DeepSeek-V2 的参数量" in handle(engine, "DeepSeek-V2 有多少參數?", session=session)
    assert "DeepSeek-V3 的参数量" in handle(engine, "DeepSeek-V3 有多少參數?", session=session)
    assert caplog.text.count("opencc is missing") == 1


def test_the_console_answers_in_the_script_of_the_conversation(engine, tmp_path):
    session = Session(state_dir=tmp_path)
    assert "DeepSeek-V2 的參數量:總參數達到 2360 億" in handle(engine, "DeepSeek-V2 有多少參數?", session=session)
    assert "DeepSeek-V3 的參數量" in handle(engine, "那 V3 呢", session=session)  # shared characters: still Traditional
    passage = handle(engine, "/source", session=session)
    assert "参数量:总参数高达 6710 亿" in passage  # the article's own characters
    assert "DeepSeek-R1 的参数量" in handle(engine, "R1 的参数呢", session=session)  # written in Simplified
    assert "DeepSeek-V2 的参数量" in handle(engine, "那 V2 呢", session=Session(state_dir=tmp_path))


def test_the_contract_answers_in_traditional_and_keeps_lang_zh(engine, tmp_path):
    out = io.BytesIO()
    lines = [{"id": "t", "text": "DeepSeek-V3 有多少參數?"}, {"id": "s", "text": "DeepSeek-V3 有多少参数?"}]
    run_jsonl(engine, io.BytesIO("".join(json.dumps(q) + "\n" for q in lines).encode()), out,
              traditional.Converted(tmp_path))
    tw, cn = (json.loads(line) for line in out.getvalue().decode().splitlines())
    assert (tw["lang"], tw["field"]) == ("zh", "parameters") and tw["text"].startswith("DeepSeek-V3 · 參數量")
    assert tw["card"]["title"] == "DeepSeek-V3 · 參數量" and tw["source"] == cn["source"]
    assert tw["source"]["passages"][0]["text"] == "参数量:总参数高达 6710 亿,每 token 激活 370 亿参数"
    assert cn["text"].startswith("DeepSeek-V3 · 参数量")


def test_ask_on_the_command_line(tmp_path):
    done = subprocess.run([sys.executable, "-m", "bot", "ask", "DeepSeek-V2 有多少參數?"], cwd=ROOT, timeout=60,
                          capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "BOT_STATE_DIR": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("DeepSeek-V2 · 參數量") and list(tmp_path.glob("traditional-*.json"))


def test_an_edit_of_the_knowledge_gets_its_strings_converted(tmp_path):
    import shutil

    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    engine = Engine.from_folder(folder)
    converted = traditional.Converted(tmp_path / "state")
    assert converted(engine.kb) is converted(engine.kb)  # once per knowledge
    path = folder / "lexicon.yaml"
    # a tag's name is ours (the article's own lines must stay its characters): the card shows it
    edited = path.read_text(encoding="utf-8").replace("name: {zh: 混合专家 (MoE),", "name: {zh: 混合专家架构 (MoE),")
    path.write_text(edited, encoding="utf-8")
    engine.reload()
    assert "混合專家架構 (MoE)" in to_text(converted(engine.kb).reply(engine.ask("介紹一下 V3").reply))
    assert len(list((tmp_path / "state").glob("traditional-*.json"))) == 1  # the earlier version's file dropped
