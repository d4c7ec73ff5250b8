"""The console chat: the same engine and the same commands as Discord."""

import io
import logging
import subprocess
import sys

from bot.adapters.console import Session, chat, handle
from bot.render import timeline
from tests.conftest import ROOT


def test_questions_keep_follow_up_memory(engine):
    assert "236" in handle(engine, "V2 有多少参数")
    assert "671" in handle(engine, "那 V3 呢?")


def test_commands(engine):
    assert handle(engine, "/model jan").startswith("Janus-Pro")
    assert "DeepSeek-R1" in handle(engine, "/model 深度求索 r1")
    compared = handle(engine, "/compare v2 v3")
    assert "May 7, 2024" in compared and "December 26, 2024" in compared
    assert "DeepSeek-VL2" in handle(engine, "/models mixture of experts (moe)")
    assert handle(engine, "/models").startswith("All 10 models")
    assert "/compare" in handle(engine, "/help")


def test_bad_commands_explain_themselves(engine):
    declined = handle(engine, "/model gpt-4")
    assert "does not cover gpt-4" in declined and all(m.name["en"] in declined for m in engine.kb.models)
    assert "DeepSeekMath" in handle(engine, "/model coder v1.5")  # the article's one mention of it
    assert handle(engine, "/compare v2").startswith("Usage: /compare")
    assert handle(engine, "/models robots").startswith("Filters:")
    assert handle(engine, "/dance").startswith("Unknown command")
    assert handle(engine, "   ") == ""


def test_chat_loop_ends_cleanly_at_end_of_input(engine):
    out = io.StringIO()
    assert chat(engine, stdin=io.BytesIO(b"r1\n/help\n"), stdout=out) == 0
    assert "DeepSeek-R1" in out.getvalue() and "/compare" in out.getvalue()


def test_bad_input_never_crashes(engine):
    for text in ("", "\x00\x01\x02", "?" * 10_000, "🙂" * 3000, "@everyone", "```" * 500, "\u202e" * 50):
        handle(engine, text)


def test_python_m_bot_without_token_starts_the_console():
    result = subprocess.run([sys.executable, "-m", "bot"], input="when was R1 released?\n", capture_output=True,
                            text=True, cwd=ROOT, timeout=60, env={"PATH": "/usr/bin:/bin", "DISCORD_TOKEN": ""})
    assert result.returncode == 0
    assert "No DISCORD_TOKEN set" in result.stdout and "January 20, 2025" in result.stdout


def test_help_lists_every_command_the_console_takes(engine):
    helped = handle(engine, "/help")
    for command in ("/ask", "/model", "/models", "/compare", "/timeline", "/help", "/source"):
        assert command in helped
        assert not handle(engine, command).startswith("Unknown command")


def test_source_prints_the_articles_passage_behind_the_last_answer(engine):
    session = Session()
    assert handle(engine, "/source", session=session).startswith("Ask something first")
    handle(engine, "V3 有多少参数?", session=session)
    passage = handle(engine, "/source", session=session)
    assert "参数量:总参数高达 6710 亿,每 token 激活 370 亿参数" in passage
    assert "第 8 节" in passage and "2025-02-08" in passage and "提出时间" not in passage
    handle(engine, "what's the weather like?", session=session)
    assert "quotes nothing" in handle(engine, "/source", session=session)


def test_a_missing_chinese_font_is_said_once_in_the_chat_and_never_logged_into_it(
        engine, monkeypatch, caplog, tmp_path):
    monkeypatch.setattr(timeline, "find_cjk_font", lambda: None)
    out = io.StringIO()
    with caplog.at_level(logging.WARNING):
        chat(engine, stdin=io.BytesIO("时间线\n发展脉络\n".encode()), stdout=out, state_dir=tmp_path)
    assert out.getvalue().count("fonts-noto-cjk") == 1
    assert not [r for r in caplog.records if r.name.startswith("bot")]


def test_every_command_keeps_the_conversation_as_a_question_does(engine, tmp_path):
    """/model, /compare, /models and /timeline set the follow-up memory, as the channel's questions do."""
    session = Session(state_dir=tmp_path)

    def ask(line: str) -> tuple[str, tuple[str, ...], str]:
        shown = handle(engine, line, session=session)
        return session.last.query.intent, session.last.query.models, shown

    handle(engine, "/compare r1 v3", session=session)  # an earlier comparison must not leak into what follows
    ask("/model v2")
    intent, models, shown = ask("and when was it released?")
    assert (intent, models) == ("field", ("deepseek-v2",)) and "May 7, 2024" in shown
    ask("/model deepsek r1")
    intent, models, shown = ask("那 V2 呢")
    assert (intent, models) == ("model", ("deepseek-v2",)) and "2024 年 5 月 7 日" in shown
    ask("/compare v2 v3")
    intent, models, shown = ask("which one is bigger?")
    assert (intent, set(models), session.last.query.selector) == ("compare", {"deepseek-v2", "deepseek-v3"},
                                                                   "largest:among")
    assert shown.startswith("The larger of the two") and "Larger: DeepSeek-V3" in shown
    intent, models, shown = ask("by how much?")
    assert intent == "compare" and set(models) == {"deepseek-v2", "deepseek-v3"} and "435B more" in shown
    ask("/models moe")
    intent, models, shown = ask("which of them was released first?")
    assert (intent, models) == ("list", ("deepseek-v2",)) and "DeepSeek-V2 (2024-05-07)" in shown
    ask("/models 2025")
    intent, models, _ = ask("how many parameters do they have?")
    assert (intent, set(models)) == ("field", {"deepseek-r1", "janus-pro"})


def test_a_fresh_chat_asks_which_model_a_follow_up_means(engine):
    handle(engine, "/help")
    assert "Which model do you mean?" in handle(engine, "and when was it released?")


def test_chat_in_chinese_greets_and_explains_itself_in_chinese(engine):
    out = io.StringIO()
    chat(engine, lang="zh", stdin=io.BytesIO(b"/model\n/dance\n/source\n"), stdout=out)
    shown = out.getvalue()
    assert shown.startswith("用中文或英文询问 DeepSeek 模型") and "Ask about" not in shown
    assert "用法:/model 名称" in shown and "未知命令 /dance" in shown and "请先提问" in shown


def test_python_m_bot_chat_lang_zh_greets_in_chinese():
    result = subprocess.run([sys.executable, "-m", "bot", "chat", "--lang", "zh"], input="r1 是什么时候发布的\n",
                            capture_output=True, text=True, cwd=ROOT, timeout=60,
                            env={"PATH": "/usr/bin:/bin", "DISCORD_TOKEN": ""})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("用中文或英文询问") and "2025 年 1 月 20 日" in result.stdout
