"""Server CPU per step of the load benchmark's journey, for two servers taken in turn.

    python benchmarks/steps.py                      # ours beside the bare page, 20 journeys each
    python benchmarks/steps.py --other ../old-checkout --rounds 30   # before and after a change

One user at a time, so each step's CPU is the server's own (read from /proc; 10 ms ticks,
hence many rounds). Journeys alternate between the two servers, so a minute in which this
machine runs slower slows both alike. Repeated comparisons of one checkout with itself
differed by about 4% per journey: smaller differences are noise. Numbers are printed,
never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

import uvloop

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as `python benchmarks/steps.py`

from benchmarks.load import APPS, JOURNEY, ROOT, Session, cpu_seconds, start_server  # noqa: E402

SETTLE = 0.05  # seconds after a run ends, for the server to finish sending it


async def journey(url: str, pid: int, totals: dict[int, float]) -> None:
    """One journey; adds each step's server CPU (ms) to ``totals`` (-1 is the first load)."""
    session = Session(url)
    before = cpu_seconds(pid)
    await session.open()
    await asyncio.sleep(SETTLE)
    totals[-1] = totals.get(-1, 0.0) + (cpu_seconds(pid) - before) * 1000
    for step, (action, label, choice) in enumerate(JOURNEY):
        await asyncio.sleep(0.1)
        before = cpu_seconds(pid)
        await session.act(action, label, choice)
        await asyncio.sleep(SETTLE)
        totals[step] = totals.get(step, 0.0) + (cpu_seconds(pid) - before) * 1000
    await session.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=20, help="journeys on each server")
    parser.add_argument("--other", type=Path, help="another checkout, in place of the bare page")
    args = parser.parse_args()
    other = (args.other.resolve() / "app.py", args.other.resolve()) if args.other else (APPS["bare"], ROOT)
    names = ("this", "other") if args.other else ("ours", "bare")
    servers = [start_server(APPS["ours"]), start_server(*other)]
    try:
        for process, url in servers:  # warm-up: imports, caches, the pack
            for _ in range(2):
                uvloop.run(journey(url, process.pid, {}))
        totals: list[dict[int, float]] = [{}, {}]
        for _ in range(args.rounds):
            for (process, url), total in zip(servers, totals, strict=True):
                uvloop.run(journey(url, process.pid, total))
    finally:
        for process, _ in servers:
            process.terminate()
            process.wait(timeout=20)
    print(f"server CPU per step, ms, mean of {args.rounds} journeys each")
    print(f"{'step':46} {names[0]:>7} {names[1]:>7}")
    for step in range(-1, len(JOURNEY)):
        label = "(first load)" if step < 0 else JOURNEY[step][1]
        print(f"{label[:46]:46} " + " ".join(f"{t[step] / args.rounds:7.1f}" for t in totals))
    journeys = [sum(t.values()) / args.rounds for t in totals]
    ratio = journeys[0] / journeys[1]
    print(f"{'whole journey':46} {journeys[0]:7.0f} {journeys[1]:7.0f}   {names[0]}/{names[1]} {ratio:.2f}")


if __name__ == "__main__":
    main()
