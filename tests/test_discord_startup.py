"""Start-up of the real `python -m bot`: bad settings stop it before anything connects, an
unreachable or strange Discord ends it with one line and a non-zero exit (so a service manager
restarts it), and SIGTERM or Ctrl-C during login ends it quietly with exit 0."""

from __future__ import annotations

import asyncio
import json
import signal
import socket
import sys
from contextlib import asynccontextmanager, closing
from dataclasses import dataclass

import pytest
from aiohttp import web

from tests.discord_fixtures import PROJECT_ROOT, bot_env


@dataclass
class Endpoints:
    api_base: str
    gateway_url: str


def endpoints(host_port: str) -> Endpoints:
    return Endpoints(f"http://{host_port}/api/v10", f"ws://{host_port}/gateway")


async def run_bot(where: Endpoints, tmp_path, **overrides: str) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=PROJECT_ROOT, env=bot_env(where, tmp_path / "state", **overrides),
        stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(process.communicate(), 60)
    return process.returncode, (out + err).decode()


def errors(log: str) -> list[str]:
    return [line for line in log.splitlines() if " ERROR " in line or line.startswith("setting error")]


@asynccontextmanager
async def server(handler):
    """A tiny HTTP server on loopback that answers every request with `handler`."""
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handler)
    runner = web.AppRunner(app, shutdown_timeout=0.1)  # a handler that never answers is cut off at the end
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        yield endpoints(f"127.0.0.1:{site._server.sockets[0].getsockname()[1]}")  # type: ignore[union-attr]
    finally:
        await runner.cleanup()


SETTINGS = [
    ({"RATE_LIMIT_REFILL_SECONDS": "inf"}, "RATE_LIMIT_REFILL_SECONDS"),
    ({"RATE_LIMIT_BURST": "nan"}, "RATE_LIMIT_BURST"),
    ({"SHARD_COUNT": "0"}, "SHARD_COUNT"),
    ({"DISCORD_GUILD_IDS": "²"}, "DISCORD_GUILD_IDS"),
    ({"QUESTION_CHANNEL_IDS": "١٢٣"}, "QUESTION_CHANNEL_IDS"),
    ({"DISCORD_GUILD_IDS": str(2**64)}, "DISCORD_GUILD_IDS"),
    ({"DISCORD_GUILD_IDS": "1" * 5000}, "DISCORD_GUILD_IDS"),
    ({"DISCORD_API_BASE": "http://"}, "DISCORD_API_BASE"),
    ({"LOGIN_TIMEOUT_SECONDS": "0"}, "LOGIN_TIMEOUT_SECONDS"),
]


@pytest.mark.parametrize(("env", "name"), SETTINGS, ids=[f"{n}={v[:12]}" for e, n in SETTINGS for v in e.values()])
async def test_a_bad_setting_is_one_line_and_exit_2_before_anything_connects(tmp_path, env, name):
    with closing(socket.create_server(("127.0.0.1", 0))) as listener:
        listener.setblocking(False)
        rc, log = await run_bot(endpoints(f"127.0.0.1:{listener.getsockname()[1]}"), tmp_path, **env)
        with pytest.raises(BlockingIOError):
            listener.accept()  # nobody connected
    assert rc == 2 and "Traceback" not in log
    assert log.strip().splitlines() == [line for line in errors(log)]
    assert len(errors(log)) == 1 and errors(log)[0].startswith(f"setting error: {name}: ")


def closed_port() -> str:
    with closing(socket.create_server(("127.0.0.1", 0))) as sock:
        return f"127.0.0.1:{sock.getsockname()[1]}"


@pytest.mark.parametrize(("host_port", "expected"), [
    (closed_port(), "cannot reach Discord at http://127.0.0.1:"),
    ("discord.invalid", "cannot reach Discord at http://discord.invalid/api/v10"),
])
async def test_an_unreachable_discord_is_one_line_and_a_failure(tmp_path, host_port, expected):
    rc, log = await run_bot(endpoints(host_port), tmp_path)
    assert rc == 1 and "Traceback" not in log, log
    [line] = errors(log)
    assert expected in line and "check the network, DNS and firewall" in line


def html(status):
    async def answer(request):
        return web.Response(status=status, text="<html><body>Bad gateway</body></html>", content_type="text/html")
    return answer


async def unauthorized(request):
    return web.Response(status=401, body=json.dumps({"message": "401: Unauthorized", "code": 0}).encode(),
                        headers={"Content-Type": "application/json"})


@pytest.mark.parametrize(("handler", "rc", "expected"), [
    (html(200), 1, "did not answer like Discord's API (an HTML page or a proxy?); check DISCORD_API_BASE"),
    (html(503), 1, "answered HTTP 503; check https://discordstatus.com"),
    (unauthorized, 2, "DISCORD_TOKEN was rejected by Discord: copy the token again from the Bot tab"),
])
async def test_a_server_that_is_not_discord_is_one_line(tmp_path, handler, rc, expected):
    async with server(handler) as where:
        code, log = await run_bot(where, tmp_path)
    assert code == rc and "Traceback" not in log, log
    [line] = errors(log)
    assert expected in line
    assert "voice" not in log  # discord.py's warnings about voice libraries are silenced


async def test_a_discord_that_never_answers_is_given_up_after_the_login_timeout(tmp_path):
    async def never(request):
        await asyncio.Event().wait()

    async with server(never) as where:
        code, log = await run_bot(where, tmp_path, LOGIN_TIMEOUT_SECONDS="1")
    assert code == 1 and "Traceback" not in log, log
    [line] = errors(log)
    assert "did not answer within 1 s (LOGIN_TIMEOUT_SECONDS)" in line


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
async def test_a_signal_during_login_exits_0_quietly(tmp_path, signum):
    called = asyncio.Event()

    async def never(request):
        called.set()
        await asyncio.Event().wait()

    async with server(never) as where:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", cwd=PROJECT_ROOT, env=bot_env(where, tmp_path / "state"),
            stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
        await asyncio.wait_for(called.wait(), 30)  # the bot is waiting for the login's answer
        process.send_signal(signum)
        out, _ = await asyncio.wait_for(process.communicate(), 30)
    log = out.decode()
    assert process.returncode == 0 and "Traceback" not in log and not errors(log), log
    assert "disconnected cleanly" in log
