"""Understanding beyond names (issue 8): described models, honest declines, the family, relations,
follow-ups over several turns, wording gaps and parity. One test per class; expected values come
from the article or, for relations, from the model files themselves."""

import shutil

import pytest

from bot.core.engine import Engine
from bot.core.knowledge import load_knowledge
from bot.render.cards import to_embed, to_text
from tests.conftest import KNOWLEDGE, ROOT

QUESTIONS = ROOT / "benchmarks"
DEV_QUESTIONS = ROOT.parent / "shared" / "eval" / "questions.dev.yaml"

ALL_IN_ORDER = ["deepseek-coder", "deepseek-llm", "deepseek-moe", "deepseek-v2", "deepseek-math",
                "deepseek-coder-v2", "deepseek-vl2", "deepseek-v3", "deepseek-r1", "janus-pro"]


def asked(engine, text, conversation=None):
    q = engine.ask(text, conversation=conversation).query
    return q.intent, set(q.models), q.field


@pytest.mark.parametrize(("text", "expected"), [
    ("the one with 37b activated params, when did it come out?", ("field", {"deepseek-v3"}, "released")),  # figure
    ("那个 236B 的模型论文叫什么", ("field", {"deepseek-v2"}, "paper")),
    ("the fp8 one: how many params?", ("field", {"deepseek-v3"}, "parameters")),  # a tag only it carries
    ("用强化学习训练的那个模型意义是什么", ("field", {"deepseek-r1"}, "significance")),
    ("the model on par with openai o1, when was it released", ("field", {"deepseek-r1"}, "released")),  # facts
    ("the vision language moe model: why does it matter", ("field", {"deepseek-vl2"}, "significance")),  # tags
    ("那个视觉语言模型是什么时候发布的", ("field", {"deepseek-vl2"}, "released")),  # not LLM's "语言模型"
    ("the model released on 2024-12-26, what's special about it", ("field", {"deepseek-v3"}, "features")),  # a date
    ("the open source reasoning model from jan 2025, why is it important",  # filters that leave one model
     ("field", {"deepseek-r1"}, "significance")),
    ("the 671b model vs the 660b model", ("compare", {"deepseek-v3", "deepseek-r1"}, None)),
    ("那个 671B 的和 Janus-Pro 比一下", ("compare", {"deepseek-v3", "janus-pro"}, None)),
    ("那个 FP8 训练的模型和 R1 哪个更新", ("compare", {"deepseek-v3", "deepseek-r1"}, None)),
])
def test_a_described_model_is_answered_like_a_named_one(engine, text, expected):
    assert asked(engine, text) == expected


@pytest.mark.parametrize("text", ["the one that comes in two sizes", "那个有两个版本的模型是什么时候发布的"])
def test_a_description_several_models_fit_offers_them(engine, kb, text):
    query = engine.ask(text).query
    assert query.intent == "none" and set(query.suggestions) == {m.id for m in kb.models if len(m.variants) == 2}
    assert len(query.suggestions) > 1  # DeepSeek LLM (7B, 67B) and Janus-Pro (1B, 7B)


def test_a_described_model_takes_the_named_models_operators(engine):
    described = engine.ask("the fp8 one, is it open source?").query  # a check, as for "is V3 open source?"
    named = engine.ask("is v3 open source?").query
    assert (described.models, described.selector) == (("deepseek-v3",), named.selector) and named.selector


def test_a_description_then_a_followup_stays_on_that_model(engine):
    engine.ask("the image generation one, how big is it?", conversation="d")
    assert asked(engine, "and its paper?", "d") == ("field", {"janus-pro"}, "paper")


@pytest.mark.parametrize("text", [
    "how many params does GPT-4 have",  # another model's name alone describes nothing
    "gpt-4o 和 claude 哪个好",  # names the article never uses describe nothing either
    "deepseek r1 vs chatgpt which is better",  # the article compares R1 with o1, never with ChatGPT
])
def test_another_models_name_is_no_description_of_ours(engine, text):
    assert engine.ask(text).query.intent == "none"


@pytest.mark.parametrize(("text", "named"), [
    # the article names OpenAI's o1 beside R1, never o3: OpenAI alone does not make the comparison one it covers
    ("deepseek r1 vs openai o3 which is smarter", "o3"),
    ("r1 和 openai 的 o3 比谁强", "o3"),
])
def test_a_comparison_with_a_model_the_article_never_names_is_declined_naming_it(engine, text, named):
    answer = engine.ask(text)
    assert (answer.query.intent, answer.query.reason) == ("none", f"unknown-model:{named}")
    assert engine.ask("r1 vs openai o1").query.field == "features"  # what the article says against o1


@pytest.mark.parametrize("text", [
    "how much does the r1 api cost per million tokens",  # "million" must not become parameters
    "v3 训练花了多少钱",
    "what's the context length of r1?",
    "how big is v3's vocabulary",  # a field word beside a topic the article never covers
    "is deepseek r1 censored",  # no lexicon word: the overview would leave "censored" unexplained
    "what's the max output length of v3",  # "what's" asks for the unexplained words, not for an overview
    "where can i try janus pro",
    "what's the cheapest deepseek model",  # the brand with an unexplained word is not the family
    # Chinese words the article never uses, no topic of the lexicon either: the pairs of characters decide
    "v3 会不会审查政治话题", "r1 回复慢不慢", "janus pro 的作者是谁", "coder v2 怎么接入编辑器",
    "deepseek math 能考满分吗",  # a yes/no check with such a word checks more than the article says
])
def test_a_question_beyond_the_article_is_declined_not_answered_otherwise(engine, text):
    assert engine.ask(text).query.intent == "none"


@pytest.mark.parametrize(("text", "intent"), [
    ("ok so what's coder v2 exactly lol", "model"),  # chatter explains nothing and needs no explaining
    ("can anyone explain what deepseekmoe is? thx in advance", "model"),  # an overview asked in so many words
    ("wen was janus pro relased", "field"),  # typos of known words are those words
    ("how many tokens was deepseek math trained on", "field"),  # the model's own facts explain the words
    ("janus pro training strategy", "field"),  # so does what the article says of its paper
])
def test_the_decline_rule_keeps_true_answers(engine, text, intent):
    assert engine.ask(text).query.intent == intent


@pytest.mark.parametrize(("text", "intent"), [
    # a use the article never names for the model: the features would answer another question
    ("is r1 good for writing novels?", "none"), ("janus pro good for making memes?", "none"),
    ("would vl2 be good at reading xrays", "none"), ("janus pro 擅长做表情包吗", "none"), ("vl2 擅长看病吗", "none"),
    # a use the article does name, or none named: answered
    ("is r1 good at math?", "field"), ("what is coder v2 good at", "field"),
    ("is deepseek coder good for coding", "field"), ("janus pro 擅长什么", "field"), ("what's r1 good for", "field"),
])
def test_asking_whether_a_model_suits_a_use_the_article_never_names_is_declined(engine, text, intent):
    assert engine.ask(text).query.intent == intent


@pytest.mark.parametrize(("text", "lang"), [
    ("what is deepseek?", "en"), ("DeepSeek 是什么公司", "zh"), ("列一下 deepseek 全家桶", "zh"),
    ("give me a rundown of the deepseek models", "en"), ("DeepSeek 是什麼?", "zh"),
    ("DeepSeek 的模型有哪些,分别什么时候发布", "zh"),
])
def test_the_family_card(engine, kb, text, lang):
    answer = engine.ask(text)
    assert (answer.query.intent, answer.query.selector, list(answer.query.models)) == ("list", "family", ALL_IN_ORDER)
    shown = to_text(answer.reply)
    assert answer.lang == lang and kb.article.intro[lang] in shown and "/timeline" in shown
    for m in kb.models:
        assert m.name[lang] in shown


def test_an_article_without_its_intro_is_refused(tmp_path):
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    article = folder / "article.yaml"
    article.write_text(article.read_text(encoding="utf-8").split("intro:")[0].rsplit("#", 1)[0], encoding="utf-8")
    with pytest.raises(ValueError, match=r"article\.yaml: intro"):
        load_knowledge(folder)


def test_relations_come_from_the_model_files(kb):
    def answer(folder_kb, text):
        return Engine(folder_kb).ask(text)

    math = kb.by_id["deepseek-math"]
    stated = next(r for r in math.relations if r.kind == "based_on")
    based = answer(kb, "what is deepseek math built on?")
    assert set(based.query.models) == (set(stated.models) or {"deepseek-math"})
    assert stated.text["en"] in to_text(based.reply)


def test_a_relation_word_finds_the_relation_the_files_state(engine, kb):
    query = engine.ask("哪些模型基于 DeepSeekMoE").query  # "based on" the idea: the relation the file states
    stated = {mid for r in kb.by_id["deepseek-moe"].relations for mid in r.models}
    assert query.intent == "list" and set(query.models) == stated


def test_a_relation_word_the_code_does_not_know_is_refused(tmp_path):
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    lexicon = folder / "lexicon.yaml"
    lexicon.write_text(lexicon.read_text(encoding="utf-8").replace("  distilled: [", "  inspired_by: [", 1),
                       encoding="utf-8")
    with pytest.raises(ValueError, match=r"relations\.inspired_by: expected a relation kind"):
        load_knowledge(folder)


def test_an_edited_relation_changes_the_answer(tmp_path):
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    path = folder / "models" / "deepseek-math.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("en: built on DeepSeek-Coder-v1.5 7B", "en: trained from DeepSeek-Coder-v1.5 7B"),
                    encoding="utf-8")
    answer = Engine(load_knowledge(folder)).ask("what is deepseekmath based on?")
    # a link to a model outside the article's list is a fact of the model asked: the field whose line states it
    assert answer.query.intent == "field" and "trained from DeepSeek-Coder-v1.5 7B" in to_text(answer.reply)


@pytest.mark.parametrize(("text", "models"), [
    ("which models came out after deepseek llm?", ["deepseek-v2", "deepseek-v3", "deepseek-r1", "janus-pro"]),
    ("R1 之前发布了哪些模型", ["deepseek-coder", "deepseek-llm", "deepseek-v2", "deepseek-v3"]),
    ("what came out after v3?", ["deepseek-r1"]),  # one: the next
    ("Janus-Pro 之后还有模型吗", []),  # the last one: none after it, and it says so
    ("哪些模型比 v3 晚出", ["deepseek-r1", "janus-pro"]),
])
def test_neighbours_in_time(engine, text, models):
    query = engine.ask(text).query
    assert (query.intent, list(query.models)) == ("list", models)


def test_followups_keep_the_last_answers_models(engine):
    engine.ask("which models came out in 2025?", conversation="f")
    answer = engine.ask("它们里面哪个最新", conversation="f")  # picks among the list
    assert answer.query.selector == "newest:among" and answer.reply.description.startswith("发布更晚的是 Janus-Pro")
    engine.ask("compare v2 and v3", conversation="g")
    engine.ask("compare r1 and janus pro", conversation="g")
    answer = engine.ask("which one is earlier?", conversation="g")  # the last comparison, not the one before
    assert set(answer.query.models) == {"deepseek-r1", "janus-pro"} and "first: DeepSeek-R1" in answer.reply.description
    assert asked(engine, "how big is it?", "g") == ("field", {"deepseek-r1"}, "parameters")  # the pick is remembered
    engine.ask("what came after v3", conversation="n")
    assert asked(engine, "and after that?", "n")[1] == {"janus-pro"}  # a neighbour of the last answer
    engine.ask("tell me about deepseek math", conversation="r")
    assert engine.ask("what is it based on?", conversation="r").query.selector.startswith("relation:deepseek-math")


def test_an_answer_about_no_model_keeps_the_memory(engine):
    engine.ask("tell me about v2", conversation="e")
    assert engine.ask("Janus-Pro 之后还有模型吗", conversation="e").query.models == ()  # a list of none
    assert asked(engine, "论文呢", "e") == ("field", {"deepseek-v2"}, "paper")


def test_an_off_topic_question_is_declined_and_keeps_the_memory(engine):
    engine.ask("tell me about v2", conversation="h")
    assert engine.ask("btw what's the weather like", conversation="h").query.intent == "none"
    assert asked(engine, "when was it released?", "h") == ("field", {"deepseek-v2"}, "released")


@pytest.mark.parametrize(("first", "then", "expected"), [
    ("v2 size?", "r1?", ("field", {"deepseek-r1"}, "parameters")),  # a bare name keeps the field
    ("deepseek llm 什么时候发布的", "那 MoE 呢?", ("field", {"deepseek-moe"}, "released")),  # the brand completes
    ("how big is v3", "and llm?", ("field", {"deepseek-llm"}, "parameters")),
    ("r1 有多少参数", "那个用 FP8 的呢", ("field", {"deepseek-v3"}, "parameters")),  # a description switches too
    ("what is janus pro", "what about the reasoning model", ("model", {"deepseek-r1"}, None)),
])
def test_a_followup_switches_the_model_and_keeps_the_question(engine, first, then, expected):
    engine.ask(first, conversation="s")
    assert asked(engine, then, "s") == expected


MISSING = {"released": lambda m: m.released is None, "parameters": lambda m: m.total_b is None,
           "paper": lambda m: m.paper_title is None}


@pytest.mark.parametrize(("text", "fact"), [
    ("which ones have no known launch date", "released"),
    ("哪几个没写参数规模", "parameters"),
    ("哪些模型發佈時間不明", "released"),  # Traditional
    ("any model without a paper?", "paper"),
    ("有没有模型没公布发布时间的", "released"),
    # the article's own words for DeepSeekMath's paper: "暂未查询到公开论文"
    ("哪些模型的论文没找到", "paper"), ("哪个模型论文找不到啊", "paper"), ("论文查不到的模型有哪些", "paper"),
    ("有没有模型没查到论文的", "paper"),
])
def test_filters_over_missing_facts(engine, kb, text, fact):
    query = engine.ask(text).query
    assert query.intent == "list" and set(query.models) == {m.id for m in kb.models if MISSING[fact](m)}


@pytest.mark.parametrize(("field", "texts"), [
    ("released", ["r1 啥时候出的", "janus pro 几时发布", "V3 幾時發佈的", "deepseek llm 何時推出", "v2 launch day?",
                  "coder 哪年面世", "v3 的生日", "vl2 是什么年份的", "janus pro drop date", "when did v2 drop",
                  "deepseek llm birthday"]),
    ("parameters", ["v2 多大", "janus pro 体量多大", "R1 參數量多少", "how chonky is r1", "how beefy is v2",
                    "janus pro specs", "deepseek llm 有多少个参数"]),
    ("features", ["coder v2 有啥用", "Janus-Pro 的特色是什麼", "v3 能干嘛", "janus pro 有啥用处", "r1 的卖点",
                  "vl2 牛在哪", "what's janus pro good for", "what does r1 do", "what sets coder v2 apart",
                  "v3 有多强", "r1 到底多厉害", "janus pro 强在哪", "coder v2 有多牛", "what arch does v2 use"]),
    ("paper", ["r1 的研究文章叫啥", "v3 论文标题"]),
    ("significance", ["thanks! and why is r1 a big deal?", "V3 的意義在哪裡", "what's the point of janus pro",
                      "what did deepseek llm bring to the table"]),
])
def test_wording_gaps_per_field(engine, field, texts):
    assert {engine.ask(t).query.field for t in texts} == {field}


@pytest.mark.parametrize(("text", "expected"), [
    ("r1 的论文是什么", ("field", "paper")),  # a field word with "是什么" still asks the field
    ("v2 的参数是多少,是什么规模", ("field", "parameters")),
    ("what is v3's release date", ("field", "released")),
    ("janus pro 是什么", ("model", None)),  # and an overview stays an overview
    ("v3 咋样", ("model", None)),
    ("what is deepseek coder v2", ("model", None)),
])
def test_what_is_asks_the_field_it_names_or_the_overview(engine, text, expected):
    query = engine.ask(text).query
    assert (query.intent, query.field) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("deepseek 的 llm 什么时候出的", ("field", {"deepseek-llm"})),  # the brand elsewhere in the message
    ("what's the paper of deepseek's llm", ("field", {"deepseek-llm"})),
    ("llm 67b 的论文", ("field", {"deepseek-llm"})),  # a size the article gives DeepSeek LLM
    ("moe 是什么", ("model", {"deepseek-moe"})),  # a tag word asked like a model is the model named after it
    ("math 的论文叫啥", ("field", {"deepseek-math"})),
    ("coder v1 vs coder v2", ("compare", {"deepseek-coder", "deepseek-coder-v2"})),
    ("which llm is the best", ("none", set())),  # an llm is not DeepSeek LLM
    ("how big is an llm usually", ("none", set())),
])
def test_short_names(engine, text, expected):
    query = engine.ask(text).query
    assert (query.intent, set(query.models)) == expected


def test_a_tag_word_asked_about_many_models_stays_a_filter(engine, kb):
    moe = {m.id for m in kb.models if "moe" in m.tags}
    for text in ("which models use moe", "deepseek 的 moe 模型有哪些", "用 moe 的模型是什么"):
        assert set(engine.ask(text).query.models) == moe, text


@pytest.mark.parametrize(("zh", "en"), [
    ("V3 和 V2 哪个参数多?", "which has more params, v3 or v2?"),
    ("r1 和 janus pro 哪个先出", "r1 or janus pro, which came out first"),
    ("v2 跟 v3 比谁更新", "v2 vs v3, which is newer"),
    ("V3 和 R1 誰比較新", "which is newer, v3 or r1"),
    ("v2 和 v3 的参数量对比", "compare v2 and v3 size"),  # comparing one figure ranks by it
])
def test_comparison_verdicts_in_both_languages(engine, zh, en):
    zh_answer, en_answer = engine.ask(zh), engine.ask(en)
    assert zh_answer.query.selector == en_answer.query.selector is not None
    zh_description, en_description = (to_embed(a.reply)["description"] for a in (zh_answer, en_answer))
    assert zh_description.split("(")[0].split(" ")[-1] in en_description


@pytest.mark.parametrize(("en", "zh"), [
    ("the model with 37b active params, when was it released?", "激活 370 亿参数的那个模型什么时候发布的"),
    ("the reasoning model trained with RL, why does it matter?", "用强化学习训练的推理模型有什么意义"),
    ("what is deepseek?", "deepseek 是什么?"),
    ("which models came out after v2?", "v2 之后发布了哪些模型?"),
    ("what is deepseekmath based on?", "deepseekmath 基于什么?"),
    ("which models have no paper?", "哪些模型没有论文?"),
    ("how long is r1's context window?", "r1 的上下文窗口多长?"),
    ("the 236b model vs the 671b model", "236B 的模型和 671B 的模型对比"),
])
def test_a_question_and_its_translation_are_understood_alike(engine, en, zh):
    def parsed(text):
        q = engine.ask(text).query
        return q.intent, set(q.models), q.field, q.selector

    assert parsed(en) == parsed(zh)
