"""The settings this storage work added: MESSAGE_CONTENT_INTENT and DATABASE_URL."""

import pytest

from bot.settings import SettingsError, load_settings


def settings(**env: str):
    return load_settings(env, dotenv=False)


def test_message_content_intent_defaults_to_whether_question_channels_are_set():
    assert settings().message_content_intent is False
    assert settings(QUESTION_CHANNEL_IDS="1,2").message_content_intent is True
    assert settings(MESSAGE_CONTENT_INTENT="true").message_content_intent is True
    assert settings(MESSAGE_CONTENT_INTENT="FALSE").message_content_intent is False


def test_message_content_intent_off_with_question_channels_is_refused():
    with pytest.raises(SettingsError, match="QUESTION_CHANNEL_IDS needs it true"):
        settings(QUESTION_CHANNEL_IDS="1", MESSAGE_CONTENT_INTENT="false")
    with pytest.raises(SettingsError, match="MESSAGE_CONTENT_INTENT: 'maybe' is not true or false"):
        settings(MESSAGE_CONTENT_INTENT="maybe")


@pytest.mark.parametrize("url", ["postgresql://bot:pw@db:5432/bot", "postgres://db/bot",
                                 "postgresql://postgres:@/postgres?host=/tmp/pg"])
def test_postgresql_urls_are_accepted(url):
    assert settings(DATABASE_URL=url).database_url == url


@pytest.mark.parametrize("url, problem", [
    ("sqlite:///bot.db", "not a sqlite URL"),
    ("db.example:5432", "postgresql://"),
    ("postgresql://db:99999/bot", "malformed URL"),
    ("postgresql:///bot", "names no host"),
])
def test_malformed_database_urls_name_the_problem(url, problem):
    with pytest.raises(SettingsError, match=problem):
        settings(DATABASE_URL=url)
