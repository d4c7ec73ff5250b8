"""The maintainer's report: failed questions grouped, a suggested knowledge edit for each group
with its evidence, and the votes per intent and per model; as text, JSON (stable, schema in the
docs/report.md) or HTML (with the votes chart)."""

from __future__ import annotations

import base64
import datetime as dt
import html
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.core.engine import Engine
from bot.insights.clusters import Group, cluster
from bot.insights.records import FAILURES, KINDS, MissRecord, knowledge_version, since
from bot.insights.satisfaction import Votes, satisfaction
from bot.insights.suggest import Suggester, Suggestion
from bot.render.timeline_files import CJK_FONT_NAMES

SCHEMA = 1
MAX_GROUPS = 50  # the largest groups get suggestions; trying an edit costs a knowledge load


@dataclass
class Report:
    first_day: dt.date | None
    last_day: dt.date
    knowledge: str
    records: int
    failures: int
    groups: list[tuple[Group, list[Suggestion]]]
    changed: list[int]  # per group: distinct wordings the current knowledge reads differently than recorded
    groups_total: int
    votes: dict[str, list[Votes]]
    dropped: int = 0  # records past the miss log's daily bound: counted, their text not kept
    kinds: dict[str, int] = field(default_factory=dict)  # records per kind: decline, downvote, near-miss, upvote
    earlier: int = 0  # records before the period, left out

    def suggestion(self, suggestion_id: str) -> Suggestion | None:
        return next((s for _, found in self.groups for s in found if s.id == suggestion_id), None)


def build_report(records: Iterable[MissRecord], engine: Engine, first_day: dt.date | None = None,
                 today: dt.date | None = None, dropped: int = 0, earlier: int | None = None) -> Report:
    """The report of the records from `first_day` on; `earlier`: how many records before it were left out
    (counted from `records` when not given: the caller that read only the period says how many)."""
    records = list(records)
    chosen = list(since(records, first_day))
    suggester = Suggester(engine)
    found = cluster(chosen, suggester.wording)
    groups = found[:MAX_GROUPS]
    kinds = {kind: n for kind in KINDS if (n := sum(r.kind == kind for r in chosen))}
    return Report(first_day, today or dt.date.today(), knowledge_version(engine.kb.folder), len(chosen),
                  sum(r.kind in FAILURES for r in chosen), [(g, suggester.suggest(g)) for g in groups],
                  [_changed(g, engine) for g in groups], len(found), satisfaction(chosen), dropped, kinds,
                  len(records) - len(chosen) if earlier is None else earlier)


def _changed(group: Group, engine: Engine) -> int:
    """Wordings an edit made since the records were taken already reads differently (fixed, or at least changed)."""
    recorded = {r.question: (r.intent, r.models, r.field) for r in group.records}
    now = {q: engine.understanding.understand(q) for q in recorded}
    return sum((q.intent, q.models, q.field) != recorded[text] for text, q in now.items())


# --- JSON -------------------------------------------------------------------------------------------
def _parse(group: Group) -> dict:
    r = Counter((r.intent, r.models, r.field, r.selector, r.reason) for r in group.records).most_common(1)[0][0]
    return {"intent": r[0], "models": list(r[1]), "field": r[2], "selector": r[3], "reason": r[4]}


def _suggestion_json(s: Suggestion) -> dict:
    return {"id": s.id, "kind": s.kind, "file": s.edit.file, "keys": list(s.edit.keys), "value": s.edit.value,
            "target": s.target, "fixed": s.fixed, "of": s.of, "summary": s.summary(), "evidence": s.evidence}


def to_json(report: Report) -> dict:
    return {
        "schema": SCHEMA,
        "period": {"since": report.first_day.isoformat() if report.first_day else None,
                   "until": report.last_day.isoformat()},
        "knowledge_version": report.knowledge,
        "records": report.records,
        "kinds": report.kinds,
        "failures": report.failures,
        "earlier": report.earlier,
        "dropped": report.dropped,
        "groups_total": report.groups_total,
        "groups": [{"count": g.count, "servers": [str(s) for s in g.servers], "direct": g.direct,
                    "languages": g.languages, "kinds": g.kinds, "examples": g.examples,
                    "notes": g.distinct_notes, "parse": _parse(g), "wordings": len(g.questions),
                    "changed": changed, "suggestions": [_suggestion_json(s) for s in found]}
                   for (g, found), changed in zip(report.groups, report.changed, strict=True)],
        "satisfaction": {name: [{"intent" if name == "by_intent" else "model": v.key, "up": v.up, "down": v.down}
                                for v in rows] for name, rows in report.votes.items()},
    }


# --- text -------------------------------------------------------------------------------------------
def _summary(report: Report) -> str:
    """Records, by kind, failed, in how many groups: the same line in every format."""
    kinds = f" ({_counts(report.kinds)})" if report.kinds else ""
    return (f"{report.records} records{kinds}, {report.failures} failed, in {report.groups_total} groups"
            + (f" (the {MAX_GROUPS} largest shown)" if report.groups_total > MAX_GROUPS else "")
            + (f"; {report.earlier} earlier records outside the period" if report.earlier else "")
            + (f"; {report.dropped} more past the daily bound, counted without their text" if report.dropped else ""))


def _period(report: Report) -> str:
    start = report.first_day.isoformat() if report.first_day else "the first record"
    return f"{start} to {report.last_day.isoformat()}"


def _outcome(parse: dict) -> str:
    if parse["intent"] == "none":
        return f"declined ({parse['reason']})"
    what = parse["field"] or parse["selector"] or ""
    return f"answered as {parse['intent']} {' '.join(parse['models'])} {what}".strip()


def _where(group: dict) -> str:
    """Where a group was asked: servers, and direct messages (and the console), which have no server."""
    n, direct = len(group["servers"]), group["direct"]
    parts = [f"{n} server{'' if n == 1 else 's'}"] if n else []
    return ", ".join([*parts, f"{direct} direct (DM or console)"] if direct else parts)


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items())


def _empty(report: Report) -> str | None:
    """What an empty report leaves out and why, so "0 records" is never all it says."""
    if report.failures:
        return None
    if report.records:
        return f"No failed questions from {_period(report)}, only 👍 votes ({report.records})."
    if report.earlier:
        return (f"No records from {_period(report)}: {report.earlier} earlier records are outside the period "
                "(--since all includes them).")
    return ("No records at all: questions the bot declines are recorded in Discord (where /config log is on) "
            "and by `python -m bot chat --record`.")


def _evidence(evidence: dict) -> str:
    return "; ".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in evidence.items())


def _votes_table(rows: list[Votes], head: str) -> list[str]:
    lines = [f"| {head} | 👍 | 👎 | 👍 share |", "| --- | ---: | ---: | ---: |"]
    lines += [f"| {v.key} | {v.up} | {v.down} | {100 * v.share_up:.0f}% |" for v in rows]
    return lines


def to_text(report: Report, apply_hint: str = "python -m bot report --apply") -> str:
    data = to_json(report)
    lines = [f"Maintainer's report, {_period(report)} (knowledge {report.knowledge})", _summary(report), ""]
    if empty := _empty(report):
        lines += [empty, ""]
    for n, g in enumerate(data["groups"], 1):
        lines.append(f"{n}. {g['count']}x · {_where(g)} · {_counts(g['languages'])} · {_counts(g['kinds'])} · "
                     f"{_outcome(g['parse'])}")
        lines.append("   e.g. " + " · ".join(json.dumps(e, ensure_ascii=False) for e in g["examples"]))
        if g["notes"]:
            lines.append("   👎 notes: " + " · ".join(json.dumps(note, ensure_ascii=False) for note in g["notes"]))
        for s in g["suggestions"]:
            lines.append(f"   suggestion {s['id']}: {s['summary']}")
            lines.append(f"     evidence: {_evidence(s['evidence'])}")
            lines.append(f"     apply: {apply_hint} {s['id']}")
        if g["changed"]:
            lines.append(f"   since recorded: {g['changed']} of {g['wordings']} wordings now read differently")
        if not g["suggestions"]:
            lines.append("   no edit found that fixes it")
    for name, head in (("by_intent", "intent"), ("by_model", "model")):
        rows = report.votes[name]
        lines += ["", f"Votes per {head}", *(_votes_table(rows, head) if rows else ["no votes in the period"])]
    return "\n".join(lines) + "\n"


# --- HTML -------------------------------------------------------------------------------------------
# The page names the fonts with Chinese glyphs (the timeline's, and the usual ones of macOS and Windows):
# a browser without one of them shows the Chinese questions as boxes (install fonts-noto-cjk).
HTML_FONTS = ",".join(["system-ui", *(f'"{name}"' for name in (*CJK_FONT_NAMES, "Hiragino Sans GB")), "sans-serif"])
def to_html(report: Report, chart_png: bytes | None = None, apply_hint: str = "python -m bot report --apply") -> str:
    """One self-contained page; the chart (a PNG drawn out of process) is embedded when given."""
    e = html.escape
    data = to_json(report)
    parts = ["<!doctype html><html><head><meta charset='utf-8'><title>Maintainer's report</title>"
             f"<style>body{{font-family:{HTML_FONTS};max-width:60em;margin:auto}}"
             "td,th{padding:2px 8px;text-align:left}code{background:#eee}</style></head><body>",
             f"<h1>Maintainer's report</h1><p>{e(_period(report))} · knowledge <code>{e(report.knowledge)}</code> · "
             f"{e(_summary(report))}</p>"]
    if empty := _empty(report):
        parts.append(f"<p>{e(empty)}</p>")
    parts.append("<h2>Failed questions</h2><ol>")
    for g in data["groups"]:
        parts.append(f"<li><p><b>{g['count']}×</b> · {e(_where(g))} · {e(_counts(g['languages']))} · "
                     f"{e(_counts(g['kinds']))} · {e(_outcome(g['parse']))}</p>"
                     "<ul>" + "".join(f"<li>{e(x)}</li>" for x in g["examples"]) + "</ul>")
        if g["notes"]:
            parts.append("<p>👎 notes:</p><ul>" + "".join(f"<li>{e(note)}</li>" for note in g["notes"]) + "</ul>")
        for s in g["suggestions"]:
            parts.append(f"<p>Suggestion <code>{e(s['id'])}</code>: {e(s['summary'])}<br>"
                         f"<small>evidence: {e(_evidence(s['evidence']))}</small><br>"
                         f"<code>{e(apply_hint)} {e(s['id'])}</code></p>")
        parts.append("</li>")
    parts.append("</ol><h2>Votes</h2>")
    if chart_png:
        parts.append(f"<img alt='votes per intent and per model' "
                     f"src='data:image/png;base64,{base64.b64encode(chart_png).decode()}'>")
    for name, head in (("by_intent", "intent"), ("by_model", "model")):
        rows = report.votes[name]
        parts.append(f"<h3>per {head}</h3><table><tr><th>{head}</th><th>👍</th><th>👎</th><th>👍 share</th></tr>"
                     + "".join(f"<tr><td>{e(v.key)}</td><td>{v.up}</td><td>{v.down}</td>"
                               f"<td>{100 * v.share_up:.0f}%</td></tr>" for v in rows) + "</table>")
    parts.append("</body></html>")
    return "\n".join(parts)


def chart_tables(report: Report) -> dict[str, list[tuple[str, int, int]]]:
    return {name: [(v.key, v.up, v.down) for v in rows] for name, rows in report.votes.items()}
