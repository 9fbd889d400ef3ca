"""Stale and racing widget values never raise: many sessions over Streamlit's own protocol.

A browser that clicks during a rerun, reconnects, or still holds a page that a reset has
just cleared sends values for widgets the last run did not draw, and their callbacks still
run (DESIGN.md section 7). Here 20 sessions of the real server send such values: the
values of every widget seen earlier, random choices among each widget's own options,
double clicks, reconnects, and the old page again straight after "clear everything" or a
reset. The server's log must hold no uncaught exception, and every session must still
finish a run. Bounded: a fixed number of sessions and sends, loopback only.
"""

from __future__ import annotations

import asyncio
import random
from dataclasses import dataclass, field

import pytest
from streamlit.proto.WidgetStates_pb2 import WidgetState

from benchmarks.load import JourneyError, Session
from tests.e2e.conftest import start_server
from tests.protocol.loop import run

SESSIONS = 20
SENDS = 25  # per session
SEED = 13
STEP_TIMEOUT = 20  # seconds; a bound on a wait, never an assertion
QUIET = 1.0  # seconds with no message: the server has no run left for this session
# Buttons that clear the session: a second click on them is the red-team's F3.
CLEARING = ("Yes, clear everything", "Reset for the next person", "Load this case")


@dataclass
class Tally:
    reruns: int = 0
    journey_errors: list[str] = field(default_factory=list)
    shown_exceptions: int = 0
    finished: bool = False
    pages: set[str] = field(default_factory=set)


# Labels no widget offers, sent now and then: only a tampered client sends them.
FOREIGN = ("Admin", "Maybe", "Extremely important")


def random_state(rng: random.Random, widget_id: str, kind: str, options: list[str]) -> WidgetState:
    """A value a browser could send for this widget: one of its own options (labels, as
    the browser sends them), a click, or rarely a label the widget does not offer."""
    state = WidgetState(id=widget_id)
    foreign = rng.random() < 0.1
    if kind == "button":
        state.trigger_value = True
    elif kind == "checkbox":
        state.bool_value = rng.random() < 0.5
    elif kind == "multiselect":
        chosen = rng.sample(options, rng.randint(0, min(3, len(options))))
        state.string_array_value.data.extend(chosen + ([rng.choice(FOREIGN)] if foreign else []))
    elif kind == "text_input":
        state.string_value = rng.choice(["", "a question", "why?", "x" * 40])
    elif options:
        state.string_value = rng.choice(FOREIGN) if foreign else rng.choice(options)
    return state


async def settle(session: Session) -> None:
    """After sends in quick succession the server runs once or several times: read every
    run until a second passes with nothing more (a bound on a wait, not an assertion)."""
    await session.receive()
    while await session.receive(quiet=QUIET):
        pass


async def fuzz(url: str, number: int) -> Tally:
    rng = random.Random(SEED * 1000 + number)
    tally = Tally()
    session = Session(url)
    session.strict = False
    trail: list[str] = []  # what this session did last, for a failure's message
    held: dict[str, WidgetState] = {}  # every value this "browser" has set, never pruned
    try:
        await session.open()
        for _ in range(SENDS):
            buttons = [(label, wid) for label, (wid, options, _) in session.widgets.items() if not options]
            page_states = list(held.values())
            roll = rng.random()
            trail.append(f"{roll:.2f}")
            if roll < 0.45 and buttons:  # a click on the page, with the values the page holds
                label, wid = rng.choice(buttons)
                click = WidgetState(id=wid, trigger_value=True)
                await session.send([*page_states, click])
                if label.startswith(CLEARING) or rng.random() < 0.15:
                    await session.send([*page_states, click])  # the second click of a double click
                    await settle(session)
                else:
                    await session.receive()
            elif roll < 0.75 and session.seen:  # values for widgets seen anywhere, drawn or not
                picked = rng.sample(sorted(session.seen), rng.randint(1, min(8, len(session.seen))))
                for wid in picked:
                    kind, options, _ = session.seen[wid]
                    state = random_state(rng, wid, kind, options)
                    if kind != "button":
                        held[wid] = state
                    page_states.append(state)
                # As a fragment's own rerun, when that fragment is on the page: the server
                # drops a rerun of a fragment that is gone, without a reply.
                drawn = sorted({f for _, _, f in session.widgets.values() if f})
                fragment = rng.choice(drawn) if drawn and rng.random() < 0.3 else ""
                await session.send(page_states, fragment)
                await session.receive(fragment)
            elif roll < 0.80:  # a dropped connection, then the page's old values again
                # Dropped between runs: a connection dropped in the middle of a run and
                # resumed at once can wait for ever on Streamlit's side, whatever the app.
                while await session.receive(quiet=QUIET):
                    pass
                await session.ws.close()
                await asyncio.wait_for(session.open(resume=True), STEP_TIMEOUT)
                await session.send(page_states)
                await asyncio.wait_for(session.receive(), STEP_TIMEOUT)
            else:  # rapid repeated sends of the same stale values
                for _ in range(3):
                    await session.send(page_states)
                await settle(session)
            tally.reruns += 1
            tally.pages.add(session.page_hash)
        await session.send([])  # after all that, an ordinary run still finishes
        await session.receive()
        tally.finished = True
    except (JourneyError, TimeoutError) as error:
        tally.journey_errors.append(f"{type(error).__name__}: {error}, after {trail[-3:]}")
    finally:
        tally.shown_exceptions = len(session.exceptions)
        await session.close()
    return tally


async def crowd(url: str) -> list[Tally]:
    return await asyncio.gather(*(fuzz(url, n) for n in range(SESSIONS)))


def run_crowd(url: str) -> list[Tally]:
    return run(crowd(url))


@pytest.fixture
def server(tmp_path):
    running = start_server(tmp_path)
    yield running
    running.stop()


def test_stale_and_random_widget_values_never_raise(server):
    tallies = run_crowd(server.url)
    log = server.stop()
    raised = log.count("Uncaught app execution")
    reruns = sum(t.reruns for t in tallies)
    shown = sum(t.shown_exceptions for t in tallies)
    print(
        f"{SESSIONS} sessions, {reruns} fuzzed reruns: {raised} uncaught exceptions in the log, {shown} error boxes"
    )
    assert reruns >= SESSIONS * SENDS // 2
    assert len(set().union(*(t.pages for t in tallies))) >= 4  # the fuzz reached several screens
    assert raised == 0 and "Traceback" not in log, log[-4000:]
    assert shown == 0
    assert [t.journey_errors for t in tallies if t.journey_errors] == []
    assert all(t.finished for t in tallies)
