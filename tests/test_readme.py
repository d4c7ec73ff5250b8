"""The README works for a newcomer: its first screen gives exactly the two commands, the
commands it shows run as written after set-up, and the systemd unit it ships is valid."""

import re
import shutil
import subprocess
import tomllib

import pytest

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
UNIT = ROOT / "deploy" / "deepseek-qa-bot.service"


def test_the_first_screen_gives_exactly_the_two_commands_and_the_python_version():
    first_screen = README.split("\n## ", 1)[0]
    commands = [line.strip() for line in first_screen.splitlines() if line.startswith("    ")]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert commands == ["python3 -m venv .venv && .venv/bin/pip install -q -e . && .venv/bin/python -m bot", ci]
    assert "Python 3.11 or newer" in first_screen
    assert tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"] == ">=3.11"


@pytest.mark.parametrize("command", [
    'python -m bot ask "V3 有多少参数?"',  # the Commands table, after `. .venv/bin/activate`
    "python -m bot check",
    ".venv/bin/python ../shared/eval/score.py ../shared/eval/questions.dev.yaml",
])
def test_a_command_of_the_readme_runs_as_written(command):
    assert f"`{command}" in README
    if command.startswith("python "):  # the README says how `python` means the project's environment
        assert "run `. .venv/bin/activate`\nonce per shell, or write `.venv/bin/python` instead" in README
    if "../shared/eval" in command and not (ROOT.parent / "shared" / "eval").is_dir():
        pytest.skip("the evaluation kit is not beside this checkout")
    if not (ROOT / ".venv" / "bin" / "activate").is_file():
        pytest.skip("no .venv in the project root (the README's set-up step makes it)")
    result = subprocess.run(["bash", "-c", f". .venv/bin/activate && {command}"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120, env={"PATH": "/usr/bin:/bin", "DISCORD_TOKEN": ""})
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_systemd_unit_restarts_on_failure_only_and_is_valid(tmp_path):
    unit = UNIT.read_text(encoding="utf-8")
    settings = dict(re.findall(r"^(\w+)=(.*)$", unit, flags=re.MULTILINE))
    # 0: stopped on purpose; 1: Discord unreachable, worth a retry; 2: configuration, no restart loop
    assert (settings["Restart"], settings["RestartPreventExitStatus"]) == ("on-failure", "2")
    assert settings["StateDirectory"] == "deepseek-qa-bot" and "BOT_STATE_DIR=%S/deepseek-qa-bot" in unit
    assert "/opt/deepseek-qa-bot/.env" in unit and "/opt/deepseek-qa-bot/.env" in README
    if not shutil.which("systemd-analyze"):
        pytest.skip("systemd-analyze is not installed here")
    # verified where this checkout is, so ExecStart points at a Python that exists
    copy = tmp_path / UNIT.name
    copy.write_text(unit.replace("/opt/deepseek-qa-bot", str(ROOT)), encoding="utf-8")
    result = subprocess.run(["systemd-analyze", "verify", str(copy)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and UNIT.name not in result.stdout + result.stderr, result.stdout + result.stderr
