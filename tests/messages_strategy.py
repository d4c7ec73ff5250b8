"""Messages for the property tests and the fuzz benchmark: arbitrary text, and text made of the lexicon's own
words (cues, chatter, names, figures, dates) joined the ways people join them, so that the generator reaches
the rules rather than only the decline for gibberish."""

from __future__ import annotations

from hypothesis import strategies as st

from bot.core.cues import lexicon_texts
from bot.core.knowledge import KnowledgeBase

SEPARATORS = [" ", "", ", ", "? ", "。", "，", "\n", " and ", " also ", "还有", " btw ", "!", "...", ": ", "、"]
ODD = ["@everyone", "<@123456789012345678>", "<#123456789012345678>", "**", "`", "\x00", "\u202e", "🙂", "ｖ３",
       "參數", "https://example.com/a?b=c", "> ", "# ", "||", "\ud800", "1e400", "NaN", "6710 亿", "六千多亿",
       "2024-12-26", "1.5B", "~670B", "600-something billion", "第二", "top 3", "V4", "R1-Zero", "V2-Lite", "GPT-4"]


def lexicon_words(kb: KnowledgeBase) -> list[str]:
    """Every word of the lexicon and every name of a model: the vocabulary the rules are written in."""
    names = [n for m in kb.models for n in (m.name["en"], m.name["zh"], *m.aliases)]
    return sorted({w for w in (*lexicon_texts(kb.lexicon), *names, *ODD) if isinstance(w, str) and w.strip()})


def messages(kb: KnowledgeBase, max_words: int = 14) -> st.SearchStrategy[str]:
    words = st.sampled_from(lexicon_words(kb))
    joined = st.lists(st.tuples(words, st.sampled_from(SEPARATORS)), max_size=max_words).map(
        lambda pairs: "".join(w + s for w, s in pairs))
    return st.one_of(st.text(max_size=400), joined, st.lists(words, max_size=max_words).map(" ".join),
                     st.lists(words, max_size=max_words).map("".join))


def chatter(kb: KnowledgeBase) -> tuple[st.SearchStrategy[str], st.SearchStrategy[str]]:
    """(before, after): greetings, addressing and fillers to put before a question, thanks after it."""
    kinds = kb.lexicon["message"]["chatter"]
    before = st.sampled_from([*kinds["greetings"], *kinds["addressing"], *kinds["apologies"],
                              "<@123456789012345678>"])
    return before, st.sampled_from(kinds["thanks"])
