import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from bot.core.language import SIMPLIFIED_TOO, reply_language, writes_traditional
from bot.core.normalise import TO_SIMPLIFIED, to_simplified
from tests.conftest import ROOT


@pytest.mark.parametrize(("typed", "expected"), [
    ("ｖ３ 有多少參數?", "v3 有多少参数"),          # full width and Traditional Chinese
    ("DeepSeek－R1", "deepseek r1"),               # full-width hyphen
    ("deep seek v 3", "deepseek v3"),              # spaced brand and version
    ("whats deepseek-coderv2", "whats deepseek coder v2"),
    ("deepseek-vl 2", "deepseek vl2"),
    ("DeepSeekMath", "deepseek math"),             # glued brand
    ("deepsek r1", "deepseek r1"),                 # brand typo
    ("jaunus pro", "janus pro"),
    ("coder2", "coder 2"),
    ("GPT4-Turbo", "gpt 4 turbo"),
    ("V3有多少参数", "v3 有多少参数"),              # script boundary
    ("1.5B to 70B.", "1.5b to 70b"),
    ("a\x00b\u200bc", "a b c"),                    # control and zero-width characters
])
def test_normaliser_folds_variants(kb, typed, expected):
    assert kb.normaliser(typed) == expected


# The normaliser's quick checks skip work a text cannot need; each must let through every text that needs it.
_PIECES = st.sampled_from(["deepseek", "janus", "ds", "v", "3", " ", ".", "2", "年", "六千", "亿", "coder", "-", "a"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=8).map("".join))
def test_the_quick_replacement_check_finds_every_text_a_replacement_would_change(kb, text):
    normaliser = kb.normaliser
    text = f" {normaliser._basic(text)} "
    if any(old.search(text) for old, _ in normaliser._replace):
        assert normaliser._any_replaced.search(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="deepsknjau", max_size=12))
def test_a_brand_typo_is_any_word_close_enough_to_a_brand(kb, word):
    brands = kb.normaliser._brands
    close = [b for b in brands if word != b and not word.startswith(b) and fuzz.ratio(word, b) >= 85]
    assert kb.normaliser._fix_brand_typo(word) == (close[0] if close else word)


def test_traditional_chinese_is_folded_by_the_converter(kb):
    assert kb.normaliser("論文是什麼 發佈時間 參數規模") == "论文是什么 发布时间 参数规模"


@pytest.mark.parametrize(("text", "lang"), [
    ("V3 有多少参数?", "zh"), ("when was R1 released?", "en"), ("參數", "zh"), ("???", "en"), ("", "en"),
])
def test_reply_language_follows_the_script(text, lang):
    assert reply_language(text) == lang


def test_taiwan_phrasing_is_folded(kb):
    assert kb.normaliser("R1 是甚麼時候發佈的 程式碼") == "r1 是什么时候发布的 代码"


def test_spelling_folds_take_whole_words_only(kb):
    assert kb.normaliser("DS-V3") == "deepseek v3"
    assert kb.normaliser("words about ds") == "words about deepseek"
    assert kb.normaliser("kids dslr") == "kids dslr"


@pytest.mark.parametrize(("text", "traditional"), [
    ("DeepSeek-V2 有多少參數?", True), ("Janus-Pro 的論文是什麼?", True), ("v2 有多少個參數", True),
    ("r1 會不會被審查", True), ("DeepSeek 是什麼?", True),
    ("DeepSeek-V2 有多少参数?", False), ("R1 是什么时候发布的", False), ("显著提升的模型是哪个", False),
    ("V3 有多大", False), ("what is r1?", False), ("", False),
])
def test_traditional_is_read_from_the_question_as_typed(text, traditional):
    assert writes_traditional(text) is traditional


# where the folding table was read from OpenCC: every CJK block
_CJK_BLOCKS = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2EBEF), (0x2F800, 0x2FA1F),
               (0x30000, 0x3134F)]


def test_the_folding_table_is_opencc_s_character_by_character():
    """bot/core/traditional.txt holds, one pair a line, each character OpenCC's t2s changes and what it writes;
    when OpenCC's table changes, write those pairs again."""
    import opencc

    chars = [chr(c) for start, end in _CJK_BLOCKS for c in range(start, end + 1)]
    folded = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    assert {chr(k): chr(v) for k, v in TO_SIMPLIFIED.items()} == {
        c: s for c, s in zip(chars, folded, strict=True) if c != s}


def test_labelled_traditional_questions_fold_as_opencc_folds_them_with_its_phrases():
    """Character by character is enough for the questions people wrote: OpenCC's phrase tables change none."""
    import opencc

    texts = [q["text"] for path in sorted((ROOT / "benchmarks").glob("questions*.yaml"))
             for q in yaml.safe_load(path.read_text(encoding="utf-8"))]
    traditional = [t for t in texts if writes_traditional(t)]
    assert len(traditional) > 100
    t2s = opencc.OpenCC("t2s").convert
    assert [t for t in traditional if to_simplified(t) != t2s(t)] == []


def test_the_characters_simplified_writes_too_are_opencc_s_own():
    """The characters folding changes that OpenCC's Traditional-to-Simplified output itself holds."""
    import opencc

    chars = [chr(c) for c in range(0x4E00, 0xA000)]
    folded = to_simplified("\n".join(chars)).split("\n")
    changed = {c for c, s in zip(chars, folded, strict=True) if c != s}
    simplified = set(opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n"))
    assert changed & simplified == SIMPLIFIED_TOO


@pytest.mark.parametrize(("text", "expected"), [
    ("23年那会儿", "2023 年那会儿"), ("24年底发布的", "2024 年底发布的"), ("models from '24", "models from 2024"),
    ("R1 是 25 年 1 月发布的吗", "r1 是 2025 年 1 月发布的吗"),
    # not a figure nor a version
    ("v2 236b", "v2 236b"), ("训练了 5000 亿 token", "训练了 5000 亿 token"), ("1.23 年", "1.23 年"),
])
def test_a_year_of_this_decade_in_two_digits_is_the_year(kb, text, expected):
    assert kb.normaliser(text) == expected
