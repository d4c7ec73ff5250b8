"""Every answer type renders to a real discord.Embed within Discord's limits, in both languages."""

import discord
import pytest

from bot.core.query import Query
from bot.core.reply import Reply
from bot.core.selection import select
from bot.render.cards import (
    DESCRIPTION_MAX,
    FIELD_VALUE_MAX,
    FIELDS_MAX,
    FOOTER_MAX,
    TITLE_MAX,
    TOTAL_MAX,
    embed_size,
    to_embed,
    to_text,
)

LANGS = ("zh", "en")


def within_limits(card):
    embed = discord.Embed.from_dict(card)
    assert embed.to_dict() == card  # the dict is exactly what discord.py builds
    assert len(embed.title or "") <= TITLE_MAX
    assert len(embed.description or "") <= DESCRIPTION_MAX
    assert len(embed.fields) <= FIELDS_MAX
    assert all(len(f.value) <= FIELD_VALUE_MAX and f.value.strip() for f in embed.fields)
    assert len(embed.footer.text or "") <= FOOTER_MAX
    assert len(embed) <= TOTAL_MAX and len(embed) == embed_size(card)
    return embed


def all_queries(kb):
    ids = [m.id for m in kb.models]
    for mid in ids:
        yield Query("model", (mid,))
        for field in ("released", "parameters", "features", "significance", "paper"):
            yield Query("field", (mid,), field=field)
    yield Query("compare", tuple(ids))
    yield Query("compare", ("deepseek-v2", "deepseek-v3"))
    for selector in ("all", "timeline", "tag:moe", "date:2024", "params>200"):
        yield Query("list", tuple(select(kb, selector)), selector=selector)  # as the commands send it
    yield Query("list", ("deepseek-v3",), selector="largest")
    for reason in ("help", "no-model", "out-of-scope", "unknown-model:GPT-4"):
        yield Query("none", reason=reason, suggestions=("deepseek-v3",))


@pytest.mark.parametrize("lang", LANGS)
def test_every_answer_fits_discord(engine, kb, lang):
    for query in all_queries(kb):
        within_limits(to_embed(engine.answer(query, lang).reply))


@pytest.mark.parametrize("lang", LANGS)
def test_every_card_that_quotes_the_article_cites_it(engine, kb, lang):
    for query in all_queries(kb):
        answer = engine.answer(query, lang)
        card = to_embed(answer.reply)
        assert (answer.source is None) == (query.intent == "none"), query  # these declines quote nothing
        if answer.source is None:
            assert "footer" not in card, query
        else:
            assert "DeepSeek 模型发展脉络全解析" in card["footer"]["text"] and "2025-02-08" in card["footer"]["text"]
        assert card["url"] == kb.article.source


def test_overview_card_shows_the_facts_in_the_reply_language(engine):
    embed = within_limits(to_embed(engine.ask("介绍一下 DeepSeek-V3").reply))
    names = [f.name for f in embed.fields]
    assert names[:2] == ["提出时间", "参数量"] and "第 8 节" in embed.footer.text
    assert "6710 亿" in embed.fields[1].value and "《DeepSeek-V3 Technical Report》" in embed.fields[4].value
    english = within_limits(to_embed(engine.ask("tell me about deepseek v3").reply))
    assert [f.name for f in english.fields][:2] == ["Released", "Parameters"]


def test_family_colour_is_consistent(engine):
    assert to_embed(engine.ask("what is V2").reply)["color"] == to_embed(engine.ask("what is V3").reply)["color"]
    assert to_embed(engine.ask("what is V3").reply)["color"] != to_embed(engine.ask("what is R1").reply)["color"]


def test_oversized_content_is_clipped_to_fit():
    huge = Reply(title="t" * 400, description="d" * 5000,
                 fields=tuple((f"name {i}", "v" * 2000, False) for i in range(30)), footer="f" * 3000)
    card = to_embed(huge)
    embed = within_limits(card)
    assert embed.title.endswith("…") and len(embed.fields) == FIELDS_MAX


def test_question_markdown_and_mentions_are_never_echoed(engine):
    for text in ("@everyone **V3** <@123> 有多少参数?", "<@&42> `r1` ~~paper~~ @here"):
        answer = engine.ask(text)
        assert answer.query.models
        shown = to_text(answer.reply)
        assert "@everyone" not in shown and "<@" not in shown and "@here" not in shown


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("question", [
    "what's the weather like?", "tell me about gpt-4", "when was it released?", "r1 api price per million tokens?",
    "v3 训练花了多少钱", "Janus 是什么", "which models were released in 2019?",
])
def test_a_reply_that_quotes_nothing_has_no_source_footer(engine, question, lang):
    answer = engine.ask(question, lang=lang)
    assert answer.source is None
    assert "footer" not in to_embed(answer.reply)
    assert not any(word in to_text(answer.reply) for word in ("Source:", "来源:"))


@pytest.mark.parametrize("lang", LANGS)
def test_the_help_card_has_no_source_footer(engine, lang):
    help_card = to_embed(engine.help(lang).reply)
    assert "footer" not in help_card and help_card["title"]


@pytest.mark.parametrize("question", ["when was V3 released?", "which models use MoE?", "compare v2 and v3",
                                      "is r1 open source?", "coder v1.5 是什么?"])
def test_a_reply_that_quotes_the_article_cites_it_in_the_footer(engine, question):
    answer = engine.ask(question)
    assert answer.source is not None
    assert to_embed(answer.reply)["footer"]["text"].startswith(("Source:", "来源:"))
