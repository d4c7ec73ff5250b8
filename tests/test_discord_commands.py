"""The real command tree and its sync payload, and the command callbacks driven by a small
fake interaction (the only fake: it stands in for Discord's side of one interaction)."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any

import discord
import pytest
from discord import app_commands

from bot.adapters.discord_app import commands
from bot.adapters.discord_app.client import create_client, make_intents
from bot.adapters.discord_app.command_sync import last_digest, payload_digest, remember_digest, tree_payload
from bot.adapters.discord_app.rate_limit import RateLimiter
from bot.adapters.discord_app.translations import ChineseTranslator
from bot.core.engine import Engine
from bot.render.cards import to_embed
from bot.settings import Settings


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_folder(Settings().knowledge_dir)


@pytest.fixture
async def client(engine: Engine, tmp_path):
    bot = create_client(Settings(state_dir=tmp_path), engine)
    await bot.tree.set_translator(ChineseTranslator(engine.kb, tmp_path))
    yield bot
    await bot.close()


# -- the tree and its payload --------------------------------------------------------------

def walk(command: dict):
    """A command and every subcommand, group and option under it."""
    yield command
    for option in command.get("options", []):
        yield from walk(option)


async def test_sync_payload_names_options_and_localisations(client):
    payload = {c["name"]: c for c in await tree_payload(client.tree)}
    assert list(payload) == ["ask", "model", "models", "compare", "timeline", "help", "config"]
    option_types = {name: [(o["name"], o["type"], o.get("required", False)) for o in c.get("options", [])]
                    for name, c in payload.items() if name != "config"}
    assert option_types == {
        "ask": [("question", 3, True)],
        "model": [("name", 3, True)],
        "models": [("filter", 3, False)],
        "compare": [("a", 3, True), ("b", 3, True)],
        "timeline": [],
        "help": [],
    }
    assert payload["ask"]["options"][0]["max_length"] == 2000  # a whole Discord message
    for command in payload.values():
        for part in walk(command):
            assert part["name_localizations"].keys() == {"zh-CN", "zh-TW"}, part["name"]
            assert part["description_localizations"].keys() == {"zh-CN", "zh-TW"}, part["name"]
    assert payload["ask"]["name_localizations"] == {"zh-CN": "提问", "zh-TW": "提問"}
    assert payload["model"]["options"][0]["name_localizations"]["zh-TW"] == "名稱"


async def test_localised_names_are_valid_discord_names(client):
    for command in await tree_payload(client.tree):
        for part in walk(command):
            for name in part["name_localizations"].values():
                assert 1 <= len(name) <= 32 and name == name.lower() and " " not in name
            descriptions = [*part["description_localizations"].values(), part["description"]]
            assert all(1 <= len(d) <= 100 for d in descriptions)


async def test_digest_changes_only_with_the_commands(client, tmp_path):
    digest = await payload_digest(client.tree, 1, ())
    assert digest == await payload_digest(client.tree, 1, ())
    assert digest != await payload_digest(client.tree, 1, (123,))
    assert last_digest(tmp_path) is None
    remember_digest(tmp_path, digest)
    assert last_digest(tmp_path) == digest


def test_intents_ask_for_message_content_only_with_question_channels_or_when_told():
    assert not make_intents(Settings()).message_content
    assert make_intents(Settings(question_channel_ids=(1,))).message_content
    assert make_intents(Settings(message_content_intent=True)).message_content
    intents = make_intents(Settings())
    assert intents.guild_messages and intents.dm_messages and not intents.members and not intents.presences


def test_sharded_when_shard_settings_are_given(engine):
    sharded = create_client(Settings(shard_count=4, shard_ids=(2, 3)), engine)
    assert isinstance(sharded, discord.AutoShardedClient)
    assert sharded.shard_count == 4 and sharded.shard_ids == [2, 3]
    assert not isinstance(create_client(Settings(), engine), discord.AutoShardedClient)


# -- callbacks, driven by a fake interaction -----------------------------------------------

@dataclass
class Sent:
    kind: str
    kwargs: dict[str, Any]


@dataclass
class FakeResponse:
    sent: list[Sent]
    done: bool = False

    def is_done(self) -> bool:
        return self.done

    async def send_message(self, **kwargs: Any) -> None:
        self.done = True
        self.sent.append(Sent("message", kwargs))

    async def defer(self, **kwargs: Any) -> None:
        self.done = True
        self.sent.append(Sent("defer", kwargs))

    async def edit_message(self, **kwargs: Any) -> None:
        self.done = True
        self.sent.append(Sent("edit", kwargs))

    async def autocomplete(self, choices: list) -> None:
        self.sent.append(Sent("autocomplete", {"choices": choices}))


@dataclass
class FakeFollowup:
    sent: list[Sent]

    async def send(self, **kwargs: Any) -> None:
        self.sent.append(Sent("followup", kwargs))


@dataclass
class FakeInteraction:
    client: Any
    locale: discord.Locale = discord.Locale.american_english
    type: discord.InteractionType = discord.InteractionType.application_command
    data: dict = field(default_factory=dict)
    channel_id: int = 20
    guild_id: int | None = None
    command: Any = None
    sent: list[Sent] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.user = discord.Object(10)
        self.response = FakeResponse(self.sent)
        self.followup = FakeFollowup(self.sent)


def embed_of(sent: Sent) -> discord.Embed:
    assert sent.kwargs["allowed_mentions"].to_dict() == {"parse": []}
    return sent.kwargs["embed"]


async def test_model_command_answers_with_the_card(client):
    interaction = FakeInteraction(client)
    await commands.model.callback(interaction, name="r1")
    [sent] = interaction.sent
    assert sent.kind == "message" and "R1" in embed_of(sent).title
    assert not sent.kwargs.get("ephemeral")


async def test_model_command_replies_in_the_users_chinese_locale(client):
    interaction = FakeInteraction(client, locale=discord.Locale.taiwan_chinese)
    await commands.model.callback(interaction, name="v3")
    embed = embed_of(interaction.sent[0])
    assert any("\u4e00" <= ch <= "\u9fff" for ch in embed.title + (embed.description or ""))


async def test_a_model_the_article_does_not_cover_is_declined_with_the_ten_it_does(client):
    interaction = FakeInteraction(client)
    await commands.model.callback(interaction, name="<@123456789012345678> **gpt-9**")
    [sent] = interaction.sent
    card = str(embed_of(sent).to_dict())
    assert sent.kwargs["ephemeral"] and "does not cover gpt-9" in card
    assert all(m.name["en"] in card for m in client.engine.kb.models)
    assert "<@" not in card and "**" not in card


async def test_compare_and_models_and_help(client):
    interaction = FakeInteraction(client)
    await commands.compare.callback(interaction, a="v2", b="v3")
    await commands.models.callback(FakeInteraction(client, sent=interaction.sent), filter="tag:moe")
    await commands.help_.callback(FakeInteraction(client, sent=interaction.sent))
    compared, listed, helped = (embed_of(s) for s in interaction.sent)
    assert "V2" in str(compared.to_dict()) and "V3" in str(compared.to_dict())
    assert "V3" in str(listed.to_dict())
    assert all(f"/{command.name}" in helped.description for command in commands.COMMANDS)  # every command
    assert "docs/data.md" in helped.description  # what is kept, and how to opt out


async def test_models_accepts_a_label_and_rejects_an_unknown_filter(client):
    label, selector = client.engine.filters("en")[1]
    interaction = FakeInteraction(client)
    await commands.models.callback(interaction, filter=label)
    expected = to_embed(client.engine.answer(commands.Query(intent="list", selector=selector), "en").reply)
    assert interaction.sent[0].kwargs["embed"].title == expected["title"]
    rejected = FakeInteraction(client)
    await commands.models.callback(rejected, filter="no such filter")
    assert rejected.sent[0].kwargs["ephemeral"]


async def test_ask_defers_then_follows_up_with_the_engine_answer(client):
    interaction = FakeInteraction(client)
    await commands.ask.callback(interaction, question="V3 有多少参数?")
    defer, followup = interaction.sent
    assert defer.kind == "defer" and followup.kind == "followup"
    assert "671B" in str(embed_of(followup).to_dict())


async def test_a_commands_answer_is_followed_up_like_a_questions(client):
    sent: list[Sent] = []
    await commands.model.callback(FakeInteraction(client, sent=sent), name="v2")
    await commands.ask.callback(FakeInteraction(client, sent=sent), question="and when was it released?")
    assert "May 7, 2024" in str(embed_of(sent[-1]).to_dict())
    await commands.models.callback(FakeInteraction(client, sent=sent), filter="tag:moe")
    await commands.ask.callback(FakeInteraction(client, sent=sent), question="which of them was released first?")
    assert embed_of(sent[-1]).title == "The earliest model: DeepSeek-V2 (2024-05-07)"
    other_channel = FakeInteraction(client, channel_id=21)  # another channel is another conversation
    await commands.ask.callback(other_channel, question="and when was it released?")
    assert "Which model do you mean?" in str(embed_of(other_channel.sent[-1]).to_dict())


async def test_ask_with_only_mention_text_gets_a_note(client):
    interaction = FakeInteraction(client)
    await commands.ask.callback(interaction, question="<@123456789012345678> ** ``")
    [sent] = interaction.sent
    assert sent.kwargs["ephemeral"]


async def test_model_autocomplete_is_tiered_and_bounded(client):
    interaction = FakeInteraction(client, type=discord.InteractionType.autocomplete)
    jan = await commands.complete_model(interaction, "jan")
    assert jan[0].value == "janus-pro" and "Janus-Pro" in jan[0].name
    everything = await commands.complete_model(interaction, "")
    assert 1 <= len(everything) <= 25
    assert all(isinstance(c, app_commands.Choice) and len(c.name) <= 100 for c in everything)
    assert (await commands.complete_model(interaction, "x" * 5000)) is not None


async def test_rate_limit_answers_a_burst_then_a_private_note_on_every_refused_command(client):
    now = [100.0]
    client.rate_limit = RateLimiter(2, 5, clock=lambda: now[0])
    assert await client.tree.interaction_check(FakeInteraction(client))
    assert await client.tree.interaction_check(FakeInteraction(client))
    for _ in range(2):  # each refused command is told, privately: Discord expects an answer
        refused = FakeInteraction(client)
        assert not await client.tree.interaction_check(refused)
        [note] = refused.sent
        assert note.kwargs["ephemeral"] and "5 s" in note.kwargs["content"]
    now[0] += 5
    assert await client.tree.interaction_check(FakeInteraction(client))
    typing = FakeInteraction(client, type=discord.InteractionType.autocomplete)
    assert await client.tree.interaction_check(typing)  # suggestions are never throttled


async def test_a_failing_command_becomes_an_ephemeral_note(client, caplog):
    class Broken:
        def resolve_model(self, name: str) -> str:
            raise RuntimeError("knowledge went away")

    client.engine = Broken()
    interaction = FakeInteraction(client)
    with pytest.raises(RuntimeError):
        await commands.model.callback(interaction, name="r1")
    await client.tree.on_error(interaction, app_commands.CommandInvokeError(commands.model, RuntimeError("x")))
    [sent] = interaction.sent
    assert sent.kwargs["ephemeral"] and "went wrong" in sent.kwargs["content"]
    assert "failed" in caplog.text


async def test_timeline_command_attaches_the_picture_to_its_card(client):
    interaction = FakeInteraction(client, locale=discord.Locale.chinese)
    await commands.timeline.callback(interaction)
    deferred, sent = interaction.sent
    assert deferred.kind == "defer"
    [file] = sent.kwargs["files"]
    assert file.filename == "deepseek-timeline-zh.png" and file.fp.read(8) == b"\x89PNG\r\n\x1a\n"
    assert embed_of(sent).image.url == "attachment://deepseek-timeline-zh.png"


def test_caches_the_bot_never_reads_are_off_and_permissions_still_resolve(engine, tmp_path):
    from tests.discord_standin import BOT_ID, QUESTION_CHANNEL, guild, user

    client = create_client(Settings(state_dir=tmp_path), engine)
    state = client._connection
    assert state.max_messages is None and state.member_cache_flags.value == 0 and not state._chunk_guilds
    state.user = discord.ClientUser(state=state, data=user(BOT_ID, "deepseek-qa", bot=True))
    server = discord.Guild(data=guild(), state=state)
    assert server.me is not None and server.me.id == BOT_ID  # its own member is kept all the same
    assert len(server.members) == 1
    permissions = server.get_channel(QUESTION_CHANNEL).permissions_for(server.me)
    assert permissions.send_messages and permissions.read_message_history


async def test_without_the_taiwan_conversion_zh_tw_falls_back_to_english_with_one_warning(
        engine, tmp_path, monkeypatch, caplog):
    from bot.adapters.discord_app import translations
    from bot.render import traditional

    monkeypatch.setattr(translations, "_converted", None)
    monkeypatch.setattr(traditional, "CHILD", (sys.executable, "-c", "raise SystemExit('opencc is missing')"))
    bot = create_client(Settings(state_dir=tmp_path), engine)
    await bot.tree.set_translator(ChineseTranslator(engine.kb, tmp_path))
    payload = {c["name"]: c for c in await tree_payload(bot.tree)}
    assert payload["ask"]["name_localizations"] == {"zh-CN": "提问"}
    assert caplog.text.count("opencc is missing") == 1
    await bot.close()
