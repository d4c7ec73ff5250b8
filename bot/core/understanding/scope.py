"""Stage 5, scope: does the parse account for the question? An overview answers "what is R1?", not "is R1 banned in
Italy?": an important word left unexplained by the model names, the cues, polite chatter and the facts
makes the bot decline rather than answer something else.

English words are found by their spaces: one that is no cue, no chatter and not in the model's own facts
is unexplained. Chinese has none, so it goes by pairs of characters: a character is explained when it
sits in a pair the article's own text or the lexicon uses (or is a stop word); two unexplained characters
in a row ("审查", "速度") are a word the article never uses."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.core.cues import OTHER_TOPICS, Cues, by_letters, closest, lexicon_texts
from bot.core.dates import MONTHS
from bot.core.knowledge import KnowledgeBase
from bot.core.linker import Links
from bot.core.normalise import CJK, has_chinese, tokens_of
from bot.core.query import Query
from bot.core.search import stem

CHINESE_RUN = re.compile(f"[{CJK}]+")


class Coverage:
    def __init__(self, kb: KnowledgeBase, cues: Cues):
        # a topic word of its own ("price", "github"), or a word only a topic's phrase holds ("server" of "server
        # busy"), is never explained, nor taken for a typo of a known word
        elsewhere = cues.latin_words(lexicon_texts(kb.lexicon, skip=("beyond_article", "message.acts")))
        topics = {w for w in cues.beyond.words if " " not in w} | (
            cues.latin_words(w for w in cues.beyond.words if " " in w) - elsewhere - cues.stopwords["en"])
        self._known = (cues.words | cues.stopwords["en"] | set(kb.lexicon["normalise"]["split_prefixes"])
                       | set(MONTHS)) - topics
        self._spellable = [w for w in self._known if len(w) >= 4]
        self._swapped = by_letters(self._spellable)
        self._facts = {m.id: _fact_stems(kb, m) for m in kb.models}
        self._any_facts = set().union(*self._facts.values())  # what a question about no model in particular may say
        # (not the one-character words that may lead a rumour's subject, "看新闻说": they explain no clause)
        # (nor a check tag's: "没毛病吗" explains no "看病")
        cue_texts = [kb.normaliser(t) for t in lexicon_texts(
            kb.lexicon, skip=(*OTHER_TOPICS, "message.rumour.leads", "message.check_tags"))
                     if has_chinese(t)]
        # (the article's pairs are kept once, for both readings below)
        self._article_pairs = _pairs(_article_texts(kb))
        self._pairs = _pairs([kb.normaliser(kb.article.title["zh"]), kb.normaliser(kb.article.intro["zh"]),
                              *cue_texts]) - self._article_pairs
        # the words that describe a model or ask about one, without the chatter around questions: what a clause
        # that only says which model it is about may hold ("the 67b llm,", "那个能画图的模型,")
        asking = list(lexicon_texts(kb.lexicon, skip=(*OTHER_TOPICS, "message", "chatter", "help")))
        self._asking = ({t for text in asking if not has_chinese(text) for t in tokens_of(kb.normaliser(text))}
                        | cues.stopwords["en"] | set(MONTHS)) - topics
        self._asking_pairs = _pairs(kb.normaliser(t) for t in asking if has_chinese(t)) - self._article_pairs
        # one-character words of the lexicon explain themselves ("前", "比", "到")
        self._single = {w for w in (*cues.stopwords["zh"], *cue_texts) if len(w) == 1}
        # topic tags: words of the decline list the article uses for some models only (R1's 低成本)
        self._topics = {tag: cues.tags[tag] for tag, entry in kb.lexicon["tags"].items() if entry.get("topic")}
        self._tags = {m.id: set(m.tags) for m in kb.models}

    def unexplained(self, rest: str, model: str | None) -> set[str]:
        """The words of `rest` (a question about `model`, or about any model, names cut out) that nothing
        accounts for; a topic tag's word ("cheap", "成本") is accounted for only for a model that carries the tag
        (R1's 低成本)."""
        words = {t for t in tokens_of(rest) if t.isascii() and t.isalpha() and len(t) > 1} - self._known
        facts = self._facts[model] if model else self._any_facts
        english = {w for w in words if stem(w) not in facts and not self._typo(w)}
        topics = {m.group() for tag, cues in self._topics.items() if model and tag not in self._tags[model]
                  for m in cues.find_all(rest)}
        return english | self.unexplained_chinese(rest) | topics

    def describes(self, rest: str) -> bool:
        """Whether a clause (names cut out) holds only words that describe a model or ask about one: no chatter
        ("friends", "写论文需要") and nothing unexplained."""
        words = {t for t in tokens_of(rest) if t.isascii() and t.isalpha() and len(t) > 1}
        if any(w not in self._asking and stem(w) not in self._any_facts for w in words):
            return False
        return not self._unexplained_pairs(rest, self._asking_pairs)

    def unexplained_chinese(self, rest: str) -> set[str]:
        """"内容审查": 内容 is the article's, 审查 is not."""
        return self._unexplained_pairs(rest, self._pairs)

    def _unexplained_pairs(self, rest: str, pairs: set[str]) -> set[str]:
        found = set()
        for run in CHINESE_RUN.findall(rest):
            explained = [ch in self._single for ch in run]
            for i in range(len(run) - 1):
                if run[i:i + 2] in pairs or run[i:i + 2] in self._article_pairs:
                    explained[i] = explained[i + 1] = True
            found.update(run[i:i + 2] for i in range(len(run) - 1) if not (explained[i] or explained[i + 1]))
        return found

    def _typo(self, word: str) -> bool:
        """"wen", "relased": a word this close to a known one is that word mistyped, not a new topic."""
        return closest(word, self._spellable, self._swapped) is not None


_SIZE = re.compile(r"\d+(?:\.\d+)?\s*b\b")  # "32b": one distilled version, not all of them
# a fact of a variant itself: never transferred from the covered model
VARIANT_FACTS = ("released", "parameters")


def for_variants(query: Query, links: Links, distill: str = "distill") -> Query:
    """What an answer does with a variant the article does not describe ("V2-Lite", "R1-Distill-Qwen-32B").

    An overview, or a fact that does not depend on the variant (features, significance, paper), is the covered
    model's, with a note naming the variant (the composer adds it). A fact of the variant itself (its date, its
    size) is not transferred: a decline that says what the article gives for the covered model and that it does
    not cover the variant. Anything else about a variant (a comparison, a list) is declined the same way. A name
    the article does not cover gets the closest covered model offered."""
    if query.intent == "none":
        if (query.reason or "").startswith("unknown-model:") and links.near and not query.suggestions:
            return replace(query, suggestions=tuple(dict.fromkeys(links.near)))
        return query
    variants = [(model, typed) for model, typed in links.variants if model in query.models]
    if not variants:
        return query
    model, typed = variants[0]
    fields = (query.field, *query.also) if query.intent == "field" else ()
    if query.intent == "model" or (query.intent == "field" and not set(fields) & set(VARIANT_FACTS)
                                   and not (query.selector or "").startswith("check:")):
        return replace(query, reason=f"variant:{typed}")
    asked = next((f for f in fields if f in VARIANT_FACTS), "")
    if asked == "parameters" and distill in typed.lower() and not _SIZE.search(typed.lower()):
        # "r1 distill sizes?": the distilled versions together, whose range is the covered model's own fact
        return replace(query, reason=None)
    return Query("none", reason=f"variant:{model}:{asked}:{typed}", suggestions=(model,))


def _fact_stems(kb: KnowledgeBase, m) -> set[str]:
    """The stems of the English words of a model's facts and names."""
    texts = [*(t["en"] for t in (m.features, m.significance, m.headline, m.parameters_text, m.released_text) if t),
             m.paper_title or "", *(m.paper_summary or {}).values(), *m.aliases]
    return {stem(t) for t in tokens_of(kb.normaliser(" ".join(texts)))}


def _article_texts(kb: KnowledgeBase) -> list[str]:
    """The Chinese of every model's section and facts, normalised, and the words that say the same as one of its
    words (`claim_synonyms`: "对标" beside "持平")."""
    texts = []
    for m in kb.models:
        texts += [*m.source.values(), *m.aliases, *(t["zh"] for t in (
            m.features, m.significance, m.headline, m.parameters_text, m.released_text, m.paper_text,
            m.paper_summary, *m.tag_quotes.values()) if t)]
    article = "".join(texts)
    texts += [str(w) for group in kb.lexicon["claim_synonyms"].values() if any(str(w) in article for w in group)
              for w in group]
    return [kb.normaliser(t) for t in texts if has_chinese(t)]


def _pairs(texts) -> set[str]:
    """Every two characters in a row of the Chinese in `texts` (normalised)."""
    return {run[i:i + 2] for text in texts for run in CHINESE_RUN.findall(text) for i in range(len(run) - 1)}


@dataclass(frozen=True)
class Part:
    """One question of a message, framed."""
    text: str  # what the part asks, as read
    query: Query
    names: bool = False  # it names its models itself (rather than describing them or saying "it")
    # an overview of the model talked about, though the part neither names it nor asks for an overview in so
    # many words ("I'd like to read how they got it to compete", "有知道的吗"): chatter beside another part
    idle: bool = False
    asked: bool = False  # a question about something the article does not hold: declined, never dropped as chatter
    opens: bool = False  # it opens with a joining word ("also does it have a paper?", "and when…", "还有…")
    sentence: int = 0  # the sentence of the message it asks in


def kept(parts: list[Part]) -> list[Part]:
    """The parts a reply answers, in order: chatter that framed as a question goes when another part says
    something ("anyone?", "有知道的吗"); a part asked twice is one part; a part that only leads into the next
    folds into it ("what's the deal with DeepSeekMoE, why does it matter?", "was v3 before r1? by how much?")."""
    out: list[Part] = []
    asked = [p for p in parts if p.asked or not (_unrecognised(p.query) or p.idle)] or parts[:1]
    for part in [each for p in asked for each in _each_field(p)]:
        if out and (_same(out[-1].query, part.query) or any(o.query == part.query for o in out)):
            continue  # (asked again after another part: "…参数量那一栏不知道写啥,搜出来全是专家…VL2 的参数量公布过吗?")
        if (again := next((i for i, o in enumerate(out) if _asked_again(o.query, part.query)), None)) is not None:
            # "what's the difference between V2 and V3? … Is V3 just a bigger V2?", "Which sizes of DeepSeek LLM were
            # released? … or was it just 67B?": one question; a claim in it keeps its check
            if (part.query.selector or "").startswith("check:") and len(part.query.selector) > len(
                    out[again].query.selector or ""):
                out[again] = part  # (the one that checks more: a claim beside a plain question, more kinds)
            continue
        if out and (folded := _folded(out[-1], part)):
            out.pop()
            part = folded
        out.append(part)
    return out


def _each_field(part: Part) -> list[Part]:
    """"DeepSeek-V2 多少参数、哪天出的?", "the features of DeepSeek LLM and the significance": each field asked in
    so many words is a part of its own."""
    query = part.query
    if query.intent != "field" or not query.also or query.selector or len(query.models) != 1:
        return [part]
    return [replace(part, query=replace(query, field=field, also=())) for field in (query.field, *query.also)]


def _unrecognised(query: Query) -> bool:
    """A part that asks nothing the article or the lexicon recognises ("anyone?", "what changed"), small talk
    or a call for help: chatter beside an answered part (alone, it is answered as such)."""
    return query.intent == "none" and not query.suggestions and (
        query.reason in ("out-of-scope", "help") or (query.reason or "").startswith("smalltalk:"))


def _same(before: Query, query: Query) -> bool:
    """The same question twice, or two declines about the same thing ("what licence is janus pro under? can i
    use it commercially?") or of the same topic ("why does Math score 88.2% but LLM only 84%?")."""
    topic = (query.reason or "").startswith("topic:") and query.intent == before.intent == "none"
    # (not two topics declined of one model: "R1 的 license 是啥?还有 R1 在 AIME 上多少分?" is declined twice, by name)
    other_topics = topic and (before.reason or "").startswith("topic:") and query.reason != before.reason
    return query == before or (_declined_subject(query) == _declined_subject(before) is not None
                               and not other_topics) or (topic and query.reason == before.reason)


def _asked_again(before: Query, query: Query) -> bool:
    """The same models compared again (in any order), or the same fact of the same models asked again, plainly
    or as a claim."""
    if before.intent != query.intent or set(before.models) != set(query.models) or not query.models:
        return False
    if query.intent == "compare":  # (or checked: "V3 vs R1 parameter count — are they the same size?")
        return before.selector == query.selector or (query.selector or "").startswith("check:")
    # (a fact of one value, claimed once; not a kind checked beside the features asked: "what's special about VL2?
    # and is it MoE?")
    claims = [s for s in (before.selector, query.selector) if s]
    if len(claims) == 2 and all(c.startswith("check:tag:") for c in claims):
        # a kind checked again, with another beside it ("到底支不支持文生图?…所以它到底能不能生成图片?")
        tags = [set(c.removeprefix("check:").split("&")) for c in claims]
        return tags[0] <= tags[1] or tags[1] <= tags[0]
    # (a plain question, then the claim it doubts: "Which sizes were released? … or was it just 67B?"; not a claim
    # checked, then the fact asked plainly after it: "released on jan 27 right? and janus pro when")
    return query.intent == "field" and before.field == query.field and (not claims or (
        not before.selector and claims[0].startswith("check:") and query.field in (*VARIANT_FACTS, "paper")))


def _declined_subject(query: Query) -> str | None:
    """What a decline is about (its models; the name of a model the article does not cover), "" for nothing
    in particular; None for an answer."""
    if query.intent != "none":
        return None
    kind, _, detail = (query.reason or "").partition(":")
    return detail if kind == "unknown-model" else ",".join(query.about)


def _folded(before: Part, part: Part) -> Part | None:
    """The two parts as one, where the first only leads into the second."""
    first, then = before.query, part.query
    if first.intent == then.intent == "list" and set(first.models) == set(then.models):
        return part  # "deepseek 都出过哪些模型?按时间排一下": the same models, listed as the second part asks
    if first.intent == "list" and then.intent == "compare" and not then.selector and not part.names and \
            set(first.models) == set(then.models):
        # "which of the deepseek models are actually MoE? … want to know which ones it even applies to": the
        # models just listed, asked again in other words
        return before
    if before.names and first.intent == "model" and then.intent == "field" and then.models == first.models \
            and not part.opens and part.sentence == before.sentence:
        # "what's the deal with DeepSeekMoE, why does it matter?": the second part is the question (not "tell me
        # about deepseek-math. also does it have a paper?", nor "1. what is VL2 2. when did it come out": two)
        return part
    if first.intent == then.intent == "compare" and first.models == then.models and (
            then.selector or "").startswith("diff:") and "diff:" not in (first.selector or ""):
        # "was v3 released before r1? by how much?": the verdict, then the difference, in one answer
        # (a ranking of the two before it: the difference says which is ahead, "哪个更大?差多少?")
        selector = f"{first.selector}&{then.selector}" if (first.selector or "").startswith("check:") \
            else then.selector
        return replace(part, query=replace(first, selector=selector))
    if first.intent == "compare" and not first.selector and then.intent == "field" and \
            set(then.models) == set(first.models) and then.field in _RANKED_BY and not part.opens and \
            part.sentence == before.sentence:
        # "LLM vs V2 vs V3 — how did the param counts grow?": the comparison, ranked by the field the second asks
        return replace(part, query=replace(first, selector=_RANKED_BY[then.field]))
    return None


_RANKED_BY = {"parameters": "largest", "released": "earliest"}  # a comparison of dates or sizes, ranked
