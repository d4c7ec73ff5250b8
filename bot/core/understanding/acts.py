"""Stage 2, acts: what each clause does, from its form.

In: a `Clause`. Out: an `Act`: its kind, a detail, and the clause's words without the chatter at its
edges (greetings, addressing, fillers before; thanks after), which is what the later stages read.

Kinds, tried in this order:
- chatter: nothing is left once the chatter is gone ("hey all", "thx!!", "sorry for the noob question"), or
  what is left goes on with it ("how are you doing today?", "thanks for all the help"); `detail` is its
  class (greetings, thanks, apologies, ...), so a message of chatter alone gets small talk.
- smalltalk: the clause asks the bot about itself ("who are you", "good bot"); `detail` says which.
- check: the clause only asks whether what was said just before is so ("right?", "真的吗", "is that true").
- out-of-scope: it asks what the article cannot hold by its kind: `detail` future ("when will …", "什么时候能
  …"), howto ("how do i download …", "怎么部署 …") or error ("… keeps failing with CUDA OOM").
- ask: a question by its form: a question word, a yes/no or request word first, a question word or
  particle in Chinese, a question mark at its end.
- claim: passes on what someone said ("someone said …", "群里有人说 …", "我记得 …"): a claim to check.
- self: told in the first person with no question of its own ("I'm writing slides for my team").
- statement: anything else: a model's name, a description, a fact stated.

Nothing here knows a model or a fact: the form of the clause decides."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.core.cues import WHEN_DOING, alternation
from bot.core.normalise import A_NOT_A, has_chinese
from bot.core.understanding.segment import Clause

_EDGE = r"[\s,，.。:：;；!！?？~、…\-—()]*"  # what stands between chatter and the rest (an aside's brackets too)
# a particle, or "how is it" ("vl2 咋样", "R1 用起来怎么样"), last
# (a question particle last, or "…了没(有)", has it happened yet: "GRPO 的训练代码开源了没")
_ENDS_ASKING = re.compile(r"(?:吗|呢|么|吧|嘛|咋样|怎么样|如何|了没有?)[啊呀\s,，.。!！?？~…]*$")
_PUNCTUATION = " ,，.。:：;；!！?？~、…-—"
# a Chinese A-not-A question asks wherever it stands ("会不会泄露隐私", "安全不安全", "有没有内容审查")
# an exception's name, as a program prints it ("KeyError", "RuntimeException", "CUDAError")
_EXCEPTION = re.compile(r"\b[A-Z][A-Za-z]*(?:Error|Exception)\b")
_PARTICLES = re.compile(r"[吧啊呀哦啦嘛呢哈嘞咯喔~\s]+")  # what chatter may leave, alone ("救救孩子吧"): nothing
# what a person will do is their story, not a future of the models ("my boss is gonna ask me about this later",
# "我打算用 R1 写个插件"); not "you", "they", "他们": DeepSeek's plans ("你们打算什么时候出 R2")
_PERSON_FUTURE = re.compile(r"\b(?:i|we|he|she|my\s+\w+|our\s+\w+|someone|somebody)(?:\s+(?:is|are|am|was|m|re|s|"
                            r"ll))?\s+(?:gonna|going\s+to|will|plan(?:s|ning)?\s+to)\b|"
                            r"(?:我们|我|老板|老师|领导|同事)(?:打算|计划|将要|准备)", re.IGNORECASE)
# who said what was just said, after it ("that's what a guy on twitter told me with full confidence"): checked
_TOLD_ME = re.compile(r"^\s*that(?:'s|\s+is|\s+was|s)\s+what\s+(?:[\w']+\s+){1,6}?(?:told\s+me|told\s+us|said|says|"
                      r"claims|claimed|wrote|posted)\b", re.IGNORECASE)
_SURELY = re.compile(r"^\s*(?:难道|莫非)")  # a rhetorical question's opening: a negation after it asserts
_NEGATION_AFTER_SURELY = re.compile(r"(?:不|没)(是|就是|有)")
_SAID_WHERE = re.compile(r"^(?:[a-z']+\s+){1,5}?that\s+(?=\S)", re.IGNORECASE)  # "in lecture today that …"
_PROGRESSIVE = re.compile(r"\s+[a-z]+ing\b", re.IGNORECASE)  # "was explaining", "am wondering"
_COMPOUND_HEADS = "引作应费适采信通专常实有备享功效"  # 引用, 作用, 应用, 费用 …: words that end in a verb of using
_TAIL = 4  # a Chinese question word this near the end asks ("R1 用起来感觉怎么样", "它的意义到底在哪")


@dataclass(frozen=True)
class Act:
    kind: str  # chatter, smalltalk, check, out-of-scope, ask, claim, self, statement
    detail: str | None  # chatter's class, small talk's kind, the out-of-scope act, "tagged" (a claim's check tag)
    text: str  # the clause without the chatter at its edges
    question: bool  # the clause ended with a question mark
    sentence: int = 0  # which sentence of the message it is in
    item: bool = False  # its sentence is a numbered item


class Acts:
    def __init__(self, message: dict):
        chatter = message["chatter"]
        self._chatter = {kind: _words(words, "^") for kind, words in chatter.items()}
        every = [w for words in chatter.values() for w in words]
        self._lead = re.compile(rf"^{_EDGE}(?:{alternation(every, loose=True)}){_EDGE}", re.IGNORECASE)
        leading_only = set(message["leading_only"])
        trailing = [*chatter["thanks"], *(w for w in chatter["fillers"] if w not in leading_only),
                    *chatter["apologies"], *chatter["greetings"]]
        self._trail = re.compile(rf"{_EDGE}(?:{alternation(trailing, loose=True)}){_EDGE}$", re.IGNORECASE)
        self._smalltalk = {kind: re.compile(rf"^{_EDGE}(?:{alternation(words, loose=True)}){_EDGE}$", re.IGNORECASE)
                           for kind, words in message["smalltalk"].items()}
        self._checks = _Checks(message)
        trailing = [t for t in message["check_tags"] if t not in message["check_alone"]]
        self._tagged = re.compile(rf"^(?P<claim>.+?){_EDGE}(?:{alternation(trailing, loose=True)}){_EDGE}$",
                                  re.IGNORECASE)
        self._not_tagged_after = {w.lower() for w in message["check_not_after"]}
        asks = message["asks"]
        self._asks_anywhere = _words(asks["anywhere"])
        self._wanting = _words(asks["wanting"])
        # a question word inside a word that asks nothing ("好几个" is "quite a few", "几乎" is "almost")
        # (and "when" before a doing, which joins a clause: "crashes when serving DeepSeek-R1")
        self._not_asking = re.compile(f"(?:{alternation(asks['not'], loose=True)})|{WHEN_DOING.pattern}",
                                      re.IGNORECASE)
        self._continues = _words(message["continues"], r"^\s*")
        self._contrasts = _words(message["contrasts"], r"^\s*")
        self._restates = re.compile(rf"^\s*(?:{alternation(message['restates'], loose=True)})(?![a-z])", re.IGNORECASE)
        starts = [*asks["starts"], *asks["requests"]]
        self._asks_first = _words(starts, "^")
        self._asks_inside = _words([w for w in (*starts, *asks["anywhere"], *asks["wanting"]) if not has_chinese(w)])
        rumour = message["rumour"]
        # where something was seen, and nothing else ("看了个视频", "刷到个帖子", "saw a post"): chatter before the
        # claim (a word or two may name where: "B 站视频")
        leads, subjects = alternation(rumour["leads"], loose=True), alternation(rumour["subjects"], loose=True)
        self._seen = re.compile(rf"^{_EDGE}(?:{leads})\s*(?:了)?\s*(?:一?个|an?\s+)?\s*(?:\S{{1,4}}\s*){{0,2}}"
                                rf"(?:{subjects}){_EDGE}$", re.IGNORECASE)
        verbs = alternation(rumour["verbs"], loose=True)
        # (not what the asker was asked to do: "我导师让我读 DeepSeek 讲 MoE 的那篇")
        asked = alternation(message["asked_me"], loose=True)
        cited = rf"{alternation([*rumour['verbs'], *rumour['source_verbs']], loose=True)}"
        self._rumour = re.compile(rf"^\s*(?:{alternation(rumour['markers'], loose=True)}|"
                                  rf"(?:{leads})?(?:一?个|an?\s+)?(?:{subjects})(?:(?!{asked}).){{0,30}}?(?:{verbs})(?![法明服])|"
                                  rf"[^,，。.!！?？]{{0,16}}?(?:{alternation(rumour['sources'], loose=True)})\s*"
                                  rf"(?:里面|里|上面|上|中)?\s*(?:只|也|都|就|only|also|just)?\s*(?:{cited})"
                                  rf")(?:\s+that\b)?", re.IGNORECASE)
        self._self = _words(message["self"], r"^\s*")
        self._says = _words(rumour["verbs"])
        self._heard = _words([*rumour["markers"], *rumour["verbs"]])
        self._asked_me = _words(message["asked_me"])
        self._known = _words(message["known"])
        self._which_is_right = _words(message["which_is_right"])
        self._what_for = _words(message["thanked_for"], "^")
        acts = message["acts"]
        self._future = _words(acts["future"]["words"])
        self._error = _words(acts["error"]["words"])
        howto = acts["howto"]
        self._howto = [_near(howto["frames"], howto["verbs"], chinese) for chinese in (False, True)]
        self._where = _words(howto["where"])
        self._tools = _words(howto["tools"])
        self._paper = _words(howto["except"])

    def of(self, clause: Clause, without_joiner=lambda text: text, says_nothing=lambda text: False) -> Act:
        """What the clause does; `without_joiner` cuts a joining word that opens it ("and", "还有"), which
        says nothing of its form (the text read later keeps it: "and V3?" asks again, of V3); `says_nothing(text)`
        tells words that name no model and hold no cue (what goes on after chatter may)."""
        return replace(self._act(clause, without_joiner, says_nothing), sentence=clause.sentence, item=clause.item)

    def _act(self, clause: Clause, without_joiner, says_nothing) -> Act:
        text = self.without_chatter(clause.text)
        form = self.without_chatter(without_joiner(text))
        if not form or _PARTICLES.fullmatch(form) or self._goes_on_chatting(clause.text, form, says_nothing) or \
                self._seen.match(form):
            return Act("chatter", self._chatter_kind(clause.text), "", clause.question)
        for kind, pattern in self._smalltalk.items():
            if pattern.match(form):
                return Act("smalltalk", kind, form, clause.question)
        if self._checks.match(form):
            return Act("check", None, form, clause.question)
        if (tagged := self._tagged.match(form)) and not self.asks(tagged["claim"]) and \
                tagged["claim"].split()[-1].lower() not in self._not_tagged_after and \
                (clause.question or not self._out_of_scope(form)):
            # "V3 is 671B right?", "R1 开源对吧": a claim and its check tag, with no comma between (not a problem
            # told: "加了 trust_remote_code=True 还是不行," is "still fails")
            return Act("claim", "tagged", self._claimed(tagged["claim"]), clause.question)
        rumour = self._rumour.match(form)
        claimed = self._claimed(form)
        if self.asks(form, clause.question) and not (rumour and not self.asks(claimed)):
            act = self._out_of_scope(form)
            return Act("out-of-scope" if act else "ask", act, text, clause.question)
        if rumour:  # passed on, even with a question mark ("我记得 V2 比 V3 大?", "heard R1 is open source?")
            return Act("claim", None, claimed, clause.question)
        if act := self._out_of_scope(form):  # "R1 keeps failing with CUDA OOM", "could you add …": asked about
            return Act("out-of-scope", act, text, clause.question)
        if self._self.match(form):
            return Act("self", None, text, clause.question)
        return Act("statement", None, text, clause.question)

    def _goes_on_chatting(self, typed: str, form: str, says_nothing) -> bool:
        """Chatter opens the clause and the rest goes on with it ("how are you doing today?", "sorry for the
        ping", "thx for all the help yesterday folks", "谢谢各位的耐心"): the rest asks nothing by its words, and
        either says nothing or, after thanks or an apology, says what for."""
        lead = self._lead.match(typed)
        if not lead or lead.end() == 0 or self.asks(form):
            return False
        thanked = self._chatter_kind(typed) in ("thanks", "apologies")
        return says_nothing(form) or (thanked and bool(self._what_for.match(form)))

    def _claimed(self, text: str) -> str:
        """What a claim says, without who passed it on, however many passed it on ("someone on reddit said that
        the csdn article says …")."""
        for _ in range(3):
            rumour = self._rumour.match(text)
            said = text[rumour.end():].strip(_PUNCTUATION) if rumour else ""
            if not said:
                break
            # (where or when it was said comes before "that": "my professor said in lecture today that …")
            said = _SAID_WHERE.sub("", said)
            # ("难道 V3 不是用 FP8 训练的?": surely it is; the negation after 难道 is rhetorical)
            text = _NEGATION_AFTER_SURELY.sub(r"\1", said, count=1) if _SURELY.match(text) else said
        return text

    def continued(self, acts: list[Act]) -> list[Act]:
        """A clause that goes on with a request the article cannot hold ("could you add support for multi-function
        LLMs, for example, those that can generate images like Janus pro?") is part of that request; one that sets
        what was just said against another thing ("…, not just understanding?") only lends it its question mark."""
        out: list[Act] = []
        for act in acts:
            if not (out and act.text and out[-1].sentence == act.sentence):
                out.append(act)
            elif self._contrasts.match(act.text):  # what it is set against says nothing of it; its "?" asks
                before = out.pop()
                kind = "ask" if act.question and before.kind == "statement" else before.kind
                out.append(replace(before, kind=kind, question=before.question or act.question))
            elif out[-1].kind == "out-of-scope" and self._continues.match(act.text):
                before = out.pop()
                out.append(replace(before, text=f"{before.text} {act.text}", question=before.question or act.question))
            else:
                out.append(act)
        return out

    def masked(self, text: str) -> str:
        """The text with the words that hold a question word but ask nothing blanked, in place."""
        return self._not_asking.sub(lambda m: " " * len(m.group()), text)

    def asks(self, text: str, question: bool = False) -> bool:
        """Whether the words ask by their form."""
        return bool(question or self._asked_first(text) or self._asks_anywhere.search(self.masked(text))
                    or self._wanting.search(text) or _ENDS_ASKING.search(text) or self.a_not_a(text))

    def asks_outright(self, text: str) -> bool:
        """Whether the words are a question by their form alone, not only hold a question word inside a
        statement ("I had no clue what he meant", "突然好奇为啥大家都说 …"): a question or request word
        first, a question word or particle last, or an A-not-A form anywhere ("r1 会不会被审查")."""
        text = text.strip(_PUNCTUATION)
        tail = max(0, len(text) - _TAIL)
        masked = self.masked(text)
        return bool(self._asked_first(text) or self._asks_anywhere.match(masked) or _ENDS_ASKING.search(text)
                    or self.a_not_a(text) or self._wanting.search(text)
                    or any(m.start() >= tail and has_chinese(m.group()) for m in self._asks_anywhere.finditer(masked)))

    def restates(self, text: str) -> bool:
        """It opens by saying it asks the question before it again ("like significance-wise", "或者说意义在哪")."""
        return bool(self._restates.match(text))

    def tells_what_was_seen(self, text: str) -> bool:
        """It tells what was seen, read or heard somewhere ("前几天看到 R1 的新闻", "saw the V3 pricing thread")."""
        return bool(self._heard.search(text))

    def passes_on(self, text: str) -> bool:
        """It says what someone said ("another says it never had a single release date", "他说…")."""
        return bool(self._says.search(text))

    def asks_which_is_right(self, text: str) -> bool:
        """It asks which of the things said is right ("到底哪个对", "which is it?")."""
        return bool(self._which_is_right.search(text))

    def passes_on_a_question(self, text: str) -> bool:
        """It tells what someone asked ("我妈问我 DeepSeek 是不是一夜之间冒出来的")."""
        return bool(self._asked_me.search(text))

    def says_it_is_known(self, text: str) -> bool:
        """The asker says they have or know it already ("…的论文我都找到了", "I already have the dates")."""
        return bool(self._known.search(text))

    def first_person(self, text: str) -> bool:
        """Told in the first person ("I'm writing a blog post …", "我在做一个 PPT …")."""
        return bool(self._self.match(text))

    def has_act(self, text: str) -> bool:
        """Words of an act the article cannot hold (a plan, a how-to, an error), or support in a tool."""
        return self._out_of_scope(text) is not None

    @staticmethod
    def a_not_a(text: str) -> bool:
        """An A-not-A question ("快不快", "有没有")."""
        return bool(A_NOT_A.search(text))

    def asks_after(self, text: str, start: int) -> bool:
        """A Chinese question word after `start` (where a model's name starts: "coder v2 怎么精调到自己的项目上")."""
        found = self._asks_anywhere.finditer(self.masked(text))
        return any(m.start() > start and has_chinese(m.group()) for m in found)

    def question_starts(self, text: str) -> list[int]:
        """Where an English question could start inside a clause ("… this topic does r1 use RL?"): at a
        question or yes/no word."""
        return [m.start() for m in self._asks_inside.finditer(text) if not has_chinese(m.group())]

    def _asked_first(self, text: str) -> bool:
        """A yes/no or request word first, as a question opens ("was V3 …"); not a statement that leaves its
        subject out ("was explaining things to an intern", "is looking great")."""
        first = self._asks_first.match(text)
        return bool(first) and not _PROGRESSIVE.match(text, first.end())

    def without_chatter(self, text: str) -> str:
        """The text without greetings, addressing and fillers before it and thanks after it."""
        while (lead := self._lead.match(text)) and lead.end() > 0:
            text = text[lead.end():]
        while (trail := self._trail.search(text)) and trail.start() < len(text):
            text = text[:trail.start()]
        return text.strip(_PUNCTUATION)

    def _chatter_kind(self, text: str) -> str:
        stripped = text.strip(_PUNCTUATION)
        return next((kind for kind, pattern in self._chatter.items() if pattern.match(stripped)), "fillers")

    def _out_of_scope(self, text: str) -> str | None:
        """The act a question makes that the article cannot answer by its kind, if any."""
        if self._error.search(text) or _EXCEPTION.search(text):
            return "error"
        if any(pattern.search(text) for pattern in self._howto) or self._tools.search(text) or (
                self._where.search(text) and not self._paper.search(text)):
            return "howto"
        if self._future.search(_PERSON_FUTURE.sub(" ", text)):
            return "future"
        return None


class _Checks:
    """The forms that only ask whether what was just said is so ("right?", "真的吗", "这个说法对吗", "is the date
    right?", "can you verify that claim", "is that what the article says?", "marketing fluff or …?")."""

    def __init__(self, message: dict):
        nouns, tags = alternation(message["check_nouns"], loose=True), alternation(message["check_tags"], loose=True)
        # (a tag may be doubted after "or", one word qualifying the doubt: "a real thing or just twitter hype")
        doubts = alternation(message["check_doubts"], loose=True)
        doubt = rf"(?:just\s+|只是)?(?:[a-z]+\s+)?(?:{doubts})"
        # (the tags once: a tag, doubted or not, or a doubt alone)
        checked = rf"(?:(?:{tags})(?:\s*(?:or|还是)\s*{doubt})?|(?:or\s+)?{doubt})"
        # (or doubted first, then the check: "marketing fluff or does the article actually say that?", "是炒作还是真的")
        # ("这是视频自己编的还是确有其事": who made it up may stand between)
        self._doubted_first = re.compile(rf"^{_EDGE}(?:just\s+|(?:[这那]个?)?是(?:[\u4e00-\u9fff]{{1,4}}?)?)?"
                                         rf"(?:{doubts})(?:\s+[a-z]+)?\s*(?:or|还是)\s*", re.IGNORECASE)
        # (after wanting it confirmed: "想确认下是不是这么回事", "just want to confirm, is that right")
        wanting = alternation(message["asks"]["wanting"], loose=True)
        self._check = re.compile(rf"^{_EDGE}(?:(?:{wanting})(?:一?下)?{_EDGE})?"
                                 rf"(?:(?:or\s+)?(?:is\s+)?(?:that|this|it|the)(?:\s+(?:{nouns}))?\s+"
                                 rf"|(?:[这那][个种]?)?(?:{nouns})?)?(?:到底|究竟|真的|really\s+|actually\s+)?"
                                 rf"{checked}{_EDGE}$", re.IGNORECASE)
        # wanting what was just said checked, in so many words ("老板让我核实一下这个说法", "can you verify that claim")
        asking = r"(?:can|could|would|pls|please)(?:\s+(?:you|u|someone|anyone))?"
        self._check_wanted = re.compile(rf"^{_EDGE}(?:\S{{0,6}}?|{asking})\s*"
                                        rf"(?:{wanting}|verify|confirm|fact check|double check)(?:一?下)?\s*"
                                        rf"(?:[这那][个种条]?|(?:this|that|the)\s+)(?:{nouns}){_EDGE}$", re.IGNORECASE)
        # whether a source says so ("Is that what the DeepSeek material itself says", "is that what the write-ups say?",
        # "Is that actually what's claimed for it?")
        self._check_source = re.compile(rf"^{_EDGE}(?:or\s+)?(?:is|was)\s+(?:that|this|it)\s+(?:really\s+|actually\s+)?"
                                        rf"what(?:'s|\s+is)?\s+(?:[\w\-]+\s+){{0,4}}(?:says|say|said|claims|claimed|writes|wrote|"
                                        rf"stated|reported)(?:\s+(?:for|about|of)\s+(?:it|them))?{_EDGE}$",
                                        re.IGNORECASE)

    def match(self, form: str) -> bool:
        doubted_first = self._doubted_first.match(form)
        return bool(self._check.match(form) or self._check_wanted.match(form) or self._check_source.match(form)
                    or _TOLD_ME.match(form)
                    or (doubted_first and self._check.match(form[doubted_first.end():])))


def _words(words, anchored: str = "") -> re.Pattern:
    return re.compile(f"{anchored}(?:{alternation(words, loose=True)})", re.IGNORECASE)


def _near(frames: list[str], verbs: list[str], chinese: bool) -> re.Pattern:
    """A frame word, then a verb: in English within a few words, in Chinese within a few characters
    ("怎么在本地部署"; not "怎么这么火,用了什么", where 怎么 asks why)."""
    frames = [w for w in frames if has_chinese(w) == chinese]
    verbs = [w for w in verbs if has_chinese(w) == chinese]
    gap = r"[^,，.。;；!！?？]{0,4}?" if chinese else r"[^,.;!?]{0,40}?"
    # (a one-character verb ends no word it is the tail of: "引用" cites, "作用" works; "用" alone uses)
    tail = rf"(?<![{_COMPOUND_HEADS}])" if chinese else ""
    return re.compile(rf"(?:{alternation(frames, loose=True)}){gap}{tail}(?:{alternation(verbs, loose=True)})",
                      re.IGNORECASE)
