"""Whatever is typed, the engine answers within the contract and Discord's limits, and never crashes."""

import discord
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.engine import Engine
from bot.core.query import FIELDS, INTENTS
from bot.render.cards import TOTAL_MAX, to_embed
from bot.render.contract import to_contract
from tests.conftest import KNOWLEDGE

ENGINE = Engine.from_folder(KNOWLEDGE)
IDS = set(ENGINE.kb.by_id)
WORDS = ["V3", "r1", "Janus-Pro", "deepseek", "coder", "v2", "compare", "vs", "参数", "论文", "什么时候", "哪些",
         "最大", "它", "呢", "MoE", "2024", "年", "超过", "200B", "GPT-4", "V4", "@everyone", "<@123>", "**", "\x00",
         "ｖ３", "參數", "之后", "which", "largest", "released", "paper", "and", "?", "\u202e", "🙂"]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join),
    st.lists(st.sampled_from(WORDS), max_size=12).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, conversation=st.sampled_from([None, "a", "b"]))
def test_any_text_gets_a_valid_answer(text, conversation):
    answer = ENGINE.ask(text, conversation=conversation)
    contract = to_contract(answer)
    assert contract["lang"] in ("zh", "en") and contract["intent"] in INTENTS
    assert set(contract["models"]) <= IDS
    assert contract["field"] in (*FIELDS, None) and (contract["field"] is not None) == (contract["intent"] == "field")
    assert contract["text"].strip()
    if contract["intent"] in ("model", "field", "compare"):
        assert contract["models"]
    if contract["intent"] == "none":
        assert contract["models"] == []
    embed = discord.Embed.from_dict(to_embed(answer.reply))
    assert len(embed) <= TOTAL_MAX and embed.to_dict() == to_embed(answer.reply)
    assert "@everyone" not in contract["text"] and "<@" not in contract["text"]
