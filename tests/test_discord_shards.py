"""Scale out: two real `python -m bot` processes, shards 0 and 1 of 2, share one PostgreSQL.

The stand-in routes each server's events to shard (guild_id >> 22) % 2, as Discord does. An
admin changes a setting on a server of each shard; both take effect, and survive a restart."""

from __future__ import annotations

from tests.discord_fixtures import CHANNEL, ask_in_channel, card_text, config, private_text, start_bot
from tests.discord_standin import (
    CHAT_CHANNEL,
    GUILD_ID,
    OTHER_GUILD_CHANNEL,
    OTHER_GUILD_ID,
    DiscordStandIn,
    shard_of,
)

CHANNELS = {GUILD_ID: CHAT_CHANNEL, OTHER_GUILD_ID: OTHER_GUILD_CHANNEL}  # none is a question channel yet


async def test_two_shard_processes_share_settings_in_postgresql(tmp_path, postgres_url):
    assert [shard_of(g, 2) for g in CHANNELS] == [0, 1]
    standin = DiscordStandIn()
    await standin.start()
    bots = {}

    async def start(shard: int):
        bots[shard] = await start_bot(standin, tmp_path / f"state-{shard}", tmp_path / f"shard-{shard}.log",
                                      SHARD_COUNT="2", SHARD_IDS=str(shard), DATABASE_URL=postgres_url)
        assert standin.identify["shard"] == [shard, 2]

    async def answers(guild_id: int) -> None:
        _, reply = await ask_in_channel(standin, CHANNELS[guild_id], "V3 有多少参数?", guild_id=guild_id)
        assert "671B" in card_text(reply)

    try:
        await start(0)
        await start(1)
        for guild_id, channel_id in CHANNELS.items():  # each server's /config reaches its own shard
            text = private_text(await config(standin, "channels", "add", guild_id=guild_id,
                                             channel=(CHANNEL, channel_id)))
            assert text.endswith(f"<#{channel_id}>")
        for guild_id in CHANNELS:
            await answers(guild_id)
        for shard in (0, 1):
            assert await bots[shard].stop() == 0, bots[shard].log()
            await start(shard)
            for guild_id in CHANNELS:
                await answers(guild_id)
    finally:
        for bot in bots.values():
            await bot.stop()
        await standin.stop()
    assert standin.spec_problems == []
