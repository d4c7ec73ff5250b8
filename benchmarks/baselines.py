"""Two peer baselines: what people would otherwise build to answer the same questions.

- TagBot: a typical fuzzy "tag bot". `process.extractOne(question, model_names, WRatio)` picks
  the model, a keyword table picks the field, and the reply is that field's text, as a tag.
- Bm25Bot: BM25 (`rank-bm25`) over the article's ten sections; the best section is the
  model, the same keyword table picks the field, and the reply is that part of the section.

Both get the same fair help the project has: the knowledge's model names and facts (the tag
contents), the rule that Chinese in a question means a Chinese reply, and a sensible keyword
table in both languages. Neither gets the project's alias lexicon or conversation memory.
Each answers with the fields the contract scores: lang, intent, models, field, text."""

from __future__ import annotations

import re
from pathlib import Path

from rapidfuzz import fuzz, process, utils

from bot.core.knowledge import KnowledgeBase, Model

# Keywords a typical bot author would write for each field, in both languages.
FIELD_KEYWORDS = {
    "released": ["when", "release", "date", "come out", "came out", "launch",
                 "发布", "时间", "什么时候", "推出", "日期"],
    "parameters": ["parameter", "params", "size", "how big", "how large", "参数", "规模", "多大"],
    "features": ["feature", "special", "good at", "what can", "capabilit",
                 "特色", "特点", "功能", "优势", "擅长"],
    "significance": ["significan", "matter", "important", "impact", "意义", "影响", "重要"],
    "paper": ["paper", "论文", "論文"],
}
# The "!models" tag most bots have: a question with one of these lists every model.
LIST_KEYWORDS = ["which models", "list", "all models", "哪些", "所有", "列出"]
CHINESE = re.compile(r"[\u3400-\u9fff]")
ZH_NUMERALS = "一二三四五六七八九十"
NAME_CUTOFF = 75.0  # below this WRatio score the tag bot says it does not know


def reply_lang(text: str) -> str:
    return "zh" if CHINESE.search(text) else "en"


def keyword_field(text: str) -> str | None:
    lowered = text.lower()
    for name, words in FIELD_KEYWORDS.items():
        if any(w in lowered for w in words):
            return name
    return None


def wants_list(text: str) -> bool:
    lowered = text.lower()
    return any(w in lowered for w in LIST_KEYWORDS)


def fact_text(m: Model, field: str | None, lang: str) -> str:
    """The reply a tag holds: one field of the model, or its headline and features."""
    if field == "released":
        return m.released_text[lang]
    if field == "parameters":
        return m.parameters_text[lang]
    if field == "paper":
        return m.paper_title or (m.paper_text or {}).get(lang, "")
    if field in ("features", "significance"):
        return getattr(m, field)[lang]
    headline = f": {m.headline[lang]}" if m.headline else ""
    return f"{m.name[lang]}{headline}. {m.features[lang]}"


class PeerBot:
    """The shared shape of both peers: find one model, then answer like a tag."""

    name = "peer"

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb

    def find_model(self, text: str) -> str | None:
        raise NotImplementedError

    def reply_text(self, model: Model, field: str | None, lang: str) -> str:
        return fact_text(model, field, lang)

    def answer(self, text: str) -> dict:
        lang = reply_lang(text)
        if wants_list(text):
            ids = [m.id for m in self.kb.models]
            names = ", ".join(self.kb.by_id[i].name[lang] for i in ids)
            return {"lang": lang, "intent": "list", "models": ids, "field": None, "text": names}
        model_id = self.find_model(text)
        if model_id is None:
            sorry = "抱歉,我不知道。" if lang == "zh" else "Sorry, I don't know that."
            return {"lang": lang, "intent": "none", "models": [], "field": None, "text": sorry}
        field = keyword_field(text)
        return {"lang": lang, "intent": "field" if field else "model", "models": [model_id], "field": field,
                "text": self.reply_text(self.kb.by_id[model_id], field, lang)}


class TagBot(PeerBot):
    name = "tag bot (WRatio)"

    def __init__(self, kb: KnowledgeBase):
        super().__init__(kb)
        # The names a bot author would type in: display names and ids, nothing more.
        self.names = {n: m.id for m in kb.models for n in (m.name["en"], m.name["zh"], m.id)}

    def find_model(self, text: str) -> str | None:
        best = process.extractOne(text, list(self.names), scorer=fuzz.WRatio,
                                  processor=utils.default_process, score_cutoff=NAME_CUTOFF)
        return self.names[best[0]] if best else None


def tokenize(text: str) -> list[str]:
    """ASCII words, plus Chinese characters and character pairs (no Chinese word segmenter)."""
    text = text.lower()
    words = re.findall(r"[a-z0-9]+", text)
    for run in re.findall(r"[\u3400-\u9fff]+", text):
        words.extend(run)
        words.extend(run[i: i + 2] for i in range(len(run) - 1))
    return words


def article_sections(path: Path) -> dict[int, str]:
    """Section number (1-10) -> its text, split at the headings "一、" ... "十、"."""
    text = path.read_text(encoding="utf-8").split("版权声明")[0]
    heading = re.compile(rf"^([{ZH_NUMERALS}])、", re.MULTILINE)
    marks = list(heading.finditer(text))
    sections = {}
    for k, mark in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        sections[ZH_NUMERALS.index(mark.group(1)) + 1] = text[mark.start():end].strip()
    return sections


# The article's own label for each field, to quote the matching line of a section.
SECTION_LABELS = {"released": "提出时间", "parameters": "参数量", "features": "特色", "significance": "意义",
                  "paper": "论文链接"}


def knowledge_sections(kb: KnowledgeBase) -> dict[int, str]:
    """The ten sections as the knowledge keeps them (its verbatim passages), when the article file is absent."""
    return {m.section: "\n".join(m.source.values()) for m in kb.models}


class Bm25Bot(PeerBot):
    name = "BM25 (sections)"

    def __init__(self, kb: KnowledgeBase, article: Path | None):
        from rank_bm25 import BM25Okapi  # a bench extra, imported only when this peer runs

        super().__init__(kb)
        self.sections = article_sections(article) if article else knowledge_sections(kb)
        self.order = sorted(self.sections)
        self.bm25 = BM25Okapi([tokenize(self.sections[n]) for n in self.order])
        self.model_of = {m.section: m.id for m in kb.models}

    def find_model(self, text: str) -> str | None:
        scores = self.bm25.get_scores(tokenize(text))
        best = max(range(len(scores)), key=lambda k: scores[k])
        return self.model_of.get(self.order[best]) if scores[best] > 0 else None

    def reply_text(self, model: Model, field: str | None, lang: str) -> str:
        section = self.sections[model.section]
        if field:
            line = next((ln for ln in section.splitlines() if ln.startswith(SECTION_LABELS[field])), None)
            if line:
                return line
        return section
