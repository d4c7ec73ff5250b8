"""The rate limit through the real bot and the Discord stand-in: a burst of four is answered,
the fifth addressed message gets a short note, a mention in another channel during the same
window gets its own note, chat in a question channel over the limit is skipped silently, and
a slash command over the limit is told privately."""

from __future__ import annotations

from tests.discord_fixtures import ask_in_channel, card_text, pings_nobody, run_interaction, start_bot
from tests.discord_standin import (
    API_PATH,
    BOT_ID,
    CHAT_CHANNEL,
    QUESTION_CHANNEL,
    DiscordStandIn,
    command,
    interaction_payload,
    message_payload,
    user,
)

BOT_USER = user(BOT_ID, "deepseek-qa", bot=True)


def posts_in(standin: DiscordStandIn, channel_id: int, after: int) -> list[dict]:
    path = f"{API_PATH}/channels/{channel_id}/messages"
    return [r.body for r in standin.requests[after:] if r.method == "POST" and r.path == path]


async def test_a_burst_then_one_note_per_channel_and_silence_for_chat(tmp_path):
    standin = DiscordStandIn()
    await standin.start()
    bot = await start_bot(standin, tmp_path / "state", tmp_path / "bot.log",
                          RATE_LIMIT_BURST="4", RATE_LIMIT_REFILL_SECONDS="600")
    try:
        for question in ("what is R1?", "v3?", "when was V2 released?", "compare v2 and v3"):
            _, reply = await ask_in_channel(standin, QUESTION_CHANNEL, question)
            assert reply["embeds"], question  # a card, not a note

        start = standin.mark()
        _, note = await ask_in_channel(standin, QUESTION_CHANNEL, f"<@{BOT_ID}> what is Janus-Pro?",
                                       mentions=[BOT_USER])
        assert "ask again in 600 s" in note["content"] and not note.get("embeds")
        assert pings_nobody(note)

        # Over the limit, unaddressed chat-channel questions and a second mention in the same
        # channel pass without a reply; a mention elsewhere still gets its own note.
        await standin.dispatch("MESSAGE_CREATE", message_payload(QUESTION_CHANNEL, content="what is V3?"))
        await standin.dispatch("MESSAGE_CREATE", message_payload(
            QUESTION_CHANNEL, content=f"<@{BOT_ID}> and R1?", mentions=[BOT_USER]))
        _, elsewhere = await ask_in_channel(standin, CHAT_CHANNEL, f"<@{BOT_ID}> what is V3?",
                                            mentions=[BOT_USER])
        assert "ask again" in elsewhere["content"] and not elsewhere.get("embeds")
        assert len(posts_in(standin, QUESTION_CHANNEL, start)) == 1  # only the first note

        refused = await run_interaction(standin, interaction_payload(2, command("model", name="r1")))
        assert refused["data"]["flags"] & 64 and "ask again" in refused["data"]["content"]

        # Another user is not held back by the first one's burst.
        _, other = await ask_in_channel(standin, QUESTION_CHANNEL, "what is R1?",
                                        author=user(940000000000000009, "someone-else"))
        assert "R1" in card_text(other)
    finally:
        assert await bot.stop() == 0, bot.log()
        await standin.stop()
