"""The per-user token bucket: a burst, then one question per refill period; per-call stricter
limits (a server's own setting) and never looser ones; one note per channel; bounded memory."""

from __future__ import annotations

import dataclasses

import pytest

from bot.adapters.discord_app.rate_limit import RateLimiter
from bot.settings import Settings, SettingsError, load_settings


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def asks(limiter: RateLimiter, key: int, n: int, **limit) -> list[float]:
    return [limiter.try_acquire(key, **limit) for _ in range(n)]


def test_a_burst_is_allowed_then_one_question_per_refill(clock):
    limiter = RateLimiter(4, 5, clock=clock)
    assert asks(limiter, 1, 4) == [0.0] * 4
    assert limiter.try_acquire(1) == pytest.approx(5.0)
    clock.now += 2
    assert limiter.try_acquire(1) == pytest.approx(3.0)
    clock.now += 3
    assert limiter.try_acquire(1) == 0.0  # one regained
    assert limiter.try_acquire(1) == pytest.approx(5.0)
    clock.now += 3600
    assert asks(limiter, 1, 5)[-1] > 0  # a long pause fills the bucket, never beyond the burst


def test_users_have_their_own_buckets_and_zero_turns_the_limit_off(clock):
    limiter = RateLimiter(1, 5, clock=clock)
    assert limiter.try_acquire(1) == 0.0 and limiter.try_acquire(1) > 0
    assert limiter.try_acquire(2) == 0.0
    assert asks(RateLimiter(1, 0, clock=clock), 1, 50) == [0.0] * 50


def test_a_limit_passed_per_call_can_only_be_stricter(clock):
    limiter = RateLimiter(4, 5, clock=clock)
    assert asks(limiter, 1, 3, burst=2, refill=10) == [0.0, 0.0, pytest.approx(10.0)]
    assert asks(limiter, 2, 5, burst=10, refill=1)[-1] == pytest.approx(5.0)  # looser: the operator's 4 / 5 s
    assert limiter.limits() == (4, 5.0)
    assert limiter.limits(burst=2) == (2, 5.0) and limiter.limits(refill=30) == (4, 30.0)
    off = RateLimiter(4, 0, clock=clock)  # the operator set no limit: a server's limit applies as given
    assert asks(off, 1, 7, burst=6, refill=2)[-1] == pytest.approx(2.0)
    assert asks(off, 2, 7) == [0.0] * 7


def test_one_note_per_channel_until_the_user_is_allowed_again(clock):
    limiter = RateLimiter(1, 5, clock=clock)
    limiter.try_acquire(1)
    assert limiter.try_acquire(1) > 0
    assert limiter.first_refusal(1, place=10)
    assert not limiter.first_refusal(1, place=10)
    assert limiter.first_refusal(1, place=20)  # another channel hears it too
    assert not limiter.first_refusal(2, place=10)  # a user never refused has nothing to be told
    clock.now += 5
    assert limiter.try_acquire(1) == 0.0
    assert limiter.try_acquire(1) > 0
    assert limiter.first_refusal(1, place=10)  # a new window, a new note


def test_memory_is_bounded_by_forgetting_the_least_recently_seen(clock):
    limiter = RateLimiter(1, 5, clock=clock, max_users=3)
    for user in range(100):
        limiter.try_acquire(user)
    assert len(limiter._buckets) == 3
    assert limiter.try_acquire(99) > 0  # the most recent are still limited
    assert limiter.try_acquire(0) == 0.0  # the forgotten start again with a full bucket


def test_settings_defaults_and_errors():
    assert (Settings().rate_limit_burst, Settings().rate_limit_refill_seconds) == (4, 5.0)
    assert not any("cooldown" in f.name for f in dataclasses.fields(Settings))
    settings = load_settings({"RATE_LIMIT_BURST": "6", "RATE_LIMIT_REFILL_SECONDS": "2.5"}, dotenv=False)
    assert (settings.rate_limit_burst, settings.rate_limit_refill_seconds) == (6, 2.5)
    assert load_settings({"RATE_LIMIT_REFILL_SECONDS": "0"}, dotenv=False).rate_limit_refill_seconds == 0
    for env, name in (({"RATE_LIMIT_BURST": "0"}, "RATE_LIMIT_BURST"),
                      ({"RATE_LIMIT_BURST": "2.5"}, "RATE_LIMIT_BURST"),
                      ({"RATE_LIMIT_REFILL_SECONDS": "-1"}, "RATE_LIMIT_REFILL_SECONDS"),
                      ({"RATE_LIMIT_REFILL_SECONDS": "soon"}, "RATE_LIMIT_REFILL_SECONDS")):
        with pytest.raises(SettingsError, match=name):
            load_settings(env, dotenv=False)
