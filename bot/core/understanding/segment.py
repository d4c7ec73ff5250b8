"""Stage 1, segment: a message as typed -> its clauses, in order.

In: the message as a person typed it in a channel (mentions, markup, links, emoji, line breaks,
several sentences). Out: `Clause`s, each a sentence or a clause of one, with addressing (mention
tokens, "@name"), markup, links and emoji gone, and whether it ended with a question mark.

A sentence ends at . ? ! 。？！；; … at an emoji and at a line break. Inside a sentence a clause ends at a comma
or a colon, at a word that opens another question ("also", "btw", "还有", "另外"), and at "and"
when the words after it ask a question of their own ("when did v3 come out and how big is it?",
not "compare v2 and v3"). A space between Chinese words ends a clause where the words before it say nothing
the reader uses ("吃了没 哪些模型是开源的", "技术这块不太懂 那个 660B 的推理模型…"). Splitting too finely is
safe: the next stages join a clause that only names a model to the question beside it.
What each clause does is for `acts`."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.core.cues import alternation
from bot.core.normalise import CJK, simplified

MAX_CLAUSES = 40  # a wall of text is read as far as this; each clause is framed at most once

_ADDRESSING = re.compile(r"<(?:@[!&]?|#)\d+>|<a?:\w+:\d+>|<t:-?\d+(?::\w)?>|@\w[\w.-]*|@(?=\s)")
_LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# a site named without a scheme ("coder.deepseek.com down?"): a website, not a model's name
_DOMAIN = re.compile(r"(?<![\w.])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|ai|org|net|io|cn|dev|co)(?:/\S*)?(?![\w.])",
                     re.IGNORECASE)
# a block of code pasted into the message: what it prints or holds, never a question of its own; an error's line
# in it is the one thing said ("```\nImportError: cannot import name …\n```")
_CODE_BLOCK = re.compile(r"```[^\n`]*\n?(?P<code>.*?)(?:```|\Z)", re.DOTALL)
_ERROR_MESSAGE_END = re.compile(r"[:.,;?\[(]")  # where the first phrase of an error's message ends
_ERROR_LINE = re.compile(r"\b[A-Z][A-Za-z]*(?:Error|Exception)\b|Traceback")
_LINE_MARKUP = re.compile(r"^\s*(?:>>>|>|-#|#{1,3}|[-*+]\s)", re.MULTILINE)
_INLINE_MARKUP = re.compile(r"[*`~|_]{2,}|[*`|]")
# what a chat app pastes for an attachment ("[图片]", "[动画表情]", "[image]"): no words of the message
_PLACEHOLDER = re.compile(r"[\[【](?:图片|图|表情|动画表情|语音|视频|链接|文件|截图|image|img|photo|picture|screenshot|"
                          r"sticker|emoji|gif|voice|video|link|file|attachment)[\]】]", re.IGNORECASE)
# abbreviations whose full stop ends no sentence
_ABBREVIATIONS = ("vs", "e.g", "i.e", "etc", "approx", "no", "ver", "v", "mr", "dr", "st")
# a sentence ends at its punctuation, a line break, or where a numbered item starts ("1) … 2) …", "①", "(2)")
# (a full stop inside a word ends nothing: "inference.py", "transformers.models.llama")
_ITEM = r"(?<![^\s:：,，;；])(?:\d{1,2}[).、]|[(（]\d{1,2}[)）])(?=\s)"  # where a numbered item starts
_SENTENCE_END = re.compile(r"[?？!！。;；…]+(?:\s+[?？!！。;；…]+)*|\.{2,}|(?<![0-9])\.(?![0-9a-z_])"
                           rf"|(?<=[0-9])\.(?=\s|$)|\n+|{_ITEM}")
_ITEM_MARK = re.compile(r"\d{1,2}[).、]|[(（]\d{1,2}[)）]")
_NAME_REACH = 60  # characters after a joining word where the name it opens with is looked for
_DOTTED = re.compile(r"(?<![a-z])(?:i\.e|e\.g|a\.k\.a|w\.r\.t)\.?(?![a-z])", re.IGNORECASE)  # "(i.e. the number …)"
_APOSTROPHES = str.maketrans("\u2018\u2019\u02bc", "'''")  # one apostrophe: the patterns of typed words know only it
# brackets and quotes: what is inside is one thing said ("called "DeepSeekMath: Pushing the Limits…"?")
# (full-width brackets are ASCII by now; a single quote opens after no letter and closes before none: not "what's")
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”|《[^》]*》')  # what is quoted, whose stops end no sentence
_BRACKETS = re.compile(rf"\([^()]*\)|{_QUOTED.pattern}|(?<!\w)'[^']+'(?!\w)")
_ERROR_NAME = re.compile(r"\b[A-Z][A-Za-z]*(?:Error|Exception)\s*$")  # a program's error, just before its message
_NAME_WORDS = 3  # a model's name is at most this many words ("deepseek coder v2")
_ENUMERATING = re.compile(r"^\s*(?:and|or|&|和|或者|或|以及|与|跟)\s*", re.IGNORECASE)  # "…, and R1", "…, or R1"
# the asker's guess in brackets, a question or not ("(I assume that one counts the MTP weights?)", "(我猜是算上了…)")
_GUESSED = re.compile(r"\((?:i\s+(?:assume|guess|think|believe|suppose|suspect|imagine)|presumably|probably|maybe|"
                      r"我猜|我估计|估计|大概|可能)[^()]*\)", re.IGNORECASE)
_CIRCLED = {0x2460 + n: f" ({n + 1}) " for n in range(20)}  # "①": a numbered item, before NFKC makes it "1"
_CJK_SPACE = re.compile(rf"(?<=[{CJK}])\s+(?=[{CJK}])")  # the space a Chinese writer types for a comma
# a clause ends at a comma or a colon (not between figures, "November 2, 2023", "1,000", nor in a time, "10:30")
# (and a dash between words: "… in class today — why is it important?"; not a hyphen: "DeepSeek - R1" is a name)
_CLAUSE_END = re.compile(rf"(?<![0-9])[,，:：]|[,，:：](?!\s*[0-9])|(?<=[{CJK}])、(?=\s*(?:还有|另外))"
                         r"|\s+(?:[—–]{1,2}|--)\s+|—"
                         # (a spaced hyphen before a question word: "before I die on this hill though - what did …")
                         r"|\s+-\s+(?=(?i:what|how|why|when|which|who|is|are|was|were|does|do|did|can)\b)")


@dataclass(frozen=True)
class Clause:
    text: str  # the clause's words, without its ending punctuation
    question: bool  # it ended with a question mark
    sentence: int  # which sentence it belongs to (clauses of one sentence share it)
    stated: bool = False  # it ended its sentence with a full stop or an exclamation mark
    item: bool = False  # its sentence is a numbered item ("1) release date 2) its paper title")


class Segmenter:
    def __init__(self, message: dict, names: Callable[[str], bool] = lambda text: False,
                 says_nothing: Callable[[str], bool] = lambda text: False, yes_no: Iterable[str] = (),
                 names_only: Callable[[str], bool] = lambda text: False,
                 says_it: Callable[[str], bool] = lambda text: False):
        """`names(text)`: whether the text names a model (a joining word before a name opens another
        question: "what's V2 and also r1's sizes"); `says_nothing(text)`: whether the words ask nothing, name
        no model and hold no cue (chatter before a space between Chinese words: "吃了没 哪些模型是开源的");
        `yes_no`: the words a yes/no question opens with ("can", "is"); `names_only(text)`: whether the text
        names models and nothing else; `says_it(text)`: whether it refers back ("it", "它")."""
        asks = message["asks"]
        asking = [*asks["starts"], *asks["anywhere"], *asks["wanting"]]
        self._asks_first = re.compile(rf"\s*(?:{alternation(asking, loose=True)})", re.IGNORECASE)
        self._request = re.compile(rf"\s*(?:{alternation(asks['requests'], loose=True)})", re.IGNORECASE)
        self._yes_no = re.compile(rf"\s*(?:{alternation(yes_no, loose=True) or '(?!)'})", re.IGNORECASE)

        def joining(words: list[str]) -> re.Pattern:  # with the space around it (none beside Chinese)
            # (the Chinese class case-sensitive: ignoring case, its 28,000 characters are each folded to compile)
            chinese = f"(?-i:[{CJK}])"
            return re.compile(rf"(?:^|\s|(?<={chinese}))(?:{alternation(words, loose=True)})(?:\s|(?={chinese})|$)",
                              re.IGNORECASE)

        self._joining, self._strong = joining([*message["joiners"], *message["and"]]), joining(message["joiners"])
        self._list_start = re.compile(rf"\s*(?:{alternation(message['list_starts'], loose=True)})", re.IGNORECASE)
        self._names, self._says_nothing, self._names_only, self._says_it = names, says_nothing, names_only, says_it

    def split(self, text: str) -> list[Clause]:
        clauses: list[Clause] = []
        for n, (sentence, question, stated, item) in enumerate(_sentences(_clean(text))):
            pieces = [p for piece in _clauses(sentence, self._enumerates) for joined in self._at_joiners(piece)
                      for p in self._after_chatter(joined)]
            clauses += [Clause(p, question and i == len(pieces) - 1, n, stated and i == len(pieces) - 1, item)
                        for i, p in enumerate(pieces)]
            if len(clauses) >= MAX_CLAUSES:
                break
        return clauses[:MAX_CLAUSES]

    def _at_joiners(self, piece: str) -> list[str]:
        """The clause cut before each joining word ("also", "and", "还有") that the words of a question follow
        ("… and how big is it"), or, for a word that only joins questions ("also", "btw", "还有"), a model's name
        ("… and also r1's sizes") or a list ("… and also models released in 2024"); not "compare v2 and v3", "is v3
        also open source". The joining word stays with
        the clause it opens: "and V3?" asks what was just asked, of V3."""
        out, last = [], 0
        inside = [m.span() for m in _BRACKETS.finditer(piece)]  # an aside in brackets is one thing said
        for match in self._joining.finditer(piece):
            if any(start < match.start() < stop for start, stop in inside):
                continue
            # (a list or a rank after "and also", "plus", "btw"; not after a bare "also": "is R1 also the largest?")
            strong = self._strong.match(piece, match.start())
            listed = strong and strong.group().strip().lower() != "also" and self._list_start.match(piece, match.end())
            named = strong and self._names(piece[match.end():match.end() + _NAME_REACH])
            # (work asked of the bot, unless the words before only open a yes/no question and name its subject: the
            # request word is its verb, "can janus pro also generate images?")
            opener = self._yes_no.match(piece, last)
            verb = opener and self._names_only(piece[opener.end():match.start()])
            asked = self._asks_first.match(piece, match.end()) or (self._request.match(piece, match.end()) and not verb)
            if asked and not strong and (yes_no := self._yes_no.match(piece, match.end())):
                # after a bare "and", a yes/no word opens a question with its subject after it ("and is R1 open
                # source", "and is it …"); else it is the verb of the sentence going on ("V2 came out in May and has
                # 671B params"); after "and also", "btw", it opens one ("and also is llama a good llm")
                after = piece[yes_no.end():]
                asked = self._names(after) or self._says_it(after)
            if asked and strong and strong.group().strip().lower() == "also" and \
                    self._yes_no.match(piece, match.end()) and self._name_ends(piece[last:match.start()]):
                asked = False  # "heard Janus-Pro also has a 13B variant": the verb of the name before it goes on
            opens = asked or named or listed
            if match.start() > last and opens:
                out.append(piece[last:match.start()])
                last = match.start()
        out.append(piece[last:])
        return [p.strip() for p in out if p.strip()]

    def _name_ends(self, text: str) -> bool:
        """The words end with a model's name ("heard Janus-Pro")."""
        words = text.split()
        return any(self._names_only(" ".join(words[-n:])) for n in range(1, min(_NAME_WORDS, len(words)) + 1))

    def _enumerates(self, before: str, after: str) -> bool:
        """A comma between names lists them ("which came out first, V3, R1 or Janus-Pro?", "when were V2, V3 and
        R1 released?", "V2、V3、R1 哪个先出"): the words just before it are a name, and so are the ones just
        after it (after "and" or "or")."""
        last, first = before.split()[-_NAME_WORDS:], _ENUMERATING.sub("", after, count=1).split()[:_NAME_WORDS]
        return any(self._names_only(" ".join(last[i:])) for i in range(len(last))) and any(
            self._names_only(" ".join(first[:i + 1])) for i in range(len(first)))

    def _after_chatter(self, piece: str) -> list[str]:
        """The piece cut at each space between Chinese words where the words before it say nothing."""
        out, last = [], 0
        for space in _CJK_SPACE.finditer(piece):
            if self._says_nothing(piece[last:space.start()]):
                out.append(piece[last:space.start()])
                last = space.end()
        return [*out, piece[last:]]

    def starts_asking(self, text: str) -> bool:
        """Whether the clause opens with a question or request word ("what is deepseek coder")."""
        own = self.without_joiner(text)
        return bool(self._asks_first.match(own) or self._request.match(own))

    def opens(self, text: str) -> bool:
        """Whether the clause opens with a word that only joins questions ("also deepseek math", "还有 R1")."""
        return bool(self._strong.match(text))

    def without_joiner(self, text: str) -> str:
        """The clause without the joining word that opens it ("and is it open source" -> "is it open source")."""
        match = self._joining.match(text)
        return text[match.end():].lstrip() if match else text


def _sentences(text: str) -> list[tuple[str, bool, bool, bool]]:
    """(sentence, ended with a question mark, ended with a full stop or an exclamation mark, a numbered item) in
    order."""
    found, start, item = [], 0, False
    inside = [m.span() for m in _QUOTED.finditer(text)]  # (a title's "…" ends no sentence: "《Towards …》是吧")
    for end in _SENTENCE_END.finditer(text):
        if any(a < end.start() and end.end() < b for a, b in inside):
            continue
        before = text[start:end.start()]
        words = before.split()
        if end.group() == "." and words and words[-1].lower() in _ABBREVIATIONS:
            continue  # "V2 vs. V3": the stop belongs to the word
        question, numbered = "?" in end.group() or "？" in end.group(), bool(_ITEM_MARK.fullmatch(end.group()))
        stops = not (question or numbered) and any(c in end.group() for c in ".。!！")
        found.append((before, question, stops, item))
        start, item = end.end(), numbered
    found.append((text[start:], False, False, item))
    return [(s.strip(), q, d, i) for s, q, d, i in found if s.strip()]


def _clauses(sentence: str, enumerates: Callable[[str, str], bool]) -> list[str]:
    """The sentence cut at its clause ends, but not inside brackets or quotes ("DeepSeek-VL (v1, before VL2) any
    good?"), nor at a comma between names (`enumerates(before, after)`)."""
    inside = [m.span() for m in _BRACKETS.finditer(sentence)]
    pieces, last = [], 0
    for end in _CLAUSE_END.finditer(sentence):
        if end.group() in ",，" and enumerates(sentence[last:end.start()], sentence[end.end():]):
            continue
        if end.group() in ":：" and _ERROR_NAME.search(sentence[last:end.start()]):
            continue  # "KeyError: 'deepseek_v3'": the error's message is the error's
        if not any(start < end.start() < stop for start, stop in inside):
            pieces.append(sentence[last:end.start()])
            last = end.end()
    return [*pieces, sentence[last:]]


def _clean(text: str) -> str:
    """The message as a person reads it: no mention tokens, links, markup, attachments pasted, emoji or control
    characters; line breaks kept, as they end sentences; Traditional characters as Simplified, the case as typed;
    "i.e." and "e.g." one word each, their dots ending nothing; the asker's guess in brackets gone."""
    text = _CODE_BLOCK.sub(_said_of_code, text).translate(_CIRCLED)
    text = _DOTTED.sub(lambda m: m.group().replace(".", ""), simplified(text).translate(_APOSTROPHES))
    text = _GUESSED.sub(" ", _PLACEHOLDER.sub(" ", _ADDRESSING.sub(" ", text)))
    text = _DOMAIN.sub(" website ", _LINK.sub(" ", text))
    text = _INLINE_MARKUP.sub("", _LINE_MARKUP.sub(" ", text))
    return "\n".join(" ".join(line.split()) for line in "".join(_visible(ch) for ch in text).split("\n"))


def _said_of_code(block: re.Match) -> str:
    """A code block as one line of the message: its first error line, to the end of the error's first phrase
    ("ValueError: Unknown quantization method: fp8. Must be one of [...]" says "ValueError: Unknown quantization
    method"; what follows is the program's, no question's), else nothing."""
    errors = [line for line in block["code"].splitlines() if _ERROR_LINE.search(line)]
    if not errors:
        return "\n"
    line = errors[0][_ERROR_LINE.search(errors[0]).start():]
    name, colon, message = line.partition(":")
    return f"\n{name}{colon}{_ERROR_MESSAGE_END.split(message, maxsplit=1)[0]}\n"


def _visible(ch: str) -> str:
    if ch == "\n":
        return ch
    category = unicodedata.category(ch)
    if category in ("Cc", "Zl", "Zp"):
        return "\n" if ch in "\r\u2028\u2029" else " "
    if category == "So":
        return "。"  # an emoji ends what was said before it ("我完全插不上话😂 所以它到底是个啥")
    if category in ("Sk", "Cf", "Co", "Cs", "Cn", "Mn") and not ("\u4e00" <= ch <= "\u9fff"):
        return " "  # modifiers, zero-width and bidi marks
    return ch
