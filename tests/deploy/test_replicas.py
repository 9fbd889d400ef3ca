"""The deployment in deploy/: nginx in front of two app replicas, all on loopback, started
by deploy/run_replicas.sh as a clinic or a workshop would. Each replica's own
/_stcore/metrics, reachable only on loopback, counts its connections and reconnections.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from benchmarks.load import Session
from tests.deploy.replicas import (
    Deployment,
    free_ports,
    handshake_answer,
    running,
    start,
    websocket_handshake,
)

SAFETY = "Over the last 2 weeks, how often"
CRISIS_REGION = "Where are you?"  # the region list in the crisis panel
PEOPLE = 16  # were the cookie ignored, all 16 would keep their replica 1 time in 65,536


def run(coroutine):
    """asyncio.run in a thread of its own: when the browser tests have run first, their
    Playwright keeps an event loop running in this one."""
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(asyncio.run, coroutine).result()


@pytest.fixture(scope="module")
def deployment(tmp_path_factory) -> Iterator[Deployment]:
    with running(tmp_path_factory.mktemp("deploy")) as started:
        yield started


def fetch(url: str, cookie: str = "") -> tuple[int, list[str]]:
    """The status and the Set-Cookie headers of a GET."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers.get_all("Set-Cookie") or []
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_all("Set-Cookie") or []


def replica_cookie(headers: list[str]) -> str:
    """The ``name=value`` part of the replica cookie, or "" if none was set."""
    found = [h.split(";", 1)[0] for h in headers if h.startswith("aid_replica=")]
    return found[0] if found else ""


def session_events(replica: str) -> dict[str, float]:
    with urllib.request.urlopen(f"{replica}/_stcore/metrics", timeout=10) as response:
        text = response.read().decode()
    events = {}
    for line in text.splitlines():
        if line.startswith("session_events_total{"):
            name, value = line.split(" ")
            events[name.split('"')[1]] = float(value)
    return events


def test_the_clinics_own_address_reaches_the_app_and_other_sites_do_not(deployment):
    """nginx passes the Host on: Streamlit accepts a websocket whose Origin is the address
    people typed, and still refuses one opened by another site's page."""
    assert websocket_handshake(deployment.url, "aid.clinic.example", "https://aid.clinic.example") == 101
    assert websocket_handshake(deployment.url, "aid.clinic.example", "https://other.example") == 403


OTHER_SITES = [
    "https://other.example",
    "null",  # a sandboxed frame or a page opened from a file
    "https://aid.clinic.example.other.example",  # starts with the clinic's name
    "https://aid.clinic.example:8443",  # the same name on another port is another site
    "http://other.example/https://aid.clinic.example",
]


def test_nginx_itself_refuses_a_websocket_from_another_sites_page(deployment):
    """A foreign Origin never reaches a replica (whose own check looked the machine's public
    address up off the machine, red-team review 1, F1): the refusal is nginx's own page, not
    Streamlit's empty one passed through."""
    for origin in OTHER_SITES:
        status, body = handshake_answer(deployment.url, "aid.clinic.example", origin)
        assert status == 403 and "nginx" in body, f"{origin}: {status} {body!r}"
    # The site's own pages: over TLS in front, or plain on loopback.
    assert websocket_handshake(deployment.url, "aid.clinic.example", "https://aid.clinic.example") == 101
    address = deployment.url.removeprefix("http://")
    assert websocket_handshake(deployment.url, address, deployment.url) == 101


def test_streamlit_metrics_are_not_served_through_nginx(deployment):
    assert fetch(f"{deployment.replicas[0]}/_stcore/metrics")[0] == 200  # there is something to hide
    assert fetch(f"{deployment.url}/_stcore/metrics")[0] == 404


def test_a_first_visit_gets_a_replica_cookie_and_later_visits_keep_it(deployment):
    status, headers = fetch(f"{deployment.url}/")
    assert status == 200
    cookie = replica_cookie(headers)
    assert cookie, f"no replica cookie in {headers}"
    attributes = next(h for h in headers if h.startswith(cookie)).split(";")
    assert {a.strip() for a in attributes[1:]} >= {"Path=/", "HttpOnly", "SameSite=Lax"}

    status, headers = fetch(f"{deployment.url}/", cookie)
    assert status == 200 and not replica_cookie(headers)


async def answer_and_drop(deployment: Deployment) -> Session:
    """A person opens the app through nginx, starts the questions and gives a safety answer
    that opens the crisis panel. Then the connection drops."""
    cookie = replica_cookie(fetch(f"{deployment.url}/")[1])
    session = Session(deployment.url, cookie)
    try:
        await session.open()
        await session.act("click", "Start the questions", 0)
        await session.act("radio", SAFETY, 1)  # "Several days"
        assert CRISIS_REGION in session.widgets
    finally:
        await session.close()
    return session


@dataclass
class Return:
    same_session: bool
    on_screen: list[str]


async def come_back(session: Session) -> Return:
    """The browser reconnects and asks for its session. This client forgets the values the
    page held, which a browser would send again: only the server's memory can bring the
    answer back."""
    before = session.session_id
    session.states = {}
    try:
        await session.open(resume=True)
        return Return(session.session_id == before, list(session.widgets))
    finally:
        await session.close()


def test_after_a_dropped_connection_each_person_gets_their_own_answers_back(deployment):
    """The websocket goes through nginx, and a reconnection reaches the replica that holds
    the person's session."""
    before = [session_events(replica) for replica in deployment.replicas]

    async def everyone() -> list[Return]:
        sessions = await asyncio.gather(*(answer_and_drop(deployment) for _ in range(PEOPLE)))
        return await asyncio.gather(*(come_back(session) for session in sessions))

    for back in run(everyone()):
        assert back.same_session, "a reconnection started a new, empty session"
        assert CRISIS_REGION in back.on_screen, f"the safety answer was lost; on screen: {back.on_screen}"

    after = [session_events(replica) for replica in deployment.replicas]
    connects = [a["connect"] - b["connect"] for a, b in zip(after, before, strict=True)]
    reconnects = sum(a["reconnect"] - b["reconnect"] for a, b in zip(after, before, strict=True))
    assert all(connects), f"one replica got every person: new sessions per replica {connects}"
    assert reconnects == PEOPLE


def crash(replica: str) -> None:
    """Kill a replica's process outright, and wait until its port refuses connections."""
    port = replica.rsplit(":", 1)[1].encode()
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue  # a process that has just ended
        if (
            b"streamlit" in args
            and b"--server.port" in args
            and args[args.index(b"--server.port") + 1] == port
        ):
            os.kill(int(cmdline.parent.name), signal.SIGKILL)
            break
    else:
        raise AssertionError(f"no replica process on port {port.decode()}")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", int(port)), timeout=1).close()
        except OSError:
            return
        time.sleep(0.1)
    raise AssertionError("the crashed replica still accepts connections")


def test_when_a_replica_crashes_everyone_still_reaches_the_app(tmp_path):
    """People on the crashed replica start again with a new, empty session on the other one,
    or on the crashed one once it is back (nothing is stored anywhere, by design); nobody
    sees another person's answers, and people who arrive afterwards are served as usual."""
    with running(tmp_path) as deployment:

        async def crash_between() -> list[Return]:
            sessions = await asyncio.gather(*(answer_and_drop(deployment) for _ in range(PEOPLE)))
            crash(deployment.replicas[0])
            returns = await asyncio.gather(*(come_back(session) for session in sessions))
            # Newcomers: each must reach the questions and see the crisis panel open.
            await asyncio.gather(*(answer_and_drop(deployment) for _ in range(4)))
            return returns

        returns = run(crash_between())

    kept = [back for back in returns if back.same_session]
    fresh = [back for back in returns if not back.same_session]
    assert kept and fresh, f"people on both replicas expected: {len(kept)} kept, {len(fresh)} new"
    for back in kept:
        assert CRISIS_REGION in back.on_screen
    for back in fresh:
        assert any(label.startswith(SAFETY) for label in back.on_screen)
        assert CRISIS_REGION not in back.on_screen, "a new session showed an answer it was never given"


def healthy(replica: str) -> bool:
    try:
        with urllib.request.urlopen(f"{replica}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def test_a_crashed_replica_is_started_again_and_serves_people_again(tmp_path):
    """A workshop keeps both replicas' cores after a crash: run_replicas.sh starts the replica
    again, says so, and nginx sends people there as before (the replica's own metrics count
    the sessions it opened since it came back)."""
    with running(tmp_path) as deployment:
        crash(deployment.replicas[0])
        deadline = time.monotonic() + 60
        while not healthy(deployment.replicas[0]):
            assert time.monotonic() < deadline, "the crashed replica was not started again"
            time.sleep(0.2)

        async def newcomers() -> None:
            await asyncio.gather(*(answer_and_drop(deployment) for _ in range(PEOPLE)))

        run(newcomers())
        assert session_events(deployment.replicas[0]).get("connect", 0) > 0, "nginx sent nobody back"
        assert session_events(deployment.replicas[1]).get("connect", 0) > 0
        said = (tmp_path / "run_replicas.log").read_text(errors="replace")
        assert "replica 0" in said and "starting it again" in said, said
    # Each replica's log outlives the script when LOG_DIR names a folder (here tmp_path), and
    # the restarted replica writes on after the crashed one: a clinic can read both.
    assert {log.name for log in tmp_path.glob("replica-*.log")} == {"replica-0.log", "replica-1.log"}
    assert f"its log: {tmp_path}/replica-0.log" in said


def processes_with(variable: str) -> list[int]:
    """Process ids whose environment holds ``variable`` (NAME=value) exactly."""
    found = []
    wanted = variable.encode()
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if wanted in environ.read_bytes().split(b"\0"):
                found.append(int(environ.parent.name))
        except OSError:
            continue  # a process that has just ended, or not ours
    return found


def test_a_replica_that_stops_at_once_is_tried_again_less_and_less_often(tmp_path):
    """A replica that cannot start (here its app file is missing) is started again after 1,
    2, 4, 8 s and so on, not every second for the whole workshop; stopping the script still
    stops at once, in the middle of a wait, and leaves nothing of it running."""
    port = free_ports(2)
    mark = f"FIRST_APP_PORT={port + 1}"
    log = tmp_path / "run_replicas.log"
    process = start(log, PORT=str(port), FIRST_APP_PORT=str(port + 1), REPLICAS="1", APP="no_such_app.py")
    try:
        deadline = time.monotonic() + 90
        while "starting it again in 8 s" not in log.read_text(errors="replace"):
            said = log.read_text(errors="replace")
            assert process.poll() is None and time.monotonic() < deadline, said
            time.sleep(0.2)
        said = log.read_text(errors="replace")
        waits = [
            line.rsplit(" in ", 1)[1] for line in said.splitlines() if line.startswith("replica 0 (port")
        ]
        assert waits == ["1 s", "2 s", "4 s", "8 s"], said
    finally:
        asked = time.monotonic()
        process.terminate()
        process.wait(timeout=60)
    assert time.monotonic() - asked < 4, "stopping waited for the replica's 8 s pause to end"
    deadline = time.monotonic() + 5
    while processes_with(mark):
        assert time.monotonic() < deadline, f"left running: {processes_with(mark)}"
        time.sleep(0.1)
