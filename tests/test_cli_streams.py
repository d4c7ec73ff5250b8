"""Hostile bytes into `python -m bot ask --jsonl` and the console chat, through real subprocesses:
each bad line gets its own answer and the next one is answered, output is valid UTF-8 JSON
whatever the locale, and a reader that stops early ends the run quietly."""

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

GOOD = b'{"id": "ok", "text": "when was R1 released?"}'
BAD = {
    "nested": (b"[" * 100_000, "nested too deeply"),
    "lone surrogate": (b'{"id": "\\udfff", "text": "r1"}', "lone surrogate"),
    "not UTF-8": (b'{"id": "\xff\xfe", "text": "r1"}', "not UTF-8"),
    "NaN": (b'{"id": NaN, "text": "r1"}', "NaN"),
    "1e400": (b'{"id": 1e400, "text": "r1"}', "Infinity"),
}
# Python reads stdin strictly under most UTF-8 locales (here forced, as only C.UTF-8 is installed),
# and with surrogateescape under C.UTF-8.
LOCALES = {"strict": {"LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8:strict"}, "lenient": {"LC_ALL": "C.UTF-8"}}


def bot(*args, stdin: bytes, locale: dict) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "DISCORD_TOKEN": "", **locale}
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, cwd=ROOT,
                          timeout=60, env=env)


def strict_json(line: str):
    def refuse(constant):
        raise ValueError(f"{constant} is not JSON")

    return json.loads(line, parse_constant=refuse)


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("case", BAD)
def test_each_bad_line_gets_its_own_error_and_the_next_is_answered(case, locale):
    line, reason = BAD[case]
    result = bot("ask", "--jsonl", stdin=GOOD + b"\n" + line + b"\n" + GOOD + b"\n", locale=LOCALES[locale])
    assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr
    first, error, last = (strict_json(text) for text in result.stdout.decode("utf-8").splitlines())
    assert first["id"] == last["id"] == "ok" and "January 20, 2025" in last["text"]
    assert error["id"] == "2" and reason in error["error"] and set(error) == {"id", "error"}


@pytest.mark.parametrize("locale", LOCALES)
def test_the_console_answers_after_bytes_that_are_not_utf8(locale):
    result = bot("chat", stdin=b"\xff\xfe r1 \xc3\n" + b"when was R1 released?\n", locale=LOCALES[locale])
    assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr
    assert "January 20, 2025" in result.stdout.decode("utf-8")


@pytest.mark.parametrize("command", [("ask", "--jsonl"), ("chat",)])
def test_a_reader_that_stops_early_ends_quietly(command):
    lines = GOOD + b"\n" if command[0] == "ask" else b"when was R1 released?\n"
    process = subprocess.Popen([sys.executable, "-m", "bot", *command], cwd=ROOT, stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env={"PATH": "/usr/bin:/bin", "DISCORD_TOKEN": ""})
    process.stdin.write(lines * 300)  # far more answers than a pipe holds
    process.stdin.close()
    assert process.stdout.readline()  # like `| head -1`: one line, then the reader is gone
    process.stdout.close()
    assert process.wait(timeout=60) in (0, 141)
    stderr = process.stderr.read()
    process.stderr.close()
    assert stderr == b""
