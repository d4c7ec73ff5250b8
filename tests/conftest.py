from pathlib import Path

import pytest

from bot.core.engine import Engine
from bot.core.knowledge import load_knowledge

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"
ARTICLE = ROOT.parent / "shared" / "article" / "deepseek-lineage.zh.txt"  # beside the clone, as in CI


@pytest.fixture(scope="session")
def kb():
    return load_knowledge(KNOWLEDGE)


@pytest.fixture
def engine(kb):
    return Engine(kb)
