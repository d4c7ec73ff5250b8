"""Questions as a small query: negation, ranks beyond the first, date ranges, sorting and counting,
differences and yes/no checks, in both languages. Expected values come from the article."""

import shutil

import pytest

from bot.adapters.discord_app.keys import CUSTOM_ID_LIMIT, compact_key, expand_key
from bot.core.knowledge import KnowledgeError, load_knowledge
from bot.core.query import FIELDS
from bot.core.selection import parse
from bot.render.cards import to_embed, to_text
from bot.render.contract import to_contract
from tests.conftest import KNOWLEDGE

NOT_MOE = {"deepseek-coder", "deepseek-llm", "deepseek-math", "deepseek-r1", "janus-pro"}
UNDATED = ("DeepSeekMoE", "DeepSeekMath", "DeepSeek-Coder V2", "DeepSeek-VL2")


def listed(engine, text):
    answer = engine.ask(text)
    assert answer.query.intent == "list", to_text(answer.reply)
    return answer.query.selector, answer.query.models, to_text(answer.reply)


@pytest.mark.parametrize(("text", "selector", "models", "title"), [
    ("which models are not MoE?", "!tag:moe", NOT_MOE, "Models not tagged mixture of experts (MoE)"),
    ("除了 MoE 以外的模型有哪些", "!tag:moe", NOT_MOE, "不属于「混合专家 (MoE)」的模型"),
    ("which models were not released in 2024", "!date:2024",
     {"deepseek-coder", "deepseek-llm", "deepseek-r1", "janus-pro"}, "Models not released in 2024"),
    ("哪些模型公布了参数量", "!undisclosed:parameters",
     {"deepseek-llm", "deepseek-v2", "deepseek-v3", "deepseek-r1", "janus-pro"}, "文章给出了参数量的模型"),
    ("which non-moe models came out in 2025?", "!tag:moe&date:2025", {"deepseek-r1", "janus-pro"},
     "Models not tagged mixture of experts (MoE), released in 2025"),
])
def test_a_filter_can_be_negated_and_the_title_says_what_was_excluded(engine, text, selector, models, title):
    got, ids, reply = listed(engine, text)
    assert (got, set(ids)) == (selector, models)
    assert reply.startswith(title)
    # not being called MoE is not the article saying "not MoE"
    assert ("!tag:" not in selector) or ("does not call these" in reply or "这不等于文章说它们不是" in reply)


def test_a_negated_year_names_the_undated_models_apart(engine):
    _, ids, text = listed(engine, "不是2024年发布的模型有哪些?")
    assert not set(ids) & {"deepseek-moe", "deepseek-math"}  # no date: neither in nor out of 2024
    assert "文章未给出时间的:DeepSeekMoE" in text


@pytest.mark.parametrize(("text", "selector", "models", "shown"), [
    ("which is the second largest model?", "largest@2", ("deepseek-r1",), "660B"),
    ("第二大的模型是哪个", "largest@2", ("deepseek-r1",), "660B"),
    ("top 3 biggest models", "largest*3", ("deepseek-v3", "deepseek-r1", "deepseek-v2"), "Top 3"),
    ("参数量前三的模型", "largest*3", ("deepseek-v3", "deepseek-r1", "deepseek-v2"), "前 3 名"),
    ("最早的两个模型是哪两个", "earliest*2", ("deepseek-coder", "deepseek-llm"), "发布时间从早到晚"),
    ("third newest model?", "newest@3", ("deepseek-v3",), "2024-12-26"),
    ("which model has the most active parameters", "most-active", ("deepseek-v3",), "37B active"),
    ("激活参数最多的是哪个模型", "most-active", ("deepseek-v3",), "激活 37B"),
    ("top 2 largest moe models", "tag:moe&largest*2", ("deepseek-v3", "deepseek-v2"), "Among the models tagged"),
])
def test_ordinals_and_top_n_rank_by_size_active_parameters_or_date(engine, text, selector, models, shown):
    got, ids, reply = listed(engine, text)
    assert (got, ids) == (selector, models)
    assert shown in reply


@pytest.mark.parametrize("text", ["the 2nd smallest model", "参数第二少的模型是哪个"])
def test_models_without_a_figure_are_named_as_not_ranked(engine, text):
    _, ids, reply = listed(engine, text)
    assert ids == ("deepseek-llm",)
    assert all(name in reply for name in ("DeepSeek Coder", *UNDATED))


@pytest.mark.parametrize(("text", "selector", "models", "bound"), [
    ("models released between may 2024 and jan 2025", "date:2024-05..2025-01",
     {"deepseek-v2", "deepseek-v3", "deepseek-r1", "janus-pro"}, "from May 2024 to January 2025, both inclusive"),
    ("2023年11月到2024年12月之间发布的模型", "date:2023-11..2024-12",
     {"deepseek-coder", "deepseek-llm", "deepseek-v2", "deepseek-v3"}, "(含首尾)"),
    ("2024年下半年发布了哪些模型", "date:2024-07..2024-12", {"deepseek-v3"}, "2024 年 7 月至 2024 年 12 月"),
    ("which models were released in Q4 2023", "date:2023-10..2023-12", {"deepseek-coder", "deepseek-llm"},
     "October 2023 to December 2023"),
    ("2025年初有哪些模型发布", "date:2025-01..2025-03", {"deepseek-r1", "janus-pro"}, "含首尾"),
    ("anything released late 2023?", "date:2023-10..2023-12", {"deepseek-coder", "deepseek-llm"}, "inclusive"),
    ("which models came out before june 2024", "date<2024-06",
     {"deepseek-coder", "deepseek-llm", "deepseek-v2"}, "(June 2024 not included)"),
    # mid-year is June to July (operators.periods), the first month at the start of a range, the last at its end
    ("2024年初到年中发布的模型", "date:2024-01..2024-07", {"deepseek-v2"}, "2024 年 1 月至 2024 年 7 月"),
    ("2024年中到年底发布了什么", "date:2024-06..2024-12", {"deepseek-v3"}, "2024 年 6 月至 2024 年 12 月"),
    ("models released between mid 2023 and mid 2024", "date:2023-06..2024-07",
     {"deepseek-coder", "deepseek-llm", "deepseek-v2"}, "from June 2023 to July 2024, both inclusive"),
    ("anything from middle of 2024 to early 2025?", "date:2024-06..2025-03",
     {"deepseek-v3", "deepseek-r1", "janus-pro"}, "inclusive"),
])
def test_ranges_and_parts_of_years_state_their_bounds(engine, text, selector, models, bound):
    got, ids, reply = listed(engine, text)
    assert (got, set(ids)) == (selector, models)
    assert bound in reply


@pytest.mark.parametrize(("text", "selector", "models", "title"), [
    # dates joined by "or" with no range word between them are each one of several, never a range
    ("which models are not from 2023 or 2025", "!date:2023,2025", {"deepseek-v2", "deepseek-v3"},
     "Models not released in 2023 or 2025"),
    ("models from 2023 or 2025", "date:2023,2025", {"deepseek-coder", "deepseek-llm", "deepseek-r1", "janus-pro"},
     "Models released in 2023 or 2025"),
    ("不是2023年或者2025年发布的模型有哪些", "!date:2023,2025", {"deepseek-v2", "deepseek-v3"},
     "不在2023 年或2025 年发布"),
    ("how many models came out in may 2024 or dec 2024", "date:2024-05,2024-12&count",
     {"deepseek-v2", "deepseek-v3"}, "2 models released in May 2024 or December 2024"),
])
def test_dates_joined_by_or_are_any_of_them(engine, text, selector, models, title):
    got, ids, reply = listed(engine, text)
    assert (got, set(ids)) == (selector, models)
    assert reply.startswith(title)
    assert parse(got).key == got  # the selector reads back, so a button answers it again


@pytest.mark.parametrize(("text", "first", "last_note"), [
    ("sort the models by release date", "deepseek-coder", "At the end, not dated in the article: DeepSeekMoE"),
    ("按参数量从大到小排个序", "deepseek-v3", "排在最后、参数量未明确公布的:DeepSeek Coder"),
])
def test_sorting_puts_the_unknowns_last_and_says_so(engine, text, first, last_note):
    _, ids, reply = listed(engine, text)
    assert ids[0] == first and len(ids) == 10
    assert last_note in reply


@pytest.mark.parametrize(("text", "head", "undated"), [
    ("how many models were released in 2024?", "2 models released in 2024", "4 more are not dated"),
    ("2024年一共发布了多少个模型", "共 2 个模型(2024 年发布)", "另有 4 个模型文章未给出时间"),
    ("how many models aren't moe", "5 models not tagged", None),
])
def test_counting_gives_the_number_first_then_the_list(engine, text, head, undated):
    _, _, reply = listed(engine, text)
    assert reply.startswith(head)
    assert undated is None or undated in reply


@pytest.mark.parametrize(("text", "models", "wanted"), [
    ("how long after V3 did R1 come out?", ("deepseek-v3", "deepseek-r1"),
     ["25 days after DeepSeek-V3", "December 26, 2024", "January 20, 2025"]),
    ("Coder 到 R1 隔了多久", ("deepseek-coder", "deepseek-r1"), ["晚 445 天(约 14 个月)"]),
    ("V3 比 V2 多多少参数", ("deepseek-v3", "deepseek-v2"), ["多 435B", "671B 对 236B", "2.8 倍"]),
    ("how many times bigger is v3 than deepseek llm", ("deepseek-v3", "deepseek-llm"),
     ["671B vs 67B", "about 10 times"]),
    ("how many days between coder v2 and v3?", ("deepseek-coder-v2", "deepseek-v3"),
     ["Cannot compute", "DeepSeek-Coder V2's release date is not disclosed"]),
])
def test_differences_are_computed_from_the_two_values_shown(engine, text, models, wanted):
    answer = engine.ask(text)
    assert (answer.query.intent, answer.query.models) == ("compare", models)
    assert all(w in to_text(answer.reply) for w in wanted), to_text(answer.reply)


@pytest.mark.parametrize("turns", [
    ["how many days between V3 and R1"], ["V3 和 R1 哪个先发布", "差多少天"], ["v2 多大", "v3 呢", "差多少"],
    ["was v3 released before r1? by how much?"], ["compare v2 and v3", "by how much?"],
])
def test_a_difference_answers_the_difference_not_the_comparison_card_again(engine, turns):
    for text in turns:
        answer = engine.ask(text, conversation="diff")
    card = to_embed(answer.reply)
    assert "diff:" in answer.query.selector and "fields" not in card  # no side-by-side facts below
    lines = card["description"].splitlines()
    differences = [line for line in lines if not line.startswith(("Yes", "No", "对", "不对"))]  # after a verdict
    assert differences and all("→" in line or "B vs " in line or "B 对 " in line for line in differences), lines
    # the passages are the lines the difference reads: one per model, of the field computed
    fields = {"diff:released": {"released"}, "diff:parameters": {"parameters"}, "diff:both": {"released", "parameters"}}
    read = fields[answer.query.selector.split("&")[-1]]
    assert [len(p.text.splitlines()) for p in answer.source.passages] == [len(read)] * 2


@pytest.mark.parametrize(("text", "first_line", "words"), [
    ("is r1 open source?", "Yes — DeepSeek-R1: open source.", "性能与 OpenAI 的 o1 正式版持平并开源"),
    ("V2 不是 MoE 吧?", "不对,DeepSeek-V2:混合专家 (MoE)。", "第二代开源混合专家(MoE)模型"),
    ("R1 was released in december 2024 right?", "No — DeepSeek-R1: January 20, 2025.", "2025 年 1 月 20 日"),
    ("v2 came out in may 2024 yes?", "Yes — DeepSeek-V2: May 7, 2024.", "2024 年 5 月 7 日"),
    ("R1 有 671B 参数吗", "不对,DeepSeek-R1:有 660B 模型", "有 660B 模型"),
    ("does v3 have 37b active params?", "Yes — DeepSeek-V3: 671 billion", "每 token 激活 370 亿"),
    # a negation that only asks whether it is ("isn't it…?", "不是…吗?")
    ("isn't r1 open source?", "Yes — DeepSeek-R1: open source.", "性能与 OpenAI 的 o1 正式版持平并开源"),
    ("R1 不是开源的吗", "对,DeepSeek-R1:开源。", "性能与 OpenAI 的 o1 正式版持平并开源"),
    # where the article is silent it says so, and never borrows from another model
    ("V3 是开源的吗?", "文章没有说 DeepSeek-V3 属于「开源」", None),
    ("was deepseek math released in 2024?", "The article does not say: DeepSeekMath's release date is not disclosed",
     None),
])
def test_yes_no_checks_answer_first_then_quote_the_article(engine, text, first_line, words):
    answer = engine.ask(text)
    assert answer.query.intent == "field" and answer.query.selector.startswith("check:")
    description = to_embed(answer.reply)["description"]
    assert description.startswith(first_line), description
    assert (words in description) if words else len(description.splitlines()) == 1


@pytest.mark.parametrize(("text", "verdict"), [
    ("is v3 bigger than r1?", "Yes — Larger: DeepSeek-V3 (671B total"),
    ("R1 比 V3 早发布吗?", "不对,先发布的是 DeepSeek-V3(2024-12-26"),
    ("is janus pro bigger than coder?", "The article does not say: Not ranked"),
])
def test_a_claim_about_two_models_is_checked_on_top_of_the_comparison(engine, text, verdict):
    answer = engine.ask(text)
    assert answer.query.intent == "compare" and to_embed(answer.reply)["description"].startswith(verdict)
    assert len(to_embed(answer.reply)["fields"]) == 2  # the facts it came from, below


@pytest.mark.parametrize("text", ["which models are not MoE?", "top 3 biggest models", "sort the models by size",
                                  "2024年下半年发布了哪些模型", "is r1 open source?", "V3 比 V2 多多少参数",
                                  "how many models were released in 2024?"])
def test_every_query_survives_a_button_and_answers_the_same_in_the_other_language(engine, text):
    answer = engine.ask(text)
    key = compact_key(answer.query)
    assert len(f"qa:lang:zh:{key}") <= CUSTOM_ID_LIMIT
    again = expand_key(key)
    assert again == answer.query
    assert to_text(engine.answer(again, answer.lang).reply) == to_text(answer.reply)
    assert to_embed(engine.answer(again, "zh" if answer.lang == "en" else "en").reply)["title"]


def test_a_selector_reads_back_as_the_same_selection():
    for key in ("!tag:moe&date:2025", "date:2024-05..2025-01&count", "tag:moe&largest*2", "sort:newest",
                "!undisclosed:released", "most-active@2"):
        assert parse(key).key == key


SELECTOR_TERMS = ["tag:moe", "is:deepseek-r1", *(f"undisclosed:{field}" for field in FIELDS), "date:2024",
                  "date<2024-06", "date>2024",
                  "date:2024-05..2025-01", "date:2023,2025", "date:--01",
                  *(f"{kind}{op}{n}" for kind in ("params", "active") for op in "<>=" for n in ("37", "200")),
                  "params~600..700", "active~33.3..40.7"]


@pytest.mark.parametrize("term", [*SELECTOR_TERMS, *(f"!{t}" for t in SELECTOR_TERMS)])
def test_every_filter_the_selectors_can_hold_is_said_in_both_languages(engine, term):
    """A list chosen by any filter, negated or not, gets a title: none is missing a phrase (a greeting before
    "more than 200B" once reached a negated figure no phrase had, and the batch stopped)."""
    from bot.core.query import Query

    assert parse(term).key == term
    for lang in ("en", "zh"):
        reply = engine.answer(Query("list", (), selector=term), lang).reply
        assert to_embed(reply)["title"].strip() and "{" not in to_text(reply)


def test_the_contract_carries_the_selector(engine):
    assert to_contract(engine.ask("which models are not MoE?"))["selector"] == "!tag:moe"
    assert to_contract(engine.ask("is r1 open source?"))["selector"] == "check:tag:open-source"
    assert to_contract(engine.ask("r1"))["selector"] is None


@pytest.mark.parametrize(("text", "first_line"), [
    ("is r1 the newest model?", "No — The most recently released model: Janus-Pro (2025-01-28)"),
    ("Janus-Pro 是最小的模型吗", "对,总参数最小的模型:Janus-Pro"),
    ("is deepseek math the oldest?", "The article does not say: DeepSeekMath's release date is not disclosed"),
])
def test_a_claim_that_one_model_ranks_first_is_checked_against_all_the_ranked_ones(engine, text, first_line):
    answer = engine.ask(text)
    assert answer.query.intent == "field" and to_embed(answer.reply)["description"].startswith(first_line)


@pytest.mark.parametrize(("text", "selector"), [
    ("models from late 2024 to early 2025", "date:2024-10..2025-03"),
    ("2024年上半年到2025年初发布了哪些", "date:2024-01..2025-03"),
    ("models after june 2024 and before 2025", "date>2024-06&date<2025"),
    ("which models are neither moe nor open source", "!tag:moe&!tag:open-source"),
    ("参数超过2000亿的模型有几个", "params>200&count"),
    ("top 3 bigest models", "largest*3"),  # a typo in a rank question is mended, "three" is no typo
    ("top three largest models", "largest*3"),
    ("哪些模型不开源", "!tag:open-source"),
    ("how many models were released after v3", "date>2024-12-26&count"),
    ("which models were released in january", "date:--01"),
    ("R1 是 1 月发布的吗", "check:date:--01"),
    ("V2 之前发布了几个模型", "date<2024-05-07&count"),
    ("which open source models came out before v3", "date<2024-12-26&tag:open-source"),
    ("哪些模型的参数量是公开的", "!undisclosed:parameters"),
])
def test_operators_compose(engine, text, selector):
    assert engine.ask(text).query.selector == selector


@pytest.mark.parametrize(("turns", "selector", "models", "first_line"), [
    (["tell me about v3", "is it open source?"], "check:tag:open-source", ("deepseek-v3",), "The article does not say"),
    (["介绍一下 R1", "它是开源的吗"], "check:tag:open-source", ("deepseek-r1",), "对,DeepSeek-R1:开源。"),
    (["compare v2 and v3", "how many days apart are they?"], "diff:released", ("deepseek-v2", "deepseek-v3"),
     "DeepSeek-V3 came out 233 days"),
    (["V3 有多少参数", "那它比 R1 大吗"], "check:largest", ("deepseek-v3", "deepseek-r1"), "对,更大的是 DeepSeek-V3"),
    # "by how much?" is in what the comparison was about; with nothing said, in both
    (["which is bigger, v2 or v3?", "by how much?"], "diff:parameters", ("deepseek-v2", "deepseek-v3"),
     "DeepSeek-V3 has 435B more parameters"),
    (["V3 和 R1 哪个更早", "相差多少"], "diff:released", ("deepseek-v3", "deepseek-r1"),
     "DeepSeek-R1 比 DeepSeek-V3 晚 25 天"),
    (["compare v2 and v3", "by how much?"], "diff:both", ("deepseek-v2", "deepseek-v3"),
     "DeepSeek-V3 came out 233 days"),
    (["v3 vs r1", "and the size gap?"], "diff:parameters", ("deepseek-v3", "deepseek-r1"),
     "DeepSeek-V3 has 11B more parameters"),
    # one model and the one before it: "v2 多大", "v3 呢", "差多少"
    (["v2 多大", "v3 呢", "差多少"], "diff:parameters", ("deepseek-v3", "deepseek-v2"),
     "DeepSeek-V3 的总参数比 DeepSeek-V2 多 435B"),
    (["tell me about v3", "and r1?", "how many days apart?"], "diff:released", ("deepseek-r1", "deepseek-v3"),
     "DeepSeek-R1 came out 25 days after DeepSeek-V3"),
    # a check asked again of another model keeps the claim: "is it open source?" then "what about v3?"
    (["what's deepseek-r1", "is it open source", "what about v3"], "check:tag:open-source", ("deepseek-v3",),
     "The article does not say that of DeepSeek-V3"),
    (["was r1 released in 2025?", "what about v2"], "check:date:2025", ("deepseek-v2",), "No — DeepSeek-V2"),
    (["v3 是开源的吗", "v2 呢"], "check:tag:open-source", ("deepseek-v2",), "对,DeepSeek-V2"),
])
def test_checks_and_differences_follow_the_models_talked_about(engine, turns, selector, models, first_line):
    *before, last = turns
    for text in before:
        engine.ask(text, conversation="op")
    answer = engine.ask(last, conversation="op")
    assert (answer.query.selector, answer.query.models) == (selector, models)
    assert to_embed(answer.reply)["description"].startswith(first_line)


def test_a_broken_operators_section_is_named_by_key_not_raised(tmp_path):
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    lexicon = folder / "lexicon.yaml"
    text = lexicon.read_text(encoding="utf-8")
    text = text.replace('"07..12": [下半年', '"13..12": [下半年').replace("  top: [top, 前, first]\n", "")
    lexicon.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError) as raised:
        load_knowledge(folder)
    assert "operators: missing key 'top'" in str(raised.value)
    assert "operators.periods: '13..12' is not a span of months" in str(raised.value)


@pytest.mark.parametrize(("text", "selector", "first_line"), [
    # a day is compared as a day, of the year given or of any year; a month as a month
    ("janus pro came out on january 27, right?", "check:date:--01-27", "No — Janus-Pro: January 28, 2025"),
    ("so r1 dropped jan 20th 2025 correct?", "check:date:2025-01-20", "Yes — DeepSeek-R1: January 20, 2025."),
    ("v3 came out 26 dec 2024 didn't it", "check:date:2024-12-26", "Yes — DeepSeek-V3: December 26, 2024."),
    ("was janus pro released on the 27th of january?", "check:date:--01-27", "No — Janus-Pro: January 28, 2025"),
    ("r1 是 1 月 20 日发布的吗", "check:date:--01-20", "对,DeepSeek-R1:2025 年 1 月 20 日。"),
    ("v3 发布于 2024/12/25 吗", "check:date:2024-12-25", "不对,DeepSeek-V3:2024 年 12 月 26 日。"),
    ("r1 是 12 月发布的吗", "check:date:--12", "不对,DeepSeek-R1:2025 年 1 月 20 日。"),
])
def test_a_claimed_date_is_checked_at_the_precision_claimed(engine, text, selector, first_line):
    answer = engine.ask(text)
    assert (answer.query.intent, answer.query.field, answer.query.selector) == ("field", "released", selector)
    assert to_embed(answer.reply)["description"].startswith(first_line)


@pytest.mark.parametrize(("text", "selector", "first_line", "quoted"), [
    ("is deepseekmath based on deepseek coder v1.5?", "check:relation:based_on:DeepSeek-Coder-v1.5 7B",
     "Yes — DeepSeekMath: built on DeepSeek-Coder-v1.5 7B", "以 DeepSeek-Coder-v1.5 7B 为基础"),
    ("DeepSeekMath 是基于 DeepSeek Coder 开发的吗", "check:relation:based_on:deepseek-coder",
     "文章没有说 DeepSeekMath", "以 DeepSeek-Coder-v1.5 7B 为基础"),  # its base is v1.5 7B, not section 1's
    # the article names V2 only as an example of an MoE model's size: it does not say V2 is built on DeepSeekMoE
    ("V2 是基于 DeepSeekMoE 的吗", "check:relation:based_on:deepseek-moe", "文章没有说 DeepSeek-V2 与 DeepSeekMoE",
     "DeepSeek-V2"),
    ("r1 distilled into smaller models?", "check:relation:distilled", "Yes — DeepSeek-R1: distilled versions",
     "15 亿到 700 亿"),
    ("R1 有蒸馏的小模型吗", "check:relation:distilled", "对,DeepSeek-R1:通过蒸馏", "15 亿到 700 亿"),
])
def test_a_claimed_relation_is_checked_against_the_files(engine, text, selector, first_line, quoted):
    answer = engine.ask(text)
    assert (answer.query.intent, answer.query.selector) == ("field", selector)
    description = to_embed(answer.reply)["description"]
    assert description.startswith(first_line) and quoted in description


def test_a_relation_asked_about_is_not_a_claim(engine):
    engine.ask("tell me about deepseek math", conversation="rel")
    assert engine.ask("what is it based on?", conversation="rel").query.selector == "relation:deepseek-math:based_on"
    assert engine.ask("V3 是基于 MoE 架构的吗").query.selector == "check:tag:moe"  # a tag, not a relation


@pytest.mark.parametrize(("text", "selector", "first_line"), [
    ("is janus pro 7B?", "check:params=7", "Yes — Janus-Pro"),
    ("deepseek llm 是 70b 的吗", "check:params=70", "不对,DeepSeek LLM"),
    ("v2 有 2360 亿参数对吗", "check:params=236", "对,DeepSeek-V2"),
    ("does v3 have 37B active?", "check:active=37", "Yes — DeepSeek-V3"),
])
def test_a_claimed_figure_is_checked_against_the_knowledge_numbers(engine, text, selector, first_line):
    answer = engine.ask(text)
    assert (answer.query.field, answer.query.selector) == ("parameters", selector)
    assert to_embed(answer.reply)["description"].startswith(first_line)


@pytest.mark.parametrize(("text", "parts", "first_line", "later"), [
    ("v3 多大,什么时候发布的", [("parameters", None), ("released", None)], "DeepSeek-V3 的参数量",
     "2024 年 12 月 26 日"),
    ("r1 how big and when was it released", [("parameters", None), ("released", None)], "DeepSeek-R1 — Parameters",
     "January 20, 2025"),
    ("is v2 moe? and when did it come out", [("features", "check:tag:moe"), ("released", None)], "Yes — DeepSeek-V2",
     "May 7, 2024"),
    ("r1 是开源的吗?参数多少", [("features", "check:tag:open-source"), ("parameters", None)], "对,DeepSeek-R1", "660B"),
    # Chinese leaves the subject of the second question out: it is the first one's
    ("R1 是开源的吗,是 2024 年 12 月发布的吗",
     [("features", "check:tag:open-source"), ("released", "check:date:2024-12")],
     "对,DeepSeek-R1:开源。", "不对,DeepSeek-R1:2025 年 1 月 20 日。"),
])
def test_every_part_of_a_message_is_answered_in_order_verdict_first(engine, text, parts, first_line, later):
    answer = engine.ask(text)
    assert [(p.query.intent, p.query.field, p.query.selector) for p in answer.parts] == [
        ("field", field, selector) for field, selector in parts]
    assert to_embed(answer.reply)["description"].startswith(first_line) and later in to_text(answer.reply)
    contract = to_contract(answer)
    assert contract["field"] == parts[0][0]  # the contract's top level: the first part
    assert [p["field"] for p in contract["parts"]] == [field for field, _ in parts]
    assert later in contract["parts"][1]["text"] and len(answer.source.passages) == 1  # one model's section


@pytest.mark.parametrize(("text", "answered", "declined"), [
    ("when did v3 launch? and how much does it cost?", "DeepSeek-V3 — Released: December 26, 2024",
     "The article does not cover prices or API costs for DeepSeek-V3"),
    ("v3 什么时候发布的?api 多少钱", "DeepSeek-V3 的提出时间:2024 年 12 月 26 日", "文章没有涉及DeepSeek-V3 的API"),
    ("what's the deepseek-coder paper? and is there a coder v3 coming anytime soon?", "Code Intelligence",
     "does not cover coder v3"),
])
def test_a_part_the_article_does_not_cover_is_declined_by_name_and_the_rest_answered(engine, text, answered, declined):
    answer = engine.ask(text)
    first, second = (p.query for p in answer.parts)
    assert first.intent == "field" and second.intent == "none" and second.models == ()
    assert answered in to_embed(answer.reply)["description"] and declined in to_text(answer.reply)
    assert engine.ask("how much does v3 cost?").query.intent == "none"  # a message with no covered part: declined


@pytest.mark.parametrize(("text", "selector", "verdicts"), [
    ("v2 was released on may 7 2024 and has 236b params right?", "check:params=236&date:2024-05-07",
     ["Yes — DeepSeek-V2: 236 billion", "Yes — DeepSeek-V2: May 7, 2024."]),
    ("is v3 671B total with 37B active?", "check:params=671&active=37",
     ["Yes — DeepSeek-V3: 671 billion", "Yes — DeepSeek-V3: 671 billion"]),
])
def test_each_claim_of_one_question_gets_its_own_verdict(engine, text, selector, verdicts):
    answer = engine.ask(text)
    assert answer.query.selector == selector
    lines = to_embed(answer.reply)["description"].splitlines()
    assert [next(line for line in lines if line.startswith(v)) for v in verdicts]
    assert lines[0].startswith(verdicts[0])


@pytest.mark.parametrize(("text", "selector", "lines"), [
    ("was v3 released before r1? by how much?", "check:earliest&diff:released",
     ["Yes — Released first: DeepSeek-V3", "DeepSeek-R1 came out 25 days after DeepSeek-V3"]),
    ("V3 比 R1 大吗?大多少", "check:largest&diff:parameters",
     ["对,更大的是 DeepSeek-V3", "DeepSeek-V3 的总参数比 DeepSeek-R1 多 11B"]),
])
def test_a_claim_and_then_by_how_much_get_the_verdict_then_the_difference(engine, text, selector, lines):
    """Two parts of one message about the same two models, the second asking by how much: one answer."""
    answer = engine.ask(text)
    assert (answer.query.intent, answer.query.selector, answer.parts) == ("compare", selector, ())
    description = to_embed(answer.reply)["description"]
    assert [a.startswith(b) for a, b in zip(description.splitlines(), lines, strict=False)] == [True] * 2


def test_a_list_of_one_day_says_on_that_day(engine):
    answer = engine.ask("which models were released on january 20")
    assert to_embed(answer.reply)["title"] == "Models released on January 20"
    assert engine.ask("哪些模型是 1 月 28 日发布的").query.models == ("janus-pro",)


@pytest.mark.parametrize(("text", "field"), [
    # a number that counts something else (tokens, samples) is no claimed parameter count
    ("那个训练了5000亿token的数学模型有论文吗", "paper"),
    ("the math model pre-trained on 500 billion tokens, is there a paper?", "paper"),
])
def test_a_number_of_tokens_is_no_parameter_claim(engine, text, field):
    answer = engine.ask(text)
    assert (answer.query.intent, answer.query.models, answer.query.field) == ("field", ("deepseek-math",), field)
    assert not (answer.query.selector or "").startswith("check:params")
