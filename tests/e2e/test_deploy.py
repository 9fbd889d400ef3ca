"""A real browser through the workshop deployment (deploy/): nginx in front of two replicas.

The protocol tests in tests/deploy/ cover sessions and headers; this one shows that
everything a browser asks nginx for arrives: the page, its scripts and styles, Streamlit's
own endpoints and the websocket.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import expect

from tests.deploy.replicas import running
from tests.e2e.conftest import act, wait_for_app
from tests.e2e.test_journeys import CRISIS, SAFETY, choose, click_button


def probing(url: str) -> bool:
    """Opened at a screen's own address (/questions), Streamlit's page first looks for its
    server under that path, gets 404 (as it does without nginx), then finds it at the root."""
    path = urlsplit(url).path
    return path.endswith(("/_stcore/health", "/_stcore/host-config")) and not path.startswith("/_stcore/")


def test_the_app_works_in_a_browser_through_nginx(browser, tmp_path):
    with running(tmp_path) as deployment:
        context = browser.new_context()
        page = context.new_page()
        page.set_default_timeout(20_000)
        failed, elsewhere = [], []
        page.on(
            "response",
            lambda r: (
                failed.append(f"{r.status} {r.url}") if r.status >= 400 and not probing(r.url) else None
            ),
        )
        page.on(
            "request",
            lambda r: (
                None if r.url.startswith((deployment.url, "data:", "blob:")) else elsewhere.append(r.url)
            ),
        )
        page.goto(deployment.url)
        wait_for_app(page)
        click_button(page, "Start the questions")
        choose(page, SAFETY, "Several days")
        expect(page.get_by_role("heading", name=CRISIS)).to_be_visible()
        act(page, lambda: page.reload())
        # A reload starts a new session: the answer was kept nowhere, on no replica.
        expect(page.get_by_role("radiogroup", name=SAFETY)).to_be_visible()
        expect(page.get_by_role("heading", name=CRISIS)).to_have_count(0)
        context.close()
    assert failed == [], f"requests that failed through nginx: {failed}"
    assert elsewhere == [], f"requests that left the app's origin: {elsewhere}"
