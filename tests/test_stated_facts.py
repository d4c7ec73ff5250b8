"""Facts the article states are answered from it (issue 16): a word of the decline list the article uses for
a model (R1's 低成本), tags quoting the article (long text, Transformer, Janus-Pro's encoders), no match by a
shared prefix, the article's own words beside ours. Every class with several wordings."""

import shutil

import pytest

from bot.core.knowledge import load_knowledge
from bot.core.search import stem
from bot.render.cards import to_text
from tests.conftest import ARTICLE, KNOWLEDGE
from tests.test_knowledge import edit, problems


@pytest.mark.parametrize("question", ["is r1 cheap?", "R1 的成本低吗", "is deepseek r1 low cost",
                                      "is r1 actually cheap or is that just hype", "R1 的成本真的低吗"])
def test_a_topic_word_the_article_uses_for_a_model_is_answered_from_it(engine, question):
    answer = engine.ask(question)
    assert (answer.query.intent, answer.query.models, answer.query.field) == ("field", ("deepseek-r1",),
                                                                            "significance")
    assert to_text(answer.reply).split("\n")[2].startswith(("Yes —", "对,")) and "低成本" in to_text(answer.reply)


@pytest.mark.parametrize("question", ["is v3 cheap?", "V3 的成本低吗", "why is v3 so cheap", "deepseek v3 为啥这么便宜",
                                      "how much did it cost to train r1", "r1 api cost per million tokens",
                                      "what's the cheapest deepseek model"])
def test_for_the_other_models_and_amounts_it_stays_a_topic_beyond_the_article(engine, question):
    assert engine.ask(question).query.intent == "none"


@pytest.mark.parametrize(("question", "models"), [
    ("which models are cheap?", {"deepseek-r1"}),
    ("which models are good at long text?", {"deepseek-v2", "deepseek-v3"}),
    ("哪些模型处理长文本比较强", {"deepseek-v2", "deepseek-v3"}), ("which deepseek models handle long documents", {
        "deepseek-v2", "deepseek-v3"}),
    ("which models use a Transformer?", {"deepseek-coder", "janus-pro"}),
    ("哪些 deepseek 模型是基于 Transformer 的", {"deepseek-coder", "janus-pro"}),
    ("transformer based deepseek models?", {"deepseek-coder", "janus-pro"}),
    ("哪个模型用了编码器?", {"janus-pro"}), ("which model has separate encoders?", {"janus-pro"}),
    ("哪个模型把视觉编码解耦了", {"janus-pro"}),
    # 编码 alone is still code
    ("哪些模型用编码", {"deepseek-coder", "deepseek-coder-v2"}),
    ("编码模型有哪些", {"deepseek-coder", "deepseek-coder-v2"}),
])
def test_tags_hold_the_articles_words(engine, question, models):
    answer = engine.ask(question)
    assert answer.query.intent == "list" and set(answer.query.models) == models


def test_no_word_meets_another_by_a_shared_prefix():
    assert stem("transformed") != stem("transformer")
    assert stem("decoupled") == stem("decouples") and stem("generating") == stem("generate")
    assert stem("unified") == stem("unifies")


@pytest.mark.parametrize("question", ["which models use a Transformer?", "which model is transformer based",
                                      "any transformer models?"])
def test_deepseekmoes_transformed_thinking_is_no_transformer(engine, question):
    assert "deepseek-moe" not in engine.ask(question).query.models


@pytest.mark.parametrize("question", ["can i chat with r1?", "can I just chat with R1 like a normal chatbot?",
                                      "can you chat with deepseek v3"])
def test_chatting_with_a_model_is_no_question_about_general_language(engine, question):
    assert "tag:general" not in (engine.ask(question).query.selector or "")


@pytest.mark.parametrize(("question", "words"), [
    ("can you quote what the article says about why R1 matters? exact words pls", "低成本"),
    ("what's the article's exact wording on deepseekmath's paper?", "暂未查询到公开论文"),
    ("what are V2's features", "第二代开源混合专家(MoE)模型"),
    ("V3 的参数量原文是怎么写的?直接引用一下", "原文:“总参数高达 6710 亿,每 token 激活 370 亿参数”"),
    ("R1 有多少参数", "原文:“有 660B 模型,也有通过蒸馏得到的参数在 15 亿到 700 亿之间的不同规模版本”"),
])
def test_the_article_words_stand_beside_ours_where_ours_differ(engine, question, words):
    answer = engine.ask(question)
    assert answer.query.intent == "field" and words in to_text(answer.reply)
    quoted = to_text(answer.reply).split("“")[-1].split("”")[0]
    assert quoted in ARTICLE.read_text("utf-8")


@pytest.mark.parametrize("question", ["when was R1 released?", "how big is v3?", "what is the V3 paper?"])
def test_an_english_value_needs_no_chinese_beside_it(engine, question):
    assert "The article's words" not in to_text(engine.ask(question).reply)


@pytest.mark.parametrize(("question", "contains"), [
    ("does r1 really match openai o1 or is that marketing", "o1"),
    ("Coder V2 写代码真能跟 GPT4-Turbo 一个水平?", "Turbo"), ("coder v2 和 GPT4-Turbo 一个级别吗", "Turbo"),
    ("does coder v2 match gpt4-turbo?", "Turbo"),
])
def test_a_claim_against_a_model_the_article_names_is_answered_from_its_features(engine, question, contains):
    answer = engine.ask(question)
    assert answer.query.intent == "field" and answer.query.field == "features" and contains in to_text(answer.reply)


def test_check_fails_on_a_decline_word_in_a_models_own_text(tmp_path):
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    edit(folder / "lexicon.yaml", "  price: [价格,", "  price: [长文本, 价格,")
    message = problems(folder)
    assert "beyond_article: '长文本' is in deepseek-v2's own text (source.features)" in message
    assert "deepseek-v3's own text" in message


def test_check_fails_on_a_topic_tag_no_model_carries(tmp_path):
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    edit(folder / "models" / "deepseek-r1.yaml",
         '  low-cost: {zh: "其开源和低成本特点", en: "its open-source and low-cost features"}\n', "")
    message = problems(folder)
    assert "tags.low-cost: a topic tag no model carries" in message
    assert "'成本' is in deepseek-r1's own text" not in message  # a cue of the tag, not of the decline list
    load_knowledge(KNOWLEDGE)


@pytest.mark.parametrize("question", ["does deepseek llm have a chat version too?", "is v3 moe too?",
                                      "is r1 open source too?"])
def test_too_asks_nothing_more(engine, question):
    assert engine.ask(question).query.intent == "field"
