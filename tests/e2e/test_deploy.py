"""A real browser through the workshop deployment (deploy/): nginx in front of two replicas.

The protocol tests in tests/deploy/ cover sessions and headers; this one shows that
everything a browser asks nginx for arrives: the page, its scripts and styles, Streamlit's
own endpoints and the websocket.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

from playwright.sync_api import expect

from benchmarks.load import Session
from tests.deploy.replicas import running
from tests.e2e.conftest import OFF_ORIGIN, act, open_page, wait_for_app
from tests.e2e.test_journeys import CRISIS, SAFETY, choose, click_button


def probing(url: str) -> bool:
    """Opened at a screen's own address (/questions), Streamlit's page first looks for its
    server under that path, gets 404 (as it does without nginx), then finds it at the root."""
    path = urlsplit(url).path
    return path.endswith(("/_stcore/health", "/_stcore/host-config")) and not path.startswith("/_stcore/")


# Every frame (the page, Streamlit's srcdoc frames) reports what its policy blocked.
REPORT_VIOLATIONS = """document.addEventListener('securitypolicyviolation', (e) =>
  console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));"""


async def warm(replica: str) -> None:
    """One run on a replica, as run_replicas.sh --benchmark does: the first run loads the
    content pack, which on a busy machine takes longer than wait_for_app waits."""
    session = Session(replica)
    await session.open()
    await session.close()


def test_the_app_works_in_a_browser_through_nginx(browser, tmp_path):
    with running(tmp_path) as deployment:
        with ThreadPoolExecutor(1) as thread:  # Playwright's own event loop runs in this one
            for replica in deployment.replicas:
                thread.submit(asyncio.run, warm(replica)).result()
        failed, violations, policies = [], [], []
        page = open_page(browser, deployment)  # records any request that leaves the origin
        page.on(
            "response",
            lambda r: (
                failed.append(f"{r.status} {r.url}") if r.status >= 400 and not probing(r.url) else None
            ),
        )
        # nginx's Content-Security-Policy (issue 17, F13): the app must work under it.
        page.on(
            "console",
            lambda m: (
                violations.append(m.text) if "Content Security Policy" in m.text or "CSP" in m.text else None
            ),
        )
        page.on(
            "response",
            lambda r: (
                policies.append(r.headers.get("content-security-policy", "")) if r.url.endswith("/") else None
            ),
        )
        page.add_init_script(REPORT_VIOLATIONS)
        page.reload()  # so that the first page load is watched too
        wait_for_app(page)
        click_button(page, "Start the questions")
        choose(page, SAFETY, "Several days")
        expect(page.get_by_role("heading", name=CRISIS)).to_be_visible()
        act(page, lambda: page.reload())
        # A reload starts a new session: the answer was kept nowhere, on no replica.
        expect(page.get_by_role("radiogroup", name=SAFETY)).to_be_visible()
        expect(page.get_by_role("heading", name=CRISIS)).to_have_count(0)
        # The workshop page: its QR code is an image served from /media/.
        page.goto(f"{deployment.url}/?mode=workshop")
        wait_for_app(page)
        qr = page.get_by_role("img", name="Scan to open the aid on your phone", exact=False).first
        expect(qr).to_be_visible()
        page.wait_for_function("(img) => img.complete && img.naturalWidth > 0", arg=qr.element_handle())
        page.context.close()
    assert policies and all("frame-ancestors 'none'" in p for p in policies), policies
    assert violations == [], f"blocked by the Content-Security-Policy: {violations}"
    assert failed == [], f"requests that failed through nginx: {failed}"
    assert OFF_ORIGIN == [], f"requests left the app's origin: {OFF_ORIGIN}"
