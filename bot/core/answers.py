"""Step 6: compose the reply from the facts only.

Where the article says a fact is not disclosed, the reply says so in the article's words;
a value is never borrowed from another model."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import replace

from bot.core import ranking, sources
from bot.core.claims import sentences
from bot.core.gaps import Gap
from bot.core.knowledge import RELATION_KINDS, KnowledgeBase, Model
from bot.core.phrases import say
from bot.core.query import Query
from bot.core.relations import stated
from bot.core.reply import Reply
from bot.core.selection import OPEN_END, Filter, Selection, parse, select


def _b(value: float) -> str:
    return f"{value:g}"


def _spoken_date(prefix: str, lang: str) -> str:
    """"2024-12" as "December 2024" / "2024 年 12 月"; "--12" (any year) as "December" / "12 月"."""
    if prefix.startswith("--"):  # a month, or a day, of any year
        month, _, day = prefix[2:].partition("-")
        if lang == "zh":
            return f"{int(month)} 月" + (f" {int(day)} 日" if day else "")
        return calendar.month_name[int(month)] + (f" {int(day)}" if day else "")
    parts = [int(p) for p in prefix.split("-")]
    if lang == "zh":
        return " ".join(f"{n} {unit}" for n, unit in zip(parts, ("年", "月", "日"), strict=False))
    year, month, day = ([*parts, 0, 0])[:3]
    if not month:
        return str(year)
    name = calendar.month_name[month]
    return f"{name} {day}, {year}" if day else f"{name} {year}"


def _full_months(start: dt.date, end: dt.date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)


class Composer:
    def __init__(self, kb: KnowledgeBase):
        self.kb = kb

    def compose(self, query: Query, lang: str, brief: bool = False) -> Reply:
        """The reply to `query`; `brief`, as one part of several, a decline says only why."""
        reply = self._compose(query, lang)
        if query.intent != "none" and (query.reason or "").startswith("variant:"):  # scope.for_variants
            note = say(lang, "variant_note", variant=query.reason.removeprefix("variant:"),
                       name=self.kb.by_id[query.models[0]].name[lang])
            reply = replace(reply, description="\n".join(x for x in (note, reply.description) if x))
        if brief and query.intent == "none":
            reply = replace(reply, description=self._why(query, lang))
        if sources.source_of(self.kb, query) is None:  # the footer cites the article where the reply quotes it
            reply = replace(reply, footer="")
        return reply

    def _compose(self, query: Query, lang: str) -> Reply:
        if query.intent == "model":
            return self._overview(self.kb.by_id[query.models[0]], lang)
        if query.intent == "field":
            return self._field(query, lang)
        if query.intent == "list":
            return self._list(query, lang)
        if query.intent == "compare":
            return self._compare(query, lang)
        return self._decline(query, lang)

    # --- pieces ---------------------------------------------------------------------------------
    def _footer(self, lang: str, models: list[Model]) -> str:
        a = self.kb.article
        text = say(lang, "source", title=a.title["en"], zh_title=a.title["zh"], date=a.published.isoformat(),
                   dated_by=a.dated_by[lang])
        if len(models) == 1:
            text += say(lang, "section", n=models[0].section)
        return text

    def _names(self, ids, lang: str) -> str:
        return say(lang, "joiner").join(self.kb.by_id[i].name[lang] for i in ids)

    def value(self, model: Model, field: str, lang: str) -> str:
        """One field of one model, in the reply language, as the article states it."""
        if field == "released":
            return model.released_text[lang]
        if field == "parameters":
            return model.parameters_text[lang]
        if field == "paper":
            if model.paper_title:
                return say(lang, "quote", title=model.paper_title)
            return model.paper_text[lang] if model.paper_text else say(lang, "not_disclosed")
        return getattr(model, field)[lang]

    def short_size(self, model: Model, lang: str) -> str:
        parts = []
        if model.total_b:
            parts.append(say(lang, "b_total", n=_b(model.total_b)) if not model.variants
                         else " / ".join(f"{_b(b)}B" for _, b in model.variants))
        if model.active_b:
            parts.append(say(lang, "b_active", n=_b(model.active_b)))
        if model.distilled_b:
            lo, hi = model.distilled_b
            parts.append(say(lang, "b_distilled", lo=_b(lo), hi=_b(hi)))
        if model.size_example:
            mid, b = model.size_example
            parts.append(say(lang, "b_example", name=self.kb.by_id[mid].name[lang], n=_b(b)))
        if model.sizes_from_names:
            parts.append(say(lang, "b_from_names"))
        return say(lang, "joiner").join(parts) or say(lang, "not_disclosed")

    def ranked_value(self, model: Model, kind: str, lang: str) -> str:
        """What a ranking of `kind` reads of the model, shortly: its size or its date."""
        return self.short_size(model, lang) if kind in ranking.SIZES else self.short_date(model, lang)

    def short_date(self, model: Model, lang: str) -> str:
        # "not given", not "not disclosed": the article gives DeepSeekMoE no single date, it withholds none
        return model.released.isoformat() if model.released else say(lang, "not_dated")

    def _tags(self, model: Model, lang: str) -> str:
        return say(lang, "joiner").join(self.kb.tag_name(t, lang) for t in model.tags)

    def _line(self, model: Model, lang: str) -> str:
        released = say(lang, "labelled", label=say(lang, "released"), value=self.short_date(model, lang))
        size = say(lang, "labelled", label=say(lang, "parameters"), value=self.short_size(model, lang))
        return f"{model.name[lang]} — {released} · {size}"

    # --- answer types ---------------------------------------------------------------------------
    def _overview(self, m: Model, lang: str) -> Reply:
        sep = ":" if lang == "zh" else " — "
        fields = [
            (say(lang, "released"), m.released_text[lang], True),
            (say(lang, "parameters"), m.parameters_text[lang], True),
            (say(lang, "tags"), self._tags(m, lang), True),
            (say(lang, "significance"), m.significance[lang], False),
            (say(lang, "paper"), self.value(m, "paper", lang), False),
        ]
        if m.relations:
            fields.append((say(lang, "relations"), "\n".join(r.text[lang] for r in m.relations), False))
        # the article's subtitle where it has one; else the name alone, never a subtitle of ours
        title = f"{m.name[lang]}{sep}{m.headline[lang]}" if m.headline else m.name[lang]
        return Reply(title=title, description=m.features[lang],
                     fields=tuple(fields), family=m.family, footer=self._footer(lang, [m]),
                     url=self.kb.article.source)

    def _field(self, query: Query, lang: str) -> Reply:
        """One field (a fact, or a verdict on a claim), then each further field the message asks."""
        reply = self._first_field(query, lang)
        claims = parse(query.selector[6:]) if (query.selector or "").startswith("check:") else None
        checked = {f.field for f in claims.filters} if claims else set()  # a field with its verdict is said
        lines = [say(lang, "field_line", name=m.name[lang], label=say(lang, field), value=self.value(m, field, lang))
                 for field in query.also if field not in checked for m in (self.kb.by_id[i] for i in query.models)]
        if not lines:
            return reply
        return replace(reply, description="\n".join([reply.description, *lines]))

    def _first_field(self, query: Query, lang: str) -> Reply:
        if (query.selector or "").startswith("check:relation:"):
            kind, _, other = query.selector.removeprefix("check:relation:").partition(":")
            return self._relation_check(self.kb.by_id[query.models[0]], kind, other, lang)
        if (query.selector or "").startswith("relation:"):  # one model's own link, a fact of it
            return self._relation(query.selector.removeprefix("relation:"), [self.kb.by_id[query.models[0]]], lang)
        if (query.selector or "").startswith("check:text:"):
            return self._text_check(self.kb.by_id[query.models[0]], query.field, query.selector, lang)
        if (query.selector or "").startswith("check:"):
            claim = parse(query.selector[6:])
            models = [self.kb.by_id[i] for i in query.models]
            if claim.rank:
                return self._rank_check(models[0], claim, lang)
            # each claim of each model, its verdict first ("are R1 and V3 open source?": each said)
            checks = [self._check(m, f, lang) for m in models for f in claim.filters]
            lines = list(dict.fromkeys(c.description for c in checks))  # one sentence settles "7B and 67B" once
            verdicts = {f.verdict(m) for m in models for f in claim.filters}
            if "no" in verdicts and len(verdicts) > 1:  # the claim as a whole is not so: said first
                lines.insert(0, say(lang, "check_mixed"))
            title = checks[0].title if len(models) == 1 else \
                f"{self._names(query.models, lang)} · {checks[0].title.partition(' · ')[2]}"
            return replace(checks[0], title=title, description="\n".join(lines),
                           footer=self._footer(lang, models), family=checks[0].family if len(models) == 1 else None)
        models = [self.kb.by_id[i] for i in query.models]
        label = say(lang, query.field)
        lines = [say(lang, "field_line", name=m.name[lang], label=label, value=self.value(m, query.field, lang))
                 for m in models]
        if len(models) == 1 and (words := self._article_words(models[0], query.field, lang)):
            lines.append(words)  # the card's words are ours (a translation, or "(671B)" added): the article's beside
        fields = ()
        if query.field == "paper" and len(models) == 1 and models[0].paper_summary:
            fields = ((say(lang, "paper_summary"), models[0].paper_summary[lang], False),)
        title = f"{self._names(query.models, lang)} · {label}"
        return Reply(title=title, description="\n".join(lines), fields=fields,
                     family=models[0].family if len(models) == 1 else None,
                     footer=self._footer(lang, models), url=self.kb.article.source)

    def _article_words(self, m: Model, field: str, lang: str) -> str:
        """The article's own words for a field, where the card's are not they: in Chinese where the card adds to
        them ("原文:“总参数高达 6710 亿…”" under "6710 亿(671B)"), in English for the sentences it translates
        (features, significance, a paper line that is no title); a date or a figure in English is a value."""
        if lang == "en" and field in ("released", "parameters"):
            return ""
        quoted = sources.quote(m, field)
        ours = self.value(m, field, lang)
        if "".join(quoted.split()).strip("《》“”") in "".join(ours.split()).strip("《》“”"):
            return ""
        return say(lang, "article_line", zh=quoted)

    def _check(self, m: Model, claim: Filter, lang: str) -> Reply:
        """Yes or no first, then the article's words that decide it; where the article is silent, that."""
        held, name = claim.holds(m), m.name[lang]
        if claim.kind == "tag":
            tag = self.kb.tag_name(claim.value, lang)
            title, value, words = f"{name} · {tag}?", tag, m.tag_quotes.get(claim.value)
        else:
            label = say(lang, claim.field)
            title, value = f"{name} · {label}", self.value(m, claim.field, lang)
            # the card's value may add "(671B)"; what is quoted is the article's own line, character for character
            words = {"zh": sources.quote(m, claim.field), "en": self.value(m, claim.field, "en")}
        if held is None:
            # (what is not given may be the count activated per token, beside a total the article gives)
            fact = "active" if claim.kind == "active" else claim.field
            lines = [say(lang, "check_undisclosed", name=name, label=say(lang, f"fact_{fact}"))]
            if claim.kind == "active" and m.total_b:
                lines.append(say(lang, "check_gives", value=value))
        elif claim.kind == "tag" and not held:  # a tag the article does not give is not said, not denied
            lines = [say(lang, "check_untagged", name=name, tag=value)]
        else:
            lines = [say(lang, "yes" if held != claim.negated else "no", name=name, value=value),
                     say(lang, "article_words", **words)]
        return Reply(title=title, description="\n".join(lines), family=m.family, footer=self._footer(lang, [m]),
                     url=self.kb.article.source)

    def _text_check(self, m: Model, field: str, selector: str, lang: str) -> Reply:
        """A claim checked against the article's sentences ("check:text:yes:<zh>:<en>", each the index of the
        closest sentence of the field): the verdict with that sentence, then the article's line it is in."""
        verdict, zh, en = selector.removeprefix("check:text:").split(":")
        said = sentences(m, field, lang)
        at = int(zh if lang == "zh" else en)
        sentence = said[at] if at < len(said) else self.value(m, field, lang)
        lines = [say(lang, f"text_{verdict}", name=m.name[lang], label=say(lang, field), sentence=sentence),
                 say(lang, "original", zh=sources.quote(m, field))]
        return Reply(title=f"{m.name[lang]} · {say(lang, field)}", description="\n".join(lines), family=m.family,
                     footer=self._footer(lang, [m]), url=self.kb.article.source)

    def _relation_check(self, m: Model, kind: str, other: str, lang: str) -> Reply:
        """"is DeepSeekMath based on DeepSeek Coder?": yes where the files state that relation with that
        model (or name, or anyone when none is named); else that the article does not say it, and what it does say."""
        found = stated(self.kb, m.id, kind)
        # "V2 是基于 DeepSeekMoE 的吗": with the other side named, a link of another kind the files state counts
        linked = [(s, r) for k in dict.fromkeys((kind, *RELATION_KINDS)) for s, r in stated(self.kb, m.id, k)
                  if other in {s.id, *r.models, *r.names} - {m.id}] if other else found
        shown = self.kb.by_id[other].name[lang] if other in self.kb.by_id else other or say(lang, "relations")
        if linked:
            said, relation = linked[0]
            lines = [say(lang, "yes", name=said.name[lang], value=relation.text[lang]),
                     say(lang, "article_words", zh=relation.quote, en=relation.text["en"])]
        elif other and kind == "based_on" and found and not self._a_version_of(other, found[0][1].names):
            # one base, and the files state another ("DeepSeekMath 是在 DeepSeek LLM 67B 上训出来的?": Coder-v1.5 7B)
            said, relation = found[0]
            lines = [say(lang, "no", name=said.name[lang], value=relation.text[lang]),
                     say(lang, "article_words", zh=relation.quote, en=relation.text["en"])]
        else:
            lines = [say(lang, "check_unrelated", name=m.name[lang], other=shown) if other
                     else say(lang, "relation_none", name=m.name[lang]),
                     *(say(lang, "article_words", zh=r.quote, en=r.text["en"]) for _, r in found)]
        return Reply(title=f"{m.name[lang]} · {shown}?", description="\n".join(lines), family=m.family,
                     footer=self._footer(lang, [m]), url=self.kb.article.source)

    def _a_version_of(self, model_id: str, names: tuple[str, ...]) -> bool:
        """One of the names is a version of the model ("DeepSeek-Coder-v1.5 7B" of DeepSeek Coder)."""
        if model_id not in self.kb.by_id:
            return False
        own = self.kb.normaliser(self.kb.by_id[model_id].name["en"])
        return any(self.kb.normaliser(name).startswith(own) for name in names)

    def _rank_check(self, m: Model, claim: Selection, lang: str) -> Reply:
        """"is R1 the newest model?": yes or no, then the one that is, among the models the article ranks."""
        kind = claim.rank.kind
        field = ranking.field_of(kind)
        ranked = claim.apply(self.kb.models)
        if not ranking.FIGURE[kind](m) or not ranked:
            line = say(lang, "check_undisclosed", name=m.name[lang], label=say(lang, f"fact_{field}"))
        else:
            best = ranked[0]
            verdict = say(lang, kind, name=best.name[lang], value=self.ranked_value(best, kind, lang), other="")
            line = say(lang, "yes_compare" if best is m else "no_compare", verdict=verdict)
        notes = [say(lang, "among", parts=self._where(claim.filters, lang))] if claim.filters else []
        unranked = ranking.unranked(Selection(claim.filters).apply(self.kb.models), kind)
        if unranked:
            notes.append(say(lang, "unranked", names=self._names([u.id for u in unranked], lang)))
        return Reply(title=f"{m.name[lang]} · {say(lang, field)}", description="\n".join([line, *notes]),
                     family=m.family, footer=self._footer(lang, [m]), url=self.kb.article.source)

    def _list(self, query: Query, lang: str) -> Reply:
        selector = query.selector or "all"
        ids = list(query.models) or select(self.kb, selector)
        models = [self.kb.by_id[i] for i in ids]
        kind, _, value = selector.partition(":")
        selection = parse(selector)
        if selection and selector not in ("all", *ranking.PLAIN) and not selection.is_plain:
            return self._selection(models, selection, lang)
        notes: list[str] = []
        single = kind != "search" or len(models) == 1
        if kind in ("largest", "smallest", "newest", "earliest", "after", "before", "search") and models and single:
            m = models[0]
            shown = self.ranked_value(m, kind, lang)
            other = self.kb.by_id[value].name[lang] if value in self.kb.by_id else ""
            title = say(lang, kind, name=m.name[lang], value=shown, other=other)
            # chosen among the models just compared, the others are not in question
            if value != "among" and kind != "search":
                notes.append(say(lang, "unranked", names=self._unranked(self.kb.models, kind, lang)))
            description = m.features[lang] if kind == "search" else ""
        elif kind == "relation":
            return self._relation(value, models, lang)
        else:
            title = self.list_title(selector, lang, len(models))
            if kind == "family":
                notes.append(f"{self.kb.article.intro[lang]}\n{say(lang, 'family_note')}")
            if kind.startswith("date") or kind in ("later", "earlier"):
                notes.append(say(lang, "list_undated", names=self._unranked(self.kb.models, "newest", lang)))
            elif kind.startswith("params"):
                notes.append(say(lang, "list_unsized", names=self._unranked(self.kb.models, "largest", lang)))
            description = "" if models else say(lang, "list_empty")
        return Reply(title=title, description="\n".join(x for x in (description, *notes) if x),
                     bullets=tuple(self._line(m, lang) for m in models),
                     family=models[0].family if len(models) == 1 else None,
                     footer=self._footer(lang, models), url=self.kb.article.source)

    def list_title(self, selector: str, lang: str, count: int | None = None) -> str:
        n = len(self.kb.models) if count is None else count
        if selector == "search":
            return say(lang, "search_many", n=n)
        if selector in ("all", "timeline", "family"):
            return say(lang, "list_all" if selector == "all" else selector, n=n)
        kind, _, value = selector.partition(":")
        if kind in ("later", "earlier"):
            return say(lang, f"list_{kind}", name=self.kb.by_id[value].name[lang])
        return say(lang, "list_where", parts=self._where(parse(selector).filters, lang))

    def _where(self, filters: tuple[Filter, ...], lang: str) -> str:
        """What the filters keep, in words: "not tagged MoE, released in 2025"."""
        return say(lang, "where_joiner").join(self._term(f, lang) for f in filters)

    def _term(self, f: Filter, lang: str) -> str:
        key = ("!" if f.negated else "") + f.kind + f.op
        if f.kind == "tag":
            return say(lang, key, tag=self.kb.tag_name(f.value, lang))
        if f.kind == "undisclosed":
            return say(lang, key, label=say(lang, f"fact_{f.value}"))
        if f.kind == "is" and "," in f.value:  # "sort V3, R1 and Janus-Pro by date": among those named
            return say(lang, f"{key}several", names=self._names(f.value.split(","), lang))
        if f.kind == "is":
            return say(lang, key, name=self.kb.by_id[f.value].name[lang])
        if f.kind == "date" and "," in f.value:  # "released in 2023 or 2025"
            dates = say(lang, "either_joiner").join(_spoken_date(one, lang) for one in f.value.split(","))
            return say(lang, key, when=dates)
        if f.kind == "date":
            start, _, end = f.value.partition("..")
            day = f.op == ":" and not end and start.lstrip("-").count("-") + start.startswith("--") == 2
            open_ended = end == OPEN_END  # "since december 2024": no end of its own
            return say(lang, key + ("since" if open_ended else ".." if end else "day" if day else ""),
                       when=_spoken_date(start, lang),
                       start=_spoken_date(start, lang), end=_spoken_date(end or start, lang))
        return say(lang, key, n=f.value.replace("..", "–"))  # a rough figure is a span: "600–700"

    def _selection(self, models: list[Model], selection: Selection, lang: str) -> Reply:
        """A list chosen by negated, combined or ranged filters, ranked beyond the first, sorted or counted."""
        rank, parts, notes = selection.rank, self._where(selection.filters, lang), []
        if rank and rank.op in ("", "@") and models:
            m = models[0]
            shown = self.ranked_value(m, rank.kind, lang)
            order = say(lang, f"order_{rank.kind}")
            title = (say(lang, "rank_nth", k=rank.n, order=order, name=m.name[lang], value=shown) if rank.op
                     else say(lang, rank.kind, name=m.name[lang], value=shown, other=""))
        elif rank:
            order = say(lang, f"order_{rank.kind}")
            title = say(lang, "rank_sort", order=order) if rank.op == "sort" else say(lang, "rank_top", k=rank.n,
                                                                                        order=order)
        elif selection.count:
            noun = say(lang, "model_noun" if len(models) == 1 else "models_noun")
            title = say(lang, "count", n=len(models), noun=noun, parts=parts) if parts else \
                say(lang, "count_all", n=len(models), noun=noun)
        else:
            title = say(lang, "list_where", parts=parts)
        if rank and parts:
            notes.append(say(lang, "among", parts=parts))
        notes += [say(lang, "untagged_note", tag=self.kb.tag_name(f.value, lang))
                  for f in selection.filters if f.kind == "tag" and f.negated]
        if rank:
            scope = Selection(selection.filters).apply(self.kb.models)
            if unranked := ranking.unranked(scope, rank.kind):
                sized = rank.kind in ranking.SIZES
                key = ("sort_unsized" if sized else "sort_undated") if rank.op == "sort" else "unranked"
                notes.append(say(lang, key, names=self._names([m.id for m in unranked], lang)))
        if unknown := selection.unknown(self.kb.models):
            dated = any(f.kind == "date" for f in selection.filters)
            key = ("count_" if selection.count else "list_") + ("undated" if dated else "unsized")
            notes.append(say(lang, key, n=len(unknown), names=self._names([m.id for m in unknown], lang)))
        return Reply(title=title, description="\n".join(notes if models else [say(lang, "list_empty"), *notes]),
                     bullets=tuple(self._line(m, lang) for m in models),
                     family=models[0].family if len(models) == 1 else None,
                     footer=self._footer(lang, models), url=self.kb.article.source)

    def _relation(self, value: str, models: list[Model], lang: str) -> Reply:
        """The relations the files state, in their own words, about the model asked."""
        model_id, _, kind = value.partition(":")
        model = self.kb.by_id[model_id]
        lines = [f"{m.name[lang]}: {r.text[lang]}" for m, r in stated(self.kb, model_id, kind)]
        return Reply(title=say(lang, "relation", name=model.name[lang]),
                     description="\n".join(lines) or say(lang, "relation_none", name=model.name[lang]),
                     bullets=tuple(self._line(m, lang) for m in models),
                     family=model.family, footer=self._footer(lang, [model]), url=self.kb.article.source)

    def _compare(self, query: Query, lang: str) -> Reply:
        models = [self.kb.by_id[i] for i in query.models]
        title = say(lang, "compare_title", names=say(lang, "vs").join(m.name[lang] for m in models))
        kind, _, among = (query.selector or "").partition(":")
        if among == "among":  # "which came out first?" after a comparison: the one it picks, titled so
            return Reply(title=say(lang, f"among{len(models)}_{kind}"), description=self._among(kind, models, lang),
                         footer=self._footer(lang, []), url=self.kb.article.source)
        if any(part.startswith("diff:") for part in (query.selector or "").split("&")):
            # a difference is its own answer: its line gives both dates or figures, not the whole card again
            return Reply(title=title, description=self._on_top(query.selector, models, lang),
                         footer=self._footer(lang, []), url=self.kb.article.source)
        fields = []
        for m in models:
            facts = [("released", m.released_text[lang]), ("parameters", m.parameters_text[lang]),
                     ("tags", self._tags(m, lang)), ("features", m.features[lang]),
                     ("paper", self.value(m, "paper", lang))]
            value = "\n".join(say(lang, "labelled", label=say(lang, key), value=v) for key, v in facts)
            fields.append((m.name[lang], value, len(models) <= 3))
        return Reply(title=title, description=self._on_top(query.selector, models, lang),
                     fields=tuple(fields), footer=self._footer(lang, []),
                     url=self.kb.article.source)

    def _among(self, kind: str, models: list[Model], lang: str) -> str:
        """Which of the models talked about ranks first, or, where the article gives one of them no figure, that
        it does not say (with the figures it gives)."""
        unranked = ranking.unranked(models, kind)
        if not unranked:
            return self._verdict(kind, models, lang)
        known = say(lang, "joiner").join(say(lang, "among_known", name=m.name[lang], value=self.ranked_value(
            m, kind, lang)) for m in models if m not in unranked)
        return say(lang, "among_unranked", names=self._names([m.id for m in unranked], lang), known=known,
                   figure=say(lang, f"fact_{ranking.field_of(kind)}"))

    def _on_top(self, selector: str | None, models: list[Model], lang: str) -> str:
        """The lines above the compared facts: which one is larger, whether a claim holds, a difference;
        "check:earliest&diff:released" ("was V3 before R1? by how much?") the verdict, then the difference."""
        return "\n".join(self._top_line(part, models, lang) for part in (selector or "").split("&"))

    def _top_line(self, selector: str, models: list[Model], lang: str) -> str:
        kind, _, value = selector.partition(":")
        if kind == "diff":
            fields = ("released", "parameters") if value == "both" else (value,)
            return "\n".join(self._difference(models[0], models[1], field, lang) for field in fields)
        if kind == "pick":
            return self._picked(parse(value).filters[0], models, lang)
        if kind == "check" and value.startswith("gap:"):  # "V3 比 V2 晚了七个多月": the days between, checked
            if not (models[0].released and models[1].released):
                return say(lang, "check_unranked", verdict=self._difference(models[0], models[1], "released", lang))
            holds = Gap.of(selector).holds(models[0].released, models[1].released)
            return say(lang, "yes_compare" if holds else "no_compare",
                       verdict=self._difference(models[0], models[1], "released", lang))
        if kind == "check" and value == "same-size":  # "R1 跟 V3 一样大?": the two totals, and the gap between them
            if missing := next((m for m in models[:2] if not m.total_b), None):
                return say(lang, "check_undisclosed", name=missing.name[lang], label=say(lang, "fact_parameters"))
            verdict = self._difference(models[0], models[1], "parameters", lang)
            return say(lang, "yes_compare" if models[0].total_b == models[1].total_b else "no_compare", verdict=verdict)
        if kind == "check":
            verdict = self._verdict(value, models, lang)
            if ranking.unranked(models, value):
                return say(lang, "check_unranked", verdict=verdict)
            return say(lang, "yes_compare" if ranking.pick(models, value) is models[0] else "no_compare",
                       verdict=verdict)
        return self._verdict(selector or None, models, lang)

    def _picked(self, picks: Filter, models: list[Model], lang: str) -> str:
        """Which of the compared models a tag, a date or a figure picks: "Of DeepSeek-VL2 and Janus-Pro, tagged
        image generation: Janus-Pro."; those the article gives no such fact for are said to be unknown."""
        names = [m.name[lang] for m in models]
        among = say(lang, "pick_last").join([say(lang, "joiner").join(names[:-1]), names[-1]])
        where = say(lang, "pick_params=", n=picks.value) if picks.key.startswith("params=") else self._term(picks, lang)
        held = [m.id for m in models if picks.passes(m)]
        unknown = [m.id for m in models if picks.holds(m) is None]
        line = say(lang, "pick" if held else "pick_none", among=among, where=where, names=self._names(held, lang))
        if unknown:
            line += " " + say(lang, "pick_unknown", names=self._names(unknown, lang),
                              figure=say(lang, f"fact_{picks.field}"))
        return line

    def _difference(self, a: Model, b: Model, field: str, lang: str) -> str:
        """Days (and months when long) between two release dates, or the gap and ratio of two sizes."""
        figure = ranking.FIGURE["earliest" if field == "released" else "smallest"]
        missing = next((m for m in (a, b) if not figure(m)), None)
        if missing:
            return say(lang, "diff_unknown", name=missing.name[lang], label=say(lang, f"fact_{field}"))
        low, high = sorted((a, b), key=figure)
        if field == "parameters":
            ratio = high.total_b / low.total_b
            return say(lang, "diff_size", bigger=high.name[lang], smaller=low.name[lang],
                       diff=_b(high.total_b - low.total_b), a=_b(high.total_b), b=_b(low.total_b),
                       ratio=_b(round(ratio, 2 if ratio < 2 else 1)))
        days = (high.released - low.released).days
        key = "diff_same_day" if not days else "diff_days_long" if days > 60 else "diff_days"
        return say(lang, key, later=high.name[lang], earlier=low.name[lang], days=days,
                   months=_full_months(low.released, high.released),
                   start=low.released_text[lang], end=high.released_text[lang])

    def _verdict(self, kind: str | None, models: list[Model], lang: str) -> str:
        """Which of the compared models is largest / newest / ..., where the article gives the figures."""
        if kind not in ranking.BEST:
            return ""
        if ranking.unranked(models, kind):
            return say(lang, "unranked", names=self._unranked(models, kind, lang))
        chosen = ranking.pick(models, kind)
        others = say(lang, "joiner").join(f"{m.name[lang]} {self.ranked_value(m, kind, lang)}"
                                          for m in models if m is not chosen)
        return say(lang, f"verdict_{kind}", name=chosen.name[lang], value=self.ranked_value(chosen, kind, lang),
                   others=others)

    def _unranked(self, models, kind: str, lang: str) -> str:
        return self._names([m.id for m in ranking.unranked(models, kind)], lang)

    def _decline(self, query: Query, lang: str) -> Reply:
        reason = query.reason or "out-of-scope"
        if reason == "help":
            return Reply(title=say(lang, "help_title"), description=say(lang, "help_body"), url=self.kb.article.source)
        kind, _, detail = reason.partition(":")
        if kind == "smalltalk":  # a short answer in kind, without the list of models
            return Reply(title=say(lang, f"smalltalk_{detail}"))
        lines = [self._why(query, lang)]
        if kind == "variant":
            query = replace(query, suggestions=())  # named in the line; offered as a button all the same
        elif kind == "unknown-model" and query.suggestions:  # the closest covered model by name, never the same
            lines.append(say(lang, "closest", names=self._names(query.suggestions, lang)))
            query = replace(query, suggestions=())
        if query.suggestions:
            lines.append(say(lang, "did_you_mean", names=self._names(query.suggestions, lang)))
        lines.append(say(lang, "knows", n=len(self.kb.models), names=self._names([m.id for m in self.kb.models], lang)))
        mention = sources.mention(self.kb, query)
        return Reply(title=say(lang, "decline_title"), description="\n".join(lines),
                     footer=self._footer(lang, [mention[1]] if mention else []), url=self.kb.article.source)

    def _why(self, query: Query, lang: str) -> str:
        """Why the article cannot answer it, in one line."""
        kind, _, detail = (query.reason or "out-of-scope").partition(":")
        if kind == "beyond":
            return say(lang, "decline_beyond", name=self.kb.by_id[detail].name[lang])
        if kind == "topic":  # "topic:price", about the models asked about if any
            of = say(lang, "topic_of", name=self._names(query.about, lang)) if query.about else ""
            return say(lang, "decline_topic", topic=say(lang, f"topic_{detail}"), of=of)
        if kind == "act":
            return say(lang, f"decline_act_{detail}", date=self.kb.article.published.isoformat())
        if (mention := sources.mention(self.kb, query)) is not None:
            # named only in another model's section: say what the article says there, nothing more
            entry, model, relation = mention
            return say(lang, "decline_mentioned", name=entry.name, model=model.name[lang], said=relation.text[lang])
        if kind == "variant":
            return self._variant_decline(query.reason, lang)
        if kind == "unknown-model":
            return say(lang, "decline_unknown", name=detail, date=self.kb.article.published.isoformat())
        if kind == "no-model":
            return say(lang, "decline_no_model")
        return say(lang, "decline_scope")

    def together(self, parts: list[tuple[str, Query]], left: list[str], lang: str) -> Reply:
        """Several answers as one reply: the first as the card, each other one under its own title (a
        question the article cannot answer under its own words, with the reason); the questions past the
        last answered one named."""
        replies = [self.compose(query, lang, brief=True) for _, query in parts]
        first = replies[0]
        fields = [*first.fields]
        for (asked, query), reply in zip(parts[1:], replies[1:], strict=True):
            body = [reply.description, *(f"• {b}" for b in reply.bullets),
                    *(f"{name}: {value}" for name, value, _ in reply.fields)]
            # a declined part under the words it was asked in (none when it is shown again from its parse)
            title = f"“{asked[:80]}”" if query.intent == "none" and asked else reply.title
            fields.append((title, "\n".join(x for x in body if x), False))
        notes = [say(lang, "parts_left", n=len(left), what=say(lang, "joiner").join(f"“{t[:60]}”" for t in left))
                 ] if left else []
        return replace(first, description="\n".join(x for x in (first.description, *notes) if x), fields=tuple(fields),
                       footer=next((r.footer for r in replies if r.footer), ""))

    def _variant_decline(self, reason: str, lang: str) -> str:
        """"variant:deepseek-v2:parameters:V2-Lite": what the article gives for the covered model, and that it
        does not cover the variant; the fact itself is not the variant's."""
        _, model_id, field, variant = reason.split(":", 3)
        m = self.kb.by_id[model_id]
        name = m.name[lang]
        if field == "parameters" and m.distilled_b and self.kb.lexicon["names"]["distill"] in variant.lower():
            lo, hi = m.distilled_b
            return say(lang, "decline_distilled", name=name, lo=_b(lo), hi=_b(hi), variant=variant)
        if not field:
            return say(lang, "decline_variant", variant=variant, name=name)
        value = self.short_size(m, lang) if field == "parameters" else self.value(m, field, lang)
        if not ranking.FIGURE["largest" if field == "parameters" else "earliest"](m) and not m.size_example:
            return say(lang, "decline_variant_undisclosed", name=name, label=say(lang, f"fact_{field}"),
                       variant=variant)
        return say(lang, "decline_variant_fact", name=name, label=say(lang, f"fact_{field}"), value=value,
                   variant=variant)

    def source(self, queries: tuple[Query, ...], lang: str) -> Reply | None:
        """The article's own passages behind the answers to `queries` (the parts of one message), in Chinese,
        each under its section, each line once."""
        found = sources.merged([s for s in (sources.source_of(self.kb, q) for q in queries) if s])
        if found is None:
            return None
        fields = tuple((say(lang, "source_section", n=p.section, heading=p.heading), p.text, False)
                       for p in found.passages)
        return Reply(title=say(lang, "source_title"), fields=fields, url=self.kb.article.source,
                     footer=say(lang, "source_footer", zh_title=found.article, date=found.date,
                                dated_by=self.kb.article.dated_by[lang]))
