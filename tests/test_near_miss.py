"""Near misses: an answer whose model came from a typo that was accepted, but not clearly ahead."""

from bot.core.query import Query


def test_a_typo_close_to_two_models_is_answered_and_marked(engine):
    query = engine.ask("deepseek codr when").query
    assert (query.intent, query.models, query.near_miss) == ("field", ("deepseek-coder",), True)
    assert engine.ask("deepseek coedr v2 什么时候发布").query.near_miss


def test_exact_names_and_clear_typos_are_not_near_misses(engine):
    for text in ("R1 的参数", "deepsek v3 有多少参数", "janus pro 多少参数", "ds3 什么时候发布"):
        assert not engine.ask(text).query.near_miss, text


def test_the_mark_rides_neither_in_the_key_nor_in_equality(engine):
    query = engine.ask("deepseek codr when").query
    assert Query.from_key(query.to_key()) == query and not Query.from_key(query.to_key()).near_miss
