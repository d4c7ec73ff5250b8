"""Questions as a small query: select (filters, each negatable), order, take, count, check, compute.

"which models are not MoE", "the second largest", "2024 年下半年", "how many days between V3 and R1"
and "V3 是开源的吗" are each a combination of a few operators read from cue words in the lexicon
(`operators:`). A question with none of them is left to the intents, which answer the plain
cases (one filter, one superlative, one field)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.core import ranking, sources
from bot.core.cues import Cues, alternation
from bot.core.dates import date_spans, month_spans
from bot.core.gaps import Gaps
from bot.core.knowledge import KnowledgeBase
from bot.core.memory import Context
from bot.core.normalise import A_NOT_A, has_chinese
from bot.core.query import Query
from bot.core.selection import OPEN_END, Filter, Rank, Selection, amount

Span = tuple[int, int]
APPROXIMATE = 0.1  # a figure given roughly ("about 670B") is within a tenth of it


@dataclass(frozen=True)
class RankWords:
    """The words of a question that rank models: the kind of its first superlative ("largest"), its ordinal
    ("second", "第二大"), its "top 3"."""
    superlative: str | None
    ordinal: re.Match | None
    top: re.Match | None


# the brand, perhaps an adverb after it ("deepseek 还", "deepseek really"; not "deepseek models", which don't)
# "from … to …", "从 … 一直到 …", names cut out: a stretch of the lineage
_SPAN = re.compile(r"\bfrom\b.*\b(?:to|through|thru|till|until)\b|从.*到")
_AFTER_THE_BRAND = re.compile(r"deepseek\s*(?:还|也|就|并|has|have|really|actually)?\s*$")


class Operators:
    def __init__(self, kb: KnowledgeBase, cues: Cues):
        self.kb, self.cues = kb, cues
        lexicon = kb.lexicon["operators"]

        cue_set = cues.cue_set
        self.negation = cue_set(lexicon["negation"]["cues"])
        self.not_negation = cue_set(lexicon["negation"]["ignore"])
        self.lacks = {kb.normaliser(w) for w in lexicon["negation"]["lacks"]}
        self.reach = int(lexicon["negation_reach"])
        self.compared_with = cue_set(lexicon["compared_with"])
        self.compared_reach = int(lexicon["compared_with_reach"])
        self.disclosed = cue_set(lexicon["disclosed"])
        self.count = cue_set(lexicon["count"])
        self.not_count = cue_set(lexicon["not_count"])
        self.exclude = cue_set(lexicon["exclude"])
        self.sort = cue_set(lexicon["sort"])
        self.sort_direction = {kind: cue_set(words) for kind, words in lexicon["sort_direction"].items()}
        self.active = cue_set(lexicon["active"])
        self.approx_before = cue_set(lexicon["approximate"]["before"])
        self.approx_after = cue_set(lexicon["approximate"]["after"])
        self.range = cue_set(lexicon["range"])
        self.since = cue_set(lexicon["since"])
        self.between = cue_set(lexicon["between"])
        self.changed = cue_set(lexicon["changed"])
        self.same_size = cue_set(lexicon["same_size"])
        self._what = re.compile(r"(?:what|anything)\b")  # "what was released between …": which models
        self.either = cue_set(lexicon["either"])
        self.periods = {months: cue_set(words) for months, words in lexicon["periods"].items()}
        self.day_periods = {days: cue_set(words) for days, words in lexicon["day_periods"].items()}
        self.check = cue_set(lexicon["check"]["cues"])
        self.asks_what = cue_set(lexicon["check"]["asks_what"])
        self.comparative = cue_set(lexicon["comparative"])
        self.check_starts = {kb.normaliser(w) for w in lexicon["check"]["starts"]}
        self._check_openings = tuple(w + " " for w in self.check_starts)
        rhetorical = lexicon["rhetorical"]
        self.rhetorical_starts = tuple(kb.normaliser(w) + " " for w in rhetorical["starts"])
        self.rhetorical_negation = cue_set(rhetorical["negation"])
        self.rhetorical_ends = tuple(kb.normaliser(w) for w in rhetorical["ends"])
        self.checked_ends = tuple(" " + kb.normaliser(w) for w in rhetorical["checked"])
        self.difference = {kind: cue_set(words) for kind, words in lexicon["difference"].items()}
        self.ordinals = {kb.normaliser(str(w)): int(n) for w, n in lexicon["ordinals"].items()}
        self.generation = tuple(kb.normaliser(w) for w in lexicon["generation"])
        self.numbers = {kb.normaliser(str(w)): int(n) for w, n in lexicon["numbers"].items()}
        self.rank_words = {kb.normaliser(w): kind for kind, words in lexicon["rank_words"].items() for w in words}
        self.superlative_kind = {w: kind for kind, group in cues.superlative.items() for w in group.words}
        self._ordinal, self._top = self._rank_patterns(lexicon["measure"], lexicon["top"])
        self.gaps = Gaps(lexicon, cues)

    def _rank_patterns(self, measures: list[str], tops: list[str]) -> tuple[re.Pattern, list[re.Pattern]]:
        """An ordinal ("second", "第二个", "第二大"), and the three ways of saying "top 3" ("top 3 largest",
        "三个最大的", "最近发布的三个模型")."""
        measure = rf"\s*(?:{alternation(measures)})"
        number = f"(?P<n>{alternation(self.numbers)})"
        top, sup = alternation(tops), f"(?P<sup>{alternation(self.superlative_kind)})"
        word = rf"\s*(?P<w>{alternation(self.rank_words)})?"  # "第二大", "前两大"
        ordinal = re.compile(rf"(?P<o>{alternation(self.ordinals)})(?P<m>{measure})?{word}")
        return ordinal, [re.compile(rf"(?:{top})\s*{number}{measure}?{word}"),
                         re.compile(rf"{number}{measure}?\s*{sup}"),
                         re.compile(rf"{sup}[^0-9a-z]{{0,6}}?{number}{measure}")]  # "最近发布的三个模型"

    def understand(self, models: list[str], rest: str, context: Context | None = None,
                   outside: tuple[str, ...] = ()) -> Query | None:
        """The query a question makes of these operators, or None when it makes none. With no model
        named, "is it open source?" is about the models of the last answer (`context`); "how many days
        apart?" about its two, or its one and the one before ("V3 …", "R1 呢?"); "by how much?" is in what
        it was about. `outside`: names of models beyond the article's list the question holds ("coder v1.5")."""
        topic = self.topic(context.field, context.selector) if context else None
        if models := self._meant(models, rest, context, topic):
            return self._of_models(models, rest, topic, outside)
        return self._selection(self._respelled(rest))

    def _meant(self, models: list[str], rest: str, context: Context | None, topic: str | None) -> list[str]:
        """The models the question is about: the ones named, else those of the conversation."""
        return models if models or not context else self._talked_about(rest, context, topic)

    def _talked_about(self, rest: str, context: Context, topic: str | None) -> list[str]:
        """The models of the last answer a question that names none is about: two to tell apart ("how many days
        apart?"), or the ones "it" or "they" stand for in a yes-or-no question ("is it open source?")."""
        recent = context.models
        pair = (*recent, *context.earlier)[:2] if len(recent) == 1 else recent
        if len(pair) == 2 and self._difference(rest, topic):
            return list(pair)
        if recent and len(recent) <= 2 and rest in self.cues.pronouns and self.asks_yes_no(rest):
            return list(recent)
        if len(recent) >= 2 and rest in self.sort and rest in self.cues.pronouns:
            return list(recent)  # "sort them by date" after a comparison: those, in order
        return []

    def _of_models(self, models: list[str], rest: str, topic: str | None, outside: tuple[str, ...]) -> Query | None:
        """A difference, a relation, a claim, a count by a model's date, or every model but these: the operators
        a question about models makes, in that order."""
        if len(models) == 2 and (gap := self.gaps.claimed(rest)):
            return Query("compare", tuple(models), selector=gap.selector)  # "V3 比 V2 晚了七个多月,没记错吧"
        if len(models) == 2 and (diff := self._difference(rest, topic)):
            return self._computed(models, rest, diff)
        if len(models) >= 2 and rest in self.sort:  # "sort V3, R1 and Janus-Pro by release date"
            return self._selection(rest, among=models)
        if relation := self._relation_check(models, rest, outside):
            return relation
        if self.asks_yes_no(rest):
            return self._check(models, rest)  # a claim to check, or none the operators can read
        return (self._counted_by_date(models, rest) or self._between(models, rest) or self._span(models, rest)
                or self._bounded_by_size(models, rest) or self._all_but(models, rest))

    def _span(self, models: list[str], rest: str) -> Query | None:
        """"every model from Coder to Janus-Pro", "从 V2 一直到 V3": the models of the lineage from the one to the
        other, in the article's order, both counted; asked of no fact or change ("从 V2 到 V3 隔了多久" is a
        difference, "from V2 to V3, what changed?" a comparison)."""
        if len(models) != 2 or not _SPAN.search(rest) or self.cues.strong_fields_in(rest) or \
                rest in self.cues.compare or self.comparative.find(rest) or self.changed.find(rest):
            return None  # (what changed from the one to the other compares them)
        order = [m.id for m in self.kb.models]
        first, last = sorted(order.index(m) for m in models)
        spanned = tuple(order[first:last + 1])
        return Query("list", spanned, selector="all" if len(spanned) == len(order) else f"is:{','.join(spanned)}")

    def _between(self, models: list[str], rest: str) -> Query | None:
        """"which models came out between V2 and R1?", "V2 和 R1 之间还发布过哪个模型": those dated between the two,
        the two left out."""
        dates = sorted(d.isoformat() for m in models if (d := self.kb.by_id[m].released))
        if len(models) != 2 or len(dates) != 2 or not self.between.find(rest) or not (
                rest in self.cues.list or rest in self.cues.which_one or self._what.match(rest)) \
                or "released" not in self.cues.fields_in(rest):
            return None  # (not a pick between the two: "Between V3 and R1, which one is the reasoning model?")
        selection = Selection((Filter("date", ":", f"{dates[0]}..{dates[1]}"),
                               *(Filter("is", ":", m, True) for m in models)))
        return Query("list", tuple(m.id for m in selection.apply(self.kb.models)), selector=selection.key)

    def _computed(self, models: list[str], rest: str, diff: str) -> Query:
        """"was V3 released before R1? by how much?": the verdict on the claim, then the difference."""
        claimed = self._check(models, rest) if self.asks_yes_no(rest) else None
        verdict = f"{claimed.selector}&" if claimed and claimed.intent == "compare" else ""
        return Query("compare", tuple(models), selector=f"{verdict}diff:{diff}")

    def _counted_by_date(self, models: list[str], rest: str) -> Query | None:
        """"how many models came out after V3", "which moe models are before V3": its date is the bound."""
        relative = self.cues.relative_in(rest)
        if len(models) != 1 or not relative or not (pivot := self.kb.by_id[models[0]].released):
            return None
        tags = tuple(f for f in self._filters(rest, []) if f.kind == "tag")
        if not ((counted := self._counts(rest, list(tags))) or (tags and rest in self.cues.list)):
            return None
        dated = Filter("date", "<" if relative == "before" else ">", pivot.isoformat())
        selection = Selection((dated, *tags), count=counted)
        return Query("list", tuple(m.id for m in selection.apply(self.kb.models)), selector=selection.key)

    def _bounded_by_size(self, models: list[str], rest: str) -> Query | None:
        """"which models are bigger than V2?", "参数量比 V2 还大的有哪些": its size is the bound."""
        kind = self.cues.superlative_in(rest)
        if len(models) != 1 or kind not in ("largest", "smallest") or rest not in self.comparative \
                or not (pivot := self.kb.by_id[models[0]].total_b):
            return None
        tags = tuple(f for f in self._filters(rest, []) if f.kind == "tag")
        if not ((counted := self._counts(rest, list(tags))) or rest in self.cues.list):
            return None
        sized = Filter("params", ">" if kind == "largest" else "<", f"{pivot:g}")
        selection = Selection((sized, *tags), count=counted)
        return Query("list", tuple(m.id for m in selection.apply(self.kb.models)), selector=selection.key)

    def _all_but(self, models: list[str], rest: str) -> Query | None:
        """"除了 R1 以外哪些模型是开源的": the models other than the ones named."""
        cues = self.cues
        if rest in self.exclude and (rest in cues.list or rest in cues.which_one or cues.superlative_in(rest)):
            return self._selection(rest, excluded=models)
        return None

    def _respelled(self, rest: str) -> str:
        """"top 3 bigest models", "2nd largst": typos, in a list or rank question; "three" is no typo."""
        if not (rest in self.cues.list or self._ordinal.search(rest) or self._top[0].search(rest)):
            return rest
        return " ".join(w if w in self.numbers or w in self.ordinals else self.cues.spell(w) for w in rest.split(" "))

    # --- select, order, take, count -------------------------------------------------------------
    def picked(self, rest: str) -> Filter | None:
        """"VL2 or Janus-Pro, which one can generate images?", "R1 和 Janus-Pro 哪个有 1B 的版本": what picks among
        the models named: a tag, a date or a figure, the first one named."""
        found = self._tag_filters(rest) + self._date_filters(rest, self._period_spans(rest))
        if figure := self._figure(rest):
            found.append(figure)
        self._negate(found, rest, False)
        return min(found, key=lambda item: item[0])[1] if found else None

    def _selection(self, rest: str, excluded: list[str] = (), among: list[str] = ()) -> Query | None:
        periods = self._period_spans(rest)
        filters = self._filters(rest, periods, bool(excluded)) + [Filter("is", ":", m, True) for m in excluded] + (
            [Filter("is", ":", ",".join(among))] if among else [])
        rank = self._rank(rest, periods)
        counted = self._counts(rest, filters)
        # plain filters and superlatives are the intents' ("MoE models", "the largest in 2025", "the fp8 one")
        novel = (rank and (rank.op or rank.kind not in ranking.PLAIN)) or counted \
            or any(f.negated or ".." in f.value or "," in f.value or f.value.startswith("--") for f in filters) \
            or (len(filters) > 1 and any(f.kind != "tag" for f in filters))
        if not novel:
            return None
        selection = Selection(tuple(filters), rank, bool(counted))
        return Query("list", tuple(m.id for m in selection.apply(self.kb.models)), selector=selection.key)

    def _counts(self, rest: str, filters: list[Filter]) -> bool:
        """"how many models", "非 MoE 的有几个"; not "how many params does the fp8 one have"."""
        if not (match := self.count.find(rest)) or any(m.start() <= match.start() < m.end()
                                                        for m in self.not_count.find_all(rest)):
            return False
        after = rest[match.end():]
        asks_field = any((f := group.find(after)) and f.start() <= 1 for group in self.cues.fields.values())
        return rest in self.cues.list or bool(filters and not asks_field)

    def _filters(self, rest: str, periods: list[tuple[Span, str]], excluding: bool = False) -> list[Filter]:
        """Each filter the text names, at its position, negated by a negation just before it."""
        found = self._tag_filters(rest) + self._date_filters(rest, periods)
        if (figure := self._figure(rest)) and figure[1].op != "=":  # "more than 100B"
            found.append(figure)
        if undisclosed := self._undisclosed_filter(rest):
            found.append(undisclosed)
        self._negate(found, rest, excluding)
        return [f for _, f in sorted(found, key=lambda item: item[0])]

    def _tag_filters(self, rest: str) -> list[tuple[Span, Filter]]:
        found = [(match.span(), Filter("tag", ":", tag)) for tag, group in self.cues.tags.items()
                 if (match := group.find(rest))]
        # "R1 是闭源的?", "closed weights": not the tag, unless it names what a model is compared with; nor the
        # second half of an A-not-A question ("开不开源" asks whether it is 开源)
        asked = [m.span() for m in A_NOT_A.finditer(rest)]
        found += [(match.span(), Filter("tag", ":", tag, negated=True))
                  for tag, group in self.cues.tag_opposites.items()
                  if (match := group.find(rest)) and not self._compared_with(rest, match.start())
                  and not any(s <= match.start() < e for s, e in asked)]
        # "擅长代码" is strong-at-code, not also code: a tag cue inside a longer one does not count
        found = [(s, f) for s, f in found if not any(o[0] <= s[0] and s[1] <= o[1] and o != s for o, _ in found)]
        # "是 dense 还是 MoE", "开源还是闭源": a tag and its opposite both named ask which: the tag is checked
        named = {f.value for _, f in found if not f.negated}
        return [(s, f) for s, f in found if not (f.negated and f.value in named)]

    def _compared_with(self, rest: str, start: int) -> bool:
        """Whether "with", "than", "与" ... come just before `start` ("与顶尖闭源模型")."""
        before = rest[max(0, start - self.compared_reach - 8):start]
        return any(len(before) - m.end() <= self.compared_reach for m in self.compared_with.find_all(before))

    def _undisclosed_filter(self, rest: str) -> tuple[Span, Filter] | None:
        """"which models have no disclosed size", "哪些模型有论文": a fact the article gives or does not give."""
        fields = [f for f in self.cues.fields_in(rest) if f in ("released", "parameters", "paper")]
        # "没有公布" holds "有公布": a fact said to be missing wins over one said to be given
        # "which models have a paper" asks for a list; "the image one, does it have a paper?" asks a field
        unknown = self.cues.undisclosed.find(rest)
        if unknown and rest[max(0, unknown.start() - 1):unknown.start()] == "有":
            unknown = None  # "有没有论文" asks whether it has one (A-not-A), it says no paper is missing
        known = rest in self.cues.list and self.disclosed.find(rest)
        if fields and (cue := unknown or known):
            return cue.span(), Filter("undisclosed", ":", fields[0], negated=not unknown)
        return None

    def _negate(self, found: list[tuple[Span, Filter]], rest: str, excluding: bool) -> None:
        """Each negation ("not", "非") turns the first filter within its reach after it."""
        for match in self.negation.find_all(rest):
            # with models named to leave out, "除了" / "except" is about them, not about a filter
            if not self._is_negation(match, rest, found) or (excluding and self.exclude.find(match.group())):
                continue
            after = [(s, f) for s, f in found if match.end() <= s[0] <= match.end() + self.reach]
            if after:
                span, first = min(after, key=lambda item: item[0])
                found[found.index((span, first))] = (span, replace(first, negated=not first.negated))

    def _is_negation(self, match: re.Match, rest: str, found: list[tuple[Span, Filter]]) -> bool:
        """Not when it is part of a longer word ("非常", "不到"), of an A-not-A question ("开不开源", "能不能") or of a
        filter's own cue ("not disclosed")."""
        inside = [m.span() for m in (*self.not_negation.find_all(rest), *A_NOT_A.finditer(rest))] + [
            s for s, _ in found]
        # "deepseek 没有多模态吧", "deepseek doesn't have vision models": the family lacking it, no filter negated
        of_the_family = match.group() in self.lacks and _AFTER_THE_BRAND.search(rest[:match.start()])
        return not of_the_family and not any(s <= match.start() < e for s, e in inside)

    def _date_filters(self, rest: str, periods: list[tuple[Span, str]]) -> list[tuple[Span, Filter]]:
        """"in 2024", "between May 2024 and Jan 2025", "2024 年下半年", "after June 2024 and before 2025"."""
        dates = self._dates(rest)
        if not dates:  # "in January": that month of any year
            return [((start, end), Filter("date", ":", month)) for start, end, month in month_spans(rest)][:1]
        beside = [self._beside(rest, start, end) for start, end, _ in dates]
        if any(beside):  # each date with its own "before" / "after"
            return [((start, end), Filter("date", op or ":", iso))
                    for (start, end, iso), op in zip(dates, beside, strict=True)]
        return [self._dates_joined(rest, dates, periods) or self._first_date(rest, dates[0], periods)]

    def _dates(self, rest: str) -> list[tuple[int, int, str]]:
        figures = [m.span() for m in self.cues.figure.finditer(rest)]  # "超过 2000 亿" is no year
        return [d for d in date_spans(rest) if not any(s < d[1] and d[0] < e for s, e in figures)]

    def _dates_joined(self, rest: str, dates: list[tuple[int, int, str]],
                      periods: list[tuple[Span, str]]) -> tuple[Span, Filter] | None:
        """"2023 or 2025": any of them; "from late 2024 to early 2025": from the first to the last."""
        if len(dates) < 2:
            return None
        (start, end, first), last = dates[0], dates[-1]
        between = rest[end:last[0]]
        if between in self.either and between not in self.range:
            return (start, last[1]), Filter("date", ":", ",".join(iso for _, _, iso in dates))
        if rest in self.range:  # each end in its own part
            return (start, last[1]), Filter("date", ":", f"{self._part(first, start, end, periods, 0)}.."
                                                         f"{self._part(last[2], last[0], last[1], periods, 1)}")
        return None

    def _first_date(self, rest: str, date: tuple[int, int, str],
                    periods: list[tuple[Span, str]]) -> tuple[Span, Filter]:
        """"2024 年下半年", "late 2023": a part of the year; "before 2024": a bound; else that date."""
        start, end, first = date
        days = sorted((self._gap(start, end, m.span()), d) for d, group in self.day_periods.items()
                      for m in group.find_all(rest) if self._near(start, end, m.span()))
        if len(first) == 7 and days:  # "2025 年 1 月底": the part of that month
            low, high = days[0][1].split("..")
            return (start, end), Filter("date", ":", f"{first}-{low}..{first}-{high}")
        if any(self._near(start, end, span) for span, _ in periods):
            # "2024 年初到年中": one year, a part for each end
            ranged = rest in self.range
            value = (f"{self._part(first, start, end, periods, 0, ranged)}.."
                     f"{self._part(first, start, end, periods, 1, ranged)}")
            return (start, end), Filter("date", ":", value)
        if any(self._near(start, end, m.span()) for m in self.since.find_all(rest)):
            return (start, end), Filter("date", ":", f"{first}..{OPEN_END}")  # "from december 2024 onward": in it too
        relative = self.cues.relative_in(rest)
        return (start, end), Filter("date", {"before": "<", "after": ">"}.get(relative or "", ":"), first)

    @staticmethod
    def _gap(start: int, end: int, span: Span) -> int:
        return max(span[0] - end, start - span[1])

    def _near(self, start: int, end: int, span: Span) -> bool:
        return self._gap(start, end, span) <= 8

    def _part(self, year: str, start: int, end: int, periods: list[tuple[Span, str]], side: int,
              ranged: bool = False) -> str:
        """A year as the first (side 0) or last (1) month of the part of it named nearest it, else the year;
        `ranged`: of the first part named for side 0, of the last for side 1 ("年初到年中")."""
        near = sorted((span if ranged else (self._gap(start, end, span),), months) for span, months in periods
                      if len(year) == 4 and self._near(start, end, span))
        return f"{year}-{near[-side if ranged else 0][1].split('..')[side]}" if near else year

    def _beside(self, rest: str, start: int, end: int) -> str | None:
        """"<" or ">" when "before" / "after" stands right before the date in English ("after June 2024"),
        right after it in Chinese ("2024 年 5 月之后")."""
        for kind, group in self.cues.relative.items():
            if any(0 <= m.start() - end <= 3 if has_chinese(m.group()) else 0 <= start - m.end() <= 3
                   for m in group.find_all(rest)):
                return "<" if kind == "before" else ">"
        return None

    def _period_spans(self, rest: str) -> list[tuple[Span, str]]:
        return [(m.span(), months) for months, group in self.periods.items() for m in group.find_all(rest)]

    def _rank(self, rest: str, periods: list[tuple[Span, str]]) -> Rank | None:
        """"the largest", "the second newest", "top 3 biggest", "sort them by date": how the models are ordered,
        and how many taken."""
        words = self._rank_words(rest, periods)
        kind = self._rank_kind(words)
        fields = self.cues.fields_in(rest)
        default = "largest" if "parameters" in fields else "earliest" if "released" in fields else None
        if rest in self.sort and not (kind and rest in self.cues.which_one):
            # (not "按时间线排,排在最后面的是哪个": which one is last)
            return self._sort(rest, kind or default)
        if not (kind := kind or default):
            return None
        kind = self._active(kind, rest)
        if words.ordinal:
            return Rank(kind, "@", self.ordinals[words.ordinal["o"]])
        if words.top:
            return Rank(kind, "*", self.numbers[words.top["n"]])
        return Rank(kind) if words.superlative else None

    def _rank_words(self, rest: str, periods: list[tuple[Span, str]]) -> RankWords:
        taken = [span for span, _ in periods]  # "第二季度", "first half": a part of a year, not a rank
        found = sorted((m.start(), kind) for kind, group in self.cues.superlative.items()
                       for m in group.find_all(rest) if _free(m, taken))
        if found and found[0][1] == "newest" and self.cues.only_lately(rest):
            found = found[1:]  # "最近公司在讨论…": lately, no rank
        ordinal = next((m for m in self._ordinal.finditer(rest) if self._ranks(m, rest, taken)), None)
        top = next((m for pattern in self._top for m in pattern.finditer(rest) if _free(m, taken)), None)
        return RankWords(found[0][1] if found else None, ordinal, top)

    def _ranks(self, ordinal: re.Match, rest: str, taken: list[Span]) -> bool:
        """"第二个", "第二大", "second"; not "第二代", "second generation"."""
        generation = rest[ordinal.end("o"):].lstrip().startswith(self.generation)
        return _free(ordinal, taken) and not generation and bool(
            ordinal["m"] or ordinal["w"] or not has_chinese(ordinal["o"]))

    def _rank_kind(self, words: RankWords) -> str | None:
        """What is ranked by: the ordinal's own word ("第二大"), else the top N's ("three largest", "前两大"),
        else the superlative."""
        ordinal, top = words.ordinal, words.top
        if ordinal:
            return self.rank_words.get(ordinal["w"] or "") or words.superlative
        if top and top.groupdict().get("sup"):
            return self.superlative_kind[top["sup"]]
        if top and top.groupdict().get("w"):
            return self.rank_words[top["w"]]
        return words.superlative

    def _sort(self, rest: str, kind: str | None) -> Rank:
        """"sort them by date", "从新到旧排列": every model in order, the direction said or else the kind ranked."""
        direction = next((k for k, group in self.sort_direction.items() if group.find(rest)), None)
        return Rank(self._active(direction or kind or "earliest", rest), "sort")

    def _active(self, kind: str, rest: str) -> str:
        """"the most active parameters": ranked by the parameters activated per token."""
        if kind in ("largest", "smallest") and rest in self.active:
            return "most-active" if kind == "largest" else "least-active"
        return kind

    # --- compute and check ----------------------------------------------------------------------
    def _difference(self, rest: str, topic: str | None = None) -> str | None:
        """The field two models are to be told apart by, in days or in parameters; where the question does
        not say, the `topic` talked about ("which is bigger?" then "by how much?"), else both ("V2 和 V3 差多少")."""
        for field in ("released", "parameters"):
            if rest in self.difference[field]:
                return field
        if rest in self.difference["either"]:
            fields = [f for f in self.cues.fields_in(rest) if f in ("released", "parameters")]
            kind = self.cues.superlative_in(rest)
            return fields[0] if fields else "parameters" if kind in ranking.SIZES else topic or "both"
        if rest in self.difference["amount"] and (kind := self.cues.superlative_in(rest)):
            return "parameters" if kind in ranking.SIZES else "released"  # "how much is V3 bigger than V2?"
        return None

    @staticmethod
    def topic(field: str | None, selector: str | None) -> str | None:
        """What an answer was about, as a difference reads it: its field, or what it ranked or computed."""
        if field in ("released", "parameters"):
            return field
        kind = (selector or "").split("&")[-1].removeprefix("check:").removeprefix("diff:").removesuffix(":among")
        if kind in ("released", "parameters"):
            return kind
        return ranking.field_of(kind) if kind in ranking.DESCENDING else None

    def asks_yes_no(self, rest: str) -> bool:
        first = rest.split(" ", 1)[0]
        bare_tag = any((m := group.find(rest)) and m.group() == rest.strip() for group in self.cues.tags.values())
        # "是 dense 还是 MoE", "开源还是闭源": which of a tag and its opposite holds is a yes or a no on the tag
        either = any(group.find(rest) and self.cues.tags[tag].find(rest)
                     for tag, group in self.cues.tag_opposites.items())
        return first in self.check_starts or rest.startswith(self._check_openings) \
            or rest in self.check or bare_tag or either  # "v3 open source?"

    def _check(self, models: list[str], rest: str) -> Query | None:
        """"is V3 bigger than R1?" claims a ranking; "is R1 open source?" claims a filter of one model, "are R1 and
        V3 open source?" of each."""
        if len(models) == 2 and (ranked := self._ranking_claim(models, rest)):
            return ranked
        if len(models) == 1 and (superlative := self._superlative_claim(models, rest)):
            return superlative
        return self._stated_claims(models, rest)

    def _ranking_claim(self, models: list[str], rest: str) -> Query | None:
        """"is V3 bigger than R1?", "was V3 released before R1?", "R1 比 V3 新吗": which of two ranks first; "are
        V3 and R1 the same size?": whether their totals are one."""
        if self.same_size.find(rest):
            return Query("compare", tuple(models), selector="check:same-size")
        relative = self.cues.relative_in(rest)
        kind = (self.cues.superlative_in(rest) or {"after": "newest", "before": "earliest"}.get(relative or "")
                or self._compared(rest))
        return Query("compare", tuple(models), selector=f"check:{kind}") if kind in ranking.DESCENDING else None

    def _superlative_claim(self, models: list[str], rest: str) -> Query | None:
        """"is R1 the newest?", "V3 是最大的吗": a rank claimed of one model, in a question that claims no figure
        or date of it."""
        superlative = self.cues.superlative_in(rest)
        if not superlative or rest in self.comparative or self._figure(rest) or self._date_claim(rest):
            return None
        scope = [f for f in self._filters(rest, []) if f.kind == "tag"]
        ranked = Selection(tuple(scope), Rank(self._active(superlative, rest)))
        return Query("field", tuple(models), field=ranking.field_of(superlative), selector=f"check:{ranked.key}")

    def _stated_claims(self, models: list[str], rest: str) -> Query | None:
        """Every claim the message makes: "v2 came out on may 7 2024 and has 236b params, right?"; asked with a
        rhetorical negation, the claim without it ("isn't R1 closed source?" claims it is closed)."""
        if self._rhetorical(rest):
            rest = self._without_rhetorical(rest)
        found = [f for _, f in self._figures(rest)] + self._filters(rest, self._period_spans(rest))
        if not found and len(models) == 1 and self.cues.one_size.find(rest) and (
                total := self.kb.by_id[models[0]].total_b):
            found = [Filter("params", "^", amount(total))]  # "DeepSeek LLM only comes in one size"
        # (a fact said to be missing is claimed: "DeepSeekMoE has no single release date, right?"; one said to be
        # given only asks for it: "does it have a paper?")
        claims = [c for c in dict.fromkeys(found) if c.kind != "undisclosed" or not c.negated]
        if not claims:
            return None
        return Query("field", tuple(models), field=self._claimed_field(models[0], claims[0]),
                     selector="check:" + "&".join(c.key for c in claims))

    def _claimed_field(self, model: str, claim: Filter) -> str:
        """The field a claim is about; a tag's is the line its words stand in (R1's 低成本: its significance)."""
        if claim.kind == "tag":
            return sources.tag_line(self.kb.by_id[model], claim.value) or claim.field
        return claim.field

    def _relation_check(self, models: list[str], rest: str, outside: tuple[str, ...]) -> Query | None:
        """"is DeepSeekMath based on Coder v1.5?", "R1 有蒸馏的小模型吗", "r1 distilled into smaller models?":
        a relation claimed of the first model, with the second model or a name the article mentions (or
        no one: any such relation). A claim of a tag ("V3 是基于 MoE 的吗") stays a tag check."""
        kinds = self.cues.relations_in(rest)
        if not kinds or len(models) > 2 or rest in self.asks_what or not (
                self._states_relation(rest, kinds[0]) or self.asks_yes_no(rest)):
            return None
        other = self._related_to(models, outside)
        if other is None and (self._figure(rest) or self._filters(rest, [])):
            return None  # "does r1 come in a 7b distilled size?" claims a figure
        return Query("field", tuple(models), field="features",
                     selector=f"check:relation:{kinds[0]}" + (f":{other}" if other else ""))

    def _states_relation(self, rest: str, kind: str) -> bool:
        """"r1 distilled into smaller models?", "DeepSeekMath 是拿 Coder v1.5 7B 做底座的?": a statement of the
        relation, it first or said to be so ("是…"), with no question word."""
        cue = self.cues.relations[kind].find(rest)
        return bool(cue and (cue.start() == 0 or rest.startswith("是")) and not self.cues.strong_fields_in(
            rest[cue.end():]) and rest not in self.cues.which_one)

    def _related_to(self, models: list[str], outside: tuple[str, ...]) -> str | None:
        """The other side of a relation claimed: the second model named, else a model beyond the article's list
        that the article mentions ("coder v1.5")."""
        if len(models) == 2:
            return models[1]
        return next((e.name for e in map(self.kb.uncovered, outside) if e and e.mentioned_by), None)

    def _rhetorical(self, rest: str) -> bool:
        """"isn't R1 open source?", "R1 不是开源的吗": asks whether it is, not whether it is not (but "R1 isn't open
        source, right?" claims it is not)."""
        if f" {rest.rstrip()}".endswith(self.checked_ends):
            return False
        return rest.startswith(self.rhetorical_starts) or (
            rest in self.rhetorical_negation and rest.rstrip().endswith(self.rhetorical_ends))

    def _without_rhetorical(self, rest: str) -> str:
        """"isn t closed source" -> "closed source", "不是闭源的吗" -> "闭源的吗"."""
        if start := next((s for s in self.rhetorical_starts if rest.startswith(s)), None):
            return rest[len(start):]
        found = self.rhetorical_negation.find(rest)
        return f"{rest[:found.start()]} {rest[found.end():]}" if found else rest

    def _compared(self, rest: str) -> str | None:
        """"比 R1 多", "比 V3 早": the rank word after the comparison word."""
        if match := self.comparative.find(rest):
            return next((kind for word, kind in self.rank_words.items() if word in rest[match.end():]), None)
        return None

    def computes(self, models: list[str], rest: str) -> bool:
        """Whether the question asks for a difference between two models ("how much earlier")."""
        return len(models) == 2 and self._difference(rest) is not None

    def _date_claim(self, rest: str) -> Filter | None:
        dated = self._date_filters(rest, self._period_spans(rest))
        return dated[0][1] if dated else None

    def _figure(self, rest: str) -> tuple[Span, Filter] | None:
        figures = self._figures(rest)
        return figures[0] if figures else None

    def _figures(self, rest: str) -> list[tuple[Span, Filter]]:
        """"671B", "超过 2000 亿", "37b active": each parameter count, in billions, as a claim or a bound; of
        several ("671B total with 37B active"), the one nearest an "active" word counts activated ones."""
        matches = list(self.cues.figure.finditer(rest))
        cues = self.cues
        # ("the smallest is only 1.5B", "最小只有 15 亿": "only" of a rank is "as small as", not the one size)
        only = rest in cues.only and not cues.superlative_in(rest)
        op = ">" if rest in cues.more else "<" if rest in cues.less else "^" if only else "="
        nearest = {min(matches, key=lambda m: self._gap(*m.span(), cue.span())).start()
                   for cue in self.active.find_all(rest)} if matches else set()
        return [(m.span(), Filter("active" if m.start() in nearest else "params", *self._claimed(m, rest, op)))
                for m in matches]

    def _claimed(self, figure: re.Match, rest: str, op: str) -> tuple[str, str]:
        """The operator and value of a figure: exact ("=", "671"), a bound, or given roughly ("~", "603..737":
        "about 670B", "670B 左右"; "~", "600..700": "600-something billion", "六千多亿")."""
        billions = self.cues.billions(figure)
        if op != "=":  # a bound, or the only size ("^")
            return op, amount(billions)
        if figure["odd"]:  # from it to the next round number of its own size
            step = 10 ** (len(figure["n"].split(".")[0]) - 1) * self.cues.units[figure["unit"]]
            return "~", f"{amount(billions)}..{amount(billions + step)}"
        before, after = rest[:figure.start()].rstrip(), rest[figure.end():].lstrip()
        said_after = self.approx_after.find(after)
        if (said_after and said_after.start() == 0) or any(m.end() == len(before)
                                                           for m in self.approx_before.find_all(before)):
            return "~", f"{amount(billions * (1 - APPROXIMATE))}..{amount(billions * (1 + APPROXIMATE))}"
        return "=", amount(billions)


def _free(match: re.Match, taken: list[Span]) -> bool:
    """Not inside a span that other words took."""
    return not any(s <= match.start() < e for s, e in taken)
