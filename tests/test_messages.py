"""Messages as people write them (issue 15): each stage of understanding on its own (segment, acts, units,
resolve, scope), then the classes of message end to end, each in several wordings and both languages."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from bot.render.cards import to_text
from bot.render.contract import to_contract
from tests.conftest import KNOWLEDGE

ENGINE = Engine.from_folder(KNOWLEDGE)
U = ENGINE.understanding


def clauses(text: str) -> list[str]:
    return [c.text for c in U.segmenter.split(text)]


def act(text: str) -> tuple[str, str | None]:
    found = U.acts.of(U.segmenter.split(text)[0], U.segmenter.without_joiner)
    return found.kind, found.detail


def parts(text: str, conversation: str | None = None) -> list[tuple]:
    answer = ENGINE.ask(text, conversation=conversation)
    return [(a.query.intent, set(a.query.models), a.query.field) for a in each(answer)]


# --- segment ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("when did v3 come out and how big is it?", ["when did v3 come out", "and how big is it"]),
    ("compare v2 and v3", ["compare v2 and v3"]),  # "and" before no question joins names
    ("is v3 also open source?", ["is v3 also open source"]),  # "also" as an adverb opens nothing
    ("what's DeepSeek-V2 and also r1's sizes?", ["what's DeepSeek-V2", "and also r1's sizes"]),  # a name after
    ("V3 多大,什么时候发布的", ["V3 多大", "什么时候发布的"]),
    ("V3 每个 token 激活多少参数?还有vl2 能识别手写字吗", ["V3 每个 token 激活多少参数", "还有vl2 能识别手写字吗"]),
    ("1) when was R1 released 2) when was Janus-Pro released", ["when was R1 released", "when was Janus-Pro released"]),
    ("V2 vs. V3", ["V2 vs. V3"]),  # an abbreviation's full stop ends no sentence, nor a decimal point
    ("R1 came out in 2024. is r1 1.5B?", ["R1 came out in 2024", "is r1 1.5B"]),
    ("DeepSeek Coder came out on November 2, 2023, right?", ["DeepSeek Coder came out on November 2, 2023", "right"]),
    ("hey <@123456789012345678> **what** is r1?\nthanks", ["hey what is r1", "thanks"]),
    ("see https://example.com/x — what is V3", ["see", "what is V3"]),  # a dash between words ends a clause
    # an emoji ends what was said before it; a question mark after it still asks
    ("我完全插不上话😂 所以它到底是个啥?", ["我完全插不上话", "所以它到底是个啥"]),
    ("my cousin won't shut up about Janus-Pro 🙄 what can it do", ["my cousin won't shut up about Janus-Pro",
                                                                  "what can it do"]),
    ("V3 多大😂 ?", ["V3 多大"]),
    # a comma inside brackets ends nothing
    ("is the original DeepSeek-VL (v1, before VL2) any good?",
     ["is the original DeepSeek-VL (v1, before VL2) any good"]),
    ("R1（660B，开源）是哪天发布的", ["R1(660B,开源)是哪天发布的"]),  # (full-width punctuation read as ASCII)
    ('is it called "DeepSeekMath: Pushing the Limits"?', ['is it called "DeepSeekMath: Pushing the Limits"']),
    ("V3 (the 671B one, from December), when was it out", ["V3 (the 671B one, from December)", "when was it out"]),
])
def test_a_message_is_cut_into_clauses_where_a_question_ends_or_another_begins(text, expected):
    assert clauses(text) == expected


# --- acts ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "kind", "detail"), [
    # chatter, whatever it is made of, asks nothing
    ("hey all!", "chatter", "greetings"), ("大家好", "chatter", "greetings"), ("new here", "chatter", "greetings"),
    ("thanks in advance", "chatter", "thanks"), ("谢谢大佬", "chatter", "thanks"), ("在线等", "chatter", "thanks"),
    ("sorry for the noob question", "chatter", "apologies"), ("不好意思", "chatter", "apologies"),
    # small talk asks the bot about itself
    ("who are you?", "smalltalk", "help"), ("你能做什么", "smalltalk", "help"), ("who made you", "smalltalk", "maker"),
    ("good bot", "smalltalk", "praise"), ("bad bot", "smalltalk", "complaint"),
    # a check of what was said before
    ("is that right?", "check", None), ("legit?", "check", None), ("does the article back that up", "check", None),
    ("真的吗", "check", None), ("文章里有写吗", "check", None), ("靠谱吗", "check", None),
    # what the article cannot hold, by the form of the question
    ("when will R2 come out?", "out-of-scope", "future"), ("any plans for a V4?", "out-of-scope", "future"),
    ("R1 什么时候能支持图片", "out-of-scope", "future"), ("会不会出 R2", "out-of-scope", "future"),
    ("how do I run r1 locally?", "out-of-scope", "howto"), ("where can I download janus pro", "out-of-scope", "howto"),
    ("V3 怎么部署", "out-of-scope", "howto"), ("R1 权重在哪里可以下载", "out-of-scope", "howto"),
    ("why does V2 keep failing with CUDA out of memory?", "out-of-scope", "error"),
    ("R1 跑起来报错怎么办", "out-of-scope", "error"),
    # questions that look like those but are not
    ("R1 是怎么训练的", "ask", None), ("where can I find the V3 paper?", "ask", None), ("R1 怎么样", "ask", None),
    ("janus pro 厉害在哪", "ask", None), ("V3 的意义在哪里", "ask", None),
    # claims passed on, and self-context
    ("someone in voice chat said R1 is closed source", "claim", None), ("群里有人说 V3 有六千多亿参数", "claim", None),
    ("I heard V3 has 671B params", "claim", None), ("听说 R1 开源了", "claim", None),
    ("I'm writing slides for my team", "self", None), ("我是做前端的", "self", None),
    ("在做一个 AI 发展史的 PPT", "self", None),
])
def test_what_a_clause_does_is_read_from_its_form(text, kind, detail):
    assert act(text) == (kind, detail)


# --- units, resolve, scope: several questions in one message ------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    # a clause that only names or describes a model is the subject of the question after it
    ("V3, when did it come out?", [("field", {"deepseek-v3"}, "released")]),
    ("the 67b llm, what's its paper", [("field", {"deepseek-llm"}, "paper")]),
    ("那个 671B 的,论文叫什么", [("field", {"deepseek-v3"}, "paper")]),
    # names after a question are part of it
    ("which is bigger, V2 or V3?", [("compare", {"deepseek-v2", "deepseek-v3"}, None)]),
    ("compare deepseek math, coder and coder v2",
     [("compare", {"deepseek-math", "deepseek-coder", "deepseek-coder-v2"}, None)]),
    # two questions, each answered, in order; "it" is the first one's model
    ("how big is deepseek v2? also when was it released",
     [("field", {"deepseek-v2"}, "parameters"), ("field", {"deepseek-v2"}, "released")]),
    ("Janus-Pro 有啥意义\n还有它啥时候发的",
     [("field", {"janus-pro"}, "significance"), ("field", {"janus-pro"}, "released")]),
    ("janus pro paper title. btw, What are the features of DeepSeek-V2?",
     [("field", {"janus-pro"}, "paper"), ("field", {"deepseek-v2"}, "features")]),
    # the subject Chinese leaves out is the one before
    ("R1 是开源的吗,是 2024 年 12 月发布的吗",
     [("field", {"deepseek-r1"}, "features"), ("field", {"deepseek-r1"}, "released")]),
    # a part the article cannot answer is declined by name beside the answered one
    ("when did v3 launch? and how much does it cost?", [("field", {"deepseek-v3"}, "released"), ("none", set(), None)]),
    ("介绍一下 DeepSeek-R1;另外 R2 大概什么时候出?", [("model", {"deepseek-r1"}, None), ("none", set(), None)]),
    # a question about a model the article does not cover, and "it" after it: one decline
    ("anyone tried V3.2-Exp? what even is it", [("none", set(), None)]),
    ("Coder-V3 是啥,比 Coder V2 强多少", [("none", set(), None)]),
    # chatter framed as a question beside a real one is no part
    ("Does DeepSeek-Coder V2 have a paper? I'd like to read how they got it to compete",
     [("field", {"deepseek-coder-v2"}, "paper")]),
    ("DeepSeekMath 到底有多少参数啊?有知道的吗,求解答", [("field", {"deepseek-math"}, "parameters")]),
    ("what's the deal with DeepSeekMoE, why does it matter?", [("field", {"deepseek-moe"}, "significance")]),
    # "it" is the model the story named last, however many clauses of it came between
    ("昨天跟同事吃饭聊 AI,他一直在吹 DeepSeekMath,我完全插不上话,所以它到底是个啥?",
     [("model", {"deepseek-math"}, None)]),
    ("my teacher mentioned DeepSeek LLM in class, i was totally lost, when did it come out?",
     [("field", {"deepseek-llm"}, "released")]),
    ("同事天天聊 V2,我一脸懵,它有多少参数", [("field", {"deepseek-v2"}, "parameters")]),
    # a story no frame reads, with neither a question mark nor a question's form, is chatter beside a question
    ("lol my friend kept hyping R1 all through dinner and I had no clue what he meant. what makes it special?",
     [("field", {"deepseek-r1"}, "features")]),
    ("谢谢bot,刚才那个回答很有用。对了,R1 什么时候发布的?", [("field", {"deepseek-r1"}, "released")]),
    ("突然好奇为啥大家都说 V3 树立了新标杆,它的意义到底在哪", [("field", {"deepseek-v3"}, "significance")]),
    # ... a question by its form stays a part, declined by name
    ("how does R1 feel in daily use, and when was it released",
     [("none", set(), None), ("field", {"deepseek-r1"}, "released")]),
    ("R1 用起来感觉怎么样,什么时候发布的", [("none", set(), None), ("field", {"deepseek-r1"}, "released")]),
])
def test_every_question_of_a_message_is_a_part_and_chatter_none(text, expected):
    assert parts(text) == expected


def test_past_three_questions_the_others_are_named_for_another_message():
    answer = ENGINE.ask("when was v2 released? when was v3 released? when was r1 released? when was janus pro "
                        "released?")
    assert len(answer.parts) == 3 and "janus pro" in to_text(answer.reply).lower()
    assert [p["models"] for p in to_contract(answer)["parts"]] == [["deepseek-v2"], ["deepseek-v3"], ["deepseek-r1"]]


def said(turns: list[str]):
    for text in turns:
        answer = ENGINE.ask(text, conversation="|".join(turns))
    return answer


def said_reply(turns: list[str]) -> str:
    return to_text(said(turns).reply)


def each(answer):
    """The parts of an answer, or the answer itself when it has one."""
    return answer.parts or (answer,)


@pytest.mark.parametrize("turns", [
    ["V2 和 V3 对比一下", "哪个先出的?"], ["compare v2 and v3", "which one is older"],
    ["compare v2 and v3", "which came out first?"], ["v2 多大", "v3 呢", "哪个早"],
    ["2024 年发布了哪些模型?", "这两个哪个先出的?"], ["compare r1 and janus pro", "which of these two is older"],
])
def test_after_a_comparison_which_came_first_is_about_the_two(turns):
    answer = said(turns)
    two = {"deepseek-r1", "janus-pro"} if "janus" in turns[0] else {"deepseek-v2", "deepseek-v3"}
    assert (answer.query.intent, set(answer.query.models), answer.query.selector) == ("compare", two, "earliest:among")
    title, _, first = to_text(answer.reply).splitlines()[:3]
    assert title in ("The earlier of the two", "两个里先发布的"), title  # the earlier of the two, said so
    assert first.startswith(("Released first", "先发布的是")) and "DeepSeek-V3" not in first.split("(")[0], first


@pytest.mark.parametrize(("turns", "expected"), [
    # a ranking word with a fact asked: the fact of the one it picks among them
    (["2025 年出了哪些模型?", "后出的那个有什么特色?"], ("field", ("janus-pro",), "features")),
    (["compare v2 and v3", "the older one's paper?"], ("field", ("deepseek-v2",), "paper")),
    # ... unless it says it ranks every model
    (["compare v2 and v3", "what's the largest model overall?"], ("list", ("deepseek-v3",), None)),
    (["V2 和 V3 对比一下", "所有模型里最早的是哪个"], ("list", ("deepseek-coder",), None)),
    # "the other one": the model talked about before the last one
    (["compare coder and llm", "coder's paper?", "what about the other one?"], ("field", ("deepseek-llm",), "paper")),
    (["r1 多大", "v3 呢", "另一个呢"], ("field", ("deepseek-r1",), "parameters")),
    (["v2 什么时候发布的", "v3 呢", "the other one's paper"], ("field", ("deepseek-v2",), "paper")),
    # after a pick among them, "it" is the one picked and "the other one" the one left
    (["compare v2 and v3", "哪个更大", "how big is it?"], ("field", ("deepseek-v3",), "parameters")),
    (["compare v2 and v3", "which is bigger?", "how big is it?", "and the other one?"],
     ("field", ("deepseek-v2",), "parameters")),
    (["v2, v3 and r1", "which is the newest?", "它的论文呢"], ("field", ("deepseek-r1",), "paper")),
])
def test_rankings_and_the_other_one_refer_to_the_models_just_talked_about(turns, expected):
    query = said(turns).query
    assert (query.intent, query.models, query.field) == expected


@pytest.mark.parametrize(("text", "selector"), [
    ("how much is V3 bigger than V2?", "diff:parameters"), ("how much later is R1 than V3?", "diff:released"),
    ("how many days later did R1 come out than V3?", "diff:released"),
])
def test_an_amount_with_a_comparative_after_it_asks_the_difference(text, selector):
    assert ENGINE.ask(text).query.selector == selector
    assert ENGINE.ask("how much is V3?").query.reason == "topic:price"


@pytest.mark.parametrize(("turns", "models"), [
    (["compare v2 and v3", "what are both of their papers called?"], {"deepseek-v2", "deepseek-v3"}),
    (["对比一下 V2 和 V3", "它们的论文呢?"], {"deepseek-v2", "deepseek-v3"}),
    (["compare r1 and janus pro", "and when were those two released?"], {"deepseek-r1", "janus-pro"}),
])
def test_they_and_these_two_are_the_models_just_compared(turns, models):
    for text in turns:
        answer = ENGINE.ask(text, conversation="-".join(turns))
    assert set(answer.query.models) == models and answer.query.intent == "field"


# --- chatter never changes an answer ------------------------------------------------------------------
QUESTIONS = ["when was V3 released?", "how many parameters does R1 have", "which models use MoE?",
             "compare V2 and V3", "janus pro paper title", "R1 是什么时候发布的?", "V2 有多少参数",
             "哪些模型是多模态的?", "介绍一下 DeepSeek-V2"]
WRAPPERS = ["hey all! {q} thanks!", "<@123456789012345678> {q}", "so I'm preparing slides for my team. {q} would help",
            "sorry for the noob question, {q}", "new here 👋\n{q}\nty", "大家好,{q} 谢谢",
            "我是做前端的,老板让我查一下:{q} 在线等", "不好意思打扰一下 {q} 感谢大佬🙏"]


@pytest.mark.parametrize("question", QUESTIONS)
def test_chatter_around_a_question_changes_nothing(question):
    plain = ENGINE.ask(question).query
    for wrapper in WRAPPERS:
        assert ENGINE.ask(wrapper.format(q=question)).query == plain, wrapper


@pytest.mark.parametrize(("text", "reason"), [
    ("thanks!", "smalltalk:thanks"), ("谢谢", "smalltalk:thanks"), ("hi", "smalltalk:greetings"),
    ("good bot", "smalltalk:praise"), ("who made you?", "smalltalk:maker"), ("what can you do?", "help"),
])
def test_small_talk_gets_a_short_answer_without_the_list_of_models(text, reason):
    answer = ENGINE.ask(text)
    assert (answer.query.intent, answer.query.reason) == ("none", reason)
    if reason != "help":  # the help card says what to ask; the others are a line
        assert to_text(answer.reply).count("\n") == 0 and "Janus-Pro" not in to_text(answer.reply)


# --- claims get a verdict, with the article's words -----------------------------------------------------
@pytest.mark.parametrize(("text", "verdict"), [
    ("V3 has 671B params, right?", "Yes"), ("someone said V2 has 236B parameters, legit?", "Yes"),
    ("so DeepSeek-V2 is 600-something billion params?", "No"), ("V3 has about 670B params right?", "Yes"),
    ("saw a tweet saying R1 came out in 2024. does the article say that?", "No"),
    ("群里有人说 ds v3 有六千多亿参数,真的假的?", "对"), ("deepseek v2 的 params 七百亿左右吧?", "不对"),
    ("听说 R1 是 2025 年 1 月 20 日发布的,文章里有写吗", "对"), ("不会吧,Janus-Pro 居然能文生图?", "对"),
    # what the article's sentences say, for a claim no tag, date or figure reads
    # a statement, then words that ask whether it is so
    ("DeepSeek-V2 came out on May 7, 2024. correct me if I'm wrong", "Yes"),
    ("V3 has 671B params, if I'm not mistaken", "Yes"), ("R1 是 2025 年发布的,我没记错的话", "对"),
    ("so DeepSeek-V3 came out on December 26, 2023?", "No"), ("wait, Janus-Pro came out on January 28, 2025??", "Yes"),
    ("does r1 really match openai o1 or is that marketing", "Yes"),
    ("heard DeepSeekMath was trained on like 50B tokens, is that right", "No"),
    # a noun between "that" and the check tag says what is checked
    ("R1 是全世界最强的大模型,这个说法对吗", "文章没有说"), ("V3 has 671B params. is that claim true?", "Yes"),
    ("V2 是 2024 年 5 月发布的,这种说法靠谱吗", "对"),
    # the asker's own memory in doubt
    ("DeepSeekMath 用了 5000 亿 token 训练,我没记错吧?", "对"), ("V3 是 2023 年发布的,还是我记错了?", "不对"),
    ("R1 came out in January 2025, or am I wrong?", "Yes"),
    # a check tag with no comma before it
    ("V3 is 671B right", "Yes"), ("R1 开源对吧", "对"), ("janus pro came out in 2024 correct me if im wrong", "No"),
    # a claim passed on, with a question mark
    ("我记得 V2 比 V3 大?", "不对"), ("heard R1 is open source?", "Yes"), ("I thought V3 came out in 2023?", "No"),
    # who passed it on, after a word that leads to them
    ("看新闻说 R1 是低成本搞出来的,真的吗", "对"), ("在推特上有人说 V3 有 671B 参数,靠谱吗", "对"),
    ("刷到帖子说 Janus-Pro 能生成图片,是真的吗", "对"),
    # a count is checked by its figures, however roughly given, whatever words are around it
    ("DeepSeekMath 的 pretrain 数据有 500B token 左右,我没记错吧?", "对"),
    ("deepseekmath was trained on roughly 500B tokens right?", "Yes"),
    # the same said in other words: the article's "持平", "相当" ("matches", "comparable")
    ("R1 is on par with o1, right?", "Yes"), ("R1 跟 o1 差不多水平?", "对"),
    ("coder v2 rivals gpt4-turbo at code, right?", "Yes"), ("Coder V2 跟 GPT4-Turbo 相当吗", "对"),
    ("R1 is on par with GPT-4, right?", "The article does not say"),
    # how good a model is: a claim the article does not settle
    ("someone said V3 is the best model ever, true?", "The article does not say"),
    # a negation in a claim with a check tag after it is what is claimed (not the rhetorical "isn't R1 …?")
    ("DeepSeek-VL2 不是 MoE,对吧", "不对"), ("VL2 is not MoE, right?", "No"), ("r1 isnt open source right?", "No"),
    ("R1 不是开源的对吧", "不对"), ("isn't R1 open source?", "Yes"), ("R1 不是开源的吗", "对"),
    # 万亿 is a trillion, read whole: a count of tokens, not "5 万" of parameters
    ("有人说 DeepSeekMath 是用 5 万亿 token 训练的?", "不对"), ("DeepSeekMath 的训练数据有 0.5 万亿 token 对吧", "对"),
    ("heard deepseekmath used 5 trillion tokens?", "No"), ("V2 有 2.36 万亿参数吗", "不对"),
    # a claim of several clauses before its check tag is checked whole; one part not so makes it not so
    ("群里有人说 V3 是 2024 年 12 月发布的,参数有 671B,靠谱吗", "对"),
    ("听说 Janus-Pro 有 1B 和 7B 两个版本,能生成图片,是 2024 年发布的,真的吗", "不对"),
    # "and has …" goes on with the claim's subject; it opens no question of its own
    ("someone said V2 came out in May 2024 and has 671B params, legit?", "No"),
    ("V3 came out in 2024 and has 671B params, right?", "Yes"),
    # a figure or a date stated of a model, with no question at all, is a claim said outright
    ("R1 came out in 2024", "No"), ("DeepSeekMath was pretrained on 5 billion tokens", "No"),
    ("V3 has 671B params", "Yes"), ("R1 是 2025 年 1 月发布的", "对"),
    # words of a paper's title claimed of it: yes where the title holds them, no where another model's does
    ("does the V2 paper title call it economical?", "Yes"), ("does the R1 paper talk about incentivizing?", "Yes"),
    ("DeepSeekMoE 那篇论文标题里有 Expert Specialization 这个词吧?", "对"),
    ("is the V3 paper titled Scaling Open-Source Language Models?", "No"),
    ('is the deepseekmath paper called "DeepSeekMath: Pushing the Limits of Mathematical Reasoning"?',
     "The article does not say"),
    # what a claim is set against says nothing of it; its question mark asks
    ("Janus-Pro can actually do text-to-image generation, not just understanding?", "Yes"),
    ("Janus-Pro 能生成图片,而不只是理解图片?", "对"), ("so R1 is a reasoning model, not just a chat model?", "Yes"),
    # "total params" are parameters; "started from" a model is being based on it
    ("V3 is bigger than R1 in total params, right?", "Yes"), ("R1 is larger than V3 in total parameters, right?", "No"),
    ("DeepSeekMath started from DeepSeek-Coder-v1.5 7B, right?", "Yes"),
    ("was DeepSeekMath initialized from Coder v1.5?", "Yes"),
])
def test_a_claim_gets_its_verdict_first(text, verdict):
    lines = to_text(ENGINE.ask(text).reply).splitlines()
    assert lines[2].startswith(verdict), lines


@pytest.mark.parametrize(("text", "expected"), [
    # an error told is declined as one, alone, and is no question beside another
    ("R1 keeps failing with CUDA OOM", [("none", set(), None)]), ("我的 V3 一直报错,用不了", [("none", set(), None)]),
    ("R1 keeps failing with CUDA OOM. when was it released?", [("field", {"deepseek-r1"}, "released")]),
    ("my code crashed lol, anyway what is V3?", [("model", {"deepseek-v3"}, None)]),
])
def test_an_error_told_is_declined_as_an_error(text, expected):
    assert parts(text) == expected
    assert ENGINE.ask(text).query.reason in ("act:error", None)


@pytest.mark.parametrize(("text", "reason"), [
    # asking for material to use a model with, or how to use it
    ("how can I utilize R1 in my app?", "act:howto"), ("any demo scripts for VL2?", "act:howto"),
    ("Is there sample code for training DeepSeek models with FP8 in Megatron-LM?", "act:howto"),
    ("有没有 Janus-Pro 的示例代码", "act:howto"),
    # asking for what is not there yet
    ("Hey! DeepSeek-V3 is amazing! would it be possible to add multi-lingual support?", "act:future"),
    ("could you add image input to R1?", "act:future"), ("R1 以后会支持图片吗?", "act:future"),
    # an outage
    ("V3 服务器繁忙怎么办", "act:error"), ("R1 挂了吗", "act:error"),
    ("is the R1 server down? it went down again", "act:error"),
])
def test_how_to_plans_and_outages_are_declined_by_what_they_are(text, reason):
    assert ENGINE.ask(text).query.reason == reason


@pytest.mark.parametrize(("text", "field"), [
    ("can you break down V3's features", "features"), ("walk me through R1's significance", "significance"),
    ("could you go over janus pro's paper", "paper"),
])
def test_a_request_to_explain_asks_like_explain(text, field):
    assert ENGINE.ask(text).query.field == field


@pytest.mark.parametrize("text", ["DeepSeekMath 的训练数据是从哪来的?",
                                  "where does DeepSeekMath's training data come from?", "为什么 V3 的意义这么大?"])
def test_a_question_word_asks_it_is_no_claim_to_check(text):
    query = ENGINE.ask(text).query
    assert query.intent == "field" and not (query.selector or "").startswith("check:")


@pytest.mark.parametrize("text", ["deepseek 家哪个模型数学推理最强", "which deepseek model is the best?",
                                  "what's the strongest deepseek model for coding"])
def test_which_is_best_is_declined_by_name_as_the_article_ranks_none(text):
    assert ENGINE.ask(text).query.reason == "topic:quality"


@pytest.mark.parametrize(("text", "expected"), [
    ("R1 开源对吧?V3 什么时候出的", [("field", {"deepseek-r1"}, "features"), ("field", {"deepseek-v3"}, "released")]),
    ("heard V3 is 671B? also when did it come out",
     [("field", {"deepseek-v3"}, "parameters"), ("field", {"deepseek-v3"}, "released")]),
    ("听说 R1 开源了?它什么时候发布的",
     [("field", {"deepseek-r1"}, "features"), ("field", {"deepseek-r1"}, "released")]),
    # a claim passed on without a question mark or a tag is context, not a question
    ("my friend said R1 is amazing. anyway when was V3 released?", [("field", {"deepseek-v3"}, "released")]),
    # "right" said of something else is no check tag
    ("When was DeepSeek LLM released? they can't both be right", [("field", {"deepseek-llm"}, "released")]),
])
def test_a_claim_asked_about_is_checked_beside_the_other_questions(text, expected):
    assert parts(text) == expected


NONE = ("none", set(), None)


@pytest.mark.parametrize(("text", "expected"), [
    # a question about something else, with a subject of its own, is declined by name beside the answer
    ("What are the features of DeepSeek-V2? and How tall is Mount Everest?",
     [("field", {"deepseek-v2"}, "features"), NONE]),
    ("deepseek-cdoer? and what is the capital of France", [("model", {"deepseek-coder"}, None), NONE]),
    ("明天会下雨吗。再问一下:2024年中到年底发布了什么", [NONE, ("list", {"deepseek-v3"}, None)]),
    # ... a follow-on with none asks of the part before it, which answers it
    ("deepseek llm vs deepseek v2, what changed", [("compare", {"deepseek-llm", "deepseek-v2"}, None)]),
    ("top three largest models, which ones have no figure?", [("list", {"deepseek-v3", "deepseek-r1", "deepseek-v2"},
                                                                None)]),
    # ... and after a model the article does not cover, it shares that decline
    ("If we apply Janus-Pro's training strategies to JanusFlow, how much improvement could we expect?", [NONE]),
    ("Qwen2.5-Max 和 DeepSeek V3 谁更强?求客观评价", [NONE]), ("what's R2? how much better will it be", [NONE]),
    # a statement that leaves its subject out is no yes/no question ("was explaining …", "is looking into …")
    ("was explaining things to an intern and realized i wasn't sure myself, how many params in deepseek coder",
     [("field", {"deepseek-coder"}, "parameters")]),
    ("is looking into R1 for work, when did it come out", [("field", {"deepseek-r1"}, "released")]),
    ("saw a heated discussion on twitter and now i'm curious! the vision-language moe one, why does it matter?",
     [("field", {"deepseek-vl2"}, "significance")]),
    # two clauses that each ask by their words are two questions
    ("2025 年发布的模型;以及deepseek llm 论文名",
     [("list", {"deepseek-r1", "janus-pro"}, None), ("field", {"deepseek-llm"}, "paper")]),
    ("models from 2024. janus pro paper title",
     [("list", {"deepseek-v2", "deepseek-v3"}, None), ("field", {"janus-pro"}, "paper")]),
    # a list of its own after a question takes no subject from it; a ranking or a pick does
    ("paper of deepseek coder v2. plus any vision models?",
     [("field", {"deepseek-coder-v2"}, "paper"), ("list", {"deepseek-vl2", "janus-pro"}, None)]),
    ("V3 多大?还有哪些开源模型", [("field", {"deepseek-v3"}, "parameters"),
                          ("list", {"deepseek-coder", "deepseek-v2", "deepseek-coder-v2", "deepseek-r1"}, None)]),
    # what "除了 R1," leaves out is the next question's
    ("除了 R1 还有哪些开源模型", [("list", {"deepseek-coder", "deepseek-v2", "deepseek-coder-v2"}, None)]),
    ("other than V3, which models are MoE?",
     [("list", {"deepseek-moe", "deepseek-v2", "deepseek-coder-v2", "deepseek-vl2"}, None)]),
    # asking for the article's own words is no question of its own
    ("V3 的意义是什么?想看看文章是怎么说的", [("field", {"deepseek-v3"}, "significance")]),
    ("what's R1's significance? what does the article say exactly", [("field", {"deepseek-r1"}, "significance")]),
])
def test_which_clauses_are_questions_of_their_own(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a question typed straight after chatter, in one clause, is read from where it starts
    ("外面下大雨,在家闲着没事coder v2 是开源的吗。多谢指教", [("field", {"deepseek-coder-v2"}, "features")]),
    ("i'm a designer, usually nowhere near this topic does r1 use reinforcement learning?, helps a ton, ty",
     [("field", {"deepseek-r1"}, "features")]),
    ("helloooooo is r1 good at math?", [("field", {"deepseek-r1"}, "features")]),
    ("one of the kids asked me is v3 a moe model, thanks in advance!", [("field", {"deepseek-v3"}, "features")]),
    # ... never where the question starts before it, or where the rest asks nothing
    ("how fast is v3 inference, tokens per second?", [NONE]), ("vLLM 现在支持 VL2 了没", [NONE]),
    ("my boss hates v3", [NONE]), ("what license is deepseek llm under", [NONE]),
])
def test_a_question_after_chatter_in_one_clause_is_read_from_where_it_starts(text, expected):
    assert parts(text) == expected


def test_the_contract_lists_the_parts_and_describes_the_first_at_the_top():
    contract = to_contract(ENGINE.ask("when did v3 come out and how big is it? also is r1 open source"))
    assert (contract["intent"], contract["field"], contract["models"]) == ("field", "released", ["deepseek-v3"])
    assert [(p["intent"], p["field"], p["models"]) for p in contract["parts"]] == [
        ("field", "released", ["deepseek-v3"]), ("field", "parameters", ["deepseek-v3"]),
        ("field", "features", ["deepseek-r1"])]
    assert "671" in contract["text"] and "2024" in contract["text"]


# --- lexicon hygiene: words removed because they misread other questions ---------------------------------
@pytest.mark.parametrize(("text", "intent", "not_reason"), [
    ("did DeepSeek release a new model in January 2025?", "list", "act:future"),  # the past, not a plan
    ("at what point of 2024 did v2 come out", "field", None),  # a date, not its significance ("point of")
    ("deepseekmath 擅长哪类数学题目", "field", None),  # 题目: a maths exercise, not a paper's title
    ("这篇长文里哪些模型是开源的", "list", None),  # 长文: this long article, not long-text models
    ("在做一个 PPT,能列一下 deepseek 有哪些多模态模型最好", "list", "topic:quality"),  # 最好: "preferably"
])
def test_a_word_that_means_something_else_here_does_not_misread_the_question(text, intent, not_reason):
    query = ENGINE.ask(text).query
    assert query.intent == intent and (not_reason is None or query.reason != not_reason)
    assert query.field != "significance" and query.field != "paper" and "long-text" not in (query.selector or "")


def test_a_ranking_of_the_two_then_by_how_much_is_the_difference():
    answer = said(["compare v2 and v3", "哪个更大?差多少?"])
    assert answer.query.selector == "diff:parameters" and "V3" in to_text(answer.reply)
    assert ENGINE.ask("IMAGE?更大?APART?").query.intent != "none"  # found by Hypothesis: it raised


@pytest.mark.parametrize(("text", "verdict"), [
    ("R1 是闭源的吗", "不对"), ("R1 is closed source, right?", "No"), ("is V3 proprietary?", "does not say"),
    ("someone in voice chat said R1 is closed weights / not open source. legit?", "No"),
    ("R1 是闭源的对吧?这么强的东西不可能开源吧", "不对"),
])
def test_a_tags_opposite_is_checked_as_not_that_tag(text, verdict):
    answer = ENGINE.ask(text)
    assert {p.query.selector for p in each(answer)} == {"check:!tag:open-source"}
    assert verdict in to_text(answer.reply)


@pytest.mark.parametrize("text", ["which models are closed source?", "哪些是闭源模型", "哪些模型不开源"])
def test_a_tags_opposite_lists_the_models_not_tagged_so(text):
    assert ENGINE.ask(text).query.selector == "!tag:open-source"


@pytest.mark.parametrize("text", [
    "Coder V2 缩小了与顶尖闭源模型的差距吗", "did coder v2 close the gap with closed source models?",
])
def test_closed_models_a_model_is_compared_with_are_not_the_model(text):
    assert ENGINE.ask(text).query.selector == "check:text:yes:0:0"


@pytest.mark.parametrize(("text", "selector"), [
    # a month or a day without a year, claimed by the question mark alone or in Chinese numerals
    ("Janus-Pro 是二月份发的吗", "check:date:--02"), ("R1 是一月份出的?", "check:date:--01"),
    ("R1 是 1 月 20 日发布的?", "check:date:--01-20"), ("Janus-Pro 是 1 月 28 号凌晨发布的?", "check:date:--01-28"),
    ("r1 came out in february?", "check:date:--02"), ("哪些模型是十二月发布的", "date:--12"),
    ("群里有人说 Janus-Pro 是二月份发的, 真的吗? I thought it was January", "check:date:--02"),
])
def test_a_month_without_a_year_is_a_claim_or_a_filter(text, selector):
    assert ENGINE.ask(text).query.selector == selector


@pytest.mark.parametrize(("text", "selector"), [
    # a model's size or date as the bound of a list, in either language and word order
    ("which models are bigger than V2?", "params>236"), ("比 V2 大的模型有哪些", "params>236"),
    ("参数量比 V2 还大的有哪些?", "params>236"), ("有几个模型比 V3 小", "params<671&count"),
    ("比V2早的有哪些", "earlier:deepseek-v2"), ("which models are older than V3?", "earlier:deepseek-v3"),
])
def test_a_models_figure_bounds_a_list(text, selector):
    query = ENGINE.ask(text).query
    assert (query.intent, query.selector) == ("list", selector)
    assert ENGINE.ask("V3 比 V2 大吗").query.selector == "check:largest"  # two models: a claim, not a list


@pytest.mark.parametrize("text", [
    # what a model is for, with "used to" or a hedge ("mainly", "通常") in the way
    "DeepSeek Coder 能用来干什么?", "R1 可以拿来做什么", "Janus-Pro 通常用来做什么", "VL2 主要擅长哪类 task?",
    "V3 擅长哪些任务", "what tasks is R1 good at?", "what is R1 mainly good at?", "what is V3 mostly used for",
])
def test_what_a_model_is_for_asks_its_features(text):
    query = ENGINE.ask(text).query
    assert (query.intent, query.field) == ("field", "features")


@pytest.mark.parametrize(("text", "second"), [
    # a ranked list after another question is a question of its own, with or without a question word
    ("DeepSeek-V2 什麼時候發表的?另外最早的三个模型", "earliest*3"),
    ("Janus-Pro 是什么模型?另外参数第二少的模型是哪个", "smallest@2"),
    ("what is v3? btw the two oldest models", "earliest*2"),
    ("v2 or v3? which is the second largest", "largest@2"),
])
def test_a_ranked_list_after_a_question_is_its_own_question(text, second):
    answer = ENGINE.ask(text)
    assert len(answer.parts) == 2 and answer.parts[1].query.selector == second


@pytest.mark.parametrize("text", [
    "最近老板让我调研一下国产大模型。DeepSeek-V3 多大?",  # a ranking word far from "模型" ranks nothing
    "r1 or janus pro, which came out first",  # a pick among the two named
])
def test_a_ranking_word_in_a_story_or_a_pick_is_no_list_of_its_own(text):
    answer = ENGINE.ask(text)
    assert len(each(answer)) == 1 and answer.query.intent != "list"


@pytest.mark.parametrize("text", [
    # an A-not-A question asks wherever it stands: declined by name beside the answer, never dropped
    "vl2 会不会泄露隐私。还有,参数量前三的模型", "janus pro 安全不安全 😅\nJanus-Pro 有什么影响",
    "r1 有没有内容审查啊。还有,第二大的模型是哪个",
])
def test_an_a_not_a_question_is_asked_even_without_a_question_mark(text):
    answer = ENGINE.ask(text)
    assert [p.query.intent == "none" for p in answer.parts] == [True, False]
    assert answer.parts[0].query.reason.startswith("beyond:")


@pytest.mark.parametrize("text", [
    # a Chinese request word last asks, as a second question too
    "R1 參數量多少;以及列一下 deepseek 全家桶", "llm 7b 什么时候发布的。还有,deepseek全家桶介绍一下",
    "deepseek 介绍一下。再问一下:janus pro 厉害在哪",
])
def test_a_request_word_last_asks(text):
    answer = ENGINE.ask(text)
    assert len(answer.parts) == 2 and "family" in {p.query.selector for p in answer.parts}


@pytest.mark.parametrize(("turns", "model"), [
    # a description of its own before "its" is what "its" means, not the model talked about before
    (["how big is v3", "the 67b llm, what's its paper"], "deepseek-llm"),
    (["how big is v3", "the one that matches openai o1, what's its paper called"], "deepseek-r1"),
    (["v3 多大", "那个 660B 的推理模型,它的论文呢"], "deepseek-r1"),
    (["how big is v3", "how big is it?"], "deepseek-v3"),  # no description: the model before
])
def test_a_description_before_its_is_what_its_means(turns, model):
    assert said(turns).query.models == (model,)


@pytest.mark.parametrize(("text", "selector", "models"), [
    # a space between Chinese words after words that say nothing ends the chatter: its 不 / 没 negate nothing
    ("中午好,吃了没 哪些模型是开源的", "tag:open-source", None),
    ("我是产品经理,技术这块不太懂 那个 660B 的推理模型意义在哪", None, ("deepseek-r1",)),
    ("说实话没太看懂 哪些模型用了 MoE", "tag:moe", None),
])
def test_a_space_after_chinese_chatter_ends_it(text, selector, models):
    query = ENGINE.ask(text).query
    assert query.selector == selector and (models is None or query.models == models)
    assert ENGINE.ask("V3 参数量 多少").query.field == "parameters"  # a space inside a question cuts nothing


@pytest.mark.parametrize("text", [
    # a topic word in the chatter before a question is not what is asked
    "was explaining things to an intern and realized i wasn't sure myself When was DeepSeek-V3 released? tia",
    "saw a news thread about it today when was DeepSeek-V3 released",
])
def test_a_topic_word_in_the_chatter_before_a_question_is_not_asked(text):
    query = ENGINE.ask(text).query
    assert (query.intent, query.models, query.field) == ("field", ("deepseek-v3",), "released")


@pytest.mark.parametrize("text", [
    # signing off after the question, with no punctuation between
    "how many models has deepseek released so far no rush", "2025 年发布的模型谢谢你哦~",
    "哪些模型是开源的 好人一生平安", "when was v3 released ur the best", "V3 多大 辛苦啦",
])
def test_a_sign_off_after_the_question_is_chatter(text):
    query = ENGINE.ask(text).query
    assert query.intent != "none" and "undisclosed" not in (query.selector or "")


@pytest.mark.parametrize("text", [
    # work asked of the bot beside a question: declined by name, not dropped, not read as a fact of the model before
    "is v3 bigger than v2?\nwrite a haiku about deepseek", "is r1 a moe model and also recommend a good movie",
    "V2 多大?另外帮我写一首诗",
])
def test_work_asked_beside_a_question_is_declined_by_name(text):
    answer = ENGINE.ask(text)
    assert [p.query.reason for p in answer.parts][1] == "act:request" and answer.parts[0].query.intent != "none"
    assert "recommending anything else" in to_text(answer.reply) or "不代写" in to_text(answer.reply)


@pytest.mark.parametrize("text", [
    # an overview asked after another question, with or without a question word
    "deepseek math model? and overview of the deepseek family pls",
    "DeepSeek LLM 的意义是什么。还有,简单介绍 DeepSeek Coder",
])
def test_an_overview_after_another_question_is_asked(text):
    assert len(ENGINE.ask(text).parts) == 2


@pytest.mark.parametrize(("text", "declined"), [
    # a Chinese question word after a model's name asks, as a second question too
    ("2025年一共发布了几个模型。再问一下:请问 coder v2 怎么精调到自己的项目上", 1),
    ("哪些模型能看图;以及 r1 怎么部署到服务器上", 1),
    # a bare A-not-A question is about the clause before it
    ("v3 生成速度咋样,快不快。再问一下:那个 660B 的推理模型意义在哪", 0),
])
def test_a_question_after_a_name_or_about_the_clause_before_is_declined_by_name(text, declined):
    parts = ENGINE.ask(text).parts
    assert len(parts) == 2 and parts[declined].query.intent == "none" and parts[1 - declined].query.intent != "none"
    assert parts[declined].query.about or parts[declined].query.reason.startswith(("beyond:", "act:", "topic:"))


@pytest.mark.parametrize(("text", "selector", "verdict"), [
    # a month's name is a date, never mended into a cue word ("march" is not "match")
    ("heard DeepSeek-V2 came out in march 2024, is that right?", "check:date:2024-03", "No"),
    ("was V2 released in march?", "check:date:--03", "No"),
    ("did janus pro come out in march 2025?", "check:date:2025-03", "No"),
])
def test_a_months_name_is_a_date(text, selector, verdict):
    answer = ENGINE.ask(text)
    assert answer.query.selector == selector and to_text(answer.reply).splitlines()[2].startswith(verdict)


@pytest.mark.parametrize(("text", "second"), [
    # a question opened by "also" / "另外" after an overview is a question of its own, about the same model
    ("tell me about deepseek-math. also does it have a paper?", "paper"),
    ("介绍一下 R1。另外它开源吗", "features"),
    ("what is janus pro? and when was it released", "released"), ("deepseek v2 是什么?还有它的论文呢", "paper"),
])
def test_a_question_opened_by_also_after_an_overview_is_its_own(text, second):
    parts = ENGINE.ask(text).parts
    assert [p.query.intent for p in parts] == ["model", "field"] and parts[1].query.field == second


@pytest.mark.parametrize(("text", "field"), [
    # a dash between words ends a clause; hedges ("considered", "supposedly", "-wise") ask nothing
    ("hello hello. my prof mentioned DeepSeek LLM in class today — why is it considered important?", "significance"),
    ("so what did V3 supposedly change for the industry?", "significance"),
    ("how did R1 get so good at reasoning (training-wise)?", "features"),
    ("Where can I download DeepSeek - R1?", None),  # a hyphen with spaces is inside a name
])
def test_dashes_and_hedges(text, field):
    query = ENGINE.ask(text).query
    assert query.field == field and (field or query.reason == "act:howto")


@pytest.mark.parametrize(("text", "verdict"), [
    # a paper's title claimed: right where it is the model's, wrong where it is another model's
    ("V3's paper is called DeepSeek-V3 Technical Report, right?", "yes"),
    ("聽說 V3 的論文叫 DeepSeek-V3 Technical Report,沒錯吧?", "yes"),
    ("is R1's paper titled 'Scaling Open-Source Language Models with Longtermism'?", "no"),
    ("Janus-Pro 的论文是 Unified Multimodal Understanding and Generation with Data and Model Scaling 吗", "yes"),
])
def test_a_paper_title_claimed_is_checked(text, verdict):
    assert ENGINE.ask(text).query.selector == f"check:text:{verdict}:0:0"


@pytest.mark.parametrize("text", ["r1?", "R1 technical report?", "does R1 have a technical report?"])
def test_words_of_a_title_alone_claim_no_title(text):
    assert not (ENGINE.ask(text).query.selector or "").startswith("check:")


@pytest.mark.parametrize(("turns", "said"), [
    # a pick among the models talked about, where the article gives one of them no figure: it does not say
    (["r1 paper?", "and the math model, does that one have a paper too?", "ok thx. which of the two came out first?"],
     "The article does not say: it gives no release date for DeepSeekMath (DeepSeek-R1: 2025-01-20)."),
    (["V3 和 DeepSeekMath 对比", "哪个更大"], "文章没有说:文章未给出 DeepSeekMath 的参数量"),
])
def test_a_pick_without_a_figure_says_the_article_does_not_say(turns, said):
    assert said in said_reply(turns)


@pytest.mark.parametrize(("text", "field"), [
    # field words typed in pinyin, with the small words of a pinyin question
    ("janus pro 的canshu是多少", "parameters"), ("R1 de lunwen shi na pian a", "paper"),
    ("v3 shenme shihou fabu de", "released"), ("v2 canshu duoshao", "parameters"),
    ("r1 de yiyi shi shenme", "significance"),
])
def test_field_words_in_pinyin(text, field):
    assert ENGINE.ask(text).query.field == field


@pytest.mark.parametrize(("turns", "models"), [
    # "their", "它们", "those two" after a pick among a few: the few; after one model then another: the two
    (["compare deepseek llm and deepseek coder", "which of those came out first?",
      "what are both of their papers called?"], {"deepseek-llm", "deepseek-coder"}),
    (["R1 vs V3, side by side pls", "ok which one is bigger", "and when were those two released?"],
     {"deepseek-r1", "deepseek-v3"}),
    (["帮我对比下 v2 跟 v3 呗", "哪个先出的?", "它们的论文呢?"], {"deepseek-v2", "deepseek-v3"}),
    (["V2 多大", "V3 呢", "它们的论文呢"], {"deepseek-v2", "deepseek-v3"}),
    # "前者" / "the latter": of the two compared, the one named first or last, and still after one of them
    (["DeepSeek Coder 和 Coder V2 有啥不一样", "前者啥时候发部的"], {"deepseek-coder"}),
    (["DeepSeek Coder 和 Coder V2 有啥不一样", "前者啥时候发部的", "后者呢?"], {"deepseek-coder-v2"}),
    (["compare r1 and v3", "when did the latter come out?", "and the former?"], {"deepseek-r1"}),
])
def test_plural_and_former_latter_refer_to_the_models_just_compared(turns, models):
    assert set(said(turns).query.models) == models


@pytest.mark.parametrize(("text", "model", "field"), [
    # a model described by its figure, and a question about something else of it: the figure only describes
    ("欸那个每个 token 激活 370 亿的,为啥大家都说它给行业立了新标杆?", "deepseek-v3", "significance"),
    ("2360 亿参数的那个,给整个大模型领域带来了啥新思路", "deepseek-v2", "significance"),
    ("37B active params, when?", "deepseek-v3", "released"),
    ("V3 为啥这么火", "deepseek-v3", "significance"),
])
def test_a_figure_that_describes_the_model_is_not_what_is_asked(text, model, field):
    query = ENGINE.ask(text).query
    assert (query.models, query.field) == ((model,), field)


@pytest.mark.parametrize(("text", "verdict"), [
    # a figure claimed as the model's only size: wrong where the article gives others
    ("DeepSeek LLM only comes in a 67B version?", "No"), ("DeepSeek LLM 就一个 67B 版本吧", "不对"),
    ("V3 only has 671B params?", "Yes"), ("Janus-Pro 只有 7B 吗", "不对"),
    ("聽說 R1 蒸餾出來的小模型最小只有 15 億參數?", "对"),  # "only" of a rank: as small as, one of its sizes
])
def test_a_figure_claimed_as_the_only_one(text, verdict):
    answer = ENGINE.ask(text)
    assert ("^" in answer.query.selector) == ("最小" not in text)
    assert to_text(answer.reply).splitlines()[2].startswith(verdict)


@pytest.mark.parametrize(("text", "reason"), [
    # "why?" after an error is about the error, not the model's significance
    ("getting `CUDA out of memory` when loading DeepSeek-VL2 with transformers, any idea why? 24GB card", "act:error"),
    ("R1 一直报错,为啥?", "act:error"),
    # hardware and what a training run cost are topics the article does not hold, each declined by name
    ("how many H800s did they use to train V3 and what did the run cost", "topic:running topic:price"),
])
def test_a_question_after_an_error_or_about_hardware_is_declined(text, reason):
    answer = ENGINE.ask(text)
    assert {p.query.reason for p in each(answer)} == set(reason.split())


@pytest.mark.parametrize("text", [
    # whether a model runs in a tool or on a machine is how-to: declined by name, beside the other questions
    "R1 蒸馏的 7B 能直接 ollama run 吗", "tell me about janus pro. also can it run on a macbook?",
    "Coder V2 有什么特点? btw 它在 LM Studio 里能跑吗", "does vllm support deepseek v3",
])
def test_running_a_model_in_a_tool_is_how_to(text):
    answer = ENGINE.ask(text)
    assert "act:howto" in {p.query.reason for p in each(answer)}


@pytest.mark.parametrize(("text", "expected"), [
    # a question word inside a word that asks nothing ("好几个" is "quite a few"): no question of its own
    ("DeepSeekMoE 那篇论文全名叫啥?我搜出来好几个版本有点懵", [("deepseek-moe", "paper")]),
    ("V3 多大?我看了几乎所有的文章都没写清楚", [("deepseek-v3", "parameters")]),
    # asking for the sizes of a model, not for a list of models
    ("R1 多少参数?蒸馏出来的小模型都有哪些规模?", [("deepseek-r1", "parameters")]),
    ("what sizes does janus pro come in", [("janus-pro", "parameters")]),
    ("DeepSeek LLM 有哪些版本", [("deepseek-llm", "parameters")]),
])
def test_words_that_hold_a_question_word_and_sizes_asked(text, expected):
    answer = ENGINE.ask(text)
    assert [(p.query.models[0], p.query.field) for p in each(answer)] == expected


@pytest.mark.parametrize(("text", "reason"), [
    # a site named without a scheme is a website, not a model's name
    ("coder.deepseek.com down?", "act:error"), ("is chat.deepseek.com free?", "topic:access"),
    # what goes on with a request the article cannot hold is part of it
    ("Could you add support for multi-function LLMs, for example, those that can generate images like Janus pro?",
     "act:future"),
    # support in a tool, and results, are not the article's
    ("我还没升级，我想确认下，dify适配deepseek v3或r1模型了吗？", "act:howto"),
    ("请问有DeepSeek V3+R1模型最新结果吗", "topic:benchmarks"),
])
def test_sites_continuations_integrations_and_results_are_declined(text, reason):
    answer = ENGINE.ask(text)
    assert {p.query.reason for p in each(answer)} == set(reason.split())


@pytest.mark.parametrize(("text", "fields"), [
    # each field of one model asked in so many words is a part of its own (the contract's "when did v3 come out
    # and how big is it?")
    ("DeepSeek-V2 多少参数、哪天出的?", ["parameters", "released"]),
    ("what are the features of DeepSeek LLM and the significance", ["features", "significance"]),
    ("hey whats the release date of v2 and its paper title?", ["released", "paper"]),
])
def test_each_field_asked_is_a_part(text, fields):
    assert [p.query.field for p in ENGINE.ask(text).parts] == fields


@pytest.mark.parametrize(("text", "selectors"), [
    # a list asked by its words after another question, with or without a question word, is a question of its own
    ("anything released late 2023. plus anything from dec 2024 through jan 2025",
     ["date:2023-10..2023-12", "date:2024-12..2025-01"]),
    ("V2 — oh and models over 100B params", [None, "params>100"]),
    ("What are the features of DeepSeek-V2? also, all the moe ones pls", [None, "tag:moe"]),
    ("what models has deepseek made and also models released in the second half of 2024",
     ["family", "date:2024-07..2024-12"]),
])
def test_a_list_asked_after_another_question_is_its_own(text, selectors):
    assert [p.query.selector for p in ENGINE.ask(text).parts] == selectors
    assert len(ENGINE.ask("is v3 also open source").parts or (1,)) == 1  # "also" inside one question joins nothing


@pytest.mark.parametrize(("text", "intents"), [
    # "X 咋样 / 怎么样" last asks how X is: an overview, beside the other questions too
    ("最早的模型是哪个?还有vl2 咋样", ["list", "model"]),
    ("vl2 咋样,顺便问下,那个和 o1 正式版打平的模型有多少参数", ["model", "field"]),
    ("按参数量从大到小排个序,顺便问下,vl2 怎么样", ["list", "model"]),
])
def test_how_is_it_last_asks(text, intents):
    assert [p.query.intent for p in ENGINE.ask(text).parts] == intents


@pytest.mark.parametrize(("text", "reasons"), [
    # "what is X" after a question asks of its own; a question about a model the article does not cover has its
    # own subject; a comparison with one still leans on the model before it
    ("how many parameters does GPT-4 have — oh and what is deepseek coder", ["unknown-model:GPT-4", None]),
    ("what is janus pro?\nhow many parameters does GPT-4 have", [None, "unknown-model:GPT-4"]),
    ("JanusFlow 是啥,跟 Janus 有什么不一样", ["unknown-model:JanusFlow"]),
])
def test_questions_about_uncovered_models_beside_others(text, reasons):
    answer = ENGINE.ask(text)
    assert [p.query.reason for p in each(answer)] == reasons


@pytest.mark.parametrize(("text", "models"), [
    # names in the next sentence after a question with its own subject ask again; without a subject, they are
    # the question's
    ("`v3` params?\nr1 or janus pro, which came out first", [("deepseek-v3",), ("deepseek-r1", "janus-pro")]),
    ("which is bigger? V2 or V3?", [("deepseek-v2", "deepseek-v3")]),
    # claims and statements said without a question keep their order
    ("2024年第二季度发布的模型,顺便问下,v2 有 2360 亿参数对吗", [("deepseek-v2",), ("deepseek-v2",)]),
])
def test_names_in_the_next_sentence_and_the_order_said(text, models):
    answer = ENGINE.ask(text)
    assert [p.query.models for p in each(answer)] == models
    if len(models) == 2 and "2024" in text:
        assert [p.query.intent for p in answer.parts] == ["list", "field"]


@pytest.mark.parametrize(("text", "selectors"), [
    # a rank or a list after "and also", "plus": a question of its own; after a bare "also", part of the question
    ("is deepseek v3 good at chess lol and also second newest model?", [None, "newest@2"]),
    ("which model came right before janus pro and also any vision models?", ["before:janus-pro", "tag:vision"]),
    ("is R1 also the largest model?", ["check:largest"]),
    # a description of its own says what "it" is
    ("deepsek v2 paramters pls. plus the 671b model - when was it released", [None, None]),
])
def test_a_rank_after_and_also_and_a_description_before_it(text, selectors):
    answer = ENGINE.ask(text)
    assert [p.query.selector for p in each(answer)] == selectors


@pytest.mark.parametrize(("text", "model", "field"), [
    # figures that choose or describe the model are no question of its size
    ("the general-purpose one with 7B and 67B base/chat versions from late 2023 — what's its paper?",
     "deepseek-llm", "paper"),
    ("the 1B and 7B one, when did it come out?", "janus-pro", "released"),
    ("the 2024 model with 236B params, how many params exactly", "deepseek-v2", "parameters"),
])
def test_figures_that_choose_the_model_describe_it(text, model, field):
    answer = ENGINE.ask(text)
    assert [(p.query.models, p.query.field) for p in each(answer)] == [((model,), field)]


@pytest.mark.parametrize(("text", "name"), [
    # a family the article does not cover, with a size after it, is that family's model, echoed as typed
    ("deepseek-vl-7b-base 和 deepseek-vl-7b-chat 的区别是什么", "deepseek-vl-7b"),
    ("what is deepseek vl 7b chat", "deepseek vl 7b"),
])
def test_an_uncovered_family_with_a_size_is_declined_by_name(text, name):
    assert ENGINE.ask(text).query.reason == f"unknown-model:{name}"
    assert ENGINE.ask("VL2 7B?").query.models == ("deepseek-vl2",)  # a covered name with a size stays it


@pytest.mark.parametrize(("text", "reason"), [
    # how a model is built inside, beyond the article: declined by that topic, whatever fact word it holds
    ("I find the num_hidden_layers=61 for deepseek v3 but 60 for the deepseekV2, is the new layer MTP?",
     "topic:internals"),
    ("Hi, I noticed that the implementation in the code supports DeepSeek-V3. Is this a typo?", "topic:internals"),
    ("R1 的配置文件里 hidden size 是多少", "topic:internals"),
    # how a figure was worked out: the article gives the figures, not how they were counted
    ("我想知道一下 技术报告里面激活37B是怎么算出来的?", "topic:internals"),
    ("how did they calculate V3's 37B active params?", "topic:internals"),
    ("R1 的 660B 是怎么计算出来的", "topic:internals"),
])
def test_internals_are_declined_by_topic(text, reason):
    answer = ENGINE.ask(text)
    assert reason in {p.query.reason for p in each(answer)}
    assert ENGINE.ask("DeepSeekMath 的训练数据是从哪里来的?").query.field == "features"  # the article says that
    assert ENGINE.ask("the first open source code model, when was it proposed").query.intent == "field"


@pytest.mark.parametrize(("text", "expected"), [
    # what is left after a greeting or thanks goes on with it: it asks nothing and names nothing
    ("hi bot, how are you doing today? what's the title of the DeepSeek LLM paper?",
     ("field", {"deepseek-llm"}, "paper")),
    ("hey how are you doing, when was V3 out", ("field", {"deepseek-v3"}, "released")),
    ("thx for all the help yesterday folks. quick one: when did DeepSeek LLM drop?",
     ("field", {"deepseek-llm"}, "released")),
    ("sorry for the ping, how big is R1?", ("field", {"deepseek-r1"}, "parameters")),
    ("sorry about all the questions! when was V2 released", ("field", {"deepseek-v2"}, "released")),
    ("谢谢各位的耐心,R1 多大", ("field", {"deepseek-r1"}, "parameters")),
])
def test_what_goes_on_after_chatter_is_chatter_too(text, expected):
    assert parts(text) == [expected]
    assert act("thanks for all the help")[0] == "chatter"
    assert act("hello models released in 2024")[0] != "chatter"  # a list asked after a greeting still asks


@pytest.mark.parametrize(("text", "expected"), [
    # context told beside a question: first person, or naming no model with no question word
    ("I'm writing a blog post comparing how different labs approach vision-language. What features does "
     "DeepSeek-VL2 have?", ("field", {"deepseek-vl2"}, "features")),
    ("I'm putting together slides about how every lab handles MoE. When was DeepSeek-V2 released?",
     ("field", {"deepseek-v2"}, "released")),
    ("在做一个 AI 发展史的 PPT,老板要求每个模型都写一句意义。DeepSeekMath 的意义是什么?",
     ("field", {"deepseek-math"}, "significance")),
    ("我们组在讨论哪个开源模型最省钱。R1 是什么时候发布的?", ("field", {"deepseek-r1"}, "released")),
])
def test_context_told_beside_a_question_is_not_a_question(text, expected):
    assert parts(text) == [expected]
    # a request that names its model is asked, though it has no question form
    assert parts("DeepSeek LLM 的论文是哪篇\nCoder 的论文也发一下") == [
        ("field", {"deepseek-llm"}, "paper"), ("field", {"deepseek-coder"}, "paper")]


@pytest.mark.parametrize(("text", "expected"), [
    # a clause that describes one model, then a question about it: the question asks, the description only names
    ("那个用 FP8 混合精度训练的模型,论文叫什么", ("field", {"deepseek-v3"}, "paper")),
    ("the one that can generate images from text, when did it come out?", ("field", {"janus-pro"}, "released")),
    ("那个用了 Common Crawl 数学数据训练的模型,有多大", ("field", {"deepseek-math"}, "parameters")),
    ("那个靠少量标注数据加大规模强化学习搞推理的模型,啥时候出的", ("field", {"deepseek-r1"}, "released")),
    ("the one whose paper is about 'ultimate expert specialization' — what is it exactly?",
     ("model", {"deepseek-moe"}, None)),
])
def test_a_described_model_is_the_subject_of_the_question_after_it(text, expected):
    assert parts(text) == [expected]


@pytest.mark.parametrize(("text", "check"), [
    # "also" and 也 ask nothing of their own: the claim is checked as without them
    ("janus pro 是不是也能生成图片", "check:tag:image-generation"),
    ("V3 也是 MoE 吗", "check:tag:moe"),
    ("R1 也开源吗", "check:tag:open-source"),
    # and a request word after "also" inside a yes/no question is that question's verb
    ("can janus pro also generate images?", "check:tag:image-generation"),
    ("can R1 also write code?", "check:tag:code"),
    ("can janus-pro also draw?", "check:tag:image-generation"),
])
def test_also_inside_a_yes_no_question_asks_nothing_of_its_own(text, check):
    assert [p.query.selector for p in each(ENGINE.ask(text))] == [check]
    # after a question of another form, work asked of the bot is still asked, and declined by name
    assert parts("tell me about R1 and also write me a poem") == [("model", {"deepseek-r1"}, None),
                                                                   ("none", set(), None)]


@pytest.mark.parametrize(("text", "expected"), [
    # an overview asked in a sentence of its own, then a question about the same model: two questions
    ("What is R1? When was it released?", [("model", {"deepseek-r1"}, None), ("field", {"deepseek-r1"}, "released")]),
    ("1. what is DeepSeek-VL2\n2. when did it come out",
     [("model", {"deepseek-vl2"}, None), ("field", {"deepseek-vl2"}, "released")]),
    ("Explain DeepSeek Coder briefly. Also, what's its paper?",
     [("model", {"deepseek-coder"}, None), ("field", {"deepseek-coder"}, "paper")]),
    ("Janus-Pro 是什么?它的论文叫啥?", [("model", {"janus-pro"}, None), ("field", {"janus-pro"}, "paper")]),
    # in one sentence, the overview only leads into the question
    ("what's the deal with DeepSeekMoE, why does it matter?", [("field", {"deepseek-moe"}, "significance")]),
])
def test_an_overview_in_its_own_sentence_is_a_question_of_its_own(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize("question", ["它是不是 MoE 架构", "它是 MoE 架构吗", "它用的是 MoE 架构吗", "is it MoE?"])
def test_a_tag_asked_of_it_is_a_check_not_the_model_named_after_the_tag(question):
    answer = said(["VL2 的论文题目?", question])
    assert (answer.query.models, answer.query.selector) == (("deepseek-vl2",), "check:tag:moe")
    assert ENGINE.ask("moe 是什么").query.models == ("deepseek-moe",)  # asked like a model, it is the model


@pytest.mark.parametrize(("text", "expected"), [
    ("how big is V2 and is R1 open source",
     [("field", {"deepseek-v2"}, "parameters"), ("field", {"deepseek-r1"}, "features")]),
    ("what's V3's size and is it open source",
     [("field", {"deepseek-v3"}, "parameters"), ("field", {"deepseek-v3"}, "features")]),
])
def test_a_yes_no_word_after_and_opens_a_question_when_its_subject_follows(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize("text", [
    # a problem reported: what is told around it (versions, names, what was tried) is its context, not questions
    "Tried running V3 with vLLM 0.6 and it says KeyError: 'deepseek_v3'. Downloaded the weights from HF for "
    "DeepSeek-V3 and R1, model 'deepseek-v3'. any idea?",
    "LM Studio on a Mac. Searched for Janus-Pro and only see V3 quants. does LM Studio support Janus-Pro?",
    "我用 ollama 跑 R1,显卡是 4090,模型是 deepseek-r1:32b,一直报错 CUDA out of memory,怎么办",
    # an exception's name is an error, in either language
    "Janus-Pro 跑官方 demo 直接报 RuntimeError,transformers 4.48,怎么解决",
])
def test_what_is_told_around_a_problem_is_its_context(text):
    assert [p.query.reason for p in each(ENGINE.ask(text))] in (["act:error"], ["act:howto"])
    # a question asked beside the problem in so many words is still answered
    assert parts("getting an error when I run janus pro. when was janus pro released?") == [
        ("field", {"janus-pro"}, "released")]


@pytest.mark.parametrize("text", ["DeepSeek Coder 能干哪些事?", "Janus-Pro 能做哪些事", "R1 可以做哪些事情",
                                  "V3 能干些什么"])
def test_what_a_model_can_do_asks_its_features(text):
    assert parts(text)[0][2] == "features"


@pytest.mark.parametrize(("question", "verdict"), [
    # "it" compared with a named model stands where it is: the one first is what the claim is about
    ("is R1 bigger than it?", "No"), ("is it bigger than R1?", "Yes"), ("R1 比它大吗", "不对"),
    ("那它比 R1 大吗", "对"),
    ("was R1 released after it?", "Yes"), ("R1 是在它之后发布的吗", "对"), ("was it released before R1?", "Yes"),
])
def test_it_compared_with_a_named_model_is_the_model_talked_about(question, verdict):
    lines = to_text(said(["what is V3?", question]).reply).splitlines()
    assert lines[2].startswith(verdict), lines


@pytest.mark.parametrize(("turns", "models"), [
    # a kind asked "besides" the model talked about: the kind without it
    (["tell me about janus pro", "any other vision models?"], {"deepseek-vl2"}),
    (["tell me about janus pro", "还有别的多模态模型吗"], {"deepseek-vl2"}),
    (["tell me about janus pro", "is there another model that does vision?"], {"deepseek-vl2"}),
    (["what is V3", "which other models use MoE?"],
     {"deepseek-moe", "deepseek-v2", "deepseek-coder-v2", "deepseek-vl2"}),
])
def test_other_models_of_a_kind_leave_out_the_one_talked_about(turns, models):
    assert set(said(turns).query.models) == models
    assert set(ENGINE.ask("any other vision models?").query.models) == {"deepseek-vl2", "janus-pro"}  # none talked of


@pytest.mark.parametrize(("turns", "expected"), [
    # "后发布" picks the later of the two just talked about, as "先发布" the earlier
    (["R1 和 V3 哪个参数多", "后发布的那个有什么意义"], ("deepseek-r1",)),
    (["compare R1 and V3", "后推出的那个论文叫什么"], ("deepseek-r1",)),
    (["compare R1 and V3", "先发布的那个论文叫什么"], ("deepseek-v3",)),
])
def test_the_later_one_picks_among_the_two(turns, expected):
    assert said(turns).query.models == expected
    # ... but a rank word begun inside a word of time is that word's: "之后发布" is after a date
    assert ENGINE.ask("2024 年之后发布了哪些").query.selector == "date>2024"


@pytest.mark.parametrize(("turns", "model"), [
    # "it" beside another maker's model is the model talked about: what the article says of the two
    (["what is R1", "它跟 o1 比怎么样"], "deepseek-r1"),
    (["what is R1", "how does it compare to o1?"], "deepseek-r1"),
    (["what is Coder V2", "is it as good as GPT4-Turbo?"], "deepseek-coder-v2"),
])
def test_it_beside_another_makers_model_is_the_model_talked_about(turns, model):
    answer = said(turns)
    assert (answer.query.models, answer.query.field) == ((model,), "features")
    assert said(["what is V3", "is it better than Llama 3?"]).query.reason == "unknown-model:Llama 3"


@pytest.mark.parametrize("text", [
    # a share or a score in per cent: the article gives none, so it is a question of results, declined as such
    "为什么Deepseek-Math-7B-rl 已经到了88.2%,但是DeepSeek-LLM-67B Chat只有84%?",
    "R1 scores 79.8% on AIME, right?", "V3 的 MMLU 是百分之八十八吗", "what percent of V3's data is code?",
])
def test_a_figure_in_per_cent_is_a_question_of_results(text):
    assert [p.query.reason for p in each(ENGINE.ask(text))] == ["topic:benchmarks"]  # one decline, however many


@pytest.mark.parametrize(("text", "expected"), [
    # a figure stated beside a question, with no question form: told, not asked
    ("DeepSeek-Coder is trained on 2T tokens. Can you explain what it is good at?",
     [("field", {"deepseek-coder"}, "features")]),
    ("V3 came out in December 2024 and I'm trying to catch up. when did R1 come out?",
     [("field", {"deepseek-r1"}, "released")]),
])
def test_a_figure_stated_beside_a_question_is_told(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize("question", ["what's the exact title?", "题目是什么", "what's it titled?"])
def test_a_models_title_is_its_papers(question):
    answer = said(["what is V3", question])
    assert (answer.query.models, answer.query.field) == (("deepseek-v3",), "paper")


@pytest.mark.parametrize(("text", "intents"), [
    # a list asked by its words, or a sort asked for, beside another question is a question of its own
    ("can vl2 run on my phone and also sort the models by release date", ["none", "list"]),
    ("anything from dec 2024 through jan 2025 and also what got released after 2024", ["list", "list"]),
    ("which models have more than 200B parameters and also is llama a good llm", ["list", "none"]),
])
def test_a_list_asked_by_its_words_beside_another_question_is_asked(text, intents):
    assert [p[0] for p in parts(text)] == intents
    # ... and what someone said beside a question is told
    assert parts("when was DeepSeekMoE released? one person says 2024, another says it never had a single release "
                 "date") == [("field", {"deepseek-moe"}, "released")]


@pytest.mark.parametrize("turns", [
    ["Janus-Pro 和 VL2 都是搞多模态的吧?有啥区别", "哪个能生成图片", "那另一个呢,啥时候出的?"],
    ["what is V2", "what is V3", "the other one, when was it released?"],
    ["compare V2 and V3", "the former, when was it released?"],
])
def test_a_clause_that_only_refers_is_the_subject_of_the_question_after_it(turns):
    answer = said(turns)
    assert (answer.parts, answer.query.field) == ((), "released")


@pytest.mark.parametrize(("text", "expected"), [
    # wanting a fact confirmed asks it, wherever the words stand; "it" is the model told of just before
    ("看到 DeepSeek-V2 用了混合专家架构,我想确认一下它的总参数规模", ("field", {"deepseek-v2"}, "parameters")),
    ("saw that V3 uses FP8. I'd like to confirm its release date", ("field", {"deepseek-v3"}, "released")),
    ("听说 R1 是开源的,想核实一下它是哪天发布的", ("field", {"deepseek-r1"}, "released")),
])
def test_wanting_a_fact_confirmed_asks_it(text, expected):
    assert parts(text) == [expected]
    # ... not a story of someone asked to check something
    assert parts("sorry to ping you directly, my manager asked me to double check something before tomorrow's "
                 "standup. How many parameters does DeepSeek V2 have in total?") == [
        ("field", {"deepseek-v2"}, "parameters")]


@pytest.mark.parametrize(("text", "verdicts"), [
    # a claim of several models is checked of each, each verdict said
    ("are R1 and V3 open source?", ["Yes — DeepSeek-R1", "The article does not say that of DeepSeek-V3"]),
    ("V2 和 V3 都是 MoE 吗", ["对,DeepSeek-V2", "对,DeepSeek-V3"]),
    ("deepseekR1 V3支持图片吗", ["文章没有说 DeepSeek-R1", "文章没有说 DeepSeek-V3"]),
    ("are V2 and V3 both 236B?", ["No — not all of that is so", "Yes — DeepSeek-V2", "No — DeepSeek-V3"]),
])
def test_a_claim_of_several_models_is_checked_of_each(text, verdicts):
    answer = ENGINE.ask(text)
    lines = to_text(answer.reply).splitlines()
    assert answer.query.intent == "field" and all(any(line.startswith(v) for line in lines) for v in verdicts)
    assert lines[2].startswith(verdicts[0])
    # ... and "what's the difference?" after them compares the two
    assert [p.query.intent for p in ENGINE.ask(f"{text.rstrip('?')}?有啥区别").parts] == ["field", "compare"]


@pytest.mark.parametrize(("text", "field"), [
    # words that only stress never part a cue's words
    ("what does DeepSeek-VL2 actually do?", "features"), ("what does V3 really do?", "features"),
    ("when was R1 even released?", "released"),
])
def test_words_that_only_stress_part_no_cue(text, field):
    assert parts(text)[0][2] == field


@pytest.mark.parametrize("text", ["what did DeepSeek-V2 actually contribute tho",
                                  "what did V3 contribute to the field?", "what has R1 contributed?"])
def test_what_a_model_contributed_asks_its_significance(text):
    assert parts(text)[0][2] == "significance"


def verdict_line(text: str) -> str:
    """The line of the reply that gives a claim's verdict (after the title and a blank line)."""
    return to_text(ENGINE.ask(text).reply).splitlines()[2]


@pytest.mark.parametrize(("text", "verdict"), [
    # a check tag doubted after "or", or a doubt alone, checks the claim before it
    ("heard V3 was trained in FP8, is that a real thing or just twitter hype", "Yes — DeepSeek-V3"),
    ("R1 is open source, or is that just hype?", "Yes — DeepSeek-R1"),
    ("R1 matches o1, fact or fiction?", "Yes — "),
    ("R1 开源了,是真的还是谣言?", "对,DeepSeek-R1"),
])
def test_a_doubted_check_tag_checks_the_claim_before_it(text, verdict):
    assert verdict_line(text).startswith(verdict)


@pytest.mark.parametrize(("text", "verdict"), [
    # Cantonese yes/no questions, once Simplified, are yes/no questions (the engine answers in Simplified; the
    # reply is written in Traditional where it is sent)
    ("VL2 係唔係 MoE 架構㗎?", "对,DeepSeek-VL2"), ("R1 有冇開源?", "对,DeepSeek-R1"),
    ("V3 系咪 MoE 嚟㗎?", "对,DeepSeek-V3"),
    # a dense model is one without experts: claiming it claims "not MoE"
    ("DeepSeek-VL2 is a dense model, not MoE, correct?", "No — DeepSeek-VL2"),
    ("VL2 是稠密模型吧?", "不对,DeepSeek-VL2"), ("V3 用的是 dense 架构吗?", "不对,DeepSeek-V3"),
    # where a claim was seen leads into it ("刚刷到个视频说 …"): a video seen is no topic of the question
    ("刚刷到个视频说 R1 是闭源的,真的吗", "不对,DeepSeek-R1"),
    ("just saw a tweet saying V3 has 671B params, true?", "Yes — DeepSeek-V3"),
    ("昨天看到一个帖子说 V2 是 2024 年 5 月发布的,对吗", "对,DeepSeek-V2"),
])
def test_claims_in_more_forms_get_their_verdict(text, verdict):
    assert verdict_line(text).startswith(verdict)


@pytest.mark.parametrize(("text", "expected"), [
    # question words as chat spells them
    ("wut is deepseak v2", ("model", {"deepseek-v2"}, None)), ("wat is R1", ("model", {"deepseek-r1"}, None)),
    ("wen did janus pro come out", ("field", {"janus-pro"}, "released")),
    # Taiwan words and Cantonese, once Simplified
    ("DeepSeekMath 的訓練資料是從哪裡來的?", ("field", {"deepseek-math"}, "features")),
    ("R1 用了什麼演算法", ("field", {"deepseek-r1"}, "features")),
    ("V3 嘅參數量係幾多?", ("field", {"deepseek-v3"}, "parameters")),
    # how plainly to tell it, and what is key or core, say no more than what is asked
    ("can someone just tell me plainly why DeepSeek-V3 mattered?", ("field", {"deepseek-v3"}, "significance")),
    ("honestly, what is R1?", ("model", {"deepseek-r1"}, None)),
    ("V3 用了哪些关键技术", ("field", {"deepseek-v3"}, "features")),
    ("R1 的核心创新是什么", ("field", {"deepseek-r1"}, "features")),
    ("what are the main features of V2", ("field", {"deepseek-v2"}, "features")),
    # what a model meant for someone is its significance
    ("what did DeepSeek LLM mean for the company", ("field", {"deepseek-llm"}, "significance")),
    ("what does R1 mean for the industry", ("field", {"deepseek-r1"}, "significance")),
    ("R1 对行业意味着什么", ("field", {"deepseek-r1"}, "significance")),
    # slang for an approach
    ("v3 用的 fp8 mixed precision 是啥 training 套路", ("field", {"deepseek-v3"}, "features")),
    ("R1 的训练路子是什么", ("field", {"deepseek-r1"}, "features")),
])
def test_more_wordings_of_the_fields(text, expected):
    assert parts(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    # a clause that asks the question before it again in other words is the question
    ("我是做教育的,想知道 DeepSeekMath 对数学研究有啥帮助,或者说意义在哪",
     [("field", {"deepseek-math"}, "significance")]),
    ("what did DeepSeek LLM mean for the company, like significance-wise?",
     [("field", {"deepseek-llm"}, "significance")]),
    ("what is R1 for, i mean what's its significance", [("field", {"deepseek-r1"}, "significance")]),
    # ... not another question joined to it
    ("when did V3 come out and how big is it", [("field", {"deepseek-v3"}, "released"),
                                                ("field", {"deepseek-v3"}, "parameters")]),
    # "又" asks the question before it again, of another model
    ("V2 多少参数?V3 又是多少?",
     [("field", {"deepseek-v2"}, "parameters"), ("field", {"deepseek-v3"}, "parameters")]),
    ("R1 什么时候发布的?V3 又是哪天?",
     [("field", {"deepseek-r1"}, "released"), ("field", {"deepseek-v3"}, "released")]),
    # "it" ranked beside a model named is the model asked about before
    ("请教两个问题:1. DeepSeek LLM 有哪些版本 2. 它和 DeepSeek Coder 谁先出的",
     [("field", {"deepseek-llm"}, "parameters"), ("compare", {"deepseek-llm", "deepseek-coder"}, None)]),
    ("V3 有多大?它和 R1 哪个更大?", [("field", {"deepseek-v3"}, "parameters"),
                                 ("compare", {"deepseek-v3", "deepseek-r1"}, None)]),
])
def test_questions_that_lean_on_the_one_before(text, expected):
    assert parts(text) == expected


def test_a_rank_word_in_a_name_after_and_is_the_name():
    turns = ["tell me about coder v2", "paper?", "and the original coder?"]
    assert said(turns).query.models == ("deepseek-coder",) and said(turns).query.field == "paper"


@pytest.mark.parametrize(("text", "expected"), [
    # a word that also says "lately" ranks only beside a word of release or of which model
    ("梁文锋最近接受采访说了啥?", ("none", set(), None)),
    ("what has the deepseek team said recently about AGI?", ("none", set(), None)),
    ("最近发布的是哪个", ("list", {"janus-pro"}, None)),
    ("what did deepseek release recently?", ("list", {"janus-pro"}, None)),
    ("最近出了啥", ("list", {"janus-pro"}, None)),
])
def test_lately_is_no_rank_of_its_own(text, expected):
    assert parts(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    # a check tag after a question word is emphasis, not a claim checked
    ("so what can the original DeepSeek Coder actually do, for real", ("field", {"deepseek-coder"}, "features")),
    ("what is R1, really?", ("model", {"deepseek-r1"}, None)),
    ("V3 用了什么架构,真的吗", ("field", {"deepseek-v3"}, "features")),
])
def test_a_check_tag_after_a_question_word_checks_nothing(text, expected):
    answer = ENGINE.ask(text)
    assert parts(text) == [expected] and not (answer.query.selector or "").startswith("check:")


@pytest.mark.parametrize("text", [
    # what a question names that a model's features say: the features answer it
    "dipseek coder what languages does it suport", "Janus-Pro 用什么框架处理?", "V2 处理什么任务",
])
def test_what_the_features_say_is_asked_of_them(text):
    assert parts(text)[0][0::2] == ("field", "features")
    # ... not a list asked of a model's idea
    assert parts("哪些模型采用了 deepseekmoe 的思路")[0][0] in ("list", "model")


@pytest.mark.parametrize(("text", "expected"), [
    # someone's question passed on, which the article cannot answer, is told beside the question asked
    ("我妈问我 DeepSeek 是不是一夜之间冒出来的,我想给她讲讲他们家最早的模型。最早发布的是哪一个?",
     [("list", {"deepseek-coder"}, None)]),
    ("朋友问我 DeepSeek 靠不靠谱,R1 是开源的吗?", [("field", {"deepseek-r1"}, "features")]),
    ("my friend asked me whether deepseek will IPO. also what is R1?", [("model", {"deepseek-r1"}, None)]),
    # ... and a question passed on that the article answers is asked
    ("my boss asked me when V3 came out", [("field", {"deepseek-v3"}, "released")]),
    # which of the figures people state is right asks the fact they state
    ("看了一圈,V3 的参数量有人说 671B 有人说 37B,我整个人都懵了,到底哪个对",
     [("field", {"deepseek-v3"}, "parameters")]),
    ("some say R1 came out in 2024, others say 2025. which is it?", [("field", {"deepseek-r1"}, "released")]),
    ("群里有人说 V2 是 2360 亿参数,有人说 2100 亿,谁说得对?", [("field", {"deepseek-v2"}, "parameters")]),
    ("my friend says Janus-Pro is 7B and my teacher says 1B, who's right?", [("field", {"janus-pro"}, "parameters")]),
])
def test_what_is_told_beside_a_question(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a comma between names lists them: one question of all of them
    ("which came out first, V3, R1 or Janus-Pro?", [("compare", {"deepseek-v3", "deepseek-r1", "janus-pro"}, None)]),
    ("when were V2, V3 and R1 released?", [("field", {"deepseek-v2", "deepseek-v3", "deepseek-r1"}, "released")]),
    ("which is biggest: V2, V3, or R1?", [("compare", {"deepseek-v2", "deepseek-v3", "deepseek-r1"}, None)]),
    ("V2, V3, R1 哪个先出", [("compare", {"deepseek-v2", "deepseek-v3", "deepseek-r1"}, None)]),
    # ... not a name before a question about it
    ("V3, when did it come out?", [("field", {"deepseek-v3"}, "released")]),
    # "+" joins two questions, as "and" does
    ("hey can u tell me the V2 release date + what makes it different from the first DeepSeek LLM",
     [("field", {"deepseek-v2"}, "released"), ("compare", {"deepseek-v2", "deepseek-llm"}, None)]),
    ("yo what's the significance of deepseek llm + how many params + paper name?",
     [("field", {"deepseek-llm"}, "significance"), ("field", {"deepseek-llm"}, "parameters"),
      ("field", {"deepseek-llm"}, "paper")]),
    # a comma inside single quotes ends nothing; "which one was that?" asks which model what was told describes
    ("I read that one of them decoupled visual encoding. which one was that?", [("list", {"janus-pro"}, None)]),
    ("someone said one model matches o1. which model is that?", [("model", {"deepseek-r1"}, None)]),
])
def test_names_listed_and_questions_joined(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("turns", "order"), [
    # the models named, sorted: those alone, in order
    (["sort V3, R1 and Janus-Pro by release date"], ["DeepSeek-V3", "DeepSeek-R1", "Janus-Pro"]),
    (["V3、R1、Janus-Pro 按发布时间排个序"], ["DeepSeek-V3", "DeepSeek-R1", "Janus-Pro"]),
    (["rank Janus-Pro, V2 and V3 by size"], ["DeepSeek-V3", "DeepSeek-V2", "Janus-Pro"]),
    # ... and "sort them" after a comparison sorts the ones compared
    (["compare Janus-Pro, R1 and V3", "sort them by release date"], ["DeepSeek-V3", "DeepSeek-R1", "Janus-Pro"]),
])
def test_the_models_named_sorted(turns, order):
    answer = said(turns)
    bullets = [line for line in to_text(answer.reply).splitlines() if line.startswith("• ")]
    assert answer.query.intent == "list" and [b[2:].split(" — ")[0] for b in bullets] == order


@pytest.mark.parametrize(("text", "expected"), [
    # "i.e." and "e.g." end no sentence
    ("would the parameters (i.e. the number used) look like this?",
     ["would the parameters (ie the number used) look like this"]),
    ("models that do vision, e.g. VL2", ["models that do vision", "eg VL2"]),
    ("R1, a.k.a. the reasoning one. when was it released?", ["R1", "aka the reasoning one", "when was it released"]),
])
def test_dotted_abbreviations_end_nothing(text, expected):
    assert clauses(text) == expected


@pytest.mark.parametrize(("text", "verdict"), [
    # a claim remembered, said to be fine, or hedged with 应该 and a question mark is checked
    ("V3 参数量应该比 R1 大一点?我记得是这样", "对,更大的是 DeepSeek-V3"),
    ("wasn't R1 already out before V3 even launched? thats what i remember", "No — Released first: DeepSeek-V3"),
    ("R1 是开源的,没毛病吧", "对,DeepSeek-R1"),
    ("V2 应该是 2024 年发布的?", "对,DeepSeek-V2"),
    ("V2 came out in may 2024, or so i remember", "Yes — DeepSeek-V2"),
    # a part of a month: "late Nov 2023" holds Nov 29
    ("DeepSeek LLM came out in late Nov 2023 yeah?", "Yes — DeepSeek LLM"),
])
def test_remembered_and_hedged_claims_are_checked(text, verdict):
    assert verdict_line(text).startswith(verdict)
    # ... while "应该" in a how-to asks how
    assert parts("V3 应该怎么部署?") == [("none", set(), None)]
    # ... and a check tag's characters explain no other word ("没毛病吗" and "看病")
    assert parts("vl2 擅长看病吗") == [("none", set(), None)]


@pytest.mark.parametrize(("text", "expected"), [
    # a part of a month, by its days
    ("2025 年 1 月底出的是哪个模型", ("list", {"janus-pro"}, None)),
    ("which model came out in late january 2025?", ("list", {"janus-pro"}, None)),
    ("2025 年 1 月中旬发布的", ("list", {"deepseek-r1"}, None)),
    ("2023 年 11 月初发布的模型", ("list", {"deepseek-coder"}, None)),
    # a comparison, then how one fact compares, is one comparison ranked by it
    ("LLM vs V2 vs V3 — how did the param counts grow?",
     ("compare", {"deepseek-llm", "deepseek-v2", "deepseek-v3"}, None)),
    ("V2 和 V3 对比一下,它们参数多少", ("compare", {"deepseek-v2", "deepseek-v3"}, None)),
])
def test_parts_of_a_month_and_comparisons_ranked(text, expected):
    assert parts(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    # a relative word right after a person says when they did something
    ("你之前不是在折腾 R1 嘛,顺便帮我问一下哈:R1 多少参数?", [("field", {"deepseek-r1"}, "parameters")]),
    ("我以前用过 V2,它是哪天发布的", [("field", {"deepseek-v2"}, "released")]),
    # ... after a model, which came before or after it
    ("R1 之前发布的是哪个", [("list", {"deepseek-v3"}, None)]),
    ("V3 以后出了哪些模型", [("list", {"deepseek-r1", "janus-pro"}, None)]),
])
def test_a_relative_word_after_a_person_says_when(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "verdict"), [
    # asking anyone to confirm, or doubting, checks the claim before it
    ("heard deepseek r1 dropped on jan 20 2025, can anyone confirm", "Yes — DeepSeek-R1"),
    ("my coworker swears DeepSeek Coder was closed source when it launched. that can't be right?",
     "No — DeepSeek Coder"),
    ("V3 is open source, can someone confirm?", "The article does not say that of DeepSeek-V3"),
    # ... after wanting it confirmed; a rumour's source may be an uploader or a thread's author
    ("看了个视频,up 主说 R1 是开源的,想确认下是不是这么回事", "对,DeepSeek-R1"),
    ("楼主说 V2 是 2024 年 5 月发布的,是这么回事吗", "对,DeepSeek-V2"),
    # which of a tag and its opposite holds is a yes or a no on the tag
    ("deepseek-coder-v2 是 dense 还是 MoE 啊,我 feel 是 MoE 但不确定", "对,DeepSeek-Coder V2"),
    ("VL2 is it dense or MoE?", "Yes — DeepSeek-VL2"),
    ("R1 是开源还是闭源的", "对,DeepSeek-R1"),
])
def test_confirmations_doubts_and_alternatives_are_checked(text, verdict):
    assert verdict_line(text).startswith(verdict)
    # ... not an alternative between two models, which picks one
    assert parts("V2 还是 V3 更大") == [("compare", {"deepseek-v2", "deepseek-v3"}, None)]


@pytest.mark.parametrize(("text", "expected"), [
    # an A-not-A question negates nothing
    ("Janus-Pro 的论文叫什么?顺便问下它到底能不能文生图",
     [("field", {"janus-pro"}, "paper"), ("field", {"janus-pro"}, "features")]),
    ("VL2 会不会生成图片", [("field", {"deepseek-vl2"}, "features")]),
    # 啥 is 什么 said casually; 长处 and 优点 are features
    ("看到 DeepSeek Coder 好像挺有名,它具体能干些啥?", [("field", {"deepseek-coder"}, "features")]),
    ("官方资料里 V3 的长处到底是怎么写的?", [("field", {"deepseek-v3"}, "features")]),
    ("R1 有哪些优点", [("field", {"deepseek-r1"}, "features")]),
    # someone who had me do something told beside the question
    ("最近老板让我评估下能不能用 AI 帮忙写代码、查 bug,看到 DeepSeek Coder 好像挺有名,它具体能干些啥?",
     [("field", {"deepseek-coder"}, "features")]),
    # a restatement of a question the article cannot read is the question
    ("why did everyone lose their minds over R1 back in january? like what was the big deal, historically speaking",
     [("field", {"deepseek-r1"}, "significance")]),
    # which one is last in the timeline asks for the last
    ("按时间线排,排在最后面的是哪个模型", [("list", {"janus-pro"}, None)]),
    ("in the timeline, which model comes first?", [("list", {"deepseek-coder"}, None)]),
])
def test_more_questions_read_whole(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # asking a favour is no yes/no question
    ("bot 能不能帮忙讲讲 DeepSeek-VL2 有啥特点?", [("field", {"deepseek-vl2"}, "features")]),
    ("能不能帮我查一下 R1 的论文", [("field", {"deepseek-r1"}, "paper")]),
    ("can you please tell me when V3 came out", [("field", {"deepseek-v3"}, "released")]),
    # where a claim was seen, alone in its clause, is chatter
    ("看了个 B 站视频,up 主说 R1 除了大模型之外,蒸馏出来的小模型从 1.5B 到 70B 都有,想确认下是不是这么回事",
     [("field", {"deepseek-r1"}, "parameters")]),
    ("saw a video. is V3 open source?", [("field", {"deepseek-v3"}, "features")]),
    # "the rundown" after a comparison is more of the models compared
    ("Janus-Pro vs DeepSeek-VL2 vs V3, give me the quick rundown",
     [("compare", {"janus-pro", "deepseek-vl2", "deepseek-v3"}, None)]),
    ("V2 vs V3. give me the rundown", [("compare", {"deepseek-v2", "deepseek-v3"}, None)]),
    # another maker's model compared, with no subject, is compared with the model just asked about
    ("Coder V2 的论文标题是啥?代码能力跟 GPT4-Turbo 比怎么样?",
     [("field", {"deepseek-coder-v2"}, "paper"), ("field", {"deepseek-coder-v2"}, "features")]),
    ("what is R1? how does it compare to o1?",
     [("model", {"deepseek-r1"}, None), ("field", {"deepseek-r1"}, "features")]),
    # ... never when another maker's models are compared with each other
    ("what is V3? how does GPT-4 compare to Llama?", [("model", {"deepseek-v3"}, None), ("none", set(), None)]),
])
def test_favours_sightings_and_implied_subjects(text, expected):
    assert parts(text) == expected
    # words about every model describe none of them: "that" after them is not all ten compared
    described = "DeepSeek 家有个东西据说不算单独发布的模型,更像一套贯穿好几个模型的技术理念,那个到底是啥"
    assert parts(described)[0][0] != "compare"


@pytest.mark.parametrize(("text", "expected"), [
    # the family lacking something is no filter negated: the models that have it
    ("deep seek没有多模态吧", ("list", {"deepseek-vl2", "janus-pro"}, None)),
    ("deepseek doesn't have any multimodal models, right?", ("list", {"deepseek-vl2", "janus-pro"}, None)),
    ("deepseek has no vision model?", ("list", {"deepseek-vl2", "janus-pro"}, None)),
    # ... while "not being" one still negates
    ("deepseek 不是 MoE 的模型有哪些",
     ("list", {"deepseek-coder", "deepseek-llm", "deepseek-math", "deepseek-r1", "janus-pro"}, None)),
    ("deepseek models don't use MoE?",
     ("list", {"deepseek-coder", "deepseek-llm", "deepseek-math", "deepseek-r1", "janus-pro"}, None)),
    # "it" with no model talked about: which model is meant
    ("is it open source?", ("none", set(), None)), ("它能生成图片吗", ("none", set(), None)),
    ("does it have a paper?", ("none", set(), None)),
    # ... a described one is no "it"
    ("那个能画图的模型是开源的吗", ("field", {"janus-pro"}, "features")),
])
def test_the_family_lacking_and_it_unresolved(text, expected):
    assert parts(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    # beside a question of its own about a model, a statement asks by its words only when it holds nothing else
    ("我在整理 DeepSeek 的模型时间线,发现 V2 和 V3 中间隔了挺久,那 DeepSeek-V2 到底是哪天提出的啊?",
     [("field", {"deepseek-v2"}, "released")]),
    ("老实说,DeepSeek LLM 的意义到底在哪?感觉大家只记得 V3 和 R1", [("field", {"deepseek-llm"}, "significance")]),
    ("我在写综述,目前整理到 2024 年上半年。看到 DeepSeek-V2 用了混合专家架构,我想确认一下它的总参数规模",
     [("field", {"deepseek-v2"}, "parameters")]),
    ("V2 参数量;还有 V3 是什么时候发布的?",
     [("field", {"deepseek-v2"}, "parameters"), ("field", {"deepseek-v3"}, "released")]),
    # ... and a question that leans on what was said takes it ("谁能帮我总结一下")
    ("老板让我周五前交一份调研,里面要写 DeepSeek-V2 的意义,谁能帮我总结一下,感激不尽!",
     [("field", {"deepseek-v2"}, "significance")]),
    # two statements, one asking by its words, never leave the message without a part
    ("帮我 check 一下 deepseekmath 的 release date,google 了半天 can't find it",
     [("field", {"deepseek-math"}, "released")]),
])
def test_statements_told_beside_a_question(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "verdict"), [
    # the same said in other words: "GPT-4 Turbo" and "GPT4-Turbo", "performs" and "performance", "coding" and "code"
    ("my prof claimed deepseek coder v2 performs on par with GPT-4 Turbo on coding tasks. accurate?",
     "Yes — the article says so of DeepSeek-Coder V2"),
    ("R1 的性能跟 OpenAI o1 正式版差不多,真的假的", "对,文章是这样说 DeepSeek-R1 的"),
    ("R1 is about the same as o1, right?", "Yes — the article says so of DeepSeek-R1"),
    # asking for a source, or whether it was remembered right, checks the claim
    ("heard coder v2 is 236B, same as V2. any source for that?", "The article does not say"),
    ("R1's distilled versions go from 1.5B up to 70B, did I remember that right?", "Yes — DeepSeek-R1"),
    ("V2 是 2024 年 5 月发布的,我记得对吗", "对,DeepSeek-V2"),
    # a tag word before "model" names a kind, not the model of that name
    ("is V3 the largest MoE model?", "Yes — The largest model by total parameters: DeepSeek-V3"),
    ("V3 是最大的 MoE 模型吗", "对,总参数最大的模型:DeepSeek-V3"),
])
def test_claims_said_in_other_words(text, verdict):
    assert verdict_line(text).startswith(verdict)


@pytest.mark.parametrize(("text", "expected"), [
    # two letters swapped is a typo of the word meant
    ("DeepSeekmath 有 papre 吗", [("field", {"deepseek-math"}, "paper")]),
    ("wehn was V3 relaesed", [("field", {"deepseek-v3"}, "released")]),
    # the brand before a word makes no name of it unless the word itself is close ("deepseek eat" is no Math)
    ("what did deepseek eat for lunch", [("none", set(), None)]),
    ("deepseek coedr release date", [("field", {"deepseek-coder"}, "released")]),
    ("deepseek lmm size", [("field", {"deepseek-llm"}, "parameters")]),
])
def test_typos(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "they" before a question are every model the clauses before it tell of
    ("刚考完研,终于有空研究大模型了。看到 DeepSeek 有个 VL2,还有个 Janus-Pro,都说是多模态,我有点搞混了。"
     "这俩到底有啥区别?",
     [("compare", {"deepseek-vl2", "janus-pro"}, None)]),
    ("R1 好像很火,V3 也不错,它们哪个先出的", [("compare", {"deepseek-r1", "deepseek-v3"}, None)]),
    ("my friend uses R1, I use V3. which of them is bigger?", [("compare", {"deepseek-r1", "deepseek-v3"}, None)]),
    # a claim passed on by "有个视频说", "有篇文章说" is checked, the video no topic of it
    ("有个视频说 DeepSeekMath 预训练用了 5000 亿 token,靠谱吗", [("field", {"deepseek-math"}, "features")]),
    ("有篇文章说 R1 是闭源的,真的吗", [("field", {"deepseek-r1"}, "features")]),
])
def test_they_and_claims_passed_on(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # after a problem reported, a yes/no question with no subject of its own asks of the problem
    ("transformers 加载 V3 报 KeyError: 'deepseek_v3',是不是版本太低了", [("none", set(), None)]),
    ("vLLM 跑 R1 报 CUDA out of memory,是不是显存不够", [("none", set(), None)]),
    # ... not one that says "it" of the model
    ("R1 keeps failing with CUDA OOM. is it open source?", [("field", {"deepseek-r1"}, "features")]),
    # a part about a model the article does not cover: what it is compared or related with shares its decline
    ("JanusFlow 是个啥?跟 Janus-Pro 什么关系", [("none", set(), None)]),
    ("R1-0528 release date + what changed compared to the january R1?", [("none", set(), None)]),
    # how two covered models are related is asked of them side by side
    ("V2 和 V3 什么关系", [("compare", {"deepseek-v2", "deepseek-v3"}, None)]),
])
def test_problems_and_uncovered_models_keep_their_decline(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "verdict"), [
    ("some youtuber said R1 is smaller than you'd think, the biggest one is only 70B. is that so?", "No — DeepSeek-R1"),
    ("V3 is 671B. is that so?", "Yes — DeepSeek-V3"),
    ("R1 性能跟 OpenAI o1 正式版持平,这话是真的假的", "对,文章是这样说 DeepSeek-R1 的"),
    ("V3 是 671B,这个说法是真是假", "对,DeepSeek-V3"),
    ("V2 is open source, is it so?", "Yes — DeepSeek-V2"),
])
def test_is_that_so_checks_the_claim(text, verdict):
    assert verdict_line(text).startswith(verdict)


@pytest.mark.parametrize(("text", "expected"), [
    # an aside in brackets is one thing said, told beside the question
    ("which deepseek model was made specifically for math? (yes I know V3 and R1 also do math, I mean the "
     "dedicated one)",
     [("list", {"deepseek-math"}, None)]),
    ("(btw) when was V3 released?", [("field", {"deepseek-v3"}, "released")]),
    # a tag word before "one" is a kind beside a comparison too
    ("compare V2 (the MoE one) and V3", [("compare", {"deepseek-v2", "deepseek-v3"}, None)]),
])
def test_asides_and_kinds(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("turns", "models"), [
    # opened by what it is compared with, the subject left out: the model talked about, compared
    (["DeepSeek Coder 是哪天发布的", "跟 LLM 比谁早?"], ("deepseek-coder", "deepseek-llm")),
    (["tell me about V3", "vs R1?"], ("deepseek-v3", "deepseek-r1")),
    (["V2 多大", "和 V3 比呢"], ("deepseek-v2", "deepseek-v3")),
])
def test_compared_with_the_model_talked_about(turns, models):
    answer = said(turns)
    assert answer.query.intent == "compare" and answer.query.models == models


@pytest.mark.parametrize(("text", "expected"), [
    # "it" that is no subject of a yes/no question leaves the question as asked
    ("writing a blog post and want to get it right the most recent model in 2024?, no rush",
     [("list", {"deepseek-v3"}, None)]),
    # "where this came up" joins a clause: the claim after it is still checked
    ("just got out of a meeting where this came up janus pro came out on january 27, right?, ty ty",
     [("field", {"janus-pro"}, "released")]),
    # after a problem told, a question that picks models by a date is its own
    ("還沒睡的舉個手🙋,在做專題,卡住了\n2024年底发布的模型救救孩子吧😭", [("list", {"deepseek-v3"}, None)]),
])
def test_wrapped_questions_keep_their_reading(text, expected):
    assert parts(text) == expected
    assert not text.startswith("just") or verdict_line(text).startswith("No — Janus-Pro")


@pytest.mark.parametrize(("text", "expected"), [
    # a model named just after "not", beside the one meant, is not asked of
    ("I meant the paper of V3, not R1", [("field", {"deepseek-v3"}, "paper")]),
    ("不是问 V2,是问 V3 的参数", [("field", {"deepseek-v3"}, "parameters")]),
    ("抱歉刚才问错了,我想问的是 Coder V2 的论文,不是初代 Coder 的", [("field", {"deepseek-coder-v2"}, "paper")]),
    ("what is the paper of V3? not R1", [("field", {"deepseek-v3"}, "paper")]),
    ("Tell me about DeepSeek-VL, the first one, not VL2", [("none", set(), None)]),
    # ... not "not sure", nor an A-not-A question
    ("I'm not sure V3 is bigger than R1", [("compare", {"deepseek-v3", "deepseek-r1"}, None)]),
    ("R1 是不是比 V3 大", [("compare", {"deepseek-r1", "deepseek-v3"}, None)]),
])
def test_a_model_not_meant(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "verdict"), [
    # "this claim", checked by what it rests on, is the claim quoted before it
    ("今天有个帖子里有人信誓旦旦地说“DeepSeek-Coder V2 写代码跟 GPT4-Turbo 差不多”,下面一堆人喷他吹牛。"
     "我想问下这个说法到底有没有出处?是真的吗?", "对,文章是这样说 DeepSeek-Coder V2 的"),
    ("群里有人说“V3 是稠密模型”,大家吵翻了,这话有根据吗", "不对,DeepSeek-V3"),
    ('a guy on reddit wrote "R1 is open source", then everyone dunked on him. any evidence for that?',
     "Yes — DeepSeek-R1"),
    ("“R1 的性能跟 OpenAI o1 正式版打平”——这个说法有依据吗", "对,文章是这样说 DeepSeek-R1 的"),
    # beside another maker's model, the comparison is claimed, not the tag
    ("Coder V2 代码能力跟 GPT4-Turbo 差不多,真的吗", "对,文章是这样说 DeepSeek-Coder V2 的"),
    ("R1 比 GPT-4o 强,对吧", "文章没有说 DeepSeek-R1 这一点"),
    # how good a model is, claimed or asked yes or no: the article does not say, with what it says of its standing
    ("R1 is the smartest AI on the planet, no contest. agree?", "The article does not say that of DeepSeek-R1"),
    ("R1 真的是世界第一吗?", "文章没有说 DeepSeek-R1 这一点"),
    ("V3 天下第一,同意吗", "文章没有说 DeepSeek-V3 这一点"),
    ("is V3 the best model in the world?", "The article does not say that of DeepSeek-V3"),
])
def test_claims_referred_to_compared_and_of_quality(text, verdict):
    assert verdict_line(text).startswith(verdict)
    if any(word in text for word in ("best", "第一", "smartest")):  # what it says of the model's standing
        assert each(ENGINE.ask(text))[0].query.field == "significance"
    # which model is best is still asked of none
    assert parts("which deepseek model is the best?") == [("none", set(), None)]


@pytest.mark.parametrize(("text", "verdict"), [
    # 算 and 属于 say "is"; a kind said of a model with a question mark, or one model set against another, is checked
    ("VL2 和 Janus-Pro 都算多模态模型吗", "对,DeepSeek-VL2"),
    ("V3 属于 MoE 吗", "对,DeepSeek-V3"),
    ("VL2 是 MoE 架构的?", "对,DeepSeek-VL2"),
    ("R1 trained with RL?", "Yes — DeepSeek-R1"),
    ("Janus-Pro 比 R1 早发布?我印象里是先有的 Janus", "不对,先发布的是 DeepSeek-R1"),
    ("Janus-Pro came out before R1?", "No — Released first: DeepSeek-R1"),
    ("V2 比 V3 小?", "对,更小的是 DeepSeek-V2"),
])
def test_yes_no_by_the_question_mark_and_copulas(text, verdict):
    assert verdict_line(text).startswith(verdict)
    # a question word still asks the fact
    assert parts("V3 的 MoE 架构怎么样?") == [("field", {"deepseek-v3"}, "features")]


@pytest.mark.parametrize(("text", "expected"), [
    # "when" that joins a clause asks no date
    ("why does R1 keep switching to chinese mid-answer when I prompt it in english?? is that a bug",
     [("none", set(), None)]),
    ("R1 crashes when you load it in ollama, why?", [("none", set(), None)]),
    # a service down, the experts inside, a training framework, a knowledge cutoff, the company, quantised builds
    ("deepseek r1 api has been returning 503 all morning, is it down for everyone?", [("none", set(), None)]),
    ("R1 又服务器繁忙了,是挂了吗", [("none", set(), None)]),
    ("how many experts does DeepSeek-V3 have, and how many get routed per token?", [("none", set(), None)]),
    ("V3 有多少个专家?", [("none", set(), None)]),
    ("what framework did they train Janus-Pro with, pytorch or jax?", [("none", set(), None)]),
    ("V3 是用 Megatron 训的吗", [("none", set(), None)]),
    ("V3 的知识截止时间是什么时候?问它 24 年下半年的事都不知道", [("none", set(), None)]),
    ("what's the knowledge cutoff of R1?", [("none", set(), None)]),
    ("发布 V3 的那家公司,老板梁文锋是什么来头?幻方量化又是做什么的", [("none", set(), None)]),
    ("DeepSeek 和幻方量化是什么关系?", [("none", set(), None)]),
    ("Does anyone know what's going on with DeepSeek the company? Are they raising money or going public?",
     [("none", set(), None)]),
    ("R1 蒸馏版用哪个量化,Q4 还是 Q5", [("none", set(), None)]),
    ("is there a GGUF of Janus-Pro?", [("none", set(), None)]),
    # trying to run one is a how-to told
    ("hey bot, trying to run a deepseek-r1 distill on my 3060 12gb, which quant should i grab?",
     [("none", set(), None)]),
    ("tried to load V3 in vLLM yesterday, which flags do I need?", [("none", set(), None)]),
    # ... and a quarter is no quantised build
    ("which models were released in Q4 2023", [("list", {"deepseek-coder", "deepseek-llm"}, None)]),
])
def test_more_out_of_scope_kinds(text, expected):
    assert [p if p[0] != "none" else ("none", set(), None) for p in parts(text)][:1] == expected
    assert all(p[0] == "none" for p in parts(text)) == (expected[0][0] == "none")


@pytest.mark.parametrize(("text", "expected"), [
    # kinds that describe a model, then a field asked of it: no kind claimed
    ("那个视觉语言的 MoE 模型有论文吗", [("field", {"deepseek-vl2"}, "paper")]),
    ("does the vision-language MoE one have a paper?", [("field", {"deepseek-vl2"}, "paper")]),
    # an ordinal before a generation is the model's own phrase ("second-gen" is "second-generation")
    ("the second-gen open-source MoE model, how many params?", [("field", {"deepseek-v2"}, "parameters")]),
    ("the 2nd generation open-source MoE model, when was it released?", [("field", {"deepseek-v2"}, "released")]),
    ("which model is the second-generation open-source MoE one?", [("list", {"deepseek-v2"}, None)]),
    # a verb's "出来" says nothing came out; "好几个" asks no count
    ("说说那个能看图理解、再用语言描述出来的 MoE 模型", [("model", {"deepseek-vl2"}, None)]),
    ("V3 什么时候出来的", [("field", {"deepseek-v3"}, "released")]),
    ("我搜出来好几个版本,R1 到底多大", [("field", {"deepseek-r1"}, "parameters")]),
    # what the article says instead of a date describes the model too
    ("which one isn't a single model but an idea running through some of the models?",
     [("list", {"deepseek-moe"}, None)]),
])
def test_models_described(text, expected):
    assert parts(text)[:len(expected)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # two topics declined of one model are two declines, each by name; one topic asked twice is one
    ("R1 的 license 是啥?还有 R1 在 AIME 上多少分?还有它啥时候发的",
     [("none", set(), None), ("none", set(), None), ("field", {"deepseek-r1"}, "released")]),
    ("what licence is janus pro under? can i use it commercially?", [("none", set(), None)]),
    # "…了没" asks; training code, benchmark points, image resolution, the data mix are not the article's
    ("R1 论文的标题是什么?还有 GRPO 的训练代码开源了没",
     [("field", {"deepseek-r1"}, "paper"), ("none", set(), None)]),
    ("V3 发布了没", [("field", {"deepseek-v3"}, "released")]),
    ("DeepSeekMath 预训练用了多少 token?在 MATH benchmark 上能到多少分?",
     [("field", {"deepseek-math"}, "features"), ("none", set(), None)]),
    ("what's R1's AIME score?", [("none", set(), None)]),
    ("Janus-Pro 有几个尺寸?生成图片的最大分辨率是多少?",
     [("field", {"janus-pro"}, "parameters"), ("none", set(), None)]),
    ("what's the ratio of code to text in Coder's training data?", [("none", set(), None)]),
    ("DeepSeek-Coder 的中文语料占多少", [("none", set(), None)]),
    # how whole or exact a fact is asks nothing else
    ("Can someone give me the full title of the DeepSeek-Coder paper? need it for the related work section of my "
     "thesis", [("field", {"deepseek-coder"}, "paper")]),
    ("what's the official release date of R1", [("field", {"deepseek-r1"}, "released")]),
    ("R1 论文的完整标题是什么", [("field", {"deepseek-r1"}, "paper")]),
    # "it" after a model's field told is that field
    ("looking for the DeepSeekMath paper, what's it called? searched their github and couldn't find a link",
     [("field", {"deepseek-math"}, "paper")]),
    ("I'm trying to find R1's paper, what is it called?", [("field", {"deepseek-r1"}, "paper")]),
    ("在找 V3 的论文,它叫啥来着", [("field", {"deepseek-v3"}, "paper")]),
    # the paper that came out: its date is asked
    ("when did the DeepSeek LLM paper (Scaling Open-Source Language Models with Longtermism) come out",
     [("field", {"deepseek-llm"}, "released")]),
    ("V3 论文什么时候发表的", [("field", {"deepseek-v3"}, "released")]),
    ("when was R1 released and what's its paper?",
     [("field", {"deepseek-r1"}, "released"), ("field", {"deepseek-r1"}, "paper")]),
    # the models just listed, asked again in other words, are one part
    ("which of the deepseek models are actually MoE? reading up on expert offloading and want to know which ones "
     "it even applies to",
     [("list", {"deepseek-moe", "deepseek-v2", "deepseek-coder-v2", "deepseek-vl2", "deepseek-v3"}, None)]),
    # a topic done to the model named next is the question's, not chatter before it
    ("本地部署 R1 32B 蒸馏版需要什么配置?", [("none", set(), None)]),
    ("deploy R1 on a single GPU - how much VRAM?", [("none", set(), None)]),
    ("was reading a thread about pricing When was DeepSeek-V3 released?", [("field", {"deepseek-v3"}, "released")]),
])
def test_real_posts_each_question_answered_or_declined(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "verdict"), [
    ("According to the V3 tech report it's 671B total params but only 37B activated per token. did I read that "
     "right??", "Yes — DeepSeek-V3"),
    ("R1 是 1 月 20 号发布的,我没看错吧", "对,DeepSeek-R1"),
    ("V2 is 236B, am I reading that right?", "Yes — DeepSeek-V2"),
])
def test_read_right_checks_the_claim(text, verdict):
    assert verdict_line(text).startswith(verdict)


@pytest.mark.parametrize(("text", "expected"), [
    # a model the article does not cover, named before a comparison or followed by a question of none, is what
    # the parts are about: declined together
    ("DeepSeek-V2.5, what changed compared to V2?", [("none", set(), None)]),
    ("R1-0528, how is it different from R1?", [("none", set(), None)]),
    ("DeepSeek V4 什么时候出?会做成多模态吗", [("none", set(), None)]),
    ("有没有老哥知道 R1-0528 和原版 R1 比到底改了啥?群里都在说新版幻觉少了很多,写代码也强了,是真的吗",
     [("none", set(), None)]),
    # ... a covered model named after it is asked of
    ("V3.1 是什么?V3 是开源的对吧", [("none", set(), None), ("field", {"deepseek-v3"}, "features")]),
    # a fact asked of one model by its words is its own question: "which was first" ranks those talked about
    ("release date of DeepSeek LLM; release date of DeepSeek Coder; which was first",
     [("field", {"deepseek-llm"}, "released"), ("field", {"deepseek-coder"}, "released"),
      ("compare", {"deepseek-coder", "deepseek-llm"}, None)]),
    ("V2 的参数量;V3 的参数量;哪个大", [("field", {"deepseek-v2"}, "parameters"),
                                     ("field", {"deepseek-v3"}, "parameters"),
                                     ("compare", {"deepseek-v2", "deepseek-v3"}, None)]),
    # ... not a claim before "didn't it", nor two models asked of together
    ("R1 came out before V3, didn't it?", [("compare", {"deepseek-r1", "deepseek-v3"}, None)]),
    ("R1 和 Janus-Pro 分别是干嘛的,有啥不一样", [("compare", {"deepseek-r1", "janus-pro"}, None)]),
    # models added to what is told are told too; "plus" after a question asks it again
    ("I've got Coder (Nov 2 2023) and LLM (Nov 29 2023) down, plus V3, R1 and Janus-Pro. What's the exact day "
     "DeepSeek-V2 was released?", [("field", {"deepseek-v2"}, "released")]),
    ("我已经整理好了 Coder 和 LLM,外加 V3。V2 是哪天发布的?", [("field", {"deepseek-v2"}, "released")]),
    ("when was V2 released, plus V3?",
     [("field", {"deepseek-v2"}, "released"), ("field", {"deepseek-v3"}, "released")]),
])
def test_subjects_of_the_parts(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("turns", "models"), [
    # a rank word "of the two", after another model talked about, compares the two
    (["what's deepseek-r1?", "ok and V3 — which one of the two is newer?"], ("deepseek-r1", "deepseek-v3")),
    (["tell me about V2", "V3, which of the two is bigger?"], ("deepseek-v2", "deepseek-v3")),
])
def test_of_the_two_compares_with_the_model_talked_about(turns, models):
    answer = said(turns)
    assert answer.query.intent == "compare" and answer.query.models == models


@pytest.mark.parametrize(("text", "verdict"), [
    # a claim said and nothing asked, sarcastic or not, is checked
    ("oh sure, and V2 is dense too lol", "No — DeepSeek-V2"),
    ("yeah right, R1 is closed source 🙄", "No — DeepSeek-R1"),
    ("R1 came out in 2024", "No — DeepSeek-R1"),
])
def test_a_claim_said_alone_is_checked(text, verdict):
    assert verdict_line(text).startswith(verdict)
    # ... not a name alone, nor a description compared
    assert parts("V3") == [("model", {"deepseek-v3"}, None)]
    assert parts("the 671b model vs the 236b model") == [("compare", {"deepseek-v3", "deepseek-v2"}, None)]


@pytest.mark.parametrize(("text", "expected"), [
    # every kind named picks models of them all, unless one or the other is asked
    ("models that do image understanding AND image generation?", {"janus-pro"}),
    ("open-source MoE models?", {"deepseek-v2", "deepseek-coder-v2"}),
    ("哪些模型既是开源的又是 MoE", {"deepseek-v2", "deepseek-coder-v2"}),
    ("which models are vision or image generation?", {"deepseek-vl2", "janus-pro"}),
])
def test_kinds_together(text, expected):
    assert parts(text) == [("list", expected, None)]


@pytest.mark.parametrize("text", [
    # Cantonese: 边个 is 哪个, 劲啲 is 更强
    "Coder V2 同 GPT4-Turbo 比,寫code邊個勁啲?",
    "Coder V2 跟 GPT4-Turbo 比,写代码哪个更强?",
])
def test_stronger_than_another_makers_model(text):
    assert parts(text) == [("field", {"deepseek-coder-v2"}, "features")]


@pytest.mark.parametrize(("text", "expected"), [
    # 几 inside "those few days" or "tens of" asks nothing
    ("作为一个在外企做了十年算法的人,说实话 R1 出来那几天我们组里挺震动的。DeepSeek-R1 的意义到底在哪?",
     [("field", {"deepseek-r1"}, "significance")]),
    ("V3 有几十亿参数吗", [("field", {"deepseek-v3"}, "parameters")]),
    # a topic the article does not hold, told as something seen, is context beside the question
    ("前几天看到 R1 的新闻,R1 是哪天发布的", [("field", {"deepseek-r1"}, "released")]),
    ("saw the V3 pricing thread. when was V3 released?", [("field", {"deepseek-v3"}, "released")]),
    # "official" asks nothing else; a question asked again after another part is one part
    ("VL2 的参数量官方公布过吗?", [("field", {"deepseek-vl2"}, "parameters")]),
    ("填到 DeepSeek-VL2 的时候参数量那一栏不知道写啥,搜出来全是多少个专家之类的。VL2 的参数量官方公布过吗?",
     [("field", {"deepseek-vl2"}, "parameters"), ("none", set(), None)]),
])
def test_stories_around_the_question(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "it" with nothing talked about is the subject of a claim too: which model?
    ("So it can't read any documents or picture,right?", [("none", set(), None)]),
    ("它不能看图吧?", [("none", set(), None)]),
    # a question asked another way after "or" is the same question
    ("Is this a typo mistake, or does the current public version only support V3?", [("none", set(), None)]),
    ("R1 的价格是多少?还是说只能用 API?", [("none", set(), None)]),
    ("is V3 open source, or is R1?",
     [("field", {"deepseek-v3"}, "features"), ("field", {"deepseek-r1"}, "features")]),
])
def test_it_and_or(text, expected):
    assert parts(text) == expected
    assert not text.startswith("So") or "Which model" in to_text(ENGINE.ask(text).reply)


@pytest.mark.parametrize(("text", "verdict"), [
    # the opposite amount of what the article says, of what it names too, is refuted
    ("is it true R1 needed a huge pile of human-labeled data to get good at reasoning?", "No — what the article says"),
    ("I read in a Medium post that R1 needed a massive amount of human-labeled data to learn reasoning. true?",
     "No — what the article says"),
    ("R1 训练用了大量标注数据吧", "不对,文章对 DeepSeek-R1 的说法是"),
    # ... not an amount of something else ("a lot of reinforcement learning" is what it says)
    ("R1 used a lot of reinforcement learning, right?", "Yes — DeepSeek-R1"),
    # "is it true (that) …" opens a claim; a remark after it is no question
    ("Is it true that DeepSeek-V3 only activates 37B params per token? that seems crazy efficient for a model that "
     "size", "Yes — DeepSeek-V3"),
    ("is it true V2 has 236B parameters?", "Yes — DeepSeek-V2"),
])
def test_amounts_claimed_and_is_it_true(text, verdict):
    assert verdict_line(text).startswith(verdict)
    assert len(each(ENGINE.ask(text))) == 1


@pytest.mark.parametrize(("text", "verdict"), [
    # a gap claimed between two release dates is checked against the days between them, and their order
    ("V3 比 V2 晚了七个多月才发布,没记错吧", "对,DeepSeek-V3 比 DeepSeek-V2 晚 233 天"),
    ("R1 came out about a week before Janus-Pro, right?", "Yes — Janus-Pro came out 8 days after DeepSeek-R1"),
    ("R1 came out a week after Janus-Pro?", "No — Janus-Pro came out 8 days after DeepSeek-R1"),
    ("V3 came out 2 months after V2, right?", "No — DeepSeek-V3 came out 233 days"),
    ("V3 came out more than 6 months after V2", "Yes — DeepSeek-V3 came out 233 days"),
    ("R1 和 V3 差了不到一个月吧", "对,DeepSeek-R1 比 DeepSeek-V3 晚 25 天"),
    ("DeepSeek LLM 跟 DeepSeek Coder 是同一天发布的?", "不对,DeepSeek LLM 比 DeepSeek Coder 晚 27 天"),
])
def test_a_gap_claimed_between_two_releases(text, verdict):
    assert verdict_line(text).startswith(verdict)


@pytest.mark.parametrize(("text", "contains"), [
    # how many days is asked, not claimed; a month of the year is no gap
    ("r1 比 v3 晚了几天", "25"),
    ("R1 和 Janus-Pro 发布相隔几天", "8 天"),
])
def test_how_many_days_is_asked_not_claimed(text, contains):
    assert "check:gap" not in (ENGINE.ask(text).query.selector or "") and contains in to_text(ENGINE.ask(text).reply)
    assert verdict_line("V2 是 2024 年 5 月发布的吗").startswith("对,DeepSeek-V2")


@pytest.mark.parametrize(("text", "expected"), [
    # holidays are the dates they were around the releases
    ("2024 年圣诞节后一天发布的那个模型有多少参数", [("field", {"deepseek-v3"}, "parameters")]),
    ("the model released the day after christmas 2024, how big is it?", [("field", {"deepseek-v3"}, "parameters")]),
    ("除夕那天发布的是哪个模型", [("list", {"janus-pro"}, None)]),
    ("which model dropped on lunar new year's eve?", [("list", {"janus-pro"}, None)]),
    # what the asker thinks, naming no model, is told beside the question
    ("I know the Pro one came out around the end of January, right around Lunar New Year I think, but my memory is "
     "fuzzy. What's the exact release date of Janus-Pro?", [("field", {"janus-pro"}, "released")]),
])
def test_holidays_and_what_the_asker_thinks(text, expected):
    assert parts(text) == expected
    assert verdict_line("V3 dropped on boxing day 2024, correct?").startswith("Yes — DeepSeek-V3")


@pytest.mark.parametrize(("text", "verdict"), [
    # that a model has a paper, claimed and nothing more: whether the article gives one
    ("is it true DeepSeekMoE has its own paper?", "Yes — the article says so of DeepSeekMoE"),
    ("DeepSeekMath 有论文对吧", "不对,文章对 DeepSeekMath 的说法是"),
    ("听说 V3 有论文?", "对,文章是这样说 DeepSeek-V3 的"),
    # a bare name after the brand, before 比, is the model compared
    ("LLM 比 Coder 晚出來大概一個月?", "对,DeepSeek LLM 比 DeepSeek Coder 晚 27 天"),
])
def test_a_paper_claimed_and_a_bare_name_compared(text, verdict):
    assert verdict_line(text).startswith(verdict)


@pytest.mark.parametrize(("text", "verdict"), [
    # a rank claimed of one model in the article's own words is checked against those words
    ("DeepSeek Coder 是第一个开源的代码大模型?", "对,文章是这样说 DeepSeek Coder 的"),
    ("据说 DeepSeek Coder 是第一个开源的代码大模型,靠谱吗", "对,文章是这样说 DeepSeek Coder 的"),
    ("is DeepSeek Coder the first open-source code model?", "Yes — the article says so of DeepSeek Coder"),
    # ... a rank the article's words do not say stays a rank among the models
    ("is V3 the largest model?", "Yes — The largest model by total parameters: DeepSeek-V3"),
    ("is R1 the newest?", "No — The most recently released model: Janus-Pro"),
])
def test_a_rank_in_the_articles_own_words(text, verdict):
    assert verdict_line(text).startswith(verdict)


@pytest.mark.parametrize(("text", "expected"), [
    # a code block pasted is no question of its own; its error line is the one thing it says
    ("What I have in my notes:\n```\nTotal params: ???\nActivated per token: ???\n```\nCan someone clarify what the "
     "total vs activated parameter counts for DeepSeek-V3 actually are?", [("field", {"deepseek-v3"}, "parameters")]),
    ("wrote this for our model picker:\n```python\nSIZES = {\"janus-pro\": [\"1B\", \"7B\", \"13B\"]}\n```\nis there "
     "a 13B Janus-Pro?", [("field", {"janus-pro"}, "parameters")]),
    ("deepseek-vl2 跑不起来\n```\nImportError: cannot import name 'LlamaFlashAttention2'\n```\n降级到哪个版本能用?",
     [("none", set(), None)]),
    # a full stop inside a word ends nothing; one before a capital does
    ("deepseek-vl2 inference.py 报错,怎么办", [("none", set(), None)]),
    ("I read the paper.What is R1?", [("model", {"deepseek-r1"}, None)]),
])
def test_code_pasted_and_full_stops(text, expected):
    # (an error line is read to the end of its message's first phrase: what follows is the program's)
    assert parts("Loading DeepSeek-V3 with vLLM fails\n```\nValueError: Unknown quantization method: fp8. Must be "
                 "one of ['aqlm', 'awq']\n```\nIs there a minimum vllm version?") == [("none", set(), None)]
    assert parts(text)[:len(expected)] == expected
    assert all(p[0] == "none" for p in parts(text)) == (expected[0][0] == "none")


@pytest.mark.parametrize(("text", "verdict"), [
    # the opposite of a kind claimed is checked, whatever else the claim says of a topic or another maker
    ("pretty sure R1 is closed source, OpenAI-style. yes?", "No — DeepSeek-R1: open source"),
    ("群里有人说 R1 其实是闭源的,只给 API 用,靠谱吗", "不对,DeepSeek-R1:开源"),
])
def test_the_opposite_of_a_kind_claimed_beside_a_topic(text, verdict):
    assert verdict_line(text).startswith(verdict)
    # ... not a second claim joined to it, nor a kind itself beside the rest of a claim
    assert parts("R1 is open source and has a free API, right?") == [("none", set(), None)]
    assert not verdict_line("rumour going around: R1 got its reasoning from supervised fine-tuning on a massive "
                            "hand-labelled dataset. legit?").startswith("Yes")


@pytest.mark.parametrize(("text", "expected"), [
    # a figure or a date of a model stated with no question form is what the asker knows: only the question is
    # answered
    ("V3 号称每 token 只激活 370 亿参数,总参数 6710 亿。那为什么推理的时候还要全部放进显存?", [("none", set(), None)]),
    ("So far I have DeepSeek Coder on Nov 2 2023 and DeepSeek LLM on Nov 29 2023. What day was VL2 released?",
     [("field", {"deepseek-vl2"}, "released")]),
    ("看到 DeepSeek LLM 有 7B 和 67B 两个版本。它的论文叫什么?", [("field", {"deepseek-llm"}, "paper")]),
    ("my notes say R1 came out on Jan 20 2025. is it open source?", [("field", {"deepseek-r1"}, "features")]),
    # ... a figure that is part of a model's name asks on, and a figure asked with a question mark is checked
    ("deepseek llm 67b release date. and what about its paper?",
     [("field", {"deepseek-llm"}, "released"), ("field", {"deepseek-llm"}, "paper")]),
    ("V3 是 671B 吗?它什么时候发布的",
     [("field", {"deepseek-v3"}, "parameters"), ("field", {"deepseek-v3"}, "released")]),
])
def test_a_models_figure_stated_with_no_question_form_is_told(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "and"/"but" then a verb with no subject goes on with the statement before it, though "is" opens questions
    ("My source says DeepSeekMoE has no single release date and is more of an idea that runs through several "
     "models. But what parameter count do they give for it?", [("field", {"deepseek-moe"}, "parameters")]),
    ("my friend says R1 is open source and was released in January 2025. but what is its paper called",
     [("field", {"deepseek-r1"}, "paper")]),
    ("someone told me V2 is the second MoE generation and has 236B params, when did it come out?",
     [("field", {"deepseek-v2"}, "released")]),
    # ... with a subject of its own it asks
    ("V3 is MoE and is it open source?", [("field", {"deepseek-v3"}, "features")]),
])
def test_and_then_a_verb_goes_on_with_the_statement(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "verdict"), [
    # whether the one who said it is right, a doubt, or whether the fact said is right checks the claim before it
    ("my prof said DeepSeek LLM came out before DeepSeek Coder. is he right?", "No — Released first: DeepSeek Coder"),
    ("我同学说 V2 比 V3 晚发布,他说得对吗", "不对,发布更晚的是 DeepSeek-V3"),
    ("群里有人说 V3 只有六百多亿参数,不会吧?", "不对,DeepSeek-V3"),
    ("听说 R1 是闭源的?不是吧", "不对,DeepSeek-R1:开源"),
    ("有人说 Janus-Pro 是 2025 年 1 月 28 号发的,日期对吗", "对,Janus-Pro"),
    ("someone says V3 came out on dec 26 2024, is the date right?", "Yes — DeepSeek-V3"),
])
def test_is_he_right_and_the_date_right(text, verdict):
    assert verdict_line(text).startswith(verdict)


@pytest.mark.parametrize(("text", "expected"), [
    # a question's number asks nothing ("第二个问题:哪个参数更多?" is no rank of all the models)
    ("第一个问题:V2 和 V3 哪个先发布?第二个问题:哪个参数更多?",
     [("compare", {"deepseek-v2", "deepseek-v3"}, None), ("compare", {"deepseek-v2", "deepseek-v3"}, None)]),
    ("first question: when did R1 come out? second question: how big is it?",
     [("field", {"deepseek-r1"}, "released"), ("field", {"deepseek-r1"}, "parameters")]),
    ("问题一:Janus-Pro 什么时候发布的?问题二:它的论文叫什么?",
     [("field", {"janus-pro"}, "released"), ("field", {"janus-pro"}, "paper")]),
    # the asker's boss is no news of the company
    ("大佬们好,我老板让我查一下 DeepSeekMath 是啥时候出的,麻烦各位了", [("field", {"deepseek-math"}, "released")]),
    ("我们老板想知道 V3 有多少参数", [("field", {"deepseek-v3"}, "parameters")]),
    # models only named in a sentence the asker tells of themselves are told, not compared
    ("我看 DeepSeek 有两个多模态模型,一个 VL2 一个 Janus-Pro。1)Janus-Pro 是哪天发布的?2)VL2 的参数量是多少?",
     [("field", {"janus-pro"}, "released"), ("field", {"deepseek-vl2"}, "parameters")]),
    ("I'm writing a post on the big ones, mainly V3 and R1. when did V3 come out?",
     [("field", {"deepseek-v3"}, "released")]),
    ("我在做 PPT,主要讲 V2 和 V3。V2 的论文叫什么?", [("field", {"deepseek-v2"}, "paper")]),
    # ... a comparison asked in it is asked
    ("I'm comparing V2 and V3 for a post, which is bigger?", [("compare", {"deepseek-v2", "deepseek-v3"}, None)]),
])
def test_question_numbers_the_askers_boss_and_models_told(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a source cited ("the paper says", "介绍里只说", "my notes say") passes on what it says: beside a question it
    # is told; alone with a check it is checked
    ("请教一下,R1 的论文标题说是用强化学习激发推理能力。那 R1 训练的时候用了多少张 H800?", [("none", set(), None)]),
    ("V3 的上下文窗口是多大?介绍里只说它长文本生成连贯、逻辑清晰,没说具体多少 K。", [("none", set(), None)]),
    ("the README says V3 uses FP8 training. what GPUs did they train it on?", [("none", set(), None)]),
    ("my notes say Janus-Pro came out Jan 28. what is its paper?", [("field", {"janus-pro"}, "paper")]),
    # a statement after a claim passed on, asking no fact, goes on with the claim
    ("UP 主说 DeepSeek-V2 是第二代开源 MoE 模型,长文本处理很强。我想问的是:V2 对行业有什么意义?",
     [("field", {"deepseek-v2"}, "significance")]),
    ("朋友说 V3 是 MoE,代码能力也很强。那它是什么时候发布的?", [("field", {"deepseek-v3"}, "released")]),
    # ... one that asks a fact by its words asks
    ("heard R1 is open source, the paper title", [("field", {"deepseek-r1"}, "features"),
                                                 ("field", {"deepseek-r1"}, "paper")]),
])
def test_a_source_cited_and_a_claim_going_on(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "verdict"), [
    ("the paper says R1 uses RL, right?", "Yes — DeepSeek-R1: reinforcement learning"),
    ("官网上写着 R1 是开源的,真的吗", "对,DeepSeek-R1:开源"),
    # "can't", "cannot", "never" negate what follows them
    ("Janus-Pro can't actually generate images, it's just an understanding model. Right?",
     "No — Janus-Pro: image generation"),
    ("janus pro cannot make images right?", "No — Janus-Pro: image generation"),
    ("V2 cannot handle long text, right?", "No — DeepSeek-V2: long text"),
    ("R1 never used reinforcement learning, right?", "No — DeepSeek-R1: reinforcement learning"),
])
def test_a_source_checked_and_cannot(text, verdict):
    assert verdict_line(text).startswith(verdict)


@pytest.mark.parametrize(("text", "expected"), [
    # names listed with a separator are names of their own ("LLM、V2" is no "LLM V2"; LLM, listed among them, is
    # DeepSeek LLM)
    ("Coder、LLM、V2、V3、R1 的论文呢", [("field", {"deepseek-coder", "deepseek-llm", "deepseek-v2", "deepseek-v3",
                                                "deepseek-r1"}, "paper")]),
    ("deepseek llm, v2 发布时间", [("field", {"deepseek-llm", "deepseek-v2"}, "released")]),
    # what the asker has or knows already is told
    ("Coder、V2、V3 的论文我都找到了,现在卡在 DeepSeekMath 上。请问它的论文到底叫什么?",
     [("field", {"deepseek-math"}, "paper")]),
    ("I already have the dates for V2 and V3. what about their papers?",
     [("field", {"deepseek-v2", "deepseek-v3"}, "paper")]),
    ("V3 的发布时间我已经有了,参数量是多少?", [("field", {"deepseek-v3"}, "parameters")]),
    # what opens the question is chatter, and "it" reaches past it to the model told of
    ("大家都说 DeepSeek-V3 是去年 12 月底发的,这些我都知道了。我想问的不是这个:它到底有什么技术上的特色?",
     [("field", {"deepseek-v3"}, "features")]),
    ("I know R1 came out in January 2025. My actual question is: how big is it?",
     [("field", {"deepseek-r1"}, "parameters")]),
    ("R1 的论文我看过了,我想问的是它什么时候发布的", [("field", {"deepseek-r1"}, "released")]),
])
def test_names_listed_what_is_known_and_the_question_opened(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "verdict"), [
    # two light characters side by side stand across words and make no term of a claim ("任务上能跟": no "上能")
    ("听说 DeepSeek-Coder V2 在代码任务上能跟 GPT4-Turbo 打平,真的吗?", "对,文章是这样说 DeepSeek-Coder V2 的"),
    # wanting the claim checked in so many words checks it; 说法 is no "说"; a time before 听说 still passes it on
    ("最近听说 DeepSeek-Coder V2 在代码任务上能跟 GPT4-Turbo 打平,老板让我核实一下这个说法。这是真的吗?",
     "对,文章是这样说 DeepSeek-Coder V2 的"),
    ("听说 R1 是闭源的,想核实一下这个说法", "不对,DeepSeek-R1:开源"),
    ("heard V3 has 671B params. can you verify that claim?", "Yes — DeepSeek-V3"),
    ("有人说 V2 是 2024 年 5 月发布的,帮我确认一下这个消息", "对,DeepSeek-V2"),
])
def test_a_claim_checked_in_so_many_words(text, verdict):
    assert verdict_line(text).startswith(verdict)


@pytest.mark.parametrize("text", [
    # where it runs is how to run it
    "请问 DeepSeekMath 能在 Colab 免费版上跑起来吗?",
    "R1 能跑在 Mac 上吗",
    "can janus pro run on a macbook air?",
])
def test_where_it_runs_is_declined(text):
    assert parts(text) == [("none", set(), None)]


@pytest.mark.parametrize(("text", "expected"), [
    # "list them" after a list is that list; a list of everything asked by no question form beside a question is
    # how to answer it
    ("which models came out in 2025? list them with their dates", [("list", {"deepseek-r1", "janus-pro"}, None)]),
    ("Someone asked which DeepSeek models came out in 2025 and I blanked. Can you list them with their dates?",
     [("list", {"deepseek-r1", "janus-pro"}, None)]),
    ("Which of the DeepSeek models use mixture-of-experts? Just the list is fine, I'll read the papers myself.",
     [("list", {"deepseek-moe", "deepseek-v2", "deepseek-coder-v2", "deepseek-vl2", "deepseek-v3"}, None)]),
    ("哪些是 MoE 模型?列个表就行",
     [("list", {"deepseek-moe", "deepseek-v2", "deepseek-coder-v2", "deepseek-vl2", "deepseek-v3"}, None)]),
    # ... a list of everything asked outright is asked
    ("when did V3 come out? also list all the models",
     [("field", {"deepseek-v3"}, "released"), ("list", {m.id for m in ENGINE.kb.models}, None)]),
])
def test_list_them_and_just_the_list(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # which of what people said of more than one model is asked of those models
    ("我跟室友打赌了一顿火锅。他说 DeepSeek LLM 比 DeepSeek Coder 先发布,我说 Coder 更早。到底谁先出来的?",
     [("compare", {"deepseek-llm", "deepseek-coder"}, None)]),
    ("my friend says R1 came out first, I say Janus-Pro did. which one was first?",
     [("compare", {"deepseek-r1", "janus-pro"}, None)]),
    # "who's right?" after the question in dispute is settled by that question's answer
    ("I'm writing a quiz: 'Which DeepSeek model has the most parameters?' I said V3, my friend insists it's R1. "
     "Who's right?", [("list", {"deepseek-v3"}, None)]),
    ("quiz question: which model came out first? I said Coder, my friend said LLM. who is right?",
     [("list", {"deepseek-coder"}, None)]),
])
def test_who_is_right_between_what_people_said(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "the one for" another model asks the same fact of it, even after "what's"
    ("what's the paper for janus pro? and what's the one for vl2?",
     [("field", {"janus-pro"}, "paper"), ("field", {"deepseek-vl2"}, "paper")]),
    ("when was V2 released? what's the one for V3?",
     [("field", {"deepseek-v2"}, "released"), ("field", {"deepseek-v3"}, "released")]),
    ("V3 的论文是哪篇?R1 的那个呢?", [("field", {"deepseek-v3"}, "paper"), ("field", {"deepseek-r1"}, "paper")]),
    # ... "what is" alone asks for the card
    ("when was V2 released? what is V3?", [("field", {"deepseek-v2"}, "released"), ("model", {"deepseek-v3"}, None)]),
])
def test_the_one_for_another_model(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "verdict"), [
    # a question asked only to say it cannot be asks nothing; sarcastic sureness checks the claim before it
    ("R1 是闭源的吧,毕竟这么强,怎么可能放出来", "不对,DeepSeek-R1:开源"),
    ("oh sure, and V3 was trained in FP8, I'm sure 🙄", "Yes — DeepSeek-V3: FP8 mixed-precision training"),
    ("V2 is dense, yeah right", "No — DeepSeek-V2: mixture of experts (MoE)"),
    ("R1 is closed source, I'm sure", "No — DeepSeek-R1: open source"),
])
def test_rhetorical_questions_and_sarcastic_sureness(text, verdict):
    assert verdict_line(text).startswith(verdict)
    assert len(parts(text)) == 1


def test_no_before_a_kind_negates_it():
    assert verdict_line("R1 uses no RL, right?").startswith("No — DeepSeek-R1: reinforcement learning")
    assert verdict_line("R1 was trained with no RL, right?").startswith("No — DeepSeek-R1: reinforcement learning")
    # ... and the model named before a yes/no word stays the claim's subject: never a list of the others
    assert verdict_line("heard R1 was trained on tons of labeled data with plain SFT and no RL at all. legit?"
                        ).startswith("No — what the article says of DeepSeek-R1")
    assert parts("V3 has no MoE layers, right?")[0][0] != "list"


@pytest.mark.parametrize(("text", "verdict"), [
    # a fact said to be missing is claimed, and checked: what the article gives, or says it does not
    ("DeepSeekMoE has no single release date, right?", "Yes — DeepSeekMoE"),
    ("DeepSeekMoE 没有公布发布时间吧?", "对,DeepSeekMoE"),
    ("Coder 的参数量没有公开,对吧?", "对,DeepSeek Coder"),
    ("V3 has no paper, right?", "No — DeepSeek-V3"),
    ("DeepSeekMath 没有论文吧?", "对,DeepSeekMath"),
])
def test_a_fact_said_to_be_missing(text, verdict):
    assert verdict_line(text).startswith(verdict)


@pytest.mark.parametrize(("text", "expected"), [
    # "有没有" asks whether it has one; it says nothing is missing
    ("DeepSeek-VL2 有沒有論文?", [("field", {"deepseek-vl2"}, "paper")]),
    ("V3 有没有公布参数?", [("field", {"deepseek-v3"}, "parameters")]),
    # an amount "in all" of what a model used or has is its fact, not a count of the models
    ("DeepSeekMath 一共用了多少 token 训练?", [("field", {"deepseek-math"}, "features")]),
    ("V3 总共有多少参数?", [("field", {"deepseek-v3"}, "parameters")]),
    ("一共有几个模型", [("list", {m.id for m in ENGINE.kb.models}, None)]),
])
def test_whether_it_has_one_and_amounts_in_all(text, expected):
    assert parts(text) == expected
    assert not verdict_line(text).startswith(("对,", "不对", "Yes —", "No —"))


@pytest.mark.parametrize("text", [
    # pictures made or drawn are images generated
    "what's the deepseek one that makes pictures called?",
    "which model can generate pictures?",
    "会画画的那个模型叫啥",
])
def test_pictures_made_are_images_generated(text):
    assert parts(text) == [("list", {"janus-pro"}, None)]


@pytest.mark.parametrize(("text", "expected"), [
    # a model described by its sizes, its card asked for
    ("tell me about the one that has 7B and 67B base/chat versions", [("model", {"deepseek-llm"}, None)]),
    ("介绍一下那个有 1B 和 7B 两个版本的模型", [("model", {"janus-pro"}, None)]),
    ("tell me about the 671B one", [("model", {"deepseek-v3"}, None)]),
    # "then" opens the next question
    ("tell me about deepseek-coder, then tell me a joke", [("model", {"deepseek-coder"}, None), ("none", set(), None)]),
    ("先介绍一下 V3,接着说说 R1 的论文", [("model", {"deepseek-v3"}, None), ("field", {"deepseek-r1"}, "paper")]),
    ("what is R1? then what is V3?", [("model", {"deepseek-r1"}, None), ("model", {"deepseek-v3"}, None)]),
])
def test_described_by_sizes_and_then(text, expected):
    assert parts(text) == expected



@pytest.mark.parametrize(("text", "verdict"), [
    # dear is the opposite of the low cost the article gives R1
    ("was R1 expensive to make? people keep saying it was cheap", "No — DeepSeek-R1: low cost"),
    ("is R1 expensive?", "No — DeepSeek-R1: low cost"),
    ("R1 成本很高吧", "不对,DeepSeek-R1:低成本"),
    # ... of a model the article gives no cost, it does not say
    ("is V3 expensive?", "The article does not say that of DeepSeek-V3"),
])
def test_dear_is_the_opposite_of_low_cost(text, verdict):
    assert verdict_line(text).startswith(verdict)


@pytest.mark.parametrize(("text", "verdict"), [
    # a generation claimed against the article's own ("第二代") is refuted by its words, whatever else holds
    ("so V2 is basically deepseek's first-gen MoE model?", "No — what the article says of DeepSeek-V2"),
    ("V2 是第一代 MoE 模型吗", "不对,文章对 DeepSeek-V2 的说法是"),
    ("V2 is the second generation MoE model, right?", "Yes — DeepSeek-V2"),
    # a title in single quotes, for a paper the article has not found
    ("so the DeepSeekMath paper is called 'DeepSeekMath: Pushing the Limits of Mathematical Reasoning', yes?",
     "The article does not say that of DeepSeekMath"),
    ("DeepSeekMath's paper is titled 'Math Reasoning at Scale', right?",
     "The article does not say that of DeepSeekMath"),
])
def test_a_generation_claimed_and_a_title_in_single_quotes(text, verdict):
    assert verdict_line(text).startswith(verdict)


@pytest.mark.parametrize(("text", "verdict"), [
    # "people keep saying …" passes a claim on; "is that what the article says?" checks it
    ("Everyone keeps writing that R1 'matches o1'. Is that what the DeepSeek material itself says, or is it just "
     "hype?", "Yes — the article says so of DeepSeek-R1"),
    ("people keep saying V3 was trained in FP8. is that what the article says?", "Yes — DeepSeek-V3"),
    ("twitter keeps claiming Janus-Pro can generate images. is that really what the write-ups say?",
     "Yes — Janus-Pro: image generation"),
])
def test_is_that_what_the_article_says(text, verdict):
    assert verdict_line(text).startswith(verdict)


@pytest.mark.parametrize(("text", "expected"), [
    # a joining word parts two questions even where it is chatter ("btw,", "还有,"); only before "it" does chatter
    # stand between nothing
    ("difference between VL2 and Janus-Pro. btw, which model has the most active parameters",
     [("compare", {"deepseek-vl2", "janus-pro"}, None), ("list", {"deepseek-v3"}, None)]),
    ("那个和 o1 正式版打平的模型有多少参数。还有,2025年初有哪些模型发布",
     [("field", {"deepseek-r1"}, "parameters"), ("list", {"deepseek-r1", "janus-pro"}, None)]),
    # a figure claimed with a check word of its own is checked, not told
    ("so r1 dropped jan 20th 2025 correct and also comparison between deepseek coder and deepseek coder v2 pls",
     [("field", {"deepseek-r1"}, "released"), ("compare", {"deepseek-coder", "deepseek-coder-v2"}, None)]),
])
def test_joined_questions_stay_two(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a yes/no of a model right after a problem reported, asking no fact of it, is the problem's
    ("convert_hf_to_gguf.py fails for deepseek-vl2-small\n```\nKeyError: 'vision_config'\n```\nIs VL2 supported at all "
     "or do I need to wait?", [("none", set(), None)]),
    ("V3 输出全是乱码,是不是 MoE 的问题?", [("none", set(), None)]),
    ("LoRA fine-tuning DeepSeek-Coder-V2-Lite: loss becomes NaN after ~200 steps. Is something special needed for the "
     "MoE layers?", [("none", set(), None)]),
    # ... a kind asked of a model it names is asked
    ("R1 跑不起来,R1 是开源的吗?", [("field", {"deepseek-r1"}, "features")]),
])
def test_a_yes_no_right_after_a_problem(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a one-character verb of using ends no word it is the tail of ("引用" cites)
    ("想在论文里引用 DeepSeek-VL2,有没有大佬知道论文完整标题是什么?谢谢", [("field", {"deepseek-vl2"}, "paper")]),
    ("想在本地用 R1", [("none", set(), None)]),
    # asking the channel is no yes/no question
    ("can someone ELI5 why R1 was such a big deal?", [("field", {"deepseek-r1"}, "significance")]),
    ("can anyone tell me when V3 came out?", [("field", {"deepseek-v3"}, "released")]),
    ("could someone explain what MoE models deepseek has",
     [("list", {"deepseek-moe", "deepseek-v2", "deepseek-coder-v2", "deepseek-vl2", "deepseek-v3"}, None)]),
])
def test_cite_and_asking_the_channel(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "before" a doing is no model's time; thinking before answering is reasoning
    ("yo is r1 the one that thinks before answering? 🤔", [("field", {"deepseek-r1"}, "features")]),
    ("会深度思考的那个是哪个模型", [("list", {"deepseek-r1"}, None)]),
    ("does V3 think before answering?", [("field", {"deepseek-v3"}, "features")]),
    # ... "before" a model is
    ("which models came before V3?", [("list", {"deepseek-coder", "deepseek-llm", "deepseek-v2"}, None)]),
])
def test_before_a_doing_and_thinking_first(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the distilled versions together, their sizes asked: the range the article gives for the model
    ("r1 distill sizes?", [("field", {"deepseek-r1"}, "parameters")]),
    ("how big are the r1 distills?", [("field", {"deepseek-r1"}, "parameters")]),
    ("R1 蒸馏版有哪些尺寸", [("field", {"deepseek-r1"}, "parameters")]),
    # ... one distilled version's size is not given
    ("R1-Distill-Qwen-32B 多少参数", [("none", set(), None)]),
])
def test_the_distilled_versions_sizes(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "verdict"), [
    # "只能" / "只会" say only, and the kinds beside them are checked together
    ("听说 Janus-Pro 只能看图、不能生成图片?", "不对,不全是这样"),
    ("Janus-Pro 只能看图,不能生成图片,对吧", "不对,不全是这样"),
    ("R1 只会推理,不开源,是吗", "不对,不全是这样"),
])
def test_only_and_kinds_together(text, verdict):
    assert verdict_line(text).startswith(verdict)


@pytest.mark.parametrize(("text", "expected"), [
    # a word of a model's name used of a kind of thing ("code LLM", "an LLM") names no model
    ("DeepSeek Coder was the *first* open-source code LLM?? does the article really say that",
     [("field", {"deepseek-coder"}, "features")]),
    ("is DeepSeek Coder the first open source code llm?", [("field", {"deepseek-coder"}, "features")]),
    # ... beside a comparison, it does
    ("llm vs v2", [("compare", {"deepseek-llm", "deepseek-v2"}, None)]),
    ("is coder older than llm?", [("compare", {"deepseek-coder", "deepseek-llm"}, None)]),
])
def test_a_kind_of_thing_names_no_model(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "verdict"), [
    # a remark of a sentence of its own, naming no model, leaves the check to the claim before it
    ("Read that DeepSeekMath was pretrained on 500B tokens. sounds like a lot for a 7B model, is that right?",
     "Yes — the article says so of DeepSeekMath"),
    ("V3 has 671B params. wow that's huge. is that right?", "Yes — DeepSeek-V3"),
    ("听说 R1 是闭源的。感觉不太可能。真的吗?", "不对,DeepSeek-R1:开源"),
    # ... in the claim's sentence, it is the claim's
    ("up 主说 R1 除了大模型之外,蒸馏出来的小模型从 1.5B 到 70B 都有,想确认下是不是这么回事", "对,DeepSeek-R1"),
])
def test_a_remark_between_the_claim_and_its_check(text, verdict):
    assert verdict_line(text).startswith(verdict)


@pytest.mark.parametrize(("text", "verdict"), [
    # a doubt first, then whether the article says it, checks the claim before
    ("Coder V2 matching GPT-4 Turbo on code — marketing fluff or does the article actually say that?",
     "Yes — the article says so of DeepSeek-Coder V2"),
    ("V3 用了 FP8 训练,是炒作还是真的?", "对,DeepSeek-V3:FP8 混合精度训练"),
    ("R1 开源了,是营销还是真的", "对,DeepSeek-R1:开源"),
    ("R1 matches o1. hype or real?", "Yes — the article says so of DeepSeek-R1"),
])
def test_a_doubt_first_then_the_check(text, verdict):
    assert verdict_line(text).startswith(verdict)


@pytest.mark.parametrize(("text", "expected"), [
    # the same fact of the same model asked again, plainly or as a claim, is one part (the claim's check kept)
    ("Which sizes of DeepSeek LLM were released? The model card mentions base and chat variants but I only find "
     "the 67b ones. Were smaller sizes also released or was it just 67B?", [("field", {"deepseek-llm"}, "parameters")]),
    ("V2 和 V3 有什么区别?V3 和 V2 对比一下", [("compare", {"deepseek-v2", "deepseek-v3"}, None)]),
    # ... a kind checked beside the features asked is a part of its own
    ("what's special about VL2? and is it MoE?",
     [("field", {"deepseek-vl2"}, "features"), ("field", {"deepseek-vl2"}, "features")]),
])
def test_the_same_fact_asked_again_is_one_part(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "verdict"), [
    # "also" right after a name, before its verb, is the sentence's own word, not a new question
    ("heard Janus-Pro also has a 13B variant, is that real?", "No — Janus-Pro"),
    ("R1 also uses RL right?", "Yes — DeepSeek-R1: reinforcement learning"),
    ("someone said V3 also has 236B params. true?", "No — DeepSeek-V3"),
])
def test_also_after_a_name_goes_on(text, verdict):
    assert verdict_line(text).startswith(verdict)
    assert len(parts(text)) == 1


@pytest.mark.parametrize(("text", "expected", "verdict"), [
    # a guess at the rank just asked is checked of the model guessed
    ("DeepSeek 目前最新的模型是哪个?是 R1 吗?", [("list", {"janus-pro"}, None), ("field", {"deepseek-r1"}, "released")],
     "不对,最新发布的模型:Janus-Pro"),
    ("which model is the largest? is it V3?",
     [("list", {"deepseek-v3"}, None), ("field", {"deepseek-v3"}, "parameters")], "Yes — The largest model"),
    ("哪个模型最早?是 Coder 吗?",
     [("list", {"deepseek-coder"}, None), ("field", {"deepseek-coder"}, "released")], "对,最早的模型"),
])
def test_a_guess_at_the_rank_asked(text, expected, verdict):
    assert parts(text) == expected
    assert verdict in to_text(ENGINE.ask(text).reply)


@pytest.mark.parametrize(("text", "expected"), [
    # a name alone, then facts asked by their words with no name: the subject of each
    ("V3: release date, params, paper?",
     [("field", {"deepseek-v3"}, "released"), ("field", {"deepseek-v3"}, "parameters"),
      ("field", {"deepseek-v3"}, "paper")]),
    ("Janus-Pro:\n- 发布时间\n- 参数量",
     [("field", {"janus-pro"}, "released"), ("field", {"janus-pro"}, "parameters")]),
    ("DeepSeek R1: 1) release date 2) size", [("field", {"deepseek-r1"}, "released"),
                                             ("field", {"deepseek-r1"}, "parameters")]),
])
def test_a_name_then_facts_listed(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "verdict"), [
    # a claim passed on twice is what the last one said
    ("someone on reddit said that csdn lineage article says DeepSeekMath has no public paper. is that actually what "
     "it says?", "Yes — DeepSeekMath"),
    ("群里有人说文章里写着 R1 是闭源的,真的吗", "不对,DeepSeek-R1:开源"),
    ("my friend told me the paper says R1 uses RL, right?", "Yes — DeepSeek-R1: reinforcement learning"),
])
def test_a_claim_passed_on_twice(text, verdict):
    assert verdict_line(text).startswith(verdict)


@pytest.mark.parametrize(("text", "expected"), [
    # a topic of the model named after "for" or "of" is the question's, however the clause goes on
    ("Anyone else think the $5.6M training cost claim for V3 is BS?", [("none", set(), None)]),
    ("I heard the price of R1 is crazy low, is it true?", [("none", set(), None)]),
    # ... a topic told before a question of its own is not
    ("was reading a thread about pricing. When was DeepSeek-V3 released?", [("field", {"deepseek-v3"}, "released")]),
])
def test_a_topic_of_the_model_named_after_it(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a kind checked again, with another beside it, is one part, the fuller check kept
    ("Janus-Pro 到底支不支持文生图?看 demo 只有图片问答,但又看到有人说能画图,所以它到底能不能生成图片?",
     [("field", {"janus-pro"}, "features")]),
    ("is R1 open source? like actually, is it open source?", [("field", {"deepseek-r1"}, "features")]),
    # ... the same kind of two models is two parts
    ("is V3 MoE? is R1 MoE?", [("field", {"deepseek-v3"}, "features"), ("field", {"deepseek-r1"}, "features")]),
])
def test_a_kind_checked_again_is_one_part(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a remark on what was just said (", which is neat") is no question, and "that model" reaches past it
    ("I read that Janus-Pro splits visual encoding into two encoders, which is neat. But what's the significance of "
     "that model?", [("field", {"janus-pro"}, "significance")]),
    ("the prof mentioned that DeepSeek LLM's paper has \"Longtermism\" in the title, which sounds weird for an ML "
     "paper. What's the full title? And why did that model matter?",
     [("field", {"deepseek-llm"}, "paper"), ("field", {"deepseek-llm"}, "significance")]),
    # ... "which" that asks is a question
    ("v3 or r1, which is newer", [("compare", {"deepseek-v3", "deepseek-r1"}, None)]),
    ("release date of DeepSeek LLM; release date of DeepSeek Coder; which was first",
     [("field", {"deepseek-llm"}, "released"), ("field", {"deepseek-coder"}, "released"),
      ("compare", {"deepseek-coder", "deepseek-llm"}, None)]),
])
def test_a_which_remark_and_the_full_title(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "verdict"), [
    # "…了没" asks whether it has happened: a yes/no check
    ("R1 到底 open source 了没", "对,DeepSeek-R1:开源"),
    ("R1 开源了没", "对,DeepSeek-R1:开源"),
    ("V3 用了 FP8 了没有", "对,DeepSeek-V3"),
])
def test_le_mei_checks(text, verdict):
    assert verdict_line(text).startswith(verdict)


@pytest.mark.parametrize("text", [
    # the precision a model was trained in is its FP8
    "what numeric precision was V3 trained in?",
    "V3 用什么精度训练的",
    "which precision did DeepSeek-V3 use in training?",
])
def test_the_precision_it_was_trained_in(text):
    assert parts(text) == [("field", {"deepseek-v3"}, "features")]
    assert "FP8" in to_text(ENGINE.ask(text).reply)


@pytest.mark.parametrize(("text", "expected"), [
    # names listed with commas stay names of their own when the brand is put before a word ("LLM, V2")
    ("which is the smallest of DeepSeek LLM, V2 and Janus-Pro?",
     [("compare", {"deepseek-llm", "deepseek-v2", "janus-pro"}, None)]),
    ("which came out first: DeepSeek LLM, V2 or V3?",
     [("compare", {"deepseek-llm", "deepseek-v2", "deepseek-v3"}, None)]),
    ("when were DeepSeek LLM, V2 and V3 released?",
     [("field", {"deepseek-llm", "deepseek-v2", "deepseek-v3"}, "released")]),
])
def test_names_listed_with_commas_beside_a_rank(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a kind stated with no question form before what is asked is told; the difference asked is a comparison,
    # whatever it is in, unless a field is named outright
    ("VL2 和 Janus-Pro 都算多模态,两者能力上有啥区别?", [("compare", {"deepseek-vl2", "janus-pro"}, None)]),
    ("V2 and V3 are both MoE, so what's the difference between them?",
     [("compare", {"deepseek-v2", "deepseek-v3"}, None)]),
    ("V2 和 V3 聊聊,它们参数量有啥区别", [("field", {"deepseek-v2", "deepseek-v3"}, "parameters")]),
])
def test_a_kind_stated_then_the_difference_asked(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # 主打 is what a model is for; pics are pictures; "or nah" asks yes or no
    ("那没过多久又出的 R1,主打的又是什么?", ("field", {"deepseek-r1"}, "features")),
    ("V3 主打什么", ("field", {"deepseek-v3"}, "features")),
    ("yo can janus pro make pics or nah 🤔", ("field", {"janus-pro"}, "features")),
    ("is v3 open source or nah", ("field", {"deepseek-v3"}, "features")),
])
def test_zhuda_pics_and_or_nah(text, expected):
    assert parts(text) == [expected]


@pytest.mark.parametrize("text", [
    # a date and everything after it, its own month in
    "anything released from december 2024 onward?",
    "anything released since december 2024?",
    "2024 年 12 月以来发布的模型",
])
def test_since_a_date(text):
    assert parts(text) == [("list", {"deepseek-v3", "deepseek-r1", "janus-pro"}, None)]
    # ... "after" it leaves its month out
    assert parts("anything released after december 2024?") == [("list", {"deepseek-r1", "janus-pro"}, None)]


@pytest.mark.parametrize(("text", "expected"), [
    # someone's question passed on, which the article cannot answer, is told beside the question asked
    ("我表弟問我 DeepSeek 是不是只做聊天機器人,我說他們也有做圖像相關的。具體是哪些模型能處理圖片?",
     [("list", {"deepseek-vl2", "janus-pro"}, None)]),
    ("my mom asked me if deepseek is a chinese company. anyway, when was V3 released?",
     [("field", {"deepseek-v3"}, "released")]),
    ("我同事问我 DeepSeek 是不是一夜之间冒出来的。R1 是哪天发布的?", [("field", {"deepseek-r1"}, "released")]),
])
def test_a_question_passed_on_is_told(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # what the asker is doing, told with the subject left out, is self-context
    ("Reading the V2 paper right now and it keeps going on about MoE. How many total parameters does V2 have?",
     [("field", {"deepseek-v2"}, "parameters")]),
    ("Writing a blog post about R1. when did it come out?", [("field", {"deepseek-r1"}, "released")]),
    ("reading the r1 paper, what's its title?", [("field", {"deepseek-r1"}, "paper")]),
])
def test_what_the_asker_is_doing(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "verdict"), [
    # "came out after" with a question mark is a claim of which is newer, checked
    ("Janus-Pro came out after R1 I think? like a week later", "Yes — Released later: Janus-Pro"),
    ("Janus-Pro came out after R1?", "Yes — Released later: Janus-Pro"),
    ("V2 came out after V3?", "No — Released later: DeepSeek-V3"),
    ("R1 是在 V3 之后发布的?", "对,发布更晚的是 DeepSeek-R1"),
])
def test_came_out_after_is_checked(text, verdict):
    assert verdict_line(text).startswith(verdict)


@pytest.mark.parametrize(("text", "verdict"), [
    # a base claimed where the article gives another is refuted, with the one it gives
    ("听说 DeepSeekMath 是在 DeepSeek LLM 67B 上训出来的?", "不对,DeepSeekMath:以 DeepSeek-Coder-v1.5 7B 为基础"),
    ("is DeepSeekMath based on V3?", "No — DeepSeekMath: built on DeepSeek-Coder-v1.5 7B"),
    ("was DeepSeekMath trained on top of DeepSeek LLM?", "No — DeepSeekMath: built on DeepSeek-Coder-v1.5 7B"),
    # ... a version of the model claimed is not denied
    ("is DeepSeekMath based on DeepSeek Coder?", "The article does not say that"),
])
def test_a_base_claimed_where_the_article_gives_another(text, verdict):
    assert verdict_line(text).startswith(verdict)


@pytest.mark.parametrize(("text", "expected"), [
    # the models released between two named ones, the two left out
    ("which models came out between V2 and R1?", [("list", {"deepseek-v3"}, None)]),
    ("V2 和 R1 之间还发布过哪个模型?", [("list", {"deepseek-v3"}, None)]),
    ("what was released between DeepSeek Coder and V2?", [("list", {"deepseek-llm"}, None)]),
    # ... a pick between two is no span of time
    ("Between V3 and R1, which one is the reasoning model?", [("compare", {"deepseek-v3", "deepseek-r1"}, None)]),
    ("how many days between V3 and R1?", [("compare", {"deepseek-v3", "deepseek-r1"}, None)]),
])
def test_released_between_two_models(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a kind said with no word of a list beside the question is told
    ("同样是写代码的,Coder 和 Coder V2 参数量分别多少?",
     [("field", {"deepseek-coder", "deepseek-coder-v2"}, "parameters")]),
    ("deepseek 都出过哪些模型?按时间排一下", [("list", {m.id for m in ENGINE.kb.models}, None)]),
    # "among the … models" is the scope of the question after it
    ("用了 MoE 的模型里,参数量有公开的是哪几个?", [("list", {"deepseek-v2", "deepseek-v3"}, None)]),
    ("开源的模型里面,哪些是 MoE?", [("list", {"deepseek-v2", "deepseek-coder-v2"}, None)]),
])
def test_a_kind_told_and_among_which_models(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("turns", "models"), [
    # "list them" after any answer lists its models: by the filters that picked them, else by name (a pick, a
    # check or a rank picked them: no selection of its own to list them by)
    (["which came first, V2 or V3?"], {"deepseek-v2", "deepseek-v3"}),
    (["is R1 the newest?"], {"deepseek-r1"}),
    (["is V3 MoE?"], {"deepseek-v3"}),
    (["which models came out in 2025?"], {"deepseek-r1", "janus-pro"}),
])
def test_list_them_after_any_answer(turns, models):
    conversation = "list-them-" + "-".join(turns)
    for turn in turns:
        ENGINE.ask(turn, conversation=conversation)
    assert parts("list them with their dates", conversation) == [("list", models, None)]


@pytest.mark.parametrize("text", [
    # a version by its kind ("chat 版", "base 版") is a model's sizes and versions
    "DeepSeek LLM 只出了 chat 版,没有 base 版?",
    "DeepSeek LLM 没有 base 版吧",
    "DeepSeek LLM 有 chat 版吗",
])
def test_a_version_by_its_kind(text):
    assert parts(text) == [("field", {"deepseek-llm"}, "parameters")]
    assert "base" in to_text(ENGINE.ask(text).reply)


@pytest.mark.parametrize(("text", "expected"), [
    # a list asked by its words ("…的模型") beside another question is asked; only a bare kind is told
    ("2025 年发布的模型。再问一下:V2 参数量是多少",
     [("list", {"deepseek-r1", "janus-pro"}, None), ("field", {"deepseek-v2"}, "parameters")]),
    ("R1 參數量多少,顺便问下,2024年底发布的模型",
     [("field", {"deepseek-r1"}, "parameters"), ("list", {"deepseek-v3"}, None)]),
    ("参数量前三的模型,顺便问下,Janus-Pro 有哪些参数规模",
     [("list", {"deepseek-v3", "deepseek-r1", "deepseek-v2"}, None), ("field", {"janus-pro"}, "parameters")]),
])
def test_a_list_by_its_words_beside_a_question_is_asked(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize("text", [
    # every filter a question can negate has its words, "only" too (found by the Hypothesis property run)
    "APART)FROM0B只会",
    "apart from 7B only",
    "除了只有 7B 的",
])
def test_a_negated_only_has_its_words(text):
    answer = ENGINE.ask(text)
    assert to_text(answer.reply)


def test_every_filter_phrase_has_its_negation():
    from bot.core.phrases import PHRASES
    kinds = ("params", "active", "date", "tag", "undisclosed", "is")
    for lang in ("en", "zh"):
        keys = [k for k in PHRASES[lang] if k.lstrip("!").startswith(kinds) and not k.lstrip("!").startswith("tags")]
        assert not [k for k in keys if (k[1:] if k.startswith("!") else f"!{k}") not in PHRASES[lang]], lang


@pytest.mark.parametrize(("text", "models", "line"), [
    # "which one" among the models named, by a tag, a date or a figure: the comparison, the pick on top
    ("VL2 or Janus-Pro, which one can generate images?", {"deepseek-vl2", "janus-pro"},
     "Of DeepSeek-VL2 and Janus-Pro, tagged image generation: Janus-Pro."),
    ("VL2 or Janus-Pro — which one can actually generate images from a text prompt?", {"deepseek-vl2", "janus-pro"},
     "Of DeepSeek-VL2 and Janus-Pro, tagged image generation: Janus-Pro."),
    ("which of V2 and V3 is open source?", {"deepseek-v2", "deepseek-v3"},
     "Of DeepSeek-V2 and DeepSeek-V3, tagged open source: DeepSeek-V2."),
    ("R1 和 Janus-Pro 哪个有 1B 的版本", {"deepseek-r1", "janus-pro"},
     "DeepSeek-R1 和 Janus-Pro 中,有 1B 模型或版本的是:Janus-Pro。"),
    ("V2 和 V3 哪个是 2024 年发布的", {"deepseek-v2", "deepseek-v3"},
     "DeepSeek-V2 和 DeepSeek-V3 中,2024 年发布的是:DeepSeek-V2、DeepSeek-V3。"),
    ("VL2 和 Janus-Pro 哪个不是 MoE", {"deepseek-vl2", "janus-pro"},
     "DeepSeek-VL2 和 Janus-Pro 中,不属于「混合专家 (MoE)」的是:Janus-Pro。"),
    ("Coder V2 vs V3 — which one is MoE?", {"deepseek-coder-v2", "deepseek-v3"},
     "Of DeepSeek-Coder V2 and DeepSeek-V3, tagged mixture of experts (MoE): DeepSeek-Coder V2, DeepSeek-V3."),
    ("V2 or VL2, which one came out in 2024?", {"deepseek-v2", "deepseek-vl2"},
     "Of DeepSeek-V2 and DeepSeek-VL2, released in 2024: DeepSeek-V2. The article gives no release date for "
     "DeepSeek-VL2."),
])
def test_which_one_a_kind_picks_among_the_models_named(text, models, line):
    assert parts(text) == [("compare", models, None)]
    assert verdict_line(text) == line


@pytest.mark.parametrize(("turns", "models", "picked", "other"), [
    # after a comparison "which one is MoE?" picks among the two; "the other one" is then the one it did not pick
    (["compare VL2 and Janus-Pro", "这两个哪个是 MoE 架构的?"], {"deepseek-vl2", "janus-pro"}, "deepseek-vl2",
     "那另一个的论文叫什么"),
    (["V2 vs V3", "which one is open source?"], {"deepseek-v2", "deepseek-v3"}, "deepseek-v2",
     "and the other one's paper?"),
    (["R1 和 Janus-Pro 比一下", "哪个能生成图片"], {"deepseek-r1", "janus-pro"}, "janus-pro", "另一个呢,论文是什么"),
])
def test_which_one_a_kind_picks_among_the_models_talked_about(turns, models, picked, other):
    conversation = "pick-" + turns[0]
    ENGINE.ask(turns[0], conversation=conversation)
    assert parts(turns[1], conversation) == [("compare", models, None)]
    assert parts(other, conversation) == [("field", models - {picked}, "paper")]
    # (never "which models are MoE?": every model tagged so)
    ENGINE.ask(turns[0], conversation=conversation + "-list")
    assert parts("which models are MoE?", conversation + "-list")[0][0] == "list"


@pytest.mark.parametrize(("text", "models"), [
    # a word that names a model after the brand is that model listed beside a name by a listing word, or after
    # it by a list's mark; "which one is MoE" asks what one of them is, and "MoE 和 FP8" names no model
    ("V3 和 LLM 哪个用了 FP8 训练", {"deepseek-v3", "deepseek-llm"}),
    ("Coder、Coder V2、Math 里哪个是专门做数学推理的", {"deepseek-coder", "deepseek-coder-v2", "deepseek-math"}),
    ("Math 和 Coder,哪个是在另一个的基础上做的", {"deepseek-math", "deepseek-coder"}),
    ("V2 and LLM, which came out first?", {"deepseek-v2", "deepseek-llm"}),
    ("V2 vs V3, which one is MoE?", {"deepseek-v2", "deepseek-v3"}),
])
def test_a_family_word_listed_beside_a_name_is_that_model(text, models):
    assert parts(text)[0][1] == models


@pytest.mark.parametrize("text", ["V3 用了 MoE 和 FP8 吗", "as a local LLM, R1 is great, when was it released?"])
def test_a_family_word_not_listed_names_no_model(text):
    assert parts(text)[0][1] == {"deepseek-v3" if "V3" in text else "deepseek-r1"}


@pytest.mark.parametrize(("text", "line"), [
    # a rhetorical negation asks whether the claim holds; the claim is what is left without it, an opposite kept
    ("R1 不是闭源的吗", "不对,DeepSeek-R1:开源。"),
    ("isn't R1 closed source?", "No — DeepSeek-R1: open source."),
    ("isn't R1 open source?", "Yes — DeepSeek-R1: open source."),
    ("R1 不就是个闭源模型嘛", "不对,DeepSeek-R1:开源。"),
    ("Janus-Pro 不就是 2025 年 1 月出的嘛", "对,Janus-Pro:2025 年 1 月 28 日凌晨。"),
    ("V3 不就是 67B 嘛", "不对,DeepSeek-V3:总参数高达 6710 亿(671B),每 token 激活 370 亿(37B)参数。"),
])
def test_a_rhetorical_negation_keeps_the_claims_own_opposite(text, line):
    assert verdict_line(text) == line


@pytest.mark.parametrize(("text", "line"), [
    # comparison marks are words; a size or date given after the claim ("like 671 vs 660") keeps the check
    ("V3 > R1 in param count?", "Yes — Larger: DeepSeek-V3"),
    ("V2 < V3 in param count?", "Yes — Smaller: DeepSeek-V2"),
    ("V3 bigger than R1? like 671 vs 660?", "Yes — Larger: DeepSeek-V3"),
    ("V3 > R1 in param count? like 671 vs 660?", "Yes — Larger: DeepSeek-V3"),
    ("V3 more than R1 in size?", "Yes — Larger: DeepSeek-V3"),
    ("V2 is way bigger than DeepSeek LLM right? like 236B vs 67B", "Yes — Larger: DeepSeek-V2"),
    ("is R1 newer than V3? like jan 2025 vs dec 2024?", "Yes — Released later: DeepSeek-R1"),
])
def test_comparison_marks_and_figures_given_after_a_claim(text, line):
    assert verdict_line(text).startswith(line)


@pytest.mark.parametrize(("text", "expected"), [
    ("models >100B", {"deepseek-v2", "deepseek-v3", "deepseek-r1"}),
    ("which models have > 200B params?", {"deepseek-v2", "deepseek-v3", "deepseek-r1"}),
    ("参数 >600B 的模型", {"deepseek-v3", "deepseek-r1"}),
])
def test_a_comparison_mark_bounds_a_list(text, expected):
    assert parts(text) == [("list", expected, None)]


@pytest.mark.parametrize(("text", "line"), [
    # half of a large unit is a figure; a design is what a model is built as
    ("DeepSeekMath was pretrained on roughly half a trillion tokens — true or nah?", "Yes — "),
    ("deepseekmath trained on half a trillion tokens?", "Yes — "),
    ("DeepSeekMath 用了半万亿 token 训练?", "对,"),
    ("VL2 uses a mixture-of-experts design, correct?", "Yes — DeepSeek-VL2: mixture of experts (MoE)."),
    ("V2 的结构是 MoE 吗", "对,DeepSeek-V2:混合专家 (MoE)。"),
    ("Is V3's design MoE?", "Yes — DeepSeek-V3: mixture of experts (MoE)."),
])
def test_half_a_unit_and_a_design_are_claimed(text, line):
    assert verdict_line(text).startswith(line)


@pytest.mark.parametrize(("text", "expected"), [
    # a model's card asked by a part that does not name it, beside a part that names it and asks a fact of it, is
    # chatter beside that part
    ("不是引战。有人说 6710 亿参数,有人说只用了 370 亿,评论区吵成一锅粥。这俩数字到底是什么关系,V3 的参数量到底应该"
     "怎么说?", [("field", {"deepseek-v3"}, "parameters")]),
    ("回过头想了解一下这个模型的来历:DeepSeek Coder 最早是什么时候提出的?",
     [("field", {"deepseek-coder"}, "released")]),
    ("一直好奇 DeepSeek LLM 的论文标题,挺有意思的一个名字。有没有人记得英文全称是什么?",
     [("field", {"deepseek-llm"}, "paper")]),
])
def test_an_overview_not_named_beside_a_fact_of_the_model(text, expected):
    assert parts(text) == expected


def test_an_overview_asked_of_it_beside_a_fact_stays():
    ENGINE.ask("what's V3?", conversation="overview-it")
    assert parts("tell me about it. and when was it released?", "overview-it") == [
        ("model", {"deepseek-v3"}, None), ("field", {"deepseek-v3"}, "released")]


@pytest.mark.parametrize(("text", "expected"), [
    # a word that says the same as the article's ("对标" beside "持平") is the article's, and checked as such
    ("R1 的性能对标的是哪个模型?", [("field", {"deepseek-r1"}, "features")]),
    ("R1 的性能对标的是哪个模型?另外它训练到底花了多少钱",
     [("field", {"deepseek-r1"}, "features"), ("none", set(), None)]),
    ("R1 是对标 o1 的吗", [("field", {"deepseek-r1"}, "features")]),
])
def test_a_word_that_says_the_same_as_the_article(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a family word opening the part, with a fact of it asked, is the model ("which LLM is biggest" stays a rank)
    ("LLM 有多少参数?", [("field", {"deepseek-llm"}, "parameters")]),
    ("llm paper title?", [("field", {"deepseek-llm"}, "paper")]),
    ("llm when released", [("field", {"deepseek-llm"}, "released")]),
])
def test_a_family_word_opening_a_fact_asked(text, expected):
    assert parts(text) == expected
    assert parts("which LLM is the biggest?")[0][0] == "list"


@pytest.mark.parametrize("text", [
    # "still fails" told with no question mark is the problem's, not a claim checked with "or not"
    "用 transformers 加载 deepseek-moe-16b-base 的时候报错,加了 trust_remote_code=True 还是不行,这个怎么解决?",
    "装了最新版 ollama 跑 R1 还是不行,咋办",
    "loading V2 in vllm, set trust_remote_code and it still doesn't work, any fix?",
])
def test_still_failing_is_the_problem_told(text):
    assert [p[0] for p in parts(text)] == ["none"]


def test_or_not_with_a_question_mark_still_checks():
    assert parts("R1 能生成图片,还是不行?") == [("field", {"deepseek-r1"}, "features")]


@pytest.mark.parametrize(("text", "expected"), [
    # what the question leaves aside, after it in its sentence, is no question of its own
    ("what was the actual significance of DeepSeek-R1, beyond being yet another strong reasoning model?",
     [("field", {"deepseek-r1"}, "significance")]),
    ("what does V3 do, other than being big?", [("field", {"deepseek-v3"}, "features")]),
    ("what's special about Janus-Pro, apart from making images?", [("field", {"janus-pro"}, "features")]),
])
def test_what_a_question_leaves_aside(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("turns", "expected"), [
    # "the original X" names X (the first of its family), it ranks nothing
    (["what's special about DeepSeek-Coder-V2?", "and the original Coder, when was that one released?"],
     [("field", {"deepseek-coder"}, "released")]),
    (["what changed between the original DeepSeek Coder and Coder V2?"],
     [("compare", {"deepseek-coder", "deepseek-coder-v2"}, None)]),
    (["between the original deepseek coder and coder v2, which one is the MoE one?"],
     [("compare", {"deepseek-coder", "deepseek-coder-v2"}, None)]),
])
def test_the_original_names_a_model(turns, expected):
    conversation = "original-" + turns[0]
    for turn in turns[:-1]:
        ENGINE.ask(turn, conversation=conversation)
    assert parts(turns[-1], conversation) == expected
    assert "Not ranked" not in to_text(ENGINE.ask(turns[-1]).reply)


@pytest.mark.parametrize(("text", "expected"), [
    # "and the like" after an example, and a technique (技巧), are words of a features question
    ("V3 用了啥 training 技巧 比如 FP8 之类的", [("field", {"deepseek-v3"}, "features")]),
    ("R1 有什么训练技巧", [("field", {"deepseek-r1"}, "features")]),
    ("R1 有什么特点,比如推理之类的", [("field", {"deepseek-r1"}, "features")]),
    ("what tricks does V3 use, like FP8 etc?", [("field", {"deepseek-v3"}, "features")]),
])
def test_and_the_like_and_techniques(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "line"), [
    # billions or a fortune spent is the opposite of R1's low cost (never a parameter count)
    ("R1 cost billions?", "No — DeepSeek-R1: low cost."),
    ("R1 是不是很烧钱", "不对,DeepSeek-R1:低成本。"),
    ("did R1 cost a fortune?", "No — DeepSeek-R1: low cost."),
])
def test_a_fortune_spent_is_no_low_cost(text, line):
    assert verdict_line(text) == line



@pytest.mark.parametrize(("text", "expected"), [
    # Cantonese question words, once Simplified
    ("deepseek-vl2是咩嚟㗎", [("model", {"deepseek-vl2"}, None)]),
    ("請問 deepseek coder 係邊日發佈", [("field", {"deepseek-coder"}, "released")]),
    ("R1 係咩", [("model", {"deepseek-r1"}, None)]),
])
def test_cantonese_what_and_which_day(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the last question announced: "last" ranks nothing there
    ("感谢楼上各位的解答❤️ 最后再问一个:DeepSeek 哪个模型是最早发布的?", {"deepseek-coder"}),
    ("one last question: which model came out first?", {"deepseek-coder"}),
    ("lastly, which is the oldest model?", {"deepseek-coder"}),
    ("最后问一下,哪个模型参数最多", {"deepseek-v3"}),
])
def test_the_last_question_announced(text, expected):
    assert parts(text) == [("list", expected, None)]
    assert parts("which model was released last?") == [("list", {"janus-pro"}, None)]


@pytest.mark.parametrize(("text", "line"), [
    # text and nothing else is the opposite of vision; "是…做底座的?" states the relation it asks
    ("Janus-Pro is text only, right?", "No — Janus-Pro: vision / multimodal."),
    ("VL2 只能处理文字吧", "不对,DeepSeek-VL2:视觉 / 多模态。"),
    ("DeepSeekMath 是拿 Coder v1.5 7B 做底座的?", "对,DeepSeekMath:以 DeepSeek-Coder-v1.5 7B 为基础。"),
    ("Math 是在 Coder v1.5 上训出来的?", "对,DeepSeekMath:以 DeepSeek-Coder-v1.5 7B 为基础。"),
    ("DeepSeekMath 是基于 V2 的?", "不对,DeepSeekMath:以 DeepSeek-Coder-v1.5 7B 为基础。"),
])
def test_text_only_and_a_relation_said_to_be_so(text, line):
    assert verdict_line(text) == line


@pytest.mark.parametrize(("text", "verdict"), [
    # whole months are counted (V2 to V3 is 7.65 months: "seven months" and "eight" hold, "six" does not); a year is
    # 9 to 18 months; "大半年" is more than half a year
    ("V3 比 V2 晚了七个月才发布", "对,"),
    ("V3 came out 8 months after V2?", "Yes — "),
    ("V3 came out six months after V2?", "No — "),
    ("V3 比 V2 晚了一年吧", "不对,"),
    ("V3 came a year after V2?", "No — "),
    ("V3 比 V2 晚了大半年,是吧", "对,"),
])
def test_months_counted_whole_and_a_year(text, verdict):
    assert verdict_line(text).startswith(verdict)


@pytest.mark.parametrize(("turns", "expected"), [
    # "its V2" after a model of a family with versions is that version of the family
    (["tell me about DeepSeek Coder", "那它的 V2 版呢?"], [("model", {"deepseek-coder-v2"}, None)]),
    (["what is Coder?", "and its v2?"], [("model", {"deepseek-coder-v2"}, None)]),
    (["DeepSeek Coder 什么时候出的", "它的 V2 版本呢,论文叫什么"],
     [("field", {"deepseek-coder-v2"}, "released"), ("field", {"deepseek-coder-v2"}, "paper")]),
    (["what is V3?", "and its v2?"], [("model", {"deepseek-v2"}, None)]),
])
def test_its_version_is_of_its_family(turns, expected):
    conversation = "its-version-" + turns[0]
    ENGINE.ask(turns[0], conversation=conversation)
    assert parts(turns[1], conversation) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the count asked again with no noun is the same fact, of the model it names
    ("how many params does V2 have, how many does V3 have?",
     [("field", {"deepseek-v2"}, "parameters"), ("field", {"deepseek-v3"}, "parameters")]),
    ("V2 有多少参数?V3 有多少?", [("field", {"deepseek-v2"}, "parameters"), ("field", {"deepseek-v3"}, "parameters")]),
    ("how many active params does V3 have? how many does R1 have?",
     [("field", {"deepseek-v3"}, "parameters"), ("field", {"deepseek-r1"}, "parameters")]),
])
def test_the_count_asked_again(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an attachment pasted ("[图片]") is no word of the message; how the answer should be put is chatter; "what
    # struck me … is" tells, it asks nothing
    ("[图片] 群里有没有人知道 VL2 是哪天出的?", [("field", {"deepseek-vl2"}, "released")]),
    ("[image] when was VL2 released?", [("field", {"deepseek-vl2"}, "released")]),
    ("【图片】R1 多大", [("field", {"deepseek-r1"}, "parameters")]),
    ("为啥大家都说 R1 改变了全球 AI 格局?它的意义到底在哪?求个通俗点的解释",
     [("field", {"deepseek-r1"}, "significance")]),
    ("用大白话讲讲 R1 的意义", [("field", {"deepseek-r1"}, "significance")]),
    ("What surprised me about R1 is the low cost. when was it released?", [("field", {"deepseek-r1"}, "released")]),
])
def test_attachments_style_requests_and_what_struck_me(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize("text", [
    # a size after another company's model is that model's ("Llama 2 70B"), no figure claimed of the one asked about;
    # "when" before a doing joins a clause, it asks no date
    "有没有 V 友比较过 Qwen2.5-72B 和 DeepSeek-V3 的中文写作?",
    "is V3 better than Llama 2 70B?",
    "R1 比 Qwen2.5-72B 强吗",
    "Startup crashes with an NCCL error when serving DeepSeek-R1. Any pointers on multi-node config?",
    "R1 crashes when serving on vllm, any fix?",
])
def test_other_models_sizes_and_when_doing(text):
    assert [p[0] for p in parts(text)] == ["none"]
    assert parts("when was R1 released?") == [("field", {"deepseek-r1"}, "released")]


@pytest.mark.parametrize(("turns", "expected"), [
    # the versions of the model talked about: its sizes, no count of models ("which models use it" still lists)
    (["群里都在聊 Janus-Pro。想问下它一共出了几个版本,分别多大?"], [("field", {"janus-pro"}, "parameters")]),
    (["tell me about R1", "它一共有几个版本"], [("field", {"deepseek-r1"}, "parameters")]),
    (["tell me about Janus-Pro", "how many versions does it have?"], [("field", {"janus-pro"}, "parameters")]),
])
def test_the_versions_of_the_model_talked_about(turns, expected):
    conversation = "versions-" + turns[0]
    for turn in turns[:-1]:
        ENGINE.ask(turn, conversation=conversation)
    assert parts(turns[-1], conversation) == expected
    assert parts("一共有几个模型")[0][0] == "list"


@pytest.mark.parametrize(("text", "line"), [
    # the one who said it doubted after "or" ("or is he just hyping it?") still checks what he said
    ("My coworker swears DeepSeek-Coder-V2 is open source. Is that actually true or is he just hyping it?",
     "Yes — DeepSeek-Coder V2: open source."),
    ("my friend says R1 is open source. true or is he exaggerating?", "Yes — DeepSeek-R1: open source."),
    ("同事说 V3 是 671B 的,真的还是他在吹?", "对,DeepSeek-V3:总参数高达 6710 亿(671B),每 token 激活 370 亿(37B)参数。"),
])
def test_the_one_who_said_it_doubted(text, line):
    assert verdict_line(text) == line


@pytest.mark.parametrize(("text", "line"), [
    # the points just made, checked together ("这两点都对吧?", "are both right?")
    ("DeepSeek-V2 发布于 2024 年 5 月,总参数 2360 亿,这两点都对吧?", "对,DeepSeek-V2:总参数达到 2360 亿(236B)。"),
    ("V2 came out in May 2024 and has 236B params. are both right?",
     "Yes — DeepSeek-V2: 236 billion (236B) parameters in total."),
    ("V3 是 671B,12 月发布,都对吗", "对,DeepSeek-V3:总参数高达 6710 亿(671B),每 token 激活 370 亿(37B)参数。"),
])
def test_the_points_just_made_checked_together(text, line):
    assert verdict_line(text) == line
    assert parts("V3 的知识截止时间是什么时候?问它 24 年下半年的事都不知道")[0][0] == "none"


@pytest.mark.parametrize(("text", "line"), [
    # one encoder for both is the opposite of the article's decoupled encoding; the sentence quoted is the one that
    # says the opposite
    ("I read that Janus-Pro uses one shared visual encoder for both understanding and generation. true?",
     "No — what the article says of Janus-Pro: “It decouples visual encoding"),
    ("Janus-Pro 理解和生成共用一个编码器吗", "不对,文章对 Janus-Pro 的说法是:“通过将视觉编码解耦为"),
    ("does Janus-Pro use a single encoder for understanding and generation?",
     "No — what the article says of Janus-Pro: “It decouples visual encoding"),
])
def test_a_shared_encoder_is_refuted_by_the_decoupled_one(text, line):
    assert verdict_line(text).startswith(line)


@pytest.mark.parametrize("text", [
    # a workaround or a way asked for, to do something with a model, is how-to ("is there a way to tell which …"
    # asks no such thing)
    "is there a workaround to run R1 on 8GB?",
    "any way to load V3 in bf16?",
    "When loading DeepSeek-V3 I get a ValueError. Is there a workaround to load the weights in bf16?",
])
def test_a_workaround_asked_for_is_how_to(text):
    assert [p[0] for p in parts(text)] == ["none"]
    assert parts("is there a way to tell which model is the newest?")[0][0] == "list"


@pytest.mark.parametrize(("text", "expected"), [
    # a sentence a full stop ends that tells something: what it says by its words beside a question is told too
    ("For those saying DeepSeek came out of nowhere: their first public model was DeepSeek Coder, back in late 2023. "
     "What was its paper called?", [("field", {"deepseek-coder"}, "paper")]),
    ("楼主是写后端的,最近被 DeepSeek 刷屏了,就自己整理了一下时间线。DeepSeek Coder 和 DeepSeek LLM 都是 2023 年 "
     "11 月出的,到底哪个先出来?", [("compare", {"deepseek-coder", "deepseek-llm"}, None)]),
    ("I was reading about the newest models last night. What's Janus-Pro's paper called?",
     [("field", {"janus-pro"}, "paper")]),
])
def test_what_a_stated_sentence_says_beside_a_question(text, expected):
    assert parts(text) == expected
    # (a fragment asked by its words, alone in its sentence, is still asked)
    assert parts("V3 release date. Also, is R1 open source?") == [
        ("field", {"deepseek-v3"}, "released"), ("field", {"deepseek-r1"}, "features")]



@pytest.mark.parametrize(("first", "other", "left"), [
    # a pick among the models named in the question itself: "the other one" is then the one it did not pick
    ("VL2 or Janus-Pro, which one can actually generate images from text?", "what's the other one's paper?",
     "deepseek-vl2"),
    ("V2 or V3, which one is open source?", "and the other one's paper?", "deepseek-v3"),
    ("V2 和 V3 哪个是开源的", "另一个的论文呢", "deepseek-v3"),
])
def test_the_other_one_after_a_pick_among_the_named(first, other, left):
    conversation = "other-after-pick-" + first
    ENGINE.ask(first, conversation=conversation)
    assert parts(other, conversation) == [("field", {left}, "paper")]


@pytest.mark.parametrize("text", [
    # a version of the software to move to is troubleshooting ("what version is V3" asks no such thing)
    "llama.cpp 加载 DeepSeek-R1-Distill-Qwen-7B 的 gguf 报错。版本是上个月的 release,要升级到哪个版本?",
    "which version of vllm should I upgrade to for V3?",
    "R1 要升级到哪个版本的 ollama 才能跑",
])
def test_a_version_to_upgrade_to_is_troubleshooting(text):
    assert [p[0] for p in parts(text)] == ["none"]
    assert parts("what version is V3")[0][0] == "field"


@pytest.mark.parametrize("text", [
    # a claim that goes on against what it said first, after "but", is one claim checked
    "据说 V3 虽然总参数很大,但每个 token 只激活 37B?",
    "听说 V3 很大,但只激活 37B?",
    "据说 V3 总参数很大,但每个 token 只激活 37B?",
])
def test_a_claim_going_on_after_but(text):
    assert verdict_line(text) == "对,DeepSeek-V3:总参数高达 6710 亿(671B),每 token 激活 370 亿(37B)参数。"
    # ("and also tell me about …" after a claim is a question of its own)
    assert len(parts("deepseek llm came out in november 2023 right and also tell me about janus pro")) == 2


@pytest.mark.parametrize(("text", "line"), [
    # a claim passed on that goes on to its question mark is one claim; denying a kind the article gives the model
    # is answered no, whatever topic beyond the article it adds
    ("听说 R1 其实是闭源的,只能调 API?", "不对,DeepSeek-R1:开源。"),
    ("听说 V2 是闭源的,只有 API?", "不对,DeepSeek-V2:开源。"),
    ("heard R1 is closed source, only through the API?", "No — DeepSeek-R1: open source."),
])
def test_a_claim_going_on_to_its_question_mark(text, line):
    assert verdict_line(text) == line


@pytest.mark.parametrize(("text", "line"), [
    # a year said relative to now ("去年 12 月") gives no year: the month is claimed, of any year
    ("V3 是去年 12 月发的吧", "对,DeepSeek-V3:2024 年 12 月 26 日。"),
    ("R1 是今年 1 月 20 号发布的吗", "对,DeepSeek-R1:2025 年 1 月 20 日。"),
    ("Coder V2 是去年 6 月 release 的对吧?", "文章没有说:DeepSeek-Coder V2 的提出时间未明确公开。"),
])
def test_a_month_of_a_year_said_relative_to_now(text, line):
    assert verdict_line(text) == line
    assert parts("2024年12月发布的模型") == [("list", {"deepseek-v3"}, None)]


@pytest.mark.parametrize(("text", "line"), [
    # one size claimed with no figure: the model's own total as its only figure ("7b-chat 是 LLM 的一个版本" is
    # no such claim)
    ("DeepSeek LLM 只有一个版本吧", "不对,DeepSeek LLM:参数规模达 670 亿(67B),拥有 7B 和 67B 的 base 及 chat 版本。"),
    ("does DeepSeek LLM come in one size only?",
     "No — DeepSeek LLM: a parameter scale of 67 billion (67B), with base and chat versions at 7B and 67B."),
    ("does V2 come in one size?", "Yes — DeepSeek-V2: 236 billion (236B) parameters in total."),
])
def test_one_size_claimed(text, line):
    assert verdict_line(text) == line
    assert not verdict_line("deepseek-llm-7b-chat 是 DeepSeek LLM 的一个版本对吧").startswith("不对")


@pytest.mark.parametrize(("text", "line"), [
    # an A-not-A question asks; its second half is no negation, nor an opposite of the tag ("开不开源"), and the
    # Cantonese one ("可唔可以") is read as Mandarin's
    ("R1 开不开源", "对,DeepSeek-R1:开源。"),
    ("R1 到底开唔开源啊", "对,DeepSeek-R1:开源。"),
    ("Janus pro 可唔可以 generate image 呀", "对,Janus-Pro:图像生成。"),
    ("Janus-Pro 识唔识画图", "对,Janus-Pro:图像生成。"),
    ("V3 係唔係 MoE 架構㗎?", "对,DeepSeek-V3:混合专家 (MoE)。"),
])
def test_an_a_not_a_question_asks_and_negates_nothing(text, line):
    assert verdict_line(text) == line
    assert verdict_line("R1 是不是闭源的").startswith("不对")  # (what follows the A-not-A is still claimed)


@pytest.mark.parametrize(("text", "expected"), [
    # Cantonese question words: why, what, not have
    ("R1 點解咁 hit?有乜 significance", [("field", {"deepseek-r1"}, "significance")]),
    ("V2 有乜特別", [("field", {"deepseek-v2"}, "features")]),
    ("Math 冇論文?", [("field", {"deepseek-math"}, "paper")]),
    # what is special about a model is its features; how many of a thing, said loosely, is the thing
    ("V2 有啥特别之处", [("field", {"deepseek-v2"}, "features")]),
    ("does DeepSeek Coder support multiple programming languages?", [("field", {"deepseek-coder"}, "features")]),
    ("is Coder good at various coding tasks?", [("field", {"deepseek-coder"}, "features")]),
])
def test_cantonese_and_loose_words_of_a_field(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize("text", [
    # why a model drew attention is what it meant
    "ELI5: why is everyone freaking out about DeepSeek R1??", "why is R1 so popular", "why is R1 such a hit?",
    "why did R1 suddenly go viral", "为什么大家都在讨论 R1", "R1 怎么突然爆火了", "R1 为啥这么出圈",
    "R1 为什么这么轰动",
])
def test_why_a_model_drew_attention_is_its_significance(text):
    assert parts(text) == [("field", {"deepseek-r1"}, "significance")]


@pytest.mark.parametrize(("text", "expected"), [
    # being asked to look a fact up asks it, wherever it stands, and a bare "tell me" after it asks nothing more
    ("@DeepSeekBot 你好呀,我老板让我查一下 V3 的参数量,麻烦告诉我一下,谢谢!", ("deepseek-v3", "parameters")),
    ("my boss asked me to look up V3's parameter count, could you tell me?", ("deepseek-v3", "parameters")),
    ("my manager wants me to find out when R1 came out. can anyone tell me?", ("deepseek-r1", "released")),
    ("老师让我查查 Janus-Pro 的论文叫什么", ("janus-pro", "paper")),
])
def test_being_asked_to_look_a_fact_up_asks_it(text, expected):
    model, fact = expected
    assert parts(text) == [("field", {model}, fact)]


@pytest.mark.parametrize(("text", "line"), [
    # doubting what was just said in so many words checks it, as does the tag after it
    ("R1 is closed source. that's not right, is it?", "No — DeepSeek-R1: open source."),
    ("R1 is closed source. that's wrong, isn't it?", "No — DeepSeek-R1: open source."),
    ("听说 R1 是闭源的,这不对吧?", "不对,DeepSeek-R1:开源。"),
    # "closed", said of a model, is closed source
    ("R1 is closed, right?", "No — DeepSeek-R1: open source."),
    ("heard V2 is still closed, true?", "No — DeepSeek-V2: open source."),
])
def test_doubting_what_was_said_checks_it(text, line):
    assert verdict_line(text) == line
    assert not verdict_line("V3 closed the gap with GPT-4o, right?").startswith("No")


@pytest.mark.parametrize(("text", "line"), [
    # the asker's reason for a claim is no more of the claim
    ("pretty sure R1 is a bigger model than V3, it's the newer flagship after all", "No — Larger: DeepSeek-V3"),
    ("我很确定 R1 比 V3 大,毕竟是新的旗舰", "不对,更大的是 DeepSeek-V3"),
    ("V3 比 V2 大吧,因为是新一代", "对,更大的是 DeepSeek-V3"),
])
def test_the_reason_for_a_claim_is_not_claimed(text, line):
    assert verdict_line(text).startswith(line)


@pytest.mark.parametrize(("text", "verdict"), [
    # an amount said loosely, and a doubt that there is more to it
    ("so R1 was basically just SFT on a mountain of human-labelled data, nothing special?", "No"),
    ("R1 needed piles of labeled data, right?", "No"),
    ("R1 used hardly any labeled data, right?", "Yes"),
    ("R1 几乎没有用标注数据?", "对"),
])
def test_amounts_said_loosely_are_claimed(text, verdict):
    assert verdict_line(text).startswith(verdict)


@pytest.mark.parametrize(("text", "reason"), [
    # a topic before the name of whose it is ("license for the V3 weights"), with "it" asked after it
    ("license for the deepseek-v3 weights — can I ship it inside a paid SaaS product?", "topic:licence"),
    ("what's the license on the V3 weights, can I use it commercially?", "topic:licence"),
    # which company makes the models
    ("DeepSeek 是哪家公司做的?", "topic:company"), ("which company makes DeepSeek?", "topic:company"),
    ("who is behind DeepSeek?", "topic:company"),
    # editors and their extensions are tools a model runs in
    ("Is DeepSeek supported in the Continue extension for VS Code?", "act:howto"),
    ("is there a vscode plugin for deepseek coder?", "act:howto"),
    ("有没有 JetBrains 插件可以用 Coder V2", "act:howto"),
])
def test_what_the_article_does_not_hold_is_declined_by_name(text, reason):
    assert [a.query.reason for a in each(ENGINE.ask(text))] == [reason]


@pytest.mark.parametrize("text", [
    # what is said around a problem reported, with no question form and no model named, is the problem's context
    "为啥我用 LM Studio 加载 Janus-Pro-7B 一直报 unsupported architecture?版本已经是最新的了",
    "ollama run deepseek-r1 fails with an error. I'm on the newest version already",
    "V3 在 vLLM 里跑报错,显卡是最新的 H100",
])
def test_what_is_said_around_a_problem_is_its_context(text):
    assert parts(text) == [("none", set(), None)]


@pytest.mark.parametrize(("text", "expected"), [
    # the lineage from one named model to another, in the article's order, both counted
    ("从 V2 一直到 R1 的模型有哪些",
     ["deepseek-v2", "deepseek-math", "deepseek-coder-v2", "deepseek-vl2", "deepseek-v3", "deepseek-r1"]),
    ("list everything from V2 through V3", ["deepseek-v2", "deepseek-math", "deepseek-coder-v2", "deepseek-vl2",
                                            "deepseek-v3"]),
    ("有没有人整理过 DeepSeek 出过的全部模型?从最早的 Coder 一直到 Janus-Pro 那种,周五组会要做个分享",
     [m.id for m in ENGINE.kb.models]),
])
def test_a_stretch_of_the_lineage_is_listed_in_the_article_s_order(text, expected):
    (answer,) = each(ENGINE.ask(text))
    assert (answer.query.intent, list(answer.query.models)) == ("list", expected)


@pytest.mark.parametrize("text", [
    # what changed from one to the other, or a fact of both, is not the stretch between them
    "from V2 to V3, what changed?", "从 V2 到 V3 有什么变化",
])
def test_what_changed_from_one_model_to_another_compares_them(text):
    assert parts(text) == [("compare", {"deepseek-v2", "deepseek-v3"}, None)]
    assert parts("从 V2 到 V3 隔了多久")[0][0] == "compare"


@pytest.mark.parametrize(("text", "expected"), [
    # numbered items are questions of their own, each asked of the model named before them or of "it"
    ("Three things: 1) release date of DeepSeek Coder 2) its paper title 3) is it open source?",
     [("deepseek-coder", "released"), ("deepseek-coder", "paper"), ("deepseek-coder", "features")]),
    ("V3: 1) params 2) release date 3) is it MoE?",
     [("deepseek-v3", "parameters"), ("deepseek-v3", "released"), ("deepseek-v3", "features")]),
    ("R1 问三个:1. 发布时间 2. 论文标题 3. 开源吗",
     [("deepseek-r1", "released"), ("deepseek-r1", "paper"), ("deepseek-r1", "features")]),
    ("关于 Janus-Pro:① 发布日期 ② 参数量", [("janus-pro", "released"), ("janus-pro", "parameters")]),
])
def test_numbered_items_are_questions_of_their_own(text, expected):
    assert parts(text) == [("field", {model}, fact) for model, fact in expected]


@pytest.mark.parametrize(("text", "line"), [
    # a picture made from a prompt is image generation
    ("my friend insists janus-pro can draw a picture straight from a text prompt. real or cap?",
     "Yes — Janus-Pro: image generation."),
    ("Janus-Pro 能出图吗", "对,Janus-Pro:图像生成。"),
    ("janus pro 能不能生图", "对,Janus-Pro:图像生成。"),
])
def test_a_picture_from_a_prompt_is_image_generation(text, line):
    assert verdict_line(text) == line


@pytest.mark.parametrize("text", [
    # how fast a model runs is beyond the article, however asked
    "janus pro 出图快吗", "janus pro 生成图片快吗", "is R1 slow?", "how fast is V3", "V3 有多快",
])
def test_how_fast_a_model_runs_is_declined(text):
    assert parts(text) == [("none", set(), None)]
    assert parts("DeepSeek 发展得很快,V3 是什么时候发布的") == [("field", {"deepseek-v3"}, "released")]


@pytest.mark.parametrize("text", [
    # having lost track is told of oneself: the date in it is no question
    "Been out of the loop since like mid 2023. Which DeepSeek models came out in 2025?",
    "好久没关注了,从 2023 年中开始就没看过。2025 年出了哪些模型?",
    "lost track since early 2024 tbh. which models came out in 2025?",
])
def test_having_lost_track_is_told(text):
    assert parts(text) == [("list", {"deepseek-r1", "janus-pro"}, None)]


@pytest.mark.parametrize(("text", "expected"), [
    # what a model can help with is its features, and with math or code, its being strong at it
    ("大家晚上好~ 我是写前端的,对 AI 不太懂,想问问 DeepSeek Coder 主要能帮我干啥?先谢过各位大佬 🙏",
     [("field", {"deepseek-coder"}, "features")]),
    ("what can DeepSeek Coder help me with?", [("field", {"deepseek-coder"}, "features")]),
    ("Janus-Pro 能帮我做什么", [("field", {"janus-pro"}, "features")]),
])
def test_what_a_model_helps_with_is_its_features(text, expected):
    assert parts(text) == expected
    assert verdict_line("can R1 help with math?") == "Yes — DeepSeek-R1: strong at math."


@pytest.mark.parametrize(("text", "expected"), [
    # names listed beside a question of some of them are its ground, not a comparison of their own
    ("tbh the naming is confusing af. DeepSeek-V2, DeepSeek-Coder-V2, DeepSeek-VL2... are V2 and Coder-V2 the same "
     "thing with a different name? what's actually different between them?", {"deepseek-v2", "deepseek-coder-v2"}),
    ("V2, V3, R1 — which of V3 and R1 is bigger?", {"deepseek-v3", "deepseek-r1"}),
])
def test_names_listed_beside_a_question_of_some_of_them(text, expected):
    assert parts(text) == [("compare", expected, None)]
    assert parts("V2 and V3? which is bigger") == [("compare", {"deepseek-v2", "deepseek-v3"}, None)]


@pytest.mark.parametrize(("text", "lines"), [
    # a count activated per token the article does not give, beside the total it gives
    ("V2 activates 21B params per token, right?",
     ["The article does not say: DeepSeek-V2's number of parameters activated per token is not disclosed.",
      "What it gives: 236 billion (236B) parameters in total."]),
    ("V2 每个 token 激活 21B 参数,对吧",
     ["文章没有说:DeepSeek-V2 的每 token 激活的参数量未明确公开。", "文章给出的是:总参数达到 2360 亿(236B)。"]),
])
def test_an_activated_count_not_given_beside_the_total(text, lines):
    assert to_text(ENGINE.ask(text).reply).splitlines()[2:4] == lines


@pytest.mark.parametrize(("text", "expected"), [
    # names a joining word opens in the next sentence ask again, of their own
    ("tell me about janus. plus r1 or janus pro, which came out first",
     [("none", set(), None), ("compare", {"deepseek-r1", "janus-pro"}, None)]),
    ("what came out in dec 2024? and deepseek math model",
     [("list", {"deepseek-v3"}, None), ("model", {"deepseek-math"}, None)]),
    # models asked for beside a problem reported are asked, not the problem's context
    ("where can i download r1 weights — oh and models that don't use moe",
     [("none", set(), None), ("list", {"deepseek-coder", "deepseek-llm", "deepseek-math", "deepseek-r1", "janus-pro"},
                              None)]),
])
def test_a_joining_word_opens_a_question_of_its_own(text, expected):
    assert parts(text) == expected
    assert parts("which is bigger? V2 or V3") == [("compare", {"deepseek-v2", "deepseek-v3"}, None)]


@pytest.mark.parametrize(("text", "expected"), [
    # what a person is going to do is their story, not a future of the models
    ("my boss is gonna ask me about this later and i wanna sound smart what is deepseek-v3 good at",
     [("field", {"deepseek-v3"}, "features")]),
    ("I'm going to use R1 for my thesis, is it open source?", [("field", {"deepseek-r1"}, "features")]),
    ("我打算用 R1 写个插件,它开源吗", [("field", {"deepseek-r1"}, "features")]),
    # a plea for help asks nothing, nor does the particle after it
    ("刚入群,有点懵V3 和 V2 哪个参数多? 救救孩子吧😭", [("compare", {"deepseek-v3", "deepseek-v2"}, None)]),
    ("someone help me out here, when was R1 released?", [("field", {"deepseek-r1"}, "released")]),
])
def test_a_person_s_plans_and_pleas_are_chatter(text, expected):
    assert parts(text) == expected
    assert [a.query.reason for a in each(ENGINE.ask("are they gonna open source R1 fully?"))] == ["act:future"]
    assert [a.query.reason for a in each(ENGINE.ask("他们打算开源 V3 的训练代码吗"))] == ["act:future"]  # (their plans)


@pytest.mark.parametrize(("text", "line"), [
    # two models said to be the same size: their totals, and the gap between them
    ("群友说 R1 有 671B 参数,跟 V3 一样大,对吗?", "不对,DeepSeek-V3 的总参数比 DeepSeek-R1 多 11B(671B 对 660B)"),
    ("are V3 and R1 the same size?", "No — DeepSeek-V3 has 11B more parameters in total than DeepSeek-R1"),
    ("is R1 as big as V3?", "No — DeepSeek-V3 has 11B more parameters in total than DeepSeek-R1"),
    ("Coder 和 Coder V2 一样大吗", "文章没有说:DeepSeek Coder 的参数量未明确公开。"),
])
def test_two_models_said_to_be_the_same_size(text, line):
    assert verdict_line(text).startswith(line)
    # (a comparison asked, then checked, is one question: the check)
    assert len(parts("V3 vs R1 parameter count — are they the same size?")) == 1


@pytest.mark.parametrize(("text", "line"), [
    # a claim passed on by "my …" or "我…" someone, then doubted in so many words, gets its verdict
    ("我导师说 V3 比 R1 晚发布,我觉得他记反了?", "不对,发布更晚的是 DeepSeek-R1"),
    ("群里有人说 DeepSeekMath 是在 V3 的基础上训出来的,我怎么记得不是这样", "不对,DeepSeekMath:以 DeepSeek-Coder-v1.5"),
    ("Someone told me DeepSeek-VL2 was released in March 2024. Can you confirm that date?",
     "The article does not say: DeepSeek-VL2's release date is not disclosed."),
    ("my professor said in lecture today that DeepSeek-V3 is a dense 671B model, not a mixture of experts. that "
     "doesn't sound right to me??", "No — not all of that is so:"),
    ("朋友圈有人转发:'DeepSeek-V3 训练用的是 FP8 混合精度'。这是真的还是营销号瞎编的", "对,DeepSeek-V3:FP8"),
    ("my friend told me yesterday that R1 is closed source, true?", "No — DeepSeek-R1: open source."),
])
def test_a_claim_passed_on_and_doubted(text, line):
    assert verdict_line(text).startswith(line)


def test_what_the_asker_was_asked_to_do_passes_nothing_on():
    text = ("各位大佬,我导师让我读 DeepSeek 讲 MoE 的那篇,说是讲专家专门化的,但我一搜出来好几篇标题都带 "
            "Mixture-of-Experts,V2 的也有 VL2 的也有。DeepSeekMoE 那篇论文的全名叫什么来着")
    assert parts(text) == [("field", {"deepseek-moe"}, "paper")]


@pytest.mark.parametrize(("text", "expected"), [
    # "it" after a list in the same message is the one model talked about before the list
    ("1. what is DeepSeekMoE\n2. which models use MoE\n3. what's its paper", ("field", {"deepseek-moe"}, "paper")),
    ("tell me about R1. which models are open source? and its release date?", ("field", {"deepseek-r1"}, "released")),
])
def test_it_after_a_list_is_the_one_model_before_it(text, expected):
    assert parts(text)[-1] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a launch as the time of what else is asked, and what was new, are its features
    ("what was new about DeepSeek Coder when it launched?", [("field", {"deepseek-coder"}, "features")]),
    ("V3 刚发布的时候有什么亮点", [("field", {"deepseek-v3"}, "features")]),
    ("what's new about Janus-Pro?", [("field", {"janus-pro"}, "features")]),
])
def test_what_was_new_at_launch_is_its_features(text, expected):
    assert parts(text) == expected
    assert parts("V3 是什么时候发布的") == [("field", {"deepseek-v3"}, "released")]


def test_the_two_of_them_take_no_count():
    """"它们俩" is "the two of them": the models talked about, not the top two."""
    ENGINE.ask("DeepSeek LLM 参数多大", conversation="two-of-them")
    ENGINE.ask("那 R1 呢", conversation="two-of-them")
    assert parts("它们俩谁先出的", conversation="two-of-them") == [("compare", {"deepseek-llm", "deepseek-r1"}, None)]


@pytest.mark.parametrize(("text", "expected"), [
    # a fact asked of no model around words of no question, just after the asker told of one model
    ("I remember DeepSeek Coder dropping in late 2023 and being shockingly good at completion. Does anyone have the "
     "exact release date?", ("deepseek-coder", "released")),
    ("I've been reading about V3 all week. anyone know the paper title?", ("deepseek-v3", "paper")),
    ("我最近在研究 R1。有人知道论文标题吗", ("deepseek-r1", "paper")),
])
def test_a_fact_asked_of_the_one_model_just_told_of(text, expected):
    model, fact = expected
    assert parts(text) == [("field", {model}, fact)]


@pytest.mark.parametrize("text", [
    # whether that is what is claimed or stated for a model checks the claim before it
    "Someone in my team's Slack insists DeepSeek-Coder-V2 performs on par with GPT-4 Turbo on code tasks. Is that "
    "actually what's claimed for it?",
    "Coder V2 matches GPT4-Turbo on code. is that what's stated for it?",
])
def test_whether_that_is_what_is_claimed_checks_it(text):
    assert verdict_line(text).startswith("Yes — the article says so of DeepSeek-Coder V2")


def test_when_before_a_noun_of_doing_asks_no_date():
    assert [a.query.reason for a in each(ENGINE.ask("when inference, how much memory does R1 need?"))] == [
        "topic:running"]


@pytest.mark.parametrize(("text", "expected"), [
    # how well it should be told asks nothing more ("靠谱地总结一下", "accurately sum up")
    ("有没有人能靠谱地总结一下 DeepSeek-V3 的技术特色都有哪些", [("field", {"deepseek-v3"}, "features")]),
    ("can someone accurately sum up what R1 is good at?", [("field", {"deepseek-r1"}, "features")]),
    # a spaced hyphen before a question word parts the clauses
    ("Before I die on this hill though - what did DeepSeek-Coder-V2 actually achieve relative to the closed models?",
     [("field", {"deepseek-coder-v2"}, "significance")]),
    ("DeepSeek - R1 release date", [("field", {"deepseek-r1"}, "released")]),
    # "which I'm pretty sure is …" is the asker's remark
    ("Which of DeepSeek's models are multimodal? someone throws R1 into the list, which I'm pretty sure is text only.",
     [("list", {"deepseek-vl2", "janus-pro"}, None)]),
])
def test_manners_dashes_and_remarks(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "line"), [
    # a title quoted in full with words of its own is another title
    ("R1 的论文标题是《DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Supervised Fine-Tuning》对吧",
     "不对,文章对 DeepSeek-R1 的说法是:"),
    ("is R1's paper titled 'DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Human Feedback'?",
     "No — what the article says of DeepSeek-R1:"),
    ("R1 的论文标题是《DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning》对吧",
     "对,文章是这样说 DeepSeek-R1 的:"),
    # who made it up may stand between a doubt and its check, which checks the claim before it
    ("B站有个视频说 DeepSeek Coder 是首个开源代码大模型,这是视频自己编的还是确有其事?",
     "对,文章是这样说 DeepSeek Coder 的:"),
])
def test_quoted_titles_and_doubts(text, line):
    assert verdict_line(text).startswith(line)


@pytest.mark.parametrize(("text", "expected"), [
    # circled numbers are numbered items too, each a question of its own
    ("两个问题:① DeepSeek Coder 什么时候发布的 ② DeepSeek LLM 又是什么时候",
     [("field", {"deepseek-coder"}, "released"), ("field", {"deepseek-llm"}, "released")]),
    ("questions: ① when was V2 out ② how big is V3",
     [("field", {"deepseek-v2"}, "released"), ("field", {"deepseek-v3"}, "parameters")]),
])
def test_circled_numbers_are_items(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "line"), [
    # 是吧 checks the claim before it; a title's "…" ends no sentence
    ("V3 比 V2 晚了大半年才出,是吧", "对,DeepSeek-V3 比 DeepSeek-V2 晚 233 天"),
    ("R1 是开源的,是吧", "对,DeepSeek-R1:开源。"),
    ("DeepSeekMoE 的论文叫《Towards Ultimate Expert Specialization...》是吧", "对,文章是这样说 DeepSeekMoE 的:"),
])
def test_shi_ba_checks_and_titles_end_no_sentence(text, line):
    assert verdict_line(text).startswith(line)


@pytest.mark.parametrize(("text", "expected"), [
    # what is asked of another maker's model, asked again in other words of DeepSeek's, is the question read
    ("Does DeepSeek have anything like GPT-4V, i.e. a model that understands images?",
     [("list", {"deepseek-vl2", "janus-pro"}, None)]),
    ("anything like DALL-E, i.e. something that can generate images?", [("list", {"janus-pro"}, None)]),
])
def test_another_maker_s_model_asked_again_of_deepseek_s(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the asker's guess in brackets is no question of its own
    ("Half the blog posts say 671B, a couple say 685B (I assume that one counts the MTP weights?). What is the total "
     "parameter count of DeepSeek-V3?", [("field", {"deepseek-v3"}, "parameters")]),
    ("R1 是什么时候发布的(我猜是春节前?)", [("field", {"deepseek-r1"}, "released")]),
    ("which model came first (probably Coder?)", [("list", {"deepseek-coder"}, None)]),
])
def test_a_guess_in_brackets_is_no_question(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # what was asked before a question is set aside is told, not asked
    ("看到有人说 V3 训练直接上了 FP8,FP8 不怕精度炸掉吗?这个先放一边,有没有人能总结一下 V3 的技术特色?",
     [("field", {"deepseek-v3"}, "features")]),
    ("is FP8 training stable at all? anyway, that aside, when was V3 released?",
     [("field", {"deepseek-v3"}, "released")]),
    ("does R1 run on a 4090? but I digress. what is R1's paper called?", [("field", {"deepseek-r1"}, "paper")]),
])
def test_what_is_set_aside_is_not_asked(text, expected):
    assert parts(text) == expected


@pytest.mark.parametrize(("text", "line"), [
    # a tag question after a claim checks it, its negation none of the claim's
    ("R1 needed tons of human-labeled data to get good at reasoning, didn't it?", "No — what the article says of"),
    ("V3 came out in 2024, didn't it?", "Yes — DeepSeek-V3: December 26, 2024."),
    ("V2 and V3 are both MoE, aren't they?", "Yes — DeepSeek-V2: mixture of experts (MoE)."),
])
def test_a_tag_question_checks_the_claim(text, line):
    assert verdict_line(text).startswith(line)


@pytest.mark.parametrize("text", [
    # a corpus is the training data the article speaks of
    "DeepSeekMath 的训练语料是从哪来的", "DeepSeekMath 的语料从哪里来的",
])
def test_a_corpus_is_training_data(text):
    assert parts(text) == [("field", {"deepseek-math"}, "features")]


@pytest.mark.parametrize(("text", "expected"), [
    # a family word before a name by the Chinese list mark "、" is that model (not by a comma: "as a local LLM, R1 …")
    ("把 LLM、V2、V3 按参数量从大到小排一下", {"deepseek-llm", "deepseek-v2", "deepseek-v3"}),
    ("Math、Coder 哪个先出", {"deepseek-math", "deepseek-coder"}),
])
def test_a_family_word_before_a_name_by_the_list_mark(text, expected):
    (answer,) = each(ENGINE.ask(text))
    assert set(answer.query.models) == expected
    assert parts("作为本地 LLM,R1 怎么样")[0][1] == {"deepseek-r1"}


@pytest.mark.parametrize(("text", "line"), [
    # sarcasm, said firmly, with what the asker makes of it after, or who said it: the claim is checked
    ("oh sure, Janus-Pro totally can't make images, it's just a fancy captioner 🙄",
     "No — Janus-Pro: image generation."),
    ("lol sure, and Janus-Pro can't generate images at all, it's just a captioning model. that's what a guy on twitter "
     "told me with full confidence", "No — Janus-Pro: image generation."),
    ("Janus-Pro 不能生成图片,就是个看图的模型而已吧", "不对,Janus-Pro:图像生成。"),
    ("R1 不开源,只是个网页聊天工具吧", "不对,DeepSeek-R1:开源。"),
    ("V3 is 671B. that's what my friend said", "Yes — DeepSeek-V3: 671 billion"),
])
def test_a_claim_with_a_dismissal_or_its_source_after_it(text, line):
    assert verdict_line(text).startswith(line)


@pytest.mark.parametrize("turns", [
    # of two models talked about where one is a later version of the other, "the original one" is the first
    ["compare DeepSeek Coder and Coder V2", "when did the original one come out?"],
    ["Coder 和 Coder V2 对比", "初代那个是什么时候发布的"],
])
def test_the_original_one_of_two_versions(turns):
    conversation = f"original-{turns[0]}"
    ENGINE.ask(turns[0], conversation=conversation)
    assert parts(turns[1], conversation=conversation) == [("field", {"deepseek-coder"}, "released")]


@pytest.mark.parametrize(("text", "line"), [
    # whether it was heard right, can be believed or has a source checks the claim before it
    ("my prof said in lecture today that DeepSeek-V3 is 671B params but only 37B fire per token. legit or did I "
     "mishear?",
     "Yes — DeepSeek-V3: 671 billion"),
    ("同事坚持说 DeepSeek-VL2 不是 MoE 架构,就是个普通的稠密模型,我该信他吗", "不对,DeepSeek-VL2:混合专家 (MoE)。"),
    ("someone in #general said VL2 is 27B params. is there a source for that?",
     "The article does not say: DeepSeek-VL2's parameter count is not disclosed."),
    # a claim passed on by a screenshot, going on after "and" with a verb of its own ("and can't generate them")
    ("saw a screenshot going around on X saying Janus-Pro can only *understand* images and can't generate them. true??",
     "No — not all of that is so:"),
])
def test_a_claim_heard_believed_or_sourced(text, line):
    assert verdict_line(text).startswith(line)


@pytest.mark.parametrize(("text", "line"), [
    # whether the figure said is the real one, or the claim holds up, checks it
    ("my boss swears DeepSeekMath was pretrained on 5 trillion tokens. sounds like a lot for a 7B model, is that the "
     "real number?", "No — what the article says of DeepSeekMath:"),
    ("知乎高赞回答说 R1 打破了 AI 研发“高投入、长周期”的固有认知,这个说法站得住吗", "对,文章是这样说 DeepSeek-R1 的:"),
    ("V3 有 671B 参数,这个数对吗", "对,DeepSeek-V3:总参数高达 6710 亿"),
])
def test_whether_the_figure_is_real_or_holds_up(text, line):
    assert verdict_line(text).startswith(line)


def test_those_asked_are_addressed():
    text = "For those who've followed DeepSeek since the early days: which of their models was the very first one?"
    assert parts(text) == [("list", {"deepseek-coder"}, None)]


@pytest.mark.parametrize("turns", [
    # a comparative said of the name beside it ("the newer one, v3?") asks no rank: the fact asked before, of that name
    ["how many params does V2 have", "and the newer one, v3?"],
    ["V2 有多少参数", "新的那个,V3 呢"],
])
def test_a_comparative_beside_a_name_is_that_name(turns):
    conversation = f"newer-{turns[0]}"
    ENGINE.ask(turns[0], conversation=conversation)
    assert parts(turns[1], conversation=conversation) == [("field", {"deepseek-v3"}, "parameters")]


@pytest.mark.parametrize("kind", sorted(ENGINE.kb.lexicon["message"]["chatter"]))
def test_every_kind_of_chatter_alone_gets_its_small_talk(kind):
    """Each class of chatter, said alone, is small talk with a reply of its own (a new class needs its phrases)."""
    for word in ENGINE.kb.lexicon["message"]["chatter"][kind][:3]:
        answer = ENGINE.ask(word)
        assert answer.query.intent == "none" and to_text(answer.reply)


@pytest.mark.parametrize(("text", "expected"), [
    # pinyin and Cantonese words of a question
    ("deepseek r1 shi bu shi kai yuan de a", [("field", {"deepseek-r1"}, "features")]),
    ("r1 kaiyuan ma", [("field", {"deepseek-r1"}, "features")]),
    ("deeepseek r1 distill 最細嗰個幾大", [("field", {"deepseek-r1"}, "parameters")]),
    ("Janus-Pro 最大嗰個幾大", [("field", {"janus-pro"}, "parameters")]),
])
def test_pinyin_and_cantonese_words(text, expected):
    assert parts(text) == expected
    assert parts("第二个发布的模型是哪个?") == [("list", {"deepseek-llm"}, None)]  # (个 stays 个)


@pytest.mark.parametrize(("text", "line"), [
    # after 难道 a negation is rhetorical: it asserts what it denies
    ("难道 DeepSeek-V3 不是用 FP8 混合精度训练的?", "对,DeepSeek-V3:FP8 混合精度训练。"),
    ("难道 R1 没有开源?", "对,DeepSeek-R1:开源。"),
    ("难道 R1 是闭源的?", "不对,DeepSeek-R1:开源。"),
    # another model's level is being on par with it; "any truth to that" checks
    ("heard Coder V2 is basically GPT-4 Turbo level on coding tasks, any truth to that?",
     "Yes — the article says so of DeepSeek-Coder V2:"),
    ("R1 is o1 level, right?", "Yes — the article says so of DeepSeek-R1:"),
])
def test_rhetorical_nandao_and_levels(text, line):
    assert verdict_line(text).startswith(line)


@pytest.mark.parametrize(("text", "line"), [
    # a model called what people use it as ("chatbot") is no word of another topic: the claim is checked
    ("oh sure, Janus-Pro is just another text-only chatbot 🙄", "No — Janus-Pro: vision / multimodal."),
    ("VL2 就是个纯文本的聊天机器人吧", "不对,DeepSeek-VL2:视觉 / 多模态。"),
])
def test_a_model_called_a_chatbot(text, line):
    assert verdict_line(text).startswith(line)
