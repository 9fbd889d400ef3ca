"""Oversized widget values over Streamlit's own protocol (issue 17, red-team F6): ten clients
each send a 20 MB value for a real text box and stay connected. The server refuses each such
message (.streamlit/config.toml, server.maxWidgetStateSize), its memory stays bounded, its
log names no part of the value, and it still serves a new person. Bounded: ten sessions,
one large message each, loopback only.

The review measured 220 -> 698 MiB for the same attack with Streamlit's defaults (25 MB per
client message). Run this file with ``-s`` to see the figures for this machine.
"""

from __future__ import annotations

import asyncio
import gc

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from benchmarks.load import Session, rss_kib
from tests.e2e.conftest import start_server
from tests.protocol.loop import run

CLIENTS = 10
SIZE = 20_000_000  # characters, as in the review
MARKER = "quokka-7781-"  # repeated to make the value: it must never reach the log
GROWTH_LIMIT_MIB = 60  # ten 20 MB values kept would be at least 200 MiB
SETTLE = 2.0  # seconds for the server to finish with what it was sent


class Workshop(Session):
    """A session on the workshop page, whose "Address to share" box is a text input."""

    async def send(self, states: list[WidgetState], fragment: str = "") -> None:
        message = BackMsg()
        message.rerun_script.page_script_hash = self.page_hash
        message.rerun_script.query_string = "mode=workshop"
        message.rerun_script.fragment_id = fragment
        message.rerun_script.widget_states.widgets.extend(states)
        await self.ws.send(message.SerializeToString())

    def text_box(self) -> str:
        return next(widget_id for widget_id, (kind, _, _) in self.seen.items() if kind == "text_input")


async def attack(url: str, value: str) -> tuple[Workshop, str]:
    """Open the workshop page, then send the value for its text box; what the server did."""
    session = Workshop(url)
    await session.open()
    state = WidgetState(id=session.text_box(), string_value=value)
    try:
        await session.send([*session.states.values(), state])
        await session.receive(quiet=30)
    except websockets.ConnectionClosed as closed:
        return session, f"closed {closed.rcvd.code if closed.rcvd else None}"
    return session, "accepted"


def mib(pid: int) -> float:
    return rss_kib(pid) / 1024


def test_ten_clients_with_twenty_megabyte_values_leave_memory_and_log_clean(tmp_path):
    server = start_server(tmp_path)
    value = (MARKER * (SIZE // len(MARKER) + 1))[:SIZE]
    outcomes: list[str] = []
    try:

        async def attack_all() -> tuple[float, float, float]:
            warm = Workshop(server.url)
            await warm.open()  # the page drawn once: its code and the content pack loaded
            await warm.close()
            await asyncio.sleep(SETTLE)
            before = mib(server.process.pid)
            sessions = []
            for _ in range(CLIENTS):
                session, outcome = await attack(server.url, value)
                sessions.append(session)
                outcomes.append(outcome)
            await asyncio.sleep(SETTLE)
            gc.collect()
            during = mib(server.process.pid)
            for session in sessions:
                await session.close()
            later = Workshop(server.url)  # a new person is still served
            await later.open()
            assert later.text_box()
            await later.close()
            return before, during, mib(server.process.pid)

        before, during, after = run(attack_all())
    finally:
        log = server.stop()
    print(
        f"\nRSS {before:.0f} MiB before, {during:.0f} MiB with {CLIENTS} x {SIZE // 1_000_000} MB values sent, {after:.0f} MiB after"
    )
    print(f"outcomes: {outcomes}")
    assert outcomes == ["closed 1009"] * CLIENTS  # 1009: message too big
    assert during - before < GROWTH_LIMIT_MIB, (before, during)
    assert MARKER not in log and "quokka" not in log
    assert "Traceback" not in log
