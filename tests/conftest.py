import tempfile
import uuid
from pathlib import Path

import pytest
import pytest_asyncio

from bot.core.engine import Engine
from bot.core.knowledge import load_knowledge

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"
SHARED = ROOT.parent / "shared"  # beside the clone, as in CI: the article, the evaluation kit, Discord's API spec
ARTICLE = SHARED / "article" / "deepseek-lineage.zh.txt"
NEEDED = ("article/deepseek-lineage.zh.txt", "eval/score.py", "eval/questions.dev.yaml",
          "discord-spec/spec_check.py", "discord-spec/discord-openapi.json.gz")


def pytest_configure(config):
    """Without the shared folder, one line that says so, not dozens of failures with the cause in a log."""
    missing = [name for name in NEEDED if not (SHARED / name).is_file()]
    if missing:
        raise pytest.UsageError(f"the tests need the shared folder beside the clone: {SHARED} lacks "
                                f"{', '.join(missing)} (README, first screen)")


@pytest.fixture(scope="session")
def kb():
    return load_knowledge(KNOWLEDGE)


@pytest.fixture
def engine(kb):
    return Engine(kb)


@pytest.fixture(scope="session")
def postgres():
    """A throwaway PostgreSQL server for the whole run (pgserver ships the binaries)."""
    import pgserver

    # pgserver runs the server as its own user when we are root: keep its folder out of pytest's
    # private temporary folder, which that user cannot enter.
    folder = Path(tempfile.gettempdir()) / f"bot-tests-pg-{uuid.uuid4().hex[:8]}"
    server = pgserver.get_server(folder, cleanup_mode="delete")
    yield server
    server.cleanup()


@pytest.fixture
def postgres_url(postgres) -> str:
    """A fresh, empty database on the test server."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    postgres.psql(f"CREATE DATABASE {name};")
    return postgres.get_uri(name)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def standin():
    """The Discord stand-in, one per test module; every request the bot sent must be one Discord accepts."""
    from tests.discord_standin import DiscordStandIn

    server = DiscordStandIn()
    await server.start()
    yield server
    await server.stop()
    assert server.spec_problems == []
