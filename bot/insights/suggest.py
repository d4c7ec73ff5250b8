"""What would probably fix a group of failed questions, as concrete knowledge edits with evidence.

Every candidate is computed from the knowledge and the engine, then tried: it is written into
a temporary copy of the knowledge, that copy must pass the check, and the engine built from
it must answer the group's questions the intended way. Only edits that fix at least half of
the group's wordings are suggested; how many they fix is part of the evidence.

- alias: a word the engine does not know that resembles one model's names (an abbreviation such
  as `ds3` for `deepseek v3`, or a spelling the fuzzy matcher left alone), clearly ahead of
  every other model, or that the users' notes name a model for;
- cue: the phrase the questions share, besides the model's name, looks like one field's cue
  words (its characters or words belong to that field's cues), or the notes ask for that field;
- beyond: the phrase appears nowhere in the article, so it is a topic the bot should decline."""

from __future__ import annotations

import shutil
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from bot.core.dates import MONTHS
from bot.core.engine import Engine
from bot.core.knowledge import KnowledgeError
from bot.core.normalise import CJK_RE, has_chinese, tokens_of
from bot.core.query import Query
from bot.insights.clusters import Group
from bot.insights.edits import Edit, EditError, trial_copy

RESEMBLES = 75.0  # a word this close to a model's name may be a new alias for it
AHEAD = 10.0  # ... when the runner-up model is this far behind
AFFINITY = 0.6  # share of a phrase's characters or words that belong to one field's cues
FIX_SHARE = 0.5  # an edit is suggested when it fixes at least this share of the group's wordings
MAX_PHRASE = 4  # the longest Chinese phrase tried, in characters (English: words)
MAX_WORDINGS = 100  # a group's most frequent wordings, on which its edits are found and tried


@dataclass
class Suggestion:
    kind: str  # "alias", "cue" or "beyond"
    edit: Edit
    target: str  # the model id (alias), the field (cue), "" (beyond)
    evidence: dict = field(default_factory=dict)
    fixed: int = 0  # distinct wordings the engine answers as intended once the edit is made
    of: int = 0

    @property
    def id(self) -> str:
        return self.edit.id

    def summary(self) -> str:
        what = {"alias": f"alias {self.edit.value!r} for {self.target}",
                "cue": f"cue {self.edit.value!r} for the field {self.target}",
                "beyond": f"{self.edit.value!r} is not in the article: decline it"}[self.kind]
        return f"{what} (fixes {self.fixed} of {self.of} wordings)"


class Suggester:
    def __init__(self, engine: Engine):
        self.engine = engine
        self.kb = engine.kb
        u = engine.understanding
        self.cues = u.cues
        self.linker = u.linker
        self._known = ({t for key in self.kb.alias_keys() for t in key} | self.cues.words
                       | self.cues.stopwords["en"] | set(self.kb.lexicon["normalise"]["split_prefixes"])
                       | {t for name in self.kb.lexicon["foreign_models"] for t in tokens_of(self.kb.normaliser(name))})
        self._names = {m.id: sorted({self.kb.normaliser(n) for n in (*m.aliases, m.name["en"], m.name["zh"])})
                       for m in self.kb.models}
        self._field_units = {name: Counter(u for cue in (*self.cues.fields[name].words,
                                                         *self.cues.weak_fields[name].words)
                                           for u in _units(cue, self.cues.stopwords))
                             for name in self.cues.fields}
        self._article = self.kb.normaliser(" ".join(
            text[lang] for m in self.kb.models
            for text in (m.features, m.significance, m.headline, m.parameters_text, m.released_text,
                         m.paper_summary, m.paper_text, *(r.text for r in m.relations), m.name)
            if text for lang in ("zh", "en")))  # a headline or a paper text may be absent
        self._article_words = set(tokens_of(self._article))
        # words a decline must never hold: those that say the same as the article's sentences ("on par",
        # "matches": claim_synonyms)
        self._synonyms = {t for words in self.kb.lexicon["claim_synonyms"].values() for w in words
                          for t in tokens_of(self.kb.normaliser(w))} - set(self.cues.stopwords["en"])

    # --- the group, as the engine reads it now --------------------------------------------------
    def suggest(self, group: Group) -> list[Suggestion]:
        questions = group.questions[:MAX_WORDINGS]
        candidates = self._aliases(group) + self._phrases(group)
        tried = [s for s in (self._tried(s, questions) for s in candidates) if s]
        return sorted(tried, key=lambda s: -s.fixed)

    def _normalised(self, group: Group) -> list[str]:
        return [self.kb.normaliser(q) for q in group.questions[:MAX_WORDINGS]]

    # --- alias ----------------------------------------------------------------------------------
    def _aliases(self, group: Group) -> list[Suggestion]:
        texts = self._normalised(group)
        unknown = Counter(w for text in texts for w in self._unknown_words(text))
        noted = Counter(m for note in group.notes for m in self._models_named(note))
        found = []
        for word, count in unknown.most_common(3):
            if count < FIX_SHARE * len(texts):
                break
            ranked = sorted(((self._resemblance(word, names), mid) for mid, names in self._names.items()),
                            key=lambda x: -x[0][0])
            (best, alias, how), mid = ranked[0]
            runner_up = ranked[1][0][0]
            evidence = {"word": word, "in_wordings": count, "wordings": len(texts)}
            if best >= RESEMBLES and best - runner_up >= AHEAD:
                evidence |= {"resembles": alias, "how": how, "score": round(best, 1),
                             "runner_up": {"model": ranked[1][1], "score": round(runner_up, 1)}}
            elif noted and noted.most_common(1)[0][1] * 2 > len(group.notes):
                mid = noted.most_common(1)[0][0]
                evidence |= {"notes_naming_model": noted[mid], "notes": len(group.notes)}
            else:
                continue
            found.append(Suggestion("alias", Edit(f"models/{mid}.yaml", ("aliases",), word), mid, evidence))
        return found

    def _unknown_words(self, text: str) -> set[str]:
        """Latin words the bot does not know, with the number the normaliser split off ("dsv2")."""
        tokens = [*tokens_of(text), ""]
        return {t + tokens[i + 1] if tokens[i + 1].isdigit() else t for i, t in enumerate(tokens[:-1])
                if t.isascii() and len(t) >= 2 and not t.isdigit() and t not in self._known}

    def _models_named(self, text: str) -> list[str]:
        return self.linker.link(self.kb.normaliser(text)).models

    @staticmethod
    def _resemblance(word: str, names: list[str]) -> tuple[float, str, str]:
        """(score, the name it is closest to, how): an abbreviation keeps the name's letters in order
        and exactly its digits (`ds3` for `deepseek v3`); otherwise the spelling distance."""
        best = (0.0, "", "")
        digits = [c for c in word if c.isdigit()]
        for name in names:
            compact = name.replace(" ", "")
            if not compact.isascii():
                continue
            if digits == [c for c in compact if c.isdigit()] and word[0] == compact[0] and _in_order(word, compact):
                best = max(best, (90.0, name, "abbreviation"))
            best = max(best, (fuzz.ratio(word, compact), name, "spelling"))
        return best

    # --- cue or beyond --------------------------------------------------------------------------
    def _phrases(self, group: Group) -> list[Suggestion]:
        texts = self._normalised(group)
        rests = [self._without_cues(self.cues.spell(self.linker.link(t).rest)) for t in texts]
        counts = Counter(p for rest in rests for p in self._phrases_in(rest))
        if not counts:
            return []
        top = max(counts.values())
        if top < FIX_SHARE * len(texts):
            return []
        # the most specific phrase among those every wording shares: the longest
        phrase = max((p for p, c in counts.items() if c == top), key=lambda p: (len(_units(p, {})), p))
        evidence = {"phrase": phrase, "in_wordings": top, "wordings": len(texts),
                    "name_a_model": sum(bool(self._models_named(t)) for t in texts)}
        noted = Counter(f for note in group.notes for f in self.cues.fields_in(self.kb.normaliser(note))[:1])
        affinity = {name: self._affinity(phrase, name) for name in self._field_units}
        ranked = sorted(affinity, key=lambda name: -affinity[name])
        if noted and noted.most_common(1)[0][1] * 2 > len(group.notes):
            target = noted.most_common(1)[0][0]
            evidence |= {"notes_asking_field": noted[target], "notes": len(group.notes)}
        elif affinity[ranked[0]] >= AFFINITY and affinity[ranked[0]] > affinity[ranked[1]]:
            target = ranked[0]
            evidence |= {"affinity": round(affinity[target], 2), "runner_up": {
                "field": ranked[1], "affinity": round(affinity[ranked[1]], 2)},
                "near_cues": self._near_cues(phrase, target)}
        else:
            target = None
        found = []
        if target:
            found.append(Suggestion("cue", Edit("lexicon.yaml", ("fields", target, "cues"), phrase), target,
                                    evidence))
        # a word added to the decline list changes nothing for a question that names no model (see _intended): such
        # a group gets no trial
        if not target and evidence["name_a_model"] and self._outside_article(phrase):
            found.append(Suggestion("beyond", Edit("lexicon.yaml", ("beyond_article", "other"), phrase), "",
                                    evidence | {"in_article": False, "best_field_affinity": round(
                                        affinity[ranked[0]], 2)}))
        return found

    def _without_cues(self, text: str) -> str:
        """The text less every cue word the bot already reads in it: what is left is what it does not."""
        c = self.cues
        for cues in (*c.fields.values(), *c.weak_fields.values(), *c.tags.values(), *c.superlative.values(),
                     *c.relative.values(), c.list, c.which_one, c.compare, c.overview, c.beyond, c.pronouns,
                     c.switch, c.tell_more, c.requests, c.help, c.timeline, c.undisclosed):
            while found := cues.find(text):
                text = f"{text[:found.start()]} {text[found.end():]}"
        return text

    def _phrases_in(self, rest: str) -> set[str]:
        """Candidate phrases of what is left of a question: Chinese runs of 2-4 characters, English
        runs of 1-3 words, none only stop words and none already a cue word of any kind."""
        stop = self.cues.stopwords
        out: set[str] = set()
        run: list[str] = []
        for token in [*tokens_of(rest), ""]:
            if token and CJK_RE.match(token):
                run.append(token)
                continue
            out |= {"".join(run[i:i + n]) for n in range(2, MAX_PHRASE + 1) for i in range(len(run) - n + 1)}
            run = []
        words = [t for t in tokens_of(rest) if not CJK_RE.match(t)]
        out |= {" ".join(words[i:i + n]) for n in range(1, 4) for i in range(len(words) - n + 1)
                if words[i] not in stop["en"] and words[i + n - 1] not in stop["en"]}
        # a Chinese phrase says something only with two characters that are not stop words ("有啥" does not)
        return {p for p in out if len(_units(p, stop)) >= (2 if has_chinese(p) else 1)
                and not any(c.isdigit() for c in p) and p not in self.cues.search_ignores and not self._is_cue(p)}

    def _is_cue(self, phrase: str) -> bool:
        groups = (*self.cues.fields.values(), *self.cues.weak_fields.values(), self.cues.beyond)
        return any(cues.find(phrase) for cues in groups) or set(phrase.split()) <= self._known

    def _affinity(self, phrase: str, name: str) -> float:
        """The mean, over the phrase's characters (Chinese) or words (English), of the share of that
        unit's uses in field cues that are this field's."""
        units = _units(phrase, self.cues.stopwords)
        total = Counter()
        for counts in self._field_units.values():
            total.update(counts)
        return sum(self._field_units[name][u] / total[u] for u in units if total[u]) / len(units)

    def _near_cues(self, phrase: str, name: str) -> list[str]:
        units = set(_units(phrase, self.cues.stopwords))
        cues = [c for c in self.cues.fields[name].words if units & set(_units(c, self.cues.stopwords))]
        return sorted(cues, key=lambda c: -fuzz.ratio(phrase, c))[:3]

    def _outside_article(self, phrase: str) -> bool:
        if has_chinese(phrase):
            return phrase not in self._article
        words = set(phrase.split())
        # ("par with gpt" would decline "is coder v2 on par with GPT4-Turbo?", which the article answers; "june"
        # would decline "anything from june 2024?", which its dates answer)
        return not words <= self._article_words and not words & (self._synonyms | set(MONTHS))

    # --- the trial ------------------------------------------------------------------------------
    def _tried(self, suggestion: Suggestion, questions: list[str]) -> Suggestion | None:
        """The suggestion with how many wordings it fixes (answered as intended with the edit, not without),
        or None when it fixes too few or the check rejects it."""
        try:
            copy = trial_copy(self.kb.folder, [suggestion.edit])
        except EditError:
            return None
        try:
            trial = Engine.from_folder(copy)
        except KnowledgeError:
            return None
        finally:
            shutil.rmtree(copy, ignore_errors=True)
        now, then = self.engine.understanding.understand, trial.understanding.understand
        fixed = sum(_intended(suggestion, then(q)) and not _intended(suggestion, now(q)) for q in questions)
        suggestion.fixed, suggestion.of = fixed, len(questions)
        return suggestion if fixed and fixed >= FIX_SHARE * len(questions) else None


def _intended(suggestion: Suggestion, query: Query) -> bool:
    if suggestion.kind == "alias":
        return query.intent != "none" and suggestion.target in query.models
    if suggestion.kind == "cue":
        return query.intent == "field" and query.field == suggestion.target
    # a topic declined for a model named ("R1 打分时间"); a question naming none says nothing of the word
    return (query.reason or "").startswith("beyond:") or ((query.reason or "").startswith("topic:")
                                                          and bool(query.about))


def _units(text: str, stopwords: dict) -> list[str]:
    """Chinese characters and English words, less stop words."""
    return [t for t in tokens_of(text) if t not in stopwords.get("zh", ()) and t not in stopwords.get("en", ())]


def _in_order(word: str, name: str) -> bool:
    letters = iter(name)
    return all(c in letters for c in word)
