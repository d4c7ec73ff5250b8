"""Matching speed as knowledge grows: synthetic packs of 100 to 10,000 models.

Each pack has realistic model names ("Qwen2.5-Coder-32B-Instruct", "Mistral-Nemo-12B",
"Orion-Vision-7B-v2"), three aliases per model, and typo queries (insertions, deletions,
substitutions, transpositions of letters). The project's matcher (`FuzzyIndex`) runs beside
the naive peer, `process.extractOne(query, all_aliases, scorer=WRatio)`, on the same queries;
we report latency of both, the speed-up, and how often both pick the same model."""

from __future__ import annotations

import random
import string
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from benchmarks.timing import render, summary_ms, time_each
from bot.core.fuzzy_index import FuzzyIndex

FAMILIES = ["Qwen", "Mistral", "Orion", "Llama", "Gemma", "Phi", "Falcon", "Yi", "Baichuan", "InternLM",
            "ChatGLM", "Aquila", "Mixtral", "Nemotron", "Granite", "Olmo", "StarCoder",
            "Codestral", "Jamba", "Aya", "Solar", "Zephyr", "Vicuna", "Hermes", "Dolphin",
            "Orca", "Tulu", "Pythia", "Bloom", "Skywork", "Hunyuan", "Ernie", "Telechat",
            "Xverse", "Moonlight", "Stepfun", "Pangu", "MiniCPM", "Persimmon", "Cohere", "Nova",
            "Kestrel", "Aurora", "Helix", "Vega", "Lumen", "Sable", "Quill", "Atlas", "Borealis"]
VERSIONS = ["", "1", "1.5", "2", "2.5", "3", "3.1", "3.5", "4"]
LINES = ["", "Coder", "Math", "Vision", "Nemo", "Chat", "Audio", "VL", "Omni", "Lite", "Pro", "Turbo",
         "Flash", "Mini", "Reasoner", "Embed"]
SIZES = ["0.5B", "1.5B", "3B", "7B", "8B", "12B", "14B", "32B", "70B", "72B", "8x7B", "236B"]
SUFFIXES = ["", "Instruct", "Base", "Chat", "v2", "v0.3", "Preview"]
SIZES_DEFAULT = (100, 1_000, 10_000)


@dataclass
class Pack:
    aliases: dict[str, str]  # alias (normalised: lower case, dashes as spaces) -> model id
    queries: list[tuple[str, str]]  # (typo query, model it was made from)


def _name(rng: random.Random) -> str:
    parts = [rng.choice(FAMILIES) + rng.choice(VERSIONS), rng.choice(LINES), rng.choice(SIZES),
             rng.choice(SUFFIXES)]
    return "-".join(p for p in parts if p)


def _normalise(name: str) -> str:
    # The same folding the engine applies to aliases: lower case, dashes as spaces.
    return " ".join(name.lower().replace("-", " ").split())


def _aliases_of(name: str) -> list[str]:
    """Three spellings people use: "qwen2.5 coder 32b", "qwen 2.5 coder 32b", "qw2.5 coder 32b"."""
    norm = _normalise(name)
    head, _, rest = norm.partition(" ")
    letters = head.rstrip(string.digits + ".")
    spaced = f"{letters} {head[len(letters):]} {rest}" if letters != head else f"{head} model {rest}"
    short = f"{letters[:2]}{head[len(letters):]} {rest}"
    return [norm, " ".join(spaced.split()), " ".join(short.split())]


def typo(text: str, rng: random.Random) -> str:
    """One or two letter edits: insertion, deletion, substitution or transposition.
    Digits are left alone: "32b" -> "3b" names another model, it is not a typo."""
    for _ in range(rng.choice((1, 1, 2))):
        spots = [i for i, c in enumerate(text) if c.isalpha()]
        i = rng.choice(spots)
        kind = rng.choice(("insert", "delete", "substitute", "transpose"))
        letter = rng.choice(string.ascii_lowercase)
        if kind == "insert":
            text = text[:i] + letter + text[i:]
        elif kind == "delete" and len(spots) > 4:
            text = text[:i] + text[i + 1:]
        elif kind == "substitute":
            text = text[:i] + letter + text[i + 1:]
        elif i + 1 < len(text) and text[i + 1].isalpha():
            text = text[:i] + text[i + 1] + text[i] + text[i + 2:]
    return text


def make_pack(models: int, queries: int, seed: int = 7) -> Pack:
    rng = random.Random(seed)
    aliases: dict[str, str] = {}
    names: list[str] = []
    while len(names) < models:
        name = _name(rng)
        spellings = _aliases_of(name)
        if any(s in aliases for s in spellings):
            continue  # two generated names may fold to the same alias; keep aliases unique
        names.append(name)
        for s in spellings:
            aliases[s] = name
    made: list[tuple[str, str]] = []
    while len(made) < queries:
        name = rng.choice(names)
        query = typo(rng.choice(_aliases_of(name)), rng)
        if query not in aliases:  # an edit that lands on a real alias is not a typo
            made.append((query, name))
    return Pack(aliases, made)


@dataclass
class ScaleRow:
    models: int
    aliases: int
    index_median_ms: float  # FuzzyIndex.top_per_model; "naive" is extractOne(WRatio) over every alias
    index_p99_ms: float
    naive_median_ms: float
    naive_p99_ms: float
    agreement: float  # share of typo queries where both pick the same model
    index_right: float  # share where the index picks the model the typo came from
    naive_right: float

    @property
    def speedup(self) -> float:
        return self.naive_median_ms / self.index_median_ms if self.index_median_ms else float("inf")


def measure(models: int, queries: int, naive_queries: int) -> ScaleRow:
    pack = make_pack(models, queries)
    index = FuzzyIndex(pack.aliases)
    strings = list(pack.aliases)
    texts = [q for q, _ in pack.queries]

    def ours(query: str) -> str | None:
        hits = index.top_per_model(query, models=1)
        return hits[0].model if hits else None

    def naive(query: str) -> str | None:
        best = process.extractOne(query, strings, scorer=fuzz.WRatio)
        return pack.aliases[best[0]] if best else None

    for q in texts[:20]:  # warm caches before timing
        ours(q)
    index_ms = summary_ms(time_each(ours, texts))
    # The full scan is slow at 10,000 models; time it on a prefix of the same queries.
    naive_ms = summary_ms(time_each(naive, texts[:naive_queries]))
    ours_picks = [ours(q) for q in texts[:naive_queries]]
    naive_picks = [naive(q) for q in texts[:naive_queries]]
    truth = [m for _, m in pack.queries[:naive_queries]]
    n = len(truth)
    return ScaleRow(
        models=models, aliases=len(strings),
        index_median_ms=index_ms[0], index_p99_ms=index_ms[1],
        naive_median_ms=naive_ms[0], naive_p99_ms=naive_ms[1],
        agreement=sum(a == b for a, b in zip(ours_picks, naive_picks, strict=True)) / n,
        index_right=sum(a == t for a, t in zip(ours_picks, truth, strict=True)) / n,
        naive_right=sum(b == t for b, t in zip(naive_picks, truth, strict=True)) / n,
    )


def run(sizes: tuple[int, ...] = SIZES_DEFAULT, queries: int = 2000,
        naive_queries: int = 500) -> list[ScaleRow]:
    return [measure(size, queries, min(naive_queries, queries)) for size in sizes]


def table(rows: list[ScaleRow]) -> str:
    return render(
        ["models", "aliases", "index median", "index p99", "extractOne median", "extractOne p99", "speed-up",
         "top-1 agreement", "right: index", "right: extractOne"],
        [[f"{r.models:,}", f"{r.aliases:,}", f"{r.index_median_ms:.3f} ms", f"{r.index_p99_ms:.3f} ms",
          f"{r.naive_median_ms:.3f} ms", f"{r.naive_p99_ms:.3f} ms", f"{r.speedup:.1f}x",
          f"{100 * r.agreement:.1f}%", f"{100 * r.index_right:.1f}%", f"{100 * r.naive_right:.1f}%"]
         for r in rows])


def plot(rows: list[ScaleRow], path: str) -> None:
    """Latency against knowledge size, log-log, for docs/benchmarks.md."""
    import matplotlib

    matplotlib.use("Agg")  # files only, no display
    import matplotlib.pyplot as plt

    sizes = [r.models for r in rows]
    fig, ax = plt.subplots(figsize=(6.4, 4.0), dpi=100)
    ax.plot(sizes, [r.index_median_ms for r in rows], "o-", color="C0", label="FuzzyIndex median")
    ax.plot(sizes, [r.index_p99_ms for r in rows], "o--", color="C0", label="FuzzyIndex p99")
    ax.plot(sizes, [r.naive_median_ms for r in rows], "s-", color="C3", label="extractOne(WRatio) median")
    ax.plot(sizes, [r.naive_p99_ms for r in rows], "s--", color="C3", label="extractOne(WRatio) p99")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("models in the knowledge (3 aliases each)")
    ax.set_ylabel("latency per typo query (ms)")
    ax.set_title("Fuzzy name matching as knowledge grows")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
