"""The server process sets its garbage collector up once, with the content pack loaded."""

import gc

from decision_aid.content import load_pack
from decision_aid.ui import process, state


def test_prepare_once_loads_the_pack_then_freezes_and_raises_thresholds(monkeypatch):
    before = gc.get_threshold()
    monkeypatch.setattr(process, "_prepared", False)
    load_pack.cache_clear()
    try:
        process.prepare_once()
        assert load_pack.cache_info().currsize == len(state.offered())  # every language, before freezing
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold() == process.THRESHOLDS
        frozen = gc.get_freeze_count()
        process.prepare_once()  # a second run of app.py changes nothing
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
