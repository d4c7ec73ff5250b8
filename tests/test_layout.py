"""The layout the code promises: the question-answering core renders nothing and knows no adapter,
and no package imports itself in a circle."""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

BOT = ROOT / "bot"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p) for p in BOT.rglob("*.py")}


def imports_of(path: Path) -> set[str]:
    """Every module `path` imports, at any depth (TYPE_CHECKING blocks and functions included);
    `from package import module` counts as the module, `from module import name` as the module."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            modules = {f"{base}.{alias.name}" for alias in node.names} & MODULES
            found |= modules or {base}
    return found




def test_the_core_imports_no_rendering_adapter_database_or_discord():
    for path in (BOT / "core").rglob("*.py"):
        wrong = {m for m in imports_of(path)
                 if m.startswith(("bot.render", "bot.adapters", "bot.storage", "bot.insights", "discord", "peewee"))}
        assert not wrong, f"{path.relative_to(ROOT)} imports {sorted(wrong)}"


def test_no_package_of_the_bot_imports_itself_in_a_circle():
    graph = {module_name(path): imports_of(path) & MODULES for path in BOT.rglob("*.py")}
    for package in {name.rsplit(".", 1)[0] for name in MODULES if name.count(".") >= 2}:
        inside = {name for name in MODULES if name.startswith(f"{package}.")}

        def reaches(start: str, goal: str, inside: set[str] = inside) -> bool:
            seen, todo = set(), [start]
            while todo:
                for nxt in graph[todo.pop()] & inside:
                    if nxt == goal:
                        return True
                    if nxt not in seen:
                        seen.add(nxt)
                        todo.append(nxt)
            return False

        circles = sorted(name for name in inside if reaches(name, name))
        assert not circles, f"{package}: {circles} import each other in a circle"


def test_without_the_shared_folder_the_tests_say_so_in_one_line(tmp_path):
    clone = tmp_path / "alone" / "deepseek-qa-bot"  # no alone/shared beside it
    shutil.copytree(ROOT, clone, ignore=shutil.ignore_patterns(".git", ".venv", ".bot-state", "__pycache__", "build"))
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_layout.py"],
                          cwd=clone, capture_output=True, text=True, timeout=120)
    said = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    assert done.returncode == 4 and len(said) == 1, said
    assert said[0] == (f"ERROR: the tests need the shared folder beside the clone: {tmp_path / 'alone' / 'shared'} "
                       "lacks article/deepseek-lineage.zh.txt, eval/score.py, eval/questions.dev.yaml, "
                       "discord-spec/spec_check.py, discord-spec/discord-openapi.json.gz (README, first screen)")
