"""The README works for a newcomer: its first screen gives exactly the two commands, it is short,
its transcript is what the console says, its links lead somewhere, and the systemd unit the docs
describe is valid. (Every runnable block of every doc is run by tests/test_docs.py.)"""

import io
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from bot.adapters.console import Session, chat, handle
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
UNIT = ROOT / "deploy" / "deepseek-qa-bot.service"
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def test_the_first_screen_gives_exactly_the_two_commands_and_the_python_version():
    first_screen = README.split("\n## ", 1)[0]
    commands = [line.strip() for line in first_screen.splitlines() if line.startswith("    ")]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert commands == ["python3 -m venv .venv && .venv/bin/pip install -q -e . && .venv/bin/python -m bot", ci]
    assert "Python 3.11 or newer" in first_screen and "`../shared/`" in first_screen
    assert tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"] == ">=3.11"


def test_the_readme_is_short_and_leaves_the_rest_to_docs():
    assert len(README.splitlines()) <= 200
    for heading in ("## What it does", "## Discord in brief", "## Commands", "## More"):
        assert heading in README


def test_the_transcript_is_what_the_console_answers(engine, tmp_path):
    block = README.split("```text\n", 1)[1].split("\n```", 1)[0]
    shell, *turns = re.split(r"^you> ", block, flags=re.MULTILINE)
    assert shell.splitlines()[0] == "$ .venv/bin/python -m bot"
    session = Session(state_dir=tmp_path)
    for turn in turns:
        question, _, shown = turn.partition("\n")
        assert handle(engine, question, session=session) == shown.strip("\n"), question
    greeted = io.StringIO()
    chat(engine, hint=shell.splitlines()[1], stdin=io.BytesIO(b""), stdout=greeted)
    assert greeted.getvalue().splitlines()[:2] == shell.splitlines()[1:3]


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.name)
def test_every_link_of_the_docs_leads_to_a_file_and_a_heading_that_exist(doc):
    text = doc.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if target.startswith(("http://", "https://")):
            continue
        path, _, anchor = target.partition("#")
        linked = (doc.parent / path).resolve() if path else doc
        assert linked.exists(), f"{doc.name}: {target}"
        if anchor and linked.suffix == ".md":
            headings = {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-")
                        for h in re.findall(r"^#+ (.+)$", linked.read_text(encoding="utf-8"), flags=re.MULTILINE)}
            assert anchor in headings, f"{doc.name}: {target}"


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.name)
def test_no_doc_says_bare_python(doc):
    """`.venv/bin/python` (or an activation line) everywhere: a bare `python` is not the project's."""
    bare = re.findall(r"(?<![\w/.-])python (?:-m|\.\./|-c)", doc.read_text(encoding="utf-8"))
    assert not bare, f"{doc.name}: {bare}"


def test_the_systemd_unit_restarts_on_failure_only_and_is_valid(tmp_path):
    unit = UNIT.read_text(encoding="utf-8")
    settings = dict(re.findall(r"^(\w+)=(.*)$", unit, flags=re.MULTILINE))
    # 0: stopped on purpose; 1: Discord unreachable, worth a retry; 2: configuration, no restart loop
    assert (settings["Restart"], settings["RestartPreventExitStatus"]) == ("on-failure", "2")
    assert settings["StateDirectory"] == "deepseek-qa-bot" and "BOT_STATE_DIR=%S/deepseek-qa-bot" in unit
    operating = (ROOT / "docs" / "operating.md").read_text(encoding="utf-8")
    assert "/opt/deepseek-qa-bot/.env" in unit and "/opt/deepseek-qa-bot/.env" in operating
    if not shutil.which("systemd-analyze"):
        pytest.skip("systemd-analyze is not installed here")
    # verified where this checkout is, so ExecStart points at a Python that exists
    copy = tmp_path / UNIT.name
    copy.write_text(unit.replace("/opt/deepseek-qa-bot", str(ROOT)), encoding="utf-8")
    result = subprocess.run(["systemd-analyze", "verify", str(copy)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and UNIT.name not in result.stdout + result.stderr, result.stdout + result.stderr


def test_examples_are_what_the_docs_say(engine):
    questions = (ROOT / "examples" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(questions) >= 8 and any('"conversation"' in q for q in questions)
    assert Path(ROOT / "examples" / "misses.jsonl").is_file()
