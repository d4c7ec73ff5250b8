"""A list question as a small query: filters (each negatable), then an order and a take.

A selector is terms joined by "&", short enough for a button's custom id:

    tag:moe                   the models the article tags so; "!tag:moe" the others
    !is:deepseek-r1           every model but that one ("除了 R1 以外")
    is:deepseek-v3,deepseek-r1  only those ("sort V3 and R1 by date")
    date:2024                 released in a period (an ISO prefix); "date:2024-05..2025-01" both ends included;
                              "date:--01" in that month of any year,
                              "date:--01-20" on that day of any year
    date<2024-06, date>2024   released before / after a period (the period itself not included)
    undisclosed:released      the article gives no such fact; "!undisclosed:released" it does
    params>200, active=37     total or per-token parameters, in billions (>, < or =; "~600..700" roughly)
    largest                   the first by a ranking; "largest@2" the 2nd, "largest*3" the top 3,
                              "sort:largest" all in that order, models without the figure last
    count                     the answer says how many first

Every filter says, for one model, True, False or None: None when the article gives no fact
to decide (no date, no figure); such a model is never selected, only named as unknown."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.core import ranking
from bot.core.knowledge import KnowledgeBase, Model
from bot.core.relations import related

FIGURES = {"params": lambda m: m.total_b, "active": lambda m: m.active_b}
_MISSING = {"released": lambda m: m.released is None, "parameters": lambda m: m.total_b is None,
            "paper": lambda m: m.paper_title is None}
_RANK = re.compile(r"(?:sort:)?(?P<kind>[a-z-]+)(?:(?P<op>[@*])(?P<n>\d+))?")
def amount(billions: float) -> str:
    """A number of billions as a selector writes it: plain digits, never "1e+06" (which no selector reads)."""
    return f"{billions:f}".rstrip("0").rstrip(".")


_FILTER = re.compile(r"(?P<neg>!?)(?:(?P<kind>tag|undisclosed|date|is):(?P<value>[\w.,-]+)"
                     r"|(?P<cmp_kind>date|params|active)(?P<cmp>[<>=~^])(?P<cmp_value>[\d.-]+))")
SIZE_TOLERANCE = 0.005  # "6710 亿" is 671B; 660B is not


OPEN_END = "9999"  # the end of a range "since" a date leaves open


@dataclass(frozen=True)
class Filter:
    kind: str  # tag, date, undisclosed, params, active, is (one model by id)
    op: str  # ":" (is / in), "<", ">", "=", "~" (roughly: "lo..hi"), "^" (the only figure: "only 67B")
    value: str
    negated: bool = False

    @property
    def key(self) -> str:
        return f"{'!' if self.negated else ''}{self.kind}{self.op}{self.value}"

    @property
    def field(self) -> str:
        """The field of a model the filter reads."""
        return {"tag": "features", "date": "released", "undisclosed": self.value}.get(self.kind, "parameters")

    def holds(self, m: Model) -> bool | None:
        """Whether the model passes the filter, before negation; None when the article does not say."""
        if self.kind == "tag":
            return self.value in m.tags
        if self.kind == "is":  # one model, or any of several ("is:deepseek-v3,deepseek-r1")
            return m.id in self.value.split(",")
        if self.kind == "undisclosed":
            return _MISSING.get(self.value, lambda _: False)(m)
        if self.kind == "date":
            if m.released is None:
                return None
            if "," in self.value:  # several dates, "2023 or 2025": any of them
                return any(replace(self, value=one).holds(m) for one in self.value.split(","))
            iso = m.released.isoformat()
            if self.value.startswith("--"):  # a month (or a day) of any year
                return iso[4:].startswith(self.value[1:])
            if self.op == "<":
                return iso[: len(self.value)] < self.value
            if self.op == ">":
                return iso[: len(self.value)] > self.value
            start, _, end = self.value.partition("..")
            return start <= iso[: len(start)] and iso[: len(end or start)] <= (end or start)
        figures = _figures(m, self.kind)
        if not figures:
            return None
        if self.op == "~":  # given roughly: "lo..hi"
            low, _, high = self.value.partition("..")
            return any(float(low) <= f <= float(high) for f in figures)
        n = float(self.value)
        if self.op in "=^":  # one of its figures; or its only one
            near = [abs(f - n) <= SIZE_TOLERANCE * n for f in figures]
            return all(near) if self.op == "^" else any(near)
        return figures[0] > n if self.op == ">" else figures[0] < n

    def passes(self, m: Model) -> bool:
        held = self.holds(m)
        return held is not None and held != self.negated

    def verdict(self, m: Model) -> str:
        """The filter as a claim of the model: yes, no, or unknown (undisclosed, or a tag the article does not
        give: not said, not denied)."""
        held = self.holds(m)
        if held is None or (self.kind == "tag" and not held):
            return "unknown"
        return "yes" if held != self.negated else "no"


def _figures(m: Model, kind: str) -> list[float]:
    """Every figure of that kind the article gives: the total first, then versions and distilled sizes."""
    first = FIGURES[kind](m)
    if kind == "active" or first is None:
        return [first] if first else []
    return [first, *(b for _, b in m.variants), *(m.distilled_b or ())]


@dataclass(frozen=True)
class Rank:
    kind: str  # a ranking.FIGURE kind: largest, smallest, most-active, newest, earliest, ...
    op: str = ""  # "" the first, "@" the n-th, "*" the top n, "sort" all in order
    n: int = 1

    @property
    def key(self) -> str:
        if self.op == "sort":
            return f"sort:{self.kind}"
        return self.kind + (f"{self.op}{self.n}" if self.op else "")

    def apply(self, models: list[Model]) -> list[Model]:
        ranked = ranking.ordered(models, self.kind)
        if self.op == "sort":
            return ranked + ranking.unranked(models, self.kind)
        if self.op == "@":
            return ranked[self.n - 1: self.n]
        return ranked[: self.n if self.op == "*" else 1]


@dataclass(frozen=True)
class Selection:
    filters: tuple[Filter, ...] = ()
    rank: Rank | None = None
    count: bool = False

    @property
    def key(self) -> str:
        terms = [f.key for f in self.filters] + ([self.rank.key] if self.rank else []) + ["count"] * self.count
        return "&".join(terms) or "all"

    @property
    def is_plain(self) -> bool:
        """One positive filter and nothing else: the lists the bot always knew ("tag:moe", "date:2024")."""
        return not self.rank and not self.count and len(self.filters) == 1 and not self.filters[0].negated \
            and not any(mark in self.filters[0].value for mark in ("..", ","))

    def apply(self, models) -> list[Model]:
        chosen = [m for m in models if all(f.passes(m) for f in self.filters)]
        return self.rank.apply(chosen) if self.rank else chosen

    def unknown(self, models) -> list[Model]:
        """The models a filter could not decide (no date, no figure) and no other filter rules out:
        never listed, named apart."""
        return [m for m in models if any(f.holds(m) is None for f in self.filters)
                and all(f.passes(m) or f.holds(m) is None for f in self.filters)]


def parse(selector: str) -> Selection | None:
    """The selection a selector stands for, or None when it is not one ("search", "after:…", "x:among")."""
    if selector == "all":
        return Selection()
    filters, rank, count = [], None, False
    for term in selector.split("&"):
        if term == "count":
            count = True
        elif (match := _FILTER.fullmatch(term)) and match["kind"]:
            filters.append(Filter(match["kind"], ":", match["value"], bool(match["neg"])))
        elif match:
            filters.append(Filter(match["cmp_kind"], match["cmp"], match["cmp_value"], bool(match["neg"])))
        elif (ranked := _RANK.fullmatch(term)) and ranked["kind"] in ranking.DESCENDING and not rank:
            op = "sort" if term.startswith("sort:") else ranked["op"] or ""
            rank = Rank(ranked["kind"], op, int(ranked["n"] or 1))
        else:
            return None
    return Selection(tuple(filters), rank, count)


def select(kb: KnowledgeBase, selector: str) -> list[str]:
    """The models a list selector stands for: in the article's order, or in the ranking's."""
    kind, _, value = selector.partition(":")
    if kind in ("later", "earlier") and value in kb.by_id:  # every model released after / before this one
        pivot = kb.by_id[value].released
        if not pivot:
            return []
        selector = f"date{'>' if kind == 'later' else '<'}{pivot.isoformat()}&sort:earliest"
    elif kind == "relation":
        return [m.id for m in kb.models if m.id in set(related(kb, *value.split(":")))]
    selection = parse({"family": "all", "timeline": "sort:earliest"}.get(selector, selector))
    if selection is None:
        raise ValueError(f"unknown list selector {selector!r}")
    return [m.id for m in selection.apply(kb.models)]
