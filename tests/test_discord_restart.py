"""`python -m bot sync`, then restarts: no needless re-sync, the rate limit, clean SIGTERM, and a
button from before the restart still working."""

from __future__ import annotations

import asyncio

from tests.discord_fixtures import CHINESE, ask_in_channel, card_text, click, custom_ids, start_bot
from tests.discord_standin import BOT_ID, QUESTION_CHANNEL, DiscordStandIn, user


def command_puts(standin: DiscordStandIn) -> int:
    return sum(1 for r in standin.requests if r.method == "PUT" and r.path.endswith("/commands"))


async def test_sync_then_restart_with_an_old_button(tmp_path):
    standin = DiscordStandIn()
    await standin.start()
    state, log = tmp_path / "state", tmp_path / "bot.log"
    try:
        sync = await start_bot(standin, state, log, "sync")
        assert await asyncio.wait_for(sync.process.wait(), 20) == 0, sync.log()
        assert command_puts(standin) == 1

        first = await start_bot(standin, state, log, RATE_LIMIT_BURST="1", RATE_LIMIT_REFILL_SECONDS="60")
        _, reply = await ask_in_channel(standin, QUESTION_CHANNEL, "what is R1?")
        old_message = standin.messages[max(standin.messages)]
        _, note = await ask_in_channel(standin, QUESTION_CHANNEL, f"<@{BOT_ID}> what is V3?",  # too soon
                                       mentions=[user(BOT_ID, "deepseek-qa", bot=True)])
        assert "ask again" in note["content"] and not note.get("embeds")
        assert await first.stop() == 0
        assert "disconnected cleanly" in first.log()
        assert command_puts(standin) == 1  # the commands did not change: start-up did not sync again

        second = await start_bot(standin, state, log)
        button = next(cid for cid in custom_ids(reply) if cid.startswith("qa:lang:zh:"))
        callback = await click(standin, old_message, button)
        assert callback["type"] == 7
        assert CHINESE.search(card_text(callback["data"]))
        assert await second.stop() == 0
    finally:
        await standin.stop()
