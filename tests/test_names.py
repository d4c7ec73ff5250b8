"""Names of DeepSeek models (issue 16): read by the pattern of the family's naming, each name a covered
model, a variant the article does not describe, or a DeepSeek model it does not cover; and what an
answer does with each. Every class is tested with several wordings."""

import shutil

import pytest

from bot.core.knowledge import load_knowledge
from bot.core.names import Names
from bot.render.cards import to_text
from tests.conftest import KNOWLEDGE
from tests.test_knowledge import edit, problems, run_bot


def read(kb, text):
    tokens = kb.normaliser(text).split()
    return Names(kb).read(tokens, 0)


@pytest.mark.parametrize(("text", "kind", "model"), [
    ("DeepSeek-V3", "covered", "deepseek-v3"), ("Janus-Pro-7B", "covered", "janus-pro"),
    ("deepseek llm 67b chat", "covered", "deepseek-llm"), ("deepseek coder 2", "covered", "deepseek-coder-v2"),
    ("V2-Lite", "variant", "deepseek-v2"), ("DeepSeek-Coder-V2-Lite-Instruct", "variant", "deepseek-coder-v2"),
    ("VL2-Tiny", "variant", "deepseek-vl2"), ("DeepSeekMath-7B-RL", "variant", "deepseek-math"),
    ("R1-Distill-Qwen-32B", "variant", "deepseek-r1"), ("janus-pro-3b", "variant", "janus-pro"),
    ("V2.5", "other", "deepseek-v2"), ("V3.1", "other", "deepseek-v3"), ("V3-0324", "other", "deepseek-v3"),
    ("R1-0528", "other", "deepseek-r1"), ("R1-Zero", "other", "deepseek-r1"),
    ("R1-Lite-Preview", "other", "deepseek-r1"),
    ("R2", "other", "deepseek-r1"), ("V4", "other", "deepseek-v3"), ("Coder-V3", "other", "deepseek-coder-v2"),
    ("DeepSeek-VL", "other", "deepseek-vl2"), ("Janus", "other", "janus-pro"), ("JanusFlow", "other", "janus-pro"),
    ("V3.2-Exp", "other", "deepseek-v3"), ("DeepSeek-Prover-V2", "other", None),
    ("deepseek-chat", "other", "deepseek-llm"), ("deepseek-reasoner", "other", "deepseek-r1"),
])
def test_each_name_is_read_and_classified(kb, text, kind, model):
    name = read(kb, text)
    assert (name.kind, name.model, name.length) == (kind, model, len(kb.normaliser(text).split()))


@pytest.mark.parametrize("text", ["which llm is best", "moe models", "coder", "deepseek model", "vision"])
def test_family_words_alone_are_no_names(kb, text):
    assert read(kb, text) is None or text == "coder"  # "coder" alone is DeepSeek Coder's alias, read by the linker


def test_the_words_of_the_pattern_are_data(tmp_path):
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    edit(folder / "lexicon.yaml", "families: [coder,", "families: [ocr, coder,")
    kb = load_knowledge(folder)
    assert read(kb, "DeepSeek-OCR").kind == "other"
    edit(folder / "lexicon.yaml", "others: [zero,", "others: [ultra, zero,")
    assert read(load_knowledge(folder), "V3-Ultra").kind == "other"


# --- what the answers do ---------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "model", "variant"), [
    ("what's deepseek-v2-lite exactly?", "deepseek-v2", "deepseek-v2-lite"),
    ("V3-Base 是个啥", "deepseek-v3", "V3-Base"), ("tell me about Coder-V2-Lite-Instruct", "deepseek-coder-v2",
                                                    "Coder-V2-Lite-Instruct"),
    ("deepseek-vl2-small — what is that one?", "deepseek-vl2", "deepseek-vl2-small"),
    ("DeepSeekMath-RL 介绍一下", "deepseek-math", "DeepSeekMath-RL"),
    ("r1 distill 是什么", "deepseek-r1", "r1 distill"),
])
def test_a_variant_gets_the_covered_models_card_with_a_note(engine, question, model, variant):
    answer = engine.ask(question)
    assert (answer.query.intent, answer.query.models) == ("model", (model,))
    note = to_text(answer.reply).split("\n")[2]
    assert variant in note and ("does not describe" in note or "没有介绍" in note)


@pytest.mark.parametrize(("question", "said"), [
    ("DeepSeek V2 Lite 有多少参数", "文章给出的 DeepSeek-V2 的参数量是总参数 236B;文章没有介绍 DeepSeek V2 Lite。"),
    ("how big is v2-lite?", "The article gives 236B total for DeepSeek-V2; it does not cover v2-lite."),
    ("when was DeepSeek-V3-Base released", "The article gives December 26, 2024 for DeepSeek-V3; "
                                           "it does not cover DeepSeek-V3-Base."),
    ("VL2-Tiny 多少参数?", "文章没有给出 DeepSeek-VL2 的参数量,也没有介绍 VL2-Tiny。"),
    ("R1-Distill-Qwen-32B 多大", "文章说 DeepSeek-R1 有 1.5B 到 70B 的蒸馏版本,但一个也没有列出,也没有介绍 "
                                 "R1-Distill-Qwen-32B。"),
    ("how many params does DeepSeek-R1-Distill-Llama-70B have", "The article says DeepSeek-R1 has distilled "
     "versions from 1.5B to 70B; it names none of them, so it does not cover DeepSeek-R1-Distill-Llama-70B."),
    ("R1-Distill 什么时候发布", "文章给出的 DeepSeek-R1 的提出时间是2025 年 1 月 20 日;文章没有介绍 R1-Distill。"),
    ("Coder-V2-Lite param count?", "The article does not give DeepSeek-Coder V2's parameter count, and it does "
                                   "not cover Coder-V2-Lite."),
])
def test_a_fact_of_the_variant_itself_is_not_transferred(engine, question, said):
    answer = engine.ask(question)
    assert (answer.query.intent, answer.query.models) == ("none", ())
    assert said in to_text(answer.reply)
    assert len(answer.query.suggestions) == 1  # the covered model, offered as a button


@pytest.mark.parametrize(("question", "model"), [
    ("when did Janus-Pro-7B drop?", "janus-pro"), ("deepseek llm 67b chat 多大", "deepseek-llm"),
    ("DeepSeek-LLM-7B-Base paper", "deepseek-llm"), ("janus pro 1b 什么时候发布", "janus-pro"),
])
def test_a_size_or_edition_the_article_names_is_the_model_itself(engine, question, model):
    answer = engine.ask(question)
    assert answer.query.intent == "field" and answer.query.models == (model,)
    assert not (answer.query.reason or "").startswith("variant")


@pytest.mark.parametrize(("question", "typed", "closest"), [
    ("V2.5 是什么时候发布的?", "V2.5", "deepseek-v2"),
    ("how big is deepseek v3-0324", "deepseek v3-0324", "deepseek-v3"),
    ("V3.1 vs V3, what changed?", "V3.1", "deepseek-v3"), ("DeepSeek-V3.2 有多少参数", "DeepSeek-V3.2", "deepseek-v3"),
    ("R1-0528 和原版 R1 比强在哪", "R1-0528", "deepseek-r1"), ("what is R1-Zero", "R1-Zero", "deepseek-r1"),
    ("R1-Lite-Preview release date?", "R1-Lite-Preview", "deepseek-r1"), ("R2 出了没", "R2", "deepseek-r1"),
    ("any info on deepseek v4 params", "deepseek v4", "deepseek-v3"),
    ("Coder-V3 是啥", "Coder-V3", "deepseek-coder-v2"),
    ("JanusFlow 和 Janus-Pro 有啥区别", "JanusFlow", "janus-pro"), ("what is GPT-4", "GPT-4", None),
    ("what is DeepSeek-Prover used for", "DeepSeek-Prover", None),
])
def test_a_model_the_article_does_not_cover_is_named_as_written_with_the_closest_offered(
        engine, question, typed, closest):
    answer = engine.ask(question)
    assert (answer.query.intent, answer.query.models) == ("none", ())
    assert answer.query.reason == f"unknown-model:{typed}"
    text = to_text(answer.reply)
    assert f"(2025-02-08) does not cover {typed}" in text or f"(2025-02-08)没有介绍 {typed}" in text
    assert answer.query.suggestions == ((closest,) if closest else ())


@pytest.mark.parametrize(("question", "typed", "closest"), [
    ("API 里的 deepseek-chat 对应的是哪个模型?", "deepseek-chat", "deepseek-llm"),
    ("is deepseek-reasoner just R1 under a different name?", "deepseek-reasoner", "deepseek-r1"),
    ("what is deepseek reasoner", "deepseek reasoner", "deepseek-r1"),
    ("DeepSeek Chat 多大", "DeepSeek Chat", "deepseek-llm"),
])
def test_the_api_names_are_not_resolved_to_a_model(engine, question, typed, closest):
    # which model they serve has changed over time and the article names neither: not covered, the closest offered
    answer = engine.ask(question)
    assert (answer.query.intent, answer.query.models, answer.query.reason) == ("none", (), f"unknown-model:{typed}")
    assert answer.query.suggestions == (closest,)
    assert "closest model the article covers" in to_text(answer.reply) or "名字最接近的是" in to_text(answer.reply)


@pytest.mark.parametrize(("question", "models"), [
    ("is janus pro small?", ()), ("what is V3's base model", ()), ("can i chat with r1?", ()),
])
def test_ordinary_words_after_a_name_are_no_variant(engine, question, models):
    answer = engine.ask(question)
    assert not (answer.query.reason or "").startswith("variant") and answer.query.models == models


@pytest.mark.parametrize(("question", "model"), [
    ("dsv3 多大", "deepseek-v3"), ("dsr1 什么时候发布", "deepseek-r1"), ("dscoder paper", "deepseek-coder"),
    ("DSCoder-V2 是开源的吗", "deepseek-coder-v2"), ("dsmath 的论文", "deepseek-math"),
])
def test_the_brands_shorthand_glued_to_a_name(engine, question, model):
    assert engine.ask(question).query.models == (model,)


def test_check_fails_on_an_alias_that_names_a_variant_or_another_model(folder):
    edit(folder / "models" / "deepseek-r1.yaml", "aliases: [deepseek r1,",
         "aliases: [r1 distill, deepseek reasoner, deepseek r1,")
    message = problems(folder)
    assert "deepseek-r1: aliases: 'r1 distill' names a variant of deepseek-r1 (lexicon names)" in message
    assert "'deepseek reasoner' names a model the article does not cover, near deepseek-r1" in message
    result = run_bot("check", "--knowledge", str(folder))
    assert result.returncode == 1 and "r1 distill" in result.stderr


def test_check_fails_on_a_closest_model_that_does_not_exist(folder):
    edit(folder / "lexicon.yaml", "near: {chat: deepseek-llm,", "near: {chat: deepseek-v9,")
    assert "names.near.chat: unknown model 'deepseek-v9'" in problems(folder)


@pytest.fixture
def folder(tmp_path):
    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, copy)
    return copy
