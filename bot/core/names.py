"""Names of DeepSeek models, read by the pattern of the family's naming, not from a list of strings.

A name is `brand? family version? part*`: "DeepSeek-V3", "Coder-V2-Lite-Instruct", "R1-Distill-Qwen-32B",
"V3-0324", "JanusFlow", "deepseek-chat". The words of the pattern are the lexicon's (`names:`); the ten
models are found by reading their own names (display name, aliases, the versions their files list) with the
same pattern, so nothing here knows a model.

In: the tokens of a normalised question, a position, and how each pair of tokens was joined where typed
("V2-Lite" joined, "V2 Lite" spaced). Out: the `Name` starting there, if any:

- `covered`: one of the article's models, as the article names it ("Janus-Pro-7B", "DeepSeek LLM 67B chat");
- `variant`: a covered model with a suffix or size the article does not describe ("V2-Lite", "V3-Base",
  "R1-Distill-Qwen-32B"): `model` is the covered model;
- `other`: a DeepSeek model the article does not cover ("V2.5", "V3-0324", "R1-Zero", "Janus", "JanusFlow",
  "DeepSeek-Prover", the API names "deepseek-chat" / "deepseek-reasoner"): `model` is the closest covered
  model by name, or None.

`bot.core.understanding.scope.for_variants(query, links)` is the one rule for what an answer does with a
variant."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol


class Knowledge(Protocol):
    """What the names read of the knowledge (bot.core.knowledge.KnowledgeBase has it): the lexicon, the
    normaliser and the models; names never import the knowledge, which checks its aliases against them."""
    lexicon: dict[str, Any]
    normaliser: Callable[[str], str]
    models: Sequence[Any]
    by_id: Mapping[str, Any]

SIZE = re.compile(r"^\d+(?:\.\d+)?b$")
VERSION = re.compile(r"^v?(\d+(?:\.\d+)?)$")


@dataclass(frozen=True)
class Name:
    kind: str  # "covered", "variant" or "other"
    model: str | None  # the covered model; for "other" the closest one by name (or None)
    length: int  # tokens taken
    distilled: bool = False  # a distilled version of the model ("R1-Distill-…")


@dataclass(frozen=True)
class _Parsed:
    family: str
    version: str | None
    parts: tuple[str, ...]  # words after the version: editions, suffixes, the base of a distill
    sizes: tuple[str, ...]
    dated: bool  # a date after the name ("V3-0324")
    length: int
    branded: bool


@dataclass(frozen=True)
class _Spec:
    """How the article names one of its models."""
    model: str
    family: str
    version: str | None
    own: frozenset[str]  # words of its own name after the family ("pro" of Janus-Pro)
    editions: frozenset[str]  # words the article names it with besides ("chat", "base" of DeepSeek LLM)
    sizes: frozenset[str]  # sizes the article names ("7b", "67b"; "1b", "7b" of Janus-Pro)


class Names:
    def __init__(self, kb: Knowledge):
        words = kb.lexicon["names"]
        norm = kb.normaliser
        self._brands = {norm(w) for w in words["brands"]}
        self._lettered = sorted((norm(w) for w in words["lettered"]), key=len, reverse=True)
        self._bare = norm(words["bare_version"])
        self._families = {norm(w) for w in words["families"]}
        self._variant_words = {norm(w) for w in words["variants"]}
        self._other_words = {norm(w) for w in words["others"]}
        self._joined_only = {norm(w) for w in words["joined_only"]}
        self._distill = norm(words["distill"])
        self._date = re.compile(words["date"])
        self._near = {norm(k): v for k, v in (words.get("near") or {}).items()}
        # the models a distilled version is made from ("Qwen", "Llama"): other companies' names, one word each
        self._bases = {norm(n) for n in kb.lexicon["foreign_models"] if " " not in norm(n)}
        self._unbranded: set[str] = set()  # families a model's own name starts with ("Janus-Pro": janus)
        self._own_words: set[str] = set()
        self._specs = self._read_own_names(kb)
        self._own_words = {w for s in self._specs for w in s.own | s.editions}
        self._unbranded = {s.family for s in self._specs
                           if kb.normaliser(kb.by_id[s.model].name["en"]).split()[0] == s.family}

    def _read_own_names(self, kb: Knowledge) -> list[_Spec]:
        specs: dict[tuple[str, str, str | None, frozenset[str]], dict[str, set[str]]] = {}
        for m in kb.models:
            names = [m.name["en"], *m.aliases, *(name for name, _ in m.variants)]
            main = self._parse(kb.normaliser(m.name["en"]).split(), 0, None, own_name=True)
            if main is None:
                continue
            own = frozenset(main.parts)
            # an edition or a size is the model's own only where its section names it ("base 及 chat 版本")
            section = " ".join(kb.normaliser(line) for line in m.source.values()).split()
            for name in names:
                parsed = self._parse(kb.normaliser(str(name)).split(), 0, None, own_name=True)
                if (parsed is None or parsed.length != len(kb.normaliser(str(name)).split())
                        or parsed.family != main.family):
                    continue  # an alias the pattern does not read ("deepseek 3"), or of another family: not its own
                key = (m.id, parsed.family, parsed.version, own)
                entry = specs.setdefault(key, {"editions": set(), "sizes": set()})
                entry["editions"].update(w for w in set(parsed.parts) - own if w in section)
                entry["sizes"].update(s for s in parsed.sizes if s in section)
            sizes = {f"{b:g}b" for b in (m.total_b, *(b for _, b in m.variants)) if b}
            for key, entry in specs.items():
                if key[0] == m.id:
                    entry["sizes"].update(sizes)
        return [_Spec(mid, family, version, own, frozenset(e["editions"]), frozenset(e["sizes"]))
                for (mid, family, version, own), e in specs.items()]

    # --- reading -----------------------------------------------------------------------------------
    def read(self, tokens: list[str], i: int, typed: Typed | None = None) -> Name | None:
        """The name starting at token `i`, if the pattern reads one there.

        `typed`: for each token, how it was typed (its text, and whether it was joined to the token before it
        by a dash, an underscore or nothing); None when only the normalised text is known (then all joined)."""
        parsed = self._parse(tokens, i, typed)
        return self._classify(parsed) if parsed else None

    def _parse(self, tokens: list[str], i: int, typed: Typed | None,
               own_name: bool = False) -> _Parsed | None:
        j, branded = i, False
        if j < len(tokens) and tokens[j] in self._brands:
            j, branded = j + 1, True
        if j >= len(tokens):
            return None
        family, version = self._family_at(tokens[j])
        if family is None and branded and re.fullmatch(r"\d+(?:\.\d+)?", tokens[j]):
            family, version = self._bare, tokens[j]  # "deepseek 3" is V3: a bare version is of this family
        if family is None:
            return None
        j += 1
        if version is None and family not in self._lettered and j < len(tokens) and (
                found := VERSION.match(tokens[j])) and not SIZE.match(tokens[j]) and not (typed and typed.separated(j)):
            version, j = found.group(1), j + 1  # "coder v2", "coder 2", "math v1.5"
        parts: list[str] = []
        sizes: list[str] = []
        dated = False
        start_parts = j
        while j < len(tokens) and not (typed and typed.separated(j)):
            word = tokens[j]
            joined = typed is None or typed[j][1]
            capital = typed is not None and typed[j][0][:1].isupper()
            after_distill = self._distill in parts
            if SIZE.match(word) and (joined or after_distill or self._suffix_follows(tokens, j + 1)):
                sizes.append(word)
            elif self._date.match(word):
                dated = True
            elif word in self._joined_only and not (joined or capital):
                break  # "is janus pro small?" asks whether it is small
            elif (word in self._variant_words or word in self._other_words or word in self._own_words
                  or (own_name and word.isascii() and word.isalpha())):  # a model's own name: all its words
                parts.append(word)
            elif after_distill and word in self._bases:
                parts.append(word)  # "Distill-Qwen"
            else:
                break
            j += 1
        # a family word alone, without the brand, a version or anything after it, is no name ("which llm", "moe"),
        # unless a model's own name starts with it ("Janus")
        if (not own_name and not branded and version is None and j == start_parts and family not in self._lettered
                and family not in self._unbranded):
            return None
        return _Parsed(family, version, tuple(parts), tuple(sizes), dated, j - i, branded)

    def _family_at(self, token: str) -> tuple[str | None, str | None]:
        """("v", "3") for "v3", ("vl", None) for "vl" (a lettered family of two letters stands alone),
        ("coder", None) for "coder"; (None, None) for a word that starts no name."""
        if token in self._families:
            return token, None
        for letters in self._lettered:  # longest first: "vl2" is VL 2, not V
            rest = token.removeprefix(letters)
            if rest != token and re.fullmatch(r"\d+(?:\.\d+)?", rest):
                return letters, rest
            if rest != token and SIZE.match(rest):  # "deepseek-vl-7b", read as "vl7b": the family, then a size
                return letters, None
            if token == letters and len(letters) > 1:
                return letters, None
        return None, None

    def _suffix_follows(self, tokens: list[str], j: int) -> bool:
        """"coder 33b instruct": a size is part of the name when a suffix of the name follows it."""
        return j < len(tokens) and (tokens[j] in self._variant_words or tokens[j] in self._other_words)

    def _classify(self, p: _Parsed) -> Name | None:
        family_specs = [s for s in self._specs if s.family == p.family]
        if not family_specs:
            if p.family in self._near or p.branded:
                return Name("other", self._near.get(p.family), p.length)
            return None
        same_version = [s for s in family_specs if s.version == p.version]
        parts = set(p.parts)
        spec = next((s for s in same_version if s.own <= parts), None)
        if spec is None:
            return Name("other", self._closest(p, family_specs, same_version), p.length)
        extra = parts - spec.own
        if p.dated or extra & self._other_words - self._variant_words - spec.editions:
            return Name("other", spec.model, p.length)
        if extra <= spec.editions and set(p.sizes) <= spec.sizes:
            return Name("covered", spec.model, p.length)
        return Name("variant", spec.model, p.length, distilled=self._distill in extra)

    @staticmethod
    def _closest(p: _Parsed, specs: list[_Spec], same_version: list[_Spec]) -> str | None:
        """The covered model nearest by name: the same version ("Janus" -> Janus-Pro), else the same major
        version ("V3.1" -> V3, "V2.5" -> V2), else the nearest version below ("V4" -> V3), else above."""
        if same_version:
            return same_version[0].model

        def number(version: str | None) -> float:
            return float(version) if version else 0.0

        wanted = number(p.version)
        major = [s for s in specs if s.version and int(number(s.version)) == int(wanted)]
        below = sorted((s for s in specs if number(s.version) < wanted), key=lambda s: -number(s.version))
        above = sorted((s for s in specs if number(s.version) > wanted), key=lambda s: number(s.version))
        found = major or below or above
        return found[0].model if found else None


_SEPARATORS = "、,，;；/|"  # what stands between the items of a list


@dataclass(frozen=True)
class Typed:
    """How a question's tokens were typed: each token's own letters, where, and whether it was joined to the
    token before it by a dash, an underscore, a dot or nothing ("V2-Lite") or spaced ("V2 Lite")."""
    text: str
    spans: tuple[tuple[int, int, bool], ...]

    def __getitem__(self, i: int) -> tuple[str, bool]:
        start, end, joined = self.spans[i]
        return self.text[start:end], joined

    def separated(self, j: int) -> bool:
        """A list's separator stands between token j-1 and token j ("Coder、LLM、V2": LLM and V2 are two names)."""
        return 0 < j < len(self.spans) and any(c in _SEPARATORS
                                                 for c in self.text[self.spans[j - 1][1]:self.spans[j][0]])

    def enumerated(self, j: int) -> bool:
        """The Chinese list mark "、" stands between token j-1 and token j: a list, whatever comes first ("LLM、V2")."""
        return 0 < j < len(self.spans) and "、" in self.text[self.spans[j - 1][1]:self.spans[j][0]]

    def between(self, i: int, j: int) -> str:
        """Tokens i to j-1 as typed ("DeepSeek-V2-Lite")."""
        return self.text[self.spans[i][0]:self.spans[j - 1][1]]

    @classmethod
    def find(cls, text: str, tokens: list[str]) -> Typed:
        """`tokens` (of the normalised `text`) found in `text`, in order. A token normalising changed ("params"
        for "parameters", "深度求索" for the brand) is taken as typed joined, where it stands."""
        typed = unicodedata.normalize("NFKC", text)
        spans: list[tuple[int, int, bool]] = []
        at = 0
        for token in tokens:
            found = _literal(token).search(typed, at)
            if not found:
                spans.append((at, at, True))
                continue
            gap = typed[at:found.start()]
            spans.append((found.start(), found.end(), not spans or not gap or bool(re.fullmatch(r"[-_.·]+", gap))))
            at = found.end()
        return cls(typed, tuple(spans))


@lru_cache(maxsize=4096)
def _literal(token: str) -> re.Pattern:
    """A token found in the text as typed, in any case (tokens repeat across questions: compiled once)."""
    return re.compile(re.escape(token), re.IGNORECASE)
