"""The maintainer's report: failed questions grouped by what was asked (then by wording), a suggested
knowledge edit for each group by wording with its evidence, the demand for models the article does not
cover, and the votes per intent and per model; as text, JSON (stable, schema in docs/report.md) or HTML (with
the votes chart)."""

from __future__ import annotations

import base64
import datetime as dt
import html
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from bot.core.engine import Engine
from bot.core.query import Query
from bot.insights.asked import Reader
from bot.insights.clusters import Group, cluster
from bot.insights.demand import Demand, demand
from bot.insights.records import FAILURES, KINDS, MissRecord, knowledge_version, since
from bot.insights.satisfaction import Votes, satisfaction
from bot.insights.suggest import Suggester, Suggestion
from bot.insights.summary import Summary, summarise
from bot.render.timeline_files import CJK_FONT_NAMES

SCHEMA = 1
MAX_GROUPS = 50  # the largest groups are shown; trying an edit costs a knowledge load
CHECKED = 50  # a group's most frequent wordings read again for `changed`
REPHRASINGS = 5  # the rephrasings shown per group


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
    kinds: dict[str, int] = field(default_factory=dict)  # records per kind: decline, downvote, near-miss, ...
    earlier: int = 0  # records before the period, left out
    demand: list[Demand] = field(default_factory=list)  # questions naming models the article does not cover

    def suggestion(self, suggestion_id: str) -> Suggestion | None:
        return next((s for _, found in self.groups for s in found if s.id == suggestion_id), None)


def build_report(records: Iterable[MissRecord], engine: Engine, first_day: dt.date | None = None,
                 today: dt.date | None = None, dropped: int = 0, earlier: int | None = None) -> Report:
    """The report of the records from `first_day` on; `earlier`: how many records before it were left out
    (counted from `records` when not given: the caller that read only the period says how many)."""
    records = list(records)
    chosen = list(since(records, first_day))
    return report_from(summarise(chosen), engine, first_day, today, dropped,
                       len(records) - len(chosen) if earlier is None else earlier)


def report_from(summary: Summary, engine: Engine, first_day: dt.date | None = None, today: dt.date | None = None,
                dropped: int = 0, earlier: int = 0) -> Report:
    """The report of a summary of the period (the database's GROUP BY, or `summarise` of records)."""
    reader = Reader(engine)
    tallies = [t if _read(t.record) else replace(t, record=reader.read(t.record)) for t in summary.tallies]
    found = cluster(tallies, summary.servers)
    groups = found[:MAX_GROUPS]
    suggester = Suggester(engine)
    counts = Counter()
    for t in tallies:
        counts[t.record.kind] += t.count
    kinds = {kind: counts[kind] for kind in KINDS if counts[kind]}
    return Report(first_day, today or dt.date.today(), knowledge_version(engine.kb.folder), sum(counts.values()),
                  sum(counts[k] for k in FAILURES),
                  # a group by what was asked is a decline the engine recognised: no edit of the article's
                  # knowledge answers a price or a future version
                  [(g, suggester.suggest(g) if g.asked is None else []) for g in groups],
                  [_changed(g, engine) for g in groups], len(found), satisfaction(tallies), dropped, kinds, earlier,
                  demand(summary.uncovered, reader))


def _read(record: MissRecord) -> bool:
    return record.asked is not None and (record.asked != "" or record.wording is not None)


def _changed(group: Group, engine: Engine) -> int:
    """Wordings an edit made since the records were taken already reads differently (fixed, or at least changed):
    of the group's CHECKED most frequent."""
    now = {q: engine.understanding.understand(q) for q in group.questions[:CHECKED]}
    return sum((q.intent, q.models, q.field) != group.recorded[text] for text, q in now.items())


# --- JSON -------------------------------------------------------------------------------------------
def _parse_json(parse: tuple) -> dict:
    return {"intent": parse[0], "models": list(parse[1]), "field": parse[2], "selector": parse[3], "reason": parse[4]}


def _key_json(key: str) -> dict:
    try:
        q = Query.from_key(key)
    except ValueError:
        return {"intent": None, "models": [], "field": None, "selector": None, "reason": None}
    return _parse_json((q.intent, q.models, q.field, q.selector, q.reason))


def _suggestion_json(s: Suggestion) -> dict:
    return {"id": s.id, "kind": s.kind, "file": s.edit.file, "keys": list(s.edit.keys), "value": s.edit.value,
            "target": s.target, "fixed": s.fixed, "of": s.of, "summary": s.summary(), "evidence": s.evidence}


def _group_json(g: Group, found: list[Suggestion], changed: int) -> dict:
    asked = None if g.asked is None else {"class": g.asked[0], "models": list(g.asked[1]), "name": g.asked[2]}
    return {"count": g.count, "asked": asked, "servers": [str(s) for s in g.servers], "direct": g.direct,
            "languages": g.languages, "kinds": g.kinds, "examples": g.examples,
            "frequent": [{"question": q, "count": n} for q, n in g.frequent],
            "notes": g.distinct_notes,
            "rephrased": [{"question": q, "answer": _key_json(key), "count": n}
                          for (q, key), n in sorted(g.rephrasings.items(), key=lambda kv: (-kv[1], kv[0]))[
                              :REPHRASINGS]],
            "parse": _parse_json(g.parse), "wordings": len(g.questions), "changed": changed,
            "suggestions": [_suggestion_json(s) for s in found]}


def _weeks(report: Report) -> list[str]:
    return sorted({w for d in report.demand for w in d.weeks})


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
        "groups": [_group_json(g, found, changed)
                   for (g, found), changed in zip(report.groups, report.changed, strict=True)],
        "demand": {"weeks": _weeks(report),
                   "names": [{"name": d.name, "key": d.key, "kind": d.kind, "closest": d.closest, "count": d.count,
                              "by_week": dict(sorted(d.weeks.items()))} for d in report.demand]},
        "satisfaction": {name: [{"intent" if name == "by_intent" else "model": v.key, "up": v.up, "down": v.down,
                                 "rephrased": v.rephrased} for v in rows] for name, rows in report.votes.items()},
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


def _what(group: dict) -> str:
    """What the group asked, when the engine recognised it; else what the bot did with it."""
    asked = group["asked"]
    if asked is None:
        return _outcome(group["parse"])
    models = f" about {', '.join(asked['models'])}" if asked["models"] else ""
    name = f" {json.dumps(asked['name'], ensure_ascii=False)}" if asked["name"] else ""
    return f"asked {asked['class']}{name}{models}"


def _where(group: dict) -> str:
    """Where a group was asked: servers, and direct messages (and the console), which have no server."""
    n, direct = len(group["servers"]), group["direct"]
    parts = [f"{n} server{'' if n == 1 else 's'}"] if n else []
    return ", ".join([*parts, f"{direct} direct (DM or console)"] if direct else parts)


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items())


def _wordings(group: dict) -> list[str]:
    """The most frequent wordings, each with its count when asked more than once."""
    return [json.dumps(w["question"], ensure_ascii=False) + (f" ×{w['count']}" if w["count"] > 1 else "")
            for w in group["frequent"][:len(group["examples"])]]


def _rephrasing(r: dict) -> str:
    return (json.dumps(r["question"], ensure_ascii=False) + f" ({_outcome(r['answer'])})"
            + (f" ×{r['count']}" if r["count"] > 1 else ""))


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
    lines = [f"| {head} | 👍 | 👎 | rephrased | 👍 share |", "| --- | ---: | ---: | ---: | ---: |"]
    lines += [f"| {v.key} | {v.up} | {v.down} | {v.rephrased} | {_share(v)} |" for v in rows]
    return lines


def _share(v: Votes) -> str:
    return "" if v.share_up is None else f"{100 * v.share_up:.0f}%"


DEMAND_TITLE = "Models the article does not cover, as asked"


def _demand_rows(data: dict) -> tuple[list[str], list[list[str]]]:
    """The demand table: head and rows (name, kind, closest covered model, questions, one column per week)."""
    weeks = data["demand"]["weeks"]
    head = ["name", "kind", "closest covered model", "questions", *weeks]
    rows = [[d["name"], d["kind"], d["closest"] or "", str(d["count"]), *(str(d["by_week"].get(w, "")) for w in weeks)]
            for d in data["demand"]["names"]]
    return head, rows


def to_text(report: Report, apply_hint: str = "python -m bot report --apply") -> str:
    data = to_json(report)
    lines = [f"Maintainer's report, {_period(report)} (knowledge {report.knowledge})", _summary(report), ""]
    if empty := _empty(report):
        lines += [empty, ""]
    for n, g in enumerate(data["groups"], 1):
        lines.append(f"{n}. {g['count']}x · {_where(g)} · {_counts(g['languages'])} · {_counts(g['kinds'])} · "
                     f"{_what(g)}")
        lines.append("   e.g. " + " · ".join(_wordings(g)))
        if g["notes"]:
            lines.append("   👎 notes: " + " · ".join(json.dumps(note, ensure_ascii=False) for note in g["notes"]))
        if g["rephrased"]:
            lines.append("   asked again as: " + " · ".join(_rephrasing(r) for r in g["rephrased"]))
        for s in g["suggestions"]:
            lines.append(f"   suggestion {s['id']}: {s['summary']}")
            lines.append(f"     evidence: {_evidence(s['evidence'])}")
            lines.append(f"     apply: {apply_hint} {s['id']}")
        if g["changed"]:
            lines.append(f"   since recorded: {g['changed']} of {g['wordings']} wordings now read differently")
        if not g["suggestions"]:
            lines.append("   no edit found that fixes it" if g["asked"] is None
                         else "   beyond the article: no edit of the knowledge answers it")
    head, rows = _demand_rows(data)
    lines += ["", f"{DEMAND_TITLE} (questions per ISO week)"]
    lines += ([f"| {' | '.join(head)} |", "|" + " --- |" * len(head), *(f"| {' | '.join(r)} |" for r in rows)]
              if rows else ["no question named one in the period"])
    for name, head_ in (("by_intent", "intent"), ("by_model", "model")):
        votes = report.votes[name]
        lines += ["", f"Votes per {head_}", *(_votes_table(votes, head_) if votes else ["no votes in the period"])]
    return "\n".join(lines) + "\n"


# --- HTML -------------------------------------------------------------------------------------------
# The page names the fonts with Chinese glyphs (the timeline's, and the usual ones of macOS and Windows):
# a browser without one of them shows the Chinese questions as boxes (install fonts-noto-cjk).
HTML_FONTS = ",".join(["system-ui", *(f'"{name}"' for name in (*CJK_FONT_NAMES, "Hiragino Sans GB")), "sans-serif"])
HTML_STYLE = (f"body{{font-family:{HTML_FONTS};max-width:60em;margin:auto;padding:0 1em;overflow-wrap:anywhere}}"
              "td,th{padding:2px 8px;text-align:left}code{background:#eee}table{border-collapse:collapse}"
              "tr:nth-child(even){background:#f6f6f6}")


def _table(head: list[str], rows: list[list[str]], cls: str) -> str:
    e = html.escape
    return (f"<table class='{cls}'><tr>" + "".join(f"<th>{e(h)}</th>" for h in head) + "</tr>"
            + "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in rows) + "</table>")


def to_html(report: Report, chart_png: bytes | None = None, apply_hint: str = "python -m bot report --apply") -> str:
    """One self-contained page, no script; the chart (a PNG drawn out of process) is embedded when given."""
    e = html.escape
    data = to_json(report)
    parts = ["<!doctype html><html lang='en'><head><meta charset='utf-8'>"
             "<meta name='viewport' content='width=device-width, initial-scale=1'><title>Maintainer's report</title>"
             f"<style>{HTML_STYLE}</style></head><body>",
             f"<h1>Maintainer's report</h1><p>{e(_period(report))} · knowledge <code>{e(report.knowledge)}</code> · "
             f"{e(_summary(report))}</p>"]
    if empty := _empty(report):
        parts.append(f"<p>{e(empty)}</p>")
    parts.append("<h2 id='groups'>Failed questions</h2><ol class='groups'>")
    for g in data["groups"]:
        parts.append(f"<li><p><b>{g['count']}×</b> · {e(_where(g))} · {e(_counts(g['languages']))} · "
                     f"{e(_counts(g['kinds']))} · {e(_what(g))}</p>"
                     "<ul class='wordings'>" + "".join(f"<li>{e(x)}</li>" for x in _wordings(g)) + "</ul>")
        if g["notes"]:
            parts.append("<p>👎 notes:</p><ul class='notes'>" + "".join(f"<li>{e(note)}</li>" for note in g["notes"])
                         + "</ul>")
        if g["rephrased"]:
            parts.append("<p>Asked again as:</p><ul class='rephrased'>"
                         + "".join(f"<li>{e(_rephrasing(r))}</li>" for r in g["rephrased"]) + "</ul>")
        for s in g["suggestions"]:
            parts.append(f"<p>Suggestion <code>{e(s['id'])}</code>: {e(s['summary'])}<br>"
                         f"<small>evidence: {e(_evidence(s['evidence']))}</small><br>"
                         f"<code>{e(apply_hint)} {e(s['id'])}</code></p>")
        parts.append("</li>")
    parts.append(f"</ol><h2 id='demand'>{e(DEMAND_TITLE)}</h2><p>Questions per ISO week.</p>")
    head, rows = _demand_rows(data)
    parts.append(_table(head, rows, "demand") if rows else "<p>No question named one in the period.</p>")
    parts.append("<h2 id='votes'>Votes</h2>")
    if chart_png:
        parts.append(f"<img alt='votes per intent and per model' style='max-width:100%' "
                     f"src='data:image/png;base64,{base64.b64encode(chart_png).decode()}'>")
    for name, head_ in (("by_intent", "intent"), ("by_model", "model")):
        parts.append(f"<h3>per {head_}</h3>" + _table(
            [head_, "👍 up", "👎 down", "rephrased", "👍 share"],  # words too: not every browser has emoji
            [[v.key, str(v.up), str(v.down), str(v.rephrased), _share(v)] for v in report.votes[name]], "votes"))
    parts.append("</body></html>")
    return "\n".join(parts)


def chart_tables(report: Report) -> dict[str, list[tuple[str, int, int]]]:
    return {name: [(v.key, v.up, v.down) for v in rows] for name, rows in report.votes.items()}
