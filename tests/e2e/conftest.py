"""Real-browser tests: `streamlit run` on a free loopback port, driven by Debian's Chromium.

Waits use Streamlit's own run state on the app root (data-test-script-state), never sleeps.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pytest
from PIL import Image
from playwright.sync_api import Browser, Page, expect, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Chromium's own background traffic (updates, sync) has no place in a privacy test.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = ROOT / "artifacts" / "screenshots"


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    log: Path
    workdir: Path
    home: Path

    def stop(self) -> str:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        return self.log.read_text(encoding="utf-8", errors="replace")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(base: Path, app: Path = APP) -> Server:
    """The app (or a test page) as a person meets it, run from an empty folder with an empty home folder."""
    workdir, home, logs = base / "work", base / "home", base / "logs"
    for folder in (workdir, home, logs):
        folder.mkdir(parents=True)
    port = free_port()
    env = {**os.environ, "HOME": str(home), "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(ROOT)}
    log = logs / "server.log"
    with log.open("wb") as out:
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
            cwd=workdir,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return Server(url, process, log, workdir, home)
        except OSError:
            time.sleep(0.2)  # polling the health endpoint, not waiting on the app
    process.kill()
    raise RuntimeError("streamlit did not become healthy within 60 s")


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Iterator[Server]:
    running = start_server(tmp_path_factory.mktemp("server"))
    yield running
    running.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


SCREEN_REPORT: list[str] = []
OFF_ORIGIN: list[str] = []


class Address(Protocol):
    url: str  # a Server here, or the nginx front of a deployment (tests/deploy/replicas.py)


def open_page(
    browser: Browser,
    server: Address,
    width: int = 1100,
    height: int = 900,
    path: str = "",
    locale: str = "en-US",
) -> Page:
    """A fresh session; every request it makes is recorded and must stay on the app's origin.
    ``locale`` is the browser's language, which the aid reads (issue 18)."""
    context = browser.new_context(
        viewport={"width": width, "height": height}, accept_downloads=True, locale=locale
    )
    opened = context.new_page()
    opened.set_default_timeout(20_000)

    def record(request) -> None:
        if not request.url.startswith((server.url, "data:", "blob:", "about:")):
            OFF_ORIGIN.append(request.url)

    opened.on("request", record)
    opened.goto(f"{server.url}/{path}")
    wait_for_app(opened)
    return opened


@pytest.fixture
def page(browser: Browser, server: Server) -> Iterator[Page]:
    opened = open_page(browser, server)
    yield opened
    opened.context.close()
    assert OFF_ORIGIN == [], f"requests left the app's origin: {OFF_ORIGIN}"


@pytest.fixture
def phone(browser: Browser, server: Server) -> Iterator[Page]:
    opened = open_page(browser, server, width=390, height=844)
    yield opened
    opened.context.close()
    assert OFF_ORIGIN == [], f"requests left the app's origin: {OFF_ORIGIN}"


def check_screen(page: Page, name: str) -> None:
    """Every screen: zero unexplained axe violations, one h1, headings in order; a screenshot."""
    from tests.e2e.accessibility import ALLOWED, axe, heading_levels, skipped_heading_levels, unexplained

    wait_for_app(page)
    screenshot(page, name)
    found = axe(page)
    levels = heading_levels(page)
    SCREEN_REPORT.append(
        f"{name}: {len(found)} axe violation(s), {len(unexplained(found))} unexplained; headings {levels}"
    )
    assert unexplained(found) == [], "\n".join(str(v) for v in found)
    assert levels.count(1) == 1, f"{name}: expected one h1, got headings {levels}"
    assert skipped_heading_levels(levels) == [], f"{name}: heading levels skip: {levels}"
    if ALLOWED:
        print(f"{name}: tolerated upstream violations: {ALLOWED}")


def pytest_terminal_summary(terminalreporter) -> None:
    if SCREEN_REPORT:
        terminalreporter.section("accessibility by screen (axe-core, WCAG 2.0/2.1/2.2 A and AA)")
        for line in SCREEN_REPORT:
            terminalreporter.write_line(line)


def wait_for_app(page: Page) -> None:
    """Wait until Streamlit is connected and has finished running the script."""
    app = page.locator('[data-testid="stApp"]')
    expect(app).to_have_attribute("data-test-connection-state", "CONNECTED")
    expect(app).to_have_attribute("data-test-script-state", "notRunning")


# Counts changes of the app's run state, so a wait can tell a run that has not started yet
# from one that has ended: a click's message takes a moment to reach the server, and a
# wait that began in that moment saw "notRunning" and passed while the old screen stayed.
COUNT_RUNS = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  if (!app) return -1;
  if (window.aidTestRuns === undefined) {
    window.aidTestRuns = 0;
    // Watched from the body down, so the count holds whichever element carries the state.
    new MutationObserver(() => { window.aidTestRuns += 1; })
      .observe(document.body, {attributes: true, subtree: true, attributeFilter: ['data-test-script-state']});
  }
  return window.aidTestRuns;
}"""
# A click's run starts within about 0.1 s here. Some actions show no run at all: an expander
# opened, a radio already chosen, or a quick fragment's run, whose start and end can reach
# the page together, so the attribute never changes. For those the wait gives up after this.
RUN_STARTS_WITHIN_MS = 1000


def act(page: Page, action) -> None:
    """Do something that makes Streamlit rerun, then wait for that rerun to finish."""
    before = page.evaluate(COUNT_RUNS)
    action()
    if before >= 0:
        with contextlib.suppress(PlaywrightTimeout):
            page.wait_for_function(
                "(n) => window.aidTestRuns === undefined || window.aidTestRuns > n",
                arg=before,
                timeout=RUN_STARTS_WITHIN_MS,
            )
    wait_for_app(page)


def focus_on_heading(page: Page, title: str) -> None:
    """The keyboard's place, and a screen reader's, is the new screen's h1: the button
    pressed was redrawn or gone, and focus fell to the page's start (a review)."""
    page.wait_for_function(
        "(title) => { const a = document.activeElement;"
        " return a && a.tagName === 'H1' && a.innerText.trim() === title; }",
        arg=title,
    )


TALLEST_SHOT = 16_000  # px: Chromium's limit for one picture is about this


def screenshot(page: Page, name: str) -> None:
    """Keep a picture of each whole screen for review (ignored by git). Streamlit scrolls
    inside its main container, so a "full page" picture showed one viewport (an acceptance
    review found all 66 one screen tall): the viewport grows to the content's height for the
    picture, then the page is put back as it was."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    assert size is not None
    main = "document.querySelector('[data-testid=stMain]')"
    top, height = page.evaluate(
        f"() => {{ const m = {main}; return m ? [m.scrollTop, m.scrollHeight] : [0, 0]; }}"
    )
    tall = min(max(height, size["height"]), TALLEST_SHOT)
    path = ARTIFACTS / f"{name}.png"
    try:
        if tall > size["height"]:
            page.set_viewport_size({"width": size["width"], "height": tall})
            page.wait_for_timeout(200)  # Streamlit lays the page out again
        page.screenshot(path=str(path))
    finally:
        if tall > size["height"]:
            page.set_viewport_size(size)
            page.evaluate(f"(top) => {{ const m = {main}; if (m) m.scrollTop = top; }}", top)
    with Image.open(path) as shot:
        assert shot.height >= tall, (name, shot.height, tall)  # the whole screen, not one viewport
