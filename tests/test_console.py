"""The console chat: the same engine and the same commands as Discord."""

import io
import subprocess
import sys

from bot.adapters.console import chat, handle
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
    assert handle(engine, "/model gpt-4").startswith("Unknown model")
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
