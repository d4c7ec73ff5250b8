"""The strict scorer of benchmarks.accuracy: what counts as a right answer to a labelled question."""

from benchmarks.accuracy import is_right, wrong

DECLINE = {"lang": "en", "intent": "none", "models": [], "field": None, "text": "I can't answer that from the article"}


def _parts(*intents: str) -> dict:
    return {**DECLINE, "parts": [{**DECLINE, "intent": i, "models": [] if i == "none" else ["deepseek-r1"]}
                                 for i in intents]}


def test_a_decline_given_part_by_part_is_a_decline():
    label = {"id": "x", "lang": "en", "intent": "none", "models": []}
    assert is_right(label, _parts("none", "none")) and not wrong(label, _parts("none", "none"))


def test_a_decline_with_one_part_answered_is_wrong():
    label = {"id": "x", "lang": "en", "intent": "none", "models": []}
    assert not is_right(label, _parts("none", "model"))
    assert wrong(label, _parts("none", "model")) == ["2 parts, want 0"]


def test_one_question_answered_as_two_is_wrong():
    label = {"id": "x", "lang": "en", "intent": "model", "models": ["deepseek-r1"]}
    answer = {**_parts("model", "model"), "intent": "model", "models": ["deepseek-r1"]}
    assert not is_right(label, answer)
