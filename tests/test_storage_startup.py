"""Start-up with a database it cannot use stops with one line naming the problem, no traceback;
the console never loads the database libraries. Each case runs the real `python -m bot`."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import Settings
from bot.storage import LATEST, open_store
from tests.conftest import ROOT


def start(state_dir: Path, database_url: str = "", **options) -> subprocess.CompletedProcess:
    """`python -m bot` with a token, so it starts the Discord bot; nothing listens for Discord."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "SHARD_"))}
    env.update(DISCORD_TOKEN="t", DISCORD_API_BASE="http://127.0.0.1:9/api/v10",
               DISCORD_GATEWAY_URL="ws://127.0.0.1:9", QUESTION_CHANNEL_IDS="", MESSAGE_CONTENT_INTENT="",
               BOT_STATE_DIR=str(state_dir), DATABASE_URL=database_url, LOG_LEVEL="INFO")
    return subprocess.run([sys.executable, "-m", "bot"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=60, **options)


def one_line_failure(result: subprocess.CompletedProcess, code: int = 2) -> str:
    """The one line a failed start-up prints; exit 2 for what the operator must fix, 1 for a retry."""
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_a_malformed_database_url(tmp_path):
    line = one_line_failure(start(tmp_path, "postgresql://user@db.example:port/x"))
    assert line.startswith("setting error: DATABASE_URL: malformed URL")
    line = one_line_failure(start(tmp_path, "mysql://user@db.example/x"))
    assert "DATABASE_URL" in line and "postgresql://" in line


def test_an_unreachable_postgresql(tmp_path):
    line = one_line_failure(start(tmp_path, "postgresql://bot:secret@127.0.0.1:9/bot"), code=1)
    assert "storage error: PostgreSQL postgresql://bot:***@127.0.0.1:9/bot: cannot connect" in line
    assert "secret" not in line


def test_a_read_only_state_folder(tmp_path):
    state = tmp_path / "state"
    state.mkdir()
    state.chmod(0o555)
    # root writes through file modes: the immutable attribute stops it (on filesystems that have it)
    locked = os.geteuid() == 0 and bool(shutil.which("chattr")) and \
        subprocess.run(["chattr", "+i", str(state)], capture_output=True).returncode == 0
    try:
        if os.access(state, os.W_OK) and not locked:
            pytest.skip("cannot make a folder read-only here")
        line = one_line_failure(start(state))
    finally:
        if locked:
            subprocess.run(["chattr", "-i", str(state)], check=True)
        state.chmod(0o755)
    assert line.endswith(f"storage error: {state / 'bot.db'}: cannot create or open it "
                         "(is the state folder read-only?)")


def test_a_full_disk(tmp_path):
    def no_room() -> None:  # every write past 0 bytes fails, as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (0, resource.RLIM_INFINITY))

    line = one_line_failure(start(tmp_path / "state", preexec_fn=no_room))
    assert "storage error:" in line and "cannot write" in line


async def test_a_database_from_a_newer_bot(tmp_path):
    store = await open_store(Settings(state_dir=tmp_path))
    await store._run(lambda db: db.execute_sql(f"UPDATE schema_version SET version = {LATEST + 1}"))
    await store.close()
    line = one_line_failure(start(tmp_path))
    assert f"was written by a newer version of the bot (schema {LATEST + 1}; this one knows up to {LATEST})" in line


def test_db_commands_for_operators(tmp_path):
    def db(*args: str) -> subprocess.CompletedProcess:
        env = {**os.environ, "BOT_STATE_DIR": str(tmp_path), "DATABASE_URL": ""}
        return subprocess.run([sys.executable, "-m", "bot", "db", *args], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=60)

    assert db("check").returncode == 1  # nothing yet
    upgraded = db("upgrade")
    assert upgraded.returncode == 0 and upgraded.stdout.strip().endswith(f"schema 0 -> {LATEST}")
    checked = db("check")
    assert checked.returncode == 0 and f"schema {LATEST}" in checked.stdout


@pytest.mark.parametrize("command", [["ask", "r1"], ["chat"]])
def test_the_console_never_imports_the_database_libraries(command):
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "bot", *command], cwd=ROOT, input="",
                            capture_output=True, text=True, timeout=60, env={**os.environ, "DISCORD_TOKEN": ""})
    assert result.returncode == 0, result.stderr[-2000:]
    imported = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in result.stderr.splitlines()
                if line.startswith("import time:")}
    assert "bot" in imported  # the measure works
    assert not imported & {"peewee", "playhouse", "sqlite3", "asyncpg", "discord"}
