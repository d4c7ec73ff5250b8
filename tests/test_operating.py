"""Running it for real: the wrapper that runs maintenance commands as the service does, backups of
the database while the bot may write, and the one-line answers where there is nothing to do."""

import os
import sqlite3
import subprocess
import sys

import pytest

from bot.settings import Settings
from bot.storage import open_store
from bot.storage.voter_key import voter_key
from tests.conftest import ROOT

WRAPPER = ROOT / "deploy" / "as-service"


def bot(*args: str, state, stdin: str = "", **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=ROOT, input=stdin, capture_output=True,
                          text=True, timeout=120,
                          env={**os.environ, "DATABASE_URL": "", "BOT_STATE_DIR": str(state), "DISCORD_TOKEN": "",
                               **env})


def as_service(*args: str, state, stdin: str = "") -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "APP_DIR": str(ROOT), "STATE_DIR": str(state), "SERVICE_USER": ""}
    return subprocess.run([str(WRAPPER), *args], input=stdin, capture_output=True, text=True, timeout=120, env=env)


def test_the_wrapper_runs_commands_with_the_services_state_directory(tmp_path):
    state = tmp_path / "var-lib"
    assert as_service("db", "check", state=state).stderr.startswith(f"no database yet in {state}")
    assert as_service("chat", "--record", state=state, stdin="tell me about gpt-9\n").returncode == 0
    assert as_service("db", "check", state=state).stdout.startswith(f"ok: {state / 'bot.db'} (sqlite), schema ")
    assert "1 records (decline 1)" in as_service("report", state=state).stdout
    backed = as_service("db", "backup", str(tmp_path / "backup"), state=state)
    assert backed.returncode == 0 and (tmp_path / "backup" / "bot.db").is_file()
    assert as_service("log", "purge", "--guild", "5", state=state).stdout == "deleted 0 records of server 5\n"
    unit = (ROOT / "deploy" / "deepseek-qa-bot.service").read_text(encoding="utf-8")
    wrapper = WRAPPER.read_text(encoding="utf-8")
    for same in ("/opt/deepseek-qa-bot", "/var/lib/deepseek-qa-bot", "deepseek-qa-bot", "MPLCONFIGDIR"):
        assert same in unit and same in wrapper  # the service's folder, state, user and environment


def test_a_backup_is_consistent_while_the_bot_writes_and_keeps_the_voter_key(tmp_path):
    import asyncio

    state = tmp_path / "state"

    async def write_without_checkpoint():
        store = await open_store(Settings(state_dir=state))
        from bot.storage import GuildSettings

        await store.save_guild_settings(42, GuildSettings(language="zh-TW"))  # in bot.db-wal until a checkpoint
        return store

    store = asyncio.run(write_without_checkpoint())  # still open: the write-ahead log is not folded in
    try:
        assert (state / "bot.db-wal").stat().st_size > 0
        key = voter_key(state)
        done = bot("db", "backup", str(tmp_path / "copy"), state=state)
        assert done.returncode == 0, done.stderr
        copy = sqlite3.connect(tmp_path / "copy" / "bot.db")
        assert copy.execute("SELECT reply_language FROM guild_settings WHERE guild_id = 42").fetchone() == ("zh-TW",)
        assert (tmp_path / "copy" / "voter.key").read_bytes() == key
        assert (tmp_path / "copy" / "voter.key").stat().st_mode & 0o777 == 0o600
    finally:
        asyncio.run(store.close())


def test_postgresql_is_backed_up_with_pg_dump(tmp_path, postgres_url):
    assert bot("db", "upgrade", state=tmp_path, DATABASE_URL=postgres_url).returncode == 0
    done = bot("db", "backup", str(tmp_path / "copy"), state=tmp_path, DATABASE_URL=postgres_url)
    assert done.returncode == 2 and "back PostgreSQL up with pg_dump" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(("args", "said", "code"), [
    (("log", "purge", "--guild", "5"), "nothing to delete: no database in {state} (nothing was recorded)", 0),
    (("db", "backup", "x"), "no database yet in {state}: the Discord bot creates it on first start", 1),
    (("db", "check"), "no database yet in {state}: the Discord bot creates it on first start", 1),
])
def test_without_a_database_each_command_says_so_in_one_line(tmp_path, args, said, code):
    done = bot(*args, state=tmp_path / "empty")
    assert done.returncode == code and said.format(state=tmp_path / "empty") in done.stdout + done.stderr
    assert "--from" not in done.stdout + done.stderr and len((done.stdout + done.stderr).strip().splitlines()) == 1
