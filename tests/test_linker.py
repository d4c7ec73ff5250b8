import pytest

from bot.core.fuzzy_index import FuzzyIndex


def linked(engine, text):
    return engine.understanding.linker.link(engine.kb.normaliser(text))


@pytest.mark.parametrize(("text", "models"), [
    ("V2", ["deepseek-v2"]),                       # short codes exactly, never Coder-V2 or VL2
    ("coder v2", ["deepseek-coder-v2"]),
    ("deepseek-vl2", ["deepseek-vl2"]),
    ("DeepSeek Coder", ["deepseek-coder"]),
    ("deepseek coder v2 vs v2", ["deepseek-coder-v2", "deepseek-v2"]),
    ("r1", ["deepseek-r1"]),
    ("DeepSeekMath", ["deepseek-math"]),
    ("Janus-Pro-7B", ["janus-pro"]),
    ("jaunus pro", ["janus-pro"]),                 # fuzzy, clearly ahead
    ("deepseak coder v2", ["deepseek-coder-v2"]),
])
def test_models_are_found(engine, text, models):
    assert linked(engine, text).models == models


@pytest.mark.parametrize("text", ["GPT-4", "Llama 3", "claude", "通义千问",
                                  "deepseek-coder-v1.5", "Janus", "DeepSeek-VL", "雅努斯"])  # 雅努斯 is Janus
def test_foreign_models_never_snap_to_a_deepseek_model(engine, text):
    links = linked(engine, text)
    # other companies' models are foreign; DeepSeek's own the article does not cover are read by the naming
    # model as such (issue 16: "Janus", "DeepSeek-VL" are unknown, with the closest model near)
    assert links.models == [] and (links.foreign or links.unknown)


@pytest.mark.parametrize("text", ["DeepSeek V4", "deepseek-r2", "V5", "VL3"])
def test_unknown_versions_are_recognised(engine, text):
    links = linked(engine, text)
    assert links.models == [] and links.unknown


def test_names_are_cut_out_of_the_rest(engine):
    assert linked(engine, "When was DeepSeek-V3 released?").rest == "when was released"


def test_fuzzy_match_needs_a_clear_lead():
    index = FuzzyIndex({"deepseek v3": "v3", "deepseek v2": "v2", "janus pro": "janus"})
    hit, near = index.match("deepseek v4")  # ties V2 and V3: offered, not guessed
    assert hit is None and {h.model for h in near} == {"v2", "v3"}
    hit, _ = index.match("janus prro")
    assert hit is not None and hit.model == "janus"


def test_fuzzy_index_narrows_candidates_on_a_large_alias_set():
    aliases = {f"model{i:05d} chat": f"m{i}" for i in range(5000)}
    aliases["orion vision pro"] = "orion"
    index = FuzzyIndex(aliases)
    assert len(index.candidates("orion visoin pro")) <= 64
    hit, _ = index.match("orion visoin pro")
    assert hit is not None and hit.model == "orion"


@pytest.mark.parametrize(("text", "models"), [
    ("DeepSeek LMM", ["deepseek-llm"]),        # the lead is judged after the shared brand
    ("deepseek codr v2", ["deepseek-coder-v2"]),
    ("deepseek mth", ["deepseek-math"]),
    ("dpseek v3", ["deepseek-v3"]),
])
def test_typos_after_the_brand(engine, text, models):
    assert linked(engine, text).models == models


@pytest.mark.parametrize("text", ["deepseek model", "deepseek models", "deepseek 4", "what is deepseek"])
def test_question_words_after_the_brand_are_not_names(engine, text):
    assert linked(engine, text).models == []


@pytest.mark.parametrize("text", ["DeepSeek 视觉语言模型的论文", "深度求索推理模型", "deepseek 推理模型",
                                  "deepseek 混合专家模型有哪些", "deepseek 数学推理最强的是哪个", "deepseek 数学模型"])
def test_generic_phrases_are_no_names(engine, text):
    # a kind of model with the brand names no model: the question is about that kind (issue 16)
    assert linked(engine, text).models == []


@pytest.mark.parametrize(("text", "models"), [
    ("deepseek coedr v2", ["deepseek-coder-v2"]),   # the version is right and decides
    ("DeepSeek-Cober V2", ["deepseek-coder-v2"]),
    ("ds coder 2", ["deepseek-coder-v2"]),          # "coder 2" reaches further than "ds coder"
])
def test_a_typed_version_decides_between_neighbours(engine, text, models):
    assert linked(engine, text).models == models


@pytest.mark.parametrize(("text", "models", "unknown"), [
    ("janus-pr0", ["janus-pro"], []),            # a digit for a letter in a word of a name
    ("deepseek c0der v2", ["deepseek-coder-v2"], []),
    ("deepseek m4th", ["deepseek-math"], []),
    ("l1m 67b", ["deepseek-llm"], []),
    ("v3 vs r1 vs vl2", ["deepseek-v3", "deepseek-r1", "deepseek-vl2"], []),  # real versions stay versions
    ("deepseek llm 7b", ["deepseek-llm"], []),
    ("deepseek v4", [], ["deepseek v4"]),        # a version the article lacks is no letter either
])
def test_a_digit_typed_for_a_letter_inside_a_name(engine, text, models, unknown):
    links = linked(engine, text)
    assert (links.models, links.unknown) == (models, unknown)


@pytest.mark.parametrize(("text", "kept"), [
    # a size after another model's name, or inside it, is that model's: no figure of the question
    ("built on top of Coder-v1.5 7B, does it have a paper", "built on top of coder v1.5 does it have a paper"),
    ("is R1 better than Llama 2 70B", "is better than llama 2"),
])
def test_another_model_s_size_is_cut_from_the_question(engine, text, kept):
    rest = linked(engine, text).rest
    assert "7b" not in rest and "70b" not in rest
    assert " ".join(rest.split()) == kept
