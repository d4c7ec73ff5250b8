"""Step 6: compose the reply from the facts only.

Where the article says a fact is not disclosed, the reply says so in the article's words;
a value is never borrowed from another model."""

from __future__ import annotations

import calendar

from bot.core import ranking, sources
from bot.core.intents import select
from bot.core.knowledge import KnowledgeBase, Model
from bot.core.phrases import say
from bot.core.query import Query
from bot.core.reply import Reply


def _b(value: float) -> str:
    return f"{value:g}"


def _spoken_date(prefix: str, lang: str) -> str:
    """"2024-12" as "December 2024" / "2024 年 12 月"."""
    parts = [int(p) for p in prefix.split("-")]
    if lang == "zh":
        return " ".join(f"{n} {unit}" for n, unit in zip(parts, ("年", "月", "日"), strict=False))
    year, month, day = ([*parts, 0, 0])[:3]
    if not month:
        return str(year)
    name = calendar.month_name[month]
    return f"{name} {day}, {year}" if day else f"{name} {year}"


class Composer:
    def __init__(self, kb: KnowledgeBase):
        self.kb = kb

    def compose(self, query: Query, lang: str) -> Reply:
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
        text = say(lang, "source", title=a.title["en"], zh_title=a.title["zh"], date=a.published.isoformat())
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

    def short_date(self, model: Model, lang: str) -> str:
        return model.released.isoformat() if model.released else say(lang, "not_disclosed")

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
        models = [self.kb.by_id[i] for i in query.models]
        label = say(lang, query.field)
        lines = [say(lang, "field_line", name=m.name[lang], label=label, value=self.value(m, query.field, lang))
                 for m in models]
        fields = ()
        if query.field == "paper" and len(models) == 1 and models[0].paper_summary:
            fields = ((say(lang, "paper_summary"), models[0].paper_summary[lang], False),)
        title = f"{self._names(query.models, lang)} · {label}"
        return Reply(title=title, description="\n".join(lines), fields=fields,
                     family=models[0].family if len(models) == 1 else None,
                     footer=self._footer(lang, models), url=self.kb.article.source)

    def _list(self, query: Query, lang: str) -> Reply:
        selector = query.selector or "all"
        ids = list(query.models) or select(self.kb, selector)
        models = [self.kb.by_id[i] for i in ids]
        kind, _, value = selector.partition(":")
        notes: list[str] = []
        single = kind != "search" or len(models) == 1
        if kind in ("largest", "smallest", "newest", "earliest", "after", "before", "search") and models and single:
            m = models[0]
            shown = self.short_size(m, lang) if kind in ("largest", "smallest") else self.short_date(m, lang)
            other = self.kb.by_id[value].name[lang] if value in self.kb.by_id else ""
            title = say(lang, kind, name=m.name[lang], value=shown, other=other)
            # chosen among the models just compared, the others are not in question
            if value != "among" and kind != "search":
                notes.append(say(lang, "unranked", names=self._unranked(self.kb.models, kind, lang)))
            description = m.features[lang] if kind == "search" else ""
        else:
            title = self.list_title(selector, lang, len(models))
            if kind.startswith("date"):
                notes.append(say(lang, "list_undated", names=self._unranked(self.kb.models, "newest", lang)))
            elif kind.startswith("params"):
                notes.append(say(lang, "list_unsized", names=self._unranked(self.kb.models, "largest", lang)))
            description = "" if models else say(lang, "list_empty")
        return Reply(title=title, description="\n".join(x for x in (description, *notes) if x),
                     bullets=tuple(self._line(m, lang) for m in models),
                     family=models[0].family if len(models) == 1 else None,
                     footer=self._footer(lang, models), url=self.kb.article.source)

    def list_title(self, selector: str, lang: str, count: int | None = None) -> str:
        kind, _, value = selector.partition(":")
        n = len(self.kb.models) if count is None else count
        if selector == "search":
            return say(lang, "search_many", n=n)
        if selector in ("all", "timeline"):
            return say(lang, "list_all" if selector == "all" else "timeline", n=n)
        if kind == "tag":
            return say(lang, "list_tag", tag=self.kb.tag_name(value, lang))
        if kind == "date":
            return say(lang, "list_date", when=_spoken_date(value, lang))
        if selector.startswith(("date<", "date>")):
            key = "list_before" if selector[4] == "<" else "list_after"
            return say(lang, key, when=_spoken_date(selector[5:], lang))
        if kind == "undisclosed":
            return say(lang, "list_undisclosed", label=say(lang, value))
        return say(lang, "list_more" if selector.startswith("params>") else "list_less", n=selector[7:])

    def _compare(self, query: Query, lang: str) -> Reply:
        models = [self.kb.by_id[i] for i in query.models]
        fields = []
        for m in models:
            facts = [("released", m.released_text[lang]), ("parameters", m.parameters_text[lang]),
                     ("tags", self._tags(m, lang)), ("features", m.features[lang]),
                     ("paper", self.value(m, "paper", lang))]
            value = "\n".join(say(lang, "labelled", label=say(lang, key), value=v) for key, v in facts)
            fields.append((m.name[lang], value, len(models) <= 3))
        title = say(lang, "compare_title", names=say(lang, "vs").join(m.name[lang] for m in models))
        return Reply(title=title, description=self._verdict(query.selector, models, lang),
                     fields=tuple(fields), footer=self._footer(lang, []),
                     url=self.kb.article.source)

    def _verdict(self, kind: str | None, models: list[Model], lang: str) -> str:
        """Which of the compared models is largest / newest / ..., where the article gives the figures."""
        if kind not in ranking.BEST:
            return ""
        if ranking.unranked(models, kind):
            return say(lang, "unranked", names=self._unranked(models, kind, lang))
        shown = self.short_size if kind in ("largest", "smallest") else self.short_date
        chosen = ranking.pick(models, kind)
        others = say(lang, "joiner").join(f"{m.name[lang]} {shown(m, lang)}" for m in models if m is not chosen)
        return say(lang, f"verdict_{kind}", name=chosen.name[lang], value=shown(chosen, lang), others=others)

    def _unranked(self, models, kind: str, lang: str) -> str:
        return self._names([m.id for m in ranking.unranked(models, kind)], lang)

    def _decline(self, query: Query, lang: str) -> Reply:
        reason = query.reason or "out-of-scope"
        if reason == "help":
            return Reply(title=say(lang, "help_title"), description=say(lang, "help_body"),
                         footer=self._footer(lang, []), url=self.kb.article.source)
        lines = []
        cited: list[Model] = []
        if reason.startswith("beyond:"):
            model = self.kb.by_id[reason.partition(":")[2]]
            lines.append(say(lang, "decline_beyond", name=model.name[lang]))
        elif (mention := sources.mention(self.kb, query)) is not None:
            # named only in another model's section: say what the article says there, nothing more
            entry, model, relation = mention
            lines.append(say(lang, "decline_mentioned", name=entry.name, model=model.name[lang],
                             said=relation.text[lang]))
            cited.append(model)
        elif reason.startswith("unknown-model:"):
            lines.append(say(lang, "decline_unknown", name=reason.partition(":")[2]))
        elif reason == "no-model":
            lines.append(say(lang, "decline_no_model"))
        else:
            lines.append(say(lang, "decline_scope"))
        if query.suggestions:
            lines.append(say(lang, "did_you_mean", names=self._names(query.suggestions, lang)))
        lines.append(say(lang, "knows", n=len(self.kb.models), names=self._names([m.id for m in self.kb.models], lang)))
        return Reply(title=say(lang, "decline_title"), description="\n".join(lines),
                     footer=self._footer(lang, cited), url=self.kb.article.source)

    def source(self, query: Query, lang: str) -> Reply | None:
        """The article's own passages behind the answer to `query`, in Chinese, each under its section."""
        found = sources.source_of(self.kb, query)
        if found is None:
            return None
        fields = tuple((say(lang, "source_section", n=p.section, heading=p.heading), p.text, False)
                       for p in found.passages)
        return Reply(title=say(lang, "source_title"), fields=fields, url=self.kb.article.source,
                     footer=say(lang, "source_footer", zh_title=found.article, date=found.date))
