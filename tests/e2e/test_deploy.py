"""A real browser through the workshop deployment (deploy/): nginx in front of two replicas.

The protocol tests in tests/deploy/ cover sessions and headers; this one shows that
everything a browser asks nginx for arrives: the page, its scripts and styles, Streamlit's
own endpoints and the websocket.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import expect

from tests.deploy.replicas import running
from tests.e2e.conftest import OFF_ORIGIN, act, open_page, wait_for_app
from tests.e2e.test_journeys import CRISIS, SAFETY, choose, click_button


def probing(url: str) -> bool:
    """Opened at a screen's own address (/questions), Streamlit's page first looks for its
    server under that path, gets 404 (as it does without nginx), then finds it at the root."""
    path = urlsplit(url).path
    return path.endswith(("/_stcore/health", "/_stcore/host-config")) and not path.startswith("/_stcore/")


def test_the_app_works_in_a_browser_through_nginx(browser, tmp_path):
    with running(tmp_path) as deployment:
        failed = []
        page = open_page(browser, deployment)  # records any request that leaves the origin
        page.on(
            "response",
            lambda r: (
                failed.append(f"{r.status} {r.url}") if r.status >= 400 and not probing(r.url) else None
            ),
        )
        page.reload()  # so that the first page load is watched too
        wait_for_app(page)
        click_button(page, "Start the questions")
        choose(page, SAFETY, "Several days")
        expect(page.get_by_role("heading", name=CRISIS)).to_be_visible()
        act(page, lambda: page.reload())
        # A reload starts a new session: the answer was kept nowhere, on no replica.
        expect(page.get_by_role("radiogroup", name=SAFETY)).to_be_visible()
        expect(page.get_by_role("heading", name=CRISIS)).to_have_count(0)
        page.context.close()
    assert failed == [], f"requests that failed through nginx: {failed}"
    assert OFF_ORIGIN == [], f"requests left the app's origin: {OFF_ORIGIN}"
