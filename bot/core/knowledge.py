"""Load and validate `knowledge/`: the article, one YAML file per model, and the lexicon.

Every problem is reported with the file, the entry and the key, all at once, so a
maintainer fixes a broken file in one pass. Nothing here knows about Discord."""

from __future__ import annotations

import datetime as dt
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.core.normalise import Normaliser, tokens_of

LANGS = ("zh", "en")
FIELD_NAMES = ("released", "parameters", "features", "significance", "paper")
FAMILIES = ("code", "general", "moe", "math", "vision", "reasoning")
RELATION_KINDS = ("based_on", "distilled")

SOURCE_KEYS = ("heading", *FIELD_NAMES)  # the lines of a model's section in the article, in order
MODEL_KEYS = {"id", "section", "family", "name", "headline", "released", "parameters", "features",
              "significance", "paper", "source", "tags", "relations", "aliases"}
REQUIRED_MODEL_KEYS = MODEL_KEYS - {"relations", "headline"}
LEXICON_KEYS = {"normalise", "tags", "fields", "list", "which_one", "compare", "superlative", "relative",
                "lately", "numbers", "followup", "overview", "foreign_models", "names", "help", "timeline",
                "undisclosed", "beyond_article", "requests", "fit", "not_covered", "family", "relations", "chatter",
                "described", "sizes", "operators", "message", "claim_synonyms", "claim_opposites", "claim_of_itself",
                "exactness",
                "stopwords"}
ARTICLE_KEYS = {"title", "source", "published", "dated_by", "intro"}
ARTICLE_TEXT = "article.zh.txt"  # the article itself, character for character: every quote is checked against it

# The expected shape of each file, checked before anything is read from it (see _fits).
NUMBER = (int, float)
WORDS = [str]
BILINGUAL_SHAPE = {"zh": str, "en": str}
MODEL_SHAPE = {
    "id": str, "family": str, "name": BILINGUAL_SHAPE, "headline": BILINGUAL_SHAPE,
    "released": {"text": BILINGUAL_SHAPE}, "features": BILINGUAL_SHAPE, "significance": BILINGUAL_SHAPE,
    "parameters": {"text": BILINGUAL_SHAPE, "variants": [{"name": (str, *NUMBER)}], "distilled_b": [NUMBER],
                   "from_names": bool, "example": {"model": str, "b": NUMBER}},
    "paper": {"title": str, "text": BILINGUAL_SHAPE, "summary": BILINGUAL_SHAPE},
    "source": {str: str}, "tags": {str: BILINGUAL_SHAPE},
    "relations": [{"kind": str, "models": WORDS, "names": WORDS, "quote": str, "text": BILINGUAL_SHAPE}],
    "aliases": [(str, int)],
}
ARTICLE_SHAPE = {"title": BILINGUAL_SHAPE, "source": str, "dated_by": BILINGUAL_SHAPE}
LEXICON_SHAPE = {
    "normalise": {"replace": {str: str}, "split_prefixes": WORDS, "letter_digits": {str: str},
                  "short_brands": {str: str}},
    "tags": {str: {"name": BILINGUAL_SHAPE, "cues": WORDS, "opposite": WORDS, "topic": bool}},
    "fields": {str: {"cues": WORDS, "weak": WORDS}},
    "list": {"cues": WORDS, "all_cues": WORDS, "values": WORDS},
    "which_one": {"cues": WORDS}, "compare": {"cues": WORDS}, "overview": {"cues": WORDS},
    "help": {"cues": WORDS}, "timeline": {"cues": WORDS},
    "superlative": {str: WORDS}, "relative": {"before": WORDS, "after": WORDS, "not_after": WORDS},
    "lately": {"words": WORDS, "beside": WORDS},
    "numbers": {"more": WORDS, "less": WORDS, "only": WORDS, "one_size": WORDS, "units": {str: NUMBER},
                "counts_other": WORDS},
    "followup": {"pronouns": WORDS, "it": WORDS,
                 "more": WORDS, "switch": WORDS, "same_fact": WORDS, "every": WORDS, "the_model": WORDS, "other": WORDS,
                 "besides": WORDS, "plural": WORDS, "former": WORDS, "latter": WORDS, "original": WORDS,
                 "not_meant": {"words": WORDS, "before_name": WORDS}},
    "claim_synonyms": {str: WORDS}, "claim_opposites": {str: str}, "claim_of_itself": WORDS, "exactness": WORDS,
    "foreign_models": WORDS, "undisclosed": WORDS,
    "names": {"brands": WORDS, "lettered": WORDS, "bare_version": str, "families": WORDS, "variants": WORDS,
              "others": WORDS, "joined_only": WORDS, "distill": str, "date": str, "near": {str: str},
              "listed_with": WORDS},
    "beyond_article": {str: WORDS}, "requests": WORDS, "fit": WORDS, "sizes": WORDS, "stopwords": {str: WORDS},
    "not_covered": [{"name": str, "aliases": WORDS, "mentioned_by": str}],
    "operators": {
        "negation": {"cues": WORDS, "ignore": WORDS, "lacks": WORDS}, "negation_reach": NUMBER, "compared_with": WORDS,
        "compared_with_reach": NUMBER, "disclosed": WORDS, "count": WORDS,
        "not_count": WORDS, "exclude": WORDS, "sort": WORDS, "sort_direction": {str: WORDS},
        "ordinals": {str: NUMBER}, "generation": WORDS, "numbers": {str: NUMBER}, "top": WORDS,
        "rank_words": {str: WORDS}, "measure": WORDS, "active": WORDS,
        "approximate": {"before": WORDS, "after": WORDS, "odd": WORDS}, "range": WORDS, "since": WORDS,
        "between": WORDS, "changed": WORDS, "same_size": WORDS, "either": WORDS,
        "gap": {"units": {str: NUMBER}, "numbers": {str: NUMBER}, "more": WORDS, "about": WORDS, "same": WORDS,
                "later": WORDS, "earlier": WORDS},
        "periods": {str: WORDS}, "day_periods": {str: WORDS},
        "comparative": WORDS, "check": {"starts": WORDS, "cues": WORDS, "asks_what": WORDS},
        "rhetorical": {"starts": WORDS, "negation": WORDS, "ends": WORDS, "checked": WORDS},
        "difference": {"released": WORDS, "parameters": WORDS, "either": WORDS, "amount": WORDS},
    },
    "message": {
        "joiners": WORDS, "and": WORDS, "list_starts": WORDS,
        "asks": {"anywhere": WORDS, "wanting": WORDS, "starts": WORDS, "requests": WORDS, "not": WORDS},
        "continues": WORDS, "adds": WORDS, "contrasts": WORDS, "restates": WORDS, "which_is_right": WORDS,
        "check_tags": WORDS, "check_doubts": WORDS,
        "rumour": {"markers": WORDS, "subjects": WORDS, "verbs": WORDS, "sources": WORDS, "source_verbs": WORDS},
        "self": WORDS, "asked_me": WORDS, "known": WORDS, "check_nouns": WORDS,
        "chatter": {"greetings": WORDS, "thanks": WORDS, "apologies": WORDS, "addressing": WORDS, "set_aside": WORDS,
                    "fillers": WORDS},
        "thanked_for": WORDS, "leading_only": WORDS,
        "smalltalk": {"help": WORDS, "maker": WORDS, "praise": WORDS, "complaint": WORDS},
        "acts": {"future": {"words": WORDS}, "error": {"words": WORDS},
                 "howto": {"frames": WORDS, "verbs": WORDS, "where": WORDS, "except": WORDS,
                                        "tools": WORDS}},
    },
}
RANK_KINDS = ("largest", "smallest", "newest", "earliest")


class KnowledgeError(ValueError):
    """The knowledge folder is broken; the message names every problem found."""


Bilingual = dict[str, str]


@dataclass(frozen=True)
class Relation:
    kind: str
    models: tuple[str, ...]  # models of the article the relation links to
    text: Bilingual  # the card's words for it (ours)
    names: tuple[str, ...] = ()  # models outside the article's list it names, as the article writes them
    quote: str = ""  # the article's words that state it, character for character (shown as 原文)


@dataclass(frozen=True)
class NotCovered:
    """A model the article does not cover, or only mentions (`mentioned_by` names where)."""
    name: str
    aliases: tuple[str, ...]
    mentioned_by: str | None


@dataclass(frozen=True)
class Model:
    id: str
    section: int
    family: str
    name: Bilingual
    headline: Bilingual | None  # the section's subtitle, where the article gives one
    released: dt.date | None
    released_text: Bilingual
    parameters_text: Bilingual
    total_b: float | None
    active_b: float | None
    variants: tuple[tuple[str, float], ...]
    distilled_b: tuple[float, float] | None
    sizes_from_names: bool  # the sizes are read from the model names, not stated as a count
    size_example: tuple[str, float] | None  # (model id, billions): an example the article gives instead
    features: Bilingual
    significance: Bilingual
    paper_title: str | None
    paper_text: Bilingual | None
    paper_summary: Bilingual | None
    source: dict[str, str]  # SOURCE_KEYS -> the article's line, verbatim
    tags: tuple[str, ...]
    tag_quotes: dict[str, Bilingual]  # each tag's supporting words from the article, and their translation
    relations: tuple[Relation, ...]
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Article:
    title: Bilingual
    source: str
    published: dt.date
    intro: Bilingual  # what the article says DeepSeek is about, before its first section
    dated_by: Bilingual  # whose date `published` is: the page that reposted the post, not the post itself
    text: str = ""  # the article, character for character (knowledge/article.zh.txt)


@dataclass
class KnowledgeBase:
    folder: Path
    article: Article
    models: tuple[Model, ...]
    lexicon: dict[str, Any]
    normaliser: Normaliser
    not_covered: tuple[NotCovered, ...] = ()
    by_id: dict[str, Model] = field(init=False)

    def __post_init__(self) -> None:
        self.by_id = {m.id: m for m in self.models}

    def alias_keys(self) -> dict[tuple[str, ...], str]:
        """Every alias (and display name) as a token tuple -> model id."""
        keys: dict[tuple[str, ...], str] = {}
        for m in self.models:
            for alias in (*m.aliases, m.name["en"], m.name["zh"], m.id):
                keys[tuple(tokens_of(self.normaliser(alias)))] = m.id
        return keys

    def tag_name(self, tag: str, lang: str) -> str:
        return self.lexicon["tags"][tag]["name"][lang]

    def uncovered(self, name: str) -> NotCovered | None:
        """The not-covered model `name` (as typed or normalised) stands for, if any."""
        key = tuple(tokens_of(self.normaliser(name)))
        return next((entry for entry in self.not_covered
                     if key in {tuple(tokens_of(self.normaliser(a))) for a in (entry.name, *entry.aliases)}), None)


class _TextDateLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser when present: ~10x faster
    """Leaves dates as text so a bad one ("2024-13-26") is reported by key, not raised by YAML."""


_TextDateLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _Problems:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.lines.append(f"{where}: {message}")

    def raise_if_any(self) -> None:
        if self.lines:
            raise KnowledgeError("\n".join(self.lines))


_UNREADABLE = object()  # what _read_yaml returns after reporting why: nothing more to say about the file


def _read_yaml(path: Path, problems: _Problems) -> Any:
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # opening a FIFO would wait forever
            problems.add(str(path), "not a regular file")
            return _UNREADABLE
        text = path.read_text(encoding="utf-8")
        _refuse_aliases(text)
        return yaml.load(text, Loader=_TextDateLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problems.add(str(path), f"broken YAML{at}: {getattr(exc, 'problem', None) or exc}")
    except (OSError, UnicodeDecodeError) as exc:
        problems.add(str(path), f"cannot read: {exc}")
    return _UNREADABLE


def _refuse_aliases(text: str) -> None:
    """Knowledge files are small hand-written data: an anchor or alias is refused before anything
    is built, so a nested alias bomb ("billion laughs") is never expanded."""
    for event in yaml.parse(text, Loader=_TextDateLoader):
        if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
            raise yaml.MarkedYAMLError(problem="anchors and aliases (&, *) are not allowed; write the value out",
                                       problem_mark=event.start_mark)


def _fits(value: Any, shape: Any, where: str, problems: _Problems, key: str = "") -> bool:
    """Whether `value` has the expected shape, naming every mismatch by its key. A shape is a type
    or a tuple of types, [shape of each item], {key: shape} for known keys, or {str: shape} for any
    key. Null fits anything here: a required value is checked where it is used."""
    at = f"{where}: {key}" if key else where
    if value is None:
        return True
    if isinstance(shape, list):
        if not isinstance(value, list):
            problems.add(at, f"expected a list, got {_kind(value)}")
            return False
        return all([_fits(item, shape[0], where, problems, f"{key}[{i}]") for i, item in enumerate(value)])
    if isinstance(shape, dict):
        if not isinstance(value, dict):
            problems.add(at, f"expected a mapping, got {_kind(value)}")
            return False
        if str in shape:  # any key, each value of the one shape
            keys_ok = all([_fits(name, str, where, problems, key) for name in value])
            return keys_ok and all([_fits(item, shape[str], where, problems, f"{key}.{name}" if key else name)
                                    for name, item in value.items()])
        return all([_fits(value[name], item, where, problems, f"{key}.{name}" if key else name)
                    for name, item in shape.items() if name in value])
    types = shape if isinstance(shape, tuple) else (shape,)
    if isinstance(value, types) and (bool in types or not isinstance(value, bool)):
        return True
    expected = "text" if types == (str,) else "a number" if types == NUMBER else "text or a number"
    quote = str in types and isinstance(value, int | float)  # YAML read a bare no, on or 12 as not text
    problems.add(at, f"{_kind(value)} is not {expected}" + ("; quote it" if quote else ""))
    return False


def _kind(value: Any) -> str:
    """A value as an error shows it: a short scalar as written, a container only by its kind."""
    if isinstance(value, str | int | float):
        text = repr(value)
        return text if len(text) <= 40 else text[:37] + "..."
    return {list: "a list", dict: "a mapping"}.get(type(value), type(value).__name__)


def _bilingual(value: Any, where: str, problems: _Problems) -> Bilingual:
    if not isinstance(value, dict):
        problems.add(where, "expected a mapping with zh and en")
        return {lang: "" for lang in LANGS}
    for key in value:
        if key not in LANGS:
            problems.add(where, f"unknown language key {key!r} (expected zh, en)")
    out = {}
    for lang in LANGS:
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            problems.add(where, f"missing language {lang!r}")
            text = ""
        out[lang] = str(text).strip()
    return out


def _date(value: Any, where: str, problems: _Problems) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    problems.add(where, f"{value!r} is not an ISO date (YYYY-MM-DD) or null")
    return None


def _number(value: Any, where: str, problems: _Problems) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        problems.add(where, f"{value!r} is not a positive number of billions or null")
        return None
    return float(value)


def _unknown_keys(data: dict, allowed: set[str], where: str, problems: _Problems) -> None:
    for key in data:
        if key not in allowed:
            problems.add(where, f"unknown key {key!r}")


def _load_model(path: Path, data: Any, tags: set[str], problems: _Problems) -> Model | None:
    where = str(path)
    if data is _UNREADABLE:
        return None
    if not isinstance(data, dict):
        problems.add(where, "expected a mapping of model keys")
        return None
    mid = data.get("id")
    where = f"{path}: {mid}" if mid and isinstance(mid, str) else where
    _unknown_keys(data, MODEL_KEYS, where, problems)
    missing = sorted(REQUIRED_MODEL_KEYS - data.keys())
    if missing:
        problems.add(where, f"missing keys {', '.join(missing)}")
        return None
    if not _fits(data, MODEL_SHAPE, where, problems):
        return None
    if mid != path.stem:
        problems.add(where, f"id {mid!r} must match the file name {path.stem!r}")
    if data["family"] not in FAMILIES:
        problems.add(f"{where}: family", f"{data['family']!r} is not one of {', '.join(FAMILIES)}")
    if not isinstance(data["section"], int):
        problems.add(f"{where}: section", "expected the article's section number")

    released = data["released"] if isinstance(data["released"], dict) else {}
    _unknown_keys(released, {"date", "text"}, f"{where}: released", problems)
    params = data["parameters"] if isinstance(data["parameters"], dict) else {}
    _unknown_keys(params, {"text", "total_b", "active_b", "variants", "distilled_b", "from_names", "example"},
                  f"{where}: parameters", problems)
    example = params.get("example")
    if example is not None and (not isinstance(example, dict) or set(example) != {"model", "b"}):
        problems.add(f"{where}: parameters.example", "expected {model, b}: a model the article gives as example")
        example = None
    paper = data["paper"] if isinstance(data["paper"], dict) else {}
    _unknown_keys(paper, {"title", "text", "summary"}, f"{where}: paper", problems)
    if not paper.get("title") and not paper.get("text"):
        problems.add(f"{where}: paper", "needs a title, or a text saying why there is none")

    variants = []
    for i, v in enumerate(params.get("variants") or []):
        if not isinstance(v, dict) or set(v) != {"name", "b"}:
            problems.add(f"{where}: parameters.variants[{i}]", "expected {name, b}")
            continue
        variants.append((str(v["name"]), _number(v["b"], f"{where}: parameters.variants[{i}].b", problems)))
    distilled = params.get("distilled_b")
    if distilled is not None and (not isinstance(distilled, list) or len(distilled) != 2):
        problems.add(f"{where}: parameters.distilled_b", "expected [smallest, largest] in billions")
        distilled = None

    tag_quotes = _tag_quotes(data["tags"], f"{where}: tags", tags, problems)

    relations = []
    for i, rel in enumerate(data.get("relations") or []):
        rwhere = f"{where}: relations[{i}]"
        if not isinstance(rel, dict) or rel.get("kind") not in RELATION_KINDS:
            problems.add(rwhere, f"expected kind one of {', '.join(RELATION_KINDS)}")
            continue
        _unknown_keys(rel, {"kind", "models", "text", "names", "quote"}, rwhere, problems)
        if not isinstance(rel.get("quote"), str) or not rel["quote"].strip():
            problems.add(rwhere, "missing quote: the article's words that state the relation")
        relations.append(Relation(rel["kind"], tuple(rel.get("models") or ()),
                                  _bilingual(rel.get("text"), f"{rwhere}.text", problems),
                                  tuple(str(n) for n in rel.get("names") or ()), str(rel.get("quote") or "")))

    aliases = data["aliases"] or []
    if not all(isinstance(a, str | int) for a in aliases):
        problems.add(f"{where}: aliases", "expected a list of names")
        aliases = []
    return Model(
        id=str(mid),
        section=data["section"],
        family=data["family"],
        name=_bilingual(data["name"], f"{where}: name", problems),
        headline=_bilingual(data["headline"], f"{where}: headline", problems) if data.get("headline") else None,
        released=_date(released.get("date"), f"{where}: released.date", problems),
        released_text=_bilingual(released.get("text"), f"{where}: released.text", problems),
        parameters_text=_bilingual(params.get("text"), f"{where}: parameters.text", problems),
        total_b=_number(params.get("total_b"), f"{where}: parameters.total_b", problems),
        active_b=_number(params.get("active_b"), f"{where}: parameters.active_b", problems),
        variants=tuple(variants),
        distilled_b=tuple(distilled) if distilled else None,
        sizes_from_names=params.get("from_names") is True,
        size_example=(str(example["model"]), _number(example["b"], f"{where}: parameters.example.b", problems))
        if example else None,
        features=_bilingual(data["features"], f"{where}: features", problems),
        significance=_bilingual(data["significance"], f"{where}: significance", problems),
        paper_title=paper.get("title"),
        paper_text=_bilingual(paper["text"], f"{where}: paper.text", problems) if paper.get("text") else None,
        paper_summary=(_bilingual(paper["summary"], f"{where}: paper.summary", problems)
                       if paper.get("summary") else None),
        source=_source(data["source"], f"{where}: source", problems),
        tags=tuple(tag_quotes),
        tag_quotes=tag_quotes,
        relations=tuple(relations),
        aliases=tuple(str(a) for a in aliases),
    )


def _tag_quotes(value: Any, where: str, tags: set[str], problems: _Problems) -> dict[str, Bilingual]:
    """`tag: {zh: the article's words, en: their translation}` for each tag of a model."""
    if not isinstance(value, dict):
        problems.add(where, "expected a mapping of tag -> {zh, en} quote from the article")
        return {}
    quotes = {}
    for tag, quote in value.items():
        if tag not in tags:
            problems.add(where, f"tag {tag!r} is not defined in lexicon.yaml")
            continue
        quotes[str(tag)] = _bilingual(quote, f"{where}.{tag}", problems)
    return quotes


def _source(value: Any, where: str, problems: _Problems) -> dict[str, str]:
    """The article's own lines of the model's section: heading, then one line per field."""
    if not isinstance(value, dict):
        problems.add(where, f"expected a mapping of {', '.join(SOURCE_KEYS)} -> the article's line")
        return {}
    _unknown_keys(value, set(SOURCE_KEYS), where, problems)
    lines = {}
    for key in SOURCE_KEYS:
        if not isinstance(value.get(key), str) or not value[key].strip():
            problems.add(where, f"missing the article's {key} line")
        else:
            lines[key] = value[key]
    return lines


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _quoted(quote: str, m: Model) -> bool:
    """Whether `quote` is the article's characters exactly, within one of the model's passages."""
    return any(quote in line for line in m.source.values())


def _unsourced(m: Model, article: str) -> list[tuple[str, str]]:
    """(key, problem) for every Chinese text of the model that should be the article's words but is not.

    Quotes (the passages, the tag quotes, the relation quotes) are shown as the article's own words, so they
    must be its characters exactly: each passage a line of the article, each quote a piece of one of the
    model's passages. The card's Chinese features, significance and headline may differ in spacing only."""
    lines = set(article.splitlines())
    found = [(f"source.{key}", "is not a line of the article, character for character")
             for key, line in m.source.items() if line not in lines]
    passages = _squeezed("".join(m.source.values()))
    for tag, quote in m.tag_quotes.items():
        if not _quoted(quote["zh"], m):
            found.append((f"tags.{tag}", "the quote is not in this model's passages (source), character for character"))
    for i, rel in enumerate(m.relations):
        if rel.quote and not _quoted(rel.quote, m):
            found.append((f"relations[{i}].quote", "is not in this model's passages (source), character for character"))
    for key in ("features", "significance"):
        if _squeezed(getattr(m, key)["zh"]) not in passages:
            found.append((f"{key}.zh", "is not the article's text of this section (source)"))
    if m.headline and _squeezed(m.headline["zh"]) not in _squeezed(m.source.get("heading", "")):
        found.append(("headline", "the article's heading of this section has no such subtitle"))
    for i, rel in enumerate(m.relations):
        for name in rel.names:  # the sentence that states the relation names the other side
            if _squeezed(name) not in _squeezed(rel.quote):
                found.append((f"relations[{i}].names", f"{name!r} is not named in the relation's quote"))
    return found


def _check_lexicon(lexicon: Any, where: str, problems: _Problems) -> dict[str, Any]:
    if lexicon is _UNREADABLE:
        return {}
    if not isinstance(lexicon, dict):
        problems.add(where, "expected a mapping")
        return {}
    _unknown_keys(lexicon, LEXICON_KEYS, where, problems)
    for key in sorted(LEXICON_KEYS - lexicon.keys()):
        problems.add(where, f"missing key {key!r}")
    if not _fits(lexicon, LEXICON_SHAPE, where, problems):
        return {}
    _check_repeats(lexicon, where, problems)
    for name, entry in (lexicon.get("tags") or {}).items():
        if not isinstance(entry, dict) or not {"name", "cues"} <= set(entry) <= {"name", "cues", "opposite", "topic"}:
            problems.add(f"{where}: tags.{name}", "expected name (zh, en), cues and optional opposite and topic")
            continue
        _bilingual(entry["name"], f"{where}: tags.{name}.name", problems)
    for name, entry in (lexicon.get("fields") or {}).items():
        if not isinstance(entry, dict) or not {"cues"} <= set(entry) <= {"cues", "weak"}:
            problems.add(f"{where}: fields.{name}", "expected cues and optional weak cues")
    for name in FIELD_NAMES:
        if name not in (lexicon.get("fields") or {}):
            problems.add(f"{where}: fields", f"missing field {name!r}")
    _check_operators(lexicon.get("operators") or {}, f"{where}: operators", problems)
    _complete(lexicon.get("message") or {}, LEXICON_SHAPE["message"], f"{where}: message", problems)
    relations = lexicon.get("relations")
    for kind in relations if isinstance(relations, dict) else ():
        if kind not in RELATION_KINDS:
            problems.add(f"{where}: relations.{kind}", f"expected a relation kind, one of {', '.join(RELATION_KINDS)}")
    return lexicon


def _check_repeats(node: Any, where: str, problems: _Problems, key: str = "") -> None:
    """A word written twice in one list (two edits of one group) is named, so each list keeps one of each."""
    if isinstance(node, dict):
        for name, value in node.items():
            _check_repeats(value, where, problems, f"{key}.{name}" if key else str(name))
        return
    if not isinstance(node, list):
        return
    seen: set[str] = set()
    for i, item in enumerate(node):
        if isinstance(item, str):
            if item in seen:
                problems.add(f"{where}: {key}", f"{item!r} is listed twice")
            seen.add(item)
        else:
            _check_repeats(item, where, problems, f"{key}[{i}]")


def _complete(value: dict, shape: dict, at: str, problems: _Problems) -> None:
    """Every key of `shape` is in `value`, all the way down (a mapping of any keys, `str`, excepted)."""
    for key, inner in shape.items():
        if key is str:
            continue
        if key not in value:
            problems.add(at, f"missing key {key!r}")
        elif isinstance(inner, dict) and str not in inner and isinstance(value[key], dict):
            _complete(value[key], inner, f"{at}.{key}", problems)


def _check_operators(operators: dict, where: str, problems: _Problems) -> None:
    """Every group the operators read is there, and the keys that carry meaning are ones they know."""
    _complete(operators, LEXICON_SHAPE["operators"], where, problems)
    for group in ("rank_words", "sort_direction"):
        for kind in operators.get(group) or {}:
            if kind not in RANK_KINDS:
                problems.add(f"{where}.{group}", f"{kind!r} is not one of {', '.join(RANK_KINDS)}")
    for months in operators.get("periods") or {}:
        first, _, last = str(months).partition("..")
        if not (first.isdigit() and last.isdigit() and 1 <= int(first) <= int(last) <= 12):
            problems.add(f"{where}.periods", f"{months!r} is not a span of months like \"07..12\"")


def _check_aliases(models: list[Model], normaliser: Normaliser, problems: _Problems, folder: Path,
                   outside: dict[str, str]) -> None:
    owner: dict[tuple[str, ...], str] = {}
    not_ours = {tuple(tokens_of(normaliser(name))): entry for name, entry in outside.items()}
    for m in models:
        seen_here: set[tuple[str, ...]] = set()
        for alias in (*m.aliases, m.name["en"], m.name["zh"], m.id):
            key = tuple(tokens_of(normaliser(alias)))
            if not key:
                problems.add(f"{folder / 'models' / (m.id + '.yaml')}: {m.id}: aliases",
                             f"{alias!r} has no letters or digits")
                continue
            if key in not_ours:
                problems.add(f"{folder / 'models' / (m.id + '.yaml')}: {m.id}: aliases",
                             f"{alias!r} names a model the article does not cover (lexicon {not_ours[key]})")
            if key in owner and owner[key] != m.id:
                problems.add(f"{folder / 'models' / (m.id + '.yaml')}: {m.id}: aliases",
                             f"{alias!r} is also an alias of {owner[key]}")
            owner[key] = m.id
            seen_here.add(key)


def _model_files(models: Path, problems: _Problems) -> list[Path]:
    """The regular *.yaml files in models/; anything else there (a FIFO, a socket, a folder) is skipped."""
    try:
        return sorted(path for path in models.iterdir() if path.suffix == ".yaml" and path.is_file())
    except OSError as exc:
        problems.add(str(models), f"cannot read the folder: {exc.strerror}")
        return []


def load_knowledge(folder: Path | str) -> KnowledgeBase:
    folder = Path(folder)
    problems = _Problems()
    if not (folder / "models").is_dir():
        raise KnowledgeError(f"{folder}: not a knowledge folder (expected article.yaml, lexicon.yaml, models/)")

    lexicon = _check_lexicon(_read_yaml(folder / "lexicon.yaml", problems), str(folder / "lexicon.yaml"),
                             problems)
    article_data = _read_yaml(folder / "article.yaml", problems)
    article = None
    where = str(folder / "article.yaml")
    if article_data is _UNREADABLE:
        pass
    elif not isinstance(article_data, dict):
        problems.add(where, "expected a mapping")
    elif _fits(article_data, ARTICLE_SHAPE, where, problems):
        _unknown_keys(article_data, ARTICLE_KEYS, where, problems)
        published = _date(article_data.get("published"), f"{where}: published", problems)
        if published is None:
            problems.add(where, "published date is required")
        article = Article(_bilingual(article_data.get("title"), f"{where}: title", problems),
                          str(article_data.get("source") or ""), published or dt.date.min,
                          _bilingual(article_data.get("intro"), f"{where}: intro", problems),
                          _bilingual(article_data.get("dated_by"), f"{where}: dated_by", problems),
                          _article_text(folder / ARTICLE_TEXT, problems))
    if article and article.text and article.intro["zh"] not in article.text:
        problems.add(f"{where}: intro.zh", "is not the article's words, character for character")
    problems.raise_if_any()

    norm_cfg = lexicon.get("normalise") or {}
    names = lexicon.get("names") or {}
    normaliser = Normaliser(norm_cfg.get("replace") or {}, norm_cfg.get("split_prefixes") or [],
                            norm_cfg.get("short_brands") or {},
                            (names.get("lettered") or [], names.get("families") or []))
    tags = set(lexicon.get("tags") or {})
    models = []
    ids: set[str] = set()
    for path in _model_files(folder / "models", problems):
        model = _load_model(path, _read_yaml(path, problems), tags, problems)
        if model is None:
            continue
        if model.id in ids:
            problems.add(str(path), f"duplicate model id {model.id!r}")
        ids.add(model.id)
        models.append(model)
    if not models and not problems.lines:
        problems.add(str(folder / "models"), "no model files (*.yaml)")
    by_id = {m.id: m for m in models}
    for m in models:
        where = f"{folder / 'models' / (m.id + '.yaml')}: {m.id}"
        for rel in m.relations:
            for target in rel.models:
                if target not in by_id:
                    problems.add(f"{where}: relations", f"unknown model {target!r}")
                elif not any(_squeezed(name) in _squeezed(rel.quote) for name in by_id[target].name.values()):
                    problems.add(f"{where}: relations", f"{target!r}: the relation's quote never names "
                                 f"{by_id[target].name['en']}")
        if m.size_example and m.size_example[0] not in by_id:
            problems.add(f"{where}: parameters.example", f"unknown model {m.size_example[0]!r}")
        for key, message in _unsourced(m, article.text):
            problems.add(f"{where}: {key}", message)
    not_covered = _not_covered(lexicon.get("not_covered"), by_id, f"{folder / 'lexicon.yaml'}: not_covered",
                               problems)
    _check_aliases(models, normaliser, problems, folder, _outside_names(lexicon, not_covered))
    problems.raise_if_any()
    models.sort(key=lambda m: m.section)
    kb = KnowledgeBase(folder, article, tuple(models), lexicon, normaliser, not_covered)
    _check_names(kb, folder, problems)
    _check_beyond(kb, folder, problems)
    problems.raise_if_any()
    return kb


def own_texts(m: Model) -> dict[str, str]:
    """Everything a model's card says, the article's lines and our English: key -> text."""
    texts = {f"source.{key}": line for key, line in m.source.items()}
    for key in ("features", "significance", "headline", "released_text", "parameters_text", "paper_summary"):
        if value := getattr(m, key):
            texts[f"{key}.en"] = value["en"]
    texts.update({f"tags.{tag}.en": quote["en"] for tag, quote in m.tag_quotes.items()})
    texts.update({f"relations[{i}].text.en": r.text["en"] for i, r in enumerate(m.relations)})
    return texts


def _check_beyond(kb: KnowledgeBase, folder: Path, problems: _Problems) -> None:
    """A topic the decline list holds (beyond_article) must not be one the article uses for a model: "低成本" is
    R1's own word, so "R1 的成本低吗" is answered from the article. Such a word belongs to a topic tag (`topic:
    true`) that the model carries: answered for it, a topic beyond the article for the others. And a topic tag's
    cues must be such words, or the tag is a plain one."""
    from bot.core.cues import alternation

    words = {kb.normaliser(str(w)): str(w) for ws in kb.lexicon["beyond_article"].values() for w in ws}
    # one pattern for every word, tried at every position of each text (a lookahead: overlapping words found too)
    anywhere = re.compile(f"(?=({alternation(w for w in words if w)}))")
    for m in kb.models:
        for key, text in own_texts(m).items():
            for found in dict.fromkeys(match.group(1) for match in anywhere.finditer(kb.normaliser(text))):
                problems.add(f"{folder / 'lexicon.yaml'}: beyond_article",
                             f"{words[found]!r} is in {m.id}'s own text ({key}): the article covers it for that model; "
                             f"make it a cue of a topic tag (topic: true) that the model carries instead")
    for tag, entry in kb.lexicon["tags"].items():
        if entry.get("topic") and not any(tag in m.tags for m in kb.models):
            problems.add(f"{folder / 'lexicon.yaml'}: tags.{tag}", "a topic tag no model carries: put its words in "
                                                                   "beyond_article")


def _check_names(kb: KnowledgeBase, folder: Path, problems: _Problems) -> None:
    """The naming pattern's words point at real models, and it reads every alias as the model's own name: an
    alias never names a variant or another model ("r1 distill", "deepseek reasoner")."""
    from bot.core.names import Names

    for family, model in (kb.lexicon["names"].get("near") or {}).items():
        if model not in kb.by_id:
            problems.add(f"{folder / 'lexicon.yaml'}: names.near.{family}", f"unknown model {model!r}")
    if problems.lines:
        return
    names = Names(kb)
    for m in kb.models:
        for alias in m.aliases:
            tokens = kb.normaliser(alias).split()
            name = names.read(tokens, 0)
            if name and name.length == len(tokens) and (name.kind != "covered" or name.model != m.id):
                what = "a variant of" if name.kind == "variant" else "a model the article does not cover, near"
                problems.add(f"{folder / 'models' / (m.id + '.yaml')}: {m.id}: aliases",
                             f"{alias!r} names {what} {name.model or 'none of its models'} (lexicon names)")


def _article_text(path: Path, problems: _Problems) -> str:
    """The article itself, which every quote must be a piece of."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            problems.add(str(path), "not a regular file")
            return ""
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.add(str(path), f"cannot read the article: {exc}")
        return ""
    if not text.strip():
        problems.add(str(path), "the article is empty")
    return text


def _not_covered(value: Any, by_id: dict[str, Model], where: str, problems: _Problems) -> tuple[NotCovered, ...]:
    """`- {name, aliases, mentioned_by?}`: a model the article does not cover, or only names in a relation."""
    entries = []
    for i, item in enumerate(value if isinstance(value, list) else []):
        if not isinstance(item, dict) or not {"name", "aliases"} <= set(item) <= {"name", "aliases", "mentioned_by"}:
            problems.add(f"{where}[{i}]", "expected name, aliases and optional mentioned_by")
            continue
        entry = NotCovered(str(item["name"]), tuple(str(a) for a in item["aliases"] or ()), item.get("mentioned_by"))
        if entry.mentioned_by is not None and not any(
                entry.name in rel.names for rel in getattr(by_id.get(entry.mentioned_by), "relations", ())):
            problems.add(f"{where}[{i}].mentioned_by",
                         f"{entry.mentioned_by!r} is not a model with a relation naming {entry.name!r}")
        entries.append(entry)
    if not isinstance(value, list):
        problems.add(where, "expected a list of models the article does not cover")
    return tuple(entries)


def _outside_names(lexicon: dict, not_covered: tuple[NotCovered, ...]) -> dict[str, str]:
    """Every name of a model outside the article -> what to call it in an error."""
    names = {str(n): "foreign_models" for n in lexicon.get("foreign_models") or ()}
    for entry in not_covered:
        names.update({a: f"not_covered: {entry.name}" for a in (entry.name, *entry.aliases)})
    return names
