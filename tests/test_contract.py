"""The answer contract (shared/eval/CONTRACT.md): `python -m bot ask --jsonl`, through the real CLI."""

import io
import json
import subprocess
import sys

from bot.adapters.batch import run_jsonl
from tests.conftest import ARTICLE, ROOT

FIELDS = {"id", "lang", "intent", "models", "field", "selector", "text", "card", "source"}


def batch(engine, *items):
    lines = "".join((item if isinstance(item, str) else json.dumps(item, ensure_ascii=False)) + "\n"
                    for item in items)
    out = io.BytesIO()
    run_jsonl(engine, io.BytesIO(lines.encode()), out)
    return [json.loads(line) for line in out.getvalue().decode().splitlines()]


def test_each_line_gets_an_answer_with_exactly_the_contract_fields(engine):
    [a] = batch(engine, {"id": "q1", "text": "deepseek v3 有多少参数?", "conversation": "c7"})
    assert set(a) == FIELDS
    assert (a["id"], a["lang"], a["intent"], a["models"], a["field"]) == (
        "q1", "zh", "field", ["deepseek-v3"], "parameters")
    assert "671" in a["text"] and a["card"]["title"]


def test_conversation_links_lines_and_absence_isolates_them(engine):
    answers = batch(engine,
                    {"id": "1", "text": "Tell me about DeepSeek-V3", "conversation": "a"},
                    {"id": "2", "text": "when was it released?", "conversation": "a"},
                    {"id": "3", "text": "when was it released?"})
    assert answers[1]["models"] == ["deepseek-v3"] and "December 26, 2024" in answers[1]["text"]
    assert answers[2]["intent"] == "none" and answers[2]["models"] == []


def test_a_broken_line_gets_an_error_and_the_run_goes_on(engine):
    answers = batch(engine, "{not json", {"id": "ok", "text": "r1"}, '["a list"]')
    assert answers[0]["id"] == "1" and "error" in answers[0]
    assert answers[1]["id"] == "ok" and answers[1]["models"] == ["deepseek-r1"]
    assert answers[2]["id"] == "3" and "error" in answers[2]


def test_a_defect_inside_the_engine_for_one_line_is_that_lines_error_and_the_run_goes_on(engine, monkeypatch,
                                                                                         caplog):
    """The engine is not meant to raise for any text (the property tests hold it); if a defect ever does, the
    batch says so on that line and answers the next one."""
    ask = engine.ask

    def broken_for_one(text, **kwargs):
        if text == "raise here":
            raise RuntimeError("a defect")
        return ask(text, **kwargs)

    monkeypatch.setattr(engine, "ask", broken_for_one)
    first, second = batch(engine, {"id": "bad", "text": "raise here"}, {"id": "good", "text": "r1"})
    assert first == {"id": "bad", "error": "line 1: the question could not be answered (RuntimeError)"}
    assert second["models"] == ["deepseek-r1"] and "a defect" in caplog.text


def test_a_message_with_several_questions_carries_its_parts(engine):
    [a] = batch(engine, {"id": "p", "text": "when did v3 come out and how big is it?"})
    assert set(a) == FIELDS | {"parts"} and (a["intent"], a["field"]) == ("field", "released")
    assert [(p["intent"], p["field"], p["models"]) for p in a["parts"]] == [
        ("field", "released", ["deepseek-v3"]), ("field", "parameters", ["deepseek-v3"])]
    assert set(a["parts"][0]) == {"intent", "models", "field", "selector", "text"}


def test_field_is_null_unless_the_intent_is_field(engine):
    [a, b] = batch(engine, {"id": "1", "text": "compare V2 and V3"}, {"id": "2", "text": "r1"})
    assert a["field"] is None and b["field"] is None


def test_the_real_command_line():
    questions = "\n".join(json.dumps(q, ensure_ascii=False) for q in [
        {"id": "a", "text": "When was DeepSeek-V3 released?"},
        {"id": "b", "text": "Janus-Pro 的論文是什麼?"},
    ]) + "\n"
    result = subprocess.run([sys.executable, "-m", "bot", "ask", "--jsonl"], input=questions, capture_output=True,
                            text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    a, b = (json.loads(line) for line in result.stdout.splitlines())
    assert a["intent"] == "field" and "December 26, 2024" in a["text"]
    assert b["lang"] == "zh" and b["field"] == "paper" and "Data and Model Scaling" in b["text"]


def test_ask_json_prints_the_answer_object():
    result = subprocess.run([sys.executable, "-m", "bot", "ask", "--json", "V3", "和", "R1", "有什么区别"],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    answer = json.loads(result.stdout)
    assert answer["intent"] == "compare" and set(answer["models"]) == {"deepseek-v3", "deepseek-r1"}


def test_the_console_path_does_not_import_discord():
    code = ("import sys, io; from bot.cli import main; sys.argv=['bot']; "
            "main(['ask', 'r1']); print('discord' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.stdout.strip().endswith("False"), result.stdout + result.stderr


def test_source_holds_the_articles_passages_verbatim_and_is_null_for_a_decline(engine):
    article = ARTICLE.read_text("utf-8").splitlines()
    field, overview, listed, declined = batch(
        engine, {"id": "1", "text": "V3 有多少参数?"}, {"id": "2", "text": "what is R1?"},
        {"id": "3", "text": "which models are strong at maths"}, {"id": "4", "text": "what's the weather?"})
    assert field["source"] == {"article": "DeepSeek 模型发展脉络全解析", "date": "2025-02-08",
                               "dated_by": "date of the repost", "passages": [
        {"section": 8, "heading": "八、DeepSeek-V3:技术创新引领性能飞跃",
         "text": "参数量:总参数高达 6710 亿,每 token 激活 370 亿参数"}]}
    assert len(overview["source"]["passages"][0]["text"].splitlines()) == 5  # the whole section
    assert [p["section"] for p in listed["source"]["passages"]] == [5, 8, 9]  # one passage per model listed
    for answer in (field, overview, listed):
        for passage in answer["source"]["passages"]:
            assert all(line in article for line in (passage["heading"], *passage["text"].splitlines()))
    assert declined["source"] is None
