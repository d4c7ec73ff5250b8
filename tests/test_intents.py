"""What a question asks, in both languages. Expected values come from the article."""

import pytest

from bot.render.cards import to_text


def asked(engine, text, conversation=None):
    q = engine.ask(text, conversation=conversation).query
    return q.intent, set(q.models), q.field


def picked(engine, text, conversation):
    """A pick among the models talked about: the models ranked, how, and which one the answer picks."""
    answer = engine.ask(text, conversation=conversation)
    q, verdict = answer.query, answer.reply.description
    assert q.intent == "compare" and answer.reply.title.startswith(("The ", "两个里", "三个里"))
    return set(q.models), q.selector, verdict.split("DeepSeek-")[1].split(" ")[0].split("(")[0]


@pytest.mark.parametrize(("text", "intent", "models", "field"), [
    ("what is deepseek v2", "model", {"deepseek-v2"}, None),
    ("介绍一下 Janus Pro", "model", {"janus-pro"}, None),
    ("how many params in deepseek-r1", "field", {"deepseek-r1"}, "parameters"),
    ("V3每个token激活多少参数", "field", {"deepseek-v3"}, "parameters"),
    ("R1 几B", "field", {"deepseek-r1"}, "parameters"),
    ("When did R1 come out?", "field", {"deepseek-r1"}, "released"),
    ("什麼時候發布的 R1", "field", {"deepseek-r1"}, "released"),
    ("deepseek-coder-v2 论文", "field", {"deepseek-coder-v2"}, "paper"),
    ("R1 发布的论文", "field", {"deepseek-r1"}, "paper"),      # weak "发布" yields to "论文"
    ("What is DeepSeekMoE good at?", "field", {"deepseek-moe"}, "features"),
    ("DeepSeek-V2 的意義", "field", {"deepseek-v2"}, "significance"),
    ("When were V2 and V3 released?", "field", {"deepseek-v2", "deepseek-v3"}, "released"),
    ("R1 vs o1", "field", {"deepseek-r1"}, "features"),       # the article's comparison is a feature
])
def test_model_and_field(engine, text, intent, models, field):
    assert asked(engine, text) == (intent, models, field)


@pytest.mark.parametrize(("text", "models"), [
    ("compare deepseek llm with deepseek coder", {"deepseek-llm", "deepseek-coder"}),
    ("Coder 和 Coder V2 的区别", {"deepseek-coder", "deepseek-coder-v2"}),
    ("v2 vs v3 vs r1", {"deepseek-v2", "deepseek-v3", "deepseek-r1"}),
])
def test_comparisons(engine, text, models):
    assert asked(engine, text) == ("compare", models, None)


MOE = {"deepseek-moe", "deepseek-v2", "deepseek-coder-v2", "deepseek-vl2", "deepseek-v3"}
ALL = {"deepseek-coder", "deepseek-llm", "deepseek-moe", "deepseek-v2", "deepseek-math",
       "deepseek-coder-v2", "deepseek-vl2", "deepseek-v3", "deepseek-r1", "janus-pro"}


@pytest.mark.parametrize(("text", "models"), [
    ("which models use MoE", MOE),
    ("哪些模型采用混合专家架构", MOE),
    ("Which DeepSeek models are multimodal?", {"deepseek-vl2", "janus-pro"}),
    ("which models can generate images?", {"janus-pro"}),
    ("which model generates images from text?", {"janus-pro"}),
    ("Which models were released in 2023?", {"deepseek-coder", "deepseek-llm"}),
    ("哪些模型参数超过 2000 亿", {"deepseek-v2", "deepseek-v3", "deepseek-r1"}),
    ("which models have fewer than 100B parameters", {"deepseek-llm", "janus-pro"}),
    ("DeepSeek 有哪些模型", ALL),
    ("what models are there", ALL),
    ("which models are open source", {"deepseek-coder", "deepseek-v2", "deepseek-coder-v2", "deepseek-r1"}),
    # superlatives and relative time resolve to one model
    ("参数最多的模型是哪个", {"deepseek-v3"}),
    ("哪个模型最早发布", {"deepseek-coder"}),
    ("which model was released most recently", {"janus-pro"}),
    ("what came before V3?", {"deepseek-v2"}),
    ("What came out after DeepSeek LLM?", {"deepseek-v2"}),
    # a model described, not named
    ("Which model uses FP8?", {"deepseek-v3"}),
    ("哪个模型用了强化学习", {"deepseek-r1"}),
    ("which one is on par with o1", {"deepseek-r1"}),
    ("which model decouples visual encoding", {"janus-pro"}),
])
def test_lists_and_superlatives(engine, text, models):
    intent, got, _ = asked(engine, text)
    assert (intent, got) == ("list", models)


def test_superlative_with_another_field_answers_that_field(engine):
    assert asked(engine, "when was the largest model released?") == ("field", {"deepseek-v3"}, "released")


def test_undated_models_are_never_ranked_by_date(engine):
    answer = engine.ask("which model came first?")
    assert answer.query.models == ("deepseek-coder",)
    assert "DeepSeekMath" in to_text(answer.reply)  # named as not ranked, not placed


@pytest.mark.parametrize(("text", "reason"), [
    ("Tell me about Llama 3", "unknown-model:Llama 3"),
    ("DeepSeek-R2 什么时候发布", "unknown-model:DeepSeek-R2"),  # the name as written (issue 16)
    ("how many parameters does GPT-4 have", "unknown-model:GPT-4"),
    ("What's the stock price of Nvidia?", "topic:company"),  # a kind of topic the article never covers, named
    ("帮我写一首诗", "act:request"),  # work asked of the bot, declined by name
    ("what's its paper?", "no-model"),
    ("hello", "smalltalk:greetings"),  # small talk gets small talk, not the help card
    ("你好", "smalltalk:greetings"),
    ("who are you?", "help"),
    ("你能做什么", "help"),
])
def test_declines(engine, text, reason):
    answer = engine.ask(text)
    assert (answer.query.intent, answer.query.models, answer.query.reason) == ("none", (), reason)


def test_decline_says_what_the_bot_knows(engine):
    text = to_text(engine.ask("Tell me about GPT-4").reply)
    assert "does not cover GPT-4" in text and "Janus-Pro" in text and "DeepSeek Coder" in text


def test_followups_keep_the_model_then_switch_it(engine):
    assert asked(engine, "Tell me about DeepSeek-V3", "c") == ("model", {"deepseek-v3"}, None)
    assert asked(engine, "how many parameters does it have?", "c") == ("field", {"deepseek-v3"}, "parameters")
    assert asked(engine, "and its paper?", "c") == ("field", {"deepseek-v3"}, "paper")
    assert asked(engine, "what about R1?", "c") == ("field", {"deepseek-r1"}, "paper")


def test_chinese_followups(engine):
    assert asked(engine, "V2 有多少参数", "z") == ("field", {"deepseek-v2"}, "parameters")
    assert asked(engine, "那 V3 呢?", "z") == ("field", {"deepseek-v3"}, "parameters")
    assert asked(engine, "它是什么时候发布的?", "z") == ("field", {"deepseek-v3"}, "released")


def test_followup_compare_with_the_model_before(engine):
    engine.ask("介绍一下 R1", conversation="k")
    assert asked(engine, "它和 V3 有什么区别", "k") == ("compare", {"deepseek-r1", "deepseek-v3"}, None)


def test_conversations_do_not_share_context(engine):
    engine.ask("Tell me about DeepSeek-V3", conversation="a")
    assert asked(engine, "how many parameters does it have?", "b")[0] == "none"
    assert asked(engine, "how many parameters does it have?")[0] == "none"


@pytest.mark.parametrize(("text", "selector", "models"), [
    ("Which models were released in November 2023?", "date:2023-11", {"deepseek-coder", "deepseek-llm"}),
    ("2023 年 11 月发布了哪些模型", "date:2023-11", {"deepseek-coder", "deepseek-llm"}),
    ("Which model was released on 2024-12-26?", "date:2024-12-26", {"deepseek-v3"}),
    ("哪个模型是2025年1月20日发布的", "date:2025-01-20", {"deepseek-r1"}),
    ("What came out in January 2025?", "date:2025-01", {"deepseek-r1", "janus-pro"}),
    ("models from 2025", "date:2025", {"deepseek-r1", "janus-pro"}),
    ("哪些模型没有公布发布时间", "undisclosed:released",
     {"deepseek-moe", "deepseek-math", "deepseek-coder-v2", "deepseek-vl2"}),
    ("which models have no paper", "undisclosed:paper", {"deepseek-math"}),
])
def test_date_and_undisclosed_filters(engine, text, selector, models):
    query = engine.ask(text).query
    assert (query.intent, query.selector, set(query.models)) == ("list", selector, models)


def test_the_list_title_speaks_the_date(engine):
    assert to_text(engine.ask("What came out in January 2025?").reply).startswith("Models released in January 2025")
    assert to_text(engine.ask("2023 年 11 月发布了哪些模型").reply).startswith("2023 年 11 月发布的模型")


@pytest.mark.parametrize(("text", "reason"), [
    ("how do I install R1?", "act:howto"), ("where can I download janus pro", "act:howto"),
    ("R1 的 API 价格是多少", "topic:api"), ("how much does v3 cost per token", "topic:price"),
])
def test_topics_the_article_never_covers_are_declined_even_for_a_named_model(engine, text, reason):
    answer = engine.ask(text)
    assert (answer.query.intent, answer.query.reason, answer.query.models) == ("none", reason, ())
    if reason.startswith("topic:"):  # the decline names the kind of topic, for the model asked about
        assert answer.query.about and engine.kb.by_id[answer.query.about[0]].name[answer.lang] in to_text(answer.reply)


@pytest.mark.parametrize(("text", "field"), [
    ("deepseek v3 paramters", "parameters"), ("wen was janus pro relased", "released"), ("DeepSeek-V3 papr", "paper"),
])
def test_typos_in_question_words_are_mended(engine, text, field):
    assert engine.ask(text).query.field == field


def test_which_one_picks_among_the_models_just_compared(engine):
    engine.ask("compare V2 and V3", conversation="p")
    assert picked(engine, "which one is bigger?", "p") == ({"deepseek-v2", "deepseek-v3"}, "largest:among", "V3")
    # the pair is still the context
    assert picked(engine, "哪个更早?", "p") == ({"deepseek-v2", "deepseek-v3"}, "earliest:among", "V2")


def test_tell_me_more_gives_the_overview(engine):
    engine.ask("when was V2 released?", conversation="m")
    assert asked(engine, "tell me more", "m") == ("model", {"deepseek-v2"}, None)


def test_chat_is_not_mended_into_a_question(engine):
    engine.ask("V3 有多少参数?", conversation="chat")
    assert engine.ask("anyone up for lunch?", conversation="chat").query.intent == "none"


@pytest.mark.parametrize(("text", "verdict"), [
    ("Which came first, V2 or V3?", "Released first: DeepSeek-V2"),
    ("V2 和 V3 哪个先发布", "先发布的是 DeepSeek-V2"),
    ("Which is bigger, V2 or V3?", "Larger: DeepSeek-V3"),
    ("which is bigger, V3 or coder v2", "Not ranked, as the article gives no figure of their own: DeepSeek-Coder V2"),
])
def test_which_of_two_named_models_compares_them_and_says_which(engine, text, verdict):
    answer = engine.ask(text)
    assert answer.query.intent == "compare" and len(answer.query.models) == 2
    assert verdict in to_text(answer.reply)


def test_compare_with_the_model_before(engine):
    engine.ask("V3 有多少参数", conversation="cmp")
    assert asked(engine, "和 R1 比呢", "cmp") == ("compare", {"deepseek-v3", "deepseek-r1"}, None)


@pytest.mark.parametrize("text", ["Janus-Pro 有几个版本", "What are the distilled versions of R1?"])
def test_versions_are_a_parameters_question(engine, text):
    assert engine.ask(text).query.field == "parameters"


@pytest.mark.parametrize(("text", "selector", "models"), [
    ("Which models did DeepSeek release before 2024?", "date<2024", {"deepseek-coder", "deepseek-llm"}),
    ("2024 年之后发布了哪些模型", "date>2024", {"deepseek-r1", "janus-pro"}),
    ("models released after May 2024", "date>2024-05", {"deepseek-v3", "deepseek-r1", "janus-pro"}),
    ("Which was the last model released in 2024?", "newest", {"deepseek-v3"}),
    ("the largest model released in 2025", "largest", {"deepseek-r1"}),
])
def test_dates_with_before_after_and_superlatives(engine, text, selector, models):
    query = engine.ask(text).query
    assert (query.intent, query.selector, set(query.models)) == ("list", selector, models)


@pytest.mark.parametrize(("text", "reason"), [
    ("写一段 Python 代码", "act:request"),           # holds the tag word "代码", but asks for work
    ("write me a sorting function in python", "act:request"),
    ("recommend a good movie", "act:request"), ("推荐几本书", "act:request"),
    ("你是谁", "help"),
    ("who are you", "help"),
])
def test_requests_for_work_and_questions_about_the_bot(engine, text, reason):
    query = engine.ask(text).query
    assert (query.intent, query.reason) == ("none", reason)


def test_a_request_that_asks_which_model_is_still_answered(engine):
    assert asked(engine, "哪个模型能画图") == ("list", {"janus-pro"}, None)


def test_an_uncovered_name_is_echoed_without_markdown(engine):
    text = to_text(engine.ask("Tell me about GPT**-4").reply)
    assert "does not cover GPT-4" in text and "**" not in text


@pytest.mark.parametrize("text", ["DeepSeek models", "tell me about the models", "compare the models",
                                  "the models' parameters"])
def test_the_models_in_general_lists_them_all(engine, text):
    query = engine.ask(text).query
    # "DeepSeek models" is the family: the same ten models, with what the article says DeepSeek is about
    assert query.intent == "list" and query.selector in ("all", "family") and len(query.models) == 10


def test_followup_switch_to_several_models_keeps_the_field(engine):
    engine.ask("how many parameters does V3 have", conversation="many")
    assert asked(engine, "and R1 and V2?", "many") == ("field", {"deepseek-r1", "deepseek-v2"}, "parameters")


def test_followup_on_a_list_uses_all_its_models(engine):
    engine.ask("哪些模型是多模态的?", conversation="lst")
    assert asked(engine, "它们的论文呢?", "lst") == ("field", {"deepseek-vl2", "janus-pro"}, "paper")


def test_which_one_compares_the_model_before_with_the_current_one(engine):
    engine.ask("R1 什么时候发布", conversation="pair")
    engine.ask("V3 呢", conversation="pair")
    assert picked(engine, "哪个更早发布", "pair") == ({"deepseek-r1", "deepseek-v3"}, "earliest:among", "V3")
