"""The staged path after the questions in a real browser: every screen change lands at the
top (laptop and phone), and the browser's Back button walks back through the stages."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from decision_aid.content import load_pack
from tests.app.test_journeys import STAGE_TITLES
from tests.e2e.conftest import act, focus_on_heading, open_page, wait_for_app

LAPTOP = (1280, 800)
PHONE = (390, 844)


def scroll_to_bottom(page: Page) -> None:
    page.evaluate(
        "() => { const m = document.querySelector('[data-testid=stMain]'); m.scrollTo(0, m.scrollHeight); }"
    )


def heading_in_view(page: Page, title: str) -> None:
    """The screen's h1 is in the viewport, and the main container is scrolled to its top."""
    heading = page.get_by_role("heading", name=title, level=1)
    expect(heading).to_be_in_viewport()
    # The scroll happens once the screen is drawn: poll the real position, not a sleep.
    page.wait_for_function("() => document.querySelector('[data-testid=stMain]').scrollTop === 0")
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"] / 2, box


def click_stage(page: Page, kind: str, place: str = "bottom") -> str:
    title = page.locator("h1").first.inner_text()
    act(page, lambda: page.locator(f'[class*="st-key-nav-stage_{kind}_"][class*="_{place}"] button').click())
    expect(page.locator("h1").first).not_to_have_text(title)
    wait_for_app(page)
    return title


@pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_next_and_back_land_at_the_top_of_every_stage(browser, server, size):
    page = open_page(
        browser, server, width=size[0], height=size[1], path="?mode=workshop&persona=dana_crisis"
    )
    try:
        heading_in_view(page, STAGE_TITLES[0])
        for title in STAGE_TITLES[1:]:
            scroll_to_bottom(page)
            click_stage(page, "next")  # the Next at the bottom of the long page
            heading_in_view(page, title)
            focus_on_heading(page, title)
        for title in reversed(STAGE_TITLES[:-1]):
            scroll_to_bottom(page)
            click_stage(page, "back")
            heading_in_view(page, title)
            focus_on_heading(page, title)
    finally:
        page.context.close()


@pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_question_steps_land_at_the_top_after_next(browser, server, size):
    page = open_page(browser, server, width=size[0], height=size[1])
    try:
        # A visit's first screen leaves the keyboard's place at the page's start, where a
        # screen reader begins; the script has run once main carries its mark.
        page.wait_for_function("() => document.querySelector('[data-testid=stMain]')?.dataset.landed")
        assert page.evaluate("() => document.activeElement === document.body")
        act(page, lambda: page.get_by_role("button", name="Start the questions").click())
        focus_on_heading(page, "Safety first")
        act(page, lambda: page.get_by_text("Not at all", exact=True).click())
        for title in ("Your depression and treatments so far", "Your health", "Practical matters"):
            scroll_to_bottom(page)
            act(page, lambda: page.get_by_role("button", name="Next", exact=True).click())
            heading_in_view(page, title)
            focus_on_heading(page, title)
        scroll_to_bottom(page)
        act(page, lambda: page.get_by_role("button", name="Next: check your answers").click())
        heading_in_view(page, "Check your answers")
        focus_on_heading(page, "Check your answers")
        scroll_to_bottom(page)
        act(page, lambda: page.get_by_role("button", name="See my results").click())
        heading_in_view(page, STAGE_TITLES[0])
        focus_on_heading(page, STAGE_TITLES[0])
    finally:
        page.context.close()


def test_a_link_and_change_my_answers_land_at_the_top(browser, server):
    page = open_page(
        browser, server, width=PHONE[0], height=PHONE[1], path="?mode=workshop&persona=leo_first_episode"
    )
    try:
        click_stage(page, "next")
        scroll_to_bottom(page)
        act(page, lambda: page.get_by_role("link", name="About this aid, its sources and authors").click())
        heading_in_view(page, "About this aid")
        page.go_back()
        wait_for_app(page)
        heading_in_view(page, STAGE_TITLES[1])
        click_stage(page, "back")
        scroll_to_bottom(page)
        act(page, lambda: page.get_by_role("button", name="Change my answers").click())
        heading_in_view(page, "Check your answers")
        focus_on_heading(page, "Check your answers")
    finally:
        page.context.close()


def test_the_browsers_back_button_walks_back_through_the_stages(browser, server):
    page = open_page(browser, server, path="?mode=workshop&persona=james_blood_pressure")
    try:
        expect(page.get_by_role("heading", name=STAGE_TITLES[0], level=1)).to_be_visible()
        click_stage(page, "next")
        click_stage(page, "next")
        expect(page.get_by_role("heading", name=STAGE_TITLES[2], level=1)).to_be_visible()
        assert set(page.url.split("?", 1)[1].split("&")) == {"mode=workshop", "persona=james_blood_pressure"}
        for title in (STAGE_TITLES[1], STAGE_TITLES[0]):
            page.go_back()
            wait_for_app(page)
            expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
            heading_in_view(page, title)
        page.go_forward()
        wait_for_app(page)
        expect(page.get_by_role("heading", name=STAGE_TITLES[1], level=1)).to_be_visible()
    finally:
        page.context.close()


@pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_the_browsers_back_button_walks_back_through_the_question_steps(browser, server, size):
    """A phone's back gesture on step 3 goes to step 2, not out of the questions."""
    page = open_page(browser, server, width=size[0], height=size[1])
    steps = ("Safety first", "Your depression and treatments so far", "Your health")
    try:
        act(page, lambda: page.get_by_role("button", name="Start the questions").click())
        act(page, lambda: page.get_by_text("Not at all", exact=True).click())
        for title in steps[1:]:
            scroll_to_bottom(page)
            act(page, lambda: page.get_by_role("button", name="Next", exact=True).click())
            heading_in_view(page, title)
        act(page, lambda: page.get_by_text("High, but under control with treatment").click())
        scroll_to_bottom(page)
        for title in reversed(steps[:-1]):
            page.go_back()
            wait_for_app(page)
            heading_in_view(page, title)
        expect(page.get_by_role("radio", name="Not at all")).to_be_checked()
        page.go_back()
        wait_for_app(page)
        expect(page.get_by_role("button", name="Start the questions")).to_be_visible()
        for title in steps:
            page.go_forward()
            wait_for_app(page)
            heading_in_view(page, title)
        expect(page.get_by_role("radio", name="High, but under control with treatment")).to_be_checked()
        assert "step=3" in page.url
    finally:
        page.context.close()


def test_one_press_of_the_browsers_back_per_screen_from_the_results_into_the_questions(browser, server):
    """Leaving the last step for "Check your answers" once left a second history entry for
    that step (a second review: a back gesture that seemed to do nothing). Each press now goes
    one screen back: the check screen, step 4, step 3."""
    page = open_page(browser, server, width=LAPTOP[0], height=LAPTOP[1])
    steps = ("Safety first", "Your depression and treatments so far", "Your health", "Practical matters")
    try:
        act(page, lambda: page.get_by_role("button", name="Start the questions").click())
        act(page, lambda: page.get_by_text("Not at all", exact=True).click())
        for title in steps[1:]:
            act(page, lambda: page.get_by_role("button", name="Next", exact=True).last.click())
            heading_in_view(page, title)
        act(page, lambda: page.get_by_role("button", name="Next: check your answers").last.click())
        heading_in_view(page, "Check your answers")
        act(page, lambda: page.get_by_role("button", name="See my results").last.click())
        heading_in_view(page, STAGE_TITLES[0])
        for title in ("Check your answers", *reversed(steps[1:])):
            page.go_back()
            wait_for_app(page)
            expect(page.locator("h1").first).to_have_text(title)
    finally:
        page.context.close()


def scroll_top(page: Page) -> float:
    return page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollTop")


@pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_a_screen_that_grows_stays_where_the_person_is(browser, server, size):
    """An acceptance review clicked "Clear my answers" at the bottom of a stage and was
    taken to the top, its confirmation out of sight below; picking a second option to
    compare jumped to the top too. Only a change of screen lands at the top."""
    page = open_page(browser, server, width=size[0], height=size[1], path="?mode=workshop&persona=maria_trd")
    try:
        click_stage(page, "next")
        scroll_to_bottom(page)
        act(page, lambda: page.get_by_role("button", name="Clear my answers").click())
        expect(page.get_by_role("button", name="Yes, clear everything")).to_be_in_viewport()
        page.wait_for_timeout(500)  # a script that would scroll has run by now
        assert scroll_top(page) > 0
        expect(page.get_by_role("button", name="Yes, clear everything")).to_be_in_viewport()
        act(page, lambda: page.get_by_role("button", name="Cancel").click())
        while page.locator("h1").first.inner_text() != "Compare options":
            click_stage(page, "next", "top")
        options = page.locator(".st-key-compare-options button")
        for i in range(2):
            options.nth(i).evaluate("b => b.scrollIntoView({block: 'center'})")
            before = scroll_top(page)
            act(page, lambda i=i: options.nth(i).click())
            page.wait_for_timeout(500)
            assert scroll_top(page) == pytest.approx(before, abs=100), (i, before)
            expect(options.nth(i)).to_be_in_viewport()
    finally:
        page.context.close()


@pytest.mark.parametrize("path", ["", "?mode=workshop", "?mode=workshop&persona=maria_trd"])
def test_the_first_screen_of_a_visit_leaves_the_keyboard_at_the_start_and_a_first_link_moves_it(
    browser, server, path
):
    """A visit starts where a screen reader starts, at the page's top with its danger line;
    the first move after it, a link included, lands on the new screen's heading (a review
    found the workshop's first screen took focus, and a first link did not)."""
    page = open_page(browser, server, width=LAPTOP[0], height=LAPTOP[1], path=path)
    try:
        page.wait_for_function("() => document.querySelector('[data-testid=stMain]')?.dataset.landed")
        page.wait_for_timeout(300)  # a second run, if the visit had one, has drawn by now
        wait_for_app(page)
        assert page.evaluate("() => document.activeElement === document.body")
        if path == "?mode=workshop":  # the workshop page's own way on
            act(page, lambda: page.get_by_role("button", name="Load this case (Maria").click())
            focus_on_heading(page, STAGE_TITLES[0])
            return
        about = page.get_by_role("link", name="About this aid, its sources and authors")
        act(page, lambda: about.last.click())
        heading_in_view(page, "About this aid")
        focus_on_heading(page, "About this aid")
    finally:
        page.context.close()


def test_clear_and_cancel_keep_the_keyboards_place(browser, server):
    """ "Clear my answers" gives way to a question and two buttons, and Cancel brings it
    back: focus fell to the page's start both times (a keyboard review). It goes to Cancel,
    so a second Enter keeps the answers, then back to "Clear my answers"."""
    page = open_page(
        browser, server, width=LAPTOP[0], height=LAPTOP[1], path="?mode=workshop&persona=leo_first_episode"
    )
    try:
        act(page, lambda: page.get_by_role("button", name="Clear my answers").click())
        expect(page.get_by_role("button", name="Cancel")).to_be_focused()
        act(page, lambda: page.keyboard.press("Enter"))
        expect(page.get_by_role("button", name="Clear my answers")).to_be_focused()
        expect(page.get_by_role("heading", name=STAGE_TITLES[0], level=1)).to_be_visible()
    finally:
        page.context.close()


@pytest.mark.parametrize("screen", ["results", "prepare", "summary"])
def test_a_later_screen_opened_with_no_answers_says_why_and_leads_to_the_questions(browser, server, screen):
    """A reload (a phone may reload a tab left for a call) or Back after "Reset for the next
    person" opened a later screen empty: Prepare with a crisis panel "because you did not
    answer", the summary "Please answer the safety question first" (two reviews). It says
    that the answers are gone, and why, and leads to the questions."""
    words = load_pack("en").ui
    page = open_page(browser, server, path=screen)
    expect(page.get_by_text(words.answers_gone)).to_be_visible()
    expect(page.get_by_text(words.results_not_ready)).to_have_count(0)
    expect(page.get_by_text("Help is available right now")).to_have_count(0)
    act(page, lambda: page.get_by_role("button", name=words.go_to_questions).click())
    expect(
        page.get_by_role("heading", name=load_pack("en").questionnaire.sections[0].title, level=1)
    ).to_be_visible()
    page.context.close()
