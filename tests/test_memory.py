from bot.core.memory import Context, ConversationMemory

V3 = Context(("deepseek-v3",), "model", None)


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_context_expires_after_the_ttl():
    clock = Clock()
    memory = ConversationMemory(ttl=60, clock=clock)
    memory.remember("u:c", V3)
    clock.now = 59
    assert memory.get("u:c") == V3
    clock.now = 130  # 71 s after the last touch
    assert memory.get("u:c") is None and len(memory) == 0


def test_least_recently_used_conversation_goes_first():
    memory = ConversationMemory(size=2)
    memory.remember("a", V3)
    memory.remember("b", V3)
    memory.remember("a", V3)  # touch a
    memory.remember("c", V3)
    assert memory.get("b") is None and memory.get("a") == V3 and memory.get("c") == V3
    assert len(memory) == 2


def test_no_conversation_key_remembers_nothing():
    memory = ConversationMemory()
    memory.remember(None, V3)
    assert memory.get(None) is None and len(memory) == 0


def test_the_context_keeps_the_models_of_the_turn_before(engine):
    engine.ask("tell me about V2", conversation="t")
    engine.ask("what about V3?", conversation="t")
    context = engine.memory.get("t")
    assert context.models == ("deepseek-v3",) and context.earlier == ("deepseek-v2",)
