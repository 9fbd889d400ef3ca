"""Started as the README says, the server makes no network request off the machine: not at
start, not while a person goes through the aid, and not when another site's page tries to
open a websocket (Streamlit looked up checkip.amazonaws.com for each, synchronously, on the
event loop: red-team review 1, F1). The server runs under an audit hook
(tests/network/audited_server.py) that records every name lookup and connect, and refuses
any that would leave the machine, so this test never reaches the internet either.

Not seen by the hook: sockets opened inside uvloop's C code. The app's server makes none
off the machine (it only listens); requests to other hosts go through Python's socket module.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from benchmarks.load import JOURNEY, Session
from tests.deploy.replicas import websocket_handshake

ROOT = Path(__file__).resolve().parents[2]
LAUNCHER = Path(__file__).with_name("audited_server.py")
OTHER_SITES = ["https://evil.example", "http://attacker.example:8501", "null", "https://127.0.0.1.example"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, f"streamlit exited:\n{log.read_text(errors='replace')}"
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)  # polling the health endpoint, not waiting on the app
    raise AssertionError(f"streamlit did not become healthy within 60 s:\n{log.read_text(errors='replace')}")


async def journey(url: str) -> list[str]:
    """A person opens the aid and goes through it to the summary: the widgets they end on."""
    session = Session(url)
    try:
        await session.open()
        for action, label, choice in JOURNEY:
            await session.act(action, label, choice)
        return list(session.widgets)
    finally:
        await session.close()


def run(coroutine):
    """asyncio.run in a thread of its own: Playwright may keep a loop running in this one."""
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(asyncio.run, coroutine).result()


def test_started_as_the_readme_says_the_server_reaches_nothing_off_the_machine(tmp_path):
    record, log = tmp_path / "events.txt", tmp_path / "server.log"
    port = free_port()
    url, host = f"http://127.0.0.1:{port}", f"127.0.0.1:{port}"
    # README: `python3 -m streamlit run app.py` from the repository, with its .streamlit/config.toml.
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, str(LAUNCHER), "run", "app.py", "--server.port", str(port)],
            cwd=ROOT,
            env={**os.environ, "AUDIT_RECORD": str(record)},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_healthy(url, process, log)
        assert run(journey(url)), "the journey ended on an empty page"
        refused = {origin: websocket_handshake(url, host, origin) for origin in OTHER_SITES}
        own = websocket_handshake(url, host, url)
        assert run(journey(url))  # a second person, after the other sites' attempts
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    assert refused == dict.fromkeys(OTHER_SITES, 403)
    assert own == 101
    events = record.read_text().splitlines()
    assert "local\thook\t'installed'" in events
    off = [line for line in events if line.startswith("off\t")]
    assert off == [], "the server reached off the machine:\n" + "\n".join(off)
