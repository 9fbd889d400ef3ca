"""The server as Streamlit's own websocket protocol reaches it, without a browser.

A client may send back the values of widgets that are no longer on screen (a step left
behind, a late message). Such a value must never change or erase an answer.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from benchmarks.load import Session

SAFETY = "Over the last 2 weeks, how often"


def test_values_of_widgets_no_longer_drawn_leave_the_answers_alone(server):
    async def journey() -> list[str]:
        session = Session(server.url)
        try:
            await session.open()
            await session.act("click", "Start the questions", 0)
            await session.act("radio", SAFETY, 0)
            await session.act("click", "Next", 0)
            # This client keeps the safety question's value and sends it with every
            # later message, long after step 1 has left the screen.
            assert any(label.startswith(SAFETY) for label in session.widgets)
            for _ in range(2):
                await session.act("click", "Next", 0)
            await session.act("click", "See my results", 0)
            return list(session.widgets)
        finally:
            await session.close()

    # In a thread of its own: the browser tests' Playwright already runs an event loop here.
    with ThreadPoolExecutor(max_workers=1) as worker:
        labels = worker.submit(asyncio.run, journey()).result()
    assert "Next: what matters to you" in labels, f"results not shown; on screen: {labels}"
