"""Stage 2b, units: the clauses of a message as the reader takes them, the questions it asks.

In: each clause's `Act`, in order. Out: `Unit`s: each question asked (an ask, a claim to check, an act the
article cannot hold), with what it joins from the clauses beside it; when the message asks nothing, the one
thing it says (a name, a claim, small talk).

- A clause that only asks whether what was just said is so ("right?", "真的吗") checks the clause before it.
- A clause that only names or describes a model ("V3,", "the 67b llm,") is the subject of the question
  after it that needs one; names after a question ("which is bigger, V2 or V3?") are part of it.
- A line of self-context or a claim passed on, before a question that says "it", is what "it" means.
- A clause with no question form that asks by its cue words ("janus pro paper title") is a question; a
  claim with a question mark or a check tag ("R1 是闭源的对吧?") is a claim to check.
Chatter never makes a unit."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from bot.core.understanding.acts import Act
from bot.core.understanding.clauses import Clauses
from bot.core.understanding.segment import Segmenter

# the choices a question offers after it ("what framework did they train it with, pytorch or jax?", "…,Q4 还是 Q5")
_OPTIONS = re.compile(r"\s*[^\s,，]{1,16}(?:\s+[^\s,，]{1,16})?\s*(?:\bor\b|还是|或者)\s*[^\s,，]{1,16}"
                      r"(?:\s+[^\s,，]{1,16})?[\s?？]*")
# "and"/"but", a verb, then no subject: the clause goes on with the one before ("… and is more of an idea")
_PREDICATE = re.compile(r"^\s*(?:and|but)\s+(?:is|are|was|were|has|have|had|does|did|can|can't|cannot|could|"
                        r"couldn't|won't|doesn't|didn't|isn't|wasn't)\s+"
                        r"(?!(?:it|its|they|this|that|these|those|there|he|she|you|i|we)\b)", re.IGNORECASE)
# ("which is neat", "which I'm pretty sure is text only"; not "which was first", which asks)
_REMARK = re.compile(r"^\s*which\s+(?P<sure>i\s*(?:'m|am)\s+(?:pretty\s+|fairly\s+)?sure\s+|"
                     r"i\s+(?:think|believe|guess)\s+)?(?P<verb>is|was|are|were|sounds|seems|looks|feels|makes|means)\b",
                     re.IGNORECASE)
_COPULAS = ("is", "was", "are", "were")
# a clause that opens a question of its own, after a claim ("…FP8 训练的,难道 A800 跑不了?")
_OPENS_ANEW = re.compile(r"^\s*(?:难道|是不是|该不会|莫非|还是|或者|(?:or|is|are|does|do|can|could|will)\b)",
                         re.IGNORECASE)
_CONTRAST = re.compile(r"^\s*(?:但是|但|不过|可是|(?:but|yet|however|though)\b)", re.IGNORECASE)
# ("beyond being yet another strong reasoning model", "other than the size")
_QUALIFIER = re.compile(r"^\s*(?:beyond|besides|other\s+than|apart\s+from|aside\s+from|except(?:\s+for)?|"
                        r"not\s+counting|rather\s+than|instead\s+of)\s", re.IGNORECASE)
# why the asker believes what they just said ("…, it's the newer flagship after all", "…,毕竟是新的旗舰"): their
# reasoning, not more of the claim
_REASON = re.compile(r"^\s*(?:毕竟|因为|because|since|cuz|cos)\b|^\s*(?:毕竟|因为)|\bafter\s+all\W*$", re.IGNORECASE)
# what the asker makes of what they claim ("…, it's just a fancy captioner", "…,就是个看图的模型而已"): a remark
_DISMISSAL = re.compile(r"^\s*(?:it(?:'s|\s+is|s)\s+)?(?:just|only|merely|basically)\s+(?:a|an)\b|"
                        r"^\s*(?:它)?(?:就是个|只是个|不过是个)", re.IGNORECASE)
# one of two described by a comparative ("the newer one", "新的那个"): what a name beside it says
_ONE_OF_TWO = re.compile(r"^\s*(?:and\s+|or\s+)?(?:the\s+)?(?:newer|older|bigger|larger|smaller|later|earlier)"
                         r"\s+one\s*$|"
                         r"^\s*(?:还有|那)?(?:新|旧|老|大|小)(?:一点)?的那个\s*$", re.IGNORECASE)
_QUOTE = re.compile(r"[“\"「『](?P<said>[^“”\"「」『』]+)[”\"」』]")
CONTENT = ("statement", "claim", "self")  # what a clause says rather than asks
ASKING = ("ask", "check", "out-of-scope")


@dataclass(frozen=True)
class Unit:
    kind: str  # ask, check, out-of-scope, statement, smalltalk
    text: str
    detail: str | None = None  # small talk's kind, the act the article cannot hold
    about: str | None = None  # the clause just before, which "it" in this one refers to
    question: bool = False  # it ended with a question mark
    sentence: int = 0  # the sentence of the message it asks in


@dataclass
class _Joins:
    """What each question takes from the clauses beside it, by position."""
    before: dict[int, str] = field(default_factory=dict)  # "V3, when did it come out?"
    after: dict[int, str] = field(default_factory=dict)  # "which is bigger, V2 or V3?"
    about: dict[int, str] = field(default_factory=dict)  # "the one on par with o1 for code, when was it announced?"
    taken: set[int] = field(default_factory=set)  # clauses joined to a question: no unit of their own


class Units:
    def __init__(self, clauses: Clauses, segmenter: Segmenter, asks: Callable[[str], bool] = lambda text: False,
                 asks_which: Callable[[str], bool] = lambda text: False,
                 which_is_right: Callable[[str], bool] = lambda text: False,
                 plural: Callable[[str], bool] = lambda text: False):
        """`asks(text)`: whether the words ask by their form (a question word anywhere, a yes/no word first);
        `asks_which(text)`: whether they hold a question word ("what", "哪个"), which claims nothing;
        `which_is_right(text)`: whether they ask which of the things said is right ("谁说得对", "which is it");
        `plural(text)`: whether they say "they" of the models talked about ("这俩到底有啥区别")."""
        self.clauses, self.segmenter, self._asks, self._asks_which = clauses, segmenter, asks, asks_which
        self._which_is_right, self._plural = which_is_right, plural

    def of(self, acts: list[Act]) -> list[Unit]:
        # ("tell me about DeepSeek-VL, the first one, not VL2": the model named after "not" is not asked of; "I've got
        # Coder and LLM down, plus V3, R1 and Janus-Pro": models added to what is told are told too)
        acts = [a for i, a in enumerate(acts) if not (a.kind == "statement" and (
            self.clauses.only_not_meant(a.text) or (i and acts[i - 1].kind in CONTENT and not acts[i - 1].question
                                                   and self.clauses.only_adds_names(a.text))))] or acts
        # ("and the newer one, v3?": a comparative said of the name after it is no rank asked)
        acts = [a for k, a in enumerate(acts) if not (
            _ONE_OF_TWO.match(a.text) and k + 1 < len(acts) and acts[k + 1].sentence == a.sentence
            and self.clauses.names_only(acts[k + 1].text))]
        # (what was asked before a question is set aside is told: "FP8 不怕精度炸掉吗?这个先放一边,有没有人能总结…")
        aside = max((k for k, a in enumerate(acts) if a.kind == "chatter" and a.detail == "set_aside"), default=-1)
        acts = [replace(a, kind="self") if k < aside and a.kind in ASKING else a for k, a in enumerate(acts)]
        acts = [self._quoted(a) if a.kind == "check" else a
                for a in _checks_joined(self._predicates_joined(self._subject_lent(acts)), self._asks_which,
                                        self.clauses.names)]
        by_words = sum(self._asks_by_words(a) for a in acts)
        named = sum(a.kind == "statement" and self.clauses.names_only(a.text) for a in acts)
        if not any(a.kind in ASKING for a in acts) and (by_words < 1 or by_words + named < 2):
            # (two clauses that each ask by their words are two questions; so are a name and such a clause:
            # "V2 — oh and models over 100B params")
            return self._said(acts)
        # (chatter just before "it" stands between nothing: "…这些我都知道了。我想问的不是这个:它有什么特色?";
        # elsewhere it parts two questions: "difference between VL2 and Janus-Pro. btw, which model …")
        acts = [a for k, a in enumerate(acts) if not (a.kind == "chatter" and k + 1 < len(acts)
                                                      and self.clauses.says_it_alone(acts[k + 1].text))]
        joins = _Joins()
        for i, act in enumerate(acts):
            if act.kind == "ask":
                self._join(i, acts, joins)
        # (a question of its own: asked by its form, of a model it names or calls "it"; "谁能帮我总结一下" leans on
        # what was said)
        questioned = any(a.kind in ASKING and (self.clauses.names(a.text) or self.clauses.says_it(a.text))
                         for a in acts)
        # (names listed beside a question of some of them are the ground it asks on: "DeepSeek-V2, DeepSeek-Coder-V2,
        # DeepSeek-VL2... are V2 and Coder-V2 the same thing?")
        asked_of = [set(self.clauses.names(a.text)) for a in acts if a.kind in ASKING]
        return [unit for i, act in enumerate(acts) if i not in joins.taken and not self._ground(act, asked_of)
                for unit in self._unit(i, act, joins, questioned)] or self._said(acts)

    def _ground(self, act: Act, asked_of: list[set[str]]) -> bool:
        """Names alone, more of them than a question beside them asks of, all of whose names they hold."""
        if act.kind != "statement" or act.question or not self.clauses.names_only(act.text):
            return False
        listed = set(self.clauses.names(act.text))
        return any(named and named < listed for named in asked_of)

    def _subject_lent(self, acts: list[Act]) -> list[Act]:
        """"DeepSeek R1: 1) release date 2) size 3) …", "V3: release date, params, paper?": a name alone, then
        facts asked by their words with no name, is the subject of each of them; names alone, then "which one",
        what it picks among."""
        acts, out = list(acts), []
        for i, act in enumerate(acts):
            alone = act.kind == "statement" and not act.question and (self.clauses.names_only(act.text) or (
                self._leads_items(act, acts[i + 1:])))
            listed = list(itertools.takewhile(self._asks_a_fact_of_none, acts[i + 1:])) if alone else []
            if alone and not listed and i + 1 < len(acts) and self._picks_among(act, acts[i + 1]):
                listed = [acts[i + 1]]  # "VL2 or Janus-Pro — which one can generate images?"
            if listed:
                acts[i + 1:i + 1 + len(listed)] = [replace(a, text=f"{act.text} {a.text}") for a in listed]
                continue
            out.append(act)
        return out

    def _leads_items(self, act: Act, after: list[Act]) -> bool:
        """"R1 问三个:1. 发布时间 2. 论文标题": a clause naming one model and asking nothing of it, before numbered
        items, is their subject."""
        c = self.clauses
        return bool(after) and after[0].item and not act.item and len(c.names(act.text)) == 1 and \
            not c.asks_a_field(act.text)

    def _picks_among(self, names: Act, act: Act) -> bool:
        """Two models or more named alone, then "which one" asked of none."""
        c = self.clauses
        return len(c.names(names.text)) >= 2 and act.kind in ASKING and not c.names(act.text) and \
            c.normalised(act.text) in c.cues.which_one

    def _asks_a_fact_of_none(self, act: Act) -> bool:
        """A fact asked by its words, of no model, with no joining word or question word of its own ("release
        date", "参数量")."""
        c = self.clauses
        return act.kind in ("statement", "ask") and not c.names(act.text) and c.asks_a_field(act.text) and \
            not self._asks(act.text) and self.segmenter.without_joiner(act.text) == act.text and \
            c.needs_a_subject(act.text)

    def _predicates_joined(self, acts: list[Act]) -> list[Act]:
        """A remark on what was just said (", which is neat") goes; what goes on saying what the clause before it
        says, in its sentence, with no question mark and no model named, joins it: a clause opened by "and" or
        "but" then a verb with no subject of its own ("My source says DeepSeekMoE has no single release date and
        is more of an idea …", though "is" first looks like a question; "and is it open source" asks); a
        statement after a claim passed on that asks no fact ("UP 主说 V2 是第二代开源 MoE 模型,长文本处理很强"; not
        "heard R1 is open source, the paper title")."""
        out: list[Act] = []
        for act in acts:
            before = out[-1] if out else None
            if before and not act.question and (remark := _REMARK.match(act.text)) and (
                    remark["sure"] or remark["verb"].lower() not in _COPULAS
                    or self.clauses.framer.frame(act.text).intent == "none"):
                continue  # a remark on what was just said: ", which is neat", ", which sounds weird for an ML paper"
            remarked = before and before.kind in ("claim", "statement", "self") and before.sentence == act.sentence \
                and not self.clauses.names(act.text)
            if remarked and act.kind == "statement" and (_REASON.search(act.text) or _DISMISSAL.match(act.text)):
                continue  # the asker's reason for what they claim: "R1 is bigger than V3, it's the newer one after all"
            if remarked and act.kind == "ask" and _DISMISSAL.match(act.text):
                out.append(replace(act, kind="check"))  # "…不能生成图片,就是个看图的模型而已吧": it checks the claim
                continue
            if before and before.kind in ASKING and before.sentence == act.sentence and _QUALIFIER.match(act.text) \
                    and not self.clauses.names(act.text) and not self._asks_which(act.text):
                continue  # what the question before leaves aside: "the significance of R1, beyond being a big model?"
            if before and before.kind == "claim" and before.sentence == act.sentence and not before.question and \
                    not self.clauses.names(act.text) and not self._asks_which(act.text) and (
                    _CONTRAST.match(act.text) or (act.question and act.kind not in ("claim", "check")
                                                  and not self._asks(act.text) and not _OPENS_ANEW.match(act.text))):
                # the claim goes on against what it said first ("据说 V3 虽然总参数很大,但每个 token 只激活 37B?"), or
                # goes on to its question mark ("听说 R1 其实是闭源的,只能调 API?")
                out.append(replace(out.pop(), text=f"{before.text} {act.text}", question=act.question))
            elif before and before.kind in CONTENT and not (before.question or act.question) and \
                    before.sentence == act.sentence and not self.clauses.names(act.text) and (
                    _PREDICATE.match(act.text) or (before.kind == "claim" and act.kind == "statement"
                                                   and not self.clauses.asks_a_field(act.text))):
                out.append(replace(out.pop(), text=f"{before.text} {act.text}"))
            else:
                out.append(act)
        return out

    def _quoted(self, check: Act) -> Act:
        """"帖子里有人说“Coder V2 写代码跟 GPT4-Turbo 差不多”,下面一堆人喷他吹牛": a claim checked that quotes what
        was said of a model checks the quote, not the story around it."""
        for quote in _QUOTE.finditer(check.text):
            if self.clauses.names(quote["said"]) and not self.clauses.names_only(quote["said"]):
                return replace(check, text=quote["said"])
        return check

    def _join(self, i: int, acts: list[Act], joins: _Joins) -> None:
        """The clauses question `i` takes: a subject before it, names after it; what was said before "which is
        right?"."""
        subject = bool(self.clauses.names(acts[i].text))
        if i > 0 and i - 1 not in joins.taken and acts[i - 1].kind in ("statement", "ask") and \
                self.clauses.names_uncovered_only(acts[i - 1].text) and self.clauses.compares(acts[i].text):
            # "DeepSeek-V2.5, what changed compared to V2?": the model the article does not cover is the subject
            joins.before[i] = acts[i - 1].text
            joins.taken.add(i - 1)
            return
        if not subject and self._which_is_right(acts[i].text):
            said = list(itertools.takewhile(lambda j: acts[j].kind in CONTENT and j not in joins.taken,
                                            range(i - 1, -1, -1)))
            naming = [j for j in said if self.clauses.names(acts[j].text)]  # (a claim passed on first)
            if (j := next((j for j in naming if acts[j].kind == "claim"), naming[0] if naming else None)) is not None:
                joins.about[i] = acts[j].text  # "有人说 V2 是 2360 亿参数,有人说 2100 亿,谁说得对?": it asks that fact
                joins.taken.update(said)
                return
        if not subject and (described := self._described_before(i, acts, joins)):
            joins.before[i] = described  # its name: the description's words ask nothing ("…大规模强化学习…的模型")
            joins.taken.add(i - 1)
        elif not subject and i > 0 and i - 1 not in joins.taken and (
                self.clauses.incomplete(acts[i].text) or self.clauses.leaves_out(acts[i - 1].text)
                or self.clauses.scopes(acts[i - 1].text) or self._fact_of_the_one_told(i, acts)):
            self._subject_before(i, acts, joins)  # (what "除了 R1," leaves out is the next question's)
        # (names in the next sentence after a question with its own subject ask again: "`v3` params?\nr1 or janus pro";
        # so do names a joining word opens there: "tell me about janus. plus r1 or janus pro, which came out first",
        # "what came out in dec 2024? and deepseek math")
        apart = i + 1 < len(acts) and acts[i + 1].sentence != acts[i].sentence and (
            subject or acts[i + 1].item or self.segmenter.without_joiner(acts[i + 1].text) != acts[i + 1].text)
        if i + 1 < len(acts) and not apart and (self._names_after(acts[i + 1], subject) or _options(acts[i + 1])):
            joins.after[i] = acts[i + 1].text
            joins.taken.add(i + 1)

    def _fact_of_the_one_told(self, i: int, acts: list[Act]) -> bool:
        """A fact asked of no model, around words of no question ("Does anyone have the exact release date?"), just
        after the asker told of one model ("I remember DeepSeek Coder dropping in late 2023 …")."""
        c, prev = self.clauses, acts[i - 1]
        return prev.kind in CONTENT and len(c.names(prev.text)) == 1 and c.asks_a_field(acts[i].text) and \
            c.needs_a_subject(acts[i].text)

    def _described_before(self, i: int, acts: list[Act], joins: _Joins) -> str | None:
        """The name of the model the clause before describes, when that clause asks nothing by its form ("那个代码能力
        跟 GPT4-Turbo 差不多的模型,是开源的吗", "the one whose paper is about expert specialization — what is it?")."""
        if i == 0 or i - 1 in joins.taken:
            return None
        prev = acts[i - 1]
        if prev.question or prev.kind not in ("statement", "ask") or self.segmenter.starts_asking(prev.text):
            return None
        if self._asks(prev.text) and not self.clauses.opens_with_description(prev.text):
            return None  # a question of its own ("解耦视觉编码的那个模型什么时候出的"), not "the one whose paper is …"
        return self.clauses.described_model(prev.text)

    def _subject_before(self, i: int, acts: list[Act], joins: _Joins) -> None:
        """"V3, when did it come out?", "V2 or V3? which is bigger?": the clause is the question's subject;
        a line of self-context or a claim before "it" is what "it" means: the nearest that names a model
        ("他一直在吹 DeepSeekMath,我完全插不上话,所以它到底是个啥"), else the one just before; before "they", every
        model told of ("看到有个 VL2,还有个 Janus-Pro,都说是多模态…这俩到底有啥区别?")."""
        c, prev = self.clauses, acts[i - 1]
        if prev.item and acts[i].item and prev.sentence != acts[i].sentence:
            return  # numbered items are questions of their own: "2) its paper title 3) is it open source?"
        if prev.kind in ("statement", "ask") and c.scopes(prev.text):
            joins.before[i] = prev.text  # "开源的模型里面,哪些是 MoE?": among those, in the question's own words
            joins.taken.add(i - 1)
            return
        # (so is a question of which after what people said of more than one model: "他说 LLM 比 Coder 先发布,我说
        # Coder 更早。到底谁先出来的?")
        disputed = any(a.kind == "claim" for a in acts[:i]) and self._asks_which(acts[i].text) and \
            not c.says_it(acts[i].text)
        if prev.kind in CONTENT and (self._plural(acts[i].text) or disputed) and self._they(i, acts, joins):
            return
        if prev.kind == "statement" and len(c.names(prev.text)) == 1 and c.asks_a_fact(prev.text) and \
                self._asks_which(acts[i].text) and not (c.says_it(acts[i].text) or c.names_a_field(acts[i].text)):
            return  # its own question: "release date of DeepSeek LLM; release date of DeepSeek Coder; which was first"
        if (prev.kind == "statement" and c.only_describes(prev.text)) or (
                prev.kind == "ask" and c.names_only(prev.text) and not self._asks(prev.text)
                and self.segmenter.without_joiner(acts[i].text) == acts[i].text):
            # (a question opened by "also", "and", "还有" after another is one of its own: "tell me about X. also …";
            # so is one after a question word: "what is R1? when was it released?", "Janus-Pro 是什么?它的论文叫啥?")
            joins.before[i] = prev.text
            joins.taken.add(i - 1)
        elif prev.kind in CONTENT:
            said = [j for j in range(i - 1, -1, -1) if j not in joins.taken and acts[j].kind in CONTENT]
            j = next((j for j in said if c.names(acts[j].text)), i - 1)
            joins.about[i] = acts[j].text
            if not _checked(acts[j]):  # a claim to check is checked as well ("heard V3 is 671B? when did it …")
                joins.taken.add(j)

    def _they(self, i: int, acts: list[Act], joins: _Joins) -> bool:
        """"They" before a question are the models the clauses just before it tell of, when they name more than
        one; what those clauses tell asks nothing of its own."""
        c = self.clauses
        told = list(itertools.takewhile(lambda j: j not in joins.taken and acts[j].kind in CONTENT,
                                        range(i - 1, -1, -1)))
        naming = [j for j in told if c.names(acts[j].text)]
        if len({m for j in naming for m in c.names(acts[j].text)}) < 2:
            return False
        joins.about[i] = " ".join(acts[j].text for j in reversed(naming))
        # (a comparison asked by its words stays a question: "V2 和 V3 对比一下,它们参数多少")
        joins.taken.update(j for j in told if not (_checked(acts[j]) or self.clauses.compares(acts[j].text)))
        return True

    def _names_after(self, nxt: Act, subject: bool) -> bool:
        """Names after a question are part of it ("compare math, coder and coder v2", "which is bigger, V2 or
        V3?"), unless they open a question of their own ("…? also deepseek math") or the question has its
        subject and they ask again ("how big is V2? V3?")."""
        if nxt.kind not in ("statement", "ask") or not self.clauses.names_only(nxt.text) or \
                self.segmenter.starts_asking(nxt.text):  # ("…? what is deepseek coder" asks of its own)
            return False
        if nxt.question and self._asks(nxt.text) and not _options(nxt):
            return False  # a guess at the answer is asked of its own: "最新的模型是哪个?是 R1 吗?"
        return not (subject and nxt.kind == "ask") and not (not subject and self.segmenter.opens(nxt.text))

    def _asks_by_words(self, act: Act) -> bool:
        """A statement that is a question by its cue words ("2025 年发布的模型", "deepseek llm 论文名")."""
        return act.kind == "statement" and self.clauses.asks_by_its_words(self.segmenter.without_joiner(act.text))

    def _unit(self, i: int, act: Act, joins: _Joins, questioned: bool) -> list[Unit]:
        """`questioned`: another clause asks of a model by its form, so a statement asks by its words only when
        nothing in it is a word of a story."""
        if act.kind in ASKING:
            # joined, the question loses its joining word ("除了代码模型以外,还有哪些模型")
            asked = self.segmenter.without_joiner(act.text) if i in joins.before else act.text
            text = " ".join(t for t in (joins.before.get(i), asked, joins.after.get(i)) if t)
            return [Unit(act.kind, text, act.detail, joins.about.get(i), act.question, act.sentence)]
        c = self.clauses
        if _checked(act):
            return [Unit("check", act.text, sentence=act.sentence)]  # "R1 是闭源的对吧? …": checked too
        own = self.segmenter.without_joiner(act.text)
        if act.kind == "statement" and (c.names_only(act.text) or (
                self._asks_by_words(act) and (not questioned or act.item or c.explained(own)))):
            # "janus pro paper title", "V3 的参数量" beside a question; not what is told around one ("发现 V2 和 V3
            # 中间隔了挺久,那 V2 到底是哪天提出的?")
            return [Unit("ask", act.text, sentence=act.sentence)]
        return []

    def _said(self, acts: list[Act]) -> list[Unit]:
        """A message that asks nothing: what it says (a claim, a name, a described model), else small talk."""
        return self._stated(acts) or self._small_talk(acts) or [Unit("statement", " ".join(a.text for a in acts))]

    def _stated(self, acts: list[Act]) -> list[Unit]:
        """Claims to check, then the statements together; a statement that neither names a model nor is made
        of cue words ("hope the weekend treated everyone well") is chatter, whatever its words; a line of
        self-context only when it names a model and nothing else was said ("I've been reading about V3")."""
        c = self.clauses
        said = [a.text for a in acts if a.kind == "statement"]
        # (beside a claim, a remark on it that names no model is no more than a remark: "is it true that V3 only
        # activates 37B params per token? that seems crazy efficient")
        claimed = any(a.kind == "claim" for a in acts)
        statements = " ".join([t for t in said if c.names(t) or c.only_describes(t)] or ([] if claimed else said))
        # in the order said: each claim, and the statements together where the first of them was
        first = next((i for i, a in enumerate(acts) if a.kind == "statement"), None)
        # (statements that state a figure or a date of a model are a claim said outright: "R1 came out in 2024";
        # not a model described by one, nor a comparison asked: "那个 671B 的和 R1 比一下")
        told = "check" if statements and c.names(statements) and c.states_a_figure(statements) and not (
            c.describes_or_compares(statements)) else "statement"
        units = [Unit("check", a.text) if a.kind == "claim" else Unit(told, statements)
                 for i, a in enumerate(acts) if a.kind == "claim" or (i == first and statements)]
        if units:
            return units
        selves = [a.text for a in acts if a.kind == "self" and c.names(a.text)]
        return [Unit("statement", " ".join(selves))] if selves else []

    @staticmethod
    def _small_talk(acts: list[Act]) -> list[Unit]:
        talk = next((a for a in acts if a.kind == "smalltalk"), None) or next(
            (a for a in acts if a.kind == "chatter"), None)
        return [Unit("smalltalk", talk.text, talk.detail)] if talk else []


def _checked(act: Act) -> bool:
    """A claim asked about, by a question mark or a check tag: checked, whatever else the message asks."""
    return act.kind == "claim" and (act.question or act.detail == "tagged")


def _checks_joined(acts: list[Act], asks_which: Callable[[str], bool],
                   names: Callable[[str], list[str]] = lambda text: []) -> list[Act]:
    """"V3 has 671B params. is that right?": the clauses before a check tag, in its sentence, are the claim it
    checks; a check tag with nothing before it ("really?"), or after a question word ("what can Coder do, for
    real?"), is chatter. A remark naming no model just before the tag ("Read that DeepSeekMath was pretrained on
    500B tokens. sounds like a lot for a 7B model, is that right?") leaves the tag to the claim before it."""
    out: list[Act] = []
    for act in acts:
        if act.kind == "check" and act.text and len(out) > 1 and out[-1].kind in CONTENT and \
                not names(out[-1].text) and out[-2].kind in CONTENT and names(out[-2].text) and \
                out[-2].sentence != out[-1].sentence:
            out.pop()  # (a remark of a sentence of its own; in the claim's sentence it is the claim's)
        if act.kind == "check" and act.text and out and (out[-1].kind in CONTENT or (
                out[-1].kind == "ask" and not asks_which(out[-1].text))):
            claim = out.pop()
            # ... the whole claim of its sentence ("有人说 LLM 有 7B 和 67B 两个规模,base 和 chat 都有,准吗")
            while claim.kind in CONTENT and out and out[-1].kind in CONTENT and out[-1].sentence == claim.sentence:
                before = out.pop()
                claim = replace(before, text=f"{before.text} {claim.text}")
            out.append(replace(claim, kind="check"))
        elif act.kind == "check":
            out.append(replace(act, kind="chatter", detail="fillers"))
        else:
            out.append(act)
    return out


def _options(act: Act) -> bool:
    return act.kind in ("statement", "ask") and _OPTIONS.fullmatch(act.text) is not None
