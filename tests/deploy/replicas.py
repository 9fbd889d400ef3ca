"""deploy/run_replicas.sh as the tests start it: nginx and two app replicas on free loopback
ports. The script installs nginx with apt-get when it is missing; .ci/run installs it first.
Also a websocket handshake with chosen Host and Origin headers, for any server's address."""

from __future__ import annotations

import base64
import http.client
import os
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Deployment:
    url: str
    replicas: list[str]
    logs: Path  # each replica's log, replica-N.log, kept after the script stops (LOG_DIR)


def free_ports(count: int) -> int:
    """The first of ``count`` consecutive free loopback ports."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            first = probe.getsockname()[1]
        if first + count > 65535:
            continue
        try:
            for port in range(first, first + count):
                with socket.socket() as sock:
                    sock.bind(("127.0.0.1", port))
        except OSError:
            continue
        return first
    raise RuntimeError("no free run of loopback ports")


def start(log: Path, **settings: str) -> subprocess.Popen:
    """deploy/run_replicas.sh with these environment settings, its output in ``log``."""
    with log.open("wb") as out:
        return subprocess.Popen(
            ["bash", str(ROOT / "deploy" / "run_replicas.sh")],
            cwd=ROOT,
            env={**os.environ, **settings},
            stdout=out,
            stderr=subprocess.STDOUT,
        )


@contextmanager
def running(folder: Path) -> Iterator[Deployment]:
    """deploy/run_replicas.sh with two replicas, on free ports, until the block ends."""
    port = free_ports(3)  # nginx, then the two replicas
    log = folder / "run_replicas.log"
    process = start(log, PORT=str(port), FIRST_APP_PORT=str(port + 1), REPLICAS="2", LOG_DIR=str(folder))
    try:
        deadline = time.monotonic() + 180  # a first run may install nginx
        while "serving on" not in log.read_text(errors="replace"):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"deploy/run_replicas.sh did not start:\n{log.read_text(errors='replace')}")
            time.sleep(0.2)
        yield Deployment(
            url=f"http://127.0.0.1:{port}",
            replicas=[f"http://127.0.0.1:{port + 1 + i}" for i in range(2)],
            logs=folder,
        )
    finally:
        process.terminate()  # the script stops nginx and both replicas on its way out
        process.wait(timeout=60)


def websocket_handshake(url: str, host: str, origin: str) -> int:
    """The status of a websocket opening handshake sent with these Host and Origin headers."""
    return handshake_answer(url, host, origin)[0]


def handshake_answer(url: str, host: str, origin: str) -> tuple[int, str]:
    """The status of a websocket opening handshake, and the body of a refusal ("" if accepted)."""
    address = url.removeprefix("http://")
    connection = http.client.HTTPConnection(address, timeout=10)
    try:
        connection.putrequest("GET", "/_stcore/stream", skip_host=True)
        for name, value in {
            "Host": host,
            "Origin": origin,
            "Upgrade": "websocket",
            "Connection": "Upgrade",
            "Sec-WebSocket-Key": base64.b64encode(os.urandom(16)).decode(),
            "Sec-WebSocket-Version": "13",
            "Sec-WebSocket-Protocol": "streamlit",
        }.items():
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        if response.status == 101:
            return 101, ""  # the websocket is open: there is no body to read
        return response.status, response.read().decode(errors="replace")
    finally:
        connection.close()
