"""Once per server process, before the first screen: what serving a whole room needs.

Python's cyclic garbage collector pauses every session while it walks the live objects.
A server holds hundreds of thousands of long-lived ones (Streamlit, pydantic, the content
pack), and under workshop load (benchmarks/load.py) full collections took up to a quarter
of a second each, 19 times in a run: every attendee felt them as stalled clicks.

- ``gc.freeze()`` sets aside what is alive after start-up, the content pack included, so
  collections walk only what sessions create. Frozen objects are still freed by reference
  counting; only cycles among them would stay, and they live as long as the process.
- Higher thresholds make collections ten times rarer. Garbage in cycles then waits a
  little longer to be freed: at most a few thousand objects, about a megabyte.

Measured with 100 attendees on 2 cores: full collections fell from 19 to 6 in a run, and the
longest pause from 234 ms to 83 ms (later traced runs: 94 to 187 ms; benchmarks/RESULTS.md).
"""

from __future__ import annotations

import gc

from decision_aid.content import load_pack
from decision_aid.ui.state import offered

# Python's defaults are (700, 10, 10).
THRESHOLDS = (7000, 10, 10)
_prepared = False


def prepare_once() -> None:
    global _prepared
    if _prepared:
        return
    for locale in offered():  # every language, so a switch never builds a pack mid-session
        load_pack(locale)
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
    _prepared = True
