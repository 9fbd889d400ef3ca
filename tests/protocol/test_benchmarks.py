"""The benchmarks still run: the load journey's labels are on both our app and the bare page,
and benchmarks/steps.py prints every step's CPU for both. A renamed button would otherwise
break the performance figures silently, at the next measurement. Times are not asserted."""

from __future__ import annotations

import math
import re
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.load import JOURNEY, machine_speed, percentile, speed_task

ROOT = Path(__file__).resolve().parent.parent.parent


def test_steps_benchmark_walks_the_whole_journey_on_both_apps():
    result = subprocess.run(
        [sys.executable, "benchmarks/steps.py", "--rounds", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    rows = {line[:46].strip(): line[46:].split() for line in result.stdout.splitlines()[2:]}
    for _, label, _ in JOURNEY:
        assert label[:46] in rows, f"no row for {label!r}:\n{result.stdout}"
    journey = re.search(r"whole journey\s+(\d+)\s+(\d+)", result.stdout)
    assert journey, result.stdout
    assert int(journey[1]) > 0 and int(journey[2]) > 0, "a server that used no CPU was not measured"


def test_percentile_is_the_nearest_rank():
    """The smallest value that at least that share of the values do not exceed: of 1-100,
    the 95th percentile is 95, not 96 (architecture review, benchmarks/load.py)."""
    hundred = [float(v) for v in range(100, 0, -1)]
    assert percentile(hundred, 0.95) == 95
    assert percentile(hundred, 0.5) == 50
    assert percentile([float(v) for v in range(1, 21)], 0.95) == 19  # not the slowest of 20
    assert percentile([float(v) for v in range(1, 101)], 0.07) == 7  # 0.07 * 100 is 7.000000000000001
    assert percentile([3.0], 0.95) == 3
    assert percentile([2.0, 1.0], 0.0) == 1
    assert math.isnan(percentile([], 0.95))


def test_the_machine_speed_probe_times_the_same_work_every_time():
    """Figures from different hours are compared by the time this task takes, so the task
    itself must not change: its result is fixed. The time is CPU time, and is there."""
    assert speed_task() == speed_task() == 349885
    assert 0 < machine_speed(rounds=3) < 60_000


def test_the_probe_times_the_task_again_and_again_while_a_crowd_runs():
    """A crowd lasts a minute; a machine can slow inside it and be fast again before and
    after. `--probe EVERY` times the fixed task every EVERY seconds in a process of its own,
    one line each (a Unix time and the CPU ms), until it is stopped."""
    probe = subprocess.Popen(
        [sys.executable, "benchmarks/load.py", "--probe", "0.05"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        first = probe.stdout.readline()  # the first reading comes once it has started
        time.sleep(0.5)
    finally:
        probe.terminate()
    rest, _ = probe.communicate(timeout=10)
    readings = [line.split() for line in (first + rest).splitlines()]
    assert len(readings) >= 4, readings
    for when, ms in readings:
        assert abs(float(when) - time.time()) < 60
        assert 0 < float(ms) < 60_000
