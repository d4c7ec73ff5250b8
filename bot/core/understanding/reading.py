"""A message read in stages: segment -> acts -> units -> frames (each resolved against what came before)
-> scope. The one entry point of understanding.

In: a message as typed and the conversation's context. Out: its `Part`s in the order asked, each with
its Query: the questions it asks (answered or declined by name), or, when it asks nothing, the one
thing it says (a name, a claim, small talk).

Units are the clauses as the reader takes them: a clause that only asks whether what was just said is
so ("right?") checks the clause before it; a clause that only names or describes a model ("V3,", "the
37B one,") is the subject of the question after it; a claim passed on ("someone said …") or a line of
self-context before a question is what "it" in that question refers to. Chatter never makes a part."""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.core.claims import Claims
from bot.core.cues import lexicon_texts
from bot.core.knowledge import KnowledgeBase
from bot.core.memory import Context
from bot.core.normalise import has_chinese, tokens_of
from bot.core.query import Query
from bot.core.understanding.acts import Act, Acts
from bot.core.understanding.frames import Framer
from bot.core.understanding.resolve import Discourse
from bot.core.understanding.segment import Segmenter

MAX_PARTS = 3  # answered in one reply; the others are named as left for another message
_PRONOUN = {True: "它", False: "it"}  # the subject a question leaves out, said (by whether it is in Chinese)
CONTENT = ("statement", "claim", "self")  # what a clause says rather than asks
ASKING = ("ask", "check", "out-of-scope")


@dataclass(frozen=True)
class Unit:
    kind: str  # ask, check, out-of-scope, statement, smalltalk
    text: str
    detail: str | None = None
    about: str | None = None  # the clause just before, which "it" in this one may refer to
    question: bool = False  # it ended with a question mark


@dataclass(frozen=True)
class Part:
    text: str  # what the part asks, as read
    query: Query
    names: bool = False  # it names its models itself (rather than describing them or saying "it")
    # an overview of the model talked about, though the part neither names it nor asks for an overview in so
    # many words ("I'd like to read how they got it to compete", "有知道的吗"): chatter beside another part
    idle: bool = False


class Understanding:
    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        message = kb.lexicon["message"]
        self.segmenter = Segmenter(message, lambda text: bool(self._names(text)))
        self.acts = Acts(message)
        self.framer = Framer(kb)
        self.linker, self.cues = self.framer.linker, self.framer.cues
        # a claim's telling words: not the words that ask, check or pass a claim on ("真的吗", "legit", "听说")
        said = [w for w in lexicon_texts(message, skip=["acts"]) if has_chinese(w)]
        self.claims = Claims(kb, self.cues, self.cues.search_ignores | {w[i:i + 2] for w in said
                                                                         for i in range(len(w) - 1)})

    def read(self, text: str, context: Context | None = None) -> list[Part]:
        """Every part the message asks, in order, each framed; at least one."""
        acts = [self.acts.of(clause, self.segmenter.without_joiner) for clause in self.segmenter.split(text)]
        discourse = Discourse(context)
        parts = []
        for n, unit in enumerate(self._units(acts)):
            talked_about = set(discourse.context.models) if discourse.context else set()
            query = discourse.after(self._part(unit, discourse, n > 0))
            named = bool(self._names(unit.text))
            overview = self.kb.normaliser(unit.text) in self.cues.overview or unit.kind == "statement"
            idle = query.intent == "model" and not named and not overview and set(query.models) <= talked_about
            parts.append(Part(unit.text, query, named, idle))
        return _kept(parts)

    def _part(self, unit: Unit, discourse: Discourse, later: bool) -> Query:
        """The query of one part, read in what the message said before it (`later`: it is not the first)."""
        if unit.about and (referred := self._referents(unit.about, discourse.context)):
            discourse.refer_to(referred)
        if discourse.uncovered and self._about_the_uncovered(unit.text):
            return discourse.uncovered  # "what's V3.2-Exp? what even is it": the article does not cover it either
        query = self._frame(unit, discourse.context)
        if later and discourse.context and query.intent in ("list", "none") and self._subjectless_check(unit.text):
            # "R1 是开源的吗,是 2024 年 12 月发布的吗": the second question's subject is the first's
            query = self._frame(replace(unit, text=f"{_PRONOUN[has_chinese(unit.text)]} {unit.text}"),
                                discourse.context)
        return self._verified(unit, query) or query

    def _verified(self, unit: Unit, query: Query) -> Query | None:
        """A claim about one model that no structured check reads ("R1 really matches o1, right?"), checked
        against the article's sentences: a claim always gets a verdict; a yes/no question only where the
        article has a sentence about what it asks ("is R1 good for writing novels?" stays declined)."""
        normalised = self.kb.normaliser(unit.text)
        claim = unit.kind == "check"
        yes_no = self.framer.operators.asks_yes_no(normalised) or (  # "真能跟 GPT4-Turbo 一个水平?"
            unit.question and normalised not in self.framer.operators.asks_what)
        if not (claim or (yes_no and not self.cues.strong_fields_in(normalised))) or (
                query.selector or "").startswith(
                "check:") or query.intent in ("list", "compare") or (query.intent == "none" and not (
                query.reason or "").startswith("beyond:")):
            return None
        models = query.models or query.about
        links = self.linker.link(normalised)
        if len(models) != 1 or len(links.models) > 1:
            return None
        evidence = self.claims.check(models[0], links.rest)
        if evidence is None or not (claim or evidence.verdict != "unknown"):
            return None  # a question the article does not settle keeps its own answer (or decline)
        where = f"{evidence.sentence['zh']}:{evidence.sentence['en']}"
        return Query("field", models, field=evidence.field, selector=f"check:text:{evidence.verdict}:{where}")

    def _about_the_uncovered(self, text: str) -> bool:
        """A part that names no covered model of its own and needs a subject ("what even is it", "the original
        one, not pro"), or compares with the model named before it ("比 Coder V2 强多少")."""
        normalised = self.kb.normaliser(text)
        named = self._names(text)
        return (not named and self._incomplete(text)) or (
            len(named) == 1 and bool(self.framer.operators.comparative.find(normalised)))

    def understand(self, text: str, context: Context | None = None) -> Query:
        """The query of the message's first part (what the maintainer's report groups by)."""
        return self.read(text, context)[0].query

    # --- units ----------------------------------------------------------------------------------
    def _units(self, acts: list[Act]) -> list[Unit]:
        acts = self._checks_joined(acts)
        if not any(a.kind in ASKING for a in acts):
            return self._said(acts)
        before: dict[int, str] = {}  # the clause joined in front of a question ("V3, when did it come out?")
        after: dict[int, str] = {}  # and after it ("which is bigger, V2 or V3?")
        about: dict[int, str] = {}  # the clause "it" in the question refers to
        taken: set[int] = set()
        for i, act in enumerate(acts):
            if act.kind != "ask":
                continue
            subject = bool(self._names(act.text))
            prev = acts[i - 1] if i > 0 and i - 1 not in taken else None
            if prev and not subject and self._incomplete(act.text) and (
                    (prev.kind == "statement" and self._only_describes(prev.text))
                    or (prev.kind == "ask" and self._names_only(prev.text))):
                before[i] = prev.text
                taken.add(i - 1)
            elif prev and not subject and prev.kind in CONTENT and self._incomplete(act.text):
                about[i] = prev.text  # "the one on par with o1 for code, when was it announced?"
                taken.add(i - 1)
            nxt = acts[i + 1] if i + 1 < len(acts) else None
            if nxt and nxt.kind in ("statement", "ask") and self._names_only(nxt.text) and not (
                    subject and nxt.kind == "ask") and not (not subject and self.segmenter.opens(nxt.text)):
                # "compare math, coder and coder v2", "which is bigger, V2 or V3?"; not "which models handle
                # images? also deepseek math", which asks about it on its own
                after[i] = nxt.text
                taken.add(i + 1)
        units: list[Unit] = []
        for i, act in enumerate(acts):
            if i in taken:
                continue
            if act.kind in ASKING:
                # joined, the question loses its joining word ("除了代码模型以外,还有哪些模型")
                asked = self.segmenter.without_joiner(act.text) if i in before else act.text
                text = " ".join(t for t in (before.get(i), asked, after.get(i)) if t)
                units.append(Unit(act.kind, text, act.detail, about.get(i), act.question))
            elif act.kind == "statement" and (self._names_only(act.text) or self._asks_by_its_words(act.text)):
                units.append(Unit("ask", act.text))  # "janus pro paper title", "V3 的参数量", "deepseek math."
        return units

    def _incomplete(self, text: str) -> bool:
        """A question that needs what was said before it: it says "it" or "them", or holds nothing but cue
        words ("when was it proposed?", "which is bigger"); not "what is the capital of France"."""
        return self.kb.normaliser(text) in self.framer.cues.pronouns or self._only_describes(text)

    def _asks_by_its_words(self, text: str) -> bool:
        """A clause with no question form that still asks, by its cue words, for a fact, a list or a comparison
        ("janus pro paper title", "release date for deepseek-vl2", "DeepSeek-VL2 的参数量"), or names a model
        the article does not cover or a variant of one ("V3.1 vs V3")."""
        query = self.framer.frame(text)
        if (query.reason or "") == "no-model":  # "还有它的论文标题": a fact of the model before it says "it" of
            return self.kb.normaliser(text) in self.cues.pronouns
        if not self._names(text) and not self._cued(text):  # "first time poster": a ranking word is no question
            return False
        return query.intent in ("field", "list", "compare") or (query.reason or "").startswith(
            ("unknown-model:", "variant:", "topic:"))

    def _cued(self, text: str) -> bool:
        """Whether the words ask for a fact, a list or a kind of model ("the largest model", "哪些模型")."""
        normalised, cues = self.kb.normaliser(text), self.cues
        return bool(cues.strong_fields_in(normalised) or cues.tags_in(normalised) or normalised in cues.list
                    or normalised in cues.which_one or normalised in cues.described)

    def _checks_joined(self, acts: list[Act]) -> list[Act]:
        """"V3 has 671B params. is that right?": the clause before a check tag is the claim it checks."""
        out: list[Act] = []
        for act in acts:
            if act.kind == "check" and act.text and out and out[-1].kind in (*CONTENT, "ask"):
                claimed = out.pop()
                out.append(replace(claimed, kind="check"))
            elif act.kind == "check":
                out.append(replace(act, kind="chatter", detail="fillers"))  # "really?" with nothing before it
            else:
                out.append(act)
        return out

    def _said(self, acts: list[Act]) -> list[Unit]:
        """A message that asks nothing: what it says (a name, a described model, a claim), else small talk.
        A statement that neither names a model nor is made of cue words ("hope the weekend treated everyone
        well") is chatter, whatever its words."""
        claims = [Unit("check", a.text) for a in acts if a.kind == "claim"]
        said = [a.text for a in acts if a.kind == "statement"]
        statements = " ".join([t for t in said if self._names(t) or self._only_describes(t)] or said)
        if claims or statements:
            return [*claims, *([Unit("statement", statements)] if statements else [])]
        if selves := [a.text for a in acts if a.kind == "self" and self._names(a.text)]:
            return [Unit("statement", " ".join(selves))]
        talk = next((a for a in acts if a.kind == "smalltalk"), None) or next(
            (a for a in acts if a.kind == "chatter"), None)
        if talk:
            return [Unit("smalltalk", talk.text, talk.detail)]
        return [Unit("statement", " ".join(a.text for a in acts))]

    def _names(self, text: str) -> list[str]:
        return self.linker.link(self.kb.normaliser(text)).models

    def _only_describes(self, text: str) -> bool:
        """Whether every word is a name, a cue or a word of a description ("the 67b llm", "models released in
        2024"), with no chatter ("friends", "写论文需要"): such a clause says what the question after it is
        about."""
        return self.framer.coverage.describes(self.linker.link(self.kb.normaliser(text)).rest)

    def _referents(self, text: str, context: Context | None) -> tuple[str, ...]:
        """The models a clause names or describes ("I've been reading about V3", "the first open-source code
        model", "the one on par with o1"): what "it" in the question after it means."""
        links = self.linker.link(self.kb.normaliser(text))
        if links.models:
            return tuple(links.models)
        if (framed := self.framer.frame(text, context)).intent != "none":
            return framed.models
        described = self.framer.describer.resolve(links.rest, links.foreign)
        return described.models if described and not described.candidates else ()

    def _subjectless_check(self, text: str) -> bool:
        """A yes/no question that names nothing it is about ("是 2024 年发布的吗", "was it out in 2024" has "it")."""
        normalised = self.kb.normaliser(text)
        links = self.linker.link(normalised)
        cues = self.framer.cues
        return not (links.models or links.foreign or links.unknown) and normalised not in cues.pronouns \
            and normalised not in cues.list and normalised not in cues.which_one \
            and self.framer.operators.asks_yes_no(normalised)

    def _names_only(self, text: str) -> bool:
        """Whether the words name models and ask nothing of them ("V3", "r1 and v3", "V2 or V3?", "那 V3 呢")."""
        links = self.linker.link(self.kb.normaliser(text))
        cues = self.framer.cues
        rest = cues.switch.strip(links.rest)
        return bool(links.models) and set(tokens_of(rest)) <= cues.stopwords["en"] | cues.stopwords["zh"]

    # --- frames ---------------------------------------------------------------------------------
    def _frame(self, unit: Unit, context: Context | None) -> Query:
        if unit.kind == "smalltalk":
            return Query("none", reason="help" if unit.detail == "help" else f"smalltalk:{unit.detail}")
        if unit.kind == "out-of-scope":
            framed = self.framer.frame(unit.text, context)
            if (framed.reason or "").startswith("unknown-model:"):
                return framed  # "when will R2 come out?": the article does not cover R2, whatever is asked
            return Query("none", reason=f"act:{unit.detail}", about=tuple(self._names(unit.text)))
        text = _as_question(unit.text) if unit.kind == "check" else unit.text
        return self.framer.frame(text, context)


def _as_question(claim: str) -> str:
    """A claim to check, as the yes/no question it is ("V3 has 671B params" -> "… right?")."""
    return f"{claim} 吗" if has_chinese(claim) else f"{claim}, right"


def _kept(parts: list[Part]) -> list[Part]:
    """The parts that say something: a question nothing in the article or the lexicon recognises ("what a
    day!") is chatter when another part is answered or declined by name; a part asked twice ("what licence
    is janus pro under? can i use it commercially?") is one part."""
    kept: list[Part] = []
    for part in [p for p in parts if not (_unrecognised(p.query) or p.idle)] or parts[:1]:
        if kept and (part.query == kept[-1].query or _declined_subject(part.query) == _declined_subject(
                kept[-1].query) is not None):
            continue
        if kept and part.query.intent == kept[-1].query.intent == "list" and \
                set(part.query.models) == set(kept[-1].query.models):
            kept.pop()  # "deepseek 都出过哪些模型?按时间排一下": the same models, listed as the second part asks
        before = kept[-1].query if kept else None
        if before and kept[-1].names and before.intent == "model" and part.query.intent == "field" and \
                part.query.models == before.models:
            kept.pop()  # "what's the deal with DeepSeekMoE, why does it matter?": the second part is the question
        elif before and before.intent == part.query.intent == "compare" and before.models == part.query.models \
                and (part.query.selector or "").startswith("diff:") and "diff:" not in (before.selector or ""):
            # "was v3 released before r1? by how much?": the verdict, then the difference, in one answer
            part = replace(part, query=replace(before, selector=f"{before.selector}&{part.query.selector}"
                                               if before.selector else part.query.selector))
            kept.pop()
        kept.append(part)
    return kept


def _unrecognised(query: Query) -> bool:
    """A part that asks nothing the article or the lexicon recognises ("anyone?", "what changed"), small talk
    or a call for help: chatter beside an answered part (alone, it is answered as such)."""
    return query.intent == "none" and not query.suggestions and (
        query.reason in ("out-of-scope", "help") or (query.reason or "").startswith("smalltalk:"))


def _declined_subject(query: Query) -> str | None:
    """What a decline is about ("deepseek-v3" of "topic:price:deepseek-v3", "R2" of "unknown-model:R2"), "" for
    nothing in particular; None for an answer."""
    if query.intent != "none":
        return None
    kind, _, detail = (query.reason or "").partition(":")
    if kind == "unknown-model":
        return detail
    return ",".join(query.about)
