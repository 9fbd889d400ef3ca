"""Running a protocol test's coroutine."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor


def run(coroutine):
    """In a thread of its own: when the browser tests have run first in the same pytest
    process, their Playwright keeps an event loop running in this one (as tests/deploy
    knows), and asyncio.run refuses to start another there."""
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(asyncio.run, coroutine).result()
