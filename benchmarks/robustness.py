"""Robustness by transformation: questions the bot answers right as written must stay right when
people write them as people do. `python -m benchmarks.robustness` from the project root.

- wrapped: a greeting, a mention, a line of self-context before the question and thanks after it
  (pools in benchmarks/chatter.yaml, written by someone who never saw the code), in the question's
  language; the labels do not change.
- joined: two right questions in one message ("… and also …", "。还有,…"); both must be answered,
  each part as its own label says. The second is a question of its own: not a bare name or word ("v3",
  "thx!", which after a question ask it again of that model or are chatter), not the first asked again; the
  first is no bare word of small talk ("hello", "thx?": chatter beside the question after it).
- claims: a fact of the article, or a wrong one, stated as a claim to check in the frames people use
  ("…, right?", "群里有人说…,真的吗"); the reply must open with the right verdict, in both languages.

Each figure is the share of transformed questions still right. Pools and frames are fixed by a seed,
so two runs compare."""

from __future__ import annotations

import argparse
import random
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from benchmarks.accuracy import is_right, load_questions, verdict_of
from bot.core.engine import Engine
from bot.core.knowledge import KnowledgeBase
from bot.render.contract import to_contract

ROOT = Path(__file__).resolve().parent.parent
SETS = [ROOT / "benchmarks" / name for name in ("questions.yaml", "questions.discord.yaml",
                                                 "questions.operators.yaml", "questions.heldout.yaml")]
DEV = ROOT.parent / "shared" / "eval" / "questions.dev.yaml"
POOLS = ROOT / "benchmarks" / "chatter.yaml"
FRESH_POOLS = ROOT / "benchmarks" / "chatter.fresh.yaml"  # written after the code, never tuned on
# the same person's punctuation between chatter and the question varies: none, a comma, a full stop, a line
SEPARATORS = {"en": [" ", ", ", ". ", "! ", "\n"], "zh": ["", ",", "。", " ", "\n", "!"]}
JOINERS = {"en": [" and also ", "? also, ", ". btw, ", "?\n", "? and ", " — oh and ", ". plus "],
           "zh": ["。还有,", "?另外", ",顺便问下,", "\n", "?还有", "。再问一下:", ";以及"]}
TARGET_PCT = 97.0  # issue 15's target for every transformation
# a pronoun asks about the model before it: such a question means something else after another one
REFERS_BACK = re.compile(r"\b(it|its|they|their|them|this|that)\b|它|这个|那个|他们")


@dataclass
class Tally:
    right: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, text: str) -> None:
        self.right += ok
        self.total += 1
        if not ok:
            self.misses.append(text)

    @property
    def pct(self) -> float:
        return 100.0 * self.right / self.total if self.total else 0.0


def _strip_end(text: str) -> str:
    return text.rstrip(" ?？!！.。")


def wrapped(q: dict, pools: dict, rng: random.Random) -> list[str]:
    """The question with chatter around it, four ways."""
    pool, sep = pools[q["lang"]], SEPARATORS[q["lang"]]

    def pick(kind: str) -> str:
        return rng.choice(pool[kind])

    text = q["text"]
    return [f"{pick('greetings')}{rng.choice(sep)}{text}",
            f"{pick('context')}{rng.choice(sep)}{text}{rng.choice(sep)}{pick('thanks')}",
            f"{pick('mentions')} {text}",
            f"{pick('greetings')}{rng.choice(sep)}{pick('context')}{rng.choice(sep)}{text}{rng.choice(sep)}"
            f"{pick('thanks')}"]


def _second_question(first: dict, second: dict) -> bool:
    """Whether `second` reads as a question of its own after `first`: not a pronoun's question (it would mean
    the first's model), not a bare name or word ("v3", "thx!": after a question they ask it again of that
    model, or are chatter), not the first asked again (the same models, the same question or an overview)."""
    if second is first or (second["intent"] == "none" and REFERS_BACK.search(second["text"].lower())):
        return False
    if second["intent"] in ("model", "none") and _BARE.fullmatch(_strip_end(second["text"])):
        return False
    return not (set(second["models"]) == set(first["models"]) and second["intent"] in ("model", first["intent"]))


_BARE = re.compile(r"[\w.\- ]{1,16}")  # a name or a word, typed alone


def _small_talk(q: dict) -> bool:
    """"hello", "thx?": chatter, not a first question (beside another question it is no part of its own)."""
    return q["intent"] == "none" and bool(_BARE.fullmatch(_strip_end(q["text"])))


def joined(first: dict, second: dict, rng: random.Random) -> dict:
    """Two questions in one message, labelled as the contract's `parts`."""
    text = f"{_strip_end(first['text'])}{rng.choice(JOINERS[first['lang']])}{second['text']}"
    keys = ("intent", "models", "models_alt", "field", "contains", "contains_any", "date", "verdict")
    parts = [{k: q[k] for k in keys if k in q} for q in (first, second)]
    return {**parts[0], "id": f"{first['id']}+{second['id']}", "lang": first["lang"], "text": text,
            "parts": parts}


# claims: (language, frame); {claim} is one of the claims below
CLAIM_FRAMES = {
    "en": ["{claim}, right?", "someone said {claim}, legit?", "saw a tweet saying {claim}. does the article say that?",
           "so {claim}?", "is it true that {claim}?", "{claim}. correct me if I'm wrong", "wait, {claim}??"],
    "zh": ["{claim},对吧?", "群里有人说{claim},真的吗", "听说{claim},文章里有写吗", "不会吧,{claim}?",
           "{claim}是真的吗", "我记得{claim},没错吧"],
}


def claims(kb: KnowledgeBase) -> list[tuple[str, str, str]]:
    """(language, claim, expected verdict) from the knowledge: each model's date and size stated right
    and wrong, and each tag it has (a tag it lacks the article does not deny: "unknown")."""
    found = []
    for m in kb.models:
        if m.released:
            wrong = m.released.replace(year=m.released.year - 1)
            for day, verdict in ((m.released, "yes"), (wrong, "no")):
                found += [("en", f"{m.name['en']} came out on {day:%B} {day.day}, {day.year}", verdict),
                          ("zh", f"{m.name['zh']} 是 {day.year} 年 {day.month} 月 {day.day} 日发布的", verdict)]
        if m.total_b and not m.variants:
            for b, verdict in ((m.total_b, "yes"), (round(m.total_b * 1.5), "no")):
                found += [("en", f"{m.name['en']} has {b:g}B parameters", verdict),
                          ("zh", f"{m.name['zh']} 有 {b:g}B 参数", verdict)]
    for tag, (en, zh) in {"open-source": ("is open source", "是开源的"), "moe": ("is an MoE model", "是 MoE 模型"),
                          "reasoning": ("is a reasoning model", "是推理模型")}.items():
        for m in kb.models:
            verdict = "yes" if tag in m.tags else "unknown"
            found += [("en", f"{m.name['en']} {en}", verdict), ("zh", f"{m.name['zh']}{zh}", verdict)]
    return found


def run(engine_for: Callable[[], Engine], pools: dict, questions: list[dict], seed: int = 7) -> dict[str, Tally]:
    """Each question's chatter and partner depend on its id and the seed alone, so adding, fixing or relabelling
    one question changes no other question's transformations."""
    engine = engine_for()

    def rng_of(*ids: str) -> random.Random:
        return random.Random(zlib.crc32(":".join((str(seed), *ids)).encode()))

    def answer(text: str) -> dict:
        return to_contract(engine.ask(text))

    alone = [q for q in questions if "conversation" not in q and not q.get("parts")]
    right = [q for q in alone if is_right(q, answer(q["text"]))]
    tallies = {"as written": Tally(len(right), len(alone)), "wrapped": Tally(), "joined": Tally(),
               "claims en": Tally(), "claims zh": Tally()}
    for q in right:
        for text in wrapped(q, pools, rng_of(q["id"])):
            tallies["wrapped"].add(is_right(q, answer(text)), text)
    by_lang = {lang: [q for q in right if q["lang"] == lang] for lang in ("en", "zh")}
    for q in [q for q in right if not _small_talk(q)]:
        partners = [p for p in by_lang[q["lang"]] if _second_question(q, p)]
        partner = min(partners, key=lambda p: zlib.crc32(f"{seed}:{q['id']}:{p['id']}".encode()))
        pair = joined(q, partner, rng_of(q["id"], partner["id"]))
        tallies["joined"].add(is_right(pair, answer(pair["text"])), pair["text"])
    for lang, claim, verdict in claims(engine.kb):
        for frame in CLAIM_FRAMES[lang]:
            text = frame.format(claim=claim)
            tallies[f"claims {lang}"].add(verdict_of(answer(text)["text"]) == verdict, f"{text} [{verdict}]")
    return tallies


def report(tallies: dict[str, Tally], misses: int = 0) -> str:
    lines = [f"{'transformation':<12} {'right':>7} {'of':>6} {'share':>7}"]
    for name, t in tallies.items():
        lines.append(f"{name:<12} {t.right:>7} {t.total:>6} {t.pct:>6.1f}%")
        lines += [f"    miss: {text!r}" for text in t.misses[:misses]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--knowledge", type=Path, default=ROOT / "knowledge")
    ap.add_argument("--misses", type=int, default=0, help="how many misses to print per transformation")
    ap.add_argument("--pools", type=Path, default=POOLS, help="the chatter to wrap questions in")
    args = ap.parse_args(argv)
    questions = [q for path in [*SETS, *([DEV] if DEV.is_file() else [])] for q in load_questions(path)]
    pools = yaml.safe_load(args.pools.read_text(encoding="utf-8"))
    print(report(run(lambda: Engine.from_folder(args.knowledge), pools, questions), args.misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
