"""Whatever is typed, the engine answers within the contract and Discord's limits, in the language the
contract says, and never raises; chatter around a question never changes its answer (the invariants of
issue 15, held by Hypothesis on arbitrary text and on text made of the lexicon's own words)."""

import discord
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.engine import Engine
from bot.core.normalise import has_chinese
from bot.core.query import FIELDS, INTENTS
from bot.render.cards import TOTAL_MAX, to_embed
from bot.render.contract import to_contract
from tests.conftest import KNOWLEDGE
from tests.messages_strategy import chatter, messages

ENGINE = Engine.from_folder(KNOWLEDGE)
IDS = set(ENGINE.kb.by_id)
# 20,000 messages, the measure (about a minute); the invariance is cheaper to hold
MESSAGES = settings(max_examples=20_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WRAPPED = settings(max_examples=1_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# questions answered right as written (dev and labelled sets), in both languages
QUESTIONS = ["When was DeepSeek-V3 released?", "how big is janus pro", "which models are for code?",
             "compare V2 and V3", "What is the largest DeepSeek model?", "r1", "deepseek coder paper",
             "R1 是什么时候发布的?", "V2 参数量是多少", "哪些模型是多模态的?", "Janus-Pro 和 VL2 对比一下",
             "介绍一下 DeepSeek-V2"]


def assert_valid(text: str, answer) -> None:
    contract = to_contract(answer)
    assert contract["lang"] == ("zh" if has_chinese(text) else "en")  # the contract's rule
    assert contract["intent"] in INTENTS and set(contract["models"]) <= IDS
    assert contract["field"] in (*FIELDS, None) and (contract["field"] is not None) == (contract["intent"] == "field")
    assert contract["text"].strip()
    if contract["intent"] in ("model", "field", "compare"):
        assert contract["models"]
    if contract["intent"] == "none":
        assert contract["models"] == []
    for part in contract.get("parts", []):
        assert part["intent"] in INTENTS and set(part["models"]) <= IDS and part["text"].strip()
    embed = discord.Embed.from_dict(to_embed(answer.reply))
    assert len(embed) <= TOTAL_MAX and embed.to_dict() == to_embed(answer.reply)
    assert "@everyone" not in contract["text"] and "<@" not in contract["text"]


@MESSAGES
@given(text=messages(ENGINE.kb), conversation=st.sampled_from([None, "a", "b"]))
def test_any_message_gets_a_valid_answer_in_its_language_within_discords_limits(text, conversation):
    assert_valid(text, ENGINE.ask(text, conversation=conversation))


@WRAPPED
@given(question=st.sampled_from(QUESTIONS), before=chatter(ENGINE.kb)[0], after=chatter(ENGINE.kb)[1],
       separator=st.sampled_from([" ", ", ", "! ", "\n", "。", ","]))
def test_chatter_before_or_after_a_question_never_changes_its_answer(question, before, after, separator):
    plain = ENGINE.ask(question).query
    wrapped = ENGINE.ask(f"{before}{separator}{question}{separator}{after}")
    assert (wrapped.query, wrapped.parts) == (plain, ()), (before, after)
