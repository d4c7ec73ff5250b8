"""Every command in every doc works as written after the README's set-up: each fenced block marked
`<!-- runnable -->` is run, in order within its document, by bash from a copy of the project (its
`.venv` and `../shared` linked, a fresh state directory), so nothing here is changed by the docs'
own commands (`report --apply` edits the copy's knowledge)."""

import shutil
import subprocess

import pytest

from tests.conftest import ROOT, SHARED

MARKER = "<!-- runnable -->"
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
NOT_COPIED = shutil.ignore_patterns(".git", ".venv", ".bot-state", ".env", "build", "__pycache__", ".hypothesis",
                                    ".pytest_cache", ".ruff_cache", "*.egg-info")


def runnable_blocks(doc) -> list[str]:
    lines = doc.read_text(encoding="utf-8").splitlines()
    blocks = []
    for number, line in enumerate(lines):
        if line.strip() == MARKER:
            assert lines[number + 1] == "```sh", f"{doc.name}:{number + 1}: the marker goes right before a ```sh block"
            end = lines.index("```", number + 2)
            blocks.append("\n".join(lines[number + 2:end]))
    return blocks


def test_every_doc_that_shows_commands_marks_some_runnable():
    marked = {doc.name for doc in DOCS if runnable_blocks(doc)}
    assert marked == {"README.md", "contract.md", "data.md", "knowledge.md", "operating.md", "questions.md",
                      "report.md"}


@pytest.mark.parametrize("doc", [d for d in DOCS if runnable_blocks(d)], ids=lambda d: d.name)
def test_every_runnable_block_works_as_written(doc, tmp_path):
    project = tmp_path / "clone" / "deepseek-qa-bot"
    shutil.copytree(ROOT, project, ignore=NOT_COPIED)
    (project / ".venv").symlink_to(ROOT / ".venv")
    (tmp_path / "clone" / "shared").symlink_to(SHARED)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path / "home"), "LANG": "C.UTF-8",
           "TMPDIR": str(tmp_path)}  # no DISCORD_TOKEN, no BOT_STATE_DIR: the project's defaults, as after set-up
    for block in runnable_blocks(doc):
        done = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", block], cwd=project, env=env,
                              capture_output=True, text=True, timeout=300)
        said = f"--- out:\n{done.stdout[-3000:]}\n--- err:\n{done.stderr[-3000:]}"
        assert done.returncode == 0 and "Traceback" not in done.stderr, f"{doc.name}:\n{block}\n{said}"
