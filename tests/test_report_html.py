"""The HTML report as a person sees it: its structure read by a parser, and the page looked at in a real
headless browser (Chromium inside Qt WebEngine, tests/report_page.py): a screenshot, Chinese text drawn with
real glyphs, nothing wider than the window."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from bot.insights import build_report, to_html, to_json
from bot.insights.chart import satisfaction_png
from bot.insights.report import chart_tables
from tests.conftest import ROOT
from tests.test_insights import TODAY, records_of

VOID = {"meta", "br", "img", "hr", "link", "input"}
ASKED = ["what does deepseek v3 cost per token?", "deepseek v3 每个 token 多少钱", "V3 按 token 怎么收费",
         "when will R2 come out?", "R2 什么时候发布", "V2-Lite 多大", "R1-Distill-Qwen-32B 多少参数",
         "怎么在本地部署 R1",
         "ds3 什么时候发布", "ds3啥时候发布的", "给我讲个笑话",
         # one long unbroken word, as people paste links and logs: it must wrap, not widen the page
         "why " + "x" * 300]


@pytest.fixture
def page(engine, tmp_path):
    [wrong] = records_of(engine, ["deepseek v3 per token"], kind="rephrased", day=TODAY)
    again = replace(wrong, rephrasing="deepseek v3 多少钱一个 token",
                    rephrasing_parse=engine.ask("deepseek v3 多少钱一个 token").query.to_key())
    records = [*records_of(engine, ASKED, day=TODAY), again,
               *records_of(engine, ["V3 有多少参数", "r1"], kind="upvote", day=TODAY),
               *records_of(engine, ["v3 有多重"], kind="downvote", note="我想知道参数量", day=TODAY)]
    report = build_report(records, engine, today=TODAY)
    path = tmp_path / "report.html"
    path.write_text(to_html(report, satisfaction_png(chart_tables(report))), encoding="utf-8")
    return path, to_json(report)


class Tree(HTMLParser):
    """Every element with its attributes and text, and whether each one closed where it should."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.problems: list[str] = []
        self.elements: list[tuple[str, dict, list[str]]] = []  # (tag, attributes, the path to it)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs), [*self.open]))
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
        else:
            self.open.pop()


def rows_of(html: str, cls: str) -> list[list[str]]:
    """The cells of each row of the table of class `cls`, header first."""
    class Rows(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.inside, self.rows, self.cell = False, [], None

        def handle_starttag(self, tag, attrs):
            if tag == "table":
                self.inside = dict(attrs).get("class") == cls
            elif self.inside and tag == "tr":
                self.rows.append([])
            elif self.inside and tag in ("td", "th"):
                self.cell = ""

        def handle_endtag(self, tag):
            if self.inside and tag in ("td", "th"):
                self.rows[-1].append(self.cell)
                self.cell = None
            elif tag == "table":
                self.inside = False

        def handle_data(self, data):
            if self.cell is not None:
                self.cell += data

    parser = Rows()
    parser.feed(html)
    return parser.rows


def test_the_html_report_is_well_formed_and_shows_every_section(page):
    path, data = page
    html = path.read_text(encoding="utf-8")
    tree = Tree()
    tree.feed(html)
    tree.close()
    assert tree.problems == [] and tree.open == []
    tags = [tag for tag, _, _ in tree.elements]
    assert "script" not in tags and tags.count("h1") == 1
    assert [a.get("id") for t, a, _ in tree.elements if t == "h2"] == ["groups", "demand", "votes"]
    assert ("meta", {"charset": "utf-8"}) in [(t, a) for t, a, _ in tree.elements]
    groups = [e for e in tree.elements if e[0] == "li" and e[2][-1:] == ["ol"]]
    assert len(groups) == len(data["groups"]) == data["groups_total"]
    demand = rows_of(html, "demand")
    assert demand[0][:4] == ["name", "kind", "closest covered model", "questions"] and len(demand) == 1 + len(
        data["demand"]["names"])
    assert all(len(row) == len(demand[0]) for row in demand)
    assert ["R2", "model", "deepseek-r1", "2", "2"] in demand
    assert ["V2-Lite", "variant", "deepseek-v2", "1", "1"] in demand
    votes = rows_of(html, "votes")
    assert votes[0] == ["intent", "👍 up", "👎 down", "rephrased", "👍 share"]
    assert ["model", "1", "1", "1", "50%"] in votes
    assert "deepseek v3 多少钱一个 token" in html and "我想知道参数量" in html


@pytest.mark.skipif(importlib.util.find_spec("PySide6") is None, reason="needs the test extras (PySide6-WebEngine)")
def test_the_html_report_in_a_headless_browser(page, tmp_path):
    path, data = page
    shot = tmp_path / "report.png"
    done = subprocess.run([sys.executable, "-m", "tests.report_page", str(path), str(shot)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["loaded"] and seen["title"] == "Maintainer's report"
    assert seen["overflowing"] == [] and seen["scroll_width"] <= seen["width"]  # nothing wider than the window
    assert seen["groups"] == len(data["groups"]) and seen["tables"] == 3  # demand, votes per intent and per model
    assert seen["chinese_items"] >= 5 and seen["chinese_glyphs"]  # real glyphs, not one box for every character
    png = shot.read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 20_000
