"""The person's own words on screen as typed (issue 17, red-team F7): no autolink, maths,
emoji, icon, Markdown or HTML from them, on Prepare and in the summary, in a real browser."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from decision_aid.answers import Answers
from decision_aid.deliberation import suggested_questions
from tests.e2e.conftest import act, check_screen
from tests.e2e.test_journeys import SAFETY, choose, click_button, next_stage, stages_from
from tests.unit.strategies import PACK

TYPED = (
    "Is www.example.com or mail@evil.example right? $x^2+\\frac12$ :material/home: :smile: "
    "[a](http://localhost:9/x) <b>bold</b> **strong**"
)


def made_from_the_words(page: Page, scope: str) -> dict[str, int]:
    """What the page drew inside ``scope`` that only markup in the words could make."""
    return page.evaluate(
        """scope => {
            const box = document.querySelector(scope) || document.body;
            return {
                links: [...box.querySelectorAll('a')].filter(a => /example|localhost/.test(a.href)).length,
                maths: box.querySelectorAll('.katex').length,
                icons: [...box.querySelectorAll('span')].filter(s => s.textContent === 'home').length,
                emoji: (box.textContent.match(/\\u{1F604}/gu) || []).length,
                bold: [...box.querySelectorAll('b, strong')].filter(b => /bold|strong/.test(b.textContent)).length,
            };
        }""",
        scope,
    )


@pytest.fixture(autouse=True, scope="module")
def patient_waits():
    """This machine is shared with a load benchmark: waits may take longer than the default."""
    expect.set_options(timeout=30_000)
    yield
    expect.set_options(timeout=5_000)


def to_prepare(page: Page) -> None:
    """A patient's path to Prepare: the safety question answered, the rest skipped."""
    click_button(page, "Start the questions")
    choose(page, SAFETY, "Not at all")
    for _ in range(3):
        click_button(page, "Next")
    click_button(page, "Next: check your answers")
    click_button(page, "See my results")
    stages_from(page, "results", "prepare")


NOTHING = {"links": 0, "maths": 0, "icons": 0, "emoji": 0, "bold": 0}


def test_own_question_is_shown_as_typed_on_prepare_and_in_the_summary(page):
    to_prepare(page)
    # The questions to tick are a group named by their heading, as a question's answers are:
    # a box said only its own words (a keyboard review).
    asks = page.get_by_role("group", name=PACK.deliberation.questions.title)
    offered = suggested_questions(PACK, Answers().with_answer("self_harm_thoughts", "not_at_all"))
    expect(asks.get_by_role("checkbox")).to_have_count(len(offered))
    act(page, lambda: page.get_by_label("Add your own question (optional)").fill(TYPED))
    act(page, lambda: page.get_by_role("button", name="Add question").click())
    expect(page.get_by_text(TYPED, exact=True)).to_be_visible()
    # A screen reader hears it was added: the keyboard stays on "Add question", and the box
    # emptied in silence (a keyboard review).
    expect(page.locator("#aid-said")).to_have_text(PACK.ui.own_question_added)
    assert made_from_the_words(page, '[data-testid="stMain"]') == NOTHING
    check_screen(page, "own-words-prepare")
    # Removed, then put back: its "Removed:" line shows the words as typed too (a review
    # saw ":material_home:" and 10 px green code there).
    act(page, lambda: page.get_by_role("button", name="Remove (", exact=False).click())
    removed = page.locator(".st-key-box-removed [data-testid=stText]")
    expect(removed).to_have_text(f"Removed: {TYPED}")
    assert made_from_the_words(page, '[data-testid="stMain"]') == NOTHING
    assert removed.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 14
    act(page, lambda: page.get_by_role("button", name="Undo (", exact=False).click())
    expect(page.get_by_text(TYPED, exact=True)).to_be_visible()
    next_stage(page, "prepare")
    summary = page.locator(".st-key-box-summary_document")
    expect(summary).to_contain_text("Is www.example.com")
    # Every character as typed (a word joiner keeps ":material/" from Streamlit's icon rewrite).
    assert TYPED in summary.inner_text().replace("\u2060", "")
    assert made_from_the_words(page, ".st-key-box-summary_document") == NOTHING
    check_screen(page, "own-words-summary")


def test_words_about_suicide_cut_off_at_the_limit_bring_help_beside_their_box_at_once(page):
    """A re-check of a red-team fix: 230 characters ending "I want to die" in "anything else
    that matters" were read whole, but the help came only after leaving Prepare: that box
    redraws alone, and the help was drawn beside the questions box."""
    from tests.app.test_takeaway import PACK

    page.goto(page.url.split("?")[0] + "?mode=workshop&persona=maria_trd")
    stages_from(page, "results", "prepare")
    box = page.get_by_label(PACK.deliberation.values.own_label)
    limit = PACK.deliberation.values.own_max_chars
    act(page, lambda: box.fill("x" * (limit + 30 - len(" I want to die")) + " I want to die"))
    act(page, lambda: box.press("Enter"))
    expect(page.get_by_text(PACK.ui.text_cut.format(count=limit))).to_be_visible()
    help_line = page.get_by_text(PACK.ui.typed_crisis_reason, exact=True)
    expect(help_line).to_have_count(1)
    expect(help_line).to_be_visible()
    below_box = help_line.bounding_box()["y"] - box.bounding_box()["y"]
    assert 0 < below_box < 400, below_box  # beside the box, not the questions at the bottom


def test_a_double_click_on_remove_is_undone_question_by_question(page):
    """A double click on Remove can remove the next question too, its row slid under the
    pointer (an acceptance review): Undo brings each back in its place, the latest first."""
    to_prepare(page)
    texts = ["Can my partner stay with me?", "Will I be able to work the next day?", "Is it covered?"]
    box = page.get_by_label("Add your own question (optional)")
    for text in texts:
        act(page, lambda text=text: box.fill(text))
        act(page, lambda: page.get_by_role("button", name="Add question").click())
    # Each button reads "Remove" and is named for its question.
    expect(page.get_by_role("button", name=f"Remove ({texts[0]})", exact=True)).to_be_visible()
    act(page, lambda: page.get_by_role("button", name=f"Remove ({texts[0]})").dblclick())
    listed = page.locator('[data-testid="stMain"] [data-testid="stText"]')
    expect(listed.get_by_text(texts[0], exact=True)).to_have_count(0)
    gone = [text for text in texts if listed.get_by_text(text, exact=True).count() == 0]
    assert gone in (texts[:1], texts[:2]), gone  # the second click may take the next one too
    expect(page.get_by_text(f"Removed: {gone[-1]}", exact=True)).to_be_visible()
    # The keyboard's place moves to Undo, which a screen reader then reads with the question.
    expect(page.get_by_role("button", name=f"Undo ({gone[-1]})", exact=True)).to_be_focused()
    check_screen(page, "prepare-undo")
    for text in reversed(gone):
        act(page, lambda text=text: page.get_by_role("button", name=f"Undo ({text})", exact=True).click())
        expect(listed.get_by_text(text, exact=True)).to_be_visible()
        expect(page.get_by_role("button", name=f"Remove ({text})", exact=True)).to_be_focused()
    expect(page.get_by_role("button", name="Undo (", exact=False)).to_have_count(0)
    shown = page.locator('[data-testid="stMain"] [data-testid="stText"]').all_inner_texts()
    assert [text for text in shown if text in texts] == texts
