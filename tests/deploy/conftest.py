"""A failed deployment test shows the replicas' own logs (Streamlit's tracebacks are there,
not in what the browser or the load client sees: "The original error message is redacted")."""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest

LOG_TAIL = 20_000  # characters from the end of each log


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Generator[None, Any, None]:
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed:
        return
    funcargs = getattr(item, "funcargs", {})
    folders: list[Path] = []
    if "deployment" in funcargs:
        folders.append(funcargs["deployment"].logs)
    if "tmp_path" in funcargs:
        folders.append(funcargs["tmp_path"])
    for folder in folders:
        for log in sorted(folder.glob("replica-*.log")):
            report.sections.append((f"Captured {log.name}", log.read_text(errors="replace")[-LOG_TAIL:]))
