"""`python -m bot report` as a maintainer runs it: real subprocesses on a copy of the real knowledge."""

import base64
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace

import pytest

from bot.core.engine import Engine
from bot.insights import read_jsonl, write_jsonl
from tests.conftest import KNOWLEDGE, ROOT
from tests.test_insights import TODAY, ds3_burst, records_of


def bot(*args, knowledge, state_dir=None):
    env = {**os.environ, "DATABASE_URL": ""} | ({"BOT_STATE_DIR": str(state_dir)} if state_dir else {})
    return subprocess.run([sys.executable, "-m", "bot", "--knowledge", str(knowledge), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, env=env)


@pytest.fixture
def setup(tmp_path):
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    engine = Engine.from_folder(folder)
    records = (records_of(engine, ds3_burst(), day=TODAY)
               + records_of(engine, ["R1 打分时间", "v3 打分时间?"], day=TODAY)
               + records_of(engine, ["V3 有多少参数", "r1"], kind="upvote", day=TODAY)
               + records_of(engine, ["r1"], kind="downvote", day=TODAY))
    log = tmp_path / "misses.jsonl"
    write_jsonl(records, log)
    return folder, log


GROUP_KEYS = {"count", "asked", "servers", "direct", "languages", "kinds", "examples", "frequent", "notes", "rephrased",
              "parse", "wordings", "changed", "suggestions"}
SUGGESTION_KEYS = {"id", "kind", "file", "keys", "value", "target", "fixed", "of", "summary", "evidence"}
DEMAND_KEYS = {"weeks", "names", "name", "key", "kind", "closest", "count", "by_week"}
REPHRASED_KEYS = {"question", "answer", "count"}


def test_json_report_keeps_its_documented_schema(setup):
    folder, log = setup
    engine = Engine.from_folder(folder)
    [rephrased] = records_of(engine, ["deepseek v3 per token"], kind="rephrased", day=TODAY)  # V3's card
    again = "deepseek v3 cost per token"
    extra = [*records_of(engine, ["when will R2 come out?", "R2 什么时候发布"], day=TODAY),
             replace(rephrased, rephrasing=again, rephrasing_parse=engine.ask(again).query.to_key())]
    write_jsonl([*read_jsonl(log), *extra], log)
    done = bot("report", "--from", str(log), "--since", "all", "--format", "json", knowledge=folder)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == {"schema", "period", "knowledge_version", "records", "kinds", "failures", "earlier", "dropped",
                         "groups_total", "groups", "demand", "satisfaction"}
    assert data["schema"] == 1 and data["period"]["since"] is None and data["records"] == 58 and data["dropped"] == 0
    assert data["kinds"] == {"decline": 52, "downvote": 3, "rephrased": 1, "upvote": 2} and data["earlier"] == 0
    assert re.fullmatch(r"[0-9a-f]{12}", data["knowledge_version"])
    for group in data["groups"]:
        assert set(group) == GROUP_KEYS
        assert set(group["parse"]) == {"intent", "models", "field", "selector", "reason"}
        assert all(isinstance(s, str) for s in group["servers"])  # snowflakes as text
        assert group["asked"] is None or set(group["asked"]) == {"class", "models", "name"}
        assert all(set(r) == REPHRASED_KEYS and set(r["answer"]) == set(group["parse"]) for r in group["rephrased"])
        for s in group["suggestions"]:
            assert set(s) == SUGGESTION_KEYS and re.fullmatch(r"[0-9a-f]{8}", s["id"])
            assert s["kind"] in ("alias", "cue", "beyond") and isinstance(s["evidence"], dict)
    r2 = next(g for g in data["groups"] if g["asked"] and g["asked"]["name"] == "r2")
    assert r2["asked"] == {"class": "unknown-model", "models": [], "name": "r2"} and r2["count"] == 2
    [name] = data["demand"]["names"]
    assert (name["key"], name["kind"], name["closest"], name["count"]) == ("r2", "model", "deepseek-r1", 2)
    assert list(name["by_week"].values()) == [2] and data["demand"]["weeks"] == list(name["by_week"])
    [again_group] = [g for g in data["groups"] if g["rephrased"]]
    assert again_group["rephrased"][0]["question"] == again
    assert again_group["rephrased"][0]["answer"]["reason"] == "topic:price"
    assert set(data["satisfaction"]) == {"by_intent", "by_model"}
    # two "打分" downvotes (answered as a release date) and one on "r1", against an upvote on each intent; V3's card
    # asked again
    assert sorted(data["satisfaction"]["by_intent"], key=lambda row: row["intent"]) == [
        {"intent": "field", "up": 1, "down": 2, "rephrased": 0},
        {"intent": "model", "up": 1, "down": 1, "rephrased": 1}]
    # docs/report.md, with the page it links on grouping, documents every key it prints
    section = (ROOT / "docs" / "report.md").read_text(encoding="utf-8") + (
        ROOT / "docs" / "report-groups.md").read_text(encoding="utf-8")
    assert "report-groups.md" in (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    for key in {*data, *GROUP_KEYS, *SUGGESTION_KEYS, *DEMAND_KEYS, *REPHRASED_KEYS, "rephrased"}:
        assert f"`{key}`" in section, key


def test_apply_makes_the_bot_answer_and_says_what_changed(setup):
    folder, log = setup
    asked = bot("ask", "--json", "ds3 什么时候发布", knowledge=folder)
    assert json.loads(asked.stdout)["intent"] == "none"
    report = json.loads(bot("report", "--from", str(log), "--since", "all", "--format", "json",
                            knowledge=folder).stdout)
    suggestion = report["groups"][0]["suggestions"][0]
    assert (suggestion["kind"], suggestion["value"]) == ("alias", "ds3")
    text = bot("report", "--from", str(log), "--since", "all", knowledge=folder).stdout
    assert f"--apply {suggestion['id']}" in text and "abbreviation" in text

    applied = bot("report", "--from", str(log), "--since", "all", "--apply", suggestion["id"], knowledge=folder)
    assert applied.returncode == 0, applied.stderr
    assert "models/deepseek-v3.yaml" in applied.stdout and "+aliases: [" in applied.stdout
    assert bot("check", knowledge=folder).returncode == 0
    answer = json.loads(bot("ask", "--json", "ds3 什么时候发布", knowledge=folder).stdout)
    assert (answer["intent"], answer["models"], answer["field"]) == ("field", ["deepseek-v3"], "released")
    assert "2024" in answer["text"]

    again = bot("report", "--from", str(log), "--since", "all", "--apply", suggestion["id"], knowledge=folder)
    assert again.returncode == 1 and "no suggestion" in again.stderr  # fixed: the report no longer offers it
    after = json.loads(bot("report", "--from", str(log), "--since", "all", "--format", "json",
                           knowledge=folder).stdout)["groups"][0]
    assert after["count"] == 50 and after["changed"] == after["wordings"] == 50 and after["suggestions"] == []


def test_bad_source_and_period_are_one_line(setup, tmp_path):
    folder, log = setup
    for args, message in [((), "no database in"), (("--from", str(tmp_path / "nope.jsonl")), "cannot read"),
                          (("--from", str(log), "--since", "soon"), "--since"),
                          (("--from", str(log), "-o", str(tmp_path / "no" / "dir.txt")), "cannot write")]:
        done = bot("report", *args, knowledge=folder, state_dir=tmp_path / "empty")
        assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1


def test_html_report_draws_the_votes_chart_out_of_process(setup, tmp_path):
    folder, log = setup
    out = tmp_path / "report.html"
    code = ("import sys\nfrom bot.cli import main\n"
            f"assert main(['--knowledge', {str(folder)!r}, 'report', '--from', {str(log)!r}, '--since', 'all', "
            f"'--format', 'html', '-o', {str(out)!r}]) == 0\n"
            "assert 'matplotlib' not in sys.modules, 'matplotlib imported'\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    page = out.read_text(encoding="utf-8")
    png = base64.b64decode(re.search(r"data:image/png;base64,([A-Za-z0-9+/=]+)", page).group(1))
    assert png.startswith(b"\x89PNG") and len(png) > 5000
    assert "ds3" in page and "<td>deepseek-r1</td>" in page and "<script" not in page


def test_the_console_records_its_misses_when_asked_and_the_report_reads_them(tmp_path):
    """The maintainer's loop without Discord: chat --record, report, apply, ask again."""
    folder, state = tmp_path / "knowledge", tmp_path / "state"
    shutil.copytree(KNOWLEDGE, folder)
    env = {**os.environ, "DATABASE_URL": "", "BOT_STATE_DIR": str(state), "DISCORD_TOKEN": ""}

    def chat(*args: str, lines: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "bot", "--knowledge", str(folder), "chat", *args], cwd=ROOT,
                              input=lines, capture_output=True, text=True, timeout=120, env=env)

    plain = chat(lines="ds3 什么时候发布\n")
    assert plain.returncode == 0 and not state.exists()  # off by default: no database, nothing kept
    recorded = chat("--record", lines="ds3 什么时候发布\nds3啥时候发布的\nr1\n/model gpt-9\n/help\n")
    assert recorded.returncode == 0, recorded.stderr
    assert f"Recording what this chat cannot answer (never who asked) in {state / 'bot.db'}" in recorded.stdout
    report = json.loads(bot("report", "--format", "json", knowledge=folder, state_dir=state).stdout)
    assert report["records"] == 3 and report["kinds"] == {"decline": 3}  # the answered "r1" and /help are not kept
    [ds3, gpt] = report["groups"]
    assert ds3["examples"] == ["ds3 什么时候发布", "ds3啥时候发布的"] and gpt["examples"] == ["gpt-9"]
    assert ds3["servers"] == [] and ds3["direct"] == 2  # the console counts as a direct message: no server id
    suggestion = ds3["suggestions"][0]
    assert bot("report", "--apply", suggestion["id"], knowledge=folder, state_dir=state).returncode == 0
    answered = chat("--record", lines="ds3 什么时候发布\n")
    assert "2024 年 12 月 26 日" in answered.stdout
    assert json.loads(bot("report", "--format", "json", knowledge=folder, state_dir=state).stdout)["records"] == 3
    later = bot("report", "--since", "2099-01-01", knowledge=folder, state_dir=state).stdout
    assert "No records from 2099-01-01 to " in later and ": 3 earlier records are outside the period" in later


def test_the_plain_console_loads_no_database():
    code = ("import io, sys\nfrom bot.cli import main\nsys.stdin = io.TextIOWrapper(io.BytesIO(b'gpt-9\\n'))\n"
            "main(['chat'])\nassert not {'peewee', 'sqlite3', 'bot.storage'} & set(sys.modules), 'database loaded'\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "DISCORD_TOKEN": ""})
    assert done.returncode == 0, done.stderr
