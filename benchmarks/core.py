"""Time the core alone, per call: pack load, visibility, tailoring, summary, exports.

    python benchmarks/core.py [--repeat 200]

Prints milliseconds per call (median of repeats). Target: tailoring plus summary under
5 ms per call; the pack is loaded once per process (the second load_pack is a cache hit).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as `python benchmarks/core.py`

from decision_aid import flow  # noqa: E402
from decision_aid.content import load_pack, read_pack  # noqa: E402
from decision_aid.exports.fhir import questionnaire_response  # noqa: E402
from decision_aid.exports.markdown import render_markdown  # noqa: E402
from decision_aid.exports.pdf import render_pdf  # noqa: E402
from decision_aid.personas import persona_answers  # noqa: E402
from decision_aid.summary import build_summary  # noqa: E402


def per_call(function: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=200)
    repeat = parser.parse_args().repeat

    started = time.perf_counter()
    pack = load_pack("en")
    first_load = (time.perf_counter() - started) * 1000
    answers = persona_answers(pack, "sam_psychosis_substance")
    summary = build_summary(pack, answers)
    rows = [
        ("load_pack, first call (reads and checks every file)", first_load),
        ("load_pack, later calls (cached)", per_call(lambda: load_pack("en"), repeat)),
        ("read_pack, uncached (what `check` does)", per_call(lambda: read_pack("en"), max(3, repeat // 50))),
        ("visible_questions", per_call(lambda: flow.visible_questions(pack.questionnaire, answers), repeat)),
        ("build_summary (tailoring included)", per_call(lambda: build_summary(pack, answers), repeat)),
        ("render_markdown", per_call(lambda: render_markdown(pack, summary), repeat)),
        ("questionnaire_response (FHIR)", per_call(lambda: questionnaire_response(pack, summary), repeat)),
        ("render_pdf", per_call(lambda: render_pdf(pack, summary), max(5, repeat // 10))),
    ]
    width = max(len(name) for name, _ in rows)
    for name, ms in rows:
        print(f"{name:<{width}}  {ms:8.3f} ms")


if __name__ == "__main__":
    main()
