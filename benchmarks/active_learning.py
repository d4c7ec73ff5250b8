"""Does the maintainer's report improve the bot, or only memorise? The loop, end to end.

1. The labelled sets (benchmarks/questions*.yaml, ../shared/eval/questions.dev.yaml) are split by
   question id into a training half and a held-out half (crc32 of the id, even / odd); follow-up
   questions (a conversation) are left out, since a miss record is one question.
2. The bot answers both sets right today, so realistic failures are made by perturbing questions
   about one model: the model named by a shorthand (`ds3`, `dsr1`) or asked with a phrasing of the
   field that no cue holds (`V3 几时出的`). The perturbation vocabulary is split in two: forms A
   for training, forms B never seen by the suggestions. Only perturbed questions the bot gets
   wrong today are kept; their expected answer is the original's (intent, model, field).
3. The training failures become miss records (a decline, or a 👎 on a wrong answer), the report
   groups them and suggests edits; every suggestion is applied to a copy of the knowledge.
4. Accuracy before and after: on the training questions (memorising), and on the held-out
   questions as they are (nothing broken), perturbed with forms A (the same kind of words on
   other questions: does a fix carry over?) and with forms B (words never seen: does it generalise?).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from benchmarks.accuracy import is_right, load_questions
from benchmarks.timing import render
from bot.core.engine import Engine
from bot.insights import EditError, MissRecord, apply_edit, build_report
from bot.render.contract import to_contract

# Phrasings of each field that the lexicon holds no cue for (checked at run time: a phrasing the
# bot already answers makes no failure). Index parity decides the half: even A, odd B.
UNSEEN = {
    "released": {"zh": ["{m} 几时出的", "{m} 啥时候出的", "{m} 哪个月份出的", "{m} 几时面世"],
                 "en": ["{m} birthday", "how long has {m} been around", "{m} drop day", "how long ago did {m} ship"]},
    "parameters": {"zh": ["{m} 体量多少", "{m} 有多重", "{m} 块头多大", "{m} 体积"],
                   "en": ["how heavy is {m}", "{m} footprint", "how much does {m} weigh", "{m} bulk"]},
    "features": {"zh": ["{m} 有啥本事", "{m} 牛在哪", "{m} 有什么本领", "{m} 强在哪里"],
                 "en": ["what makes {m} stand out", "{m} selling points", "what tricks does {m} know",
                        "{m} strong points"]},
    "significance": {"zh": ["{m} 有啥分量", "{m} 算不算里程碑", "{m} 有多大分量", "{m} 是里程碑吗"],
                     "en": ["why should i care about {m}", "is {m} a milestone", "{m} place in history",
                            "was {m} a milestone"]},
}


def name_forms(engine: Engine, model: str) -> list[str]:
    """Shorthands people type for a model: `ds` + its version (`dsv3`, `ds3`), its names glued."""
    m = engine.kb.by_id[model]
    forms = []
    version = re.search(r"(?:^|[\s-])(v|r|vl)(\d+)$", m.name["en"].lower())
    if version:
        forms += [f"ds{version.group(1)}{version.group(2)}", f"ds{version.group(2)}"]
    glued = re.sub(r"[^a-z0-9]", "", m.name["en"].lower())
    forms += [glued.replace("deepseek", "dpsk"), glued[:-1] if len(glued) > 6 else glued]
    return list(dict.fromkeys(forms))


@dataclass
class Case:
    text: str
    expected: dict  # the contract question: lang, intent, models, field


def _split(questions: list[dict]) -> tuple[list[dict], list[dict]]:
    single = [q for q in questions if "conversation" not in q]
    train = [q for q in single if zlib.crc32(q["id"].encode()) % 2 == 0]
    held = [q for q in single if zlib.crc32(q["id"].encode()) % 2 == 1]
    return train, held


def _half(items: list[str], half: str) -> list[str]:
    return items[0::2] if half == "A" else items[1::2]


def perturbed(engine: Engine, questions: list[dict], half: str) -> list[Case]:
    """Perturbed forms of one-model questions that the bot gets wrong today."""
    cases = []
    for q in questions:
        if len(q["models"]) != 1 or q["intent"] not in ("model", "field"):
            continue
        model = q["models"][0]
        expected = {k: q[k] for k in ("id", "lang", "intent", "models", "field") if k in q}
        names = sorted({*engine.kb.by_id[model].aliases, engine.kb.by_id[model].name["en"]}, key=len, reverse=True)
        found = next((n for n in names if n.isascii() and re.search(re.escape(n), q["text"], re.IGNORECASE)), None)
        if found:
            for form in _half(name_forms(engine, model), half):
                cases.append(Case(re.sub(re.escape(found), form, q["text"], count=1, flags=re.IGNORECASE), expected))
        field = q.get("field") if isinstance(q.get("field"), str) else None
        if q["intent"] == "field" and field in UNSEEN:
            shown = engine.kb.by_id[model].name["en"]
            cases += [Case(t.format(m=shown), expected) for t in _half(UNSEEN[field][q["lang"]], half)]
    fresh = {c.text: c for c in cases}.values()
    return [c for c in fresh if not _right(engine, c)]


def _right(engine: Engine, case: Case) -> bool:
    return is_right(case.expected, to_contract(engine.ask(case.text)))


def _accuracy(engine: Engine, cases: list[Case]) -> float:
    return 100 * sum(_right(engine, c) for c in cases) / len(cases) if cases else float("nan")


@dataclass
class Result:
    text: str
    as_written: tuple[float, float]  # held-out accuracy as written, before and after


def question_files(root: Path) -> list[Path]:
    """benchmarks/questions*.yaml, and the answer contract's dev set when it is beside the project."""
    dev = root.parent / "shared" / "eval" / "questions.dev.yaml"
    return sorted((root / "benchmarks").glob("questions*.yaml")) + ([dev] if dev.is_file() else [])


def run(files: list[Path], knowledge: Path, limit: int | None = None) -> Result:
    """`limit` questions per half at most (the quick smoke run)."""
    questions = [q for path in files for q in load_questions(path)]
    engine = Engine.from_folder(knowledge)
    train, held = (half[:limit] for half in _split(questions))
    train_cases = [Case(q["text"], q) for q in train] + perturbed(engine, train, "A")
    held_sets = {"held-out, as written": [Case(q["text"], q) for q in held],
                 "held-out, perturbed with forms A (seen kinds)": perturbed(engine, held, "A"),
                 "held-out, perturbed with forms B (never seen)": perturbed(engine, held, "B")}
    today = dt.date.today()
    records = []
    for i, case in enumerate(train_cases):
        answer = engine.ask(case.text)
        if not is_right(case.expected, to_contract(answer)):
            kind = "decline" if answer.query.intent == "none" else "downvote"
            records.append(MissRecord.from_answer(case.text, answer, kind=kind, day=today, guild_id=1 + i % 5))

    copy = Path(tempfile.mkdtemp(prefix="knowledge-learned-"))
    try:
        shutil.copytree(knowledge, copy, dirs_exist_ok=True)
        report = build_report(records, Engine.from_folder(copy), today=today)
        applied, refused, questions_of = [], [], {}
        for group, found in report.groups:
            if not found:
                continue
            suggestion = found[0]
            questions_of.setdefault(suggestion.id, set()).update(group.questions)
            if suggestion.id in {s.id for s in applied + refused}:
                continue
            try:
                apply_edit(copy, suggestion.edit)
                applied.append(suggestion)
            except EditError:
                refused.append(suggestion)
        learned = Engine.from_folder(copy)
        expected = {c.text: c for c in train_cases}
        # the labels' verdict on each edit: its group's training questions that are now right
        made_right = {s.id: sum(_right(learned, expected[q]) for q in questions_of[s.id]) for s in applied}
        sets = {"training (its failures fed the report)": train_cases, **held_sets}
        # a fresh engine for each measure: no follow-up memory carried between sets
        figures = {name: (len(cases), _accuracy(Engine.from_folder(knowledge), cases), _accuracy(learned, cases))
                   for name, cases in sets.items()}
    finally:
        shutil.rmtree(copy, ignore_errors=True)
    rows = [[name, str(n), f"{before:.1f}%", f"{after:.1f}%"] for name, (n, before, after) in figures.items()]
    kinds = ", ".join(f"{k} {sum(s.kind == k for s in applied)} (their groups: "
                      f"{sum(made_right[s.id] for s in applied if s.kind == k)} of "
                      f"{sum(len(questions_of[s.id]) for s in applied if s.kind == k)} questions now right)"
                      for k in ("alias", "cue", "beyond"))
    lines = [
        f"questions: {', '.join(p.name for p in files)}; {len(train)} training / {len(held)} held-out "
        "(crc32 of the id even / odd; follow-ups left out)",
        f"training: {len(train)} questions as written and {len(train_cases) - len(train)} perturbed ones the bot "
        f"gets wrong; {len(records)} failures fed to the report, in {report.groups_total} groups; the top suggestion "
        f"of each applied: {len(applied)}, refused by the check: {len(refused)}",
        f"applied by kind: {kinds}",
        "",
        render(["set", "n", "before", "after"], rows),
        "",
        "applied (each with the wordings of its group it fixed on the trial copy): "
        + "; ".join(f"{s.edit.describe()} [{s.fixed}/{s.of}]" for s in applied),
    ]
    return Result("\n".join(lines), figures["held-out, as written"][1:])


if __name__ == "__main__":
    ROOT = Path(__file__).resolve().parent.parent
    print(run(question_files(ROOT), ROOT / "knowledge").text)
