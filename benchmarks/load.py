"""Workshop load benchmark: simulated attendees over Streamlit's own websocket protocol.

Each attendee opens the app (first load), answers every step with think time between
clicks, reaches the results, prepares for the visit and opens the summary. The same run
measures a bare Streamlit app of similar size with the same configuration, so the cost of
our own code shows as a ratio. Numbers are printed, never asserted.

    python benchmarks/load.py                      # 100 attendees within 10 s, 1-3 s think time
    python benchmarks/load.py --users 20 --arrival 5
    python benchmarks/load.py --url http://127.0.0.1:8080 --skip-bare   # a running deployment
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import math
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import uvloop  # the clients share the machine they measure: the lighter they run, the less they skew it
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

print = functools.partial(print, flush=True)  # noqa: A001 - progress shows as it happens
ROOT = Path(__file__).resolve().parent.parent
APPS = {"ours": ROOT / "app.py", "bare": ROOT / "benchmarks" / "bare_app.py"}
# What an attendee does: (action, label prefix, choice index).
JOURNEY = [
    ("click", "Start the questions", 0),
    ("radio", "Over the last 2 weeks, how often", 0),
    ("click", "Next", 0),
    ("radio", "During this time of depression", 3),
    ("radio", "Did you take any of them", 0),
    ("click", "Next", 0),
    ("radio", "What is your blood pressure like?", 1),
    ("click", "Next", 0),
    ("radio", "Could someone drive you home", 0),
    ("click", "Next: check your answers", 0),
    ("click", "See my results", 0),
    # The staged path (decision_aid/journey.py): each stage's Next, to Prepare for your visit.
    ("click", "Next: The facts: what they are", 0),
    ("click", "Next: The facts: how well they work", 0),
    ("click", "Next: The facts: risks and how they are given", 0),
    ("click", "Next: Compare options", 0),
    ("click", "Next: Prepare for your visit", 0),
    ("radio", "Feeling better quickly", 2),
    ("click", "See my summary", 0),
]
DONE = ForwardMsg.FINISHED_SUCCESSFULLY
RESUME_TRIES, RESUME_WAIT = 3, 5.0  # requests, and seconds to wait for each to start a run
PROBE_EVERY = 0.5  # seconds between the fixed task's timings during a crowd
SOLO_ROUNDS = 20  # one journey has only 13 interactions: too few for a steady median


class JourneyError(Exception):
    pass


class Session:
    """One browser tab, as far as the server can tell."""

    def __init__(self, url: str, cookie: str = ""):
        self.url = url
        self.cookie = cookie  # a deployment's replica cookie, sent back as a browser does
        self.session_id = ""  # the server's name for this session: a reconnect asks for it
        self.page_hash = ""
        self.query = ""  # the address's query string, sent back with every rerun as a browser does
        # label -> (id, options, fragment id) of the widgets on the current page
        self.widgets: dict[str, tuple[str, list[str], str]] = {}
        self.states: dict[str, WidgetState] = {}  # the values the page currently holds
        # Every widget drawn in this session so far, by id: (kind, options, fragment id).
        # A fuzzer sends values for them after they are gone, as a racing browser does.
        self.seen: dict[str, tuple[str, list[str], str]] = {}
        self.strict = True  # raise on an exception drawn by the app; else count it
        self.exceptions: list[str] = []
        self.ws = None

    async def open(self, resume: bool = False) -> float:
        """Connect and draw the page. ``resume`` reconnects to this same session, as a
        browser does after a dropped connection (Streamlit reads the session id from the
        third subprotocol entry, after an XSRF token this client does not have)."""
        started = time.perf_counter()
        ws_url = self.url.replace("http", "ws", 1) + "/_stcore/stream"
        protocols = ["streamlit", "no-xsrf-token", self.session_id] if resume else ["streamlit"]
        self.ws = await websockets.connect(
            ws_url,
            subprotocols=protocols,
            origin=self.url,
            additional_headers={"Cookie": self.cookie} if self.cookie else None,
            max_size=None,
            open_timeout=60,
            ping_interval=None,
        )
        if not resume:
            await self._rerun([])
            return time.perf_counter() - started
        # Streamlit now and then drops the first request on a resumed connection (seen
        # with 20 sessions reconnecting while others run): ask again when no run starts.
        for _ in range(RESUME_TRIES):
            await self.send(list(self.states.values()))
            if await self.receive(quiet=RESUME_WAIT):
                return time.perf_counter() - started
        raise JourneyError(f"the resumed session ran nothing after {RESUME_TRIES} requests")

    async def act(self, action: str, label: str, choice: int) -> float:
        match = next((key for key in self.widgets if key.startswith(label)), None)
        if match is None:
            raise JourneyError(f"no widget labelled {label!r}; on page: {list(self.widgets)[:8]}")
        widget_id, options, fragment = self.widgets[match]
        state = WidgetState(id=widget_id)
        if action == "click":
            state.trigger_value = True
        else:
            state.string_value = options[choice]  # radios send the option as shown
            self.states[widget_id] = state
        started = time.perf_counter()
        await self._rerun([state], fragment)
        return time.perf_counter() - started

    async def _rerun(self, changed: list[WidgetState], fragment: str = "") -> None:
        """As the browser does: a widget inside a fragment reruns only that fragment."""
        sent = {s.id: s for s in self.states.values()}
        sent.update({s.id: s for s in changed})
        await self.send(list(sent.values()), fragment)
        await self.receive(fragment)

    async def send(self, states: list[WidgetState], fragment: str = "") -> None:
        """Ask for a rerun with exactly these widget states, without waiting for it."""
        message = BackMsg()
        client = message.rerun_script
        client.page_script_hash = self.page_hash
        client.query_string = self.query
        client.fragment_id = fragment
        client.widget_states.widgets.extend(states)
        await self.ws.send(message.SerializeToString())

    async def receive(self, fragment: str = "", quiet: float | None = None) -> bool:
        """Read the server's messages until the run asked for has finished. With ``quiet``,
        return False if no run starts within that many seconds: after sends in quick
        succession the server may run once or several times."""
        started = None
        while quiet is not None and started is None:
            try:
                raw = await asyncio.wait_for(self.ws.recv(), timeout=quiet)
            except TimeoutError:
                return False
            forward = ForwardMsg()
            forward.ParseFromString(raw)
            if forward.WhichOneof("type") == "new_session":  # what every run sends first
                started = forward
        if not fragment:
            self.widgets = {}
        async with asyncio.timeout(120):  # one timer per run, not one task per message
            await self._read_run(started)
        live = {widget_id for widget_id, _, _ in self.widgets.values()}
        self.states = {k: v for k, v in self.states.items() if k in live}
        return True

    async def _read_run(self, started: ForwardMsg | None) -> None:
        while True:
            if started is not None:
                forward, started = started, None
            else:
                forward = ForwardMsg()
                forward.ParseFromString(await self.ws.recv())
            kind = forward.WhichOneof("type")
            if kind == "new_session":
                self.session_id = forward.new_session.initialize.session_id or self.session_id
                self.page_hash = forward.new_session.page_script_hash or self.page_hash
            elif kind == "navigation" and forward.navigation.page_script_hash:
                self.page_hash = forward.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query = forward.page_info_changed.query_string
            elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                self._note(forward.delta.new_element, forward.delta.fragment_id)
            elif kind == "script_finished":
                if forward.script_finished in (DONE, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY):
                    break
                if forward.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    raise JourneyError(f"script finished with status {forward.script_finished}")
                self.widgets = {}  # a page switch: the next run draws the new page

    def _note(self, element, fragment: str) -> None:
        kind = element.WhichOneof("type")
        if kind == "exception":
            self.exceptions.append(element.exception.message)
            if self.strict:
                raise JourneyError(f"the app raised: {element.exception.message}")
        if kind in ("button", "radio", "checkbox", "selectbox"):
            widget = getattr(element, kind)
            self.widgets[widget.label] = (widget.id, list(getattr(widget, "options", [])), fragment)
        if kind in ("button", "radio", "checkbox", "selectbox", "multiselect", "text_input"):
            widget = getattr(element, kind)
            self.seen[widget.id] = (kind, list(getattr(widget, "options", [])), fragment)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()


@dataclass
class Results:
    first_loads: list[float] = field(default_factory=list)
    interactions: list[float] = field(default_factory=list)
    by_step: dict[int, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    wall: float = 0.0
    rss_before: int = 0
    rss_idle: int = 0
    cpu_seconds: float = 0.0
    client_cpu: float = 0.0
    machine_ticks: list[int] = field(default_factory=lambda: [0, 0])  # [stolen, all]
    speed_ms: list[float] = field(default_factory=list)  # machine_speed() before and after each crowd
    speed_during: list[float] = field(default_factory=list)  # the probe's readings during it


async def attendee(url: str, delay: float, think: tuple[float, float], results: Results, open_sessions: list):
    await asyncio.sleep(delay)
    session = Session(url)
    try:
        results.first_loads.append(await session.open())
        for step, (action, label, choice) in enumerate(JOURNEY):
            await asyncio.sleep(random.uniform(*think))
            seconds = await session.act(action, label, choice)
            results.interactions.append(seconds)
            results.by_step.setdefault(step, []).append(seconds)
        open_sessions.append(session)
    except Exception as error:  # a benchmark reports every failure, whatever it is
        results.errors.append(f"{type(error).__name__}: {error}")
        await session.close()


async def run_load(
    url: str,
    users: int,
    arrival: float,
    think: tuple[float, float],
    pid: int | None,
    settle: float = 2.0,
    probe_every: float | None = None,
) -> Results:
    results = Results(rss_before=rss_kib(pid), speed_ms=[machine_speed()])
    probe = None
    if probe_every:
        probe = await asyncio.create_subprocess_exec(
            sys.executable, __file__, "--probe", str(probe_every), stdout=asyncio.subprocess.PIPE
        )
        await probe.stdout.readline()  # started: its imports are done before the crowd comes
    open_sessions: list[Session] = []
    cpu_before = cpu_seconds(pid)
    client_before = sum(os.times()[:2])
    machine_before = machine_ticks()
    started = time.perf_counter()
    await asyncio.gather(
        *(attendee(url, random.uniform(0, arrival), think, results, open_sessions) for _ in range(users))
    )
    results.wall = time.perf_counter() - started
    results.cpu_seconds = cpu_seconds(pid) - cpu_before
    results.client_cpu = sum(os.times()[:2]) - client_before
    results.machine_ticks = [now - then for now, then in zip(machine_ticks(), machine_before, strict=True)]
    if probe is not None:
        probe.terminate()
        readings, _ = await probe.communicate()
        lines = [line.split() for line in readings.decode().splitlines()]
        # A line cut short as the probe was stopped is left out.
        results.speed_during = [float(line[1]) for line in lines if len(line) == 2]
    results.speed_ms.append(machine_speed())
    await asyncio.sleep(settle)  # let the server settle with every session open and idle
    results.rss_idle = rss_kib(pid)
    await asyncio.gather(*(s.close() for s in open_sessions))
    return results


def speed_task() -> int:
    """A fixed piece of pure-Python work of the kind a script run does: strings, a dict, a sort."""
    table = {f"answer-{i}": i * 7 % 1013 for i in range(20_000)}
    return sum(sorted(table.values(), reverse=True)[:100]) + len(",".join(sorted(table)))


def machine_speed(rounds: int = 5) -> float:
    """The CPU milliseconds ``speed_task`` takes now, the median of ``rounds``. The same work
    takes longer when the host is slow, whatever the app does: this tells a slow hour from
    a slower app. Taken before and after each crowd, while the server is idle."""
    times = []
    for _ in range(rounds):
        start = time.thread_time()
        speed_task()
        times.append(time.thread_time() - start)
    return statistics.median(times) * 1000


def probe_machine(every: float) -> None:
    """Time ``speed_task`` every ``every`` seconds until stopped, one line each: the Unix time
    and the CPU ms. Run in a process of its own during a crowd (``--probe``): a machine can slow
    for part of a minute and be fast again before and after it."""
    while True:
        print(f"{time.time():.3f} {machine_speed(rounds=1):.2f}")
        time.sleep(every)


def rss_kib(pid: int | None) -> int:
    if pid is None:
        return 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def machine_ticks() -> list[int]:
    """The whole machine's CPU ticks so far: [stolen by the host, all]. On a virtual machine
    the host may take CPU back ("steal"); a run that lost much of it says less about the app."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return [fields[7] if len(fields) > 7 else 0, sum(fields[:8])]


def cpu_seconds(pid: int | None) -> float:
    """CPU time the server process has used so far (user + system)."""
    if pid is None:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start_server(app: Path, root: Path = ROOT) -> tuple[subprocess.Popen, str]:
    """Streamlit on ``app``, run from the checkout at ``root``, on a free loopback port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(app),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
        ],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                return process, url
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"{app.name} did not start")


def percentile(values: list[float], share: float) -> float:
    """Nearest rank: the smallest value that at least ``share`` of the values do not exceed."""
    if not values:
        return float("nan")
    rank = math.ceil(round(share * len(values), 9))  # round: 0.07 * 100 is 7.000000000000001
    return sorted(values)[max(rank, 1) - 1]


def report(name: str, results: Results, users: int) -> dict:
    ms = 1000
    row = {
        "name": name,
        "first_p50": statistics.median(results.first_loads) * ms if results.first_loads else float("nan"),
        "first_p95": percentile(results.first_loads, 0.95) * ms,
        "first_max": max(results.first_loads, default=float("nan")) * ms,
        "click_p50": statistics.median(results.interactions) * ms if results.interactions else float("nan"),
        "click_p95": percentile(results.interactions, 0.95) * ms,
        "click_max": max(results.interactions, default=float("nan")) * ms,
        "errors": len(results.errors),
        "per_second": len(results.interactions) / results.wall if results.wall else 0.0,
        "rss_before_mib": results.rss_before / 1024,
        "rss_idle_mib": results.rss_idle / 1024,
        "per_session_kib": (results.rss_idle - results.rss_before) / max(users, 1),
        "cpu_ms": results.cpu_seconds * 1000 / max(len(results.interactions) + len(results.first_loads), 1),
        "client_cores": results.client_cpu / results.wall if results.wall else 0.0,
        "steal_percent": 100 * results.machine_ticks[0] / max(results.machine_ticks[1], 1),
        "speed_range": (min(results.speed_ms), max(results.speed_ms)),  # every run takes two readings
        "speed_during": (
            (statistics.median(results.speed_during), percentile(results.speed_during, 0.9))
            if results.speed_during
            else None
        ),
    }
    per_session = f"{row['per_session_kib']:.0f} KiB per idle session" if users > 1 else "one session"
    server = (
        f"server RSS {row['rss_before_mib']:.0f} -> {row['rss_idle_mib']:.0f} MiB ({per_session}) | "
        f"server CPU {row['cpu_ms']:.0f} ms per request"
        if results.rss_before
        else "server memory and CPU not measured (a deployment's processes are not ours to read)"
    )
    print(
        f"{name:>5}: first load p50 {row['first_p50']:.0f} ms, p95 {row['first_p95']:.0f} ms, "
        f"max {row['first_max']:.0f} ms | interaction p50 {row['click_p50']:.0f} ms, "
        f"p95 {row['click_p95']:.0f} ms, max {row['click_max']:.0f} ms | errors {row['errors']} | "
        f"{row['per_second']:.1f} interactions/s | {server} | this benchmark's own clients used "
        f"{row['client_cores']:.2f} of the machine's cores | the host took back "
        f"{row['steal_percent']:.0f}% of the machine's CPU | a fixed Python task took "
        f"{row['speed_range'][0]:.1f}-{row['speed_range'][1]:.1f} ms of CPU before and after{during(row)} "
        "(more: a slower machine)"
    )
    slowest = sorted(results.by_step.items(), key=lambda item: -percentile(item[1], 0.95))[:3]
    if len(results.first_loads) > 1 and slowest:
        print(
            "       slowest steps at p95: "
            + "; ".join(
                f"{JOURNEY[step][1]!r} {percentile(times, 0.95) * ms:.0f} ms" for step, times in slowest
            )
        )
    for error in results.errors[:5]:
        print(f"       error: {error}")
    return row


def during(row: dict) -> str:
    if row["speed_during"] is None:
        return ""
    return f", and during it a median of {row['speed_during'][0]:.1f} ms (p90 {row['speed_during'][1]:.1f})"


def pool(results: Results, more: Results) -> None:
    """Add a later run's figures on the same server to ``results``."""
    results.first_loads += more.first_loads
    results.interactions += more.interactions
    for step, times in more.by_step.items():
        results.by_step.setdefault(step, []).extend(times)
    results.errors += more.errors
    results.wall += more.wall
    results.cpu_seconds += more.cpu_seconds
    results.client_cpu += more.client_cpu
    results.machine_ticks = [a + b for a, b in zip(results.machine_ticks, more.machine_ticks, strict=True)]
    results.speed_ms += more.speed_ms
    results.speed_during += more.speed_during
    results.rss_idle = more.rss_idle


def measure(app: str | None, url: str | None, users: int, arrival: float, think: tuple[float, float]) -> dict:
    process = None
    if url is None:
        process, url = start_server(APPS[app])
    try:
        uvloop.run(run_load(url, 1, 0, (0.0, 0.0), None))  # warm-up: imports, caches
        results = uvloop.run(
            run_load(url, users, arrival, think, process.pid if process else None, probe_every=PROBE_EVERY)
        )
        return report(app or "url", results, users)
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=20)


def measure_one_user(apps: tuple[str, ...], rounds: int) -> dict[str, dict]:
    """One user's journeys on each app in turn, every server up at once: a machine whose
    speed drifts from minute to minute then slows both alike, and the ratio holds."""
    servers = {app: start_server(APPS[app]) for app in apps}
    try:
        for _, url in servers.values():
            uvloop.run(run_load(url, 1, 0, (0.0, 0.0), None))  # warm-up: imports, caches
        pooled: dict[str, Results] = {}
        for _ in range(rounds):
            for app, (process, url) in servers.items():
                more = uvloop.run(run_load(url, 1, 0, (0.05, 0.1), process.pid, settle=0))
                if app in pooled:
                    pool(pooled[app], more)
                else:
                    pooled[app] = more
        return {app: report(app, pooled[app], 1) for app in apps}
    finally:
        for process, _ in servers.values():
            process.terminate()
            process.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--arrival", type=float, default=10.0, help="seconds over which attendees arrive")
    parser.add_argument("--think", type=float, nargs=2, default=(1.0, 3.0), metavar=("MIN", "MAX"))
    parser.add_argument("--url", help="measure a running deployment instead of starting servers")
    parser.add_argument("--skip-bare", action="store_true")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="run the crowd this many times (ours and bare in turn) and give the median p95: "
        "a shared or virtual machine's speed varies from minute to minute",
    )
    parser.add_argument(
        "--probe",
        type=float,
        metavar="EVERY",
        help="only time the fixed task every EVERY seconds until stopped (what each crowd runs beside it)",
    )
    parser.add_argument(
        "--warm",
        nargs="*",
        default=[],
        metavar="URL",
        help="replica addresses to warm up with one journey each before measuring",
    )
    args = parser.parse_args()
    if args.probe:
        probe_machine(args.probe)
        return
    random.seed(args.seed)
    print(
        f"machine: {os.cpu_count()} cores; {args.users} attendees arriving within {args.arrival:.0f} s, "
        f"think time {args.think[0]:.0f}-{args.think[1]:.0f} s, {len(JOURNEY)} interactions each"
    )
    for replica in args.warm:  # a replica's first session pays for its one-off imports
        uvloop.run(run_load(replica.rstrip("/"), 1, 0, (0.0, 0.0), None))
    if args.url:
        runs = [
            measure(None, args.url.rstrip("/"), args.users, args.arrival, tuple(args.think))
            for _ in range(args.repeat)
        ]
        summarise({"url": runs})
        return
    apps = ("ours",) if args.skip_bare else ("ours", "bare")
    print(f"one user, no think time, {SOLO_ROUNDS} journeys on each app in turn (median interaction):")
    solo = measure_one_user(apps, SOLO_ROUNDS)
    print(f"{args.users} attendees:")
    loaded: dict[str, list[dict]] = {app: [] for app in apps}
    for _ in range(args.repeat):  # in turn, so both meet the machine in the same moods
        for app in apps:
            loaded[app].append(measure(app, None, args.users, args.arrival, tuple(args.think)))
    medians = summarise(loaded)
    if not args.skip_bare:
        solo_ratio = solo["ours"]["click_p50"] / solo["bare"]["click_p50"]
        load_ratio = medians["ours"] / medians["bare"]
        print(
            f"ratio ours/bare: one-user median interaction {solo_ratio:.2f}x; "
            f"under load p95 {load_ratio:.2f}x"
        )


def summarise(runs: dict[str, list[dict]]) -> dict[str, float]:
    """The median over runs of each run's interaction p95 (and first-load p95)."""
    medians = {}
    for name, rows in runs.items():
        p95s = sorted(row["click_p95"] for row in rows)
        firsts = sorted(row["first_p95"] for row in rows)
        medians[name] = statistics.median(p95s)
        if len(rows) > 1:
            print(
                f"{name:>5}: over {len(rows)} runs, interaction p95 median {medians[name]:.0f} ms "
                f"(runs: {', '.join(f'{v:.0f}' for v in p95s)}); first load p95 median "
                f"{statistics.median(firsts):.0f} ms; errors {sum(row['errors'] for row in rows)}; "
                "in time order, p95 ms / fixed task ms before-after / its median during: "
                + ", ".join(
                    f"{row['click_p95']:.0f} / {row['speed_range'][0]:.1f}-{row['speed_range'][1]:.1f}"
                    + (f" / {row['speed_during'][0]:.1f}" if row["speed_during"] else "")
                    for row in rows
                )
            )
    return medians


if __name__ == "__main__":
    main()
