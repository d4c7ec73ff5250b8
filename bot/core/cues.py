"""The lexicon compiled for matching: which cue words a (normalised) text holds.

A cue with Chinese characters matches as a substring; an English cue matches whole words."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.core.dates import MONTHS
from bot.core.normalise import Normaliser, has_chinese, tokens_of

# names, a regular expression and the words a claim is checked by are not cue words
NOT_CUES = ("normalise", "foreign_models", "not_covered", "names", "claim_synonyms", "stopwords.zh_light",
            "numbers.one_size", "claim_of_itself")


# words of what the article does not hold ("price", "报错", "will"): they ask about something else, so they
# are not words the article or its cues explain
OTHER_TOPICS = ("beyond_article", "message.acts")


def lexicon_texts(lexicon: dict, skip: Iterable[str] = ()) -> Iterable[str]:
    """Every cue text of the lexicon (names and the sections in `skip`, dotted for a section inside
    another, left out)."""
    skipped = {*NOT_CUES, *skip}

    def walk(node, path: str) -> Iterable[str]:
        if isinstance(node, dict):
            for key, value in node.items():
                inner = f"{path}.{key}" if path else str(key)
                if inner in skipped:
                    continue
                if has_chinese(str(key)):  # "第二: 2", "亿: 0.1"
                    yield str(key)
                if key != "name":
                    yield from walk(value, inner)
        elif isinstance(node, list):
            for item in node:
                yield from walk(item, path)
        elif isinstance(node, str):
            yield node

    yield from walk(lexicon, "")


# "when" before a doing joins a clause, it asks no date ("crashes when serving R1", "slow when running locally", "when
# inference, …", "when in production")
WHEN_DOING = re.compile(r"(?<![a-z])when\s+(?:[a-z]+ing|inference|in\s+(?:inference|production|use))(?![a-z])",
                        re.IGNORECASE)
# a launch as the time of what else is asked ("what was new about Coder when it launched?", "刚发布的时候有什么亮点")
_AT_LAUNCH = re.compile(r"(?<![a-z])when\s+(?:it|they)\s+(?:first\s+)?(?:launched|came\s+out|was\s+released|"
                        r"were\s+released|dropped|debuted|shipped)(?![a-z])|"
                        r"(?:刚)?(?:发布|出来|推出|上线)的时候", re.IGNORECASE)
_ASKS_WHAT = re.compile(r"(?<![a-z])(?:what|how|why|which)(?![a-z])|什么|怎么|为什么|哪些|啥")


def alternation(words: Iterable[str], loose: bool = False) -> str:
    """A regex matching any of the words, the longest first: Chinese anywhere, English as whole words.
    `loose`: for text as typed (not normalised), a space in a word matches any run of spaces, apostrophes
    and dashes ("isn t" matches "isn't"); compile it with re.IGNORECASE. (Typed text has its curly
    apostrophes straightened first: a class with one character past Latin-1 costs a 64K table to compile.)"""
    words = sorted(set(words), key=lambda w: (-len(w), w))

    def units(word: str) -> list[str]:
        return [r"[\s'\-]+" if loose and char == " " else re.escape(char) for char in word]

    # the English words share one pair of word boundaries
    chinese = _prefix_tree([units(w) for w in words if w and has_chinese(w)])
    latin = _prefix_tree([units(w) for w in words if w and not has_chinese(w)])
    return "|".join(([chinese] if chinese else []) + ([rf"(?<![a-z0-9])(?:{latin})(?![a-z0-9])"] if latin else []))


def _prefix_tree(words: list[list[str]]) -> str:
    """The words (each a list of regex pieces) as one alternation that shares their prefixes: "releases",
    "released", "release" give "release(?:s|d)?". The regex engine tries an alternation's branches in turn at
    every position, so hundreds of words factored this way compile in a fraction of the time and are
    searched for several times faster. Where one word begins another the longer is tried first, as a plain
    alternation sorted longest first does."""
    tree: dict = {}
    for pieces in words:
        node = tree
        for piece in pieces:
            node = node.setdefault(piece, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [piece + pattern(child) for piece, child in node.items() if piece]
        if not branches:
            return ""
        optional = "" in node
        if len(branches) == 1 and not optional:
            return branches[0]
        return f"(?:{'|'.join(branches)})" + ("?" if optional else "")

    return pattern(tree)


class CueSet:
    def __init__(self, cues: Iterable[str], normaliser: Normaliser):
        words = sorted({normaliser(str(c)) for c in cues if str(c).strip()}, key=len, reverse=True)
        self.words = [w for w in words if w]
        self._pattern = alternation(self.words) or "(?!)"
        self._compiled: re.Pattern | None = None
        self._last: tuple[str | None, re.Match | None] = (None, None)

    def _re(self) -> re.Pattern:
        """Compiled when first used: a question reads about half of the lexicon's groups, so a short run
        (`bot ask "r1"`) compiles only those."""
        if self._compiled is None:
            self._compiled = re.compile(self._pattern)
        return self._compiled

    def find(self, text: str) -> re.Match | None:
        # one question's text is tested against the same group many times while it is understood: the last
        # answer is kept for that very string object (a new question is a new object, so nothing is reused
        # across questions and timings stay honest)
        last, found = self._last
        if text is not last:
            found = (self._compiled or self._re()).search(text)
            self._last = (text, found)
        return found

    def find_all(self, text: str) -> list[re.Match]:
        return list(self._re().finditer(text))

    def __contains__(self, text: str) -> bool:
        return self.find(text) is not None

    def strip(self, text: str) -> str:
        """`text` without these cue words."""
        return " ".join(self._re().sub(" ", text).split())


class Cues:
    """Every cue group of the lexicon, ready to test a text against."""

    def __init__(self, lexicon: dict, normaliser: Normaliser):
        self.normaliser = normaliser
        cue_set = self.cue_set
        self.fields = {name: cue_set(entry["cues"]) for name, entry in lexicon["fields"].items()}
        self.weak_fields = {name: cue_set(entry.get("weak") or ()) for name, entry in lexicon["fields"].items()}
        self.tags = {name: cue_set(entry["cues"]) for name, entry in lexicon["tags"].items()}
        self.tag_opposites = {name: cue_set(entry["opposite"]) for name, entry in lexicon["tags"].items()
                              if entry.get("opposite")}
        self.list = cue_set(lexicon["list"]["cues"])
        self.list_all = cue_set(lexicon["list"]["all_cues"])
        self.list_values = cue_set(lexicon["list"]["values"])
        self.which_one = cue_set(lexicon["which_one"]["cues"])
        self.compare = cue_set(lexicon["compare"]["cues"])
        self.superlative = {kind: cue_set(words) for kind, words in lexicon["superlative"].items()}
        self.relative = {kind: cue_set(lexicon["relative"][kind]) for kind in ("after", "before")}
        self._person_before = re.compile(f"(?:{alternation(lexicon['relative']['not_after'])})\\s*$")
        self.lately = cue_set(lexicon["lately"]["words"])
        self.lately_beside = cue_set(lexicon["lately"]["beside"])
        self.more = cue_set(lexicon["numbers"]["more"])
        self.only = cue_set(lexicon["numbers"]["only"])
        self.one_size = cue_set(lexicon["numbers"]["one_size"])
        self.less = cue_set(lexicon["numbers"]["less"])
        self.units = {normaliser(str(u)): float(v) for u, v in lexicon["numbers"]["units"].items()}
        units = "|".join(re.escape(u) for u in sorted(self.units, key=len, reverse=True))
        # a parameter count with its unit: "671b", "37 billion", "6710 亿"; not "5000 亿 token"
        other = alternation(normaliser(str(w)) for w in lexicon["numbers"]["counts_other"])
        odd = alternation(normaliser(str(w)) or str(w) for w in lexicon["operators"]["approximate"]["odd"])
        # (the unit read whole: "5 万亿 token" is no "5 万" before "亿 token")
        self.figure = re.compile(rf"(?<![0-9a-z.])(?P<n>[0-9]+(?:\.[0-9]+)?)\s*(?P<odd>{odd})?\s*(?P<unit>(?>{units}))"
                                 rf"(?![a-z])(?!\s*(?:{other})(?![a-z]))")
        # and what such a number counts instead, which asks for no field ("500 billion tokens")
        self.counted = re.compile(rf"(?<![0-9a-z.])(?P<n>[0-9]+(?:\.[0-9]+)?)\s*(?P<unit>{units})?\s*个?\s*"
                                  rf"(?P<what>{other})(?![a-z])")
        # (a word the normaliser folds into another, "好几" into "多", is never in normalised text)
        self.not_asking = cue_set(w for w in lexicon["message"]["asks"]["not"] if normaliser(w) == w.lower())
        self.pronouns = cue_set(lexicon["followup"]["pronouns"])
        self.it = cue_set(lexicon["followup"]["it"])
        self.switch = cue_set(lexicon["followup"]["switch"])
        self.same_fact = cue_set(lexicon["followup"]["same_fact"])
        self.plural = cue_set(lexicon["followup"]["plural"])
        self.besides = cue_set(lexicon["followup"]["besides"])
        self.not_meant = cue_set(lexicon["followup"]["not_meant"]["words"])
        self.before_name = {normaliser(w) for w in lexicon["followup"]["not_meant"]["before_name"]}
        self.tell_more = cue_set(lexicon["followup"]["more"])
        self.every = cue_set(lexicon["followup"]["every"])
        self.the_model = cue_set(lexicon["followup"]["the_model"])
        self.undisclosed = cue_set(lexicon["undisclosed"])
        self.topics = {kind: cue_set(words) for kind, words in lexicon["beyond_article"].items()}
        self.beyond = cue_set(w for words in lexicon["beyond_article"].values() for w in words)
        self.requests = cue_set(lexicon["requests"])
        self.fit = cue_set(lexicon["fit"])
        self.overview = cue_set(lexicon["overview"]["cues"])
        self.help = cue_set(lexicon["help"]["cues"])
        self.timeline = cue_set(lexicon["timeline"]["cues"])
        self.family = cue_set(lexicon["family"])
        self.described = cue_set(lexicon["described"])
        self.relations = {kind: cue_set(words) for kind, words in lexicon["relations"].items()}
        self.stopwords = {lang: set(words) for lang, words in lexicon["stopwords"].items()}
        # a tag's opposite ("closed source") is a word a claim is checked by ("close the gap with closed-source
        # models"), where it is not a tag's
        plain_tags = {name: {k: v for k, v in entry.items() if k != "opposite"}
                      for name, entry in lexicon["tags"].items()}
        said = self._latin_words(lexicon_texts({**lexicon, "tags": plain_tags}, skip=["message.acts"]), normaliser)
        said |= set(lexicon["stopwords"]["en"])
        opposite = (str(w) for entry in lexicon["tags"].values() for w in entry.get("opposite") or ())
        opposites = self._latin_words(opposite, normaliser) - said
        self.words = said | opposites
        chinese = {w for group in (*self.fields.values(), *self.weak_fields.values(), self.compare, self.list,
                                    self.which_one, self.overview) for w in group.words if has_chinese(w)}
        # "500B token 左右": how roughly a figure is given says nothing of what it counts
        roughly = {w for words in lexicon["operators"]["approximate"].values() for w in words
                   if has_chinese(w) and len(w) > 1}
        self.search_ignores = frozenset(self.words - opposites | chinese | roughly)
        self._spellable = sorted(w for w in self.words if len(w) >= 4)
        self._swapped = by_letters(self._spellable)

    def cue_set(self, words: Iterable[str]) -> CueSet:
        """Words of the lexicon, normalised and ready to test a text against."""
        return CueSet(words, self.normaliser)

    @staticmethod
    def _latin_words(texts: Iterable[str], normaliser: Normaliser) -> set[str]:
        """The English words of cue texts: such words are never typos of a model name."""
        return {t for text in texts if not has_chinese(text) for t in tokens_of(normaliser(text)) if t.isalpha()}

    def latin_words(self, texts: Iterable[str]) -> set[str]:
        return self._latin_words(texts, self.normaliser)

    def spell(self, text: str) -> str:
        """Mend typos in cue words ("paramters", "relase"): an unknown English word this close to one is it; a
        month's name is a date, never a typo ("march" is not "match")."""
        words = text.split(" ")
        for i, word in enumerate(words):
            if len(word) >= 4 and word.isascii() and word.isalpha() and word not in self.words and word not in MONTHS:
                words[i] = closest(word, self._spellable, self._swapped) or word
        return " ".join(words)

    def fields_in(self, text: str) -> list[str]:
        """Fields asked for, strongest evidence first, then by position in the text."""
        return self.strong_fields_in(text) or self._ordered(self.weak_fields, self._asking_only(text))

    def strong_fields_in(self, text: str) -> list[str]:
        """Fields asked for in so many words ("when", "参数"), not only hinted at ("trained", "能力"); not a
        "when" that joins a clause ("… switching to chinese when I prompt it in english")."""
        text = self.counted.sub(" ", text) if self.counted.search(text) else text
        return self._ordered(self.fields, self._asking_only(text))

    def _asking_only(self, text: str) -> str:
        """The text without words that hold a field's cue but ask nothing ("when I prompt it", "描述出来")."""
        text = WHEN_DOING.sub(" ", text) if "when" in text else text
        if _ASKS_WHAT.search(text):  # "what was new about Coder when it launched": the launch only says when
            text = _AT_LAUNCH.sub(" ", text)
        return self.not_asking.strip(text) if self.not_asking.find(text) else text

    def relation_in(self, text: str) -> str | None:
        found = self.relations_in(text)
        return found[0] if found else None

    def relations_in(self, text: str) -> list[str]:
        return self._ordered(self.relations, text)

    def billions(self, figure: re.Match) -> float:
        """A match of `figure` in billions of parameters."""
        return float(figure["n"]) * self.units[figure["unit"]]

    def tags_in(self, text: str) -> list[str]:
        """The tags the text names, leftmost-longest: "编码器" is the encoders' tag, not also code's "编码"."""
        hits = sorted(((m.start(), -len(m.group()), name) for name, cues in self.tags.items()
                       if (m := cues.find(text))))
        kept: list[tuple[int, int, str]] = []  # (start, end, tag)
        for start, minus_length, name in hits:
            if all(start >= end for _, end, _ in kept):  # starts after every kept match ends
                kept.append((start, start - minus_length, name))
        return [name for _, _, name in kept]

    def superlative_in(self, text: str) -> str | None:
        found = self._ordered(self.superlative, text)
        if found and (relatives := [m for group in self.relative.values() for m in group.find_all(text)]):
            # a rank word begun inside a word of time ("之后发布" holds "后发布"): that word's
            found = [name for name in found if any(not any(r.start() < m.start() < r.end() for r in relatives)
                                                   for m in self.superlative[name].find_all(text))]
        if found and found[0] == "newest" and self.only_lately(text):
            found = found[1:]
        return found[0] if found else None

    def only_lately(self, text: str) -> bool:
        """"梁文锋最近接受采访说了啥", "what has the team said recently": a word that also says "lately" ranks only
        beside a word of release or of which model ("最近发布的", "the most recent one")."""
        ranked = {m.group() for m in self.superlative["newest"].find_all(text)}
        return ranked <= set(self.lately.words) and not (
            text in self.fields["released"] or text in self.weak_fields["released"] or text in self.list
            or text in self.which_one or text in self.lately_beside)

    def topic_in(self, text: str) -> str | None:
        """The kind of topic beyond the article the text names first ("price", "licence"), if any."""
        found = self._ordered(self.topics, text)
        return found[0] if found else None

    def relative_in(self, text: str) -> str | None:
        """"after", "之前": which model came before or after; not when a person did something then ("我以前用过 V2"),
        nor before doing something ("the one that thinks before answering")."""
        def timed(name: str) -> bool:
            found = self.relative[name].find(text)
            return not (self._person_before.search(text[:found.start()]) or _DOING.match(text, found.end()))
        found = [name for name in self._ordered(self.relative, text) if timed(name)]
        return found[0] if found else None

    @staticmethod
    def _ordered(groups: dict[str, CueSet], text: str) -> list[str]:
        hits = [(m.start(), name) for name, cues in groups.items() if (m := cues.find(text))]
        return [name for _, name in sorted(hits)]


_DOING = re.compile(r"\s*[a-z]+ing\b")  # "before answering": a time in a doing, not a model's


def by_letters(words: Iterable[str]) -> dict[str, list[str]]:
    """Words by their letters, sorted: where a word with two letters swapped finds the one meant."""
    found: dict[str, list[str]] = {}
    for w in words:
        found.setdefault("".join(sorted(w)), []).append(w)
    return found


def closest(word: str, words: list[str], swapped: dict[str, list[str]]) -> str | None:
    """The known word `word` is a typo of: one this close by its letters ("paramters", "relase"), or the same
    letters with two neighbours swapped ("papre", "relaese"); None when there is none."""
    match = process.extractOne(word, words, scorer=fuzz.ratio, score_cutoff=85)
    if match:
        return match[0]
    return next((w for w in swapped.get("".join(sorted(word)), ()) if OSA.distance(word, w) == 1), None)

