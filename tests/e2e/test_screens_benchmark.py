"""benchmarks/screens.py still walks every stage on both window sizes: a renamed key or a
new stage would otherwise break issue 15's screen-length figures silently, at the next
measurement. Lengths are not asserted, only that each was measured."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from decision_aid import journey

ROOT = Path(__file__).resolve().parents[2]


def test_screens_benchmark_measures_every_stage_and_the_first_note_on_a_laptop_and_a_phone():
    result = subprocess.run(
        [sys.executable, "benchmarks/screens.py", "--persona", "james_blood_pressure"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    rows = [line.split() for line in result.stdout.splitlines() if line.startswith("james_blood_pressure")]
    assert [row[1] for row in rows] == ["laptop", "phone"], result.stdout
    stages = journey.NAMES[journey.NAMES.index("results") :]
    columns = len(stages) + 2  # and Compare options again with two and with four options picked
    for row in rows:
        lengths = [float(value) for value in row[2 : 2 + columns]]
        assert all(length >= 1 for length in lengths), result.stdout  # a screen is at least its window
        compare = stages.index("compare")
        assert lengths[compare] < lengths[-2] < lengths[-1], result.stdout  # the grid grows with its options
        # James's high blood pressure is a warning: the first note is a card, after the intro.
        note = re.fullmatch(r"([\d.]+)-([\d.]+)", row[2 + columns])
        assert note, result.stdout
        assert 0 < float(note[1]) < float(note[2]), result.stdout
