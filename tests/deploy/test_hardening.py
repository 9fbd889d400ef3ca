"""nginx in front of the replicas (deploy/nginx.conf.template), hardened (issue 17, red-team
F6 and F13): security headers on every answer, internal Streamlit endpoints closed, a bounded
client message refused, and limits per client address that a whole workshop behind one NAT
address stays under."""

from __future__ import annotations

import asyncio
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
import websockets
from streamlit.proto.WidgetStates_pb2 import WidgetState

from benchmarks.load import Session
from tests.deploy.replicas import Deployment, running

HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    # The camera on this origin only: clinician review reads a patient's QR code with it.
    "Permissions-Policy": "camera=(self), microphone=(), geolocation=(), payment=(), usb=()",
}
# Streamlit 1.67's endpoints that a deployment of the aid does not need.
CLOSED = [
    "/_stcore/metrics",
    "/_stcore/metrics?format=json",
    "/_stcore/metrics/",
    "/%5Fstcore/metrics",
    "/_stcore/script-health-check",
    "/_stcore/agent/openapi.json",
    "/_stcore/agent/interact",
    "/_stcore/agent/mcp",
    "/_stcore/bidi-components/x.js",
    "/component/x/index.html",
    "/auth/login",
    "/auth/logout",
    "/oauth2callback",
]
KEPT = ["/", "/_stcore/health", "/_stcore/host-config"]


@pytest.fixture(scope="module")
def deployment(tmp_path_factory) -> Iterator[Deployment]:
    with running(tmp_path_factory.mktemp("hardening")) as started:
        yield started


def answer(url: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def assert_hardened(headers: dict[str, str], where: str) -> None:
    for name, value in HEADERS.items():
        assert headers.get(name) == value, f"{where}: {name} = {headers.get(name)!r}"
    policy = headers.get("Content-Security-Policy", "")
    directives = {d.strip().split(" ")[0]: d.strip() for d in policy.split(";") if d.strip()}
    assert directives.get("frame-ancestors") == "frame-ancestors 'none'", (where, policy)
    assert directives.get("default-src") == "default-src 'self'", (where, policy)
    assert directives.get("connect-src") == "connect-src 'self'", (where, policy)
    assert directives.get("object-src") == "object-src 'none'", (where, policy)
    assert "http" not in policy and "*" not in policy, f"{where}: no other site allowed: {policy}"


def test_every_answer_carries_the_security_headers(deployment):
    status, headers, body = answer(f"{deployment.url}/")
    assert status == 200
    assert_hardened(headers, "/")
    asset = body.decode().split('src="./', 1)[1].split('"', 1)[0]  # the page's own script
    for path in ("/_stcore/health", f"/{asset}", "/_stcore/metrics", "/no/such/page"):
        status, headers, _ = answer(f"{deployment.url}{path}")
        assert_hardened(headers, f"{path} ({status})")


@pytest.mark.parametrize("path", CLOSED)
def test_internal_endpoints_are_closed(deployment, path):
    assert answer(f"{deployment.url}{path}")[0] == 404


def test_what_the_page_needs_stays_open(deployment):
    for path in KEPT:
        assert answer(f"{deployment.url}{path}")[0] == 200, path
    # ... and what is closed is there to close: the replicas serve it.
    assert answer(f"{deployment.replicas[0]}/_stcore/metrics")[0] == 200
    assert answer(f"{deployment.replicas[0]}/_stcore/agent/openapi.json")[0] == 200


def test_a_request_body_over_the_limit_is_refused(deployment):
    request = urllib.request.Request(f"{deployment.url}/", data=b"x" * 2_000_000, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    assert status == 413


def test_an_oversized_message_through_nginx_closes_only_that_connection(deployment):
    async def run() -> str:
        session = Session(deployment.url)
        await session.open()
        try:
            await session.send([WidgetState(id="anything", string_value="x" * 5_000_000)])
            await session.receive(quiet=30)
        except websockets.ConnectionClosed as closed:
            return f"closed {closed.rcvd.code if closed.rcvd else None}"
        finally:
            await session.close()
        return "accepted"

    assert asyncio.run(run()) == "closed 1009"
    assert answer(f"{deployment.url}/_stcore/health")[0] == 200


def test_a_workshop_behind_one_address_stays_under_the_limits(deployment):
    """150 attendees behind the venue's one public address open the page at once: every
    request is served (no 429), and so is every session."""
    with ThreadPoolExecutor(max_workers=50) as pool:
        statuses = list(pool.map(lambda _: answer(f"{deployment.url}/")[0], range(150)))
        statuses += list(pool.map(lambda _: answer(f"{deployment.url}/_stcore/host-config")[0], range(150)))
    assert statuses == [200] * 300

    async def attendees() -> list[int]:
        sessions = [Session(deployment.url) for _ in range(150)]

        async def join(session: Session) -> int:
            ws_url = session.url.replace("http", "ws", 1) + "/_stcore/stream"
            try:
                session.ws = await websockets.connect(ws_url, subprotocols=["streamlit"], origin=session.url)
            except websockets.InvalidStatus as refused:
                return refused.response.status_code
            return 101

        try:
            return await asyncio.gather(*(join(s) for s in sessions))
        finally:
            await asyncio.gather(*(s.close() for s in sessions))

    assert asyncio.run(attendees()) == [101] * 150


def test_one_address_cannot_open_sessions_without_end(deployment):
    """Past the burst a workshop needs, new sessions from one address are refused (429)."""

    async def flood() -> list[int]:
        async def one() -> int:
            ws_url = deployment.url.replace("http", "ws", 1) + "/_stcore/stream"
            try:
                async with websockets.connect(ws_url, subprotocols=["streamlit"], origin=deployment.url):
                    await asyncio.sleep(0.5)
            except websockets.InvalidStatus as refused:
                return refused.response.status_code
            return 101

        return await asyncio.gather(*(one() for _ in range(450)))

    statuses = asyncio.run(flood())
    assert 429 in statuses and set(statuses) <= {101, 429}
    assert statuses.count(101) >= 150  # never fewer than a room of attendees
