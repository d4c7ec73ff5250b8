"""Names of DeepSeek models the article does not cover get a decline, never another model's card;
a name the article only mentions gets what the article says about it, and nothing more."""

import pytest

from bot.render.cards import to_embed, to_text


@pytest.mark.parametrize("question", [
    "janus 什么时候发布的?", "what is Janus?", "deepseek janus 多大", "tell me about DeepSeek-VL",
    "deepseek vl 的参数量", "DeepSeek VL1 paper",
])
def test_a_model_the_article_does_not_cover_is_declined(engine, question):
    answer = engine.ask(question)
    assert (answer.query.intent, answer.query.models) == ("none", ())
    assert "does not cover" in to_text(answer.reply) or "没有介绍" in to_text(answer.reply)


@pytest.mark.parametrize(("question", "model"), [
    ("janus pro", "janus-pro"), ("JanusPro 参数", "janus-pro"), ("deepseek vl2", "deepseek-vl2"),
    ("deepseek coder", "deepseek-coder"), ("coder v2", "deepseek-coder-v2"),
])
def test_the_covered_neighbours_keep_their_names(engine, question, model):
    assert engine.ask(question).query.models == (model,)


@pytest.mark.parametrize("question", [
    "coder v1.5 是什么?", "when was deepseek coder v1.5 released", "DeepSeek-Coder-v1.5 7B 的参数",
])
def test_a_name_the_article_only_mentions_gets_that_mention(engine, question):
    answer = engine.ask(question)
    assert (answer.query.intent, answer.query.models) == ("none", ())
    # what the article says: it is DeepSeekMath's base (section 5), and no card of section 1's DeepSeek Coder
    assert "DeepSeekMath" in to_text(answer.reply) and "DeepSeek-Coder-v1.5 7B" in to_text(answer.reply)
    assert "2023" not in to_text(answer.reply)
    assert to_embed(answer.reply)["footer"]["text"].endswith(("section 5", "第 5 节"))
