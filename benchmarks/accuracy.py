"""Accuracy on labelled questions, the project beside the peer baselines, in one run.

A question counts only when lang, intent, the set of models, the field and every required
fact in the text are right: the same check as the answer contract's scorer."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from benchmarks.timing import render
from bot.core.engine import Engine
from bot.core.language import writes_traditional
from bot.render.contract import to_contract
from bot.render.traditional import Converted

CATEGORIES = ["overview", "field", "list", "superlative", "compare", "followup", "typo", "oos"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]


def load_questions(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def date_in_text(iso: str, text: str) -> bool:
    """True when lower-cased `text` states the ISO date as 2024-12-26, 2024年12月26日 or December 26, 2024."""
    y, m, d = (int(x) for x in iso.split("-"))
    compact = re.sub(r"\s+", "", text)
    forms = [f"{y}-{m:02d}-{d:02d}", f"{y}/{m}/{d}", f"{y}/{m:02d}/{d:02d}", f"{y}.{m:02d}.{d:02d}",
             f"{y}年{m}月{d}日", f"{y}年{m:02d}月{d:02d}日"]
    if any(f in compact for f in forms):
        return True
    month = MONTHS[m - 1]
    pattern = (rf"\b({month}|{month[:3]})\.?\s+{d}(st|nd|rd|th)?,?\s+{y}\b"
               rf"|\b{d}(st|nd|rd|th)?\s+({month}|{month[:3]})\.?,?\s+{y}\b")
    return re.search(pattern, text) is not None


# a claim's verdict opens a line of the reply: "Yes — …", "No — …", "The article does not say …", "对,…"
VERDICT_LINE = {
    "yes": re.compile(r"^(?:yes\b(?!\.\s*\d)|[对對](?!比))", re.IGNORECASE | re.MULTILINE),
    "no": re.compile(r"^(?:no\b(?!\.\s*\d)|不[对對])", re.IGNORECASE | re.MULTILINE),
    "unknown": re.compile(r"^(?:the article (?:does not|doesn't) say|文章[没沒]有[说說])",
                          re.IGNORECASE | re.MULTILINE),
}


def verdict_of(text: str) -> str | None:
    """The verdict the reply gives first, or None when it gives none."""
    found = [(m.start(), kind) for kind, pattern in VERDICT_LINE.items() if (m := pattern.search(text))]
    return min(found)[1] if found else None


def _matches(q: dict, a: dict) -> bool:
    accepted = [set(q["models"])] + [set(m) for m in q.get("models_alt", [])]
    text = (a.get("text") or "").lower()
    return (a.get("intent") in _as_list(q["intent"])
            and set(a.get("models") or []) in accepted
            and (a.get("intent") != "field" or "field" not in q or a.get("field") in _as_list(q["field"]))
            and all(n.lower() in text for n in q.get("contains", []))
            and all(any(n.lower() in text for n in group) for group in q.get("contains_any", []))
            and all(date_in_text(str(d), text) for d in _as_list(q.get("date")))
            and ("verdict" not in q or verdict_of(a.get("text") or "") == _verdict(q["verdict"])))


def _declined_part_by_part(q: dict, a: dict) -> bool:
    """A decline labelled as one thing, answered as several parts each declined (each with its reason)."""
    return "none" in _as_list(q["intent"]) and all(g.get("intent") == "none" for g in a.get("parts") or [])


def _verdict(label: object) -> str:
    """A label's verdict; YAML reads an unquoted yes or no as a boolean."""
    return ("yes" if label else "no") if isinstance(label, bool) else str(label).lower()


def wrong(q: dict, a: dict) -> list[str]:
    """What is wrong with answer `a` to question `q`, in words (empty: right)."""
    found = [] if a.get("lang") == q["lang"] else [f"lang {a.get('lang')}"]
    got = [a, *(a.get("parts") or [])] if q.get("parts") else [a]
    for n, (e, g) in enumerate(zip([q, *(q.get("parts") or [])], got, strict=False)):
        if not _matches({"models": [], **e}, g):
            found.append(f"part {n}: {g.get('intent')} {g.get('models')} {g.get('field')}"
                         f" verdict={verdict_of(g.get('text') or '')} (want {e.get('intent')} {e.get('models')}"
                         f" {e.get('field')} verdict={e.get('verdict')})")
    if len(q.get("parts") or []) != len(a.get("parts") or []) and not _declined_part_by_part(q, a):
        found.append(f"{len(a.get('parts') or [])} parts, want {len(q.get('parts') or [])}")
    return found


def is_right(q: dict, a: dict) -> bool:
    """The contract's check, and more where the label says more: the verdict a claim gets, and each part
    of a message that asks several things (its own intent, models, field, facts and verdict)."""
    if a.get("lang") != q["lang"] or not _matches(q, a):
        return False
    expected, got = q.get("parts") or [], a.get("parts") or []
    if not expected:
        return not got or _declined_part_by_part(q, a)
    return len(got) == len(expected) and all(_matches({"models": [], **e}, g)
                                             for e, g in zip(expected, got, strict=True))


@dataclass
class Score:
    name: str
    right: dict[str, list[int]] = field(default_factory=dict)  # row -> [right, all]
    failures: list[str] = field(default_factory=list)

    def add(self, row: str, ok: bool) -> None:
        tally = self.right.setdefault(row, [0, 0])
        tally[0] += ok
        tally[1] += 1

    def pct(self, row: str) -> float | None:
        good, n = self.right.get(row, (0, 0))
        return 100.0 * good / n if n else None


def score(name: str, questions: list[dict], answer: Callable[[dict], dict]) -> Score:
    result = Score(name)
    for q in questions:
        ok = is_right(q, answer(q))
        for row in (q["cat"], f"lang {q['lang']}", "all"):
            result.add(row, ok)
        if not ok:
            result.failures.append(f"{q['id']} {q['text']!r}")
    return result


def engine_answerer(knowledge: Path) -> Callable[[dict], dict]:
    """Answers as `python -m bot ask --jsonl` does: a question written in Traditional characters in them."""
    engine = Engine.from_folder(knowledge)  # a fresh engine: no conversation memory from earlier runs
    converted = Converted(Path(tempfile.mkdtemp(prefix="bench-state-")))  # the strings, kept for this run only

    def answer(q: dict) -> dict:
        script = converted(engine.kb) if writes_traditional(q["text"]) else None
        return to_contract(engine.ask(q["text"], conversation=q.get("conversation")), script)

    return answer


def table(scores: list[Score], questions: list[dict]) -> str:
    rows = [c for c in CATEGORIES if any(q["cat"] == c for q in questions)]
    rows += sorted({q["cat"] for q in questions} - set(rows))
    rows += [f"lang {lang}" for lang in ("en", "zh") if any(q["lang"] == lang for q in questions)] + ["all"]
    return render(["category", "n", *(s.name for s in scores)],
                  [[row, str(scores[0].right.get(row, [0, 0])[1]), *(f"{s.pct(row):.1f}%" for s in scores)]
                   for row in rows])


def main(argv: list[str] | None = None) -> int:
    """`python -m benchmarks.accuracy FILE...`: each labelled set scored in-process, verdicts and parts
    included (the contract's scorer checks neither), with the misses and what was wrong with them."""
    import argparse
    import json

    ap = argparse.ArgumentParser(description=main.__doc__.splitlines()[0])
    ap.add_argument("files", type=Path, nargs="+")
    ap.add_argument("--knowledge", type=Path, default=Path(__file__).resolve().parent.parent / "knowledge")
    ap.add_argument("--failures", type=int, default=20, help="how many misses to print per file")
    args = ap.parse_args(argv)
    for path in args.files:
        asked = load_questions(path)
        answer = engine_answerer(args.knowledge)
        result, shown = Score(path.name), 0
        for q in asked:
            a = answer(q)
            ok = is_right(q, a)
            for row in (q["cat"], f"lang {q['lang']}", "all"):
                result.add(row, ok)
            if not ok and shown < args.failures:
                shown += 1
                got = {k: a.get(k) for k in ("intent", "models", "field", "selector")}
                parts = [{k: p.get(k) for k in ("intent", "models", "field")} for p in a.get("parts") or []]
                print(f"  {q['id']} {q['text'][:150]!r}\n      got {json.dumps(got, ensure_ascii=False)}"
                      + (f" parts {json.dumps(parts, ensure_ascii=False)}" if parts else "")
                      + f"\n      wrong: {'; '.join(wrong(q, a))}\n      text {(a.get('text') or '')[:160]!r}")
        print(table([result], asked))
        good, n = result.right["all"]
        print(f"{path.name}: {100 * good / n:.1f}% ({good}/{n})\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
